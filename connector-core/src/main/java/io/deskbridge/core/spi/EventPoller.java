package io.deskbridge.core.spi;

import io.deskbridge.core.webhook.InboundEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pulls events from a vendor whose installation does not send webhooks. Core owns the loop: per installation one
 * instance at a time polls (a lease in the store), every {@link #interval()}, through the installation's rate
 * limiter and retries; it stores the returned events in the durable inbox (duplicates by event id are dropped, so
 * an overlap between polls costs nothing) and only then stores the new cursor, so a crash between the two repeats
 * a poll and loses nothing. Implementations keep no state between polls except through the cursor, throw the SDK's
 * exceptions (the connector's {@link ErrorMapper} maps them) and are thread-safe.
 */
public interface EventPoller {

  /**
   * How often core polls: from the start of one successful poll to the start of the next (at once when a poll took
   * longer); after a failed poll core waits this long before trying again.
   */
  Duration interval();

  /**
   * Reads what changed since {@code cursor}.
   *
   * @param cursor the cursor the previous successful poll returned, as stored; empty on the installation's first
   *               poll ever
   * @return the events, in the order the vendor recorded them, each with an id that is the same whenever the same
   *         change is read again; and the cursor to pass next time
   */
  Poll poll(Optional<String> cursor);

  /**
   * One poll's result.
   *
   * @param events the changes read, possibly some already returned by an earlier poll (same ids)
   * @param cursor where the next poll starts; opaque to core, at most 512 characters
   */
  record Poll(List<InboundEvent> events, String cursor) {
    public Poll {
      events = List.copyOf(events);
      Objects.requireNonNull(cursor, "cursor");
      if (cursor.length() > 512) {
        throw new IllegalArgumentException("cursor longer than 512 characters");
      }
    }
  }
}
