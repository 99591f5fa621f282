package io.deskbridge.core.engine;

import java.time.Duration;
import io.deskbridge.core.store.ProcessingStore;
import java.util.Objects;

/**
 * How the engine processes: worker threads, leases, polling, and when it gives up on an event.
 *
 * @param workers      worker threads in this process
 * @param lease        how long a worker holds a conversation without renewing; a crashed worker's
 *                     conversations are taken over after this
 * @param poll         how often idle workers look for work that other processes received
 * @param maxAttempts  times an event is tried before it goes to the dead letters
 * @param retention    how long processed event ids are kept to recognise redeliveries
 * @param prewriteFreshness without conditional writes, a public write made less than this after the same claim
 *                     loaded the conversation is not preceded by another re-read (that load is the check; the
 *                     window {@code deskbridge.prewrite.window} is then measured from it); zero re-reads always
 * @param draftVerdicts the file the agents' verdicts on drafts are appended to as labelled messages in the
 *                     {@code eval} case format ({@code DraftVerdictFile}); empty writes none
 * @param historyRetention after how long audit records and message texts are purged ({@code privacy.retention};
 *                     {@link ProcessingStore#purgeHistory}); zero keeps them
 */
public record EngineSettings(int workers, Duration lease, Duration poll, int maxAttempts, Duration retention,
    Duration prewriteFreshness, java.util.Optional<java.nio.file.Path> draftVerdicts, Duration historyRetention) {
  /** The default freshness of a load that saves the re-read before a public write. */
  public static final Duration DEFAULT_PREWRITE_FRESHNESS = Duration.ofSeconds(2);
  public static final EngineSettings DEFAULT =
      new EngineSettings(4, Duration.ofSeconds(30), Duration.ofMillis(500), 5, Duration.ofDays(7));

  public EngineSettings {
    if (workers < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("workers and maxAttempts must be at least 1");
    }
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(poll, "poll");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(prewriteFreshness, "prewriteFreshness");
    Objects.requireNonNull(historyRetention, "historyRetention");
    if (historyRetention.isNegative()) {
      throw new IllegalArgumentException("historyRetention must not be negative");
    }
    if (prewriteFreshness.isNegative()) {
      throw new IllegalArgumentException("prewriteFreshness must not be negative");
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0 || poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("lease must be at least 1 s and poll positive");
    }
    draftVerdicts = draftVerdicts == null ? java.util.Optional.empty() : draftVerdicts;
  }

  /** Settings that write no draft verdicts file and keep the history (no {@link #historyRetention()}). */
  public EngineSettings(int workers, Duration lease, Duration poll, int maxAttempts, Duration retention,
      Duration prewriteFreshness) {
    this(workers, lease, poll, maxAttempts, retention, prewriteFreshness, java.util.Optional.empty(), Duration.ZERO);
  }

  /** Settings with the default {@link #DEFAULT_PREWRITE_FRESHNESS}. */
  public EngineSettings(int workers, Duration lease, Duration poll, int maxAttempts, Duration retention) {
    this(workers, lease, poll, maxAttempts, retention, DEFAULT_PREWRITE_FRESHNESS);
  }

  public EngineSettings withWorkers(int n) {
    return new EngineSettings(n, lease, poll, maxAttempts, retention, prewriteFreshness, draftVerdicts,
        historyRetention);
  }

  /** The same settings with another {@link #prewriteFreshness()}. */
  public EngineSettings withPrewriteFreshness(Duration freshness) {
    return new EngineSettings(workers, lease, poll, maxAttempts, retention, freshness, draftVerdicts,
        historyRetention);
  }

  /** The same settings appending the agents' verdicts on drafts to {@code file} (null: to none). */
  public EngineSettings withDraftVerdicts(java.nio.file.Path file) {
    return new EngineSettings(workers, lease, poll, maxAttempts, retention, prewriteFreshness,
        java.util.Optional.ofNullable(file), historyRetention);
  }

  /** The same settings with another {@link #historyRetention()}. */
  public EngineSettings withHistoryRetention(Duration keep) {
    return new EngineSettings(workers, lease, poll, maxAttempts, retention, prewriteFreshness, draftVerdicts, keep);
  }
}
