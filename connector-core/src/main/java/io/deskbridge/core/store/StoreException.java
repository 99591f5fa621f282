package io.deskbridge.core.store;

/**
 * The database failed or could not be reached; the operation did not happen (its transaction was rolled
 * back). Callers treat it as transient: the same call may succeed later.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
