package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.humanreply.HumanReplyStore;
import io.deskbridge.core.humanreply.HumanReplyStore.Pending;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first human replies' store ({@link JdbcHumanReplies}, migration V2_9): which handed-over conversations are
 * pending and in what order, a stored reply, a later handover asking again, the dashboard reading both sources, and the
 * retention purge; on H2 ({@link H2HumanReplyStoreTest}) and PostgreSQL ({@link PostgresHumanReplyStoreIT}).
 */
abstract class AbstractHumanReplyStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final TestDatabases.Source databases;
  private StoreConfig database;
  private JdbcStore store;
  private HumanReplyStore replies;

  AbstractHumanReplyStoreTest(TestDatabases.Source databases) {
    this.databases = databases;
  }

  @BeforeEach
  void open() {
    database = databases.create();
    store = JdbcStore.open(database);
    replies = store.humanReplies();
  }

  @AfterEach
  void close() {
    store.close();
    databases.drop(database);
  }

  /** A conversation the engine knows (its row) with a decision audited at {@code at}. */
  private void decided(String installation, String id, String decision, Instant at) throws Exception {
    try (var c = DriverManager.getConnection(database.connectionUrl(), database.username(),
        database.password() == null ? "" : database.password().reveal());
        var ps = c.prepareStatement("INSERT INTO conversation (installation, conversation_id, vendor, channel) "
            + "SELECT ?, ?, 'zendesk', 'EMAIL' WHERE NOT EXISTS (SELECT 1 FROM conversation WHERE installation = ? "
            + "AND conversation_id = ?)")) {
      ps.setString(1, installation);
      ps.setString(2, id);
      ps.setString(3, installation);
      ps.setString(4, id);
      ps.executeUpdate();
    }
    store.append(new AuditRecord(at, installation, id, "ev-" + id + "-" + at.toEpochMilli(), "auto", decision,
        decision.equals("handover") ? List.of("human_request") : List.of("confident"), 0.9, "", Map.of(), "hi",
        List.of(), "applied", 1, Map.of("language", "en")));
  }

  private static ConversationKey key(String id) {
    return new ConversationKey("zendesk", "acme", id);
  }

  @Test
  void theRecentHandoversWithoutAKnownReplyArePendingNeverPolledFirstThenTheLeastRecentlyPolled() throws Exception {
    decided("acme", "1", "handover", T0.plusSeconds(10));
    decided("acme", "2", "handover", T0.plusSeconds(20));
    decided("acme", "3", "handover", T0.plusSeconds(30));
    decided("acme", "answered", "reply", T0.plusSeconds(40)); // no handover: never pending
    decided("acme", "old", "handover", T0.minus(Duration.ofDays(8)));
    decided("other", "1", "handover", T0.plusSeconds(50)); // another installation

    Instant since = T0.minus(Duration.ofDays(7));
    assertThat(replies.pending("acme", since, 10)).containsExactly(new Pending(key("1"), T0.plusSeconds(10)),
        new Pending(key("2"), T0.plusSeconds(20)), new Pending(key("3"), T0.plusSeconds(30)));
    assertThat(replies.pending("acme", since, 2)).extracting(p -> p.key().externalId()).containsExactly("1", "2");

    replies.save("acme", "1", T0.plusSeconds(10), Optional.empty(), T0.plusSeconds(100));
    replies.save("acme", "2", T0.plusSeconds(20), Optional.empty(), T0.plusSeconds(90));
    // 3 was never polled, then 2 polled before 1
    assertThat(replies.pending("acme", since, 10)).extracting(p -> p.key().externalId())
        .containsExactly("3", "2", "1");

    replies.save("acme", "2", T0.plusSeconds(20), Optional.of(T0.plusSeconds(600)), T0.plusSeconds(700));
    assertThat(replies.pending("acme", since, 10)).extracting(p -> p.key().externalId()).containsExactly("3", "1");
    assertThat(replies.pending("acme", since, 0)).isEmpty();
  }

  @Test
  void aStoredReplyIsKeptWhenAnotherPollSawNoneAndALaterHandoverAsksAgain() throws Exception {
    decided("acme", "1", "handover", T0);
    replies.save("acme", "1", T0, Optional.of(T0.plusSeconds(300)), T0.plusSeconds(400));
    // another process's poll loaded the conversation before the reply was written
    replies.save("acme", "1", T0, Optional.empty(), T0.plusSeconds(410));
    assertThat(store.dashboard().firstAgentReplies(T0, T0.plus(Duration.ofDays(1))))
        .containsEntry(List.of("acme", "1"), T0.plusSeconds(300));
    assertThat(replies.pending("acme", T0.minus(Duration.ofDays(7)), 10)).isEmpty();

    // the customer came back and was handed over again: the reply wanted is the one after the new handover
    Instant again = T0.plus(Duration.ofDays(2));
    decided("acme", "1", "handover", again);
    assertThat(replies.pending("acme", T0.minus(Duration.ofDays(7)), 10)).containsExactly(new Pending(key("1"), again));
    replies.save("acme", "1", again, Optional.empty(), again.plusSeconds(60));
    assertThat(replies.pending("acme", T0.minus(Duration.ofDays(7)), 10)).hasSize(1);
    replies.save("acme", "1", again, Optional.of(again.plusSeconds(900)), again.plusSeconds(960));
    assertThat(replies.pending("acme", T0.minus(Duration.ofDays(7)), 10)).isEmpty();
    assertThat(store.dashboard().firstAgentReplies(T0, again.plus(Duration.ofDays(1))))
        .containsEntry(List.of("acme", "1"), again.plusSeconds(900));
  }

  @Test
  void aConversationGoneFromTheHelpdeskIsNotPendingUntilALaterHandoverAndAnOlderResultChangesNothing() throws Exception {
    Instant since = T0.minus(Duration.ofDays(7));
    decided("acme", "1", "handover", T0);
    decided("acme", "2", "handover", T0);
    replies.save("acme", "2", T0, Optional.empty(), T0.plusSeconds(60));
    replies.gone("acme", "1", T0, T0.plusSeconds(60)); // never polled before
    replies.gone("acme", "2", T0, T0.plusSeconds(70)); // polled before
    assertThat(replies.pending("acme", since, 10)).isEmpty();

    Instant again = T0.plus(Duration.ofDays(1));
    decided("acme", "1", "handover", again);
    assertThat(replies.pending("acme", since, 10)).containsExactly(new Pending(key("1"), again));
    replies.save("acme", "1", again, Optional.of(again.plusSeconds(120)), again.plusSeconds(200));
    // a slower process's results for the first handover arrive after
    replies.gone("acme", "1", T0, again.plusSeconds(300));
    replies.save("acme", "1", T0, Optional.empty(), again.plusSeconds(300));
    replies.save("acme", "1", T0, Optional.of(T0.plusSeconds(30)), again.plusSeconds(300));
    assertThat(store.dashboard().firstAgentReplies(T0, again.plus(Duration.ofDays(1))))
        .containsEntry(List.of("acme", "1"), again.plusSeconds(120)).doesNotContainKey(List.of("acme", "2"));
    assertThat(replies.pending("acme", since, 10)).isEmpty();
  }

  @Test
  void theDashboardReadsAPeriodsRepliesFromBothSources() throws Exception {
    decided("acme", "1", "handover", T0);
    decided("acme", "2", "handover", T0);
    replies.save("acme", "1", T0, Optional.of(T0.plusSeconds(60)), T0.plusSeconds(120));
    replies.save("acme", "2", T0, Optional.of(T0.plus(Duration.ofDays(3))), T0.plus(Duration.ofDays(3)));
    replies.save("acme", "3", T0, Optional.empty(), T0.plusSeconds(120));
    try (var c = DriverManager.getConnection(database.connectionUrl(), database.username(),
        database.password() == null ? "" : database.password().reveal()); var s = c.createStatement()) {
      s.execute("INSERT INTO api_conversation (conversation_id, installation, channel, owner, created_at, updated_at) "
          + "VALUES ('api-1', 'web', 'chat', 'HUMAN', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00', "
          + "TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00')");
      s.execute("INSERT INTO api_message (conversation_id, message_id, role, visibility, body, created_at) VALUES "
          + "('api-1', 'm1', 'AGENT', 'PUBLIC', 'hello', TIMESTAMP WITH TIME ZONE '2026-12-01 10:05:00+00')");
    }

    assertThat(store.dashboard().firstAgentReplies(T0, T0.plus(Duration.ofDays(1)))).isEqualTo(Map.of(
        List.of("acme", "1"), T0.plusSeconds(60), List.of("web", "api-1"), T0.plusSeconds(300)));
  }

  @Test
  void theRetentionPurgeDeletesRepliesToOldHandovers() throws Exception {
    decided("acme", "old", "handover", T0.minus(Duration.ofDays(400)));
    decided("acme", "new", "handover", T0);
    replies.save("acme", "old", T0.minus(Duration.ofDays(400)), Optional.of(T0.minus(Duration.ofDays(399))), T0);
    replies.save("acme", "new", T0, Optional.of(T0.plusSeconds(60)), T0);

    store.purgeHistory(T0.minus(Duration.ofDays(365)));
    assertThat(store.dashboard().firstAgentReplies(Instant.EPOCH, T0.plus(Duration.ofDays(1))))
        .containsOnlyKeys(List.of("acme", "new"));
  }
}
