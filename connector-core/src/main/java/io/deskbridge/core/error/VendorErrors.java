package io.deskbridge.core.error;

import java.time.Duration;

/** The one status-to-exception table that every vendor's error mapper starts from. */
public final class VendorErrors {
  private VendorErrors() {}

  /**
   * Maps an HTTP status to the vendor-neutral exception.
   *
   * @param status     the HTTP status of the vendor's answer
   * @param message    a readable message naming the call
   * @param retryAfter the vendor's Retry-After, or null when absent
   * @param cause      the SDK's exception, may be null
   */
  public static VendorException forStatus(int status, String message, Duration retryAfter, Throwable cause) {
    String text = message + " (HTTP " + status + ")";
    return switch (status) {
      case 401 -> new NonRetriableVendorException(NonRetriableVendorException.Kind.AUTHENTICATION, text, status, cause);
      case 403 -> new NonRetriableVendorException(NonRetriableVendorException.Kind.FORBIDDEN, text, status, cause);
      case 404, 410 -> new NonRetriableVendorException(NonRetriableVendorException.Kind.NOT_FOUND, text, status, cause);
      case 409 -> new NonRetriableVendorException(NonRetriableVendorException.Kind.CONFLICT, text, status, cause);
      case 400, 422 -> new NonRetriableVendorException(NonRetriableVendorException.Kind.INVALID, text, status, cause);
      case 408, 504 -> new RetriableVendorException(RetriableVendorException.Kind.TIMEOUT, text, status, retryAfter, cause);
      case 429 -> new RetriableVendorException(RetriableVendorException.Kind.RATE_LIMITED, text, status, retryAfter, cause);
      default -> status >= 500
          ? new RetriableVendorException(RetriableVendorException.Kind.UNAVAILABLE, text, status, retryAfter, cause)
          : new NonRetriableVendorException(NonRetriableVendorException.Kind.UNKNOWN, text, status, cause);
    };
  }

  /** An I/O failure or timeout with no HTTP answer: retriable. */
  public static VendorException forIo(String message, Throwable cause) {
    return new RetriableVendorException(RetriableVendorException.Kind.UNAVAILABLE, message, -1, null, cause);
  }
}
