package io.deskbridge.core.error;

import java.time.Duration;

/** Helpers for vendor error mappers; {@link #forStatus} is the table for vendors whose API is HTTP. */
public final class VendorErrors {
  private VendorErrors() {}

  /**
   * Maps an HTTP status to the vendor-neutral exception: 401 auth, 403 forbidden, 404 and 410 not found, 409
   * conflict, 429 rate limited, 503 not processed (the server refused before handling it), 408, 504 and the
   * other 5xx unavailable, any other status (400, 422, an unexpected 4xx or 3xx) invalid. The message ends
   * with {@code (HTTP <status>)}.
   *
   * @param status     the HTTP status of the vendor's answer
   * @param message    a readable message naming the call
   * @param retryAfter the vendor's Retry-After, or null when absent; kept for the retriable kinds only
   * @param cause      the SDK's exception, may be null
   */
  public static VendorException forStatus(int status, String message, Duration retryAfter, Throwable cause) {
    var kind = switch (status) {
      case 401 -> VendorException.Kind.AUTH;
      case 403 -> VendorException.Kind.FORBIDDEN;
      case 404, 410 -> VendorException.Kind.NOT_FOUND;
      case 409 -> VendorException.Kind.CONFLICT;
      case 429 -> VendorException.Kind.RATE_LIMITED;
      case 503 -> VendorException.Kind.NOT_PROCESSED;
      case 408 -> VendorException.Kind.UNAVAILABLE;
      default -> status >= 500 ? VendorException.Kind.UNAVAILABLE : VendorException.Kind.INVALID;
    };
    return new VendorException(kind, message + " (HTTP " + status + ")", kind.retriable() ? retryAfter : null, cause);
  }

  /** An I/O failure or timeout with no answer: {@link VendorException.Kind#UNAVAILABLE}. */
  public static VendorException forIo(String message, Throwable cause) {
    return new VendorException(VendorException.Kind.UNAVAILABLE, message, null, cause);
  }
}
