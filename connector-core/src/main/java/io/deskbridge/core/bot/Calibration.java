package io.deskbridge.core.bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

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
 *       {@value BotConfig#DEFAULT_UNCOVERED} %), which teaches the confidence how an uncovered message looks and
 *       what it costs: the confidence is the probability of a right answer in traffic with that share.
 * </ul>
 *
 * At most {@value #SAMPLES} questions are drawn (seeded, so the fit is reproducible) to bound the start-up cost. A
 * knowledge base with fewer than {@value #MIN_QUESTIONS} sample questions, or where every held-out question is
 * right (or every one wrong), cannot be fitted; {@link #DEFAULT} is used then. Immutable and thread-safe.
 *
 * @param weights  the intercept followed by one weight per feature
 * @param questions how many held-out questions the fit used; 0 for the default
 */
record Calibration(double[] weights, int questions) {

  static final int SAMPLES = 800;
  static final double UNCOVERED_SHARE = BotConfig.DEFAULT_UNCOVERED / 100.0;
  static final int MIN_QUESTIONS = 20;
  private static final double L2 = 1e-3;
  private static final long SEED = 42;

  /**
   * The fallback for knowledge bases too small to fit on: the fit on the demo knowledge base (see the
   * {@code CalibrationTest} that checks it still agrees).
   */
  static final Calibration DEFAULT = new Calibration(new double[] {-3.4, 1.6, 4.9, -0.3, 0.2, 3.5, 0}, 0);

  Calibration {
    weights = weights.clone();
  }

  /** The calibrated probability that the first hit is right; 0 without hits. */
  double confidence(List<Retriever.Hit> hits) {
    if (hits.isEmpty()) {
      return 0;
    }
    return sigmoid(dot(weights, features(hits)));
  }

  /**
   * The features, with a leading 1 for the intercept: the best score, its margin over the second best, the best
   * hit's cosine, lexical score and vote, and the share of the message's words the knowledge base uses.
   */
  static double[] features(List<Retriever.Hit> hits) {
    var best = hits.get(0);
    double second = hits.size() > 1 ? hits.get(1).score() : 0;
    return new double[] {1, best.score(), best.score() - second, best.cosine(), best.lexical(), best.vote(),
        best.coverage()};
  }

  /**
   * As {@link #fit(Retriever, double)}, keeping the result in {@code folder} (file {@code calibration-<key>.txt}) so
   * that a restart over the same knowledge base, retrieval weights and share skips the fit. The key is a SHA-256 of
   * everything the fit depends on; a missing or unreadable file means fitting again.
   *
   * @param folder null fits every time
   */
  static Calibration fit(Retriever retriever, double uncoveredShare, java.nio.file.Path folder) {
    if (folder == null) {
      return fit(retriever, uncoveredShare);
    }
    var file = folder.resolve("calibration-" + retriever.fingerprint("calibration v1 " + uncoveredShare + " "
        + SAMPLES + " " + SEED + " " + L2) + ".txt");
    try {
      if (java.nio.file.Files.isRegularFile(file)) {
        var parts = java.nio.file.Files.readString(file).trim().split("\\s+");
        var w = new double[parts.length - 1];
        for (int i = 0; i < w.length; i++) {
          w[i] = Double.parseDouble(parts[i + 1]);
        }
        return new Calibration(w, Integer.parseInt(parts[0]));
      }
    } catch (java.io.IOException | RuntimeException e) {
      // fit again below
    }
    var fitted = fit(retriever, uncoveredShare);
    try {
      java.nio.file.Files.createDirectories(folder);
      var text = new StringBuilder().append(fitted.questions());
      for (double v : fitted.weights) {
        text.append(' ').append(v);
      }
      var tmp = java.nio.file.Files.createTempFile(folder, "calibration", ".tmp");
      java.nio.file.Files.writeString(tmp, text.append('\n'));
      java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the calibration cache " + file, e);
    }
    return fitted;
  }

  /** Fits on the retriever's own sample questions, or returns {@link #DEFAULT} when they are too few. */
  static Calibration fit(Retriever retriever) {
    return fit(retriever, UNCOVERED_SHARE);
  }

  /** As {@link #fit(Retriever)} with another share of uncovered questions (0 to below 1). */
  static Calibration fit(Retriever retriever, double uncoveredShare) {
    var questions = new ArrayList<Integer>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        questions.add(i);
      }
    }
    if (questions.size() < MIN_QUESTIONS || retriever.articleCount() < 2) {
      return DEFAULT;
    }
    var random = new Random(SEED);
    java.util.Collections.shuffle(questions, random);
    int covered = Math.min(SAMPLES, questions.size());
    int uncovered = (int) Math.round(covered * uncoveredShare / (1 - uncoveredShare));
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    var skip = new boolean[retriever.size()];
    for (int q = 0; q < covered + uncovered; q++) {
      int i = questions.get(q % covered);
      Arrays.fill(skip, false);
      boolean leaveArticle = q >= covered;
      if (leaveArticle) {
        retriever.markArticle(i, skip);
      } else {
        skip[i] = true;
      }
      var hits = retriever.search(retriever.text(i), retriever.vector(i), 2, skip);
      if (hits.isEmpty()) {
        continue;
      }
      x.add(features(hits));
      y.add(!leaveArticle && hits.get(0).articleId().equals(retriever.articleId(i)));
    }
    if (y.stream().allMatch(b -> b) || y.stream().noneMatch(b -> b)) {
      return DEFAULT;
    }
    return new Calibration(logistic(x, y), x.size());
  }

  /** L2-regularised logistic regression (intercept not penalised) by Newton's method. */
  static double[] logistic(List<double[]> x, List<Boolean> y) {
    int dims = x.get(0).length;
    var w = new double[dims];
    for (int iteration = 0; iteration < 50; iteration++) {
      var gradient = new double[dims];
      var hessian = new double[dims][dims];
      for (int r = 0; r < x.size(); r++) {
        var xi = x.get(r);
        double p = sigmoid(dot(w, xi));
        double err = p - (y.get(r) ? 1 : 0);
        double s = Math.max(p * (1 - p), 1e-9);
        for (int a = 0; a < dims; a++) {
          gradient[a] += err * xi[a];
          for (int b = 0; b < dims; b++) {
            hessian[a][b] += s * xi[a] * xi[b];
          }
        }
      }
      for (int a = 1; a < dims; a++) {
        gradient[a] += L2 * x.size() * w[a];
        hessian[a][a] += L2 * x.size();
      }
      var step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a < dims; a++) {
        w[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    return w;
  }

  /** Solves {@code a · s = b} by Gaussian elimination with partial pivoting ({@code a} is small and positive definite). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    var m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      var tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[col][col]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int c = col; c <= n; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    var s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    }
    return s;
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
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
    return "Calibration[" + (questions == 0 ? "default" : "fitted on " + questions + " held-out questions") + ", weights "
        + Arrays.toString(Arrays.stream(weights).map(v -> Math.round(v * 1000) / 1000.0).toArray()) + "]";
  }
}
