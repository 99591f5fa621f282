package io.deskbridge.core.store;

import io.deskbridge.core.webhook.InboundEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A received event not processed yet.
 *
 * @param id       the store's id; ids increase in the order events were received
 * @param event    the event
 * @param attempts   how many times processing it failed so far
 * @param receivedAt when the store received it (the receiving engine's clock), however long it then waited
 */
public record PendingEvent(long id, InboundEvent event, int attempts, Instant receivedAt) {
  public PendingEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
