package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link AuditLog} in the {@code audit} table. {@link #insert} lets the processing store append records in
 * its own transactions. Thread-safe; database failures throw {@link StoreException}.
 */
final class JdbcAuditLog implements AuditLog {
  /** The most records {@link #all()} returns: the newest ones. */
  static final int AUDIT_LIMIT = 100_000;

  private static final String INSERT_AUDIT = "INSERT INTO audit (recorded_at, installation, conversation_id, "
      + "event_id, install_mode, decision, reasons, confidence, article_id, signals, input_text, actions, outcome, "
      + "episode, detail, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String AUDIT_COLUMNS = "SELECT id, recorded_at, installation, conversation_id, event_id, "
      + "install_mode, decision, reasons, confidence, article_id, signals, input_text, actions, outcome, episode, detail FROM audit";

  private final Database db;
  private final JsonCodec json;

  JdbcAuditLog(Database db, JsonCodec json) {
    this.db = db;
    this.json = json;
  }

  /** {@inheritDoc} In its own transaction. */
  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    db.tx("append", c -> {
      insert(c, List.of(record));
      return null;
    });
  }

  /** {@inheritDoc} At most the newest {@value #AUDIT_LIMIT}. */
  @Override
  public List<AuditRecord> all() {
    return query("SELECT * FROM (" + AUDIT_COLUMNS + " ORDER BY id DESC LIMIT " + AUDIT_LIMIT
        + ") AS newest ORDER BY id", ps -> { });
  }

  /** One conversation's audit records, oldest first. */
  List<AuditRecord> audit(String installationId, String conversationId) {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(conversationId, "conversationId");
    return query(AUDIT_COLUMNS + " WHERE installation = ? AND conversation_id = ? ORDER BY id", ps -> {
      ps.setString(1, installationId);
      ps.setString(2, conversationId);
    });
  }

  /** The page size of {@link #between}. */
  static final int PAGE = 1_000;

  /** Each record recorded in {@code [from, to)}, oldest first, read {@value #PAGE} at a time (by id). */
  void between(Instant from, Instant to, Consumer<AuditRecord> each) {
    between(from, to, each, PAGE);
  }

  /** {@link #between(Instant, Instant, Consumer)} reading {@code pageSize} at a time. */
  void between(Instant from, Instant to, Consumer<AuditRecord> each, int pageSize) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    long[] after = {0};
    while (true) {
      List<long[]> ids = new ArrayList<>();
      List<AuditRecord> page = query(AUDIT_COLUMNS + " WHERE recorded_at >= ? AND recorded_at < ? AND id > ? "
          + "ORDER BY id LIMIT " + pageSize, ps -> {
            ps.setObject(1, ts(from));
            ps.setObject(2, ts(to));
            ps.setLong(3, after[0]);
          }, id -> ids.add(new long[] {id}));
      page.forEach(each);
      if (page.size() < pageSize) {
        return;
      }
      after[0] = ids.get(ids.size() - 1)[0];
    }
  }

  /**
   * Appends the records in the caller's transaction and folds them into the dashboard's aggregates there; a failure of
   * the fold alone does not fail the records ({@link DashboardAggregates#foldKeepingTheRecords}).
   */
  void insert(Connection c, List<AuditRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (var insert = c.prepareStatement(INSERT_AUDIT)) {
      for (AuditRecord r : records) {
        Objects.requireNonNull(r, "audit record");
        insert.setObject(1, r.at() == null ? null : ts(r.at()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(2, r.installationId());
        insert.setString(3, r.conversationId());
        insert.setString(4, r.eventId());
        insert.setString(5, r.mode());
        insert.setString(6, r.decision());
        insert.setString(7, json.strings(r.reasons()));
        insert.setDouble(8, r.confidence());
        insert.setString(9, r.articleId());
        insert.setString(10, json.scores(r.signals()));
        insert.setString(11, r.input());
        insert.setString(12, json.strings(r.actions()));
        insert.setString(13, r.outcome());
        insert.setInt(14, r.episode());
        insert.setString(15, json.detail(r.detail()));
        insert.setString(16, language(r.detail()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    DashboardAggregates.foldKeepingTheRecords(c, records.stream().map(r -> new DashboardAggregates.Entry(r.at(),
        r.installationId(), r.conversationId(), r.eventId(), r.decision(), r.reasons(), r.confidence(), r.articleId(),
        language(r.detail()), r.input())).toList());
  }

  /**
   * The language of a reply, draft or clarification ({@code detail.language}) or of a handover
   * ({@code detail.summary.language}), at most 16 characters; null when the record has none.
   */
  static String language(java.util.Map<String, Object> detail) {
    Object language = detail.get("language");
    if (language == null && detail.get("summary") instanceof java.util.Map<?, ?> summary) {
      language = summary.get("language");
    }
    if (!(language instanceof String s) || s.isBlank()) {
      return null;
    }
    return s.length() > 16 ? s.substring(0, 16) : s;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<AuditRecord> query(String sql, Binder binder) {
    return query(sql, binder, id -> { });
  }

  private List<AuditRecord> query(String sql, Binder binder, java.util.function.LongConsumer ids) {
    return db.tx("audit", c -> {
      var records = new ArrayList<AuditRecord>();
      try (var select = c.prepareStatement(sql)) {
        binder.bind(select);
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            ids.accept(rs.getLong(1));
            records.add(new AuditRecord(instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), json.strings(rs.getString(8)), rs.getDouble(9),
                rs.getString(10), json.scores(rs.getString(11)), rs.getString(12), json.strings(rs.getString(13)),
                rs.getString(14), rs.getInt(15), json.detail(rs.getString(16))));
          }
        }
      }
      return List.copyOf(records);
    });
  }
}
