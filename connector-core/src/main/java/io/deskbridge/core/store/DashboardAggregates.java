package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.escalation.HandoverReason;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin dashboard's per-conversation aggregates ({@code dashboard_conversation}): each audit record of a
 * conversation is folded into its row in the transaction that writes the record, so that the dashboard reads one row
 * per conversation instead of the audit. The fold is the dashboard's tagging of a conversation's records, in id order,
 * over the conversation's whole life (the resolution window and the clock are applied when the row is read):
 * <ul>
 *   <li>a bot decision (reply, draft, clarify, handover): the first tags {@code conversations} and sets the bot's first
 *       response time (the record's time minus its event's receipt, when the inbox still has the event); each tags
 *       {@code confidence:I} (counted); a reply or draft tags {@code answered}, {@code article:ID} (counted), sets the
 *       last answer and clears the customer's return; a clarification tags {@code clarified} and {@code gap:KEY}; a
 *       handover tags {@code handed_over}, {@code reason:CODE} and, for low confidence, {@code gap:KEY}, and sets the
 *       handover time;</li>
 *   <li>a customer record (a bot decision, or a record ignored because a person owns the conversation, it is closed or
 *       its chat session timed out) after an answer sets the customer's return, once per answer;</li>
 *   <li>{@code draft_feedback} tags {@code draft:VERDICT}, a loop-guard {@code ignore} tags {@code loop:REASON}
 *       (both counted).</li>
 * </ul>
 * Refused webhooks ({@code rejected}) and records without a conversation are not folded. At most {@value #MAX_KEYS}
 * distinct articles and gaps are kept per conversation (further ones are not counted), texts cut to 200 characters.
 * Not thread-safe by itself: callers fold in their transaction.
 */
final class DashboardAggregates {
  static final int MAX_KEYS = 50;
  /** The longest {@code tags} and {@code gaps} JSON written, their columns' {@code VARCHAR(65536)}. */
  static final int MAX_JSON = 65_536;
  private static final int TEXT = 200;
  private static final Set<String> BOT_DECISIONS = Set.of("reply", "draft", "clarify", "handover");
  private static final Set<String> CUSTOMER_AGAIN = Set.of("human_owns_conversation", "conversation_closed",
      "session_timeout");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DashboardAggregates.class);
  static final int PROGRESS_EVERY = 50_000;

  private static final String COLUMNS = "first_at, last_at, channel, language, bot_frt_ms, last_answer_at, "
      + "after_answer_at, handover_at, tags, gaps";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM dashboard_conversation "
      + "WHERE installation = ? AND conversation_id = ? FOR UPDATE";
  private static final String CREATE = "INSERT INTO dashboard_conversation (installation, conversation_id, first_at, "
      + "last_at, tags, gaps) VALUES (?, ?, ?, ?, '{}', '{}') ON CONFLICT DO NOTHING";
  private static final String UPDATE = "UPDATE dashboard_conversation SET first_at = ?, last_at = ?, channel = ?, "
      + "language = ?, bot_frt_ms = ?, last_answer_at = ?, after_answer_at = ?, handover_at = ?, tags = ?, gaps = ? "
      + "WHERE installation = ? AND conversation_id = ?";
  private static final String CHANNEL = "SELECT channel FROM conversation WHERE installation = ? AND conversation_id = ?";
  private static final String API_CHANNEL = "SELECT UPPER(channel) FROM api_conversation "
      + "WHERE installation = ? AND conversation_id = ?";
  private static final String RECEIVED = "SELECT received_at FROM inbox_event WHERE installation = ? AND event_id = ?";

  private DashboardAggregates() {
  }

  /** One audit record as folded. {@code language} and {@code input} may be null. */
  record Entry(Instant at, String installation, String conversationId, String eventId, String decision,
      List<String> reasons, double confidence, String articleId, String language, String input) {
  }

  /** A conversation's aggregate. */
  static final class Agg {
    Instant first;
    Instant last;
    String channel;
    String language;
    Long botFrtMillis;
    Instant lastAnswer;
    Instant afterAnswer;
    Instant handoverAt;
    LinkedHashMap<String, Integer> tags = new LinkedHashMap<>();
    LinkedHashMap<String, String> gaps = new LinkedHashMap<>();
  }

  /** Folds the records, in order, into their conversations' rows, in the caller's transaction. */
  static void fold(Connection c, List<Entry> entries) throws SQLException {
    for (Entry e : entries) {
      if (e.at() == null || e.installation() == null || e.conversationId() == null || e.conversationId().isEmpty()
          || "rejected".equals(e.decision())) {
        continue;
      }
      Agg agg = read(c, e.installation(), e.conversationId());
      if (agg == null) {
        // a conversation's first record; a concurrent first record of it (in another transaction) makes this one
        // wait for it and then read its row
        try (var ps = c.prepareStatement(CREATE)) {
          ps.setString(1, e.installation());
          ps.setString(2, e.conversationId());
          ps.setObject(3, ts(e.at()), Types.TIMESTAMP_WITH_TIMEZONE);
          ps.setObject(4, ts(e.at()), Types.TIMESTAMP_WITH_TIMEZONE);
          ps.executeUpdate();
        }
        agg = read(c, e.installation(), e.conversationId());
      }
      apply(agg, e, () -> received(c, e));
      agg.channel = channel(c, e.installation(), e.conversationId(), agg.channel);
      write(c, e.installation(), e.conversationId(), agg);
    }
  }

  /**
   * {@link #fold}s under a savepoint, so that the caller's records are kept whatever becomes of their aggregates: a
   * failure for which the database rolled the whole transaction back (SQL state class 40) is thrown, for the caller to
   * retry it; any other is undone to the savepoint, logged in one line without customer text, and sets
   * {@code dashboard_backfill} to {@code PENDING}, so that the dashboard says its figures are incomplete and the next
   * start rebuilds them.
   */
  static void foldKeepingTheRecords(Connection c, List<Entry> entries) throws SQLException {
    var savepoint = c.setSavepoint();
    try {
      fold(c, entries);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("40")) {
        throw e;
      }
      notCounted(c, savepoint, e);
      return;
    } catch (RuntimeException e) {
      notCounted(c, savepoint, e);
      return;
    }
    c.releaseSavepoint(savepoint);
  }

  private static void notCounted(Connection c, java.sql.Savepoint savepoint, Exception e) throws SQLException {
    c.rollback(savepoint);
    try (var ps = c.prepareStatement("UPDATE dashboard_backfill SET state = 'PENDING' WHERE id = 1")) {
      ps.executeUpdate();
    }
    log.warn("an audit record was not counted in the admin dashboard's aggregates ({}); the record is kept, the "
        + "dashboard says its figures are incomplete until the next start rebuilds them", describe(e));
  }

  @FunctionalInterface
  interface Receipt {
    Instant get() throws SQLException;
  }

  /** Applies one record to an aggregate; {@code receipt} is asked for the event's receipt on the first bot decision. */
  static void apply(Agg agg, Entry e, Receipt receipt) throws SQLException {
    List<String> reasons = e.reasons() == null ? List.of() : e.reasons();
    String decision = e.decision() == null ? "" : e.decision();
    boolean customer = BOT_DECISIONS.contains(decision)
        || ("ignore".equals(decision) && reasons.stream().anyMatch(CUSTOMER_AGAIN::contains));
    if (customer && agg.lastAnswer != null && agg.afterAnswer == null) {
      agg.afterAnswer = e.at();
    }
    if (agg.first == null) {
      agg.first = e.at();
    }
    agg.last = e.at();
    if ((agg.language == null || agg.language.isEmpty()) && e.language() != null && !e.language().isEmpty()) {
      agg.language = e.language();
    }
    switch (decision) {
      case "reply", "draft", "clarify", "handover" -> decision(agg, e, reasons, decision, receipt);
      case "draft_feedback" -> reasons.stream().filter(DashboardRows.DRAFT_VERDICTS::contains).findFirst()
          .ifPresent(v -> agg.tags.merge("draft:" + v, 1, Integer::sum));
      case "ignore" -> reasons.stream().filter(DashboardRows.LOOP_REASONS::contains).findFirst()
          .ifPresent(v -> agg.tags.merge("loop:" + v, 1, Integer::sum));
      default -> { }
    }
  }

  private static void decision(Agg agg, Entry e, List<String> reasons, String decision, Receipt receipt)
      throws SQLException {
    if (!agg.tags.containsKey("conversations")) {
      agg.tags.put("conversations", 1);
      Instant received = e.eventId() == null ? null : receipt.get();
      if (received != null && !received.isAfter(e.at())) {
        agg.botFrtMillis = Duration.between(received, e.at()).toMillis();
      }
    }
    int bucket = Math.min(19, (int) Math.floor(e.confidence() / 0.05 + 1e-9));
    agg.tags.merge("confidence:" + bucket, 1, Integer::sum);
    switch (decision) {
      case "reply", "draft" -> {
        agg.tags.putIfAbsent("answered", 1);
        agg.lastAnswer = e.at();
        agg.afterAnswer = null;
        if (e.articleId() != null && !e.articleId().isEmpty()) {
          bounded(agg, "article:" + e.articleId());
        }
      }
      case "clarify" -> {
        agg.tags.putIfAbsent("clarified", 1);
        gap(agg, e);
      }
      default -> {
        agg.tags.putIfAbsent("handed_over", 1);
        agg.handoverAt = e.at();
        for (var reason : reasons) {
          agg.tags.putIfAbsent("reason:" + reason, 1);
        }
        if (reasons.contains(HandoverReason.LOW_CONFIDENCE.code())) {
          gap(agg, e);
        }
      }
    }
  }

  private static void bounded(Agg agg, String tag) {
    if (agg.tags.containsKey(tag)) {
      agg.tags.merge(tag, 1, Integer::sum);
      return;
    }
    String prefix = tag.substring(0, tag.indexOf(':') + 1);
    if (agg.tags.keySet().stream().filter(t -> t.startsWith(prefix)).count() < MAX_KEYS) {
      agg.tags.put(tag, 1);
    }
  }

  private static void gap(Agg agg, Entry e) {
    String input = e.input() == null ? "" : e.input();
    String key = normalise(input);
    if (!key.isEmpty() && !agg.tags.containsKey("gap:" + key)) {
      bounded(agg, "gap:" + key);
      if (agg.tags.containsKey("gap:" + key)) {
        String text = input.strip();
        agg.gaps.putIfAbsent(key, text.length() > TEXT ? text.substring(0, TEXT) : text);
      }
    }
  }

  /** A question's grouping key: lower case, white space folded, at most 200 characters. */
  static String normalise(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return s.length() > TEXT ? s.substring(0, TEXT) : s;
  }

  private static Agg read(Connection c, String installation, String conversation) throws SQLException {
    try (var ps = c.prepareStatement(SELECT)) {
      ps.setString(1, installation);
      ps.setString(2, conversation);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        var agg = new Agg();
        agg.first = instant(rs, 1);
        agg.last = instant(rs, 2);
        agg.channel = rs.getString(3);
        agg.language = rs.getString(4);
        long frt = rs.getLong(5);
        agg.botFrtMillis = rs.wasNull() ? null : frt;
        agg.lastAnswer = instant(rs, 6);
        agg.afterAnswer = instant(rs, 7);
        agg.handoverAt = instant(rs, 8);
        agg.tags = tags(rs.getString(9));
        agg.gaps = gaps(rs.getString(10));
        return agg;
      }
    }
  }

  private static void write(Connection c, String installation, String conversation, Agg agg) throws SQLException {
    try (var ps = c.prepareStatement(UPDATE)) {
      ps.setObject(1, ts(agg.first), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setObject(2, ts(agg.last), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setString(3, agg.channel);
      ps.setString(4, agg.language);
      if (agg.botFrtMillis == null) {
        ps.setNull(5, Types.BIGINT);
      } else {
        ps.setLong(5, agg.botFrtMillis);
      }
      ps.setObject(6, agg.lastAnswer == null ? null : ts(agg.lastAnswer), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setObject(7, agg.afterAnswer == null ? null : ts(agg.afterAnswer), Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setObject(8, agg.handoverAt == null ? null : ts(agg.handoverAt), Types.TIMESTAMP_WITH_TIMEZONE);
      String tags = json(agg.tags);
      String gaps = json(agg.gaps);
      while (tags.length() > MAX_JSON || gaps.length() > MAX_JSON) {
        drop(agg, gaps.length() > MAX_JSON);
        tags = json(agg.tags);
        gaps = json(agg.gaps);
      }
      ps.setString(9, tags);
      ps.setString(10, gaps);
      ps.setString(11, installation);
      ps.setString(12, conversation);
      ps.executeUpdate();
    }
  }

  /**
   * Drops one entry so that the JSON gets shorter: the last gap (its text and tag) when {@code gaps} is too long, else
   * the last gap or article tag, else the last tag. (Gap texts escaped in JSON can grow to six times their length.)
   */
  private static void drop(Agg agg, boolean gaps) {
    String victim = null;
    if (gaps && !agg.gaps.isEmpty()) {
      for (String key : agg.gaps.keySet()) {
        victim = "gap:" + key;
      }
    } else {
      String last = null;
      for (String tag : agg.tags.keySet()) {
        if (tag.startsWith("gap:") || tag.startsWith("article:")) {
          victim = tag;
        }
        last = tag;
      }
      victim = victim == null ? last : victim;
    }
    if (victim == null) {
      return;
    }
    agg.tags.remove(victim);
    if (victim.startsWith("gap:")) {
      agg.gaps.remove(victim.substring(4));
    }
  }

  /** The conversation's channel as saved (upper case, at most 32 characters), else {@code known}. */
  private static String channel(Connection c, String installation, String conversation, String known)
      throws SQLException {
    for (String sql : List.of(CHANNEL, API_CHANNEL)) {
      try (var ps = c.prepareStatement(sql)) {
        ps.setString(1, installation);
        ps.setString(2, conversation);
        try (var rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null && !rs.getString(1).isEmpty()) {
            String channel = rs.getString(1).toUpperCase(Locale.ROOT);
            return channel.length() > 32 ? channel.substring(0, 32) : channel;
          }
        }
      }
    }
    return known;
  }

  private static Instant received(Connection c, Entry e) throws SQLException {
    try (var ps = c.prepareStatement(RECEIVED)) {
      ps.setString(1, e.installation());
      ps.setString(2, e.eventId());
      try (var rs = ps.executeQuery()) {
        return rs.next() ? instant(rs, 1) : null;
      }
    }
  }

  static LinkedHashMap<String, Integer> tags(String json) {
    var tags = new LinkedHashMap<String, Integer>();
    read(json, (name, p) -> tags.put(name, p.getIntValue()));
    return tags;
  }

  static LinkedHashMap<String, String> gaps(String json) {
    var gaps = new LinkedHashMap<String, String>();
    read(json, (name, p) -> gaps.put(name, p.getText()));
    return gaps;
  }

  @FunctionalInterface
  private interface Field {
    void read(String name, com.fasterxml.jackson.core.JsonParser value) throws java.io.IOException;
  }

  /** Reads a flat JSON object field by field (the dashboard reads one per conversation: no data binding). */
  private static void read(String json, Field field) {
    if (json == null || json.equals("{}")) {
      return;
    }
    try (var p = MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new IllegalStateException("unreadable dashboard aggregate: not a JSON object");
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        field.read(name, p);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable dashboard aggregate: " + e.getMessage(), e);
    }
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- backfill

  /** The audit columns {@link #backfill} folds, in id order from an id. */
  private static final String AUDIT_PAGE = "SELECT id, recorded_at, installation, conversation_id, event_id, decision, "
      + "reasons, confidence, article_id, language, CASE WHEN decision IN ('clarify', 'handover') THEN input_text END "
      + "FROM audit WHERE id > ? ORDER BY id LIMIT 5000";

  /**
   * Builds the aggregates from the audit when {@code dashboard_backfill} says they were not yet ({@code PENDING}, as
   * the migration leaves it), or always when {@code rebuild}: empties the table and folds every audit record, in
   * one transaction that holds the marker row, logging a line at the start, every {@value #PROGRESS_EVERY} records
   * and at the end. On PostgreSQL a second process starting meanwhile does not wait: it finds the marker locked and
   * skips (unless {@code rebuild}). Returns the number of records folded.
   *
   * @throws StoreException when the database failed; the marker stays as it was and nothing was written
   * @throws IllegalStateException when a record could not be folded; likewise
   */
  static long backfill(Database db, JsonCodec json, boolean rebuild) {
    return db.tx("dashboard backfill", c -> {
      String marker = "SELECT state FROM dashboard_backfill WHERE id = 1 FOR UPDATE"
          + (db.postgres() && !rebuild ? " SKIP LOCKED" : "");
      try (var ps = c.prepareStatement(marker); var rs = ps.executeQuery()) {
        if (!rs.next()) {
          log.info("the admin dashboard's aggregates are being built by another process; this one does not wait");
          return 0L;
        }
        if ("DONE".equals(rs.getString(1)) && !rebuild) {
          return 0L;
        }
      }
      long started = System.nanoTime();
      long total;
      try (var count = c.createStatement(); var rs = count.executeQuery("SELECT COUNT(*) FROM audit")) {
        rs.next();
        total = rs.getLong(1);
      }
      log.info("building the admin dashboard's aggregates from {} audit records (once after the upgrade, about 4 to 9 "
          + "minutes per million records); the store opens when they are built", total);
      try (var clear = c.createStatement()) {
        clear.executeUpdate("DELETE FROM dashboard_conversation");
      }
      long folded = 0;
      long after = 0;
      while (true) {
        var page = new java.util.ArrayList<Entry>();
        try (var ps = c.prepareStatement(AUDIT_PAGE)) {
          ps.setLong(1, after);
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              after = rs.getLong(1);
              page.add(new Entry(instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                  json.strings(rs.getString(7)), rs.getDouble(8), rs.getString(9), rs.getString(10),
                  rs.getString(11)));
            }
          }
        }
        fold(c, page);
        if ((folded + page.size()) / PROGRESS_EVERY > folded / PROGRESS_EVERY) {
          log.info("the admin dashboard's aggregates: {} of {} audit records folded", folded + page.size(), total);
        }
        folded += page.size();
        if (page.size() < 5000) {
          break;
        }
      }
      try (var done = c.prepareStatement("UPDATE dashboard_backfill SET state = 'DONE' WHERE id = 1")) {
        done.executeUpdate();
      }
      log.info("built the admin dashboard's aggregates from {} audit records in {} s", folded,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
      return folded;
    });
  }

  /**
   * Whether the aggregates hold every audit record: false while the marker is {@code PENDING} (the build at start
   * failed or is under way in another process, or a fold failed since).
   */
  static boolean complete(Connection c) throws SQLException {
    try (var ps = c.prepareStatement("SELECT state FROM dashboard_backfill WHERE id = 1"); var rs = ps.executeQuery()) {
      return !rs.next() || "DONE".equals(rs.getString(1));
    }
  }

  /**
   * What a failure of the aggregates says in a log line without customer text: the exception's class, and the
   * database's state and message for a database failure (they name no values of the aggregates' rows).
   */
  static String describe(Throwable e) {
    Throwable cause = e instanceof StoreException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof SQLException sql) {
      String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
      return "SQL state " + sql.getSQLState() + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }
    return cause.getClass().getSimpleName();
  }
}
