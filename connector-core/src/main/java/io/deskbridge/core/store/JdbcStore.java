package io.deskbridge.core.store;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable {@link ProcessingStore} (with its {@link DeadLetters}) and {@link AuditLog} on a JDBC database:
 * an embedded H2 file (one process) or PostgreSQL (any number of processes sharing it). {@link #open} is the one
 * entry: it opens the pool and migrates the schema ({@link Database}); each port has its class
 * ({@link JdbcProcessing} with {@link InboxCommits}, {@link JdbcAuditLog}, {@link JdbcDeadLetters},
 * {@link JdbcPollCursors}), and this one
 * hands each call to it. {@code docs/architecture.md} (section "Store") explains the tables and the choices.
 *
 * <h2>Contracts</h2>
 * <ul>
 *   <li>Thread-safe. Every method is one transaction, retried up to three times when the database rolls it back
 *       for a deadlock or a serialisation failure. {@link #receive} commits together with the receives that
 *       arrive meanwhile ({@link InboxCommits}), with the same guarantees.</li>
 *   <li>Times come from the caller and are kept to the microsecond.</li>
 *   <li>Leases: of any number of claimers of one conversation, in any number of processes, exactly one gets it,
 *       with a higher fencing token than any before. Every write under a lease first checks that it is still
 *       the conversation's (a lease past its expiry that nobody has taken over is still good).</li>
 *   <li>Order: a conversation's work is head-of-line. An open write, or an event waiting after a failure, holds
 *       back everything behind it: the conversation is not claimed before that is due, and
 *       {@link #pendingEvents} stops at the first event that is not due. A conversation's event ids increase in
 *       commit order.</li>
 *   <li>Fairness: a claim takes due work that has not failed yet before work being retried, and within each the
 *       work due longest. A pause that is nobody's fault ({@link #eventWaits}, {@link #operationWaits}) does
 *       not count as a failed attempt.</li>
 *   <li>Durability: {@link #receive} (the webhook is acknowledged next), {@link #sending} (the vendor call
 *       comes next) and {@link #replay} are on disk when they return, with everything committed before them,
 *       also on an H2 file and through a process crash. A crash loses at most later transactions, whose effects
 *       are redone after the restart.</li>
 *   <li>Failures: a database failure throws {@link StoreException}; a write under a lease that is no longer the
 *       conversation's throws {@link LeaseLostException}; a write naming an event or write that is not open in
 *       the lease's conversation throws {@link IllegalStateException}. Nothing is written when any of them is
 *       thrown. After a database fault {@link #healthy()} is false until a probe write succeeds; on H2 a full
 *       disk closes the database, and the store works again once the disk does, without a restart.</li>
 * </ul>
 */
public final class JdbcStore implements ProcessingStore, AuditLog {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcStore.class);
  private final Database db;
  private final JdbcProcessing processing;
  private final JdbcAuditLog audit;
  private final JdbcDeadLetters deadLetters;
  private final JdbcPollCursors pollCursors;
  private final JdbcConversationApi conversationApi;
  private final JdbcRetention retention;
  private final JdbcSyncedKnowledge syncedKnowledge;
  private final JdbcSatisfaction satisfaction;
  private final JdbcHumanReplies humanReplies;
  private final DashboardRows dashboard;

  private JdbcStore(Database db) {
    var json = new JsonCodec();
    this.db = db;
    this.audit = new JdbcAuditLog(db, json);
    this.processing = new JdbcProcessing(db, json, audit);
    this.deadLetters = new JdbcDeadLetters(db, json);
    this.pollCursors = new JdbcPollCursors(db);
    this.conversationApi = new JdbcConversationApi(db);
    this.retention = new JdbcRetention(db);
    this.syncedKnowledge = new JdbcSyncedKnowledge(db);
    this.dashboard = new DashboardRows(db, json);
    this.satisfaction = new JdbcSatisfaction(db);
    this.humanReplies = new JdbcHumanReplies(db);
    try {
      DashboardAggregates.backfill(db, json, false);
    } catch (RuntimeException e) {
      log.warn("the admin dashboard's aggregates were not built from the audit ({}); the store opens anyway, the "
          + "dashboard says its figures are incomplete, and the next start builds them again",
          DashboardAggregates.describe(e));
    }
  }

  /** The helpdesks' satisfaction ratings (CSAT) and each installation's poll cursor. */
  public io.deskbridge.core.csat.SatisfactionStore satisfaction() {
    return satisfaction;
  }

  /** The first human reply after each recent handover, polled from the helpdesks for the dashboard. */
  public io.deskbridge.core.humanreply.HumanReplyStore humanReplies() {
    return humanReplies;
  }

  /** What the admin dashboard reads: a period's decisions, agents' first replies, dead letters, a conversation's writes. */
  public DashboardRows dashboard() {
    return dashboard;
  }

  /** The Conversation API's keys, conversations and idempotency records. */
  public ConversationApiStore conversationApi() {
    return conversationApi;
  }

  /** The articles synced from the helpdesks' own knowledge bases and each installation's sync cursor. */
  public io.deskbridge.core.kbsync.SyncedKnowledgeStore syncedKnowledge() {
    return syncedKnowledge;
  }

  /**
   * Opens the pool and brings the schema up to date (Flyway; on PostgreSQL several processes may start at
   * once, Flyway's lock lets one migrate); the first start after the dashboard's aggregates were added builds them
   * from the audit, once ({@link DashboardAggregates#backfill}).
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static JdbcStore open(StoreConfig config) {
    var db = Database.open(Objects.requireNonNull(config, "config"));
    try {
      return new JdbcStore(db);
    } catch (RuntimeException | Error e) {
      db.close();
      throw e;
    }
  }

  /** The group commit of {@link #receive}, for tests. */
  InboxCommits inbox() {
    return processing.inbox();
  }

  // ---------------------------------------------------------------- inbox, leases, outbox

  /**
   * {@inheritDoc}
   *
   * <p>Locks the events' conversation rows (creating them when new) in a fixed order, inserts the events in
   * list order, each {@code PENDING} and due at {@code now}, and updates the conversations' due times. A
   * concurrent receive of the same event, in this or another process, waits for the first one's commit and
   * then skips it.
   */
  @Override
  public int receive(String installationId, String vendor, List<InboundEvent> events, Instant now, Duration debounce) {
    return processing.receive(installationId, vendor, events, now, debounce);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns empty also when, rarely, every candidate of {@value JdbcProcessing#CLAIM_TRIES} scans in a row
   * was taken by others between the scan and the update; the caller polls again.
   *
   * @throws IllegalArgumentException when {@code leaseFor} is not positive
   */
  @Override
  public Optional<Lease> claim(String owner, Instant now, Duration leaseFor) {
    return processing.claim(owner, now, leaseFor);
  }

  @Override
  public Lease renew(Lease lease, Instant now, Duration leaseFor) {
    return processing.renew(lease, now, leaseFor);
  }

  /** {@inheritDoc} The token stays, so the next claim gets a higher one. */
  @Override
  public void release(Lease lease) {
    processing.release(lease);
  }

  @Override
  public Optional<ConversationState> state(ConversationKey key) {
    return processing.state(key);
  }

  /**
   * {@inheritDoc}
   *
   * <p>In id order, stopping before the first event that is not due (a failed event holds back the later
   * ones), at most {@value JdbcProcessing#EVENTS_PER_CALL}. Reads only; does not check the lease.
   */
  @Override
  public List<PendingEvent> pendingEvents(Lease lease, Instant now) {
    return processing.pendingEvents(lease, now);
  }

  /**
   * {@inheritDoc}
   *
   * <p>All of them, also those whose next attempt is not due yet (the conversation is not claimed before
   * its oldest open write is due, so a caller holding a lease may send them). Reads only; does not check
   * the lease.
   */
  @Override
  public List<Operation> openOperations(Lease lease) {
    return processing.openOperations(lease);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The operations are due at once (their next attempt is the event's, which was due).
   *
   * @throws IllegalStateException    when the event is not pending in the lease's conversation
   * @throws IllegalArgumentException when the state is of another conversation
   */
  @Override
  public void commit(Lease lease, long eventId, ConversationState state, List<List<Action>> operations,
      List<AuditRecord> audit) {
    processing.commit(lease, eventId, state, operations, audit);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when the operation is not open in the lease's conversation
   */
  @Override
  public void sending(Lease lease, long operationId) {
    processing.sending(lease, operationId);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code status} is not {@code DONE} or {@code CANCELLED}
   * @throws IllegalStateException    when the operation is not open in the lease's conversation
   */
  @Override
  public void finish(Lease lease, long operationId, Operation.Status status, ConversationState state,
      List<AuditRecord> audit) {
    processing.finish(lease, operationId, status, state, audit);
  }

  /**
   * {@inheritDoc} Its status stays (a {@code SENDING} one stays {@code SENDING}, as the vendor may have
   * applied it).
   *
   * @throws LeaseLostException   when another worker took the conversation over
   * @throws IllegalStateException when the operation is not open in the lease's conversation
   */
  @Override
  public void operationFailed(Lease lease, long operationId, String error, Instant notBefore) {
    processing.operationFailed(lease, operationId, error, notBefore);
  }

  /**
   * {@inheritDoc} Later events of the conversation wait behind it.
   *
   * @throws LeaseLostException   when another worker took the conversation over
   * @throws IllegalStateException when the event is not pending in the lease's conversation
   */
  @Override
  public void eventFailed(Lease lease, long eventId, String error, Instant notBefore) {
    processing.eventFailed(lease, eventId, error, notBefore);
  }

  /** {@inheritDoc} Later events of the conversation wait behind it. */
  @Override
  public void eventWaits(Lease lease, long eventId, Instant notBefore) {
    processing.eventWaits(lease, eventId, notBefore);
  }

  /** {@inheritDoc} Later work of the conversation waits behind it. */
  @Override
  public void operationWaits(Lease lease, long operationId, Instant notBefore) {
    processing.operationWaits(lease, operationId, notBefore);
  }

  @Override
  public boolean hasOpenWork() {
    return processing.hasOpenWork();
  }

  /** {@inheritDoc} The finished writes decided on those events go with them. */
  @Override
  public int purgeProcessed(Instant before) {
    return processing.purgeProcessed(before);
  }

  /** {@inheritDoc} See {@link JdbcRetention}. */
  @Override
  public int purgeHistory(Instant before) {
    return retention.purgeHistory(before);
  }

  // ---------------------------------------------------------------- dead letters

  /** {@inheritDoc} See {@link JdbcDeadLetters#deadLetter(Lease, long, String, Instant)}. */
  @Override
  public void deadLetter(Lease lease, long eventId, String reason, Instant now) {
    deadLetters.deadLetter(lease, eventId, reason, now);
  }

  /** {@inheritDoc} By id, which is the order they were written in. */
  @Override
  public List<DeadLetter> deadLetters() {
    return deadLetters.deadLetters();
  }

  @Override
  public Optional<DeadLetter> deadLetter(long id) {
    return deadLetters.deadLetter(id);
  }

  /**
   * {@inheritDoc} The event keeps its inbox id, so it comes before the conversation's newer events. Two
   * concurrent replays of one dead letter: one returns true, the other false.
   */
  @Override
  public boolean replay(long deadLetterId, Instant now) {
    return deadLetters.replay(deadLetterId, now);
  }

  // ---------------------------------------------------------------- poll cursors

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code leaseFor} is not positive
   */
  @Override
  public Optional<PollLease> claimPoll(String installationId, String owner, Instant now, Duration leaseFor) {
    return pollCursors.claim(installationId, owner, now, leaseFor);
  }

  @Override
  public PollLease renewPoll(PollLease lease, Instant now, Duration leaseFor) {
    return pollCursors.renew(lease, now, leaseFor);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the cursor is longer than 512 characters
   */
  @Override
  public PollLease savePollCursor(PollLease lease, String cursor, Instant now) {
    return pollCursors.save(lease, cursor, now);
  }

  /** {@inheritDoc} The token stays, so the next take gets a higher one. */
  @Override
  public void releasePoll(PollLease lease) {
    pollCursors.release(lease);
  }

  @Override
  public Optional<String> pollCursor(String installationId) {
    return pollCursors.cursor(installationId);
  }

  // ---------------------------------------------------------------- audit

  /** {@inheritDoc} In its own transaction. */
  @Override
  public void append(AuditRecord record) {
    audit.append(record);
  }

  /** {@inheritDoc} At most the newest {@value JdbcAuditLog#AUDIT_LIMIT}. */
  @Override
  public List<AuditRecord> all() {
    return audit.all();
  }

  /** One conversation's audit records, oldest first. */
  public List<AuditRecord> audit(String installationId, String conversationId) {
    return audit.audit(installationId, conversationId);
  }

  /**
   * Hands each audit record recorded in {@code [from, to)} to {@code each}, oldest first, reading them in pages so
   * that an export of millions holds few in memory. {@code each} runs outside any transaction.
   */
  public void auditBetween(Instant from, Instant to, java.util.function.Consumer<AuditRecord> each) {
    audit.between(from, to, each);
  }

  /** {@link #auditBetween} reading {@code pageSize} records at a time, for tests. */
  void auditBetween(Instant from, Instant to, java.util.function.Consumer<AuditRecord> each, int pageSize) {
    audit.between(from, to, each, pageSize);
  }

  // ---------------------------------------------------------------- health

  /**
   * {@inheritDoc} Never waits: when the last answer is older than a second it starts a probe in the background
   * (one at a time) and returns the last answer. The probe rewrites one row durably. A transaction that fails
   * for a database fault (not for bad data) sets the answer to false at once.
   */
  @Override
  public boolean healthy() {
    return db.healthy();
  }

  /** Closes the connection pool; calls afterwards fail. */
  @Override
  public void close() {
    db.close();
  }
}
