package io.deskbridge.zendesk.internal.webhook;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.zendesk.internal.mapping.ZendeskOwnership;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Zendesk's webhook endpoint: the signature check, then the decoder for event and trigger webhooks. */
public final class ZendeskWebhookEndpoint implements WebhookEndpoint {
  /**
   * The tag an agent adds to a ticket to approve the bot's draft: {@code ticket.tags_changed} adding it is
   * {@code DRAFT_APPROVED}, and the bot sends its pending draft as the public reply. Adding it again (after removing
   * it) approves a later draft.
   */
  public static final String DRAFT_APPROVAL_TAG = "deskbridge_approve";

  private final ZendeskWebhookVerifier verifier;
  private final ZendeskWebhookDecoder decoder;

  /**
   * @param ownership how to tell who owns a ticket from an event's snapshot, and which tag's removal is a release
   */
  public ZendeskWebhookEndpoint(String installationId, Secret secret, Duration tolerance, Clock clock,
      ZendeskOwnership ownership) {
    this.verifier = new ZendeskWebhookVerifier(secret, tolerance, clock);
    this.decoder = new ZendeskWebhookDecoder(installationId, clock, ownership);
  }

  @Override
  public void verify(WebhookRequest request) {
    verifier.verify(request);
  }

  @Override
  public List<InboundEvent> decode(WebhookRequest request) {
    return decoder.decode(request);
  }
}
