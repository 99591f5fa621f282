package io.deskbridge.core.spi;

import java.net.URL;
import java.util.Optional;

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
   * A JSON Schema (draft 2020-12) of this vendor's {@code settings} section, checked when the configuration is
   * loaded, so that a misspelt key (say {@code apiTokn}) is an error naming it, with the closest known key. Declare
   * every key with {@code "additionalProperties": false}; values are the factory's to check in {@link #create}.
   * Empty accepts any key.
   */
  default Optional<URL> settingsSchema() {
    return Optional.empty();
  }

  /**
   * What registers an installation with the vendor ({@code install}, {@code uninstall}, the check {@code doctor} runs);
   * empty (the default) when there is nothing to register. It works from the settings alone, before the connector can
   * be built (a secret the installer writes may not exist yet).
   */
  default Optional<Installer> installer() {
    return Optional.empty();
  }

  /**
   * Builds a connector for one installation.
   *
   * @throws IllegalArgumentException when the configuration is invalid; the message names the setting
   */
  Connector create(ConnectorContext context);
}
