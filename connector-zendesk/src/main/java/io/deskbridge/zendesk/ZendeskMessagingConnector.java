package io.deskbridge.zendesk;

import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingClient;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingErrorMapper;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingWebhookEndpoint;
import java.util.EnumSet;

/**
 * A Zendesk messaging installation (one Sunshine Conversations app): {@code X-API-Key} webhooks in, the Conversations
 * API out; the bot acts while its switchboard integration is active. Thread-safe.
 */
final class ZendeskMessagingConnector implements Connector {
  /**
   * The longest summary a handover carries: SunCo's metadata holds 4,096 bytes in all, and the client cuts the
   * summary further to what the other keys leave.
   */
  static final int MAX_NOTE_CHARS = 4096;

  private final ZendeskMessagingClient client;
  private final ZendeskMessagingWebhookEndpoint webhook;
  private final ZendeskMessagingErrorMapper errors = new ZendeskMessagingErrorMapper();

  ZendeskMessagingConnector(String installationId, ZendeskMessagingConfig config, String settingsPath,
      String handoverTag) {
    this.client = new ZendeskMessagingClient(config, settingsPath, handoverTag);
    this.webhook = client.webhookEndpoint(installationId);
  }

  @Override
  public String vendor() {
    return ZendeskMessagingClient.VENDOR;
  }

  @Override
  public WebhookEndpoint webhook() {
    return webhook;
  }

  @Override
  public HelpdeskClient client() {
    return client;
  }

  /**
   * {@code CHAT} (core debounces quick lines and shows the typing indicator) and {@code ATOMIC_UPDATE}: one
   * {@code passControl} carries the group, the tags and the summary. No conditional writes (core re-reads before a
   * public write), no tags on the conversation, no signature (a shared secret), no agent availability (SunCo has no
   * such query: business hours decide whether the customer is told that nobody is there).
   */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(EnumSet.of(Capability.CHAT, Capability.ATOMIC_UPDATE), MAX_NOTE_CHARS);
  }

  @Override
  public ErrorMapper errorMapper() {
    return errors;
  }

  @Override
  public void close() {
    client.close();
  }
}
