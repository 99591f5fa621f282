package io.deskbridge.core.escalation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A learned escalation signal in every language: one logistic regression per {@linkplain #CLASSES class} (anger,
 * a request for a person, sarcasm; one against the rest, "neutral" being none of them) over the hashed character
 * n-grams (3 to 5 characters, across word boundaries) and words of the {@linkplain Folding#fold folded} text, so that
 * "człowiek", "czlowiek" and "člověk" share features. It complements the rules ({@link AngerSignal}, {@link
 * HumanRequestSignal}, {@link SarcasmSignal#ruleScore}): the bot flags a request for a person, anger, and sarcasm
 * outside English when its rule holds or this model's class scores above the bot's own bar for it (the bot's
 * {@code Signals}; docs/quality.md, "Twenty-first round": all three classes were retrained then with training set 20,
 * lines written by helpers who never read the rules, and the bars chosen on held-out-16 and public questions).
 *
 * <p>The weights and each class's threshold come from a gzip'd text file ({@link #parse}), by default {@value
 * #BUNDLED} on the class path, which the app's {@code deskbridge train-signals} writes offline ({@link #features} and
 * {@link #format} are the contract it trains against); the file's header says what it was trained on and how. The
 * thresholds were chosen on a validation split so that few neutral support lines are flagged (docs/quality.md,
 * "Eighth round"). Nothing is downloaded. Scoring a message costs one pass over its characters and a few hundred
 * array reads per class.
 *
 * <p>Immutable and thread-safe; {@link #bundled()} is loaded once and shared.
 */
public final class SignalModel {

  /** The class-path resource holding the shipped model. */
  public static final String BUNDLED = "io/deskbridge/core/escalation/signal-model.txt.gz";

  /** The first line of every model file after its comments. */
  static final String FORMAT = "format deskbridge-signal-lr 1";

  /** The classes scored, in the order of {@link #scores}; the codes of their {@link HandoverReason}s. */
  public static final List<String> CLASSES = List.of("anger", "human_request", "sarcasm");

  /** The smallest and largest character n-gram. */
  static final int MIN_GRAM = 3;
  static final int MAX_GRAM = 5;

  private static volatile SignalModel bundled;

  private final int bits;
  private final double[] thresholds;
  private final double[] biases;
  private final float[][] weights;

  private SignalModel(int bits, double[] thresholds, double[] biases, float[][] weights) {
    this.bits = bits;
    this.thresholds = thresholds;
    this.biases = biases;
    this.weights = weights;
  }

  /**
   * The model shipped in {@value #BUNDLED}, read once.
   *
   * @throws IllegalStateException when the resource is missing or malformed (a broken build)
   */
  public static SignalModel bundled() {
    var model = bundled;
    if (model == null) {
      synchronized (SignalModel.class) {
        model = bundled;
        if (model == null) {
          try (InputStream in = SignalModel.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
              throw new IllegalStateException("the signal model " + BUNDLED + " is missing from the class path");
            }
            model = parse(gunzip(in.readAllBytes()));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
          }
          bundled = model;
        }
      }
    }
    return model;
  }

  /**
   * Reads a model file's text (as {@link #format} writes it): {@code #} comment lines, {@value #FORMAT}, {@code bits
   * B}, then per class in {@link #CLASSES} order a line {@code class NAME threshold T bias B} followed by a line of
   * 2^B weights.
   *
   * @throws IllegalArgumentException when the text is not such a file
   */
  public static SignalModel parse(String text) {
    var lines = new ArrayList<String>();
    for (var line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line.strip());
      }
    }
    if (lines.size() != 2 + 2 * CLASSES.size() || !lines.get(0).equals(FORMAT)) {
      throw new IllegalArgumentException("not a signal model: expected '" + FORMAT + "', a bits line and two lines "
          + "per class " + CLASSES);
    }
    var bitsLine = lines.get(1).split(" ");
    if (bitsLine.length != 2 || !bitsLine[0].equals("bits")) {
      throw new IllegalArgumentException("signal model: expected 'bits B', got '" + lines.get(1) + "'");
    }
    int bits = Integer.parseInt(bitsLine[1]);
    if (bits < 8 || bits > 24) {
      throw new IllegalArgumentException("signal model: bits must be in [8, 24], got " + bits);
    }
    var thresholds = new double[CLASSES.size()];
    var biases = new double[CLASSES.size()];
    var weights = new float[CLASSES.size()][];
    for (int c = 0; c < CLASSES.size(); c++) {
      var head = lines.get(2 + 2 * c).split(" ");
      if (head.length != 6 || !head[0].equals("class") || !head[1].equals(CLASSES.get(c))
          || !head[2].equals("threshold") || !head[4].equals("bias")) {
        throw new IllegalArgumentException("signal model: expected 'class " + CLASSES.get(c)
            + " threshold T bias B', got '" + lines.get(2 + 2 * c) + "'");
      }
      thresholds[c] = Double.parseDouble(head[3]);
      biases[c] = Double.parseDouble(head[5]);
      var values = lines.get(3 + 2 * c).split(" ");
      if (values.length != 1 << bits) {
        throw new IllegalArgumentException("signal model: class " + CLASSES.get(c) + " has " + values.length
            + " weights, expected " + (1 << bits));
      }
      weights[c] = new float[values.length];
      for (int i = 0; i < values.length; i++) {
        weights[c][i] = Float.parseFloat(values[i]);
      }
    }
    return new SignalModel(bits, thresholds, biases, weights);
  }

  /**
   * The model file's text: the comments, each prefixed with {@code #}, then the format line, {@code bits}, and per
   * class its threshold, bias and weights (printed with 4 significant digits, so the same weights give the same
   * bytes).
   */
  public static String format(List<String> comments, int bits, double[] thresholds, double[] biases,
      double[][] weights) {
    var sb = new StringBuilder();
    comments.forEach(c -> sb.append("# ").append(c).append('\n'));
    sb.append(FORMAT).append('\n').append("bits ").append(bits).append('\n');
    for (int c = 0; c < CLASSES.size(); c++) {
      sb.append("class ").append(CLASSES.get(c)).append(" threshold ").append(number(thresholds[c]))
          .append(" bias ").append(number(biases[c])).append('\n');
      for (int i = 0; i < weights[c].length; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(number(weights[c][i]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The text gzip'd as the bundled resource is stored (no file name, no time stamp: the same text, same bytes). */
  public static byte[] gzip(String text) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The text of gzip'd bytes. */
  public static String gunzip(byte[] bytes) {
    try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("not gzip'd text", e);
    }
  }

  private static String number(double value) {
    if (value == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.4g", value).replaceFirst("\\.?0+(e|$)", "$1");
  }

  /**
   * The text's features as the model reads them: the sorted distinct indices (in [0, 2^bits)) of its hashed
   * character n-grams and words, each of value {@code 1/√count} (unit length). The text is folded, apostrophes
   * dropped, every quotation mark made {@code "}, {@code ?} and {@code !} kept, any other run of non-letters one
   * space, and padded with a space at each end.
   */
  public static int[] features(String text, int bits) {
    var normalized = normalize(text);
    int mask = (1 << bits) - 1;
    var indices = new int[Math.max(16, normalized.length() * (MAX_GRAM - MIN_GRAM + 2))];
    int count = 0;
    for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (int start = 0; start + n <= normalized.length(); start++) {
        indices[count++] = mix(normalized.substring(start, start + n).hashCode() * 31 + n) & mask;
      }
    }
    for (var word : normalized.strip().split(" ")) {
      if (!word.isEmpty()) {
        indices[count++] = mix(("w:" + word).hashCode()) & mask;
      }
    }
    var sorted = Arrays.copyOf(indices, count);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** The value of each of {@link #features}' indices: unit length over the distinct features. */
  public static double featureValue(int[] features) {
    return features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
  }

  static String normalize(String text) {
    var folded = Folding.fold(text == null ? "" : text);
    var sb = new StringBuilder(folded.length() + 2).append(' ');
    boolean space = true;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
        space = false;
      } else if (c == '\'' || c == '’') {
        continue;
      } else if (c == '?' || c == '!' || "\"“”„«»‘‚".indexOf(c) >= 0) {
        sb.append(c == '?' || c == '!' ? c : '"');
        space = false;
      } else if (!space) {
        sb.append(' ');
        space = true;
      }
    }
    if (!space) {
      sb.append(' ');
    }
    return sb.toString();
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Each class's probability for the text, in {@link #CLASSES} order. */
  public double[] scores(String text) {
    var features = features(text, bits);
    double value = featureValue(features);
    var scores = new double[CLASSES.size()];
    for (int c = 0; c < scores.length; c++) {
      double sum = biases[c];
      var w = weights[c];
      for (int index : features) {
        sum += w[index] * value;
      }
      scores[c] = LogisticRegression.sigmoid(sum);
    }
    return scores;
  }

  /** Whether a score of {@link #scores} reaches its class's threshold. */
  public boolean holds(int classIndex, double score) {
    return score >= thresholds[classIndex];
  }

  /** The class's threshold, chosen when training. */
  public double threshold(int classIndex) {
    return thresholds[classIndex];
  }

  /** The index of a class code in {@link #CLASSES}. */
  public static int index(String code) {
    int i = CLASSES.indexOf(code);
    if (i < 0) {
      throw new IllegalArgumentException("no such class: " + code + "; one of " + CLASSES);
    }
    return i;
  }

  /** How many hash bits the model uses (2^bits weights per class). */
  public int bits() {
    return bits;
  }
}
