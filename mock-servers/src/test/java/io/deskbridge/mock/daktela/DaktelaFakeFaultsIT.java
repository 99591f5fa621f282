package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.mock.base.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults over real HTTP: statuses without state changes, Retry-After, the n-th write, rules, shares. */
class DaktelaFakeFaultsIT {
  @RegisterExtension
  static final DaktelaFakeExtension EXT = new DaktelaFakeExtension();

  private static DaktelaFake fake() {
    return EXT.fake();
  }

  private static Http api() {
    return new Http(fake());
  }

  @Test
  void failNextAnswers429WithRetryAfterThenServesAndCountsTheFailures() {
    fake().failNext(2, 429, Duration.ofSeconds(7));
    Http.Response first = api().get("/api/v6/users.json");
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("7");
    assertThat(first.json().get("result").isNull()).isTrue();
    assertThat(api().get("/api/v6/users.json").status()).isEqualTo(429);
    assertThat(api().get("/api/v6/users.json").status()).isEqualTo(200);
    assertThat(fake().injectedFailures()).isEqualTo(2);
    assertThat(fake().apiCalls()).isEqualTo(3);
  }

  @Test
  void a5xxDoesNotTouchStateAnd404IsEmpty() {
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    fake().failNext(1, 503, null);
    Http.Response r = api().put("/api/v6/tickets/" + n + ".json", "{\"stage\":\"CLOSE\"}");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.header("Retry-After")).isNull();
    assertThat(fake().ticket(n).orElseThrow().stage()).isEqualTo("OPEN");
    fake().failNext(1, 404, null);
    Http.Response notFound = api().get("/api/v6/tickets/" + n + ".json");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.body()).isEmpty();
    assertThat(fake().unmatchedRequests()).isEmpty();
  }

  @Test
  void theNthWriteFailsOnceAndReadsPass() {
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    fake().failNthWrite(2, 500);
    String comment = "{\"ticket\":" + n + ",\"type\":\"COMMENT\",\"description\":\"x\"}";
    assertThat(api().post("/api/v6/activities.json", comment).status()).isEqualTo(201);
    assertThat(api().get("/api/v6/tickets/" + n + ".json").status()).isEqualTo(200);
    assertThat(api().put("/api/v6/tickets/" + n + ".json", "{\"user\":\"bob\"}").status()).isEqualTo(500);
    assertThat(api().put("/api/v6/tickets/" + n + ".json", "{\"user\":\"bob\"}").status()).isEqualTo(200);
    assertThat(fake().activities(n)).hasSize(2);
    assertThat(fake().ticket(n).orElseThrow().user()).isEqualTo("bob");
  }

  @Test
  void rulesMatchMethodAndPathAndClearFaultsStopsEverything() {
    fake().injectFault(FaultRule.on("POST", "/api/v6/activities\\.json", DaktelaFake.rateLimited(3)).times(2));
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    String comment = "{\"ticket\":" + n + ",\"type\":\"COMMENT\",\"description\":\"x\"}";
    assertThat(api().get("/api/v6/activities.json").status()).isEqualTo(200);
    Http.Response limited = api().post("/api/v6/activities.json", comment);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("3");
    fake().clearFaults();
    assertThat(api().post("/api/v6/activities.json", comment).status()).isEqualTo(201);
    assertThat(fake().journal().calls(n)).extracting(c -> c.status()).containsExactly(429, 201);
  }

  @Test
  void aRandomShareFailsSomeCallsRepeatably() {
    fake().failRandomly(0.5, 502);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(api().get("/api/v6/queues.json").status());
    }
    assertThat(statuses).contains(200, 502).containsOnly(200, 502);
    fake().failRandomly(0, 502);
    assertThat(api().get("/api/v6/queues.json").status()).isEqualTo(200);
  }

  @Test
  void delayedResponsesStillServe() {
    fake().delayResponses(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThat(api().get("/api/v6/whoim.json").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }
}
