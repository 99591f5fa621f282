package io.deskbridge.core.store;

import io.deskbridge.core.action.Action;
import java.util.List;
import java.util.Objects;

/**
 * A vendor write the engine decided on and recorded before making it (the outbox).
 *
 * @param id       the store's id; a conversation's operations are sent in id order
 * @param eventId  the event whose decision it belongs to
 * @param actions  one vendor operation: at most one message plus assignment and tags
 * @param status   where it is
 * @param attempts how many times sending it failed so far
 */
public record Operation(long id, String eventId, List<Action> actions, Status status, int attempts) {
  /** Where an operation is. */
  public enum Status {
    /** Decided, not sent yet. */
    PENDING,
    /** About to be sent, or sent without the result recorded: check the vendor before sending again. */
    SENDING,
    /** Sent and recorded. */
    DONE,
    /** Not sent, and never will be (for example a person took over first). */
    CANCELLED
  }

  public Operation {
    Objects.requireNonNull(eventId, "eventId");
    actions = List.copyOf(actions);
    Objects.requireNonNull(status, "status");
  }
}
