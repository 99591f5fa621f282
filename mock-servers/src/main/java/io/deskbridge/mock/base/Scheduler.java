package io.deskbridge.mock.base;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake's waits, measured on its clock: on a {@link SteppedClock} they end when the test steps past them; on any
 * other clock (the system clock, an offset clock) they take that long in real time. Thread-safe.
 */
public final class Scheduler implements AutoCloseable {
  private final SteppedClock stepped;
  private final ScheduledExecutorService timer;

  /** @param threadName the timer thread's name (used only on a clock that is not stepped) */
  public Scheduler(Clock clock, String threadName) {
    this.stepped = clock instanceof SteppedClock s ? s : null;
    this.timer = stepped != null ? null : Executors.newSingleThreadScheduledExecutor(daemon(threadName));
  }

  /** Completes after {@code delay} on the clock. */
  public CompletableFuture<Void> after(Duration delay) {
    if (stepped != null) {
      return stepped.after(delay);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (delay.isZero() || delay.isNegative()) {
      done.complete(null);
    } else {
      timer.schedule(() -> done.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
    return done;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  static ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
