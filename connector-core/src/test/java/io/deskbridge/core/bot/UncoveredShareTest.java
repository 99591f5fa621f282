package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UncoveredShareTest {

  /**
   * Messages whose log likelihood ratio is drawn from N(+1.5, 1) when uncovered and N(−1.5, 1) when covered (so the
   * ratio is exactly right: log N(x; 1.5) / N(x; −1.5) = 3x), a share {@code truth} of them uncovered.
   */
  private static UncoveredShare fedWith(double prior, double truth, int messages, long seed) {
    var estimate = new UncoveredShare(prior);
    var random = new Random(seed);
    for (int i = 0; i < messages; i++) {
      double x = random.nextDouble() < truth ? 1.5 + random.nextGaussian() : -1.5 + random.nextGaussian();
      estimate.observe(3 * x);
    }
    return estimate;
  }

  @Test
  void startsAtTheAdminsShare() {
    assertThat(new UncoveredShare(0.2).share()).isEqualTo(0.2);
  }

  /** The MAP estimate: the window's share with the prior counted as {@value UncoveredShare#PRIOR_MESSAGES} messages. */
  private static double map(double truth, double prior) {
    return (truth * UncoveredShare.WINDOW + prior * UncoveredShare.PRIOR_MESSAGES)
        / (UncoveredShare.WINDOW + UncoveredShare.PRIOR_MESSAGES);
  }

  @Test
  void findsTheTrueShareOfTheRecentMessagesWhateverThePrior() {
    assertThat(fedWith(0.2, 0.05, 3000, 1).share()).isCloseTo(map(0.05, 0.2), within(0.02));
    assertThat(fedWith(0.2, 0.40, 3000, 2).share()).isCloseTo(map(0.40, 0.2), within(0.03));
    assertThat(fedWith(0.05, 0.40, 3000, 3).share()).isCloseTo(map(0.40, 0.05), within(0.03));
    assertThat(fedWith(0.05, 0.40, 3000, 3).share()).isGreaterThan(0.3);
  }

  @Test
  void staysAtTheAdminsShareUntilTheWarmUpThenThePriorWeighsAsAHundredMessages() {
    var estimate = new UncoveredShare(0.3);
    for (int i = 0; i < UncoveredShare.WARM_UP - 1; i++) {
      estimate.observe(-20);
    }
    assertThat(estimate.share()).isEqualTo(0.3);
    estimate.observe(-20);
    // clearly covered messages: the prior alone keeps it above 0
    assertThat(estimate.share()).isCloseTo(0.3 * 100 / (100 + UncoveredShare.WARM_UP), within(0.005));
  }

  @Test
  void followsTheTrafficOverTheWindowOnly() {
    var estimate = fedWith(0.2, 0.6, 2000, 4);
    var random = new Random(5);
    for (int i = 0; i < UncoveredShare.WINDOW; i++) {
      estimate.observe(3 * (-1.5 + random.nextGaussian()));
    }
    assertThat(estimate.share()).as("the old uncovered messages have left the window").isLessThan(0.05);
  }

  @Test
  void anAdminsZeroStaysZeroAndMissingRatiosAreIgnored() {
    var zero = new UncoveredShare(0);
    zero.observe(10);
    assertThat(zero.share()).isZero();
    var estimate = new UncoveredShare(0.2);
    estimate.observe(Double.NaN);
    assertThat(estimate.share()).isEqualTo(0.2);
    assertThatThrownBy(() -> new UncoveredShare(0.95)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.95");
  }
}
