package io.deskbridge.core.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sarcasm: in every language, the {@linkplain #supportSarcasm common support forms} by rule ("thanks for nothing",
 * "díky za nic", "Great, another delay", praise in quotes), which score 1; in English, beyond them, a logistic
 * regression over the message's sentence embedding (the bot's own
 * all-MiniLM-L6-v2-q model, 384 dimensions, scaled to unit length) and a few lexical cues ("yeah right", "love how",
 * "thanks for nothing", "#not", 🙃, scare quotes, a stretched "sureeee", a positive word next to a bad situation;
 * see {@link #CUES}). The score is the model's probability that the author meant the message sarcastically;
 * {@link #isSarcastic} compares it with the model's threshold.
 *
 * <p>A {@linkplain #isPlainRequest plain request} scores 0: a message that opens by asking for something ("can you
 * freeze my account", "where is my order", "please set an alarm", "I need my invoice") and carries no explicit cue of
 * sarcasm (a dismissive phrase, mock praise, "love how", "#not", an eye-roll emoji). Sarcastic requests ("could you
 * lose my parcel again? great job") keep their score through the cue. So does {@linkplain #isPlainThanks plain
 * thanks}: a short message that thanks or praises and names nothing bad ("cheers for the fast response").
 *
 * <p>The weights and the threshold come from a text file ({@link #parse}), by default {@value #BUNDLED} on the class
 * path, which the app's {@code deskbridge train-sarcasm} writes offline ({@link #features} and {@link #format} are
 * the contract it trains against); the file's header says how it was made. Nothing is downloaded and nothing leaves
 * the process. The shipped model was trained on English social-media posts: callers should apply it to English text
 * only. How it was trained and how well it does: docs/quality.md, "iSarcasmEval".
 *
 * <p>Immutable and thread-safe; {@link #bundled()} is loaded once and shared.
 */
public final class SarcasmSignal {

  /** The class-path resource holding the shipped model. */
  public static final String BUNDLED = "io/deskbridge/core/escalation/sarcasm-model.txt";

  /** The first line of every model file after its comments. */
  static final String FORMAT = "format deskbridge-sarcasm-lr 1";

  /** The lexical cues, in the order of their weights in the model file; each is 0 or 1 unless noted. */
  static final List<String> CUES = List.of(
      "dismissive",      // "yeah right", "as if", "thanks for nothing", "what a surprise", "said no one"
      "mock_praise",     // "oh great", "great job", "just what I needed", "thanks a lot", "bravo"
      "love_how",        // "love how", "love it when", "gotta love", "nothing like", "can't wait"
      "intensifier",     // "totally", "clearly", "obviously", "of course", "apparently"
      "marker",          // "#not", "#sarcasm", "/s"
      "eyeroll_emoji",   // 🙃 🙄 😒 😑 😏 🤡 🤔 🤷
      "laugh_emoji",     // 😂 🤣 😭 😅 💀
      "positive_emoji",  // 🥰 😍 🙌 👏 ❤ ✨ 🎉 👍
      "scare_quotes",    // a quoted span of one to three words: "help"
      "elongation",      // a letter three times in a row: "sureeee"
      "ellipsis",        // "..." or "…"
      "exclamation",     // "!"
      "question",        // "?"
      "shouting",        // a word of three or more capital letters
      "contrast",        // a positive word and a bad situation: "love" + "Monday", "great" + "waiting"
      "length");         // min(1, words / 50)

  private static final Pattern DISMISSIVE = Folding.phrases(List.of(
      "yeah right", "yea right", "ya right", "sure sure", "sure jan", "as if",
      "said no one", "said nobody", "said no one ever", "thanks for nothing", "what a surprise", "big surprise",
      "shocker", "who knew", "who would have thought", "who would've thought", "i wonder why", "how convenient",
      "makes total sense", "makes perfect sense", "because that makes sense", "what could go wrong",
      "what could possibly go wrong", "good luck with that", "how hard is it", "how hard can it be",
      "is it too much to ask", "would it kill you", "how difficult is it", "who would have guessed"));

  private static final Pattern MOCK_PRAISE = Folding.phrases(List.of(
      "oh great", "oh good", "oh joy", "oh wonderful", "oh wow", "oh sure", "oh yeah", "oh how", "great job",
      "good job", "nice job", "well done", "way to go", "bravo", "slow clap", "thanks a lot",
      "thanks so much", "thank you so much", "just what i needed", "just what i wanted", "exactly what i needed",
      "how nice", "how lovely", "how wonderful", "what a great", "what a wonderful", "just great", "just perfect",
      "just wonderful", "just fantastic", "just brilliant"));

  private static final Pattern LOVE_HOW = Folding.phrases(List.of(
      "love how", "love that", "love it when", "love when", "loving how", "love being", "love getting",
      "gotta love", "got to love", "have to love", "you gotta love", "nothing like", "nothing says",
      "nothing better than", "my favorite", "my favourite", "best day ever", "best thing ever", "can't wait",
      "cant wait", "can not wait", "so excited", "so much fun", "so glad", "so happy", "so fun", "what fun"));

  private static final Pattern INTENSIFIER = Folding.phrases(List.of(
      "totally", "clearly", "obviously", "of course", "definitely", "apparently", "surely", "literally",
      "absolutely", "truly", "sooo*", "soooo*"));

  /**
   * The opening of a request, on folded text with straight apostrophes: optional greetings, then a question word
   * (not "why", and not an exclamation like "what a day"), an auxiliary with a person ("can you", "is it"), a
   * first-person need ("I need", "I'd like", "I can't"), "please", or an imperative of a common service verb.
   */
  private static final Pattern REQUEST = Pattern.compile("^\\W*"
      + "(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|excuse me|sorry|ok|okay|so|um|uh|yes|no|thanks"
      + "|thank you)\\b[\\s,!.:-]*)*"
      + "(?:(?:how|what(?!\\s+an?\\s)|what's|whats|where|when|which|who|whose)\\b"
      + "|(?:can|could|would|will|do|does|did|is|are|may|should|shall|have|has)\\s+(?:i|you|u|ya|we|my|it|there"
      + "|someone|somebody|anyone|anybody|one|this|that|the|your|ur)\\b"
      + "|need|want|wanna|looking for|trying to"
      + "|(?:i|i'm|im|i am|we|we're)\\s*(?:need|want|wanna|would like|'d like|d like|would love to|'d love to"
      + "|am hoping|'m hoping|m hoping|hope you can|have to|must|am trying to|'m trying to|m trying to|trying to"
      + "|cannot|can't|cant|can not|couldn't|could not|don't know how|dont know how|do not know how"
      + "|am looking for|'m looking for|m looking for|looking for|have a (?:question|problem|issue)"
      + "|have (?:problems|issues|trouble))\\b"
      + "|(?:please|pls|plz|kindly|is it possible|any way to|how to|where to|set|tell|show|send|give|get|check|find"
      + "|track|cancel|change|update|reset|download|open|create|delete|remove|add|make|put|book|call|text|email"
      + "|e-mail|play|turn|start|stop|freeze|transfer|pay|order|buy|return|exchange|switch|list|explain|help"
      + "|remind|read|search|flip|roll|share|lock|unlock|report|lodge|file|submit|contact|connect|schedule"
      + "|reserve|translate|convert|define|spell|calculate)\\b)");

  private static final Pattern MARKER = Pattern.compile("(?i)#(?:not|sarcasm|sarcastic|irony|ironic)\\b|(?<!\\S)/s\\b");

  private static final Set<Integer> EYEROLL = codePoints("🙃🙄😒😑😏🤡🤔🤷😐😬");
  private static final Set<Integer> LAUGH = codePoints("😂🤣😭😅😆💀");
  private static final Set<Integer> POSITIVE = codePoints("🥰😍🙌👏❤✨🎉👍😊🥳😁💕💖");

  private static final Pattern SCARE_QUOTES = Pattern.compile("[\"“‘]\\s?([\\p{L}\\p{N}' -]{1,30}?)\\s?[\"“”’]");
  private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1\\1");
  private static final Pattern SHOUTING = Pattern.compile("(?<![\\p{L}])\\p{Lu}{3,}(?![\\p{L}])");

  private static final Set<String> POSITIVE_WORDS = Set.of("love", "loved", "loving", "loves", "great", "amazing",
      "wonderful", "fantastic", "perfect", "awesome", "best", "thanks", "thank", "glad", "happy", "fun", "nice",
      "brilliant", "excellent", "favorite", "favourite", "enjoy", "enjoying", "excited", "lovely", "yay", "blessed",
      "lucky", "cool", "fabulous");
  private static final Set<String> BAD_SITUATION_WORDS = Set.of("hate", "worst", "broken", "late", "delayed",
      "waiting", "waited", "stuck", "sick", "tired", "failed", "failing", "hours", "monday", "mondays", "traffic",
      "queue", "nobody", "rain", "raining", "homework", "exam", "exams", "ignored", "crashed", "bills", "taxes",
      "dead", "died", "covid", "lockdown", "hold", "alone", "headache", "boring", "bored", "stress", "stressed",
      "pain");

  private static volatile SarcasmSignal bundled;

  private final double threshold;
  private final double bias;
  private final double[] cueWeights;
  private final double[] embeddingWeights;

  private SarcasmSignal(double threshold, double bias, double[] cueWeights, double[] embeddingWeights) {
    this.threshold = threshold;
    this.bias = bias;
    this.cueWeights = cueWeights;
    this.embeddingWeights = embeddingWeights;
  }

  /**
   * The shipped model ({@value #BUNDLED}), read on first use and shared.
   *
   * @throws IllegalStateException when the resource is missing or not a valid model (a build defect)
   */
  public static SarcasmSignal bundled() {
    var model = bundled;
    if (model == null) {
      synchronized (SarcasmSignal.class) {
        model = bundled;
        if (model == null) {
          try (InputStream in = SarcasmSignal.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
              throw new IllegalStateException("missing class-path resource " + BUNDLED);
            }
            model = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(BUNDLED + ": " + e.getMessage(), e);
          }
          bundled = model;
        }
      }
    }
    return model;
  }

  /**
   * A model from the text of a model file: comment lines start with {@code #}; then {@value #FORMAT},
   * {@code dims N}, {@code threshold T}, {@code bias B}, one {@code cue NAME WEIGHT} line per {@linkplain #CUES cue}
   * in that order, and {@code embedding W1 … WN}.
   *
   * @throws IllegalArgumentException naming the line when the text is not such a model
   */
  public static SarcasmSignal parse(String text) {
    var lines = new ArrayList<String[]>();
    var numbers = new ArrayList<Integer>();
    var all = text.split("\\R");
    for (int i = 0; i < all.length; i++) {
      var line = all[i].strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        lines.add(line.split("\\s+"));
        numbers.add(i + 1);
      }
    }
    var reader = new Object() {
      int next;

      String[] line(String key, int values) {
        if (next >= lines.size()) {
          throw new IllegalArgumentException("sarcasm model ends before its '" + key + "' line");
        }
        var fields = lines.get(next);
        int number = numbers.get(next++);
        if (!fields[0].equals(key) || (values >= 0 && fields.length != values + 1)) {
          throw new IllegalArgumentException("sarcasm model line " + number + ": expected '" + key + "'"
              + (values >= 0 ? " with " + values + " value(s)" : "") + ", found '" + String.join(" ", fields) + "'");
        }
        return fields;
      }

      double number(String[] fields, int index) {
        try {
          double value = Double.parseDouble(fields[index]);
          if (Double.isFinite(value)) {
            return value;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new IllegalArgumentException("sarcasm model line " + numbers.get(next - 1) + ": '" + fields[index]
            + "' is not a finite number");
      }
    };
    var format = reader.line("format", 2);
    if (!String.join(" ", format).equals(FORMAT)) {
      throw new IllegalArgumentException("sarcasm model: unknown format '" + String.join(" ", format)
          + "', expected '" + FORMAT + "'");
    }
    double dims = reader.number(reader.line("dims", 1), 1);
    if (dims < 1 || dims != Math.rint(dims)) {
      throw new IllegalArgumentException("sarcasm model: dims must be a positive whole number, got " + dims);
    }
    double threshold = reader.number(reader.line("threshold", 1), 1);
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("sarcasm model: threshold must be in (0, 1), got " + threshold);
    }
    double bias = reader.number(reader.line("bias", 1), 1);
    var cues = new double[CUES.size()];
    for (int c = 0; c < cues.length; c++) {
      var fields = reader.line("cue", 2);
      if (!fields[1].equals(CUES.get(c))) {
        throw new IllegalArgumentException("sarcasm model line " + numbers.get(reader.next - 1) + ": expected cue '"
            + CUES.get(c) + "', found '" + fields[1] + "' (the model was trained with other cues: train it again)");
      }
      cues[c] = reader.number(fields, 2);
    }
    var fields = reader.line("embedding", (int) dims);
    var embedding = new double[(int) dims];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = reader.number(fields, i + 1);
    }
    if (reader.next < lines.size()) {
      throw new IllegalArgumentException("sarcasm model line " + numbers.get(reader.next) + ": unexpected '"
          + String.join(" ", lines.get(reader.next)) + "' after the embedding weights");
    }
    return new SarcasmSignal(threshold, bias, cues, embedding);
  }

  /**
   * The probability in [0, 1] that the text is sarcastic: 1 for the {@linkplain #supportSarcasm common support
   * forms}, 0 for blank text and for a plain request, else the model's probability.
   *
   * @param normalizedEmbedding the text's embedding by the bot's model, scaled to unit length (see
   *                            {@link #unitLength}); not modified
   * @throws IllegalArgumentException when the embedding's length is not the model's {@link #dimensions()}
   */
  public double score(String text, float[] normalizedEmbedding) {
    if (normalizedEmbedding.length != embeddingWeights.length) {
      throw new IllegalArgumentException("sarcasm model expects an embedding of " + embeddingWeights.length
          + " dimensions, got " + normalizedEmbedding.length);
    }
    if (text.isBlank()) {
      return 0;
    }
    if (supportSarcasm(text)) {
      return 1;
    }
    return isPlainRequest(text) || isPlainThanks(text) ? 0 : probability(text, normalizedEmbedding);
  }

  /**
   * The score without the model, for text in a language the model was not trained on: 1 when {@link
   * #supportSarcasm} holds, else 0.
   */
  public static double ruleScore(String text) {
    return supportSarcasm(text) ? 1 : 0;
  }

  /**
   * True when the message opens by asking for something and carries no explicit cue of sarcasm (see the class
   * comment); such a message {@linkplain #score scores} 0.
   */
  public static boolean isPlainRequest(String text) {
    var folded = Folding.fold(text).replace('’', '\'').strip();
    if (!REQUEST.matcher(folded).find()) {
      return false;
    }
    return noExplicitCue(text, folded) && found(MOCK_PRAISE, folded) == 0;
  }

  /** No dismissive phrase, "love how", "#not" or eye-roll emoji: the cues that keep a plain message's score. */
  private static boolean noExplicitCue(String text, String folded) {
    return found(DISMISSIVE, folded) == 0 && found(LOVE_HOW, folded) == 0 && found(MARKER, text) == 0
        && any(text, EYEROLL) == 0;
  }

  /**
   * True for plain thanks or praise (at most twelve words, no bad situation, no quotes; "cheers for the fast
   * response") without an explicit cue of sarcasm (a dismissive phrase, "love how", "#not", an eye-roll emoji); such a
   * message {@linkplain #score scores} 0.
   */
  public static boolean isPlainThanks(String text) {
    return SupportSarcasm.sincere(text) && noExplicitCue(text, Folding.fold(text));
  }

  /**
   * Whether the text is one of the common forms of sarcasm in support messages, in English, Czech, Polish, Slovak or
   * Slovene, without the model (see the class comment): a {@linkplain #SUPPORT_PHRASES set phrase} ("thanks for
   * nothing", "díky za nic", "just what I needed", "nothing better to do", "what a surprise"), praise of the service
   * in quotes ("your "support"", "„szybka dostawa”"), or a message that opens with praise ("Great,", "Wow,",
   * "Skvělé,", "Świetnie,", "Super,") or gives it ("bravo", "well done", "gratuluji") and speaks of a bad situation
   * (another delay, again, twice, the wrong size, weeks or months of waiting, not a single answer, something that
   * stopped working, "can't even", money sent to a cancelled card) without asking a question; praise opens with
   * "love how" too ("Miluju, jak …"), or is praise of the service in an opening clause of up to six words ("Skvelá
   * starostlivosť o zákazníkov, …"). Also, without a question: something useless praised in hyperbole ("Thanks for
   * the automated reply, extremely helpful"), and mock consent to wait weeks more ("Sure, I'll just wait another
   * three weeks, no problem"). A quoted word beside a product noun ("the „Premium Care“ warranty") is a name, not
   * praise. The twelfth round's {@link SarcasmFamilies} add thanks for nothing with a word between ("díky za vůbec
   * nic"), kindness "finally" shown ("how kind of you to finally …"), love of waiting, "you call this help?", mock
   * consent to wait weeks more, praise of speed beside many days, and a doubted word in quotes beside something bad
   * ("the "new" phone came scratched"); "just what I needed" said with thanks and nothing bad is sincere. The
   * twenty-fourth round's {@link MockPraise} adds mock kindness and ironic verdicts beside a bad situation ("how nice",
   * "money well spent"), "at least you're consistent", thanks "without fixing anything" and a quoted thing held at
   * arm's length ("thanks for the 'gift'"); a quoted bill item and fast delivery "within 12 hours" are sincere.
   */
  public static boolean supportSarcasm(String text) {
    return SupportSarcasm.matches(text);
  }


  /** The model's probability without the request rule. */
  private double probability(String text, float[] normalizedEmbedding) {
    double z = bias;
    var cues = cues(text);
    for (int c = 0; c < cues.length; c++) {
      z += cueWeights[c] * cues[c];
    }
    for (int i = 0; i < normalizedEmbedding.length; i++) {
      z += embeddingWeights[i] * normalizedEmbedding[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** True when the score is at or above the model's {@link #threshold()}. */
  public boolean isSarcastic(double score) {
    return score >= threshold;
  }

  /** The decision threshold chosen by cross-validation when the model was trained, in (0, 1). */
  public double threshold() {
    return threshold;
  }

  /** The embedding length the model expects. */
  public int dimensions() {
    return embeddingWeights.length;
  }

  /** A copy of the vector scaled to unit length (all zeros stays all zeros). */
  public static float[] unitLength(float[] vector) {
    double norm = 0;
    for (float x : vector) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    var out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
    }
    return out;
  }

  /** The values of the {@linkplain #CUES lexical cues} for the text, in that order. */
  static double[] cues(String text) {
    var folded = Folding.fold(text);
    var words = Folding.words(text);
    var cues = new double[CUES.size()];
    int c = 0;
    cues[c++] = found(DISMISSIVE, folded);
    cues[c++] = found(MOCK_PRAISE, folded);
    cues[c++] = found(LOVE_HOW, folded);
    cues[c++] = found(INTENSIFIER, folded);
    cues[c++] = found(MARKER, text);
    cues[c++] = any(text, EYEROLL);
    cues[c++] = any(text, LAUGH);
    cues[c++] = any(text, POSITIVE);
    cues[c++] = scareQuotes(text);
    cues[c++] = found(ELONGATION, folded);
    cues[c++] = text.contains("...") || text.contains("…") ? 1 : 0;
    cues[c++] = text.indexOf('!') >= 0 ? 1 : 0;
    cues[c++] = text.indexOf('?') >= 0 ? 1 : 0;
    cues[c++] = found(SHOUTING, text);
    cues[c++] = words.stream().anyMatch(POSITIVE_WORDS::contains)
        && words.stream().anyMatch(BAD_SITUATION_WORDS::contains) ? 1 : 0;
    cues[c++] = Math.min(1, words.size() / 50.0);
    return cues;
  }

  /**
   * The full feature vector as the model sees it: the {@linkplain #CUES cues}, then the embedding; a trainer fits one
   * weight per entry, in this order.
   */
  public static double[] features(String text, float[] normalizedEmbedding) {
    var cues = cues(text);
    var x = new double[cues.length + normalizedEmbedding.length];
    System.arraycopy(cues, 0, x, 0, cues.length);
    for (int i = 0; i < normalizedEmbedding.length; i++) {
      x[cues.length + i] = normalizedEmbedding[i];
    }
    return x;
  }

  /**
   * The model file's text for these weights (cue weights first, then the embedding's, as in {@link #features}), with
   * the comment lines; {@link #parse} reads it back.
   */
  public static String format(List<String> comments, double threshold, double bias, double[] weights) {
    var sb = new StringBuilder();
    comments.forEach(line -> sb.append("# ").append(line.replace('\n', ' ')).append('\n'));
    sb.append(FORMAT).append('\n');
    sb.append("dims ").append(weights.length - CUES.size()).append('\n');
    sb.append("threshold ").append(number(threshold)).append('\n');
    sb.append("bias ").append(number(bias)).append('\n');
    for (int c = 0; c < CUES.size(); c++) {
      sb.append("cue ").append(CUES.get(c)).append(' ').append(number(weights[c])).append('\n');
    }
    sb.append("embedding");
    for (int i = CUES.size(); i < weights.length; i++) {
      sb.append(' ').append(number(weights[i]));
    }
    return sb.append('\n').toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  private static double found(Pattern pattern, String text) {
    return pattern.matcher(text).find() ? 1 : 0;
  }

  private static double any(String text, Set<Integer> codePoints) {
    return text.codePoints().anyMatch(codePoints::contains) ? 1 : 0;
  }

  /** 1 when a quoted span of one to three words occurs: someone's words held at arm's length. */
  private static double scareQuotes(String text) {
    for (var m = SCARE_QUOTES.matcher(text); m.find(); ) {
      var inner = m.group(1).strip();
      if (!inner.isEmpty() && inner.split("\\s+").length <= 3 && inner.chars().anyMatch(Character::isLetter)) {
        return 1;
      }
    }
    return 0;
  }

  private static Set<Integer> codePoints(String chars) {
    return chars.codePoints().boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SarcasmSignal[%d dims, %d cues, threshold %.3f]", embeddingWeights.length,
        cueWeights.length, threshold);
  }
}
