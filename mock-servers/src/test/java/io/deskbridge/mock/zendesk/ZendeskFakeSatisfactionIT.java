package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v2/satisfaction_ratings} over HTTP: filters, both paginations, errors, the envelope. */
class ZendeskFakeSatisfactionIT {
  private static final Instant T0 = Instant.parse("2026-06-09T08:30:00Z");
  private final SteppedClock clock = new SteppedClock(T0);

  private ZendeskFake fake;
  private Api api;
  private SatisfactionRatings ratings;

  @BeforeEach
  void setUp() {
    fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock));
    api = Api.bot(fake);
    ratings = fake.satisfaction();
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  private long solvedTicket(String subject) {
    long id = fake.customerCreatesTicket("c-" + subject + "@example.com", "C", subject, "help");
    fake.agentSetsStatus(id, fake.humanAgentId(), "solved");
    return id;
  }

  private static List<Long> tickets(JsonNode body) {
    var out = new ArrayList<Long>();
    body.path("satisfaction_ratings").forEach(r -> out.add(r.path("ticket_id").asLong()));
    return out;
  }

  @Test
  void ratingsCarryTheScoreTheCommentAndBothTimes() {
    long a = solvedTicket("a");
    long b = solvedTicket("b");
    long c = solvedTicket("c");
    ratings.offer(a);
    clock.advance(Duration.ofMinutes(5));
    ratings.rate(a, true, "Quick and kind");
    ratings.rate(b, false, "");
    ratings.offer(c);

    JsonNode all = api.get("/api/v2/satisfaction_ratings.json").json();
    assertThat(tickets(all)).containsExactly(a, b, c);
    JsonNode first = all.path("satisfaction_ratings").get(0);
    assertThat(first.path("score").asText()).isEqualTo("good_with_comment");
    assertThat(first.path("comment").asText()).isEqualTo("Quick and kind");
    assertThat(first.path("created_at").asText()).isEqualTo("2026-06-09T08:30:00Z");
    assertThat(first.path("updated_at").asText()).isEqualTo("2026-06-09T08:35:00Z");
    assertThat(first.path("url").asText()).endsWith("/api/v2/satisfaction_ratings/" + first.path("id").asLong()
        + ".json");
    assertThat(all.path("satisfaction_ratings").get(1).path("score").asText()).isEqualTo("bad");
    assertThat(all.path("satisfaction_ratings").get(1).path("comment").isNull()).isTrue();
    assertThat(all.path("meta").path("has_more").asBoolean()).isFalse();
    assertThat(all.path("links").path("next").isNull()).isTrue();

    assertThat(tickets(api.get("/api/v2/satisfaction_ratings.json?score=received").json())).containsExactly(a, b);
    assertThat(tickets(api.get("/api/v2/satisfaction_ratings.json?score=good").json())).containsExactly(a);
    assertThat(tickets(api.get("/api/v2/satisfaction_ratings.json?score=bad_without_comment").json()))
        .containsExactly(b);
    assertThat(tickets(api.get("/api/v2/satisfaction_ratings.json?score=offered").json())).containsExactly(c);
  }

  @Test
  void aLaterRatingReplacesTheEarlierAndTimeFiltersUseItsUpdateTime() {
    long a = solvedTicket("a");
    long firstId = ratings.rate(a, true, "");
    long since = clock.instant().getEpochSecond() + 1;
    clock.advance(Duration.ofHours(1));
    assertThat(ratings.rate(a, false, "It broke again")).isEqualTo(firstId);
    assertThat(ratings.count()).isEqualTo(1);

    JsonNode later = api.get("/api/v2/satisfaction_ratings.json?start_time=" + since).json();
    assertThat(tickets(later)).containsExactly(a);
    assertThat(later.path("satisfaction_ratings").get(0).path("score").asText()).isEqualTo("bad_with_comment");
    assertThat(tickets(api.get("/api/v2/satisfaction_ratings.json?end_time=" + since).json())).isEmpty();
    assertThat(tickets(api.get("/api/v2/satisfaction_ratings.json?start_time=" + (since + 3600)).json())).isEmpty();
  }

  @Test
  void cursorPagesFollowTheNextLinkAndKeepTheFilters() {
    var rated = new ArrayList<Long>();
    for (int i = 0; i < 5; i++) {
      long t = solvedTicket("t" + i);
      ratings.rate(t, i % 2 == 0, "");
      rated.add(t);
    }
    ratings.offer(solvedTicket("offered"));
    var seen = new ArrayList<Long>();
    String next = "/api/v2/satisfaction_ratings.json?score=received&page%5Bsize%5D=2";
    int pages = 0;
    while (next != null) {
      JsonNode page = api.get(next).json();
      pages++;
      seen.addAll(tickets(page));
      boolean more = page.path("meta").path("has_more").asBoolean();
      assertThat(page.path("links").path("next").isNull()).isEqualTo(!more);
      next = more ? page.path("links").path("next").asText() : null;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(rated);
    assertThat(fake.unmatchedRequests()).isEmpty();
  }

  @Test
  void offsetPagesCountEverything() {
    for (int i = 0; i < 3; i++) {
      ratings.rate(solvedTicket("t" + i), true, "");
    }
    JsonNode first = api.get("/api/v2/satisfaction_ratings.json?per_page=2").json();
    assertThat(first.path("satisfaction_ratings")).hasSize(2);
    assertThat(first.path("count").asInt()).isEqualTo(3);
    assertThat(first.path("previous_page").isNull()).isTrue();
    JsonNode second = api.get(first.path("next_page").asText()).json();
    assertThat(second.path("satisfaction_ratings")).hasSize(1);
    assertThat(second.path("next_page").isNull()).isTrue();
  }

  @Test
  void badParametersAre400AndUnknownPathsStayLoud() {
    for (String query : List.of("score=great", "start_time=yesterday", "end_time=-5", "page%5Bsize%5D=101",
        "page%5Bsize%5D=0", "page%5Bafter%5D=not-a-cursor", "page=2&page%5Bsize%5D=10", "per_page=500")) {
      var res = api.get("/api/v2/satisfaction_ratings.json?" + query);
      assertThat(res.status()).as(query).isEqualTo(400);
      assertThat(res.json().path("error").asText()).as(query).isEqualTo("InvalidRequest");
    }
    assertThat(api.as(Api.basic("someone@example.com/token:wrong")).get("/api/v2/satisfaction_ratings.json")
        .status()).isEqualTo(401);
    assertThat(api.get("/api/v2/satisfaction_ratings/count.json").status()).isEqualTo(404);
    assertThat(fake.unmatchedRequests()).hasSize(1);
  }

  @Test
  void theControlEndpointRatesATicketAsItsRequester() {
    long solved = solvedTicket("s");
    long id = ZendeskFakeControl.at(fake.baseUrl()).rate(solved, false, "Nobody answered");
    JsonNode rating = api.get("/api/v2/satisfaction_ratings.json").json().path("satisfaction_ratings").get(0);
    assertThat(rating.path("id").asLong()).isEqualTo(id);
    assertThat(rating.path("score").asText()).isEqualTo("bad_with_comment");
    assertThat(rating.path("comment").asText()).isEqualTo("Nobody answered");

    long open = fake.customerCreatesTicket("o@example.com", "O", "open", "help");
    assertThat(api.post("/__control/tickets/" + open + "/satisfaction", "{\"score\":\"good\"}").status())
        .isEqualTo(422);
    assertThat(api.post("/__control/tickets/999999/satisfaction", "{\"score\":\"good\"}").status())
        .isEqualTo(404);
    var bad = api.post("/__control/tickets/" + solved + "/satisfaction", "{\"score\":\"great\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("score");
    assertThat(api.post("/__control/tickets/" + solved + "/satisfaction", "{\"score\":\"good\",\"stars\":5}")
        .status()).isEqualTo(400);
  }

  @Test
  void onlySolvedTicketsAreOfferedTheSurvey() {
    long open = fake.customerCreatesTicket("c@example.com", "C", "open", "help");
    assertThatThrownBy(() -> ratings.rate(open, true, "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("solved");
    assertThatThrownBy(() -> ratings.offer(999_999)).isInstanceOf(IllegalArgumentException.class);
  }
}
