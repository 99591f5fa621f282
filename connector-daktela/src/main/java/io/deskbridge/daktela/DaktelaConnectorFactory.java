package io.deskbridge.daktela;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.net.URL;
import java.util.Optional;

/** Builds Daktela connectors; registered for {@link java.util.ServiceLoader} under vendor {@code daktela}. */
public final class DaktelaConnectorFactory implements ConnectorFactory {
  @Override
  public String vendor() {
    return DaktelaConnector.VENDOR;
  }

  /** {@code daktela-settings.schema.json}: the keys of {@link DaktelaConfig#from}. */
  @Override
  public Optional<URL> settingsSchema() {
    return Optional.of(DaktelaConnectorFactory.class.getResource("daktela-settings.schema.json"));
  }

  /**
   * Reads the settings and builds the connector; no vendor call. Its start-up calls fail with a message that names
   * the setting to fix: {@code accessToken} (and {@code authIn}) for a refused token, {@code url} for an unknown host
   * or an instance without the API, and the routing target for a category or user Daktela lacks.
   */
  @Override
  public Connector create(ConnectorContext context) {
    return new DaktelaConnector(context.installationId(), DaktelaConfig.from(context.settings()),
        context.settings().path(), context.clock());
  }

  /** Prints what to set up in Daktela's administration, which has no API for it. */
  @Override
  public Optional<io.deskbridge.core.spi.Installer> installer() {
    return Optional.of(new DaktelaInstaller());
  }
}
