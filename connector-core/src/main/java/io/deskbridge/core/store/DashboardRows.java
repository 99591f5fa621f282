package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.instant;
import static io.deskbridge.core.store.ConversationRows.ts;

import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.email.LoopGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the admin dashboard reads from the store: the per-conversation aggregates of the conversations that began in a
 * period ({@link #aggregates}, kept by {@link DashboardAggregates}), the agents' first replies, the dead letters, and
 * one conversation's writes; and, for checking the aggregates against the audit, a period's decision records with the
 * conversation's channel and the receipt time of the event each decided on ({@link #decisions}). Read-only except
 * {@link #rebuildAggregates}; thread-safe; database failures throw {@link StoreException}. Both are read in pages of
 * {@value #PAGE} along an index (the audit's id from the period's first record; the aggregates' first record time), so
 * the database never builds a large result.
 */
public final class DashboardRows {
  /** The loop guard's suppression reasons the aggregates count ({@code loop:REASON}), in the page's order. */
  public static final List<String> LOOP_REASONS = List.of(LoopGuard.AUTO_REPLY, LoopGuard.BOUNCE,
      LoopGuard.MAILING_LIST);
  /** The agents' verdicts on a draft the aggregates count ({@code draft:VERDICT}), in the page's order. */
  public static final List<String> DRAFT_VERDICTS = List.of("sent_as_drafted", "edited", "replaced");
  // No joins and no large result: H2 runs a LEFT JOIN per row and keeps a result of more than MAX_MEMORY_ROWS rows in a
  // temporary file, so each table is read in pages along its primary key and matched in memory.
  static final int PAGE = 5_000;
  private static final String FIRST_ID = "SELECT MIN(id) FROM audit WHERE recorded_at >= ? AND recorded_at < ?";
  private static final String DECISIONS = "SELECT id, recorded_at, installation, conversation_id, event_id, decision, "
      + "reasons, confidence, article_id, language, "
      + "CASE WHEN decision IN ('clarify', 'handover') THEN input_text END FROM audit "
      + "WHERE id >= ? ORDER BY id LIMIT " + PAGE;
  private static final String INSTALLATIONS = "SELECT DISTINCT installation FROM conversation";
  private static final String CHANNELS = "SELECT conversation_id, channel FROM conversation "
      + "WHERE installation = ? AND conversation_id > ? ORDER BY conversation_id LIMIT " + PAGE;
  private static final String API_CHANNELS = "SELECT installation, conversation_id, UPPER(channel) FROM api_conversation";
  private static final String RECEIVED = "SELECT id, installation, event_id, received_at FROM inbox_event "
      + "WHERE id >= ? ORDER BY id LIMIT " + PAGE;
  private static final String FIRST_EVENT = "SELECT MIN(id) FROM inbox_event WHERE received_at >= ?";
  /** How long before a period's start an event it decided on may have been received. */
  private static final java.time.Duration RECEIPT_SLACK = java.time.Duration.ofDays(1);

  private final Database db;
  private final JsonCodec json;

  DashboardRows(Database db, JsonCodec json) {
    this.db = db;
    this.json = json;
  }

  /**
   * One audit record as the dashboard reads it.
   *
   * @param id             the record's id (its order)
   * @param at             when it was recorded
   * @param channel        the conversation's channel in upper case ({@code EMAIL}, {@code CHAT}, ...), empty when
   *                       unknown
   * @param language       the language of a reply, draft, clarification or handover; empty for other records
   * @param input          the customer's text, only for {@code clarify} and {@code handover} records (else empty)
   * @param eventReceived  when the event decided on was received; null when its inbox row was purged or it had none
   */
  public record DecisionRow(long id, Instant at, String installation, String conversationId, String decision,
      List<String> reasons, double confidence, String articleId, String language, String channel, String input,
      Instant eventReceived) {
  }

  /** A dead letter's installation, conversation, reason and time. */
  public record DeadRow(long id, String installation, String conversationId, String reason, Instant at) {
  }

  /**
   * One decided vendor write of a conversation: its actions (JSON, as stored) and what became of it.
   *
   * @param status    PENDING, SENDING, DONE or CANCELLED
   * @param lastError the last failure, empty when none
   */
  public record WriteRow(long id, String eventId, String actionsJson, String status, int attempts, String lastError) {
  }

  /**
   * One conversation's dashboard aggregate ({@link DashboardAggregates} says how its records were folded).
   *
   * @param channel      the channel in upper case, empty when unknown
   * @param language     the first language its records named, empty when none
   * @param botFrtMillis the bot's first response time, -1 when unknown
   * @param lastAnswer   its last reply or draft, null when none
   * @param afterAnswer  the first customer record after the last answer, null when none
   * @param handoverAt   its last handover, null when none
   * @param tags         the dashboard's tags with their counts
   * @param gaps         each gap key's first text
   */
  public record AggregateRow(String installation, String conversationId, Instant first, Instant last, String channel,
      String language, long botFrtMillis, Instant lastAnswer, Instant afterAnswer, Instant handoverAt,
      Map<String, Integer> tags, Map<String, String> gaps) {
  }

  private static final String AGGREGATE_COLUMNS = "SELECT installation, conversation_id, first_at, last_at, channel, "
      + "language, bot_frt_ms, last_answer_at, after_answer_at, handover_at, tags, gaps FROM dashboard_conversation ";
  private static final String AGGREGATES_FROM = AGGREGATE_COLUMNS + "WHERE first_at >= ? AND first_at < ? "
      + "ORDER BY first_at LIMIT ";
  private static final String AGGREGATES_AFTER = AGGREGATE_COLUMNS + "WHERE first_at > ? AND first_at < ? "
      + "ORDER BY first_at LIMIT ";
  private static final String AGGREGATES_AT = AGGREGATE_COLUMNS + "WHERE first_at = ?";

  /**
   * The aggregate of each conversation whose first record was recorded in {@code [from, to)}, in the order of that
   * first record, read in pages of {@value #PAGE} along the index on it (a page ending inside a group of equal times
   * is completed by reading that group whole).
   */
  public void aggregates(Instant from, Instant to, Consumer<AggregateRow> each) {
    aggregates(from, to, each, PAGE);
  }

  /** {@link #aggregates(Instant, Instant, Consumer)} in pages of {@code pageSize}. */
  void aggregates(Instant from, Instant to, Consumer<AggregateRow> each, int pageSize) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Instant lower = from;
    boolean after = false;
    while (true) {
      var page = aggregatePage((after ? AGGREGATES_AFTER : AGGREGATES_FROM) + pageSize, lower, to);
      if (page.size() < pageSize) {
        page.forEach(each);
        return;
      }
      Instant last = page.get(page.size() - 1).first();
      page.stream().filter(r -> r.first().isBefore(last)).forEach(each);
      aggregatePage(AGGREGATES_AT, last, null).forEach(each);
      lower = last;
      after = true;
    }
  }

  private List<AggregateRow> aggregatePage(String sql, Instant lower, Instant to) {
    return db.tx("dashboard", c -> {
      var rows = new ArrayList<AggregateRow>();
      try (var ps = c.prepareStatement(sql)) {
        ps.setObject(1, ts(lower));
        if (to != null) {
          ps.setObject(2, ts(to));
        }
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            long frt = rs.getLong(7);
            boolean noFrt = rs.wasNull();
            rows.add(new AggregateRow(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                text(rs.getString(5)), text(rs.getString(6)), noFrt ? -1 : frt, instant(rs, 8), instant(rs, 9),
                instant(rs, 10), DashboardAggregates.tags(rs.getString(11)), DashboardAggregates.gaps(rs.getString(12))));
          }
        }
      }
      return rows;
    });
  }

  /**
   * Whether the aggregates hold every audit record; false while {@code dashboard_backfill} is {@code PENDING} (the
   * build at start failed or is under way in another process, or a record's fold failed since: the next start
   * builds them).
   */
  public boolean aggregatesComplete() {
    return db.tx("dashboard", DashboardAggregates::complete);
  }

  /**
   * Rebuilds every conversation's aggregate from the audit, in one transaction: for audit records written past the
   * store (the dashboard's seeded test data). Returns the number of records folded.
   */
  public long rebuildAggregates() {
    return DashboardAggregates.backfill(db, json, true);
  }

  /**
   * Each decision record (not refused webhooks) recorded in {@code [from, to)}, in id order: the straightforward scan
   * the aggregates replace (the dashboard's tests and benchmark compare the two); slow for long periods.
   */
  public void decisions(Instant from, Instant to, Consumer<DecisionRow> each) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    var channels = channels();
    var received = received(from.minus(RECEIPT_SLACK), to);
    long first = db.tx("dashboard", c -> {
      try (var ps = c.prepareStatement(FIRST_ID)) {
        ps.setObject(1, ts(from));
        ps.setObject(2, ts(to));
        try (var rs = ps.executeQuery()) {
          return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1L;
        }
      }
    });
    if (first < 0) {
      return;
    }
    long[] next = {first};
    while (true) {
      var page = db.tx("dashboard", c -> {
        var rows = new ArrayList<DecisionRow>(PAGE);
        try (var ps = c.prepareStatement(DECISIONS)) {
          ps.setLong(1, next[0]);
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              next[0] = rs.getLong(1) + 1;
              Instant at = instant(rs, 2);
              String decision = rs.getString(6);
              String conversation = rs.getString(4);
              if (at == null || at.isBefore(from) || !at.isBefore(to) || "rejected".equals(decision)
                  || conversation == null || conversation.isEmpty()) {
                continue;
              }
              String installation = rs.getString(3);
              String event = rs.getString(5);
              rows.add(new DecisionRow(rs.getLong(1), at, installation, conversation, decision,
                  json.strings(rs.getString(7)), rs.getDouble(8), text(rs.getString(9)), text(rs.getString(10)),
                  text(channels.get(List.of(installation, conversation))).toUpperCase(Locale.ROOT),
                  text(rs.getString(11)), event == null ? null : received.get(List.of(installation, event))));
            }
          }
        }
        return rows;
      });
      page.forEach(each);
      if (!hasMore(next[0], "audit")) {
        return;
      }
    }
  }

  /** Whether the table has a row with an id of at least {@code id}. */
  private boolean hasMore(long id, String table) {
    return db.tx("dashboard", c -> {
      try (var ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id >= ? LIMIT 1")) {
        ps.setLong(1, id);
        try (var rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Every conversation's channel (upper case), by installation and conversation id. */
  private Map<List<String>, String> channels() {
    var channels = new HashMap<List<String>, String>();
    List<String> installations = db.tx("dashboard", c -> {
      var all = new ArrayList<String>();
      try (var ps = c.prepareStatement(INSTALLATIONS); var rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(rs.getString(1));
        }
      }
      return all;
    });
    for (String installation : installations) {
      String[] after = {""};
      while (true) {
        int read = db.tx("dashboard", c -> {
          int n = 0;
          try (var ps = c.prepareStatement(CHANNELS)) {
            ps.setString(1, installation);
            ps.setString(2, after[0]);
            try (var rs = ps.executeQuery()) {
              while (rs.next()) {
                n++;
                after[0] = rs.getString(1);
                if (rs.getString(2) != null) {
                  channels.put(List.of(installation, after[0]), rs.getString(2));
                }
              }
            }
          }
          return n;
        });
        if (read < PAGE) {
          break;
        }
      }
    }
    db.tx("dashboard", c -> {
      try (var ps = c.prepareStatement(API_CHANNELS); var rs = ps.executeQuery()) {
        while (rs.next()) {
          channels.putIfAbsent(List.of(rs.getString(1), rs.getString(2)), rs.getString(3));
        }
      }
      return null;
    });
    return channels;
  }

  /** When each event received in {@code [from, to)} was received, by installation and event id. */
  private Map<List<String>, Instant> received(Instant from, Instant to) {
    var received = new HashMap<List<String>, Instant>();
    long first = db.tx("dashboard", c -> {
      try (var ps = c.prepareStatement(FIRST_EVENT)) {
        ps.setObject(1, ts(from));
        try (var rs = ps.executeQuery()) {
          return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1L;
        }
      }
    });
    if (first < 0) {
      return received;
    }
    long[] next = {first};
    while (true) {
      int read = db.tx("dashboard", c -> {
        int n = 0;
        try (var ps = c.prepareStatement(RECEIVED)) {
          ps.setLong(1, next[0]);
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              n++;
              next[0] = rs.getLong(1) + 1;
              Instant at = instant(rs, 4);
              if (at != null && !at.isBefore(from) && at.isBefore(to)) {
                received.put(List.of(rs.getString(2), rs.getString(3)), at);
              }
            }
          }
        }
        return n;
      });
      if (read < PAGE) {
        return received;
      }
    }
  }

  /**
   * When a person first wrote publicly in each conversation, for replies written in {@code [from, to)}; keyed by
   * installation and conversation id. Two sources: a Conversation API conversation's first public agent message (its
   * messages are in the store), and a helpdesk conversation's first public agent message at or after its last handover
   * as {@code serve}'s poll found it ({@code human_reply}); where both name a conversation, the earlier counts.
   */
  public Map<List<String>, Instant> firstAgentReplies(Instant from, Instant to) {
    return db.tx("dashboard", c -> {
      var first = new HashMap<List<String>, Instant>();
      for (String sql : List.of("SELECT ac.installation, m.conversation_id, MIN(m.created_at) FROM api_message m "
          + "JOIN api_conversation ac ON ac.conversation_id = m.conversation_id "
          + "WHERE m.role = 'AGENT' AND m.visibility = 'PUBLIC' AND m.created_at >= ? AND m.created_at < ? "
          + "GROUP BY ac.installation, m.conversation_id",
          "SELECT installation, conversation_id, replied_at FROM human_reply WHERE replied_at >= ? AND replied_at < ?")) {
        try (var ps = c.prepareStatement(sql)) {
          ps.setObject(1, ts(from));
          ps.setObject(2, ts(to));
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              Instant at = instant(rs, 3);
              first.merge(List.of(rs.getString(1), rs.getString(2)), at, (a, b) -> a.isBefore(b) ? a : b);
            }
          }
        }
      }
      return first;
    });
  }

  /** The dead letters given up on in {@code [from, to)}, oldest first. */
  public List<DeadRow> deadLetters(Instant from, Instant to) {
    return db.tx("dashboard", c -> {
      var rows = new ArrayList<DeadRow>();
      try (var ps = c.prepareStatement("SELECT id, installation, conversation_id, reason, dead_at FROM dead_letter "
          + "WHERE dead_at >= ? AND dead_at < ? ORDER BY id")) {
        ps.setObject(1, ts(from));
        ps.setObject(2, ts(to));
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new DeadRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
          }
        }
      }
      return List.copyOf(rows);
    });
  }

  /** The vendor of a conversation the store has a row for, so that its key can be built. */
  public Optional<ConversationKey> key(String installation, String conversationId) {
    return db.tx("dashboard", c -> {
      try (var ps = c.prepareStatement("SELECT vendor FROM conversation WHERE installation = ? AND conversation_id = ?")) {
        ps.setString(1, installation);
        ps.setString(2, conversationId);
        try (var rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new ConversationKey(rs.getString(1), installation, conversationId))
              : Optional.<ConversationKey>empty();
        }
      }
    });
  }

  /** A conversation's decided vendor writes, oldest first. */
  public List<WriteRow> writes(String installation, String conversationId) {
    return db.tx("dashboard", c -> {
      var rows = new ArrayList<WriteRow>();
      try (var ps = c.prepareStatement("SELECT id, event_id, actions, status, attempts, last_error FROM outbox "
          + "WHERE installation = ? AND conversation_id = ? ORDER BY id")) {
        ps.setString(1, installation);
        ps.setString(2, conversationId);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new WriteRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                text(rs.getString(6))));
          }
        }
      }
      return List.copyOf(rows);
    });
  }

  /**
   * The Conversation API transcript of a conversation of an api installation (customer, bot and agent messages,
   * notes): role, visibility, body and time of each message; empty for other conversations.
   */
  public List<Map<String, Object>> apiMessages(String installation, String conversationId) {
    return db.tx("dashboard", c -> {
      var rows = new ArrayList<Map<String, Object>>();
      try (var ps = c.prepareStatement("SELECT m.role, m.visibility, m.body, m.created_at FROM api_message m "
          + "JOIN api_conversation ac ON ac.conversation_id = m.conversation_id "
          + "WHERE m.conversation_id = ? AND ac.installation = ? ORDER BY m.seq")) {
        ps.setString(1, conversationId);
        ps.setString(2, installation);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(Map.of("role", rs.getString(1), "visibility", rs.getString(2), "text", rs.getString(3),
                "at", instant(rs, 4).toString()));
          }
        }
      }
      return List.copyOf(rows);
    });
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
