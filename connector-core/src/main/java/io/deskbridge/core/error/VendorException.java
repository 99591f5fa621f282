package io.deskbridge.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor call failed. Each vendor module maps its SDK's failures (an HTTP status, a SOAP fault, an I/O
 * error) to one {@link Kind}, so that core decides on retries, waits and write checks without knowing the
 * vendor or its protocol. The message names the call and may carry the vendor's own code (an HTTP status, a
 * fault code) as text for the log; it never contains a secret.
 */
public final class VendorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in terms core acts on. */
  public enum Kind {
    /** The vendor's rate limit refused the call before processing it; wait for {@link #retryAfter()} if given. */
    RATE_LIMITED(true, true),
    /** The vendor refused the call before anything happened (e.g. an HTTP 503 "try later"): safe to repeat. */
    NOT_PROCESSED(true, true),
    /** No answer or a server fault (timeout, I/O error, 5xx): the call may or may not have taken effect. */
    UNAVAILABLE(true, false),
    /** Not sent at all: our own circuit breaker is open or our own rate limit is used up. */
    PAUSED(true, true),
    /** The credentials were refused. */
    AUTH(false, false),
    /** Authenticated, but not allowed to do this. */
    FORBIDDEN(false, false),
    /** The vendor refused the request as invalid, or the call failed in a way nobody expected (a bug). */
    INVALID(false, false),
    /** The record does not exist (any more). */
    NOT_FOUND(false, false),
    /** The record changed since it was read (a conditional write was refused). */
    CONFLICT(false, false);

    private final boolean retriable;
    private final boolean notProcessed;

    Kind(boolean retriable, boolean notProcessed) {
      this.retriable = retriable;
      this.notProcessed = notProcessed;
    }

    /** Whether repeating the same call later may succeed. */
    public boolean retriable() {
      return retriable;
    }

    /**
     * Whether the call is retriable and surely did not take effect, so sending it again cannot duplicate a
     * write. False for {@link #UNAVAILABLE} (nobody knows) and for the kinds that are not retriable (they are
     * not sent again).
     */
    public boolean notProcessed() {
      return notProcessed;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;

  /**
   * @param kind       what went wrong
   * @param message    a readable message naming the call, with the vendor's code as text if useful
   * @param retryAfter how long the vendor asked us to wait, or null when it did not say
   * @param cause      the SDK's exception, may be null
   */
  public VendorException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAfter = retryAfter;
  }

  /** A failure without a Retry-After. */
  public VendorException(Kind kind, String message, Throwable cause) {
    this(kind, message, null, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** How long the vendor (or our own breaker or limiter) asked us to wait, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether repeating the same call later may succeed; the kind's {@link Kind#retriable()}. */
  public boolean retriable() {
    return kind.retriable();
  }

  /** Whether the call surely did not take effect and may be repeated; the kind's {@link Kind#notProcessed()}. */
  public boolean notProcessed() {
    return kind.notProcessed();
  }
}
