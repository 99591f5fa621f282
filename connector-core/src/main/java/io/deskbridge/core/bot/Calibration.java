package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.LogisticRegression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns retrieval's best hits into the probability that the best article is the right answer, fitted on the
 * knowledge base itself so that an admin's threshold means what it says: of the messages answered at threshold p,
 * about a share p (at least) is answered with the right article.
 *
 * <p>The fit is a logistic regression of "the best article is right" on the features {@link #features} of the best
 * hits, with a little L2 regularisation, over two kinds of held-out questions made from the knowledge base's own
 * sample questions:
 *
 * <ul>
 *   <li><b>leave one out</b>: a sample question, searched with itself left out of the index; right when the best
 *       article is its own;
 *   <li><b>leave the article out</b>: a sample question searched with its whole article left out (every locale), so
 *       nothing right can be found: it stands for a message about something the knowledge base does not cover. These
 *       make up the admin's estimate of the share of such messages ({@link BotConfig#uncoveredPercent()}, default
 *       {@value BotConfig#DEFAULT_UNCOVERED} %): the confidence is the probability of a right answer in traffic with
 *       that share.
 * </ul>
 *
 * Alternatively the admin labels real messages ({@link CalibrationCase}, setting {@code bot.calibrationCases}) and
 * the fit uses those instead ({@link #fit(Retriever, double, List)}). Why both exist and how they compare:
 * docs/quality.md.
 *
 * <p>At most {@value #SAMPLES} questions are drawn, seeded, so the fit is reproducible. A
 * knowledge base with fewer than {@value #MIN_QUESTIONS} sample questions, or where every held-out question is
 * right (or every one wrong), cannot be fitted; {@link #DEFAULT} is used then. Immutable and thread-safe.
 *
 * @param weights  the intercept followed by one weight per feature
 * @param questions how many held-out questions the fit used; 0 for the default
 */
record Calibration(double[] weights, int questions) {

  private static final Logger log = LoggerFactory.getLogger(Calibration.class);

  static final int SAMPLES = 800;
  static final double UNCOVERED_SHARE = BotConfig.DEFAULT_UNCOVERED / 100.0;
  static final int MIN_QUESTIONS = 20;
  private static final double L2 = 1e-3;
  private static final long SEED = 42;

  /**
   * The fallback for knowledge bases too small to fit on: the fit on the demo knowledge base (see the
   * {@code CalibrationTest} that checks it still agrees).
   */
  static final Calibration DEFAULT = new Calibration(new double[] {-3.669, -0.020, 1.034, 0.167, -0.571, 0.769, 0.872,
      0.472, -0.832, -0.129, -0.293, 0.783, -1.204, 0.584, -0.054, 1.315, -0.508, -0.162, 0.897, -1.295, 0.212, 0.549,
      1.241, 0.729, 0.460, -0.156, 0.957, 0.275, 0.506, -0.287, -0.717, -0.661, -0.814, 0.239, -0.373, 0.576, 0.970,
      1.140, 0.305, 1.218, 0.553, -0.217, 0.848, -0.021, -1.150}, 0);

  Calibration {
    if (weights.length != FEATURES) {
      throw new IllegalArgumentException("a calibration needs " + FEATURES + " weights, got " + weights.length);
    }
    weights = weights.clone();
  }

  /** The calibrated probability that the first hit is right; 0 without hits. */
  double confidence(List<Retriever.Hit> hits) {
    if (hits.isEmpty()) {
      return 0;
    }
    return LogisticRegression.sigmoid(dot(weights, features(hits)));
  }

  /**
   * The features, with a leading 1 for the intercept: the best score, its margin over the second best, the best
   * hit's cosine, lexical score and vote, the share of the message's words the knowledge base uses, and the best
   * hit's cosine to its article's mean embedding and that article's spread; then the product of every pair of these
   * eight (squares included), so that the fit can weigh one feature by another (a high cosine means more with a
   * clear margin). The products were chosen on CLINC150's validation split: out-of-scope messages answered at 80 %
   * coverage fell from 4 to 2 of 100 there (docs/quality.md).
   */
  static double[] features(List<Retriever.Hit> hits) {
    var best = hits.get(0);
    double second = hits.size() > 1 ? hits.get(1).score() : 0;
    double[] base = {1, best.score(), best.score() - second, best.cosine(), best.lexical(), best.vote(),
        best.coverage(), best.centroid(), best.spread()};
    var all = new double[FEATURES];
    System.arraycopy(base, 0, all, 0, base.length);
    int k = base.length;
    for (int i = 1; i < base.length; i++) {
      for (int j = i; j < base.length; j++) {
        all[k++] = base[i] * base[j];
      }
    }
    return all;
  }

  /** The intercept, the eight features of a hit and their 36 products ({@link #features}). */
  static final int FEATURES = 1 + 8 + 8 * 9 / 2;

  /**
   * As {@link #fit(Retriever, double)}, keeping the result in {@code folder} (file {@code calibration-<key>.txt}) so
   * that a restart over the same knowledge base, retrieval weights and share skips the fit. The key is a SHA-256 of
   * everything the fit depends on; a missing or unreadable file means fitting again.
   *
   * @param folder null fits every time
   */
  static Calibration fit(Retriever retriever, double uncoveredShare, Path folder) {
    return cached(retriever, "calibration v3 " + uncoveredShare + " " + SAMPLES + " " + SEED + " " + L2, folder,
        () -> fit(retriever, uncoveredShare));
  }

  /**
   * As {@link #fit(Retriever, double, List)}, keeping the result in {@code folder} like {@link #fit(Retriever,
   * double, Path)}; the key covers the labelled messages too.
   */
  static Calibration fit(Retriever retriever, double uncoveredShare, List<CalibrationCase> labelled, Path folder) {
    var key = new StringBuilder("labelled v2 " + uncoveredShare + " " + SAMPLES + " " + SEED + " " + L2);
    for (var c : labelled) {
      key.append('\u0000').append(c.text()).append('\u0001').append(c.articleId());
    }
    var fitted = cached(retriever, key.toString(), folder, () -> fitLabelled(retriever, uncoveredShare, labelled));
    return fitted != null ? fitted : fallBack(retriever, uncoveredShare, labelled, folder);
  }

  /** The fit, read from or kept in {@code folder}; a null fit (nothing to fit on) is returned and not kept. */
  private static Calibration cached(Retriever retriever, String salt, Path folder,
      Supplier<Calibration> fit) {
    if (folder == null) {
      return fit.get();
    }
    var file = folder.resolve("calibration-" + retriever.fingerprint(salt) + ".txt");
    try {
      if (Files.isRegularFile(file)) {
        var parts = Files.readString(file).trim().split("\\s+");
        if (parts.length - 1 != FEATURES) {
          throw new IOException("a calibration of another shape");
        }
        var w = new double[parts.length - 1];
        for (int i = 0; i < w.length; i++) {
          w[i] = Double.parseDouble(parts[i + 1]);
        }
        return new Calibration(w, Integer.parseInt(parts[0]));
      }
    } catch (IOException | RuntimeException e) {
      // fit again below
    }
    var fitted = fit.get();
    if (fitted == null) {
      return null;
    }
    try {
      Files.createDirectories(folder);
      var text = new StringBuilder().append(fitted.questions());
      for (double v : fitted.weights) {
        text.append(' ').append(v);
      }
      var tmp = Files.createTempFile(folder, "calibration", ".tmp");
      Files.writeString(tmp, text.append('\n'));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the calibration cache " + file, e);
    }
    return fitted;
  }

  /** Fits on the retriever's own sample questions, or returns {@link #DEFAULT} when they are too few. */
  static Calibration fit(Retriever retriever) {
    return fit(retriever, UNCOVERED_SHARE);
  }

  /** As {@link #fit(Retriever)} with another share of uncovered questions (0 to below 1). */
  static Calibration fit(Retriever retriever, double uncoveredShare) {
    var questions = shuffledQuestions(retriever);
    if (questions.size() < MIN_QUESTIONS || retriever.articleCount() < 2) {
      return DEFAULT;
    }
    int covered = Math.min(SAMPLES, questions.size());
    int uncovered = (int) Math.round(covered * uncoveredShare / (1 - uncoveredShare));
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    var skip = new boolean[retriever.size()];
    for (int i : questions.subList(0, covered)) {
      Arrays.fill(skip, false);
      skip[i] = true;
      var hits = retriever.search(retriever.text(i), retriever.vector(i), 2, skip);
      if (!hits.isEmpty()) {
        x.add(features(hits));
        y.add(hits.get(0).articleId().equals(retriever.articleId(i)));
      }
    }
    for (var row : leftOutArticles(retriever, questions.subList(0, covered), uncovered)) {
      x.add(row);
      y.add(false);
    }
    if (y.stream().allMatch(b -> b) || y.stream().noneMatch(b -> b)) {
      return DEFAULT;
    }
    return new Calibration(logistic(x, y), x.size());
  }

  /**
   * Fits on messages labelled by the admin (real traffic, for instance): "right" when the best article is the
   * message's article; a message no article answers is never right. The messages no article answers are weighted to
   * make up {@code uncoveredShare} of the fit, so the confidence is again the probability of a right answer in
   * traffic with that share; when there are none, leave-the-article-out sample questions stand in for them as in
   * {@link #fit(Retriever, double)}. With a share of 0 only the answerable messages count.
   *
   * When every message is answered right (or none is), there is nothing to fit: the fit on the sample questions
   * ({@link #fit(Retriever, double)}) is used instead, with a warning in the log.
   *
   * @throws IllegalArgumentException when a message names an article the knowledge base lacks, or when fewer than
   *     {@value CalibrationCase#MIN_ANSWERABLE} messages are answerable
   */
  static Calibration fit(Retriever retriever, double uncoveredShare, List<CalibrationCase> labelled) {
    var fitted = fitLabelled(retriever, uncoveredShare, labelled);
    return fitted != null ? fitted : fallBack(retriever, uncoveredShare, labelled, null);
  }

  private static Calibration fallBack(Retriever retriever, double uncoveredShare, List<CalibrationCase> labelled,
      Path folder) {
    log.warn("The {} labelled calibration message(s) are all answered right, or none is: nothing to fit on; the "
        + "confidence is fitted on the knowledge base's sample questions instead", labelled.size());
    return fit(retriever, uncoveredShare, folder);
  }

  /** {@link #fit(Retriever, double, List)}, or null when every message is answered right or none is. */
  private static Calibration fitLabelled(Retriever retriever, double uncoveredShare, List<CalibrationCase> labelled) {
    var known = new HashSet<String>();
    for (int i = 0; i < retriever.size(); i++) {
      known.add(retriever.articleId(i));
    }
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    var uncovered = new ArrayList<Boolean>();
    for (var c : labelled) {
      if (!c.articleId().isEmpty() && !known.contains(c.articleId())) {
        throw new IllegalArgumentException("calibration case " + c.id() + " names article \"" + c.articleId()
            + "\", which the knowledge base does not have");
      }
      if (c.articleId().isEmpty() && uncoveredShare == 0) {
        continue;
      }
      var hits = retriever.search(c.text(), retriever.embed(c.text()), 2);
      if (hits.isEmpty()) {
        continue;
      }
      x.add(features(hits));
      y.add(!c.articleId().isEmpty() && hits.get(0).articleId().equals(c.articleId()));
      uncovered.add(c.articleId().isEmpty());
    }
    long answerable = uncovered.stream().filter(u -> !u).count();
    long none = uncovered.size() - answerable;
    if (answerable < CalibrationCase.MIN_ANSWERABLE) {
      throw new IllegalArgumentException("the calibration cases hold " + answerable + " answerable message(s); at least "
          + CalibrationCase.MIN_ANSWERABLE + " are needed");
    }
    var questions = shuffledQuestions(retriever);
    if (none == 0 && uncoveredShare > 0 && !questions.isEmpty() && retriever.articleCount() > 1) {
      int wanted = (int) Math.round(answerable * uncoveredShare / (1 - uncoveredShare));
      for (var row : leftOutArticles(retriever, questions, wanted)) {
        x.add(row);
        y.add(false);
        uncovered.add(false);
      }
    }
    if (y.stream().allMatch(b -> b) || y.stream().noneMatch(b -> b)) {
      return null;
    }
    if (none > 0 && none < CalibrationCase.MIN_ANSWERABLE) {
      log.warn("Only {} labelled message(s) no article answers stand for {} % of the traffic in the calibration; a "
          + "few dozen would make it steadier", none, Math.round(uncoveredShare * 100));
    }
    var weights = new double[x.size()];
    double noneWeight = none == 0 ? 1 : uncoveredShare * answerable / ((1 - uncoveredShare) * none);
    for (int r = 0; r < weights.length; r++) {
      weights[r] = uncovered.get(r) ? noneWeight : 1;
    }
    return new Calibration(logistic(x, y, weights), x.size());
  }

  /** The sample questions' text numbers, shuffled with the seed. */
  private static List<Integer> shuffledQuestions(Retriever retriever) {
    var questions = new ArrayList<Integer>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        questions.add(i);
      }
    }
    Collections.shuffle(questions, new Random(SEED));
    return questions;
  }

  /**
   * The features of {@code count} stand-ins for uncovered messages: the given questions in turn (round again when
   * there are fewer), each searched with its whole article left out, in every locale.
   */
  private static List<double[]> leftOutArticles(Retriever retriever, List<Integer> questions, int count) {
    var rows = new ArrayList<double[]>();
    var skip = new boolean[retriever.size()];
    for (int q = 0; q < count; q++) {
      int i = questions.get(q % questions.size());
      Arrays.fill(skip, false);
      retriever.markArticle(i, skip);
      var hits = retriever.search(retriever.text(i), retriever.vector(i), 2, skip);
      if (!hits.isEmpty()) {
        rows.add(features(hits));
      }
    }
    return rows;
  }

  /**
   * {@link LogisticRegression} with a little L2 ({@value #L2} per example) on features whose first column is the
   * intercept (not penalised).
   */
  static double[] logistic(List<double[]> x, List<Boolean> y) {
    var weights = new double[x.size()];
    Arrays.fill(weights, 1);
    return logistic(x, y, weights);
  }

  /** As {@link #logistic(List, List)} with a weight per example; the L2 scales with the total weight. */
  static double[] logistic(List<double[]> x, List<Boolean> y, double[] exampleWeights) {
    int dims = x.get(0).length;
    var z = new double[x.size()][dims];
    var labels = new int[x.size()];
    for (int r = 0; r < x.size(); r++) {
      System.arraycopy(x.get(r), 1, z[r], 0, dims - 1);
      z[r][dims - 1] = x.get(r)[0];
      labels[r] = y.get(r) ? 1 : 0;
    }
    double total = Arrays.stream(exampleWeights).sum();
    var fitted = LogisticRegression.fit(z, labels, exampleWeights, L2 * total);
    var w = new double[dims];
    w[0] = fitted[dims - 1];
    System.arraycopy(fitted, 0, w, 1, dims - 1);
    return w;
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }


  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Calibration c && Arrays.equals(weights, c.weights) && questions == c.questions;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weights) + questions;
  }

  @Override
  public String toString() {
    return "Calibration[" + (questions == 0 ? "default" : "fitted on " + questions + " held-out messages") + ", weights "
        + Arrays.toString(Arrays.stream(weights).map(v -> Math.round(v * 1000) / 1000.0).toArray()) + "]";
  }
}
