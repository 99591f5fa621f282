package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.requireText;
import static io.deskbridge.core.store.ConversationRows.ts;

import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.humanreply.HumanReplyStore;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link HumanReplyStore} on the {@code human_reply} table (migration V2_9), reading the handovers from
 * {@code dashboard_conversation} and the vendor from {@code conversation}. The upsert is an insert that ignores a
 * conflict followed by a guarded update: portable between H2 (PostgreSQL mode) and PostgreSQL.
 */
final class JdbcHumanReplies implements HumanReplyStore {
  private static final String PENDING = "SELECT d.conversation_id, c.vendor, d.handover_at FROM dashboard_conversation d "
      + "JOIN conversation c ON c.installation = d.installation AND c.conversation_id = d.conversation_id "
      + "LEFT JOIN human_reply h ON h.installation = d.installation AND h.conversation_id = d.conversation_id "
      + "WHERE d.installation = ? AND d.handover_at >= ? AND (h.replied_at IS NULL OR h.replied_at < d.handover_at) "
      + "AND (h.gone_at IS NULL OR h.handover_at < d.handover_at) "
      + "ORDER BY h.polled_at NULLS FIRST, d.handover_at, d.conversation_id LIMIT ?";
  private static final String INSERT = "INSERT INTO human_reply (installation, conversation_id, handover_at, replied_at, "
      + "polled_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  // each update leaves a row about a later handover (another process polled it) alone
  private static final String FOUND = "UPDATE human_reply SET handover_at = ?, replied_at = ?, polled_at = ?, "
      + "gone_at = NULL WHERE installation = ? AND conversation_id = ? AND handover_at <= ?";
  // a reply already stored for this handover (another process found it) stays
  private static final String NOT_YET = "UPDATE human_reply SET handover_at = ?, replied_at = NULL, polled_at = ? "
      + "WHERE installation = ? AND conversation_id = ? AND (replied_at IS NULL OR replied_at < ?) "
      + "AND handover_at <= ?";
  private static final String INSERT_GONE = "INSERT INTO human_reply (installation, conversation_id, handover_at, "
      + "polled_at, gone_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String GONE = "UPDATE human_reply SET handover_at = ?, replied_at = NULL, polled_at = ?, "
      + "gone_at = ? WHERE installation = ? AND conversation_id = ? AND handover_at <= ?";

  private final Database db;

  JdbcHumanReplies(Database db) {
    this.db = db;
  }

  @Override
  public List<Pending> pending(String installation, Instant handedOverSince, int limit) {
    requireText(installation, "installation");
    Objects.requireNonNull(handedOverSince, "handedOverSince");
    if (limit < 1) {
      return List.of();
    }
    return db.tx("humanRepliesPending", c -> {
      var rows = new ArrayList<Pending>();
      try (var ps = c.prepareStatement(PENDING)) {
        ps.setString(1, installation);
        ps.setObject(2, ts(handedOverSince));
        ps.setInt(3, limit);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new Pending(new ConversationKey(rs.getString(2), installation, rs.getString(1)), instant(rs, 3)));
          }
        }
      }
      return List.copyOf(rows);
    });
  }

  @Override
  public void save(String installation, String conversationId, Instant handoverAt, Optional<Instant> repliedAt,
      Instant now) {
    requireText(installation, "installation");
    requireText(conversationId, "conversationId");
    Objects.requireNonNull(handoverAt, "handoverAt");
    Objects.requireNonNull(repliedAt, "repliedAt");
    Objects.requireNonNull(now, "now");
    db.tx("saveHumanReply", c -> {
      try (var insert = c.prepareStatement(INSERT)) {
        insert.setString(1, installation);
        insert.setString(2, conversationId);
        insert.setObject(3, ts(handoverAt));
        insert.setObject(4, repliedAt.map(ConversationRows::ts).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(5, ts(now));
        if (insert.executeUpdate() == 1) {
          return null;
        }
      }
      if (repliedAt.isPresent()) {
        try (var update = c.prepareStatement(FOUND)) {
          update.setObject(1, ts(handoverAt));
          update.setObject(2, ts(repliedAt.get()));
          update.setObject(3, ts(now));
          update.setString(4, installation);
          update.setString(5, conversationId);
          update.setObject(6, ts(handoverAt));
          update.executeUpdate();
        }
      } else {
        try (var update = c.prepareStatement(NOT_YET)) {
          update.setObject(1, ts(handoverAt));
          update.setObject(2, ts(now));
          update.setString(3, installation);
          update.setString(4, conversationId);
          update.setObject(5, ts(handoverAt));
          update.setObject(6, ts(handoverAt));
          update.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public void gone(String installation, String conversationId, Instant handoverAt, Instant now) {
    requireText(installation, "installation");
    requireText(conversationId, "conversationId");
    Objects.requireNonNull(handoverAt, "handoverAt");
    Objects.requireNonNull(now, "now");
    db.tx("humanReplyGone", c -> {
      try (var insert = c.prepareStatement(INSERT_GONE)) {
        insert.setString(1, installation);
        insert.setString(2, conversationId);
        insert.setObject(3, ts(handoverAt));
        insert.setObject(4, ts(now));
        insert.setObject(5, ts(now));
        if (insert.executeUpdate() == 1) {
          return null;
        }
      }
      try (var update = c.prepareStatement(GONE)) {
        update.setObject(1, ts(handoverAt));
        update.setObject(2, ts(now));
        update.setObject(3, ts(now));
        update.setString(4, installation);
        update.setString(5, conversationId);
        update.setObject(6, ts(handoverAt));
        update.executeUpdate();
      }
      return null;
    });
  }
}
