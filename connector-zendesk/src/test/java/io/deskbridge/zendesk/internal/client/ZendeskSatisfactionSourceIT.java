package io.deskbridge.zendesk.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.csat.SatisfactionPoll;
import io.deskbridge.core.csat.SatisfactionStore.RatedConversation;
import io.deskbridge.core.spi.SatisfactionSource;
import io.deskbridge.core.spi.SatisfactionSource.Rating;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import io.deskbridge.mock.base.SteppedClock;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.ZendeskResponseException;

/**
 * The satisfaction source against the Zendesk fake: answered ratings only, across cursor pages, from a start time;
 * and core's poll over it into a real (H2) store, the cursor moving with the ratings and a changed rating replacing
 * the earlier one.
 */
class ZendeskSatisfactionSourceIT {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("zdcsat");
  private final Instant start = Instant.parse("2026-11-01T08:00:00Z");
  private final SteppedClock clock = new SteppedClock(start);
  private ZendeskFake fake;
  private ZendeskHelpdeskClient client;
  private StoreConfig database;
  private JdbcStore store;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock));
    client = new ZendeskHelpdeskClient("acme", URI.create(fake.baseUrl()), fake.config().agentEmail(),
        Secret.of(fake.config().apiToken()), Duration.ofSeconds(10), "installations[acme].settings",
        "deskbridge_handover");
    database = DATABASES.create();
    store = JdbcStore.open(database);
  }

  @AfterEach
  void stop() {
    store.close();
    DATABASES.drop(database);
    client.close();
    fake.close();
  }

  private long solvedTicket(String who) {
    long id = fake.customerCreatesTicket(who + "@example.com", who, "Question", "Where is my parcel?");
    fake.agentSetsStatus(id, fake.humanAgentId(), "solved");
    return id;
  }

  private static List<Rating> readAll(SatisfactionSource source, Instant since) {
    var all = new ArrayList<Rating>();
    Optional<String> page = Optional.empty();
    int pages = 0;
    do {
      var p = source.ratings(since, page);
      all.addAll(p.ratings());
      page = p.next();
      assertThat(++pages).as("pages").isLessThan(20);
    } while (page.isPresent());
    return all;
  }

  @Test
  void readsGoodAndBadRatingsAcrossPagesAndLeavesOfferedSurveysOut() {
    var expected = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      long t = solvedTicket("c" + i);
      fake.satisfaction().rate(t, i != 2, i == 2 ? "Took a week" : "");
      expected.add(Long.toString(t));
      clock.advance(Duration.ofMinutes(1));
    }
    fake.satisfaction().offer(solvedTicket("unanswered"));

    var ratings = readAll(client.satisfaction(2), start);

    assertThat(ratings).extracting(Rating::conversationId).containsExactlyElementsOf(expected);
    assertThat(ratings.get(2)).isEqualTo(new Rating(expected.get(2), Score.BAD, "Took a week",
        start.plus(Duration.ofMinutes(2))));
    assertThat(ratings.get(0).score()).isEqualTo(Score.GOOD);
    assertThat(ratings.get(0).comment()).isEmpty();
    assertThat(fake.unmatchedRequests()).isEmpty();
    // three pages of two: 2 + 2 + 1
    assertThat(fake.apiCalls()).isEqualTo(3);
  }

  @Test
  void startsAtTheGivenTimeByTheRatingsUpdateTime() {
    long early = solvedTicket("early");
    fake.satisfaction().offer(early); // offered now, answered two hours later
    long other = solvedTicket("other");
    fake.satisfaction().rate(other, true, "");
    clock.advance(Duration.ofHours(2));
    fake.satisfaction().rate(early, false, "");

    var ratings = readAll(client.satisfaction(), start.plus(Duration.ofHours(1)));

    assertThat(ratings).extracting(Rating::conversationId).containsExactly(Long.toString(early));
  }

  @Test
  void thePollStoresEachTicketsLatestRatingAndMovesItsCursor() {
    long a = solvedTicket("a");
    long b = solvedTicket("b");
    fake.satisfaction().rate(a, true, "");
    clock.advance(Duration.ofMinutes(3));
    fake.satisfaction().rate(b, false, "rude");
    var poll = new SatisfactionPoll(store.satisfaction(), clock);

    var first = poll.run("acme", client.satisfaction(1));
    assertThat(first.read()).isEqualTo(2);
    assertThat(first.cursor()).isEqualTo(start.plus(Duration.ofMinutes(3)));

    clock.advance(Duration.ofHours(1));
    fake.satisfaction().rate(a, false, "it broke");
    var second = poll.run("acme", client.satisfaction(1));
    // b is read again (rated within the overlap before the cursor) but changes nothing; a's new answer replaces
    assertThat(second.read()).isEqualTo(2);
    assertThat(second.written()).isEqualTo(1);
    assertThat(store.satisfaction().cursor("acme")).contains(clock.instant());
    assertThat(store.satisfaction().between(start, clock.instant().plusSeconds(1)))
        .extracting(RatedConversation::conversationId, RatedConversation::score, RatedConversation::comment)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Long.toString(a), Score.BAD, "it broke"),
            org.assertj.core.groups.Tuple.tuple(Long.toString(b), Score.BAD, "rude"));
  }

  @Test
  void aRefusalSurfacesAsTheClientsExceptionAndTheCursorStays() {
    fake.satisfaction().rate(solvedTicket("a"), true, "");
    fake.failNext(1, 403, null);
    var poll = new SatisfactionPoll(store.satisfaction(), clock);

    assertThatThrownBy(() -> poll.run("acme", client.satisfaction()))
        .isInstanceOf(ZendeskResponseException.class);
    assertThat(store.satisfaction().cursor("acme")).isEmpty();
    assertThat(poll.run("acme", client.satisfaction()).read()).isEqualTo(1);
  }
}
