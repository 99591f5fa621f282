package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.csat.SatisfactionStore;
import io.deskbridge.core.csat.SatisfactionStore.RatedConversation;
import io.deskbridge.core.spi.SatisfactionSource.Rating;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction ratings' store ({@link JdbcSatisfaction}, migration V2_8): one rating per conversation with the
 * newest winning, the cursor, a period's ratings with their conversations' channel and language, and the retention
 * purge; on H2 ({@link H2SatisfactionStoreTest}) and PostgreSQL ({@link PostgresSatisfactionStoreIT}).
 */
abstract class AbstractSatisfactionStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final TestDatabases.Source databases;
  private StoreConfig database;
  private JdbcStore store;
  private SatisfactionStore ratings;

  AbstractSatisfactionStoreTest(TestDatabases.Source databases) {
    this.databases = databases;
  }

  @BeforeEach
  void open() {
    database = databases.create();
    store = JdbcStore.open(database);
    ratings = store.satisfaction();
  }

  @AfterEach
  void close() {
    store.close();
    databases.drop(database);
  }

  private static Rating rating(String ticket, Score score, String comment, Instant at) {
    return new Rating(ticket, score, comment, at);
  }

  @Test
  void aLaterRatingOfTheSameConversationReplacesTheEarlierAndAnOlderOneChangesNothing() {
    assertThat(ratings.save("acme", List.of(rating("1", Score.GOOD, "", T0), rating("2", Score.BAD, "slow", T0)),
        T0)).isEqualTo(2);
    assertThat(ratings.save("acme", List.of(rating("1", Score.BAD, "it broke again", T0.plusSeconds(3600))), T0))
        .isEqualTo(1);
    // read again (an overlapping poll) or out of order: nothing changes
    assertThat(ratings.save("acme", List.of(rating("1", Score.GOOD, "", T0),
        rating("1", Score.BAD, "it broke again", T0.plusSeconds(3600))), T0)).isZero();
    // the same ticket id in another installation is another conversation
    ratings.save("other", List.of(rating("1", Score.GOOD, "", T0)), T0);

    var all = ratings.between(T0, T0.plus(Duration.ofDays(1)));
    assertThat(all).extracting(RatedConversation::installation, RatedConversation::conversationId,
        RatedConversation::score, RatedConversation::comment, RatedConversation::ratedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("acme", "1", Score.BAD, "it broke again", T0.plusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("acme", "2", Score.BAD, "slow", T0),
            org.assertj.core.groups.Tuple.tuple("other", "1", Score.GOOD, "", T0));
  }

  @Test
  void aPeriodHoldsTheRatingsGivenInItWithTheirConversationsChannelAndLanguage() throws Exception {
    try (var c = DriverManager.getConnection(database.connectionUrl(), database.username(),
        database.password() == null ? "" : database.password().reveal());
        var s = c.createStatement()) {
      s.execute("INSERT INTO conversation (installation, conversation_id, vendor, channel) "
          + "VALUES ('acme', '7', 'zendesk', 'EMAIL')");
    }
    store.append(new AuditRecord(T0.minusSeconds(60), "acme", "7", "ev-7", "auto", "reply", List.of("confident"),
        0.9, "a1", Map.of(), "hi", List.of(), "applied", 1, Map.of("language", "cs")));
    ratings.save("acme", List.of(rating("7", Score.GOOD, "", T0), rating("8", Score.BAD, "", T0.plusSeconds(10)),
        rating("9", Score.GOOD, "", T0.plus(Duration.ofDays(2)))), T0);

    var period = ratings.between(T0, T0.plus(Duration.ofDays(1)));
    assertThat(period).extracting(RatedConversation::conversationId).containsExactly("8", "7");
    assertThat(period.get(1).channel()).isEqualTo("EMAIL");
    assertThat(period.get(1).language()).isEqualTo("cs");
    assertThat(period.get(0).channel()).isEmpty(); // a ticket the bot never saw
    assertThat(period.get(0).language()).isEmpty();
  }

  @Test
  void theCursorIsPerInstallationAndMovesWhenSaved() {
    assertThat(ratings.cursor("acme")).isEmpty();
    ratings.saveCursor("acme", T0, T0);
    ratings.saveCursor("acme", T0.plusSeconds(5), T0.plusSeconds(60));
    assertThat(ratings.cursor("acme")).contains(T0.plusSeconds(5));
    assertThat(ratings.cursor("other")).isEmpty();
  }

  @Test
  void theRetentionPurgeDeletesOldRatingsWithTheirComments() {
    ratings.save("acme", List.of(rating("old", Score.BAD, "my name is Jan Novak", T0.minus(Duration.ofDays(400))),
        rating("new", Score.GOOD, "", T0)), T0);

    assertThat(store.purgeHistory(T0.minus(Duration.ofDays(365)))).isEqualTo(1);
    assertThat(ratings.between(Instant.EPOCH, T0.plusSeconds(1))).extracting(RatedConversation::conversationId)
        .containsExactly("new");
  }
}
