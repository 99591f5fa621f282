package io.deskbridge.core.api;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.net.URL;
import java.util.Optional;

/**
 * The factory of the built-in installation kind {@code api} (the Conversation API), found by {@link
 * java.util.ServiceLoader} like every vendor's. Its connectors keep their conversations in Deskbridge's own store,
 * which {@link io.deskbridge.core.Deskbridge} binds to them once it is open ({@link ApiConnector#bind}).
 */
public final class ApiConnectorFactory implements ConnectorFactory {
  /** The vendor id of the Conversation API's installations. */
  public static final String VENDOR = "api";

  @Override
  public String vendor() {
    return VENDOR;
  }

  @Override
  public Optional<URL> settingsSchema() {
    return Optional.ofNullable(ApiConnectorFactory.class.getResource("api-settings.schema.json"));
  }

  @Override
  public Connector create(ConnectorContext context) {
    return new ApiConnector(context.installationId(), ApiSettings.from(context.settings()), context.clock());
  }
}
