package io.deskbridge.daktela;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import io.deskbridge.daktela.internal.chat.DaktelaChatClient;
import java.net.URL;
import java.util.Optional;

/**
 * Builds Daktela web chat connectors; registered for {@link java.util.ServiceLoader} under vendor {@code daktela-chat}.
 * One installation is the external bot of one web-chat routing.
 */
public final class DaktelaChatConnectorFactory implements ConnectorFactory {
  @Override
  public String vendor() {
    return DaktelaChatClient.VENDOR;
  }

  /**
   * {@code daktela-chat-settings.schema.json}: the keys of {@link DaktelaChatConfig#from} and
   * {@link DaktelaChatApiAccess#from}.
   */
  @Override
  public Optional<URL> settingsSchema() {
    return Optional.of(DaktelaChatConnectorFactory.class.getResource("daktela-chat-settings.schema.json"));
  }

  /**
   * Reads the settings and builds the connector; no vendor call (the protocol has none to make before a customer
   * writes). Its start-up check refuses routing targets that are not queue numbers, naming the target.
   */
  @Override
  public Connector create(ConnectorContext context) {
    return new DaktelaChatConnector(context.installationId(), DaktelaChatConfig.from(context.settings()),
        DaktelaChatApiAccess.from(context.settings()), context.settings().path(), context.clock());
  }

  /** Prints what to set up in Daktela's administration, which has no API for it. */
  @Override
  public Optional<io.deskbridge.core.spi.Installer> installer() {
    return Optional.of(new DaktelaChatInstaller());
  }
}
