package io.deskbridge.core.store;

import io.deskbridge.core.webhook.InboundEvent;
import java.util.Objects;

/**
 * A received event not processed yet.
 *
 * @param id       the store's id; ids increase in the order events were received
 * @param event    the event
 * @param attempts how many times processing it failed so far
 */
public record PendingEvent(long id, InboundEvent event, int attempts) {
  public PendingEvent {
    Objects.requireNonNull(event, "event");
  }
}
