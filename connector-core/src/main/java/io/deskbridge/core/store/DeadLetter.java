package io.deskbridge.core.store;

import io.deskbridge.core.webhook.InboundEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event given up on after repeated failures, kept for an admin to inspect and replay.
 *
 * @param id             the dead letter's id
 * @param installationId the installation
 * @param event          the event
 * @param reason         the last failure
 * @param attempts       how many times it was tried
 * @param at             when it was given up on
 */
public record DeadLetter(long id, String installationId, InboundEvent event, String reason, int attempts, Instant at) {
  public DeadLetter {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
