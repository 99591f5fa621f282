package io.deskbridge.zendesk;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.net.URL;
import java.util.Optional;

/** Builds Zendesk connectors; registered for {@link java.util.ServiceLoader} under vendor {@code zendesk}. */
public final class ZendeskConnectorFactory implements ConnectorFactory {
  @Override
  public String vendor() {
    return ZendeskConnector.VENDOR;
  }

  /** {@code zendesk-settings.schema.json}: the keys of {@link ZendeskConfig#from}. */
  @Override
  public Optional<URL> settingsSchema() {
    return Optional.of(ZendeskConnectorFactory.class.getResource("zendesk-settings.schema.json"));
  }

  /**
   * Reads the settings and builds the connector. The context's handover tag is how the connector tells a ticket
   * people own (the tag, or an assignee other than the bot) and a release (the tag removed). Its start-up call fails with a message that names the setting to
   * fix: {@code apiToken} and {@code email} for a refused token, {@code url} for an unknown host.
   */
  @Override
  public Connector create(ConnectorContext context) {
    return new ZendeskConnector(context.installationId(), ZendeskConfig.from(context.settings()),
        context.settings().path(), context.clock(), context.handoverTag());
  }

  /** Makes the webhook, its signing secret file and the triggers through the API ({@link ZendeskInstaller}). */
  @Override
  public Optional<io.deskbridge.core.spi.Installer> installer() {
    return Optional.of(new ZendeskInstaller());
  }
}
