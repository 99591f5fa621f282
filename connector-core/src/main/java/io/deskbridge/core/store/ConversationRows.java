package io.deskbridge.core.store;

import io.deskbridge.core.conversation.ConversationKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The statements the ports share on the {@code conversation} row (locking it, fencing a lease, recomputing its
 * due time) and on the inbox, with the binding and time conversions they use. Each runs inside the caller's
 * transaction.
 */
final class ConversationRows {
  private ConversationRows() {}

  private static final String LOCK_CONVERSATION =
      "UPDATE conversation SET lease_token = lease_token WHERE installation = ? AND conversation_id = ?";
  private static final String INSERT_CONVERSATION =
      "INSERT INTO conversation (installation, conversation_id, vendor, lease_token) VALUES (?, ?, ?, 0) "
          + "ON CONFLICT DO NOTHING";
  private static final String FENCE = "UPDATE conversation SET lease_token = lease_token "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String FENCE_AND_SAVE = "UPDATE conversation SET state = ?, channel = COALESCE(CAST(? AS VARCHAR(32)), channel) "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String REFRESH_DUE = "UPDATE conversation SET due_at = COALESCE("
      + "(SELECT o.next_attempt_at FROM outbox o WHERE o.installation = ? AND o.conversation_id = ? "
      + "AND o.status IN ('PENDING', 'SENDING') ORDER BY o.id LIMIT 1), "
      + "(SELECT e.next_attempt_at FROM inbox_event e WHERE e.installation = ? AND e.conversation_id = ? "
      + "AND e.status = 'PENDING' ORDER BY e.id LIMIT 1)), "
      + "due_retries = COALESCE("
      + "(SELECT o.attempts FROM outbox o WHERE o.installation = ? AND o.conversation_id = ? "
      + "AND o.status IN ('PENDING', 'SENDING') ORDER BY o.id LIMIT 1), "
      + "(SELECT e.attempts FROM inbox_event e WHERE e.installation = ? AND e.conversation_id = ? "
      + "AND e.status = 'PENDING' ORDER BY e.id LIMIT 1), 0) "
      + "WHERE installation = ? AND conversation_id = ?";
  /** {@link #REFRESH_DUE} when the conversation is known to have an open write. */
  private static final String DUE_FROM_OUTBOX = "UPDATE conversation SET due_at = "
      + "(SELECT o.next_attempt_at FROM outbox o WHERE o.installation = ? AND o.conversation_id = ? "
      + "AND o.status IN ('PENDING', 'SENDING') ORDER BY o.id LIMIT 1), "
      + "due_retries = (SELECT o.attempts FROM outbox o WHERE o.installation = ? AND o.conversation_id = ? "
      + "AND o.status IN ('PENDING', 'SENDING') ORDER BY o.id LIMIT 1) "
      + "WHERE installation = ? AND conversation_id = ?";
  private static final String DUE_IF_IDLE = "UPDATE conversation SET due_at = ?, due_retries = 0 "
      + "WHERE installation = ? AND conversation_id = ? AND due_at IS NULL";
  /** Parameters: installation, vendor, event id, conversation id, payload, received at, due at. */
  static final String INSERT_EVENT = "INSERT INTO inbox_event (installation, vendor, event_id, "
      + "conversation_id, payload, received_at, status, attempts, next_attempt_at) "
      + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?) ON CONFLICT DO NOTHING";

  /** Locks a conversation's row, creating it first when it does not exist. */
  static void lockConversation(Connection c, String installation, String conversation, String vendor)
      throws SQLException {
    try (var lock = c.prepareStatement(LOCK_CONVERSATION)) {
      lock.setString(1, installation);
      lock.setString(2, conversation);
      if (lock.executeUpdate() == 1) {
        return;
      }
      try (var insert = c.prepareStatement(INSERT_CONVERSATION)) {
        insert.setString(1, installation);
        insert.setString(2, conversation);
        insert.setString(3, vendor);
        if (insert.executeUpdate() == 1) {
          return; // the new row is ours until commit
        }
      }
      if (lock.executeUpdate() != 1) { // inserted by another transaction meanwhile
        throw new IllegalStateException("conversation row " + installation + "/" + conversation + " vanished");
      }
    }
  }

  /** Locks the lease's conversation row if the lease is still its own, else throws {@link LeaseLostException}. */
  static void fence(Connection c, Lease lease) throws SQLException {
    try (var fence = c.prepareStatement(FENCE)) {
      bindLease(fence, 1, lease);
      if (fence.executeUpdate() != 1) {
        throw new LeaseLostException(lease);
      }
    }
  }

  /** {@link #fence} and save the state in the same statement. */
  static void fenceAndSave(Connection c, Lease lease, String stateJson, String channel) throws SQLException {
    try (var save = c.prepareStatement(FENCE_AND_SAVE)) {
      save.setString(1, stateJson);
      save.setString(2, channel);
      bindLease(save, 3, lease);
      if (save.executeUpdate() != 1) {
        throw new LeaseLostException(lease);
      }
    }
  }

  /** Sets the conversation's due time from its oldest open write, else its oldest pending event. */
  static void refreshDue(Connection c, String installation, String conversation) throws SQLException {
    try (var refresh = c.prepareStatement(REFRESH_DUE)) {
      for (int i = 1; i <= 9; i += 2) {
        refresh.setString(i, installation);
        refresh.setString(i + 1, conversation);
      }
      refresh.executeUpdate();
    }
  }

  /**
   * After new pending events (the newest of the conversation, not yet failed) were added to a locked
   * conversation row: the due time {@link #refreshDue} would compute, without its subqueries. A conversation
   * that had open work ({@code due_at} set, as every transaction keeps it) still waits for that older work, with
   * its time and retries; one without becomes due at {@code dueAt}, the first new event's next attempt.
   */
  static void dueIfIdle(Connection c, String installation, String conversation, OffsetDateTime dueAt)
      throws SQLException {
    try (var due = c.prepareStatement(DUE_IF_IDLE)) {
      due.setObject(1, dueAt);
      due.setString(2, installation);
      due.setString(3, conversation);
      due.executeUpdate();
    }
  }

  /**
   * {@link #refreshDue} for a conversation that has an open write (one was just added in this transaction):
   * its oldest open write gives the due time, so the pending events need not be looked at.
   */
  static void dueFromOutbox(Connection c, String installation, String conversation) throws SQLException {
    try (var refresh = c.prepareStatement(DUE_FROM_OUTBOX)) {
      for (int i = 1; i <= 5; i += 2) {
        refresh.setString(i, installation);
        refresh.setString(i + 1, conversation);
      }
      refresh.executeUpdate();
    }
  }

  static void bindKey(PreparedStatement ps, int first, ConversationKey key) throws SQLException {
    ps.setString(first, key.installation());
    ps.setString(first + 1, key.externalId());
  }

  static void bindLease(PreparedStatement ps, int first, Lease lease) throws SQLException {
    bindKey(ps, first, lease.key());
    ps.setString(first + 2, lease.owner());
    ps.setLong(first + 3, lease.token());
  }

  static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Times are kept to the microsecond. */
  static Instant truncate(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime ts(Instant t) {
    return OffsetDateTime.ofInstant(truncate(t), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    var t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
