package io.deskbridge.core.spi;

/**
 * Builds a vendor connector from its configuration. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.deskbridge.core.spi.ConnectorFactory}).
 *
 * <p>{@link #create} validates the configuration and builds clients but makes no vendor call; core then
 * calls {@link HelpdeskClient#whoAmI()} once to fail fast before the first customer message arrives.
 */
public interface ConnectorFactory {

  /** The vendor id used in configuration files, lower case, e.g. {@code zendesk}. */
  String vendor();

  /**
   * Builds a connector for one installation.
   *
   * @throws IllegalArgumentException when the configuration is invalid; the message names the setting
   */
  Connector create(ConnectorContext context);
}
