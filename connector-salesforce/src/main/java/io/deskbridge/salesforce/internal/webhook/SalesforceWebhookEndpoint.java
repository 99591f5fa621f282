package io.deskbridge.salesforce.internal.webhook;

import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Placeholder until helper sfhook's Outbound Message endpoint is merged: refuses every webhook. */
public final class SalesforceWebhookEndpoint implements WebhookEndpoint {
  public SalesforceWebhookEndpoint(String organizationId, Optional<String> pathToken, List<String> allowFrom,
      Supplier<Set<String>> botOwnerIds) {}

  @Override
  public void verify(WebhookRequest request) {
    throw WebhookRejectedException.withStatus(503, "Salesforce Outbound Messages are not wired yet");
  }

  @Override
  public List<InboundEvent> decode(WebhookRequest request) {
    return List.of();
  }
}
