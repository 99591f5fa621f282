package io.deskbridge.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the workers do while the store fails: wait with exponential back-off (from {@link #FIRST_WAIT}, doubling,
 * capped at {@link #MAX_WAIT}) and report it in at most one log line per {@link #LOG_EVERY}, with the number of
 * failures since the last line and no stack trace; one line again once the store has worked for
 * {@link #QUIET_FOR} without a failure; the back-off, too, starts over only then (why: {@code docs/architecture.md},
 * "Store"). Shared by the workers; thread-safe.
 */
final class StoreFaults {
  static final Duration FIRST_WAIT = Duration.ofMillis(100);
  static final Duration MAX_WAIT = Duration.ofSeconds(5);
  static final Duration LOG_EVERY = Duration.ofSeconds(30);
  static final Duration QUIET_FOR = Duration.ofSeconds(5);

  /** The wait before the next try, and the line to log now, if one is due. */
  record Failure(Duration backOff, Optional<String> logLine) {}

  private final Clock clock;
  private int inARow;
  private int unreported;
  private Instant since;
  private Instant reportedAt;
  private Instant lastFailure;
  private int failures;

  StoreFaults(Clock clock) {
    this.clock = clock;
  }

  /** Records a failed store call ({@code what}: the operation). */
  synchronized Failure failed(String what, RuntimeException e) {
    Instant now = clock.instant();
    inARow++;
    unreported++;
    failures++;
    lastFailure = now;
    if (since == null) {
      since = now;
    }
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(inARow - 1, 20));
    if (wait.compareTo(MAX_WAIT) > 0) {
      wait = MAX_WAIT;
    }
    Optional<String> line = Optional.empty();
    if (reportedAt == null || !now.isBefore(reportedAt.plus(LOG_EVERY))) {
      line = Optional.of("store unavailable since " + since + ": " + unreported + " failed store call(s)"
          + (reportedAt == null ? "" : " in the last " + Duration.between(reportedAt, now).toSeconds() + " s")
          + ", workers retry with back-off up to " + MAX_WAIT.toSeconds() + " s; last: " + what + ": "
          + firstLine(e));
      reportedAt = now;
      unreported = 0;
    }
    return new Failure(wait, line);
  }

  /** Records a store call that worked; the line to log when the store has worked long enough to end a fault. */
  synchronized Optional<String> succeeded() {
    if (since == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (now.isBefore(lastFailure.plus(QUIET_FOR))) {
      return Optional.empty();
    }
    var line = "store available again: " + failures + " failed store call(s) from " + since + " to " + lastFailure;
    inARow = 0;
    failures = 0;
    unreported = 0;
    since = null;
    reportedAt = null;
    lastFailure = null;
    return Optional.of(line);
  }

  private static String firstLine(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
