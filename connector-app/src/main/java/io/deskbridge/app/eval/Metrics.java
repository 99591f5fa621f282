package io.deskbridge.app.eval;

import io.deskbridge.app.eval.EvalCase.Expect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The evaluation's metrics, computed from per-case results. A case is <em>answered</em> when the decision is reply
 * (or draft). Pure functions; a ratio with nothing to divide by is {@link Double#NaN} (written as {@code null}).
 *
 * <ul>
 *   <li>{@code answered_precision}: among answered {@code answer} cases, the share answered with the expected
 *       article;
 *   <li>{@code coverage}: answered {@code answer} cases / {@code answer} cases;
 *   <li>{@code no_answer_answered_rate}: answered {@code no_answer} cases / {@code no_answer} cases;
 *   <li>{@code handover_recall}: handed over (any reason) among {@code handover} cases; by reason: handed over with
 *       that reason among the {@code handover} cases expecting it;
 *   <li>{@code false_handover_rate}: handed over among {@code answer} cases;
 *   <li>{@code no_handover_handed_over_rate}: handed over among {@code no_handover} cases;
 *   <li>{@code ece}: expected calibration error, see {@link #ece};
 *   <li>per reason (signals): precision, recall and F1 of "handed over with this reason" against "expects a
 *       handover for this reason" over all cases, see {@link #reasonScores}.
 * </ul>
 *
 * The {@linkplain #sweep sweep} replays the threshold from the recorded confidences of one pass: at threshold
 * {@code t} a case is answered iff no signal handed it over and its confidence is at least {@code t}
 * ({@link CaseResult#answeredAt}), which is the bot's own rule for a first message.
 */
final class Metrics {

  /** The number of equal-width confidence bins of {@link #ece}. */
  static final int BINS = 10;

  private Metrics() {}

  /** A ratio with its counts; {@link #value()} is NaN when the denominator is 0. */
  record Ratio(int numerator, int denominator) {
    double value() {
      return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
  }

  /** Precision, recall and F1 of one handover reason over all cases. */
  record ReasonScore(int expected, int predicted, int truePositives) {
    double precision() {
      return new Ratio(truePositives, predicted).value();
    }

    double recall() {
      return new Ratio(truePositives, expected).value();
    }

    /** {@code 2·tp / (2·tp + fp + fn)}: 0 when nothing is right; NaN when the reason is neither expected nor given. */
    double f1() {
      return new Ratio(2 * truePositives, expected + predicted).value();
    }
  }

  /** One point of the sweep. */
  record SweepPoint(double threshold, Ratio answeredPrecision, Ratio coverage, Ratio noAnswerAnswered) {}

  /** The metrics of one set of results (all cases, or one language's). */
  record Summary(
      int cases, Ratio answeredPrecision, Ratio coverage, Ratio noAnswerAnswered, Ratio handoverRecall,
      Map<String, Ratio> handoverRecallByReason, Ratio falseHandover, Ratio noHandoverHandedOver, double ece,
      Ratio top1) {}

  /** The metrics of the actual decisions. */
  static Summary summarize(List<CaseResult> results) {
    var answer = of(results, Expect.ANSWER);
    var handover = of(results, Expect.HANDOVER);
    var byReason = new TreeMap<String, Ratio>();
    for (var reason : handover.stream().map(r -> r.evalCase().reason()).filter(r -> !r.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new))) {
      var expecting = handover.stream().filter(r -> r.evalCase().reason().equals(reason)).toList();
      byReason.put(reason, ratio(expecting, r -> r.handedOverFor(reason)));
    }
    var answered = answer.stream().filter(CaseResult::answered).toList();
    return new Summary(results.size(), ratio(answered, CaseResult::bestIsRight), ratio(answer, CaseResult::answered),
        ratio(of(results, Expect.NO_ANSWER), CaseResult::answered), ratio(handover, CaseResult::handedOver), byReason,
        ratio(answer, CaseResult::handedOver), ratio(of(results, Expect.NO_HANDOVER), CaseResult::handedOver),
        ece(results), ratio(answer, CaseResult::bestIsRight));
  }

  /**
   * The expected calibration error of the confidence as the probability that the best article is right
   * ({@link CaseResult#bestIsRight}), over the {@code answer} and {@code no_answer} cases that no signal handed
   * over (a signal handover is not the confidence's doing, and {@code handover} / {@code no_handover} cases have
   * no right article). The cases fall into {@value #BINS} equal-width bins by confidence (1.0 in the last);
   * {@code ECE = Σ_bins (n_bin / n) · |accuracy_bin − mean confidence_bin|}. NaN when no case qualifies.
   */
  static double ece(List<CaseResult> results) {
    var sums = new double[BINS];
    int n = 0;
    for (var r : results) {
      if ((r.expect() == Expect.ANSWER || r.expect() == Expect.NO_ANSWER) && !r.signalHandover()) {
        int bin = Math.min(BINS - 1, (int) (r.confidence() * BINS));
        sums[bin] += (r.bestIsRight() ? 1 : 0) - r.confidence();
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double total = 0;
    for (var s : sums) {
      total += Math.abs(s);
    }
    return total / n;
  }

  /** The sweep at thresholds 0, 0.05, …, 1. */
  static List<SweepPoint> sweep(List<CaseResult> results) {
    var points = new ArrayList<SweepPoint>();
    for (int i = 0; i <= 20; i++) {
      points.add(at(results, i / 20.0));
    }
    return points;
  }

  /** The metrics at threshold {@code t} by the sweep's rule ({@link CaseResult#answeredAt}). */
  static SweepPoint at(List<CaseResult> results, double t) {
    var answer = of(results, Expect.ANSWER);
    var answered = answer.stream().filter(r -> r.answeredAt(t)).toList();
    return new SweepPoint(t, ratio(answered, CaseResult::bestIsRight), ratio(answer, r -> r.answeredAt(t)),
        ratio(of(results, Expect.NO_ANSWER), r -> r.answeredAt(t)));
  }

  /**
   * The cases whose actual decision (answered or not) differs from the sweep's rule at the threshold the bot ran
   * with; empty when the sweep describes the bot faithfully.
   */
  static List<CaseResult> sweepDisagreements(List<CaseResult> results, double threshold) {
    return results.stream().filter(r -> r.answered() != r.answeredAt(threshold)).toList();
  }

  /**
   * Precision, recall and F1 per handover reason that some case expects or some decision gives (other than
   * {@code low_confidence}): a case is a positive when it expects a handover for that reason, a prediction when the
   * bot handed over with that reason. Sorted by reason.
   */
  static Map<String, ReasonScore> reasonScores(List<CaseResult> results) {
    var reasons = new TreeSet<String>();
    results.forEach(r -> {
      if (!r.evalCase().reason().isEmpty()) {
        reasons.add(r.evalCase().reason());
      }
      if (r.handedOver()) {
        r.reasons().stream().filter(x -> !x.equals(CaseResult.LOW_CONFIDENCE)).forEach(reasons::add);
      }
    });
    var scores = new LinkedHashMap<String, ReasonScore>();
    for (var reason : reasons) {
      int expected = 0;
      int predicted = 0;
      int tp = 0;
      for (var r : results) {
        boolean e = r.evalCase().reason().equals(reason);
        boolean p = r.handedOverFor(reason);
        expected += e ? 1 : 0;
        predicted += p ? 1 : 0;
        tp += e && p ? 1 : 0;
      }
      scores.put(reason, new ReasonScore(expected, predicted, tp));
    }
    return scores;
  }

  /** The results grouped by {@link CaseResult#language()}, languages sorted. */
  static Map<String, List<CaseResult>> byLanguage(List<CaseResult> results) {
    return results.stream().collect(Collectors.groupingBy(CaseResult::language, TreeMap::new, Collectors.toList()));
  }

  /** The {@code p}-th percentile (nearest rank) of the values; NaN when there are none. */
  static double percentile(Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    var sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static List<CaseResult> of(List<CaseResult> results, Expect expect) {
    return results.stream().filter(r -> r.expect() == expect).toList();
  }

  private static Ratio ratio(List<CaseResult> among, Predicate<CaseResult> which) {
    return new Ratio((int) among.stream().filter(which).count(), among.size());
  }
}
