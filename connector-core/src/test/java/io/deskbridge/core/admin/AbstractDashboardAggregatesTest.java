package io.deskbridge.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures from the per-conversation aggregates equal those of a straightforward scan of the audit
 * ({@link DashboardScanOracle}) for varied conversations, periods and filters, whether the aggregates were folded as
 * the records were written or built from the audit at start; and every figure's list holds as many conversations as
 * the figure says. Runs on H2 ({@link H2DashboardAggregatesTest}) and PostgreSQL ({@link PostgresDashboardAggregatesIT}).
 */
abstract class AbstractDashboardAggregatesTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant NOW = T0.plus(Duration.ofDays(20));
  private static final Duration WINDOW = Duration.ofHours(72);
  private static final List<String> GAPS = List.of("Can I pay with bitcoin?", "Do you ship to Mars?",
      "Is there a student discount?", "Where is the shop in Brno?");
  private static final List<String> IGNORED = List.of("human_owns_conversation", "conversation_closed",
      "session_timeout", "auto_reply", "bounce", "mailing_list", "duplicate");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final TestDatabases.Source databases;
  private StoreConfig database;
  private JdbcStore store;

  AbstractDashboardAggregatesTest(TestDatabases.Source databases) {
    this.databases = databases;
  }

  @BeforeEach
  void open() {
    database = databases.create();
    store = JdbcStore.open(database);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    databases.drop(database);
  }

  private List<Dashboard.Period> periods() {
    return List.of(new Dashboard.Period(T0.minus(Duration.ofDays(3)), NOW),
        new Dashboard.Period(T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(3))),
        new Dashboard.Period(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(10))),
        new Dashboard.Period(T0.plus(Duration.ofDays(16)), NOW),
        new Dashboard.Period(T0.minus(Duration.ofDays(9)), T0.minus(Duration.ofDays(8))));
  }

  private static final List<Dashboard.Filter> FILTERS = List.of(new Dashboard.Filter("", "", ""),
      new Dashboard.Filter("web", "", ""), new Dashboard.Filter("", "CHAT", ""), new Dashboard.Filter("", "", "cs"),
      new Dashboard.Filter("mail", "EMAIL", "en"));

  @Test
  void theAggregatesGiveTheFiguresAndListsOfAScanOfTheAudit() throws Exception {
    seed(400, 7);

    var figures = assertSameAsTheScan();

    var headline = figures.get("headline");
    for (String tag : List.of("conversations", "answered", "clarified", "handed_over", "resolved", "came_back",
        "pending")) {
      assertThat(((Map<?, ?>) ((Map<?, ?>) headline).get(tag)).get("value")).as(tag).isNotEqualTo(0);
    }
    var frt = (Map<?, ?>) figures.get("firstResponse");
    assertThat(((Map<?, ?>) frt.get("bot")).get("count")).isNotEqualTo(0);
    assertThat(((Map<?, ?>) frt.get("human")).get("count")).isNotEqualTo(0);
    // "mail" has helpdesk conversations only: its people's first replies come from human_reply
    var mail = new Dashboard(store.dashboard(), CLOCK, 0.55, WINDOW).scan(periods().get(0)).conversations().stream()
        .filter(c -> c.installation.equals("mail") && c.tags.containsKey("human_frt")).toList();
    assertThat(mail).isNotEmpty().allSatisfy(c -> assertThat(c.humanFrtMillis).isBetween(30_000L, 7_230_000L));
    assertThat(((Map<?, ?>) figures.get("deadLetters")).get("value")).isNotEqualTo(0);
    assertThat((List<?>) figures.get("gaps")).isNotEmpty();
  }

  @Test
  void aStoreFromBeforeTheAggregatesBuildsThemFromTheAuditOnceAtStart() throws Exception {
    seed(250, 11);
    store.close();
    store = null;
    try (var c = connect()) {
      c.createStatement().executeUpdate("DELETE FROM dashboard_conversation");
      c.createStatement().executeUpdate("UPDATE dashboard_backfill SET state = 'PENDING'");
      c.commit();
    }
    store = JdbcStore.open(database);
    assertSameAsTheScan();
    try (var c = connect(); var rs = c.createStatement().executeQuery("SELECT state FROM dashboard_backfill")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("DONE");
    }
    // once: a later start builds nothing (rows deleted behind its back stay deleted)
    store.close();
    try (var c = connect()) {
      c.createStatement().executeUpdate("DELETE FROM dashboard_conversation");
      c.commit();
    }
    store = JdbcStore.open(database);
    var dashboard = new Dashboard(store.dashboard(), CLOCK, 0.55, WINDOW);
    assertThat(dashboard.scan(periods().get(0)).conversations())
        .allMatch(conv -> conv.tags.keySet().equals(Set.of("dead_letters")));
  }

  @Test
  void aConversationCountsInThePeriodOfItsFirstRecordWithItsLaterRecords() {
    Instant first = T0.plus(Duration.ofHours(23));
    append("late", first, "reply", List.of("confident"), "a-1", "", "en");
    append("late", first.plus(Duration.ofHours(2)), "handover", List.of("human_request"), "", "a person", "en");
    var dashboard = new Dashboard(store.dashboard(), CLOCK, 0.55, WINDOW);
    var day1 = new Dashboard.Period(T0, T0.plus(Duration.ofDays(1)));
    var day2 = new Dashboard.Period(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)));
    var all = new Dashboard.Filter("", "", "");

    assertThat(dashboard.conversations(day1, all, "handed_over", 0, 10).get("total")).isEqualTo(1);
    assertThat(dashboard.conversations(day1, all, "resolved", 0, 10).get("total")).isEqualTo(0);
    assertThat(dashboard.conversations(day2, all, "conversations", 0, 10).get("total")).isEqualTo(0);
  }

  @Test
  void aFailingBuildAtStartDoesNotStopTheStoreAndLeavesItPendingForTheNextStart() throws Exception {
    seed(60, 5);
    store.close();
    store = null;
    long corrupt;
    String reasons;
    try (var c = connect()) {
      c.createStatement().executeUpdate("DELETE FROM dashboard_conversation");
      c.createStatement().executeUpdate("UPDATE dashboard_backfill SET state = 'PENDING'");
      try (var rs = c.createStatement().executeQuery("SELECT id, reasons FROM audit WHERE id = (SELECT MAX(id) FROM "
          + "audit WHERE decision <> 'rejected' AND conversation_id IS NOT NULL)")) {
        assertThat(rs.next()).isTrue();
        corrupt = rs.getLong(1);
        reasons = rs.getString(2);
      }
      c.createStatement().executeUpdate("UPDATE audit SET reasons = 'not json' WHERE id = " + corrupt);
      c.commit();
    }

    store = JdbcStore.open(database);

    assertThat(marker()).isEqualTo("PENDING");
    assertThat(store.dashboard().aggregatesComplete()).isFalse();
    var dashboard = new Dashboard(store.dashboard(), CLOCK, 0.55, WINDOW);
    assertThat(dashboard.figures(periods().get(0), new Dashboard.Filter("", "", ""), tag -> tag))
        .containsKey("incomplete");
    store.close();
    try (var c = connect(); var ps = c.prepareStatement("UPDATE audit SET reasons = ? WHERE id = ?")) {
      ps.setString(1, reasons);
      ps.setLong(2, corrupt);
      ps.executeUpdate();
      c.commit();
    }
    store = JdbcStore.open(database);
    assertThat(marker()).isEqualTo("DONE");
    assertThat(assertSameAsTheScan()).doesNotContainKey("incomplete");
  }

  @Test
  void aRecordWhoseFoldFailsIsKeptAndTheNextStartRebuildsTheAggregates() throws Exception {
    append("broken", T0.plus(Duration.ofHours(1)), "reply", List.of("confident"), "a-1", "", "en");
    try (var c = connect()) {
      c.createStatement().executeUpdate("UPDATE dashboard_conversation SET tags = 'not json' "
          + "WHERE conversation_id = 'broken'");
      c.commit();
    }

    append("broken", T0.plus(Duration.ofHours(2)), "handover", List.of("human_request"), "", "a person", "en");

    try (var c = connect(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit "
        + "WHERE conversation_id = 'broken'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("both records kept").isEqualTo(2);
    }
    assertThat(marker()).isEqualTo("PENDING");
    store.close();
    store = JdbcStore.open(database);
    assertThat(marker()).isEqualTo("DONE");
    var figures = assertSameAsTheScan();
    assertThat(((Map<?, ?>) ((Map<?, ?>) figures.get("headline")).get("handed_over")).get("value")).isEqualTo(1);
  }

  @Test
  void gapTextsLongerThanTheirColumnInJsonAreCutToFit() throws Exception {
    // a control character is six characters in JSON: 50 such gaps of 200 characters would not fit their VARCHAR
    for (int i = 0; i < 50; i++) {
      append("web", "long", "long-" + i, T0.plusSeconds(60 + i), "clarify", List.of("low_confidence"), 0.3, "",
          String.format("%02d", i) + "\u0001".repeat(198), "en");
    }
    assertThat(marker()).as("every fold succeeded").isEqualTo("DONE");
    try (var c = connect(); var rs = c.createStatement().executeQuery("SELECT tags, gaps FROM dashboard_conversation "
        + "WHERE conversation_id = 'long'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1).length()).isLessThanOrEqualTo(65_536);
      assertThat(rs.getString(2).length()).isBetween(60_000, 65_536);
      assertThat(rs.getString(1)).contains("\"clarified\":1").contains("\"confidence:6\":50");
    }
  }

  @Test
  void twoFirstRecordsOfAConversationCommittedAtOnceAreBothCounted() throws Exception {
    Instant at = T0.plus(Duration.ofHours(5));
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try (var gate = connect()) {
      // an uncommitted first row holds both first records at their INSERT until the gate rolls it back, so that
      // both transactions are inside their fold at once
      insert(gate, "INSERT INTO dashboard_conversation (installation, conversation_id, first_at, last_at, tags, gaps) "
          + "VALUES ('web', 'race', ?, ?, '{}', '{}')", at, at);
      var writes = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (String event : List.of("race-1", "race-2")) {
        writes.add(pool.submit(() -> {
          start.await();
          append("web", "race", event, at, "reply", List.of("confident"), 0.8, "a-1", "", "en");
          return null;
        }));
      }
      start.countDown();
      await().atMost(Duration.ofSeconds(8)).until(() -> waiting(gate) == 2);
      gate.rollback();
      for (var write : writes) {
        write.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try (var c = connect(); var rs = c.createStatement().executeQuery("SELECT tags FROM dashboard_conversation "
        + "WHERE conversation_id = 'race'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("{\"conversations\":1,\"confidence:16\":2,\"answered\":1,"
          + "\"article:a-1\":2}");
      assertThat(rs.next()).isFalse();
    }
    assertThat(marker()).isEqualTo("DONE");
    assertSameAsTheScan();
  }

  /** How many other sessions wait for a lock (PostgreSQL) or are inside the first record's INSERT (H2). */
  private static int waiting(Connection gate) throws SQLException {
    boolean postgres = gate.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
        .contains("postgres");
    String sql = postgres
        ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        : "SELECT COUNT(*) FROM information_schema.sessions "
            + "WHERE executing_statement LIKE 'INSERT INTO dashboard_conversation%'";
    try (var rs = gate.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private String marker() throws SQLException {
    try (var c = connect(); var rs = c.createStatement().executeQuery("SELECT state FROM dashboard_backfill")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** Compares every period and filter with the scan; returns the figures of the first period, unfiltered. */
  private Map<String, Object> assertSameAsTheScan() {
    var dashboard = new Dashboard(store.dashboard(), CLOCK, 0.55, WINDOW);
    var oracle = new DashboardScanOracle(store.dashboard(), CLOCK, WINDOW);
    Map<String, Object> firstFigures = null;
    for (var period : periods()) {
      var scan = dashboard.scan(period);
      var expected = oracle.compute(period);
      assertThat(describe(scan)).as("conversations of %s", period).isEqualTo(describe(expected));
      for (var filter : FILTERS) {
        var figures = dashboard.figures(period, filter, tag -> tag);
        assertThat(figures).as("figures of %s, %s", period, filter)
            .isEqualTo(dashboard.figures(expected, filter, tag -> tag));
        var tags = scan.conversations().stream().flatMap(c -> c.tags.keySet().stream()).collect(Collectors.toSet());
        for (String tag : tags) {
          var list = Dashboard.conversations(scan, filter, tag, 0, 100_000);
          assertThat(list.get("total")).as("%s of %s, %s", tag, period, filter)
              .isEqualTo(((List<?>) list.get("conversations")).size());
          assertThat(sortedTags(list)).as("list of %s in %s, %s", tag, period, filter)
              .isEqualTo(sortedTags(Dashboard.conversations(expected, filter, tag, 0, 100_000)));
        }
        if (firstFigures == null) {
          firstFigures = figures;
        }
      }
    }
    return firstFigures;
  }

  private static List<String> describe(Dashboard.Scan scan) {
    return scan.conversations().stream().map(c -> String.join("|", c.installation, c.conversationId, c.channel,
        c.language, String.valueOf(c.first), String.valueOf(c.last), String.valueOf(c.botFrtMillis),
        String.valueOf(c.humanFrtMillis), new java.util.TreeMap<>(c.tags).toString())).sorted().toList();
  }

  /**
   * {@code n} conversations over two installations with random records (answers, clarifications, handovers, returns,
   * loop-guard suppressions, draft verdicts, refusals), some spanning days, events received before their decisions,
   * dead letters, and agents' replies for Conversation API conversations and (as the poll stores them) for helpdesk
   * conversations.
   */
  private void seed(int n, long seed) throws SQLException {
    var random = new Random(seed);
    var replies = new Random(seed + 1); // its own stream: the rest of the seed stays as it was
    var codes = java.util.Arrays.stream(HandoverReason.values()).map(HandoverReason::code).toList();
    try (var c = connect()) {
      for (int i = 0; i < n; i++) {
        String installation = i % 3 == 0 ? "mail" : "web";
        String id = "c-" + i;
        String channel = List.of("EMAIL", "CHAT", "WEB_FORM").get(random.nextInt(3));
        boolean api = installation.equals("web") && i % 4 == 1;
        if (api) {
          insert(c, "INSERT INTO api_conversation (conversation_id, installation, channel, owner, created_at, "
              + "updated_at) VALUES (?, ?, ?, 'BOT', ?, ?)", id, installation, channel.toLowerCase(), T0, T0);
        } else if (random.nextInt(10) > 0) {
          insert(c, "INSERT INTO conversation (installation, conversation_id, vendor, channel) VALUES (?, ?, 'x', ?)",
              installation, id, channel);
        }
        c.commit();
        Instant at = T0.minus(Duration.ofDays(2)).plusSeconds(random.nextInt(20 * 24 * 3600));
        String language = List.of("en", "cs", "").get(random.nextInt(3));
        int records = 1 + random.nextInt(6);
        for (int r = 0; r < records; r++) {
          at = at.plusSeconds(60 + random.nextInt(random.nextBoolean() ? 3600 : 4 * 24 * 3600));
          if (at.isAfter(NOW)) {
            break;
          }
          String event = id + "-e" + r;
          if (random.nextInt(5) > 0) {
            insert(c, "INSERT INTO inbox_event (installation, vendor, event_id, conversation_id, payload, received_at, "
                + "status, next_attempt_at) VALUES (?, 'x', ?, ?, '{}', ?, 'DONE', ?)", installation, event, id,
                at.minusMillis(50 + random.nextInt(5000)), at);
            c.commit();
          }
          int kind = random.nextInt(10);
          String gap = GAPS.get(random.nextInt(GAPS.size()));
          switch (kind) {
            case 0, 1, 2 -> append(installation, id, event, at, "reply", List.of("confident"),
                random.nextDouble(), "article-" + random.nextInt(6), "", language);
            case 3 -> append(installation, id, event, at, "draft", List.of("confident"), random.nextDouble(),
                "article-" + random.nextInt(6), "", language);
            case 4 -> append(installation, id, event, at, "clarify", List.of("low_confidence"), random.nextDouble(),
                "", gap, language);
            case 5 -> {
              var reasons = new TreeSet<String>();
              reasons.add(codes.get(random.nextInt(codes.size())));
              if (random.nextBoolean()) {
                reasons.add(HandoverReason.LOW_CONFIDENCE.code());
              }
              append(installation, id, event, at, "handover", List.copyOf(reasons), random.nextDouble(), "", gap,
                  language);
              if (api && random.nextBoolean()) {
                insert(c, "INSERT INTO api_message (conversation_id, message_id, role, visibility, body, created_at) "
                    + "VALUES (?, ?, 'AGENT', 'PUBLIC', 'on it', ?)", id, event + "-agent",
                    at.plusSeconds(30 + random.nextInt(7200)));
                c.commit();
              } else if (!api && replies.nextBoolean()) {
                // a helpdesk conversation: the poll stored its first human reply after this handover (a later
                // handover of the conversation makes it one from before its last handover, which does not count)
                Instant reply = at.plusSeconds(30 + replies.nextInt(7200));
                insert(c, "DELETE FROM human_reply WHERE installation = ? AND conversation_id = ?", installation, id);
                insert(c, "INSERT INTO human_reply (installation, conversation_id, handover_at, replied_at, polled_at) "
                    + "VALUES (?, ?, ?, ?, ?)", installation, id, at, reply, reply.plusSeconds(60));
                c.commit();
              }
            }
            case 6, 7 -> append(installation, id, event, at, "ignore", List.of(IGNORED.get(random.nextInt(7))), 0,
                "", "", null);
            case 8 -> append(installation, id, event, at, "draft_feedback",
                List.of(List.of("sent_as_drafted", "edited", "replaced").get(random.nextInt(3)), "agent_reply"), 0.7,
                "", "", null);
            default -> append(installation, id, event, at, "rejected", List.of("bad_signature"), 0, "", "", null);
          }
        }
        if (i % 37 == 0) {
          insert(c, "INSERT INTO dead_letter (inbox_id, installation, vendor, event_id, conversation_id, payload, "
              + "reason, attempts, dead_at) VALUES (0, ?, 'x', ?, ?, '{}', 'gave up', 5, ?)", installation,
              id + "-dead", i % 74 == 0 ? id : "only-dead-" + i, at);
          c.commit();
        }
      }
    }
  }

  private void append(String conversation, Instant at, String decision, List<String> reasons, String article,
      String input, String language) {
    append("web", conversation, conversation + "-" + at.toEpochMilli(), at, decision, reasons, 0.8, article, input,
        language);
  }

  private void append(String installation, String conversation, String event, Instant at, String decision,
      List<String> reasons, double confidence, String article, String input, String language) {
    Map<String, Object> detail = language == null || language.isEmpty() ? Map.of() : Map.of("language", language);
    store.append(new AuditRecord(at, installation, conversation, event, "auto", decision, reasons, confidence, article,
        Map.of(), input, List.of(), "applied", 1, detail));
  }

  private Connection connect() throws SQLException {
    var c = DriverManager.getConnection(database.connectionUrl(), database.username(),
        database.password() == null ? "" : database.password().reveal());
    c.setAutoCommit(false);
    return c;
  }

  private static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : values[i]);
      }
      ps.executeUpdate();
    }
  }

  /** A list with each conversation's tags sorted (their order is the order they were found in). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> sortedTags(Map<String, Object> list) {
    var out = new java.util.LinkedHashMap<>(list);
    out.put("conversations", ((List<Map<String, Object>>) list.get("conversations")).stream().map(row -> {
      var copy = new java.util.LinkedHashMap<>(row);
      copy.put("tags", ((List<String>) row.get("tags")).stream().sorted().toList());
      return copy;
    }).toList());
    return out;
  }
}
