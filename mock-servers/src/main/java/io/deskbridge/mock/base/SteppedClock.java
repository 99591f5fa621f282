package io.deskbridge.mock.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A clock that moves only when a test steps it. A fake configured with it also measures its own waits on it
 * (a webhook retry's back-off, a delivery's jitter): they fire when {@link #advance} passes their due time, never by
 * themselves, so a test of a 2-hour back-off steps two hours instead of sleeping.
 *
 * <p>Thread-safe. The zone is always UTC.
 */
public final class SteppedClock extends Clock {
  private record Waiting(Instant due, long order, CompletableFuture<Void> done) {}

  private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(
      Comparator.comparing(Waiting::due).thenComparingLong(Waiting::order));
  private Instant now;
  private long order;

  public SteppedClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Moves the time forward by {@code step} (not negative), then completes, in due order, every wait that is due.
   * What a completed wait starts runs on the fakes' own threads, so the test awaits its effect (Awaitility).
   */
  public void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock step cannot be negative: " + step);
    }
    List<Waiting> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(step);
      while (!waiting.isEmpty() && !waiting.peek().due().isAfter(now)) {
        due.add(waiting.poll());
      }
    }
    due.forEach(w -> w.done().complete(null));
  }

  /** Waits not yet due: a test can see that a retry is scheduled before stepping to it. */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** The due time of the earliest wait, or null when none is waiting. */
  public synchronized Instant nextDue() {
    return waiting.isEmpty() ? null : waiting.peek().due();
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** Completes once the clock has been stepped {@code delay} past now (at once for zero or less). */
  CompletableFuture<Void> after(Duration delay) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      if (delay.isZero() || delay.isNegative()) {
        done.complete(null);
      } else {
        waiting.add(new Waiting(now.plus(delay), order++, done));
      }
    }
    return done;
  }
}
