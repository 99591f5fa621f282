package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

  @Test
  void isAProbabilityThatGrowsWithScoreAndMargin() {
    assertThat(Confidence.of(Confidence.MIDPOINT, Confidence.MIDPOINT)).isCloseTo(0.5, within(1e-9));
    assertThat(Confidence.of(0.9, 0.3)).isGreaterThan(Confidence.of(0.9, 0.8)).isGreaterThan(0.95);
    assertThat(Confidence.of(0.2, 0.19)).isLessThan(0.1);
    assertThat(Confidence.of(-1, 0)).isBetween(0.0, 1.0);
    assertThat(Confidence.of(2, 0)).isBetween(0.0, 1.0);
  }
}
