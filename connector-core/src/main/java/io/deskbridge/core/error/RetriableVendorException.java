package io.deskbridge.core.error;

import java.time.Duration;
import java.util.Optional;

/** A failure that may pass: rate limited (with the vendor's Retry-After), unavailable, or timed out. */
public final class RetriableVendorException extends VendorException {
  /** Why the call may succeed later. */
  public enum Kind {
    RATE_LIMITED,
    UNAVAILABLE,
    TIMEOUT,
    /** Not sent at all: the circuit breaker is open or our own rate limit is used up; wait, do not count it. */
    PAUSED
  }

  private final Kind kind;
  private final Duration retryAfter;

  public RetriableVendorException(Kind kind, String message, int status, Duration retryAfter, Throwable cause) {
    super(message, status, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** How long the vendor asked us to wait, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
