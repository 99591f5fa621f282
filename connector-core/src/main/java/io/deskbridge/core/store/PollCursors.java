package io.deskbridge.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each polled installation's next poll starts, and which poller may poll it: one row per installation with
 * a cursor and a lease. Of any number of pollers, in any number of processes sharing the store, at most one holds
 * an installation's lease at a time, and only the holder saves the cursor. Each method is one transaction;
 * thread-safe. Times come from the caller (its clock).
 */
public interface PollCursors {

  /**
   * Takes the installation's poll lease when it is free or expired (creating its row on the first take), with a
   * higher token than any before.
   *
   * @return the lease with the saved cursor, or empty when another poller holds an unexpired lease
   */
  Optional<PollLease> claimPoll(String installationId, String owner, Instant now, Duration leaseFor);

  /**
   * Extends a poll lease (one past its expiry that nobody took over is still good).
   *
   * @throws LeaseLostException when another poller took it over
   */
  PollLease renewPoll(PollLease lease, Instant now, Duration leaseFor);

  /**
   * Saves where the next poll starts, fenced by the lease. Not forced to disk: a save lost in a crash repeats a
   * poll whose events the inbox already has (they are dropped as duplicates).
   *
   * @return the lease with the new cursor
   * @throws LeaseLostException when another poller took the lease over; nothing was saved
   */
  PollLease savePollCursor(PollLease lease, String cursor, Instant now);

  /** Gives a poll lease up, keeping the cursor; does nothing when it was lost already. */
  void releasePoll(PollLease lease);

  /** The installation's saved cursor, if a poll saved one. */
  Optional<String> pollCursor(String installationId);
}
