package io.deskbridge.core.bot;

/**
 * The share of messages about something the knowledge base does not cover, estimated from the live stream: each
 * message's {@linkplain Calibration#logLikelihoodRatio log likelihood ratio} (uncovered against covered) is kept over
 * the last {@value #WINDOW} messages, and the share is the maximum a posteriori estimate of the mixture weight
 * (expectation-maximisation: each message's probability of being uncovered at the current share, averaged), with the
 * admin's {@link BotConfig#uncoveredPercent()} as a Beta prior worth {@value #PRIOR_MESSAGES} messages. Until
 * {@value #WARM_UP} messages have been seen, and always with a prior of 0, it is the admin's setting, so that a few
 * messages after a start do not move it. Why these sizes: docs/quality.md. Thread-safe.
 */
final class UncoveredShare {

  static final int WINDOW = 1000;
  static final int PRIOR_MESSAGES = 100;
  static final int WARM_UP = 200;
  private static final int ITERATIONS = 30;
  /** The estimate never leaves this range, so that one odd stretch of traffic cannot switch the bot off. */
  static final double MIN = 0.005;
  static final double MAX = 0.9;

  private final double prior;
  private final double[] ratios = new double[WINDOW];
  private int count;
  private long seen;
  private int next;
  private double share;

  /** @param prior the admin's share, 0 to 0.9 */
  UncoveredShare(double prior) {
    if (!(prior >= 0 && prior <= MAX)) {
      throw new IllegalArgumentException("uncovered share must be in 0..0.9, got " + prior);
    }
    this.prior = prior;
    this.share = prior;
  }

  /** The current estimate. */
  synchronized double share() {
    return share;
  }

  /**
   * Adds a message's log likelihood ratio (NaN, for a message without hits or without the model, is ignored) and
   * re-estimates the share.
   */
  synchronized void observe(double logLikelihoodRatio) {
    if (Double.isNaN(logLikelihoodRatio) || prior == 0) {
      return;
    }
    ratios[next] = Math.exp(Math.max(-50, Math.min(50, logLikelihoodRatio)));
    next = (next + 1) % WINDOW;
    count = Math.min(count + 1, WINDOW);
    if (++seen < WARM_UP) {
      return;
    }
    double pi = share;
    for (int it = 0; it < ITERATIONS; it++) {
      double sum = 0;
      for (int i = 0; i < count; i++) {
        sum += pi * ratios[i] / (pi * ratios[i] + 1 - pi);
      }
      double updated = Math.max(MIN, Math.min(MAX, (sum + PRIOR_MESSAGES * prior) / (count + PRIOR_MESSAGES)));
      if (Math.abs(updated - pi) < 1e-6) {
        pi = updated;
        break;
      }
      pi = updated;
    }
    share = pi;
  }

  @Override
  public synchronized String toString() {
    return "UncoveredShare[" + share + " over the last " + count + " message(s), prior " + prior + "]";
  }
}
