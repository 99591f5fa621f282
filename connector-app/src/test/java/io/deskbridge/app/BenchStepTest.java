package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deskbridge.app.BenchStep.RssSampler;
import io.deskbridge.app.BenchStep.Timing;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchStepTest {
  private static final Instant FIRST = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void drainIsTheTimeFromTheLastTicketToTheLastWorkEvenWhenThatIsShorterThanOneInterval() {
    // 50 tickets/s for 30 s: the last ticket is created 29.98 s after the first, its reply 3 ms later
    Instant lastCreated = FIRST.plusMillis(29_980);
    var timing = Timing.of(FIRST, lastCreated, lastCreated.plusMillis(3), 50);

    assertThat(timing.drain()).isCloseTo(0.003, within(1e-9)); // was elapsed - producing = -0.017
    assertThat(timing.producing()).isCloseTo(30.0, within(1e-9));
    assertThat(timing.elapsed()).isCloseTo(29.983, within(1e-9));
  }

  @Test
  void drainIsTheBacklogsTimeWhenTheConnectorsFellBehind() {
    Instant lastCreated = FIRST.plusMillis(9_990);
    var timing = Timing.of(FIRST, lastCreated, lastCreated.plusSeconds(12), 100);

    assertThat(timing.drain()).isCloseTo(12.0, within(1e-9));
    assertThat(timing.elapsed()).isCloseTo(21.99, within(1e-9));
  }

  @Test
  void noWorkAfterTheLastTicketIsADrainOfZero() {
    var timing = Timing.of(FIRST, FIRST, FIRST, 1);

    assertThat(timing.drain()).isZero();
    assertThat(timing.producing()).isEqualTo(1.0);
  }

  @Test
  void refusesAnEndBeforeTheLastTicket() {
    assertThatThrownBy(() -> Timing.of(FIRST, FIRST.plusSeconds(2), FIRST.plusSeconds(1), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMedianSampleIsTheMiddleOneOfTheSortedSamples() {
    assertThat(RssSampler.median(List.of(300L, 500L, 310L))).isEqualTo(310);
    assertThat(RssSampler.median(List.of(400L, 300L, 320L, 900L))).isEqualTo(320);
    assertThat(RssSampler.median(List.of())).isEqualTo(-1);
  }
}
