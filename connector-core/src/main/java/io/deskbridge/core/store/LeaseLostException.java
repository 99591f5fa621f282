package io.deskbridge.core.store;

/**
 * A write under a lease (a conversation's, or an installation's poll lease) that another worker has taken over
 * since; the write did not happen.
 */
public final class LeaseLostException extends RuntimeException {
  public LeaseLostException(Lease lease) {
    super("lease on " + lease.key() + " (token " + lease.token() + ", " + lease.owner() + ") was lost");
  }

  /** A poll lease another poller has taken over since. */
  public LeaseLostException(PollLease lease) {
    super("poll lease on " + lease.installation() + " (token " + lease.token() + ", " + lease.owner() + ") was lost");
  }
}
