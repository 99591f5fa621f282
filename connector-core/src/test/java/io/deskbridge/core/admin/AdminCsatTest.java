package io.deskbridge.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.spi.SatisfactionSource.Rating;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import io.deskbridge.core.webhook.WebhookRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's CSAT over a real (H2) store with seeded conversations and ratings: the rate and counts for a period
 * and filter, the drill-down lists behind each number, and an installation whose helpdesk provides no ratings.
 */
class AdminCsatTest {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("admincsat");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Instant FIRST = NOW.minus(Duration.ofDays(20));
  private static final String TOKEN = "t0ken-for-the-admin";
  private static final int SEEDED = 40;

  private StoreConfig database;
  private JdbcStore store;

  @BeforeEach
  void open() throws Exception {
    database = DATABASES.create();
    store = JdbcStore.open(database);
    // seed-0 … seed-39: channels EMAIL/CHAT by i % 2, languages cs (i % 3 == 0) or en, an hour apart
    DashboardSeed.seed(database, "zd", SEEDED, FIRST, Duration.ofHours(1));
  }

  @AfterEach
  void close() {
    store.close();
    DATABASES.drop(database);
  }

  private AdminApi api(Set<String> providing) {
    return new AdminApi(new AdminSettings(Secret.of(TOKEN), Duration.ofHours(72)), store.dashboard(), store::audit,
        store::state, input -> new Decision.Reply("x", "en", List.of(), new Scores(0.9, "", Map.of())),
        Map.of("zd", "zendesk", "dk", "daktela"), 0.55, Clock.fixed(NOW, ZoneOffset.UTC),
        store.satisfaction()::between, providing);
  }

  private JsonNode get(AdminApi api, String path, Map<String, String> query) throws Exception {
    var q = new LinkedHashMap<String, List<String>>();
    query.forEach((k, v) -> q.put(k, List.of(v)));
    var response = api.handle(new WebhookRequest("GET", path, q, Map.of("Authorization", List.of("Bearer " + TOKEN)),
        new byte[0], "127.0.0.1", NOW));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Ratings: seed-i rated good when i % 4 != 3, bad otherwise, a day after the conversation; seed-0 later changed. */
  private void rate() {
    var ratings = new java.util.ArrayList<Rating>();
    for (int i = 0; i < SEEDED; i++) {
      ratings.add(new Rating("seed-" + i, i % 4 == 3 ? Score.BAD : Score.GOOD, i % 4 == 3 ? "too slow" : "",
          FIRST.plus(Duration.ofHours(i)).plus(Duration.ofDays(1))));
    }
    ratings.add(new Rating("untouched-by-bot", Score.BAD, "", NOW.minus(Duration.ofDays(2))));
    store.satisfaction().save("zd", ratings, NOW);
    // seed-0's customer changes their mind later: one rating per conversation, the later one
    store.satisfaction().save("zd", List.of(new Rating("seed-0", Score.BAD, "actually no", NOW.minusSeconds(3600))),
        NOW);
    // outside the period
    store.satisfaction().save("zd", List.of(new Rating("seed-old", Score.GOOD, "", NOW.minus(Duration.ofDays(90)))),
        NOW);
  }

  @Test
  void csatIsGoodOverGoodPlusBadOfThePeriodsRatingsAndEachNumberListsItsConversations() throws Exception {
    rate();
    var api = api(Set.of("zd"));
    // 40 seeded: 10 bad (i % 4 == 3) + seed-0 changed to bad = 11 bad, 29 good; plus one bad on a ticket the bot never saw
    var csat = get(api, "/admin/api/figures", Map.of()).path("csat");
    assertThat(csat.path("available").asBoolean()).isTrue();
    assertThat(csat.path("good").path("value").asInt()).isEqualTo(29);
    assertThat(csat.path("bad").path("value").asInt()).isEqualTo(12);
    assertThat(csat.path("rated").path("value").asInt()).isEqualTo(41);
    assertThat(csat.path("rate").asDouble()).isEqualTo(Math.round(29 * 10000.0 / 41) / 10000.0);
    assertThat(csat.path("notProvided").findValuesAsText("installation")).containsExactly("dk");
    assertThat(csat.path("note").asText()).contains("daktela").contains("dk");

    // the list behind "bad", through the query the number carries
    String query = csat.path("bad").path("query").asText();
    assertThat(query).isEqualTo("/admin/api/conversations?figure=csat%3Abad");
    var bad = get(api, "/admin/api/conversations", Map.of("figure", "csat:bad", "limit", "500"));
    assertThat(bad.path("total").asInt()).isEqualTo(12);
    var ids = bad.path("conversations").findValuesAsText("conversationId");
    assertThat(ids).hasSize(12).contains("seed-0", "seed-3", "seed-39", "untouched-by-bot").doesNotContain("seed-1");
    assertThat(ids.get(0)).isEqualTo("seed-0"); // newest rating first
    assertThat(bad.path("conversations").get(0).path("comment").asText()).isEqualTo("actually no");
    assertThat(get(api, "/admin/api/conversations", Map.of("figure", "csat:rated")).path("total").asInt())
        .isEqualTo(41);

    // per channel and language: EMAIL is even i; cs is i % 3 == 0
    var email = get(api, "/admin/api/figures", Map.of("channel", "EMAIL")).path("csat");
    int emailBad = (int) java.util.stream.IntStream.range(0, SEEDED).filter(i -> i % 2 == 0)
        .filter(i -> i % 4 == 3 || i == 0).count();
    assertThat(email.path("bad").path("value").asInt()).isEqualTo(emailBad);
    assertThat(email.path("good").path("value").asInt()).isEqualTo(SEEDED / 2 - emailBad);
    var czEmail = get(api, "/admin/api/conversations", Map.of("figure", "csat:good", "channel", "EMAIL",
        "language", "cs", "limit", "500"));
    assertThat(czEmail.path("conversations").findValuesAsText("conversationId")).allSatisfy(id -> {
      int i = Integer.parseInt(id.substring("seed-".length()));
      assertThat(i % 2 == 0 && i % 3 == 0 && i % 4 != 3 && i != 0).as(id).isTrue();
    }).hasSize((int) java.util.stream.IntStream.range(1, SEEDED)
        .filter(i -> i % 2 == 0 && i % 3 == 0 && i % 4 != 3).count());
    var rows = get(api, "/admin/api/figures", Map.of()).path("csat").path("breakdown");
    assertThat(rows.findValuesAsText("channel")).contains("EMAIL", "CHAT", "");
  }

  @Test
  void aPeriodCountsOnlyTheRatingsGivenInIt() throws Exception {
    rate();
    // the last day holds only seed-0's changed rating (the ticket the bot never saw was rated two days ago)
    var csat = get(api(Set.of("zd")), "/admin/api/figures", Map.of("from", NOW.minus(Duration.ofDays(1)).toString(),
        "to", NOW.toString())).path("csat");
    assertThat(csat.path("rated").path("value").asInt()).isEqualTo(1);
    assertThat(csat.path("bad").path("value").asInt()).isEqualTo(1);
    assertThat(csat.path("rate").asDouble()).isZero();
  }

  @Test
  void aPeriodWithoutRatingsHasNoRateRatherThanZero() throws Exception {
    rate();
    var csat = get(api(Set.of("zd")), "/admin/api/figures", Map.of("from", NOW.minus(Duration.ofDays(400)).toString(),
        "to", NOW.minus(Duration.ofDays(399)).toString())).path("csat");
    assertThat(csat.path("available").asBoolean()).isTrue();
    assertThat(csat.path("rated").path("value").asInt()).isZero();
    assertThat(csat.path("rate").isNull()).as("0 of 0 ratings: no rate, not 0 %").isTrue();
  }

  @Test
  void anInstallationWhoseHelpdeskHasNoRatingsSaysSo() throws Exception {
    rate();
    var csat = get(api(Set.of("zd")), "/admin/api/figures", Map.of("installation", "dk")).path("csat");
    assertThat(csat.path("available").asBoolean()).isFalse();
    assertThat(csat.path("note").asText()).isEqualTo("CSAT is not provided by the daktela helpdesk (installation dk)");
    assertThat(csat.has("rate")).isFalse();
    var none = get(api(Set.of()), "/admin/api/figures", Map.of()).path("csat");
    assertThat(none.path("available").asBoolean()).isFalse();
  }
}
