package io.deskbridge.core.error;

/**
 * A vendor call failed. Each vendor module maps its SDK's failures to exactly one of the two subclasses,
 * so that core decides on retries without knowing the vendor.
 */
public abstract sealed class VendorException extends RuntimeException
    permits RetriableVendorException, NonRetriableVendorException {
  private final int status;

  VendorException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the vendor answered with, or -1 when there was no answer (I/O error, timeout). */
  public int status() {
    return status;
  }

  /** Whether repeating the same call later may succeed. */
  public abstract boolean retriable();
}
