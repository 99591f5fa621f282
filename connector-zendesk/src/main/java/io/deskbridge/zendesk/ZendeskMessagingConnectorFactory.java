package io.deskbridge.zendesk;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingClient;
import java.net.URL;
import java.util.Optional;

/**
 * Builds Zendesk messaging (Sunshine Conversations) connectors; registered for {@link java.util.ServiceLoader} under
 * vendor {@code zendesk-messaging}. One installation is one SunCo app.
 */
public final class ZendeskMessagingConnectorFactory implements ConnectorFactory {
  @Override
  public String vendor() {
    return ZendeskMessagingClient.VENDOR;
  }

  /** {@code zendesk-messaging-settings.schema.json}: the keys of {@link ZendeskMessagingConfig#from}. */
  @Override
  public Optional<URL> settingsSchema() {
    return Optional.of(ZendeskMessagingConnectorFactory.class.getResource("zendesk-messaging-settings.schema.json"));
  }

  /**
   * Reads the settings and builds the connector; the context's handover tag goes on every handover's messaging ticket. Its start-up call reads the switchboard and fails with a message
   * naming the setting to fix ({@code keyId}/{@code keySecret}, {@code appId}, {@code url}, {@code botIntegrationId},
   * {@code handoverTarget}; with {@code support} also {@code support.apiToken}, {@code support.email},
   * {@code support.url}). Without {@code support} it warns once that a summary over SunCo's 4 KB metadata is cut.
   */
  @Override
  public Connector create(ConnectorContext context) {
    return new ZendeskMessagingConnector(context.installationId(), ZendeskMessagingConfig.from(context.settings()),
        context.settings().path(), context.handoverTag(), context.clock());
  }

  /**
   * Makes the custom integration with its webhook, the webhook's secret file and the switchboard integration through
   * the Conversations API ({@link ZendeskMessagingInstaller}).
   */
  @Override
  public Optional<io.deskbridge.core.spi.Installer> installer() {
    return Optional.of(new ZendeskMessagingInstaller());
  }
}
