package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.bindKey;
import static io.deskbridge.core.store.ConversationRows.bindLease;
import static io.deskbridge.core.store.ConversationRows.dueFromOutbox;
import static io.deskbridge.core.store.ConversationRows.fence;
import static io.deskbridge.core.store.ConversationRows.fenceAndSave;
import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.refreshDue;
import static io.deskbridge.core.store.ConversationRows.requireText;
import static io.deskbridge.core.store.ConversationRows.truncate;
import static io.deskbridge.core.store.ConversationRows.ts;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.webhook.InboundEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inbox, the conversations under leases and the outbox: {@link ProcessingStore} without the dead letters.
 * The contracts are those of {@link ProcessingStore} and {@link JdbcStore}; each method is one transaction.
 *
 * <p>A claim, in one transaction, scans for due conversations whose lease is free or expired (fewest failed
 * attempts first, then due longest) and takes the first it can with a conditional update of the row (a
 * compare-and-set: of any number of claimers exactly one changes it), which gives a new lease token. On
 * PostgreSQL the scan locks one row with {@code FOR UPDATE SKIP LOCKED}; on H2 it reads up to
 * {@value #CLAIM_CANDIDATES} candidates unlocked. Every write under a lease first fences it (an update of the
 * row matching owner and token) in the same transaction.
 */
final class JdbcProcessing {
  /** The most events {@link #pendingEvents} returns; the rest stay due and are returned by a later claim. */
  static final int EVENTS_PER_CALL = 100;
  static final int CLAIM_TRIES = 5;
  private static final int CLAIM_CANDIDATES = 20;

  private static final String SENDING = "SENDING";
  private static final String CANDIDATES = "SELECT installation, conversation_id, vendor FROM conversation "
      + "WHERE due_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_retries, due_at";
  /** PostgreSQL: the first due conversation (fair order) that no other claimer is looking at, locked. */
  private static final String PICK_SKIP_LOCKED = CANDIDATES + " LIMIT 1 FOR UPDATE SKIP LOCKED";
  /** H2 (which applies the LIMIT before skipping locked rows): a few candidates, unlocked. */
  private static final String PICK_CANDIDATES = CANDIDATES + " LIMIT " + CLAIM_CANDIDATES;
  private static final String TAKE = "UPDATE conversation "
      + "SET lease_owner = ?, lease_token = lease_token + 1, lease_until = ? "
      + "WHERE installation = ? AND conversation_id = ? AND due_at <= ? "
      + "AND (lease_until IS NULL OR lease_until < ?)";
  private static final String TOKEN =
      "SELECT lease_token FROM conversation WHERE installation = ? AND conversation_id = ?";
  private static final String RENEW = "UPDATE conversation SET lease_until = ? "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String RELEASE = "UPDATE conversation SET lease_owner = NULL, lease_until = NULL "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String STATE =
      "SELECT state FROM conversation WHERE installation = ? AND conversation_id = ?";
  private static final String PENDING_EVENTS = "SELECT id, payload, attempts, next_attempt_at, received_at FROM inbox_event "
      + "WHERE installation = ? AND conversation_id = ? AND status = 'PENDING' ORDER BY id LIMIT "
      + EVENTS_PER_CALL;
  private static final String OPEN_OPERATIONS = "SELECT id, event_id, actions, status, attempts FROM outbox "
      + "WHERE installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING') ORDER BY id";
  private static final String EVENT_DONE = "UPDATE inbox_event SET status = 'DONE', last_error = NULL "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String INSERT_OPERATION = "INSERT INTO outbox (installation, conversation_id, event_id, "
      + "actions, status, attempts, next_attempt_at, created_at) "
      + "SELECT e.installation, e.conversation_id, e.event_id, ?, 'PENDING', 0, e.next_attempt_at, "
      + "CURRENT_TIMESTAMP FROM inbox_event e WHERE e.id = ?";
  private static final String OPERATION_STATUS = "UPDATE outbox SET status = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING')";
  private static final String OPERATION_FAILED = "UPDATE outbox "
      + "SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING')";
  private static final String EVENT_FAILED = "UPDATE inbox_event "
      + "SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String OPERATION_WAITS = "UPDATE outbox SET next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING')";
  private static final String EVENT_WAITS = "UPDATE inbox_event SET next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String OPEN_WORK = "SELECT COUNT(*) FROM conversation WHERE due_at IS NOT NULL";
  private static final String PURGE_OPERATIONS = "DELETE FROM outbox WHERE status IN ('DONE', 'CANCELLED') "
      + "AND EXISTS (SELECT 1 FROM inbox_event e WHERE e.installation = outbox.installation "
      + "AND e.event_id = outbox.event_id AND e.status = 'DONE' AND e.received_at < ?)";
  private static final String PURGE_EVENTS = "DELETE FROM inbox_event WHERE status = 'DONE' AND received_at < ?";

  private final Database db;
  private final JsonCodec json;
  private final JdbcAuditLog audit;
  private final InboxCommits inbox;
  private final String pick;

  JdbcProcessing(Database db, JsonCodec json, JdbcAuditLog audit) {
    this.db = db;
    this.json = json;
    this.audit = audit;
    this.inbox = new InboxCommits(db);
    this.pick = db.postgres() ? PICK_SKIP_LOCKED : PICK_CANDIDATES;
  }

  /** The group commit behind {@link #receive}. */
  InboxCommits inbox() {
    return inbox;
  }

  /** See {@link ProcessingStore#receive} and {@link InboxCommits}: durable when it returns. */
  int receive(String installationId, String vendor, List<InboundEvent> events, Instant now, Duration debounce) {
    requireText(installationId, "installationId");
    requireText(vendor, "vendor");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(now, "now");
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("debounce must not be negative");
    }
    if (events.isEmpty()) {
      return 0;
    }
    var payloads = new ArrayList<String>(events.size());
    for (InboundEvent event : events) {
      Objects.requireNonNull(event, "event");
      requireText(event.conversationId(), "conversationId");
      requireText(event.id(), "event id");
      payloads.add(json.event(event));
    }
    return inbox.receive(new InboxCommits.Receive(installationId, vendor, List.copyOf(events), payloads, ts(now),
        debounce));
  }

  /** See {@link ProcessingStore#claim}; empty also when every candidate of {@value #CLAIM_TRIES} scans was taken. */
  Optional<Lease> claim(String owner, Instant now, Duration leaseFor) {
    requireText(owner, "owner");
    Objects.requireNonNull(now, "now");
    requirePositive(leaseFor);
    OffsetDateTime at = ts(now);
    OffsetDateTime until = ts(now.plus(leaseFor));
    return db.tx("claim", c -> {
      try (var candidates = c.prepareStatement(pick); var take = c.prepareStatement(TAKE);
          var token = c.prepareStatement(TOKEN)) {
        for (int i = 0; i < CLAIM_TRIES; i++) {
          candidates.setObject(1, at);
          candidates.setObject(2, at);
          var found = new ArrayList<ConversationKey>();
          try (var rs = candidates.executeQuery()) {
            while (rs.next()) {
              found.add(new ConversationKey(rs.getString(3), rs.getString(1), rs.getString(2)));
            }
          }
          if (found.isEmpty()) {
            return Optional.<Lease>empty();
          }
          for (ConversationKey key : found) {
            take.setString(1, owner);
            take.setObject(2, until);
            bindKey(take, 3, key);
            take.setObject(5, at);
            take.setObject(6, at);
            if (take.executeUpdate() == 1) {
              bindKey(token, 1, key);
              try (var rs = token.executeQuery()) {
                rs.next();
                return Optional.of(new Lease(key, owner, rs.getLong(1), until.toInstant()));
              }
            }
          }
        }
        return Optional.<Lease>empty();
      }
    });
  }

  Lease renew(Lease lease, Instant now, Duration leaseFor) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(now, "now");
    requirePositive(leaseFor);
    OffsetDateTime until = ts(now.plus(leaseFor));
    return db.tx("renew", c -> {
      try (var renew = c.prepareStatement(RENEW)) {
        renew.setObject(1, until);
        bindLease(renew, 2, lease);
        if (renew.executeUpdate() != 1) {
          throw new LeaseLostException(lease);
        }
      }
      return new Lease(lease.key(), lease.owner(), lease.token(), until.toInstant());
    });
  }

  void release(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    db.tx("release", c -> {
      try (var release = c.prepareStatement(RELEASE)) {
        bindLease(release, 1, lease);
        release.executeUpdate();
      }
      return null;
    });
  }

  Optional<ConversationState> state(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return db.tx("state", c -> {
      try (var select = c.prepareStatement(STATE)) {
        select.setString(1, key.installation());
        select.setString(2, key.externalId());
        try (var rs = select.executeQuery()) {
          if (!rs.next() || rs.getString(1) == null) {
            return Optional.<ConversationState>empty();
          }
          return Optional.of(json.state(rs.getString(1)));
        }
      }
    });
  }

  List<PendingEvent> pendingEvents(Lease lease, Instant now) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(now, "now");
    Instant at = truncate(now);
    return db.tx("pendingEvents", c -> {
      var events = new ArrayList<PendingEvent>();
      try (var select = c.prepareStatement(PENDING_EVENTS)) {
        bindKey(select, 1, lease.key());
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            if (instant(rs, 4).isAfter(at)) {
              break;
            }
            events.add(new PendingEvent(rs.getLong(1), json.event(rs.getString(2)), rs.getInt(3), instant(rs, 5)));
          }
        }
      }
      return List.copyOf(events);
    });
  }

  List<Operation> openOperations(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    return db.tx("openOperations", c -> {
      var operations = new ArrayList<Operation>();
      try (var select = c.prepareStatement(OPEN_OPERATIONS)) {
        bindKey(select, 1, lease.key());
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            operations.add(new Operation(rs.getLong(1), rs.getString(2), json.actions(rs.getString(3)),
                Operation.Status.valueOf(rs.getString(4)), rs.getInt(5)));
          }
        }
      }
      return List.copyOf(operations);
    });
  }

  void commit(Lease lease, long eventId, ConversationState state, List<List<Action>> operations,
      List<AuditRecord> records) {
    Objects.requireNonNull(lease, "lease");
    requireSameConversation(lease, state);
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(records, "audit");
    String stateJson = json.state(state);
    String channel = state.transcript().map(t -> t.channel().name()).orElse(null);
    List<String> actions = operations.stream().map(json::actions).toList();
    db.tx("commit", c -> {
      fenceAndSave(c, lease, stateJson, channel);
      try (var done = c.prepareStatement(EVENT_DONE)) {
        done.setLong(1, eventId);
        bindKey(done, 2, lease.key());
        if (done.executeUpdate() != 1) {
          throw new IllegalStateException("event " + eventId + " is not pending in " + lease.key());
        }
      }
      try (var insert = c.prepareStatement(INSERT_OPERATION)) {
        for (String a : actions) {
          insert.setString(1, a);
          insert.setLong(2, eventId);
          insert.executeUpdate();
        }
      }
      audit.insert(c, records);
      if (actions.isEmpty()) {
        refreshDue(c, lease.key().installation(), lease.key().externalId());
      } else {
        dueFromOutbox(c, lease.key().installation(), lease.key().externalId());
      }
      return null;
    });
  }

  /** Durable when it returns: the vendor call comes next. */
  void sending(Lease lease, long operationId) {
    Objects.requireNonNull(lease, "lease");
    db.tx("sending", true, c -> {
      fence(c, lease);
      setOperationStatus(c, lease, operationId, SENDING);
      return null;
    });
  }

  void finish(Lease lease, long operationId, Operation.Status status, ConversationState state,
      List<AuditRecord> records) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(status, "status");
    if (status != Operation.Status.DONE && status != Operation.Status.CANCELLED) {
      throw new IllegalArgumentException("an operation finishes DONE or CANCELLED, not " + status);
    }
    requireSameConversation(lease, state);
    Objects.requireNonNull(records, "audit");
    String stateJson = json.state(state);
    String channel = state.transcript().map(t -> t.channel().name()).orElse(null);
    db.tx("finish", c -> {
      fenceAndSave(c, lease, stateJson, channel);
      setOperationStatus(c, lease, operationId, status.name());
      audit.insert(c, records);
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  void operationFailed(Lease lease, long operationId, String error, Instant notBefore) {
    updateOpen("operationFailed", OPERATION_FAILED, lease, operationId, error, notBefore);
  }

  void eventFailed(Lease lease, long eventId, String error, Instant notBefore) {
    updateOpen("eventFailed", EVENT_FAILED, lease, eventId, error, notBefore);
  }

  void eventWaits(Lease lease, long eventId, Instant notBefore) {
    updateOpen("eventWaits", EVENT_WAITS, lease, eventId, null, notBefore);
  }

  void operationWaits(Lease lease, long operationId, Instant notBefore) {
    updateOpen("operationWaits", OPERATION_WAITS, lease, operationId, null, notBefore);
  }

  /**
   * Updates one open event or operation of the lease's conversation under the lease's fence, then the
   * conversation's due time. The statement's parameters are: the error (only when {@code error} is not
   * null), the next attempt time, the row id, the installation and the conversation id.
   */
  private void updateOpen(String what, String sql, Lease lease, long id, String error, Instant notBefore) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(notBefore, "notBefore");
    db.tx(what, c -> {
      fence(c, lease);
      try (var update = c.prepareStatement(sql)) {
        int p = 1;
        if (error != null) {
          update.setString(p++, error);
        }
        update.setObject(p++, ts(notBefore));
        update.setLong(p++, id);
        bindKey(update, p, lease.key());
        if (update.executeUpdate() != 1) {
          throw new IllegalStateException(what + ": " + id + " is not open in " + lease.key());
        }
      }
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  boolean hasOpenWork() {
    return db.tx("hasOpenWork", c -> {
      try (var select = c.prepareStatement(OPEN_WORK); var rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    });
  }

  int purgeProcessed(Instant before) {
    Objects.requireNonNull(before, "before");
    OffsetDateTime at = ts(before);
    return db.tx("purgeProcessed", c -> {
      try (var operations = c.prepareStatement(PURGE_OPERATIONS); var events = c.prepareStatement(PURGE_EVENTS)) {
        operations.setObject(1, at);
        operations.executeUpdate();
        events.setObject(1, at);
        return events.executeUpdate();
      }
    });
  }

  private static void setOperationStatus(Connection c, Lease lease, long operationId, String status)
      throws SQLException {
    try (var update = c.prepareStatement(OPERATION_STATUS)) {
      update.setString(1, status);
      update.setLong(2, operationId);
      bindKey(update, 3, lease.key());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("operation " + operationId + " is not open in " + lease.key());
      }
    }
  }

  private static void requireSameConversation(Lease lease, ConversationState state) {
    Objects.requireNonNull(state, "state");
    var key = state.key();
    if (!key.installation().equals(lease.key().installation())
        || !key.externalId().equals(lease.key().externalId())) {
      throw new IllegalArgumentException("state of " + key + " saved under the lease on " + lease.key());
    }
  }

  private static void requirePositive(Duration leaseFor) {
    Objects.requireNonNull(leaseFor, "leaseFor");
    if (leaseFor.isNegative() || leaseFor.isZero()) {
      throw new IllegalArgumentException("leaseFor must be positive, got " + leaseFor);
    }
  }
}
