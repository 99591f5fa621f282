package io.deskbridge.core.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RejectionSamplerTest {
  private final StepClock clock = new StepClock();
  private final RejectionSampler sampler = new RejectionSampler(clock, 10);

  private long admitted(String key, int requests) {
    return IntStream.range(0, requests).filter(i -> sampler.admit(key).isPresent()).count();
  }

  @Test
  void aBurstIsCutAtTheBucketSize() {
    assertThat(admitted("acme", 1000)).isEqualTo(10);
  }

  @Test
  void tokensComeBackWithTimeAtTheRatePerMinute() {
    admitted("acme", 1000);

    clock.advance(Duration.ofSeconds(6)); // 10 a minute: one token every 6 s
    assertThat(admitted("acme", 100)).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10)); // never more than the bucket holds
    assertThat(admitted("acme", 100)).isEqualTo(10);
  }

  @Test
  void theNextAdmittedReportsHowManyWereSkipped() {
    admitted("acme", 10 + 37);
    clock.advance(Duration.ofSeconds(6));

    assertThat(sampler.admit("acme")).isEqualTo(OptionalLong.of(37));
    assertThat(sampler.admit("acme")).isEmpty();
  }

  @Test
  void installationsHaveTheirOwnBuckets() {
    admitted("acme", 1000);

    assertThat(admitted("globex", 1000)).isEqualTo(10);
  }

  /** A clock that stands still until the test moves it. */
  static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
