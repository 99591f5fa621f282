package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.ts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ConversationApiStore} in the tables {@code api_key}, {@code api_conversation}, {@code api_message} and
 * {@code api_idempotency} (migration V2_4). Thread-safe.
 */
final class JdbcConversationApi implements ConversationApiStore {
  private static final String CONVERSATION_COLUMNS = "SELECT conversation_id, installation, channel, language, "
      + "customer_id, customer_email, customer_phone, customer_name, owner, owner_evidence, group_id, created_at, "
      + "updated_at FROM api_conversation WHERE conversation_id = ?";
  private static final String KEY_COLUMNS = "SELECT id, installation, name, key_hash, created_at, revoked_at FROM api_key";
  private static final String INSERT_MESSAGE = "INSERT INTO api_message (conversation_id, message_id, role, visibility, "
      + "author_id, body, event_id, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database db;

  JdbcConversationApi(Database db) {
    this.db = db;
  }

  @Override
  public void createKey(ApiKey key) {
    Objects.requireNonNull(key, "key");
    db.tx("create api key", true, c -> {
      try (var ps = c.prepareStatement("INSERT INTO api_key (id, installation, name, key_hash, created_at, revoked_at) "
          + "VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, key.id());
        ps.setString(2, key.installation());
        ps.setString(3, key.name());
        ps.setString(4, key.hash());
        ps.setObject(5, ts(key.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(6, key.revokedAt().map(ConversationRows::ts).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<ApiKey> keys() {
    return db.tx("api keys", c -> {
      try (var ps = c.prepareStatement(KEY_COLUMNS + " ORDER BY created_at, id"); var rs = ps.executeQuery()) {
        var keys = new ArrayList<ApiKey>();
        while (rs.next()) {
          keys.add(key(rs));
        }
        return List.copyOf(keys);
      }
    });
  }

  @Override
  public Optional<ApiKey> key(String id) {
    return db.tx("api key", c -> {
      try (var ps = c.prepareStatement(KEY_COLUMNS + " WHERE id = ?")) {
        ps.setString(1, id);
        try (var rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(key(rs)) : Optional.<ApiKey>empty();
        }
      }
    });
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
        Optional.ofNullable(instant(rs, 6)));
  }

  @Override
  public boolean revokeKey(String id, Instant at) {
    return db.tx("revoke api key", true, c -> {
      try (var ps = c.prepareStatement("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
        ps.setObject(1, ts(at), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<ApiConversation> conversation(String conversationId) {
    return db.tx("api conversation", c -> conversation(c, conversationId, false));
  }

  private static Optional<ApiConversation> conversation(Connection c, String id, boolean lock) throws SQLException {
    try (var ps = c.prepareStatement(CONVERSATION_COLUMNS + (lock ? " FOR UPDATE" : ""))) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new ApiConversation(rs.getString(1), rs.getString(2), rs.getString(3), text(rs, 4),
            text(rs, 5), text(rs, 6), text(rs, 7), text(rs, 8), rs.getString(9), text(rs, 10), text(rs, 11),
            instant(rs, 12), instant(rs, 13)));
      }
    }
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    var s = rs.getString(column);
    return s == null ? "" : s;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Not forced to disk by itself: the caller hands the message's event to the engine next, whose durable receive
   * writes everything committed before it (on H2 the checkpoint writes the whole store), and the client hears about
   * the message only after that. A crash in between loses a message nobody was told about.
   */
  @Override
  public Posted post(NewMessage m, Optional<Idempotency> idempotency, Instant now) {
    Objects.requireNonNull(m, "message");
    return db.tx("post api message", c -> {
      try (var ps = c.prepareStatement("INSERT INTO api_conversation (conversation_id, installation, channel, owner, "
          + "created_at, updated_at) VALUES (?, ?, ?, 'bot', ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, m.conversationId());
        ps.setString(2, m.installation());
        ps.setString(3, m.channel());
        ps.setObject(4, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(5, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.executeUpdate();
      }
      var conversation = conversation(c, m.conversationId(), true).orElseThrow();
      if (!conversation.installation().equals(m.installation())) {
        return new Posted.OtherInstallation();
      }
      if (idempotency.isPresent()) {
        var i = idempotency.get();
        try (var ps = c.prepareStatement("SELECT request_hash, message_id, event_id, locked_until, response "
            + "FROM api_idempotency WHERE api_key_id = ? AND idem_key = ? FOR UPDATE")) {
          ps.setString(1, i.apiKeyId());
          ps.setString(2, i.key());
          try (var rs = ps.executeQuery()) {
            if (rs.next()) {
              if (!rs.getString(1).equals(i.requestHash())) {
                return new Posted.Mismatch();
              }
              if (rs.getString(5) != null) {
                return new Posted.Replay(rs.getString(5));
              }
              var lockedUntil = instant(rs, 4);
              if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return new Posted.InProgress();
              }
              String messageId = rs.getString(2);
              String eventId = rs.getString(3);
              lock(c, i, now);
              return new Posted.Stored(messageId, eventId, false);
            }
          }
        }
        try (var ps = c.prepareStatement("INSERT INTO api_idempotency (api_key_id, idem_key, request_hash, "
            + "conversation_id, message_id, event_id, locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING")) {
          ps.setString(1, i.apiKeyId());
          ps.setString(2, i.key());
          ps.setString(3, i.requestHash());
          ps.setString(4, m.conversationId());
          ps.setString(5, m.message().messageId());
          ps.setString(6, m.message().eventId());
          ps.setObject(7, ts(now.plus(i.lockFor())), Types.TIMESTAMP_WITH_TIMEZONE);
          ps.setObject(8, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
          if (ps.executeUpdate() == 0) {
            return new Posted.InProgress(); // the same key's first request, committed meanwhile
          }
        }
      }
      try (var ps = c.prepareStatement("UPDATE api_conversation SET language = COALESCE(?, language), "
          + "customer_id = COALESCE(?, customer_id), customer_email = COALESCE(?, customer_email), "
          + "customer_phone = COALESCE(?, customer_phone), customer_name = COALESCE(?, customer_name), "
          + "updated_at = ? WHERE conversation_id = ?")) {
        ps.setString(1, blankToNull(m.language()));
        ps.setString(2, blankToNull(m.customerId()));
        ps.setString(3, blankToNull(m.customerEmail()));
        ps.setString(4, blankToNull(m.customerPhone()));
        ps.setString(5, blankToNull(m.customerName()));
        ps.setObject(6, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(7, m.conversationId());
        ps.executeUpdate();
      }
      insert(c, m.conversationId(), List.of(m.message()));
      if (m.callback()) {
        try (var ps = c.prepareStatement("INSERT INTO api_callback (installation, conversation_id, message_id, event_id, "
            + "status, next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING")) {
          ps.setString(1, m.installation());
          ps.setString(2, m.conversationId());
          ps.setString(3, m.message().messageId());
          ps.setString(4, m.message().eventId());
          ps.setObject(5, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
          ps.executeUpdate();
        }
      }
      return new Posted.Stored(m.message().messageId(), m.message().eventId(), true);
    });
  }

  private static void lock(Connection c, Idempotency i, Instant now) throws SQLException {
    try (var ps = c.prepareStatement(
        "UPDATE api_idempotency SET locked_until = ? WHERE api_key_id = ? AND idem_key = ?")) {
      ps.setObject(1, ts(now.plus(i.lockFor())), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setString(2, i.apiKeyId());
      ps.setString(3, i.key());
      ps.executeUpdate();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void insert(Connection c, String conversationId, List<ApiMessage> messages) throws SQLException {
    try (var ps = c.prepareStatement(INSERT_MESSAGE)) {
      for (var msg : messages) {
        ps.setString(1, conversationId);
        ps.setString(2, msg.messageId());
        ps.setString(3, msg.role());
        ps.setString(4, msg.visibility());
        ps.setString(5, msg.authorId());
        ps.setString(6, msg.text());
        ps.setString(7, blankToNull(msg.eventId()));
        ps.setString(8, blankToNull(msg.metadata()));
        ps.setObject(9, ts(msg.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public List<ApiMessage> messages(String conversationId) {
    return db.tx("api messages", c -> {
      try (var ps = c.prepareStatement("SELECT message_id, role, visibility, author_id, body, event_id, metadata, "
          + "created_at FROM api_message WHERE conversation_id = ? ORDER BY seq")) {
        ps.setString(1, conversationId);
        try (var rs = ps.executeQuery()) {
          var out = new ArrayList<ApiMessage>();
          while (rs.next()) {
            out.add(new ApiMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  @Override
  public void append(String conversationId, List<ApiMessage> messages, Optional<String> groupId, Instant now) {
    db.tx("append api messages", c -> {
      if (conversation(c, conversationId, true).isEmpty()) {
        throw new IllegalStateException("no API conversation " + conversationId);
      }
      insert(c, conversationId, messages);
      try (var ps = c.prepareStatement("UPDATE api_conversation SET group_id = COALESCE(?, group_id), updated_at = ? "
          + "WHERE conversation_id = ?")) {
        ps.setString(1, groupId.orElse(null));
        ps.setObject(2, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(3, conversationId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean setOwner(String conversationId, String owner, String evidence, Instant now) {
    return db.tx("set api owner", c -> { // made durable by the engine's receive of the event that follows
      try (var ps = c.prepareStatement(
          "UPDATE api_conversation SET owner = ?, owner_evidence = ?, updated_at = ? WHERE conversation_id = ?")) {
        ps.setString(1, owner);
        ps.setString(2, blankToNull(evidence));
        ps.setObject(3, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(4, conversationId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void answered(String apiKeyId, String idempotencyKey, String response) {
    db.tx("api answered", c -> {
      try (var ps = c.prepareStatement(
          "UPDATE api_idempotency SET response = ?, locked_until = NULL WHERE api_key_id = ? AND idem_key = ?")) {
        ps.setString(1, response);
        ps.setString(2, apiKeyId);
        ps.setString(3, idempotencyKey);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void unlock(String apiKeyId, String idempotencyKey) {
    db.tx("api unlock", c -> {
      try (var ps = c.prepareStatement(
          "UPDATE api_idempotency SET locked_until = NULL WHERE api_key_id = ? AND idem_key = ?")) {
        ps.setString(1, apiKeyId);
        ps.setString(2, idempotencyKey);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Progress eventProgress(String installation, String conversationId, String eventId) {
    return db.tx("api event progress", c -> {
      try (var ps = c.prepareStatement("SELECT status FROM inbox_event WHERE installation = ? AND event_id = ?")) {
        ps.setString(1, installation);
        ps.setString(2, eventId);
        try (var rs = ps.executeQuery()) {
          if (!rs.next()) {
            try (var audit = c.prepareStatement("SELECT COUNT(*) FROM audit WHERE installation = ? "
                + "AND conversation_id = ? AND event_id = ?")) {
              audit.setString(1, installation);
              audit.setString(2, conversationId);
              audit.setString(3, eventId);
              try (var counted = audit.executeQuery()) {
                counted.next();
                return counted.getLong(1) > 0 ? Progress.DONE : Progress.UNKNOWN;
              }
            }
          }
          if ("PENDING".equals(rs.getString(1))) {
            return Progress.PENDING;
          }
        }
      }
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE installation = ? AND event_id = ? "
          + "AND status IN ('PENDING', 'SENDING')")) {
        ps.setString(1, installation);
        ps.setString(2, eventId);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1) == 0 ? Progress.DONE : Progress.PENDING;
        }
      }
    });
  }

  private static final String CALLBACK_COLUMNS = "SELECT id, installation, conversation_id, message_id, event_id, "
      + "status, attempts, last_error FROM api_callback";

  @Override
  public List<Callback> claimCallbacks(Instant now, Instant lockedUntil, int limit) {
    return db.tx("claim api callbacks", c -> {
      var due = new ArrayList<Callback>();
      try (var ps = c.prepareStatement(CALLBACK_COLUMNS + " WHERE status = 'PENDING' AND next_attempt_at <= ? "
          + "AND (locked_until IS NULL OR locked_until < ?) ORDER BY next_attempt_at, id LIMIT " + limit)) {
        ps.setObject(1, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(2, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(callback(rs));
          }
        }
      }
      var claimed = new ArrayList<Callback>();
      try (var ps = c.prepareStatement("UPDATE api_callback SET locked_until = ? WHERE id = ? AND status = 'PENDING' "
          + "AND (locked_until IS NULL OR locked_until < ?)")) {
        for (var cb : due) {
          ps.setObject(1, ts(lockedUntil), Types.TIMESTAMP_WITH_TIMEZONE);
          ps.setLong(2, cb.id());
          ps.setObject(3, ts(now), Types.TIMESTAMP_WITH_TIMEZONE);
          if (ps.executeUpdate() == 1) {
            claimed.add(cb);
          }
        }
      }
      return List.copyOf(claimed);
    });
  }

  private static Callback callback(ResultSet rs) throws SQLException {
    return new Callback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7), text(rs, 8));
  }

  @Override
  public void callbackDone(long id) {
    db.tx("api callback done", c -> {
      try (var ps = c.prepareStatement("UPDATE api_callback SET status = 'DONE', locked_until = NULL, last_error = NULL, "
          + "attempts = attempts + 1 WHERE id = ?")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void callbackRetry(long id, boolean countAttempt, String error, Instant next, boolean giveUp) {
    db.tx("api callback retry", c -> {
      try (var ps = c.prepareStatement("UPDATE api_callback SET status = ?, attempts = attempts + ?, last_error = ?, "
          + "next_attempt_at = ?, locked_until = NULL WHERE id = ?")) {
        ps.setString(1, giveUp ? "FAILED" : "PENDING");
        ps.setInt(2, countAttempt ? 1 : 0);
        ps.setString(3, error);
        ps.setObject(4, ts(next), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setLong(5, id);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<Callback> callbacks(String conversationId) {
    return db.tx("api callbacks", c -> {
      try (var ps = c.prepareStatement(CALLBACK_COLUMNS + " WHERE conversation_id = ? ORDER BY id")) {
        ps.setString(1, conversationId);
        try (var rs = ps.executeQuery()) {
          var out = new ArrayList<Callback>();
          while (rs.next()) {
            out.add(callback(rs));
          }
          return List.copyOf(out);
        }
      }
    });
  }
}
