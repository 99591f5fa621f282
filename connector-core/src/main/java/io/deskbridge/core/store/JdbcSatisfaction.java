package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.requireText;
import static io.deskbridge.core.store.ConversationRows.ts;

import io.deskbridge.core.csat.SatisfactionStore;
import io.deskbridge.core.spi.SatisfactionSource.Rating;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SatisfactionStore} on the {@code satisfaction_rating} and {@code satisfaction_cursor} tables (migration V2_8).
 * The upsert is an insert that ignores a conflict followed by an update guarded by the rating time: portable between
 * H2 (PostgreSQL mode) and PostgreSQL, and a stored rating is never replaced by an older one.
 */
final class JdbcSatisfaction implements SatisfactionStore {
  private static final String INSERT = "INSERT INTO satisfaction_rating (installation, conversation_id, score, "
      + "rating_comment, rated_at, stored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String UPDATE = "UPDATE satisfaction_rating SET score = ?, rating_comment = ?, rated_at = ?, "
      + "stored_at = ? WHERE installation = ? AND conversation_id = ? AND rated_at <= ? "
      + "AND (rated_at < ? OR score <> ? OR COALESCE(rating_comment, '') <> ?)";
  private static final String CURSOR = "SELECT rated_until FROM satisfaction_cursor WHERE installation = ?";
  private static final String ENSURE_CURSOR = "INSERT INTO satisfaction_cursor (installation, rated_until, polled_at) "
      + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String SAVE_CURSOR = "UPDATE satisfaction_cursor SET rated_until = ?, polled_at = ? "
      + "WHERE installation = ?";
  // few rows (a period's ratings), so one query; the audit lookup uses audit_conversation
  private static final String BETWEEN = "SELECT r.installation, r.conversation_id, r.score, r.rating_comment, "
      + "r.rated_at, c.channel, (SELECT a.language FROM audit a WHERE a.installation = r.installation "
      + "AND a.conversation_id = r.conversation_id AND a.language IS NOT NULL AND a.language <> '' "
      + "ORDER BY a.id LIMIT 1) FROM satisfaction_rating r LEFT JOIN conversation c "
      + "ON c.installation = r.installation AND c.conversation_id = r.conversation_id "
      + "WHERE r.rated_at >= ? AND r.rated_at < ? ORDER BY r.rated_at DESC, r.installation, r.conversation_id";
  private static final String API_CHANNELS = "SELECT conversation_id, UPPER(channel) FROM api_conversation "
      + "WHERE installation = ?";

  private final Database db;

  JdbcSatisfaction(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Instant> cursor(String installation) {
    requireText(installation, "installation");
    return db.tx("satisfactionCursor", c -> {
      try (var ps = c.prepareStatement(CURSOR)) {
        ps.setString(1, installation);
        try (var rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(instant(rs, 1)) : Optional.<Instant>empty();
        }
      }
    });
  }

  @Override
  public int save(String installation, Collection<Rating> ratings, Instant now) {
    requireText(installation, "installation");
    Objects.requireNonNull(now, "now");
    if (ratings.isEmpty()) {
      return 0;
    }
    return db.tx("saveRatings", c -> {
      int written = 0;
      try (var insert = c.prepareStatement(INSERT); var update = c.prepareStatement(UPDATE)) {
        for (var r : ratings) {
          String comment = r.comment().isEmpty() ? null : r.comment();
          insert.setString(1, installation);
          insert.setString(2, r.conversationId());
          insert.setString(3, r.score().name());
          insert.setString(4, comment);
          insert.setObject(5, ts(r.ratedAt()));
          insert.setObject(6, ts(now));
          if (insert.executeUpdate() == 1) {
            written++;
            continue;
          }
          update.setString(1, r.score().name());
          update.setString(2, comment);
          update.setObject(3, ts(r.ratedAt()));
          update.setObject(4, ts(now));
          update.setString(5, installation);
          update.setString(6, r.conversationId());
          update.setObject(7, ts(r.ratedAt()));
          update.setObject(8, ts(r.ratedAt()));
          update.setString(9, r.score().name());
          update.setString(10, r.comment());
          written += update.executeUpdate();
        }
      }
      return written;
    });
  }

  @Override
  public void saveCursor(String installation, Instant ratedUntil, Instant now) {
    requireText(installation, "installation");
    db.tx("saveSatisfactionCursor", c -> {
      try (var ensure = c.prepareStatement(ENSURE_CURSOR)) {
        ensure.setString(1, installation);
        ensure.setObject(2, ts(ratedUntil));
        ensure.setObject(3, ts(now));
        ensure.executeUpdate();
      }
      try (var save = c.prepareStatement(SAVE_CURSOR)) {
        save.setObject(1, ts(ratedUntil));
        save.setObject(2, ts(now));
        save.setString(3, installation);
        save.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<RatedConversation> between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return db.tx("ratingsBetween", c -> {
      var rows = new ArrayList<RatedConversation>();
      var apiChannels = new HashMap<String, Map<String, String>>();
      try (var ps = c.prepareStatement(BETWEEN)) {
        ps.setObject(1, ts(from));
        ps.setObject(2, ts(to));
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new RatedConversation(rs.getString(1), rs.getString(2), Score.valueOf(rs.getString(3)),
                rs.getString(4), instant(rs, 5), upper(rs.getString(6)), rs.getString(7)));
          }
        }
      }
      // a Conversation API conversation's channel is kept on api_conversation only
      var out = new ArrayList<RatedConversation>(rows.size());
      for (var r : rows) {
        if (!r.channel().isEmpty()) {
          out.add(r);
          continue;
        }
        var channels = apiChannels.get(r.installation());
        if (channels == null) {
          channels = apiChannels(c, r.installation());
          apiChannels.put(r.installation(), channels);
        }
        out.add(new RatedConversation(r.installation(), r.conversationId(), r.score(), r.comment(), r.ratedAt(),
            channels.getOrDefault(r.conversationId(), ""), r.language()));
      }
      return List.copyOf(out);
    });
  }

  private static Map<String, String> apiChannels(Connection c, String installation) throws SQLException {
    var channels = new HashMap<String, String>();
    try (var ps = c.prepareStatement(API_CHANNELS)) {
      ps.setString(1, installation);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          channels.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return channels;
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }
}
