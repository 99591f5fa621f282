package io.deskbridge.core.escalation;

import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Newton's method with step halving: minimises {@code Σ logloss +
 * λ/2·‖w‖²}, the last weight (the bias) not penalised, and the logistic function that scores with the weights. The
 * bot's confidence calibration fits with it when a bot is built; the app's sarcasm trainer uses it too. Stateless and
 * thread-safe.
 */
public final class LogisticRegression {

  private static final int MAX_ITERATIONS = 50;
  private static final double CONVERGED = 1e-7;

  private LogisticRegression() {}

  /**
   * The weights, one per column of {@code z}.
   *
   * @param z      one row per example; its last column is the bias (usually 1)
   * @param y      each example's label, 0 or 1
   * @param lambda the L2 penalty, at least 0
   * @throws IllegalStateException when the problem is degenerate (the Hessian is not positive definite)
   */
  public static double[] fit(double[][] z, int[] y, double lambda) {
    var weights = new double[z.length];
    Arrays.fill(weights, 1);
    return fit(z, y, weights, lambda);
  }

  /**
   * As {@link #fit(double[][], int[], double)}, each example's log loss counted {@code weights[i]} times (for
   * instance to give a rare kind of example its share of the real population).
   *
   * @param weights one per example, each at least 0
   */
  public static double[] fit(double[][] z, int[] y, double[] weights, double lambda) {
    if (weights.length != z.length || y.length != z.length) {
      throw new IllegalArgumentException("one label and one weight per example: " + z.length + " examples, "
          + y.length + " labels, " + weights.length + " weights");
    }
    for (double v : weights) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("example weights must be at least 0, got " + v);
      }
    }
    int n = z.length;
    int d = z[0].length;
    var w = new double[d];
    double loss = objective(z, y, weights, w, lambda);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      var gradient = new double[d];
      var hessian = new double[d * d];
      for (int i = 0; i < n; i++) {
        var zi = z[i];
        double p = sigmoid(dot(w, zi));
        double residual = weights[i] * (p - y[i]);
        double s = weights[i] * p * (1 - p);
        for (int k = 0; k < d; k++) {
          gradient[k] += residual * zi[k];
          double sk = s * zi[k];
          if (sk != 0) {
            int row = k * d;
            for (int j = k; j < d; j++) {
              hessian[row + j] += sk * zi[j];
            }
          }
        }
      }
      for (int k = 0; k < d; k++) {
        for (int j = 0; j < k; j++) {
          hessian[k * d + j] = hessian[j * d + k];
        }
        if (k < d - 1) {
          gradient[k] += lambda * w[k];
          hessian[k * d + k] += lambda;
        } else {
          hessian[k * d + k] += 1e-9;
        }
      }
      var step = solve(hessian, gradient, d);
      double t = 1;
      double[] candidate;
      double candidateLoss;
      do {
        candidate = new double[d];
        for (int k = 0; k < d; k++) {
          candidate[k] = w[k] - t * step[k];
        }
        candidateLoss = objective(z, y, weights, candidate, lambda);
        t /= 2;
      } while (candidateLoss > loss + 1e-12 && t > 1e-6);
      double change = 0;
      for (int k = 0; k < d; k++) {
        change = Math.max(change, Math.abs(candidate[k] - w[k]));
      }
      w = candidate;
      loss = candidateLoss;
      if (change < CONVERGED) {
        break;
      }
    }
    return w;
  }

  private static double objective(double[][] z, int[] y, double[] weights, double[] w, double lambda) {
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      double m = dot(w, z[i]);
      // log(1 + e^m) - y·m, computed without overflow
      sum += weights[i] * ((m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - y[i] * m);
    }
    double penalty = 0;
    for (int k = 0; k < w.length - 1; k++) {
      penalty += w[k] * w[k];
    }
    return sum + lambda / 2 * penalty;
  }

  /** Solves the symmetric positive definite system {@code a·x = b} (row-major {@code d×d}) by Cholesky. */
  private static double[] solve(double[] a, double[] b, int d) {
    var l = Arrays.copyOf(a, a.length);
    for (int j = 0; j < d; j++) {
      double diagonal = l[j * d + j];
      for (int k = 0; k < j; k++) {
        diagonal -= l[j * d + k] * l[j * d + k];
      }
      if (!(diagonal > 0)) {
        throw new IllegalStateException("the Hessian is not positive definite at column " + j);
      }
      diagonal = Math.sqrt(diagonal);
      l[j * d + j] = diagonal;
      for (int i = j + 1; i < d; i++) {
        double v = l[i * d + j];
        for (int k = 0; k < j; k++) {
          v -= l[i * d + k] * l[j * d + k];
        }
        l[i * d + j] = v / diagonal;
      }
    }
    var x = Arrays.copyOf(b, d);
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < i; k++) {
        x[i] -= l[i * d + k] * x[k];
      }
      x[i] /= l[i * d + i];
    }
    for (int i = d - 1; i >= 0; i--) {
      for (int k = i + 1; k < d; k++) {
        x[i] -= l[k * d + i] * x[k];
      }
      x[i] /= l[i * d + i];
    }
    return x;
  }

  /** The logistic function. */
  public static double sigmoid(double m) {
    return 1 / (1 + Math.exp(-m));
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += a[k] * b[k];
    }
    return sum;
  }
}
