package io.deskbridge.core.store;

/** A write under a lease that another worker has taken over since; the write did not happen. */
public final class LeaseLostException extends RuntimeException {
  public LeaseLostException(Lease lease) {
    super("lease on " + lease.key() + " (token " + lease.token() + ", " + lease.owner() + ") was lost");
  }
}
