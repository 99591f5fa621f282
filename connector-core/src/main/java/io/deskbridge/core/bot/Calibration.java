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
 * <p><b>Language.</b> Retrieval behaves differently in each language (the embedding model is English-only, so BM25
 * carries the others), so a score does not mean the same in each. In a fit on labelled messages, every language with
 * at least {@value #MIN_LOCALE_QUESTIONS} answerable messages, except the reference ({@link #ownLocales}), gets its
 * own intercept and its own slope on the score ({@link #locales}), picked by the language of the best hit's text. The
 * fit on sample questions has none: measured, they made Polish and Slovene worse (docs/quality.md).
 *
 * <p><b>The uncovered share.</b> Besides the confidence, a second logistic regression ({@link #uncovered}) tells the
 * stand-ins for uncovered messages from the answerable ones with both kinds weighed equally, so that its logit
 * estimates the likelihood ratio {@code log p(hits | uncovered) / p(hits | covered)}. With it the confidence fitted at
 * the admin's share {@link #share} is moved to any other share {@code π} ({@link #confidence(List, double)}), and
 * {@link UncoveredShare} estimates {@code π} from the live stream of messages with the admin's setting as the prior.
 *
 * @param weights   the intercept followed by one weight per feature ({@link #featuresOf})
 * @param questions how many held-out questions the fit used; 0 for the default
 * @param locales   the languages with their own intercept and slope, in feature order
 * @param uncovered the weights of the uncovered-versus-covered log likelihood ratio, same features; empty when it
 *                  could not be fitted (the confidence then stays at {@link #share})
 * @param share     the uncovered share the confidence was fitted at
 */
record Calibration(double[] weights, int questions, List<String> locales, double[] uncovered, double share) {

  private static final Logger log = LoggerFactory.getLogger(Calibration.class);

  static final int SAMPLES = 800;
  static final double UNCOVERED_SHARE = BotConfig.DEFAULT_UNCOVERED / 100.0;
  static final int MIN_QUESTIONS = 20;
  static final int MIN_LOCALE_QUESTIONS = 20;
  /**
   * A sample question is searched without its article's other questions this close to it (cosine), since a real
   * message has no near-duplicate among them (only in articles with many questions, see {@link
   * Retriever#markNearDuplicates}); chosen on CLINC150 val (docs/quality.md).
   */
  static final double NEAR_DUPLICATE = 0.8;
  private static final double L2 = 1e-3;
  private static final long SEED = 42;

  /**
   * The fallback for knowledge bases too small to fit on: the fit on the demo knowledge base (see the
   * {@code CalibrationTest} that checks it still agrees).
   */
  static final Calibration DEFAULT = new Calibration(new double[] {-3.4, -1.1, 3.8, -0.6, -2.3, 3.5, 2.1, 5.0, -1.5}, 0);

  Calibration {
    weights = weights.clone();
    locales = List.copyOf(locales);
    uncovered = uncovered.clone();
    if (weights.length != BASE_FEATURES + 2 * locales.size()
        || uncovered.length != 0 && uncovered.length != weights.length) {
      throw new IllegalArgumentException("weights do not match the features: " + weights.length + " for "
          + locales.size() + " language(s)");
    }
  }

  /** A calibration without languages of their own and without the uncovered-share model, fitted at the default share. */
  Calibration(double[] weights, int questions) {
    this(weights, questions, List.of(), new double[0], UNCOVERED_SHARE);
  }

  private static final int BASE_FEATURES = 9;

  /** The calibrated probability that the first hit is right, at the share it was fitted at; 0 without hits. */
  double confidence(List<Retriever.Hit> hits) {
    if (hits.isEmpty()) {
      return 0;
    }
    return LogisticRegression.sigmoid(dot(weights, featuresOf(hits)));
  }

  /**
   * The calibrated probability that the first hit is right in traffic where a share {@code uncoveredShare} of the
   * messages is about something the knowledge base does not cover: the confidence at {@link #share}, times the
   * probability that the message is covered at the new share over that at the old one (Bayes' rule with the
   * likelihood ratio {@link #logLikelihoodRatio}), at most 1. Without the uncovered-share model, {@link
   * #confidence(List)}.
   */
  double confidence(List<Retriever.Hit> hits, double uncoveredShare) {
    double p = confidence(hits);
    if (hits.isEmpty() || uncovered.length == 0 || uncoveredShare == share) {
      return p;
    }
    double ratio = Math.exp(Math.min(50, logLikelihoodRatio(hits)));
    return Math.min(1, p * covered(ratio, uncoveredShare) / covered(ratio, share));
  }

  private static double covered(double ratio, double share) {
    return (1 - share) / ((1 - share) + share * ratio);
  }

  /**
   * {@code log p(hits | uncovered) / p(hits | covered)}, estimated; NaN without hits or without the uncovered-share
   * model.
   */
  double logLikelihoodRatio(List<Retriever.Hit> hits) {
    if (hits.isEmpty() || uncovered.length == 0) {
      return Double.NaN;
    }
    return dot(uncovered, featuresOf(hits));
  }

  /** {@link #features} followed by, per language of {@link #locales}, whether the best hit is in it and its score if so. */
  double[] featuresOf(List<Retriever.Hit> hits) {
    return features(hits, locales);
  }

  static double[] features(List<Retriever.Hit> hits, List<String> locales) {
    var base = features(hits);
    if (locales.isEmpty()) {
      return base;
    }
    var x = Arrays.copyOf(base, BASE_FEATURES + 2 * locales.size());
    int l = locales.indexOf(hits.get(0).locale());
    if (l >= 0) {
      x[BASE_FEATURES + 2 * l] = 1;
      x[BASE_FEATURES + 2 * l + 1] = hits.get(0).score();
    }
    return x;
  }

  /**
   * The features, with a leading 1 for the intercept: the best score, its margin over the second best, the best
   * hit's cosine, lexical score and vote, the share of the message's words the knowledge base uses, and the best
   * hit's cosine to its article's mean embedding and that article's spread.
   */
  static double[] features(List<Retriever.Hit> hits) {
    var best = hits.get(0);
    double second = hits.size() > 1 ? hits.get(1).score() : 0;
    return new double[] {1, best.score(), best.score() - second, best.cosine(), best.lexical(), best.vote(),
        best.coverage(), best.centroid(), best.spread()};
  }

  /**
   * As {@link #fit(Retriever, double)}, keeping the result in {@code folder} (file {@code calibration-<key>.txt}) so
   * that a restart over the same knowledge base, retrieval weights and share skips the fit. The key is a SHA-256 of
   * everything the fit depends on; a missing or unreadable file means fitting again.
   *
   * @param folder null fits every time
   */
  static Calibration fit(Retriever retriever, double uncoveredShare, Path folder) {
    return cached(retriever, "calibration v4 " + NEAR_DUPLICATE + " " + uncoveredShare + " " + SAMPLES + " " + SEED + " " + L2, folder,
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
        var lines = Files.readString(file).trim().split("\n");
        var parts = lines[0].trim().split("\\s+");
        var w = new double[parts.length - 1];
        for (int i = 0; i < w.length; i++) {
          w[i] = Double.parseDouble(parts[i + 1]);
        }
        var head = lines[1].trim().split("\\s+");
        var locales = head.length > 1 ? List.of(head).subList(1, head.length) : List.<String>of();
        var u = lines[2].isBlank() ? new double[0]
            : Arrays.stream(lines[2].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        return new Calibration(w, Integer.parseInt(parts[0]), locales, u, Double.parseDouble(head[0]));
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
      text.append('\n').append(fitted.share());
      fitted.locales().forEach(l -> text.append(' ').append(l));
      text.append('\n');
      for (double v : fitted.uncovered) {
        text.append(v).append(' ');
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
    var held = new ArrayList<List<Retriever.Hit>>();
    var right = new ArrayList<Boolean>();
    var skip = new boolean[retriever.size()];
    for (int i : questions.subList(0, covered)) {
      Arrays.fill(skip, false);
      skip[i] = true;
      retriever.markNearDuplicates(i, NEAR_DUPLICATE, skip);
      var hits = retriever.search(retriever.text(i), retriever.vector(i), 2, skip);
      if (!hits.isEmpty()) {
        held.add(hits);
        right.add(hits.get(0).articleId().equals(retriever.articleId(i)));
      }
    }
    var out = leftOutArticles(retriever, questions.subList(0, covered), Math.max(uncovered, covered / 4));
    // no language of its own here: measured on the demo knowledge base, the few sample questions per article make
    // leave-one-out much harder in Polish and Slovene than real messages, and per-language terms cost coverage
    // there (docs/quality.md); they are fitted on labelled messages only
    List<String> locales = List.of();
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    for (int r = 0; r < held.size(); r++) {
      x.add(features(held.get(r), locales));
      y.add(right.get(r));
    }
    for (var hits : out.subList(0, Math.min(uncovered, out.size()))) {
      x.add(features(hits, locales));
      y.add(false);
    }
    if (y.stream().allMatch(b -> b) || y.stream().noneMatch(b -> b)) {
      return DEFAULT;
    }
    return new Calibration(logistic(x, y), x.size(), locales, uncoveredRatio(held, out, locales), uncoveredShare);
  }

  /**
   * The languages that get an intercept and slope of their own: those with at least {@value #MIN_LOCALE_QUESTIONS}
   * examples except the reference, sorted. The reference is English when it has that many (the embedding model's
   * language), else the language with the most (ties: the first by name).
   */
  static List<String> ownLocales(java.util.SortedMap<String, Integer> counts) {
    String reference = counts.getOrDefault("en", 0) >= MIN_LOCALE_QUESTIONS ? "en" : null;
    for (var e : counts.entrySet()) {
      if (reference == null || !reference.equals("en") && e.getValue() > counts.get(reference)) {
        reference = e.getKey();
      }
    }
    var own = new ArrayList<String>();
    for (var e : counts.entrySet()) {
      if (!e.getKey().equals(reference) && e.getValue() >= MIN_LOCALE_QUESTIONS) {
        own.add(e.getKey());
      }
    }
    return own;
  }

  /**
   * The weights of the log likelihood ratio of uncovered against covered: a logistic regression of the uncovered
   * examples against the covered ones, each kind weighing half; empty when either kind is missing.
   */
  private static double[] uncoveredRatio(List<List<Retriever.Hit>> covered, List<List<Retriever.Hit>> uncovered,
      List<String> locales) {
    if (covered.isEmpty() || uncovered.isEmpty()) {
      return new double[0];
    }
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    var w = new double[covered.size() + uncovered.size()];
    int r = 0;
    for (var hits : covered) {
      x.add(features(hits, locales));
      y.add(false);
      w[r++] = 0.5 * w.length / covered.size();
    }
    for (var hits : uncovered) {
      x.add(features(hits, locales));
      y.add(true);
      w[r++] = 0.5 * w.length / uncovered.size();
    }
    return logistic(x, y, w);
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
    var rows = new ArrayList<List<Retriever.Hit>>();
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
      rows.add(hits);
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
    var standIns = questions.isEmpty() || retriever.articleCount() < 2 ? List.<List<Retriever.Hit>>of()
        : leftOutArticles(retriever, questions, (int) Math.max(none, Math.round(answerable
            * Math.max(uncoveredShare, 0.2) / (1 - Math.max(uncoveredShare, 0.2)))));
    if (none == 0 && uncoveredShare > 0 && !standIns.isEmpty()) {
      int wanted = (int) Math.round(answerable * uncoveredShare / (1 - uncoveredShare));
      for (var hits : standIns.subList(0, Math.min(wanted, standIns.size()))) {
        rows.add(hits);
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
    var counts = new java.util.TreeMap<String, Integer>();
    var coveredRows = new ArrayList<List<Retriever.Hit>>();
    var noneRows = new ArrayList<List<Retriever.Hit>>();
    for (int r = 0; r < rows.size(); r++) {
      if (uncovered.get(r)) {
        noneRows.add(rows.get(r));
      } else if (r < answerable + none) {
        coveredRows.add(rows.get(r));
        counts.merge(rows.get(r).get(0).locale(), 1, Integer::sum);
      }
    }
    var locales = ownLocales(counts);
    var x = new ArrayList<double[]>();
    for (var hits : rows) {
      x.add(features(hits, locales));
    }
    var weights = new double[x.size()];
    double noneWeight = none == 0 ? 1 : uncoveredShare * answerable / ((1 - uncoveredShare) * none);
    for (int r = 0; r < weights.length; r++) {
      weights[r] = uncovered.get(r) ? noneWeight : 1;
    }
    var ratio = uncoveredRatio(coveredRows, none >= CalibrationCase.MIN_ANSWERABLE ? noneRows : standIns, locales);
    return new Calibration(logistic(x, y, weights), x.size(), locales, ratio, uncoveredShare);
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
  private static List<List<Retriever.Hit>> leftOutArticles(Retriever retriever, List<Integer> questions, int count) {
    var rows = new ArrayList<List<Retriever.Hit>>();
    var skip = new boolean[retriever.size()];
    for (int q = 0; q < count; q++) {
      int i = questions.get(q % questions.size());
      Arrays.fill(skip, false);
      retriever.markArticle(i, skip);
      var hits = retriever.search(retriever.text(i), retriever.vector(i), 2, skip);
      if (!hits.isEmpty()) {
        rows.add(hits);
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
    return o instanceof Calibration c && Arrays.equals(weights, c.weights) && questions == c.questions
        && locales.equals(c.locales) && Arrays.equals(uncovered, c.uncovered) && share == c.share;
  }

  @Override
  public double[] uncovered() {
    return uncovered.clone();
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weights) + questions;
  }

  @Override
  public String toString() {
    return "Calibration[" + (questions == 0 ? "default" : "fitted on " + questions + " held-out messages") + ", weights "
        + Arrays.toString(Arrays.stream(weights).map(v -> Math.round(v * 1000) / 1000.0).toArray())
        + (locales.isEmpty() ? "" : ", own intercept and slope for " + locales)
        + (uncovered.length == 0 ? "" : ", uncovered share movable from " + share) + "]";
  }
}
