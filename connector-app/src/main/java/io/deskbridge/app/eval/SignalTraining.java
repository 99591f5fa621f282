package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.deskbridge.core.escalation.Folding;
import io.deskbridge.core.escalation.SignalModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * {@code train-signals}: trains the {@link SignalModel} (anger, requests for a person, sarcasm; one logistic
 * regression each, one against the rest) with liblinear's L2-regularised logistic regression (primal trust-region
 * Newton, deterministic) from labelled cases files, and writes the gzip'd model file.
 *
 * <p>A case ({@code id, text, language, expect, reason}) is a positive of its reason's class when the reason is
 * {@code anger}, {@code human_request} or {@code sarcasm}; neutral when it expects {@code no_handover}, {@code
 * answer} or {@code no_answer}; other handovers (complaints, cancellations, legal threats) are left out. Every text
 * falls in one of ten buckets by a CRC-32 of the seed and its folded text: bucket 0 is <em>test</em> (never trained
 * on, never used to choose; written out with {@code testOut} so that the public sets can be measured on it), buckets
 * 1 and 2 <em>validation</em> (choose each class's regularisation C and threshold), the rest <em>train</em>. The
 * {@code own} files (the project's hand-written cases) count {@code ownRepeat} times in training, so that a few
 * hundred support lines per language weigh against thousands of public sentences.
 *
 * <p>Per class and C, the threshold is the lowest score that flags at most {@code budget} of the validation's
 * <em>support</em> neutral lines (the own files' neutral lines and every {@code answer} case: customer questions);
 * the C kept is the one whose threshold recalls most of the own validation positives (then of the public ones).
 * The data is read where it lies; only derived weights are written. Stateless.
 */
public final class SignalTraining {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NEUTRAL = Set.of("no_handover", "answer", "no_answer");
  private static final double EPSILON = 0.01;
  /** No class flags below this probability, however few neutral lines reach it. */
  private static final double MIN_THRESHOLD = 0.1;

  private SignalTraining() {}

  /** One labelled text. {@code label}: index in {@link SignalModel#CLASSES}, or -1 for neutral. */
  record Example(String text, int label, boolean own, boolean support, int bucket) {}

  /** The split of a text: 0 test, 1–2 validation, 3–9 train. */
  static int bucket(long seed, String text) {
    var crc = new CRC32();
    crc.update((seed + ":" + Folding.fold(text).strip()).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 10);
  }

  /**
   * Reads, trains and writes the model; prints the choice of C and threshold per class to {@code out}.
   *
   * @param own       the project's own cases files
   * @param pub       public data sets' cases files (from {@code datasets …})
   * @param modelFile where to write the gzip'd model (parent folders are created)
   * @param testOut   when not null, a folder receiving each input's test bucket as {@code <name>-test.jsonl}
   * @param budget    share of the validation's support neutral lines each class may flag
   * @param only      the classes to train; empty trains every class
   * @param base      when classes are left out of {@code only}, the model file (gzip'd) whose threshold, bias and
   *                  weights they keep, unchanged; null when {@code only} is empty
   * @return the SHA-256 of the model file's bytes
   * @throws IllegalArgumentException when {@code only} names no class of {@link SignalModel#CLASSES}, or the base
   *     is missing, not a model file, or of other hash bits
   */
  public static String run(List<Path> own, List<Path> pub, Path modelFile, Path testOut, long seed, int ownRepeat,
      int bits, List<Double> strengths, double budget, Set<String> only, Path base, String command,
      List<String> comments, PrintStream out) {
    for (var name : only) {
      SignalModel.index(name);
    }
    var kept = only.isEmpty() ? null : Base.read(base, bits);
    var examples = new ArrayList<Example>();
    var inputs = new ArrayList<String>();
    for (var file : own) {
      inputs.add(read(file, true, seed, examples, testOut));
    }
    for (var file : pub) {
      inputs.add(read(file, false, seed, examples, testOut));
    }
    inputs.forEach(out::println);
    Linear.disableDebugOutput();
    int dims = 1 << bits;
    var train = examples.stream().filter(e -> e.bucket() >= 3).toList();
    var validation = examples.stream().filter(e -> e.bucket() == 1 || e.bucket() == 2).toList();
    var trainX = new ArrayList<Feature[]>();
    var trainLabels = new ArrayList<Integer>();
    for (var e : train) {
      var x = vector(e.text(), bits);
      for (int r = 0; r < (e.own() ? ownRepeat : 1); r++) {
        trainX.add(x);
        trainLabels.add(e.label());
      }
    }
    var validationX = validation.stream().map(e -> vector(e.text(), bits)).toList();
    out.printf(Locale.ROOT, "examples: %d (train %d, %d rows with own x%d; validation %d; test %d)%n",
        examples.size(), train.size(), trainX.size(), ownRepeat, validation.size(),
        examples.stream().filter(e -> e.bucket() == 0).count());

    int classes = SignalModel.CLASSES.size();
    var thresholds = new double[classes];
    var biases = new double[classes];
    var weights = new double[classes][];
    var report = new ArrayList<String>();
    for (int c = 0; c < classes; c++) {
      if (kept != null && !only.contains(SignalModel.CLASSES.get(c))) {
        thresholds[c] = kept.thresholds()[c];
        biases[c] = kept.biases()[c];
        weights[c] = kept.weights()[c];
        report.add(SignalModel.CLASSES.get(c) + ": kept from the base model (sha256 " + kept.sha256() + ")");
        continue;
      }
      Choice best = null;
      for (double strength : strengths) {
        var choice = fit(c, strength, trainX, trainLabels, validation, validationX, dims, budget);
        out.printf(Locale.ROOT, "  %-13s C=%-5s threshold %.3f: validation recall own %.3f public %.3f, "
                + "support neutral flagged %.4f%n", SignalModel.CLASSES.get(c), plain(strength), choice.threshold,
            choice.ownRecall, choice.publicRecall, choice.falseAlarms);
        if (best == null || choice.ownRecall > best.ownRecall + 1e-9
            || Math.abs(choice.ownRecall - best.ownRecall) <= 1e-9 && choice.publicRecall > best.publicRecall) {
          best = choice;
        }
      }
      thresholds[c] = best.threshold;
      biases[c] = best.bias;
      weights[c] = best.weights;
      report.add(String.format(Locale.ROOT, "%s: C %s, threshold %.3f (validation recall own %.3f, public %.3f; "
              + "support neutral flagged %.4f)", SignalModel.CLASSES.get(c), plain(best.strength), best.threshold,
          best.ownRecall, best.publicRecall, best.falseAlarms));
    }
    var header = new ArrayList<String>();
    header.add("Deskbridge learned escalation signal (io.deskbridge.core.escalation.SignalModel): one L2 logistic "
        + "regression per class over hashed character 3-5-grams and words of the folded text; liblinear "
        + "(de.bwaldvogel:liblinear, L2R_LR).");
    header.add("Made by: " + command);
    inputs.forEach(i -> header.add("Input: " + i));
    header.addAll(comments);
    report.forEach(r -> header.add((r.contains("kept from the base") ? "" : "Chosen on the validation split: ") + r));
    if (kept != null) {
      kept.comments().forEach(c -> header.add("Base: " + c));
    }
    var text = SignalModel.format(header, bits, thresholds, biases, weights);
    var bytes = SignalModel.gzip(text);
    try {
      if (modelFile.toAbsolutePath().getParent() != null) {
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
      }
      Files.write(modelFile, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + modelFile, e);
    }
    var sha = sha256(bytes);
    report.forEach(r -> out.println("chosen " + r));
    out.printf(Locale.ROOT, "wrote %s (%d bytes, sha256 %s)%n", modelFile, bytes.length, sha);
    return sha;
  }

  /** A model file's classes as written, for the classes a partial training keeps. */
  private record Base(double[] thresholds, double[] biases, double[][] weights, List<String> comments, String sha256) {

    static Base read(Path file, int bits) {
      if (file == null) {
        throw new IllegalArgumentException("--base: training only some classes keeps the others from a model file; "
            + "give it (e.g. the shipped " + SignalModel.BUNDLED + ")");
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("--base: cannot read " + file + ": " + e.getMessage());
      }
      var text = SignalModel.gunzip(bytes);
      var model = SignalModel.parse(text); // validates the shape
      if (model.bits() != bits) {
        throw new IllegalArgumentException("--base: " + file + " uses " + model.bits() + " hash bits, not " + bits
            + "; train with --bits " + model.bits());
      }
      int classes = SignalModel.CLASSES.size();
      var thresholds = new double[classes];
      var biases = new double[classes];
      var weights = new double[classes][];
      var comments = new ArrayList<String>();
      var lines = text.split("\n");
      for (int i = 0; i < lines.length; i++) {
        var line = lines[i].strip();
        if (line.startsWith("# ")) {
          comments.add(line.substring(2));
        } else if (line.startsWith("class ")) {
          var head = line.split(" ");
          int c = SignalModel.index(head[1]);
          thresholds[c] = Double.parseDouble(head[3]);
          biases[c] = Double.parseDouble(head[5]);
          var values = lines[++i].strip().split(" ");
          weights[c] = new double[values.length];
          for (int k = 0; k < values.length; k++) {
            weights[c][k] = Double.parseDouble(values[k]);
          }
        }
      }
      return new Base(thresholds, biases, weights, comments, SignalTraining.sha256(bytes));
    }
  }

  private record Choice(double strength, double threshold, double bias, double[] weights, double ownRecall,
      double publicRecall, double falseAlarms) {}

  private static Choice fit(int c, double strength, List<Feature[]> x, List<Integer> labels, List<Example> validation,
      List<Feature[]> validationX, int dims, double budget) {
    var problem = new Problem();
    problem.l = x.size();
    problem.n = dims + 1;
    problem.bias = 1;
    problem.x = new Feature[x.size()][];
    problem.y = new double[x.size()];
    // liblinear's first label seen is the positive side of the decision value: start with a positive example
    int first = labels.indexOf(c);
    if (first < 0) {
      throw new IllegalArgumentException("no training example of class " + SignalModel.CLASSES.get(c));
    }
    var order = new ArrayList<Integer>();
    order.add(first);
    for (int i = 0; i < x.size(); i++) {
      if (i != first) {
        order.add(i);
      }
    }
    for (int i = 0; i < order.size(); i++) {
      problem.x[i] = withBias(x.get(order.get(i)), dims);
      problem.y[i] = labels.get(order.get(i)) == c ? 1 : 0;
    }
    Linear.resetRandom();
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, strength, EPSILON));
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    var raw = model.getFeatureWeights();
    var weights = new double[dims];
    for (int i = 0; i < dims; i++) {
      weights[i] = sign * raw[i];
    }
    double bias = sign * raw[dims];
    // scores as the shipped model computes them (weights rounded to 4 significant digits there; close enough here)
    var scores = new double[validation.size()];
    for (int i = 0; i < scores.length; i++) {
      double sum = bias;
      for (var f : validationX.get(i)) {
        sum += weights[f.getIndex() - 1] * f.getValue();
      }
      scores[i] = 1 / (1 + Math.exp(-sum));
    }
    var neutral = new ArrayList<Double>();
    for (int i = 0; i < scores.length; i++) {
      if (validation.get(i).label() < 0 && validation.get(i).support()) {
        neutral.add(scores[i]);
      }
    }
    neutral.sort(null);
    int allowed = (int) Math.floor(budget * neutral.size());
    // the lowest threshold above all but `allowed` of the neutral scores
    double threshold = neutral.isEmpty() ? 0.5
        : Math.max(MIN_THRESHOLD, Math.nextUp(neutral.get(neutral.size() - 1 - allowed)));
    threshold = Math.min(threshold, 0.999);
    threshold = Math.ceil(threshold * 1000) / 1000;
    int ownHit = 0;
    int ownAll = 0;
    int pubHit = 0;
    int pubAll = 0;
    int flagged = 0;
    for (int i = 0; i < scores.length; i++) {
      var e = validation.get(i);
      if (e.label() == c) {
        if (e.own()) {
          ownAll++;
          ownHit += scores[i] >= threshold ? 1 : 0;
        } else {
          pubAll++;
          pubHit += scores[i] >= threshold ? 1 : 0;
        }
      } else if (e.label() < 0 && e.support() && scores[i] >= threshold) {
        flagged++;
      }
    }
    return new Choice(strength, threshold, bias, weights, ratio(ownHit, ownAll), ratio(pubHit, pubAll),
        ratio(flagged, neutral.size()));
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static Feature[] vector(String text, int bits) {
    var indices = SignalModel.features(text, bits);
    double value = SignalModel.featureValue(indices);
    var features = new Feature[indices.length];
    for (int i = 0; i < indices.length; i++) {
      features[i] = new FeatureNode(indices[i] + 1, value);
    }
    return features;
  }

  private static Feature[] withBias(Feature[] x, int dims) {
    var withBias = Arrays.copyOf(x, x.length + 1);
    withBias[x.length] = new FeatureNode(dims + 1, 1);
    return withBias;
  }

  private static String read(Path file, boolean own, long seed, List<Example> examples, Path testOut) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    var counts = new int[SignalModel.CLASSES.size() + 1];
    var test = new ArrayList<String>();
    int lineNumber = 0;
    for (var line : lines) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ":" + lineNumber + ": not a JSON object: " + e.getMessage());
      }
      var text = node.path("text").asText("");
      var expect = node.path("expect").asText("");
      var reason = node.path("reason").asText("");
      if (text.isBlank()) {
        continue;
      }
      int label;
      if (SignalModel.CLASSES.contains(reason)) {
        label = SignalModel.index(reason);
      } else if (NEUTRAL.contains(expect)) {
        label = -1;
      } else {
        continue;
      }
      int bucket = bucket(seed, text);
      examples.add(new Example(text, label, own, own || expect.equals("answer"), bucket));
      counts[label + 1]++;
      if (bucket == 0) {
        test.add(line);
      }
    }
    var name = name(file);
    if (testOut != null) {
      try {
        Files.createDirectories(testOut);
        Files.write(testOut.resolve(name + "-test.jsonl"), test, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to " + testOut, e);
      }
    }
    return String.format(Locale.ROOT, "%s %s: %d neutral, %d anger, %d human_request, %d sarcasm%s", own ? "own"
        : "public", name, counts[0], counts[1], counts[2], counts[3], own ? "" : "");
  }

  /** A file's name for reports: its stem, or its folder's name for a {@code cases.jsonl}. */
  static String name(Path file) {
    var fileName = file.getFileName().toString();
    if (fileName.equals("cases.jsonl") && file.toAbsolutePath().getParent() != null) {
      return file.toAbsolutePath().getParent().getFileName().toString();
    }
    return fileName.replaceFirst("\\.jsonl$", "");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
