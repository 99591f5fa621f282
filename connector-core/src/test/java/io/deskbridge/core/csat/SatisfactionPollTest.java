package io.deskbridge.core.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.SatisfactionSource;
import io.deskbridge.core.spi.SatisfactionSource.Rating;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poll over a real (H2) store: the first backfill, the cursor with its overlap, paging, failures. */
class SatisfactionPollTest {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("csatpoll");
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final ErrorMapper ERRORS = failure -> failure instanceof VendorException v ? v
      : new VendorException(VendorException.Kind.UNAVAILABLE, String.valueOf(failure.getMessage()), failure);

  private StoreConfig database;
  private JdbcStore store;

  @BeforeEach
  void open() {
    database = DATABASES.create();
    store = JdbcStore.open(database);
  }

  @AfterEach
  void close() {
    store.close();
    DATABASES.drop(database);
  }

  /** A helpdesk's ratings in memory, served two a page, in insertion order; records each call's start. */
  private static final class Ratings implements SatisfactionSource {
    final List<Rating> all = new CopyOnWriteArrayList<>();
    final List<Instant> asked = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    @Override
    public Page ratings(Instant since, Optional<String> page) {
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("HTTP 503 from the helpdesk\n\tat some.Frame");
      }
      asked.add(since);
      var matching = all.stream().filter(r -> !r.ratedAt().isBefore(since)).toList();
      int from = page.map(Integer::parseInt).orElse(0);
      int to = Math.min(matching.size(), from + 2);
      return new Page(matching.subList(from, to), to < matching.size() ? Optional.of(String.valueOf(to))
          : Optional.empty());
    }
  }

  @Test
  void theFirstPollReadsThirtyDaysThenEachPollStartsTenMinutesBeforeTheNewestRatingSeen() {
    var source = new Ratings();
    source.all.add(new Rating("1", Score.GOOD, "", NOW.minus(Duration.ofDays(40)))); // before the backfill
    source.all.add(new Rating("2", Score.GOOD, "", NOW.minus(Duration.ofDays(3))));
    source.all.add(new Rating("3", Score.BAD, "rude", NOW.minus(Duration.ofHours(2))));
    source.all.add(new Rating("4", Score.GOOD, "", NOW.minus(Duration.ofDays(1)))); // pages are not in time order
    var poll = new SatisfactionPoll(store.satisfaction(), Clock.fixed(NOW, ZoneOffset.UTC));

    var first = poll.run("acme", source);
    assertThat(source.asked).containsOnly(NOW.minus(Duration.ofDays(30)));
    assertThat(first.read()).isEqualTo(3);
    assertThat(first.written()).isEqualTo(3);
    assertThat(first.cursor()).isEqualTo(NOW.minus(Duration.ofHours(2)));
    assertThat(store.satisfaction().between(NOW.minus(Duration.ofDays(60)), NOW))
        .extracting(SatisfactionStore.RatedConversation::conversationId).containsExactly("3", "4", "2");

    // the customer of ticket 2 changes their mind; a rating seen again changes nothing
    source.all.set(1, new Rating("2", Score.BAD, "", NOW.minus(Duration.ofMinutes(5))));
    source.asked.clear();
    var second = poll.run("acme", source);
    assertThat(source.asked).containsOnly(NOW.minus(Duration.ofHours(2)).minus(SatisfactionPoll.OVERLAP));
    assertThat(second.read()).isEqualTo(2); // tickets 2 and 3
    assertThat(second.written()).isEqualTo(1);
    assertThat(store.satisfaction().cursor("acme")).contains(NOW.minus(Duration.ofMinutes(5)));
  }

  @Test
  void aFailedPollKeepsTheCursorAndAFutureRatingDoesNotPushItPastNow() {
    var source = new Ratings();
    source.all.add(new Rating("1", Score.GOOD, "", NOW.plus(Duration.ofHours(1)))); // the vendor's clock runs ahead
    var poll = new SatisfactionPoll(store.satisfaction(), Clock.fixed(NOW, ZoneOffset.UTC));
    source.failures.set(1);

    assertThatThrownBy(() -> poll.run("acme", source)).hasMessageContaining("503");
    assertThat(store.satisfaction().cursor("acme")).isEmpty();
    assertThat(poll.run("acme", source).cursor()).isEqualTo(NOW);
  }

  @Test
  void aSourceRepeatingItsPageTokenIsStoppedInsteadOfLoopingForever() {
    SatisfactionSource stuck = (since, page) -> new SatisfactionSource.Page(
        List.of(new Rating("1", Score.GOOD, "", NOW)), Optional.of("same"));
    var poll = new SatisfactionPoll(store.satisfaction(), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> poll.run("acme", stuck)).hasMessageContaining("same");
    assertThat(store.satisfaction().cursor("acme")).isEmpty();
  }

  @Test
  void theSchedulerLogsAFailureAndPollsAgainNextRound() {
    var source = new Ratings();
    source.all.add(new Rating("1", Score.GOOD, "", NOW.minusSeconds(60)));
    source.failures.set(2);
    var poll = new SatisfactionPoll(store.satisfaction(), Clock.fixed(NOW, ZoneOffset.UTC));
    var other = new Ratings();
    other.all.add(new Rating("9", Score.BAD, "", NOW.minusSeconds(30)));

    try (var scheduler = SatisfactionScheduler.start(List.of(new SatisfactionScheduler.Job("acme", source, ERRORS),
        new SatisfactionScheduler.Job("beta", other, ERRORS)), poll, Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> store.satisfaction().cursor("acme").isPresent());
    }
    assertThat(source.failures).hasValue(0);
    assertThat(store.satisfaction().cursor("beta")).contains(NOW.minusSeconds(30));
    assertThat(new ArrayList<>(store.satisfaction().between(NOW.minusSeconds(3600), NOW)))
        .extracting(SatisfactionStore.RatedConversation::installation).containsExactlyInAnyOrder("acme", "beta");
  }
}
