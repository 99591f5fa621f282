package io.deskbridge.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events given up on after repeated failures, kept for an admin to inspect and replay. Thread-safe; each
 * method is one transaction. Times come from the caller (its clock).
 */
public interface DeadLetters {

  /** Moves an event to the dead letters, with the reason; it is not processed again unless replayed. */
  void deadLetter(Lease lease, long eventId, String reason, Instant now);

  /** The dead letters, newest first. */
  List<DeadLetter> deadLetters();

  /** One dead letter. */
  Optional<DeadLetter> deadLetter(long id);

  /**
   * Puts a dead letter's event back into the inbox as due now, with its attempts reset.
   *
   * @return false when there is no such dead letter
   */
  boolean replay(long deadLetterId, Instant now);
}
