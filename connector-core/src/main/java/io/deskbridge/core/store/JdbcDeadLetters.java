package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.INSERT_EVENT;
import static io.deskbridge.core.store.ConversationRows.bindKey;
import static io.deskbridge.core.store.ConversationRows.fence;
import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.lockConversation;
import static io.deskbridge.core.store.ConversationRows.refreshDue;
import static io.deskbridge.core.store.ConversationRows.ts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeadLetters} in the {@code dead_letter} table, next to the inbox row (status {@code DEAD}) that replay
 * sets pending again. Thread-safe; database failures throw {@link StoreException}.
 */
final class JdbcDeadLetters implements DeadLetters {
  private static final String PENDING_EVENT = "SELECT vendor, event_id, payload, attempts FROM inbox_event "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String EVENT_DEAD =
      "UPDATE inbox_event SET status = 'DEAD', attempts = attempts + 1, last_error = ? WHERE id = ?";
  private static final String INSERT_DEAD_LETTER = "INSERT INTO dead_letter (inbox_id, installation, vendor, "
      + "event_id, conversation_id, payload, reason, attempts, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DEAD_LETTER_COLUMNS =
      "SELECT id, inbox_id, installation, vendor, conversation_id, event_id, payload, reason, attempts, dead_at "
          + "FROM dead_letter";
  private static final String DELETE_DEAD_LETTER = "DELETE FROM dead_letter WHERE id = ?";
  private static final String REVIVE_EVENT = "UPDATE inbox_event "
      + "SET status = 'PENDING', attempts = 0, last_error = NULL, next_attempt_at = ? "
      + "WHERE id = ? AND status = 'DEAD'";

  private final Database db;
  private final JsonCodec json;

  JdbcDeadLetters(Database db, JsonCodec json) {
    this.db = db;
    this.json = json;
  }

  /**
   * {@inheritDoc} This failed attempt counts: the dead letter's attempts are the event's failed attempts so
   * far plus one. The inbox row stays (status {@code DEAD}), so a redelivery of the event is still a
   * duplicate.
   *
   * @throws LeaseLostException   when another worker took the conversation over
   * @throws IllegalStateException when the event is not pending in the lease's conversation
   */
  @Override
  public void deadLetter(Lease lease, long eventId, String reason, Instant now) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(now, "now");
    db.tx("deadLetter", c -> {
      fence(c, lease);
      String vendor;
      String vendorEventId;
      String payload;
      int attempts;
      try (var select = c.prepareStatement(PENDING_EVENT)) {
        select.setLong(1, eventId);
        bindKey(select, 2, lease.key());
        try (var rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("event " + eventId + " is not pending in " + lease.key());
          }
          vendor = rs.getString(1);
          vendorEventId = rs.getString(2);
          payload = rs.getString(3);
          attempts = rs.getInt(4) + 1;
        }
      }
      try (var dead = c.prepareStatement(EVENT_DEAD)) {
        dead.setString(1, reason);
        dead.setLong(2, eventId);
        dead.executeUpdate();
      }
      try (var insert = c.prepareStatement(INSERT_DEAD_LETTER)) {
        insert.setLong(1, eventId);
        insert.setString(2, lease.key().installation());
        insert.setString(3, vendor);
        insert.setString(4, vendorEventId);
        insert.setString(5, lease.key().externalId());
        insert.setString(6, payload);
        insert.setString(7, reason);
        insert.setInt(8, attempts);
        insert.setObject(9, ts(now));
        insert.executeUpdate();
      }
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  /** {@inheritDoc} By id, which is the order they were written in. */
  @Override
  public List<DeadLetter> deadLetters() {
    return db.tx("deadLetters", c -> {
      var letters = new ArrayList<DeadLetter>();
      try (var select = c.prepareStatement(DEAD_LETTER_COLUMNS + " ORDER BY id DESC");
          var rs = select.executeQuery()) {
        while (rs.next()) {
          letters.add(deadLetter(rs));
        }
      }
      return List.copyOf(letters);
    });
  }

  @Override
  public Optional<DeadLetter> deadLetter(long id) {
    return db.tx("deadLetter", c -> find(c, id).map(row -> row.letter));
  }

  /**
   * {@inheritDoc} The event keeps its inbox id, so it comes before the conversation's newer events. Two
   * concurrent replays of one dead letter: one returns true, the other false. Durable when it returns.
   */
  @Override
  public boolean replay(long deadLetterId, Instant now) {
    Objects.requireNonNull(now, "now");
    OffsetDateTime at = ts(now);
    return db.tx("replay", true, c -> {
      var found = find(c, deadLetterId);
      if (found.isEmpty()) {
        return false;
      }
      try (var delete = c.prepareStatement(DELETE_DEAD_LETTER)) {
        delete.setLong(1, deadLetterId);
        if (delete.executeUpdate() != 1) {
          return false; // replayed concurrently
        }
      }
      var row = found.get();
      String installation = row.letter.installationId();
      String conversation = row.letter.event().conversationId();
      lockConversation(c, installation, conversation, row.vendor);
      int revived;
      try (var revive = c.prepareStatement(REVIVE_EVENT)) {
        revive.setObject(1, at);
        revive.setLong(2, row.inboxId);
        revived = revive.executeUpdate();
      }
      if (revived == 0) { // the inbox row is gone: receive the event again
        try (var insert = c.prepareStatement(INSERT_EVENT)) {
          insert.setString(1, installation);
          insert.setString(2, row.vendor);
          insert.setString(3, row.letter.event().id());
          insert.setString(4, conversation);
          insert.setString(5, row.payload);
          insert.setObject(6, at);
          insert.setObject(7, at);
          insert.executeUpdate();
        }
      }
      refreshDue(c, installation, conversation);
      return true;
    });
  }

  /** A dead letter with the columns replay needs besides it. */
  private record Row(DeadLetter letter, long inboxId, String vendor, String payload) {}

  private Optional<Row> find(Connection c, long id) throws SQLException {
    try (var select = c.prepareStatement(DEAD_LETTER_COLUMNS + " WHERE id = ?")) {
      select.setLong(1, id);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Row(deadLetter(rs), rs.getLong(2), rs.getString(4), rs.getString(7)));
      }
    }
  }

  private DeadLetter deadLetter(ResultSet rs) throws SQLException {
    return new DeadLetter(rs.getLong(1), rs.getString(3), json.event(rs.getString(7)), rs.getString(8), rs.getInt(9),
        instant(rs, 10));
  }
}
