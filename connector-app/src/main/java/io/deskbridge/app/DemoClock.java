package io.deskbridge.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The chat demo's engine clock: the system clock, which the demo can stop and move on. Stopped, the time the
 * connector stamps on received chat messages is the same for every message, so whether quick messages fall into one
 * debounce window depends on the script, not on how fast the machine delivers them; moving it on by the window makes
 * them due at once, without waiting for it. Never goes backwards. Thread-safe.
 */
final class DemoClock extends Clock {
  private Duration offset = Duration.ZERO;
  private Instant stoppedAt;

  /** Stops the time where it is (no-op when already stopped). */
  synchronized void stop() {
    if (stoppedAt == null) {
      stoppedAt = instant();
    }
  }

  /** Moves the time on by {@code step} (not negative), stopped or not. */
  synchronized void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("the demo's clock never goes back: " + step);
    }
    if (stoppedAt != null) {
      stoppedAt = stoppedAt.plus(step);
    } else {
      offset = offset.plus(step);
    }
  }

  /** Lets the time run on from where it stands (no-op when running). */
  synchronized void resume() {
    if (stoppedAt != null) {
      offset = Duration.between(Instant.now(), stoppedAt);
      stoppedAt = null;
    }
  }

  @Override
  public synchronized Instant instant() {
    return stoppedAt != null ? stoppedAt : Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
