package io.deskbridge.core.engine;

import java.time.Duration;

/**
 * How vendor calls are retried: exponential back-off with jitter, never shorter than the vendor's
 * Retry-After, and only for retriable failures.
 *
 * @param maxAttempts  attempts in all, including the first
 * @param initialDelay the first back-off
 * @param maxDelay     the longest wait between two attempts, Retry-After included
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
  }
}
