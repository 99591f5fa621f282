package io.deskbridge.app.eval;

import io.deskbridge.core.escalation.LogisticRegression;
import io.deskbridge.core.escalation.SarcasmSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains the {@link SarcasmSignal}'s model offline: an L2-regularised logistic regression over the signal's
 * features (its lexical cues and the unit-length sentence embedding), fitted by Newton's method on standardised
 * features, with the regularisation strength and the decision threshold chosen by stratified k-fold
 * cross-validation on the training examples alone.
 *
 * <ul>
 *   <li>Folds: the groups (an example and the examples derived from it, for instance a sarcastic text and its plain
 *       rephrase) are shuffled with the seed within each label and dealt round-robin, so a group never spans two
 *       folds and each fold has the same share of sarcastic texts.
 *   <li>Out-of-fold scores are collected for the {@linkplain Example#scored() scored} examples only (added examples
 *       such as rephrases train but are not counted). A {@linkplain SarcasmSignal#isPlainRequest plain request}
 *       or {@linkplain SarcasmSignal#isPlainThanks plain thanks} scores 0, as in the signal, here and on the neutral messages; it still trains the model.
 *   <li>The strength with the highest out-of-fold average precision (area under the precision-recall curve of the
 *       sarcastic class, independent of any threshold) wins; ties go to the stronger regularisation.
 *   <li>The final model is fitted on all examples with the chosen strength.
 *   <li>The threshold is the one with the highest out-of-fold F1 of the sarcastic class at that strength, placed half
 *       way between the lowest flagged and the highest unflagged score, among the thresholds at which the final
 *       model flags at most a given share (the budget) of <em>neutral</em> messages: sincere in-domain texts such as
 *       a knowledge base's sample questions. A sarcasm handover on a plain question is a false handover, and the
 *       training posts hold no customer-support text, so this bounds the false alarms where the bot works. With no
 *       neutral messages there is no such bound.
 * </ul>
 *
 * Deterministic: the same examples in the same order, seed and options give the same model text, byte for byte.
 * Stateless and thread-safe; it uses one thread.
 */
public final class SarcasmTrainer {

  /** The default regularisation strengths tried (λ of {@code λ/2·‖w‖²} on standardised features). */
  public static final List<Double> DEFAULT_LAMBDAS = List.of(10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0);


  private SarcasmTrainer() {}

  /**
   * One training text.
   *
   * @param text               the text, for the lexical cues
   * @param normalizedEmbedding its embedding by the bot's model at unit length
   * @param sarcastic          the label
   * @param group              examples with the same group always fall into the same fold
   * @param scored             whether cross-validation counts it (false for added examples such as rephrases)
   */
  public record Example(String text, float[] normalizedEmbedding, boolean sarcastic, int group, boolean scored) {}

  /** Out-of-fold results at one regularisation strength, at its best-F1 threshold. */
  public record Candidate(double lambda, double averagePrecision, double f1, double precision, double recall,
      double threshold) {}

  /**
   * The trained model.
   *
   * @param modelText     the model file's text, {@link SarcasmSignal#parse} reads it
   * @param chosen        the chosen strength's out-of-fold results at its best-F1 threshold, without the budget
   * @param candidates    every strength's, in the order tried
   * @param threshold     the model's threshold: {@code chosen}'s at the neutral budget
   * @param neutralFlagged neutral messages the final model flags at {@code threshold}, of {@code neutral}
   */
  public record Result(String modelText, Candidate chosen, List<Candidate> candidates, Candidate threshold,
      int neutralFlagged, int neutral) {}

  /**
   * Trains a model.
   *
   * @param examples at least {@code folds} scored examples of each label, all embeddings of one length
   * @param neutral  sincere in-domain messages (their labels, groups and scored flags are ignored), possibly none
   * @param budget   the share of neutral messages the model may flag, in [0, 1]
   * @param seed     the seed of the fold assignment
   * @param folds    the number of cross-validation folds, at least 2
   * @param lambdas  the regularisation strengths to try, each positive
   * @param comments lines written as comments at the top of the model file (provenance, licence)
   * @throws IllegalArgumentException when an argument breaks these rules
   */
  public static Result train(List<Example> examples, List<Example> neutral, double budget, long seed, int folds,
      List<Double> lambdas, List<String> comments) {
    if (!(budget >= 0 && budget <= 1)) {
      throw new IllegalArgumentException("neutral budget must be in [0, 1], got " + budget);
    }
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be at least 2, got " + folds);
    }
    if (lambdas.isEmpty() || lambdas.stream().anyMatch(l -> !(l > 0) || l.isInfinite())) {
      throw new IllegalArgumentException("regularisation strengths must be positive numbers, got " + lambdas);
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    int dims = examples.get(0).normalizedEmbedding().length;
    for (var e : concat(examples, neutral)) {
      if (e.normalizedEmbedding().length != dims) {
        throw new IllegalArgumentException("embeddings differ in length: " + dims + " and "
            + e.normalizedEmbedding().length);
      }
    }
    for (boolean label : new boolean[] {true, false}) {
      long n = examples.stream().filter(e -> e.scored() && e.sarcastic() == label).count();
      if (n < folds) {
        throw new IllegalArgumentException("need at least " + folds + " scored " + (label ? "sarcastic" : "other")
            + " examples for " + folds + "-fold cross-validation, got " + n);
      }
    }
    var x = examples.stream().map(e -> SarcasmSignal.features(e.text(), e.normalizedEmbedding()))
        .toArray(double[][]::new);
    var y = new int[examples.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = examples.get(i).sarcastic() ? 1 : 0;
    }
    var fold = folds(examples, folds, seed);
    // plain requests and plain thanks score 0 in the signal, so they do here; they still train the model
    var request = new boolean[examples.size()];
    for (int i = 0; i < request.length; i++) {
      request[i] = SarcasmSignal.isPlainRequest(examples.get(i).text())
          || SarcasmSignal.isPlainThanks(examples.get(i).text());
    }

    var scored = new ArrayList<Integer>();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).scored()) {
        scored.add(i);
      }
    }
    var candidates = new ArrayList<Candidate>();
    var outOfFolds = new ArrayList<double[]>();
    for (double lambda : lambdas) {
      var outOfFold = new double[examples.size()];
      for (int f = 0; f < folds; f++) {
        var train = new ArrayList<Integer>();
        for (int i = 0; i < fold.length; i++) {
          if (fold[i] != f) {
            train.add(i);
          }
        }
        var model = fit(x, y, train, lambda);
        for (int i = 0; i < fold.length; i++) {
          if (fold[i] == f) {
            outOfFold[i] = request[i] ? 0 : model.probability(x[i]);
          }
        }
      }
      candidates.add(evaluate(lambda, scored, outOfFold, y, 0));
      outOfFolds.add(outOfFold);
    }
    var chosen = candidates.stream()
        .max(Comparator.comparingDouble(Candidate::averagePrecision).thenComparingDouble(Candidate::lambda))
        .orElseThrow();
    var all = new ArrayList<Integer>();
    for (int i = 0; i < examples.size(); i++) {
      all.add(i);
    }
    var model = fit(x, y, all, chosen.lambda());
    var neutralScores = neutral.stream()
        .mapToDouble(e -> SarcasmSignal.isPlainRequest(e.text()) || SarcasmSignal.isPlainThanks(e.text()) ? 0
            : model.probability(SarcasmSignal.features(e.text(), e.normalizedEmbedding())))
        .sorted().toArray();
    // the lowest threshold that flags at most the budget: just above the score of the first message over it
    int allowed = (int) Math.floor(budget * neutralScores.length + 1e-9);
    double minimum = allowed >= neutralScores.length ? 0
        : Math.nextUp(neutralScores[neutralScores.length - 1 - allowed]);
    var atBudget = evaluate(chosen.lambda(), scored, outOfFolds.get(candidates.indexOf(chosen)), y, minimum);
    int flagged = (int) Arrays.stream(neutralScores).filter(v -> v >= atBudget.threshold()).count();
    var header = new ArrayList<>(comments);
    header.add(String.format(Locale.ROOT, "%d-fold cross-validation (seed %d) on %d scored of %d examples: "
            + "lambda %s (average precision %.3f; best F1 %.3f at threshold %.4f)", folds, seed, scored.size(),
        examples.size(), plain(chosen.lambda()), chosen.averagePrecision(), chosen.f1(), chosen.threshold()));
    header.add(String.format(Locale.ROOT, "Threshold %.4f: out-of-fold F1 %.3f (precision %.3f, recall %.3f); "
            + "flags %d of %d neutral messages (budget %s)", atBudget.threshold(), atBudget.f1(),
        atBudget.precision(), atBudget.recall(), flagged, neutralScores.length, plain(budget)));
    var text = SarcasmSignal.format(header, atBudget.threshold(), model.bias(), model.weights());
    return new Result(text, chosen, List.copyOf(candidates), atBudget, flagged, neutralScores.length);
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private static List<Example> concat(List<Example> a, List<Example> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Each example's fold: groups shuffled within their label (a group's first example's) and dealt round-robin. */
  static int[] folds(List<Example> examples, int folds, long seed) {
    var groupLabel = new TreeMap<Integer, Boolean>();
    for (var e : examples) {
      groupLabel.putIfAbsent(e.group(), e.sarcastic());
    }
    var random = new Random(seed);
    var groupFold = new TreeMap<Integer, Integer>();
    int next = 0;
    for (boolean label : new boolean[] {true, false}) {
      var groups = new ArrayList<Integer>();
      groupLabel.forEach((g, l) -> {
        if (l == label) {
          groups.add(g);
        }
      });
      Collections.shuffle(groups, random);
      for (int g : groups) {
        groupFold.put(g, next++ % folds);
      }
    }
    return examples.stream().mapToInt(e -> groupFold.get(e.group())).toArray();
  }

  /**
   * Average precision and the best-F1 threshold of the out-of-fold scores of the scored examples, among thresholds
   * at or above {@code minimum} (when none qualifies: {@code minimum} itself).
   */
  static Candidate evaluate(double lambda, List<Integer> scored, double[] score, int[] y, double minimum) {
    var order = new ArrayList<>(scored);
    order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
    int positives = 0;
    for (int i : order) {
      positives += y[i];
    }
    double ap = 0;
    int tp = 0;
    double bestF1 = -1;
    double bestThreshold = minimum;
    double bestPrecision = 0;
    double bestRecall = 0;
    int tpAbove = 0;
    int above = 0;
    for (int rank = 0; rank < order.size(); rank++) {
      int i = order.get(rank);
      tp += y[i];
      if (y[i] == 1) {
        ap += (double) tp / (rank + 1);
      }
      boolean lastOfTie = rank + 1 == order.size() || score[order.get(rank + 1)] < score[i];
      if (!lastOfTie) {
        continue;
      }
      double below = rank + 1 == order.size() ? 0 : score[order.get(rank + 1)];
      double threshold = (score[i] + below) / 2;
      if (score[i] >= minimum) {
        tpAbove = tp;
        above = rank + 1;
      }
      double f1 = 2.0 * tp / (rank + 1 + positives);
      if (threshold >= minimum && f1 > bestF1) {
        bestF1 = f1;
        bestPrecision = (double) tp / (rank + 1);
        bestRecall = (double) tp / positives;
        bestThreshold = threshold;
      }
    }
    if (bestF1 < 0) { // no cut between scores qualifies: flag what reaches the minimum
      bestF1 = 2.0 * tpAbove / (above + positives);
      bestPrecision = above == 0 ? Double.NaN : (double) tpAbove / above;
      bestRecall = (double) tpAbove / positives;
    }
    bestThreshold = Math.min(1 - 1e-6, Math.max(1e-6, bestThreshold));
    return new Candidate(lambda, ap / positives, bestF1, bestPrecision, bestRecall, bestThreshold);
  }

  /** A fitted model in the raw (not standardised) feature space. */
  record Model(double bias, double[] weights) {
    double probability(double[] x) {
      double z = bias;
      for (int k = 0; k < x.length; k++) {
        z += weights[k] * x[k];
      }
      return 1 / (1 + Math.exp(-z));
    }
  }

  /**
   * Minimises {@code Σ logloss + λ/2·‖w‖²} over the given rows by Newton's method with step halving, on features
   * standardised over those rows (the bias is not penalised), and returns the weights for raw features.
   */
  static Model fit(double[][] x, int[] y, List<Integer> rows, double lambda) {
    int d = x[0].length;
    var mean = new double[d];
    var scale = new double[d];
    for (int r : rows) {
      for (int k = 0; k < d; k++) {
        mean[k] += x[r][k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= rows.size();
    }
    for (int r : rows) {
      for (int k = 0; k < d; k++) {
        double v = x[r][k] - mean[k];
        scale[k] += v * v;
      }
    }
    for (int k = 0; k < d; k++) {
      double sd = Math.sqrt(scale[k] / rows.size());
      scale[k] = sd > 1e-12 ? sd : 1;
    }
    var z = new double[rows.size()][d + 1];
    var labels = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      int r = rows.get(i);
      for (int k = 0; k < d; k++) {
        z[i][k] = (x[r][k] - mean[k]) / scale[k];
      }
      z[i][d] = 1;
      labels[i] = y[r];
    }
    var w = LogisticRegression.fit(z, labels, lambda);
    var raw = new double[d];
    double bias = w[d];
    for (int k = 0; k < d; k++) {
      raw[k] = w[k] / scale[k];
      bias -= raw[k] * mean[k];
    }
    return new Model(bias, raw);
  }
}
