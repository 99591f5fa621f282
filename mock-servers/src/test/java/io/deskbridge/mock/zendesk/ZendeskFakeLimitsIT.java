package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rate limiting, injected faults, slow answers and the loud unmatched-request 404. */
class ZendeskFakeLimitsIT {

  @Test
  void injected429CarriesRetryAfterAndAlternatesBodiesWithoutChangingState() {
    try (ZendeskFake fake = ZendeskFake.start()) {
      Api api = Api.bot(fake);
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
      fake.failNext(2, 429, 7);
      String comment = "{\"ticket\":{\"comment\":{\"body\":\"hi\"}}}";

      Api.Res first = api.put("/api/v2/tickets/" + id, comment);
      assertThat(first.status()).isEqualTo(429);
      assertThat(first.header("Retry-After")).isEqualTo("7");
      assertThat(first.header("Content-Type")).startsWith("text/plain");
      Api.Res second = api.put("/api/v2/tickets/" + id, comment);
      assertThat(second.status()).isEqualTo(429);
      assertThat(second.json().path("error").asText()).isEqualTo("APIRateLimitExceeded");
      assertThat(fake.comments(id)).hasSize(1);

      assertThat(api.put("/api/v2/tickets/" + id, comment).status()).isEqualTo(200);
      assertThat(fake.comments(id)).hasSize(2);
      assertThat(fake.apiCalls(id)).isEqualTo(3);

      fake.failNext(1, 503, 3);
      Api.Res unavailable = api.get("/api/v2/tickets/" + id);
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(unavailable.header("Retry-After")).isEqualTo("3");
      fake.failNext(1, 500, null);
      assertThat(api.get("/api/v2/tickets/" + id).status()).isEqualTo(500);
      assertThat(api.get("/api/v2/tickets/" + id).status()).isEqualTo(200);
    }
  }

  @Test
  void perMinuteBudgetAnswers429UntilTheClockMovesOn() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-06-09T10:00:30Z"));
    try (ZendeskFake fake = ZendeskFake.start(
        ZendeskFakeConfig.defaults().withPerMinuteBudget(3).withClock(clock))) {
      Api api = Api.bot(fake);
      for (int remaining = 2; remaining >= 0; remaining--) {
        Api.Res ok = api.get("/api/v2/users/me");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Rate-Limit-Remaining")).isEqualTo(String.valueOf(remaining));
      }
      Api.Res limited = api.get("/api/v2/users/me");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("30");
      assertThat(limited.header("X-Rate-Limit")).isEqualTo("3");
      assertThat(limited.header("ratelimit-reset")).isEqualTo("30");

      clock.advance(Duration.ofSeconds(30));
      assertThat(api.get("/api/v2/users/me").status()).isEqualTo(200);
    }
  }

  @Test
  void delayedResponsesAreSlow() {
    try (ZendeskFake fake = ZendeskFake.start()) {
      fake.delayResponses(Duration.ofMillis(300));
      long start = System.nanoTime();
      assertThat(Api.bot(fake).get("/api/v2/users/me").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
          Duration.ofMillis(300));
    }
  }

  @Test
  void unmatchedRequestsAreLoudAndRecorded() {
    try (ZendeskFake fake = ZendeskFake.start()) {
      Api api = Api.bot(fake);
      Api.Res res = api.get("/api/v2/search.json?query=type:ticket");
      assertThat(res.status()).isEqualTo(404);
      assertThat(res.json().path("error").asText()).isEqualTo("UnmatchedRequest");
      assertThat(res.json().path("description").asText())
          .isEqualTo("GET /api/v2/search.json?query=type:ticket is not faked");
      assertThat(api.send("PATCH", "/api/v2/tickets/1", "{}").status()).isEqualTo(404);
      assertThat(fake.unmatchedRequests()).containsExactly(
          "GET /api/v2/search.json?query=type:ticket", "PATCH /api/v2/tickets/1");
      fake.reset();
      assertThat(fake.unmatchedRequests()).isEmpty();
    }
  }

  @Test
  void extensionFailsTheTestOnUnmatchedRequests() {
    ZendeskFakeExtension extension = new ZendeskFakeExtension();
    extension.beforeEach(null);
    Api.bot(extension.fake()).get("/api/v2/macros");
    assertThatThrownBy(() -> extension.afterEach(null)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v2/macros");
    assertThatThrownBy(extension::fake).isInstanceOf(IllegalStateException.class);
  }
}
