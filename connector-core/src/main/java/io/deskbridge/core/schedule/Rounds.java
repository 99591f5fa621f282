package io.deskbridge.core.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rounds of background work on one daemon thread: each task added runs at once and then every interval, measured from
 * the end of one round to the start of the next, never two at a time. A task is expected to log its own failures; an
 * exception that still escapes is logged in one line and the task runs again at its next round (an escaped exception
 * would otherwise stop a {@link ScheduledExecutorService} task for good). Thread-safe.
 */
public final class Rounds implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Rounds.class);

  /** How long {@link #close()} waits for a round in progress. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final ScheduledExecutorService executor;
  private final String name;

  /** Rounds on a thread named {@code deskbridge-<name>}. */
  public Rounds(String name) {
    this.name = Objects.requireNonNull(name, "name");
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "deskbridge-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code task} now and then every {@code every}. */
  public void every(Duration every, Runnable task) {
    Objects.requireNonNull(task, "task");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive");
    }
    executor.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        log.warn("{} failed, trying again in {}: {}", name, words(every),
            String.valueOf(e).lines().findFirst().orElse(""));
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** An interval as people write it in the configuration: {@code 1h}, {@code 15m}, {@code 1h30m}. */
  public static String words(Duration every) {
    return every.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /**
   * Stops the rounds: one in progress is interrupted (a task ends at its next check of the interrupt) and waited for
   * up to {@link #CLOSE_WAIT}, so that it does not run on while what it uses is being closed.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} did not stop within {}", name, words(CLOSE_WAIT));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
