package io.deskbridge.core.store;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine keeps between events, durably: the inbox of received events, conversation state
 * under leases, the outbox of decided vendor writes, the dead letters ({@link DeadLetters}) and the polled
 * installations' cursors ({@link PollCursors}). Several
 * processes may share one database; each method is one transaction and thread-safe. Times come from the
 * caller (its clock).
 */
public interface ProcessingStore extends DeadLetters, PollCursors, AutoCloseable {

  /**
   * Records received events; an event whose id the installation already has is skipped. When it returns the
   * events are durable (the webhook may be acknowledged); when it throws, they must be delivered again (a
   * write that failed on its way to the disk may have left some of them stored: the redelivery keeps each once).
   *
   * @return how many were new
   */
  default int receive(String installationId, String vendor, List<InboundEvent> events, Instant now) {
    return receive(installationId, vendor, events, now, Duration.ZERO);
  }

  /**
   * Records received events like {@link #receive(String, String, List, Instant)}, holding them back for a
   * {@code debounce} window (a chat's customer who sends several short messages in a row is answered once): the
   * conversation's not yet attempted events all become due {@code debounce} after the latest of them arrived, and
   * never later than twice {@code debounce} after the first. Zero holds nothing back.
   */
  int receive(String installationId, String vendor, List<InboundEvent> events, Instant now, Duration debounce);

  /**
   * Claims one conversation that has work (an event due at or before {@code now}, or an outbox operation
   * that is {@code PENDING} or {@code SENDING}) and whose lease is free or expired: work that has not failed
   * yet before work being retried after a failed attempt, and within each the work due longest.
   */
  Optional<Lease> claim(String owner, Instant now, Duration leaseFor);

  /**
   * Extends a lease.
   *
   * @throws LeaseLostException when another worker took the conversation over
   */
  Lease renew(Lease lease, Instant now, Duration leaseFor);

  /** Gives a lease up; does nothing when it was lost already. */
  void release(Lease lease);

  /** The conversation's state, if the engine saved one. */
  Optional<ConversationState> state(ConversationKey key);

  /** The conversation's events due at or before {@code now}, oldest first. */
  List<PendingEvent> pendingEvents(Lease lease, Instant now);

  /** The conversation's {@code PENDING} and {@code SENDING} operations, oldest first. */
  List<Operation> openOperations(Lease lease);

  /**
   * In one transaction: saves the state, adds the operations (each {@code PENDING}, in order), marks the
   * event processed, and appends the audit records.
   *
   * @throws LeaseLostException when another worker took the conversation over; nothing was written
   */
  void commit(Lease lease, long eventId, ConversationState state, List<List<Action>> operations,
      List<AuditRecord> audit);

  /**
   * Marks an operation {@code SENDING} before the vendor call.
   *
   * @throws LeaseLostException when another worker took the conversation over
   */
  void sending(Lease lease, long operationId);

  /**
   * In one transaction: marks an operation {@code DONE} or {@code CANCELLED}, saves the state, and appends
   * the audit records.
   *
   * @throws LeaseLostException when another worker took the conversation over
   */
  void finish(Lease lease, long operationId, Operation.Status status, ConversationState state, List<AuditRecord> audit);

  /**
   * Records a failed attempt at an operation; it stays open and is tried again after {@code notBefore}
   * (the conversation is not claimed again before then).
   */
  void operationFailed(Lease lease, long operationId, String error, Instant notBefore);

  /** Records a failed attempt at an event; it is due again at {@code notBefore}. */
  void eventFailed(Lease lease, long eventId, String error, Instant notBefore);

  /**
   * Puts an event off until {@code notBefore} without counting a failed attempt: the vendor is paused (circuit
   * open, our own rate limit), not failing on this event.
   */
  void eventWaits(Lease lease, long eventId, Instant notBefore);

  /** Puts an open operation off until {@code notBefore} without counting a failed attempt. */
  void operationWaits(Lease lease, long operationId, Instant notBefore);

  /** Whether any conversation has work left: a pending event or an open operation, due now or later. */
  boolean hasOpenWork();

  /** Deletes processed events received before {@code before} (the deduplication window). */
  int purgeProcessed(Instant before);

  /**
   * The retention purge ({@code privacy.retention}): deletes audit records, dead letters, processed events with their
   * finished writes, the Conversation API's messages and stored answers, and the satisfaction ratings (with their
   * comments) older than {@code before}; open work stays. Returns the rows deleted.
   */
  int purgeHistory(Instant before);

  /**
   * Whether the store takes writes now: false from a failed transaction until a probe write succeeds again.
   * Cheap: the probe runs at most about once a second, whoever asks.
   */
  boolean healthy();

  /** Closes the connection pool. */
  @Override
  void close();
}
