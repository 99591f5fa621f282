package io.deskbridge.mock.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Outcome;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retry decision of a policy, for Zendesk's rules and for Salesforce's exponential back-off. */
class RetryPolicyTest {
  private static final Duration BACKOFF = Duration.ofSeconds(5);
  /** Zendesk (§1.5): 409 up to 3 retries, 429/503 with Retry-After under 60 s and timeouts up to 5. */
  private static final RetryPolicy ZENDESK = RetryPolicy.of(Duration.ofSeconds(10), Backoff.fixed(BACKOFF), List.of(
      Retry.statuses(4, 409),
      Retry.statuses(6, 429, 503).onlyWithRetryAfterBelow(Duration.ofSeconds(60)),
      Retry.timeouts(6)));

  static Outcome response(int status, String... headers) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return new Outcome.Response(status, HttpHeaders.of(map, (a, b) -> true), new byte[0]);
  }

  @Test
  void zendeskRetries409ThreeTimesAndTimeoutsFiveTimes() {
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(a -> ZENDESK.retryAfter(a, response(409))).toList())
        .containsExactly(Optional.of(BACKOFF), Optional.of(BACKOFF), Optional.of(BACKOFF), Optional.empty(),
            Optional.empty());
    Outcome timeout = new Outcome.Failed(true, "timed out");
    assertThat(ZENDESK.retryAfter(5, timeout)).contains(BACKOFF);
    assertThat(ZENDESK.retryAfter(6, timeout)).isEmpty();
    assertThat(ZENDESK.retryAfter(1, new Outcome.Failed(false, "refused"))).as("not a timeout").isEmpty();
  }

  @Test
  void zendeskRetries429And503OnlyWithAShortRetryAfterAndWaitsTheShorterOfItAndTheBackoff() {
    assertThat(ZENDESK.retryAfter(1, response(503, "Retry-After", "2"))).contains(Duration.ofSeconds(2));
    assertThat(ZENDESK.retryAfter(1, response(429, "Retry-After", "30"))).contains(BACKOFF);
    assertThat(ZENDESK.retryAfter(1, response(429, "Retry-After", "60"))).isEmpty();
    assertThat(ZENDESK.retryAfter(1, response(503))).isEmpty();
    assertThat(ZENDESK.retryAfter(1, response(503, "Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"))).isEmpty();
    assertThat(ZENDESK.retryAfter(6, response(503, "Retry-After", "2"))).isEmpty();
    assertThat(ZENDESK.retryAfter(1, response(500))).isEmpty();
    assertThat(ZENDESK.retryAfter(1, response(200))).as("acknowledged").isEmpty();
    assertThat(ZENDESK.retryAfter(1, response(204))).isEmpty();
  }

  @Test
  void salesforceBacksOffExponentiallyUpToTwoHoursAndRetriesAnythingButAnAck() {
    RetryPolicy salesforce = RetryPolicy.of(Duration.ofSeconds(10),
            Backoff.exponential(Duration.ofSeconds(30), Duration.ofHours(2)), List.of(Retry.anyFailure(Integer.MAX_VALUE)))
        .withMaxAge(Duration.ofHours(24)).withOrdered(false)
        .withAcknowledged(r -> r.status() == 200
            && new String(r.body(), StandardCharsets.UTF_8).contains("<Ack>true</Ack>"));
    assertThat(IntStream.rangeClosed(1, 10).mapToObj(a -> salesforce.backoff().after(a).toSeconds()).toList())
        .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7200L, 7200L);
    Outcome bare200 = new Outcome.Response(200, HttpHeaders.of(Map.of(), (a, b) -> true), new byte[0]);
    Outcome ack = new Outcome.Response(200, HttpHeaders.of(Map.of(), (a, b) -> true),
        "<notificationsResponse><Ack>true</Ack></notificationsResponse>".getBytes(StandardCharsets.UTF_8));
    assertThat(salesforce.delivered(bare200)).isFalse();
    assertThat(salesforce.retryAfter(1, bare200)).contains(Duration.ofSeconds(30));
    assertThat(salesforce.retryAfter(3, response(503))).contains(Duration.ofMinutes(2));
    assertThat(salesforce.retryAfter(40, new Outcome.Failed(false, "refused"))).contains(Duration.ofHours(2));
    assertThat(salesforce.delivered(ack)).isTrue();
    assertThat(salesforce.retryAfter(1, ack)).isEmpty();
  }

  @Test
  void rejectsPoliciesThatCannotWork() {
    assertThatThrownBy(() -> RetryPolicy.of(Duration.ZERO, Backoff.fixed(BACKOFF), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZENDESK.withChaos(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofMinutes(5), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Retry.timeouts(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
