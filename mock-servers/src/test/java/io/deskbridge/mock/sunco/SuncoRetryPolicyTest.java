package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Outcome;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SunCo's documented retry policy: 5 attempts within 15 minutes, growing gaps, none after the non-recoverable 4xx. */
class SuncoRetryPolicyTest {
  private final RetryPolicy policy = SuncoWebhooks.policy(Duration.ofMinutes(1), Duration.ofSeconds(20));

  private static Outcome status(int s) {
    return new Outcome.Response(s, HttpHeaders.of(Map.of(), (a, b) -> true), new byte[0]);
  }

  @Test
  void aFailingTargetGetsFiveAttemptsWithDoublingGapsThatEndWithinFifteenMinutes() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt <= 4; attempt++) {
      Optional<Duration> wait = policy.retryAfter(attempt, status(503));
      assertThat(wait).as("after attempt %d", attempt).contains(Duration.ofMinutes(1L << (attempt - 1)));
      total = total.plus(wait.orElseThrow());
    }
    assertThat(policy.retryAfter(5, status(503))).as("the fifth attempt is the last").isEmpty();
    assertThat(total).isEqualTo(Duration.ofMinutes(15));
    assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 406})
  void theNonRecoverableStatusesAreNeverRetried(int s) {
    assertThat(policy.retryAfter(1, status(s))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void otherFailuresTimeoutsAndRefusedConnectionsAreRetried(int s) {
    assertThat(policy.retryAfter(1, status(s))).contains(Duration.ofMinutes(1));
    assertThat(policy.retryAfter(2, new Outcome.Failed(true, "timeout"))).contains(Duration.ofMinutes(2));
    assertThat(policy.retryAfter(3, new Outcome.Failed(false, "refused"))).contains(Duration.ofMinutes(4));
  }

  @Test
  void a2xxIsDeliveredAndTheScheduleScalesWithTheUnit() {
    assertThat(policy.delivered(status(200))).isTrue();
    assertThat(policy.retryAfter(1, status(204))).isEmpty();
    RetryPolicy fast = SuncoWebhooks.policy(Duration.ofMillis(10), Duration.ofSeconds(1));
    assertThat(fast.retryAfter(4, status(500))).contains(Duration.ofMillis(80));
    assertThat(fast.retryAfter(5, status(500))).isEmpty();
  }
}
