package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.requireText;
import static io.deskbridge.core.store.ConversationRows.ts;

import io.deskbridge.core.kbsync.SyncedArticle;
import io.deskbridge.core.kbsync.SyncedKnowledgeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SyncedKnowledgeStore} on the {@code kb_article} and {@code kb_sync} tables (migration V2_5). Labels are
 * kept joined by U+0001, which no label contains.
 */
final class JdbcSyncedKnowledge implements SyncedKnowledgeStore {
  private static final String SEP = "\u0001";
  private static final String STATE =
      "SELECT cursor_value, scope, revision FROM kb_sync WHERE installation = ?";
  private static final String HASHES = "SELECT source_id, locale, content_hash FROM kb_article WHERE installation = ?";
  private static final String DELETE =
      "DELETE FROM kb_article WHERE installation = ? AND source_id = ? AND locale = ?";
  private static final String INSERT = "INSERT INTO kb_article (installation, source_id, locale, title, body, url, "
      + "labels, content_hash, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String ENSURE = "INSERT INTO kb_sync (installation, revision) VALUES (?, 0) "
      + "ON CONFLICT DO NOTHING";
  private static final String SAVE = "UPDATE kb_sync SET cursor_value = ?, scope = ?, synced_at = ?, "
      + "revision = revision + ? WHERE installation = ?";
  private static final String ALL = "SELECT installation, source_id, locale, title, body, url, labels, content_hash "
      + "FROM kb_article ORDER BY installation, source_id, locale";
  private static final String REVISION = "SELECT COALESCE(SUM(revision), 0) FROM kb_sync";

  private final Database db;

  JdbcSyncedKnowledge(Database db) {
    this.db = db;
  }

  @Override
  public State state(String installation) {
    requireText(installation, "installation");
    return db.tx("kbSyncState", c -> {
      try (var select = c.prepareStatement(STATE)) {
        select.setString(1, installation);
        try (var rs = select.executeQuery()) {
          if (!rs.next()) {
            return new State(Optional.empty(), "", 0);
          }
          return new State(Optional.ofNullable(rs.getString(1)), Objects.requireNonNullElse(rs.getString(2), ""),
              rs.getLong(3));
        }
      }
    });
  }

  @Override
  public Map<String, Map<String, String>> hashes(String installation) {
    requireText(installation, "installation");
    return db.tx("kbHashes", c -> {
      var out = new HashMap<String, Map<String, String>>();
      try (var select = c.prepareStatement(HASHES)) {
        select.setString(1, installation);
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
          }
        }
      }
      return out;
    });
  }

  @Override
  public void apply(String installation, Collection<SyncedArticle> upserts, Collection<Key> removals, String cursor,
      String scope, Instant now) {
    requireText(installation, "installation");
    Objects.requireNonNull(cursor, "cursor");
    if (cursor.length() > 512) {
      throw new IllegalArgumentException("cursor longer than 512 characters");
    }
    db.tx("kbApply", true, c -> {
      try (var delete = c.prepareStatement(DELETE); var insert = c.prepareStatement(INSERT);
          var ensure = c.prepareStatement(ENSURE); var save = c.prepareStatement(SAVE)) {
        for (var key : removals) {
          delete.setString(1, installation);
          delete.setString(2, key.sourceId());
          delete.setString(3, key.locale());
          delete.addBatch();
        }
        for (var a : upserts) {
          delete.setString(1, installation);
          delete.setString(2, a.sourceId());
          delete.setString(3, a.locale());
          delete.addBatch();
          insert.setString(1, installation);
          insert.setString(2, a.sourceId());
          insert.setString(3, a.locale());
          insert.setString(4, a.title());
          insert.setString(5, a.body());
          insert.setString(6, a.url());
          insert.setString(7, String.join(SEP, a.labels()));
          insert.setString(8, a.hash());
          insert.setObject(9, ts(now));
          insert.addBatch();
        }
        if (!removals.isEmpty() || !upserts.isEmpty()) {
          delete.executeBatch();
        }
        if (!upserts.isEmpty()) {
          insert.executeBatch();
        }
        ensure.setString(1, installation);
        ensure.executeUpdate();
        save.setString(1, cursor);
        save.setString(2, scope);
        save.setObject(3, ts(now));
        save.setLong(4, upserts.isEmpty() && removals.isEmpty() ? 0 : 1);
        save.setString(5, installation);
        save.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<SyncedArticle> articles() {
    return db.tx("kbArticles", c -> {
      var out = new ArrayList<SyncedArticle>();
      try (var select = c.prepareStatement(ALL); var rs = select.executeQuery()) {
        while (rs.next()) {
          String labels = rs.getString(7);
          out.add(new SyncedArticle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), labels.isEmpty() ? List.of() : Arrays.asList(labels.split(SEP)),
              rs.getString(8)));
        }
      }
      return out;
    });
  }

  @Override
  public long revision() {
    return db.tx("kbRevision", c -> {
      try (var select = c.prepareStatement(REVISION); var rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
