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
  /**
   * The longest summary with the Support API configured: the summary goes in full as a private comment on the
   * messaging ticket, as a ticket installation's note does.
   */
  static final int MAX_FULL_NOTE_CHARS = 65_536;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ZendeskMessagingConnector.class);

  private final ZendeskMessagingClient client;
  private final ZendeskMessagingWebhookEndpoint webhook;
  private final ZendeskMessagingErrorMapper errors = new ZendeskMessagingErrorMapper();

  ZendeskMessagingConnector(String installationId, ZendeskMessagingConfig config, String settingsPath,
      String handoverTag, java.time.Clock clock) {
    this.client = new ZendeskMessagingClient(installationId, config, settingsPath, handoverTag);
    this.webhook = client.webhookEndpoint(installationId, clock);
    supportWarning(config, settingsPath).ifPresent(log::warn);
  }

  /**
   * The one line said at start when the Support API is not configured: a summary over SunCo's 4 KB metadata is then
   * cut; empty when it is configured.
   */
  static java.util.Optional<String> supportWarning(ZendeskMessagingConfig config, String settingsPath) {
    if (config.support().isPresent()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(settingsPath + ".support is not set: a handover summary over SunCo's 4 KB metadata "
        + "is cut; set " + settingsPath + ".support (url, email, apiToken, webhookSecret) to post it in full as an "
        + "internal note on the messaging ticket");
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
   * {@code HANDOVER_ENDS_BOT_WRITES}: after {@code passControl} the agent workspace has the conversation, so the
   * customer's handover line is posted before it (and shows in the agent's transcript from {@code first_message_id}).
   * Notes up to {@value #MAX_FULL_NOTE_CHARS} characters with the Support API configured, else {@value #MAX_NOTE_CHARS}.
   */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Capability.CHAT, Capability.ATOMIC_UPDATE, Capability.HANDOVER_ENDS_BOT_WRITES),
        client.postsFullSummaries() ? MAX_FULL_NOTE_CHARS : MAX_NOTE_CHARS);
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
