package io.deskbridge.core.engine;

import java.time.Duration;

/**
 * How vendor calls are retried within one processing attempt: exponential back-off with jitter, never
 * shorter than the vendor's Retry-After, and only for retriable failures. A Retry-After longer than
 * {@code maxDelay} is not waited for in the call: the engine schedules the work again for then. Keep
 * {@code maxAttempts × maxDelay} well under the engine's lease. The engine's own retries of a failed event
 * start at {@code maxDelay} and double.
 *
 * @param maxAttempts    attempts in all, including the first
 * @param initialDelay   the first back-off
 * @param maxDelay       the longest wait between two attempts, Retry-After included
 * @param circuitOpenFor how long the installation's circuit breaker stays open once the vendor keeps failing
 * @param bestEffortTimeout how long the engine waits for a call it can do without (the chat's typing indicator,
 *                     the agents' availability at a handover) before going on without its result
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration circuitOpenFor,
    Duration bestEffortTimeout) {
  /** The default {@link #bestEffortTimeout()}. */
  public static final Duration DEFAULT_BEST_EFFORT_TIMEOUT = Duration.ofSeconds(1);
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** A policy with the default {@link #DEFAULT_BEST_EFFORT_TIMEOUT}. */
  public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration circuitOpenFor) {
    this(maxAttempts, initialDelay, maxDelay, circuitOpenFor, DEFAULT_BEST_EFFORT_TIMEOUT);
  }

  /** A policy whose circuit stays open for 30 s. */
  public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    this(maxAttempts, initialDelay, maxDelay, Duration.ofSeconds(30));
  }

  public RetryPolicy {
    if (circuitOpenFor.isNegative() || circuitOpenFor.isZero()) {
      throw new IllegalArgumentException("circuitOpenFor must be positive");
    }
    if (bestEffortTimeout.isNegative() || bestEffortTimeout.isZero()) {
      throw new IllegalArgumentException("bestEffortTimeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
  }

  /** The same policy with another {@link #bestEffortTimeout()}. */
  public RetryPolicy withBestEffortTimeout(Duration timeout) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, circuitOpenFor, timeout);
  }
}
