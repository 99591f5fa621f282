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
 * lose my parcel again? great job") keep their score through the cue.
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
    return isPlainRequest(text) ? 0 : probability(text, normalizedEmbedding);
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
    return found(DISMISSIVE, folded) == 0 && found(MOCK_PRAISE, folded) == 0 && found(LOVE_HOW, folded) == 0
        && found(MARKER, text) == 0 && any(text, EYEROLL) == 0;
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
   * praise.
   */
  public static boolean supportSarcasm(String text) {
    if (text.isBlank()) {
      return false;
    }
    var sentences = Sentence.split(text);
    for (var sentence : sentences) {
      if (!SUPPORT_PHRASES.matches(sentence).isEmpty()) {
        return true;
      }
    }
    if (praiseInQuotes(text) || QUOTED_PROMISE.matcher(text).find()) {
      return true;
    }
    if (sentences.isEmpty() || text.indexOf('?') >= 0) {
      return false;
    }
    boolean praise = false;
    boolean bad = false;
    boolean damage = false;
    boolean also = false;
    boolean ordinal = false;
    boolean still = false;
    boolean thanks = false;
    boolean trivialTip = false;
    boolean neverThought = false;
    boolean useless = false;
    boolean overHelpful = false;
    boolean sureWait = false;
    boolean relaxed = false;
    for (var sentence : sentences) {
      useless |= !USELESS_THING.matches(sentence).isEmpty();
      overHelpful |= !OVERHELPFUL.matches(sentence).isEmpty();
      sureWait |= !SURE_WAIT.matches(sentence).isEmpty();
      relaxed |= sentence.words().stream().anyMatch(RELAXED::contains);
      praise |= !MOCK_PRAISE_PHRASES.matches(sentence).isEmpty();
      bad |= BAD_PHRASES.matches(sentence).stream().anyMatch(m -> !sentence.negated(m[1]));
      neverThought |= !NEVER_THOUGHT.matches(sentence).isEmpty();
    }
    for (int s = 0; s < sentences.size(); s++) {
      var words = sentences.get(s).words();
      for (int i = 0; i < words.size(); i++) {
        var word = words.get(i);
        var sentence = sentences.get(s);
        boolean opening = s == 0 && sentence.clause(i) == 0 && clauseLength(sentence, 0) <= 3;
        boolean serviceOpening = s == 0 && i == 0 && clauseLength(sentence, 0) <= 6 && clauseHas(sentence, 0, SERVICE);
        praise |= ((opening || serviceOpening) && PRAISE.contains(word)) || PRAISE_ANYWHERE.contains(word);
        bad |= (BAD.contains(word) && !sentence.negated(i)) || (WORKS.contains(word) && sentence.negated(i));
        damage |= DAMAGE.contains(word) && !sentence.negated(i);
        also |= ALSO.contains(word);
        ordinal |= ORDINAL.contains(word);
        still |= STILL.contains(word);
        thanks |= THANKS.contains(word);
        trivialTip |= TRIVIAL_TIP.contains(word);
      }
    }
    return (praise && (bad || (damage && also) || (ordinal && still))) || (thanks && trivialTip && neverThought)
        || (useless && overHelpful) || (sureWait && relaxed);
  }

  private static boolean clauseHas(Sentence sentence, int clause, WordSet words) {
    for (int i = 0; i < sentence.words().size(); i++) {
      if (sentence.clause(i) == clause && words.contains(sentence.words().get(i))) {
        return true;
      }
    }
    return false;
  }

  private static int clauseLength(Sentence sentence, int clause) {
    int n = 0;
    for (int i = 0; i < sentence.words().size(); i++) {
      if (sentence.clause(i) == clause) {
        n++;
      }
    }
    return n;
  }

  /** Praise of the service held in quotes: "support", „pomoc“, »fast delivery«. */
  private static boolean praiseInQuotes(String text) {
    for (var m = QUOTED.matcher(text); m.find(); ) {
      var words = Folding.words(m.group(1));
      var next = Folding.words(text.substring(m.end())).stream().findFirst().orElse("");
      var before = Folding.words(text.substring(0, m.start()));
      var previous = before.isEmpty() ? "" : before.get(before.size() - 1);
      if (!words.isEmpty() && words.size() <= 3 && words.stream().anyMatch(QUOTED_PRAISE::contains)
          && !NAMED_THING.contains(next) && !NAMED_THING.contains(previous)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern QUOTED = Pattern.compile(
      "(?<!\\p{L})[\"“”„‘’‚»«'](\\p{L}[\\p{L}\\p{N} '-]{0,40}?)[\"“”‘’»«'](?!\\p{L})");

  /** Nouns after a quoted word that make it a name ("the "Express" option"), not praise held at arm's length. */
  private static final WordSet NAMED_THING = WordSet.of("option", "options", "plan", "plans", "model", "models",
      "tariff", "tarif*", "package", "balíč*", "pakiet*", "paket*", "balík*", "mode", "button", "setting*", "version",
      "verz*", "wersj*", "product", "produkt*", "name", "label", "možnost*", "opcj*", "možnosť", "program*",
      "warranty", "warranties", "guarantee", "insurance", "cover", "membership", "subscription", "záruk*", "gwarancj*",
      "garancij*", "pojištěn*", "ubezpieczen*", "poisten*", "zavarovanj*", "předplatné", "predplatné", "abonament*",
      "naročnin*", "členství", "członkostw*", "členstvo", "članstv*");

  /** Words of the service praised in quotes. */
  private static final WordSet QUOTED_PRAISE = WordSet.of("support", "help", "helpful", "service", "fast", "quick",
      "express", "processing", "care", "professional*", "priority", "guaranteed", "urgent", "customer", "instant",
      "podpora", "podpory", "podporu", "pomoc", "pomoci", "rychl*", "expres*", "servis", "péče", "služb*",
      "profesionál*", "zákaznick*", "okamžit*",
      "wsparci*", "szybk*", "ekspres*", "obsług*", "profesjonaln*", "natychmiast*",
      "rýchl*", "starostlivosť", "zákaznícka", "profesionáln*",
      "pomoč", "hitr*", "ekspresn*", "storitev", "storitv*", "profesionaln*", "takoj*",
      "customers", "péči", "zákazník*", "troska", "trosk*", "opiek*", "starostlivos*", "skrb", "strank*", "kupc*",
      "lightning", "nonstop", "błyskawiczn*", "bleskov*", "bleskurychl*", "bliskovit*", "całodobow*", "nepřetržit*",
      "nepretržit*", "neprekinjen*", "hiter", "ekspresen", "speedy", "prompt", "swift", "rapid", "efficient",
      "responsive");

  /** Praise that opens a message ("Great, …", "Skvělé, …"), in the first clause of at most three words. */
  private static final WordSet PRAISE = WordSet.of("great", "fantastic", "brilliant", "perfect", "wonderful", "lovely",
      "amazing", "super", "wow", "nice", "excellent", "awesome", "splendid", "marvellous", "marvelous", "terrific",
      "superb", "outstanding", "impressive", "beautiful", "fabulous", "done",
      "skvěl*", "výborn*", "paráda", "úžasn*", "perfektn*", "nádhera", "páni", "bezva", "báječn*", "senzační",
      "świetn*", "wspaniał*", "rewelac*", "cudown*", "cudnie", "doskonał*", "pięknie", "fantastyczn*", "ekstra",
      "skvel*", "výborn*", "úžasn*", "perfektn*", "fantastick*",
      "odličn*", "čudovit*", "krasn*", "lepo", "popoln*", "imenitn*", "vau", "fantastičn*", "super",
      "genius", "geniáln*", "genialn*", "ideal", "ideální", "ideáln*", "idealn*", "idealno", "odličen", "krasen",
      "imeniten", "fantastičen");

  /** Praise that counts anywhere in the message ("… Bravo.", "Gratuluji."). */
  private static final WordSet PRAISE_ANYWHERE = WordSet.of("bravo", "brawo", "congratulations", "congrats",
      "gratuluji", "gratuluju", "gratuluję", "gratulujem", "čestitam", "čestitke", "impressive", "impresivn*",
      "imponując*", "impozantn*", "spoil", "gratulacje", "gratulację", "gratulujeme", "gratulujemy");

  /**
   * Mock praise said as an idiom ("hats off", "klobouk dolů", "co za tempo", "kapo dol"): praise anywhere in the
   * message, which still needs a bad situation ("only ten days for one answer, hats off").
   */
  private static final RuleSet MOCK_PRAISE_PHRASES = RuleSet.of(false,
      "hats off", "what speed", "such speed", "klobouk dolů|dolu", "to je ale|teda rychlost|tempo|rychlé",
      "co za tempo|szybkość|ekspres", "czapki z głów", "klobúk dole|dolu", "to je ale rýchlosť|tempo", "aké tempo",
      "kapo|klobuk dol", "kakšna hitrost", "to je hitrost", "take a bow", "kudos", "smekám|smekam", "skládám|skladám poklonu",
      "klaním|klaniam se|sa", "szacun", "chapeau", "priklanjam se", "klanjam se",
      // "love how …" (seventh round): praise that still needs a bad situation
      "love|loving|adore ...1 how|when|that|it-when", "miluju|miluji|zbožňuju|zbožňuji ...1 jak|když|že",
      "uwielbiam|kocham ...1 jak|kiedy|gdy|że", "zbožňujem|milujem|ľúbim ...1 ako|keď|že",
      "obožujem|ljubim ...1 kako|ko|ker|da",
      // "what a surprise" in its other forms, with a bad situation
      "to je ..1 překvapení|prekvapenie|presenečenje !příjemn*|milé|hezké|krásné|príjemn*|pekné|prijetn*|lepo",
      "a-to|no-to|to-ci|cóż-za ..1 niespodzianka !miła|przyjemna|fajna");

  /**
   * The nth attempt: a bad situation only with "still" in the message ("Great, a third technician and it still
   * leaks"); alone it is as often a sincere count ("Super, my fourth order and all fine").
   */
  private static final WordSet ORDINAL = WordSet.of("third", "fourth", "fifth", "třetí", "čtvrt*", "pátý",
      "pátá", "páté", "trzeci*", "czwart*", "piąty", "piąta", "piąte", "tretí", "tretia", "štvrt*", "piaty", "piata",
      "tretji", "tretja", "četrt*", "peti", "peta");

  /** "Still", for the nth attempt. */
  private static final WordSet STILL = WordSet.of("still", "pořád", "stále", "furt", "dalej", "nadal", "wciąż",
      "ciągle", "vedno");

  /** Words of working that, negated, are a bad situation ("nie działa", "ne dela", "doesn't work"). */
  private static final WordSet WORKS = WordSet.of("work", "works", "working", "funguje", "fungují", "działa",
      "działają", "dela", "delajo", "deluje", "delujejo",
      "switch", "switches", "turn", "turns", "start", "starts", "charge", "charges", "boot", "boots", "load",
      "loads", "włącza",
      "włączy", "uruchamia", "uruchomi", "ładuje", "naładuje", "odpala", "vklopi", "vklaplja", "zažene", "polni",
      "napolni", "prižge");

  /** Words of thanks, for thanks for a useless tip. */
  private static final WordSet THANKS = WordSet.of("thanks", "thank", "děkuj*", "díky", "dík*", "dziękuj*", "dzięki",
      "ďakuj*", "vďaka", "hvala");

  /** The tips every customer has tried before writing: restart it, switch it off and on, look into spam. */
  private static final WordSet TRIVIAL_TIP = WordSet.of("restart*", "reboot*", "reštart*", "zrestart*",
      "zresetować", "vypnout", "vypnúť", "wyłączyć", "izklop*", "spam", "cache", "cookies", "ciasteczk*", "vsiljen*");

  /** "I would never have thought of that", said of a tip. */
  private static final RuleSet NEVER_THOUGHT = RuleSet.of(false,
      "never|wouldn|t ..3 thought|think of|about ..1 that|it|this", "nenapadlo|nenapadla|nenapadl*",
      "nepřišel|nepřišla ..2 na to|tohle", "na to|tohle ..3 nepřišel|nepřišla|nepřišli",
      "nie ..2 wpadł|wpadła|wpadłbym|wpadłabym|pomyślał|pomyślała", "wpadłbym|wpadłabym|wpadl|wpadla",
      "neprišiel|neprišla ..2 na to", "na to ..3 neprišiel|neprišla|neprišli", "nenapadlo|nenapadla",
      "ne ..3 spomnil|spomnila|domislil|domislila", "na to ..3 ne ..2 spomnil|spomnila|domislil|domislila");

  /** Words of a bad situation: again, another, twice, delay, wrong, lost, weeks and months. */
  private static final WordSet BAD = WordSet.of("another", "again", "twice", "delay", "delays", "delayed", "late",
      "wrong", "broken", "broke", "break", "lost", "losing", "lose", "invalid", "charged", "hold", "excuse",
      "excuses", "failed", "week", "weeks", "month", "months", "days", "hour", "hours", "times",
      "další", "dalších", "zase", "znovu", "opět", "zpoždění", "zpozd*", "špatn*", "rozbit*",
      "ztrat*", "nefung*", "dvakrát",
      "výmluv*", "týdn*", "týden", "měsíc*", "dnech", "dní", "hodin*", "třikrát", "čtyřikrát", "pětkrát",
      "několikrát",
      "kolejn*", "znowu", "znów", "opóźni*", "zły", "zła", "złe", "złego", "zgubi*", "dwa", "wymówk*",
      "tygodni*", "tydzień", "miesiąc*", "dniach", "godzin*", "razy",
      "premajhn*", "prevelik*", "opäť",
      "ďalš*", "znova", "meškan*", "mešká", "oneskor*", "nefung*", "zlá", "zlý", "zlé", "strati*", "výhovork*", "týždn*", "týždeň", "mesiac*",
      "dňoch", "trikrát", "štyrikrát", "päťkrát", "niekoľkokrát",
      "spet", "zamud*", "zamuja", "napačn*", "izgubi*", "dvakrat", "izgovor*", "tedn*", "teden", "mesec*", "dneh",
      "uro", "trikrat", "štirikrat", "petkrat", "večkrat",
      "crash*", "expired", "wysypuj*", "wysypał*", "zawiesz*", "sesuje", "sesul*", "zamrzn*",
      "gubi*", "nezapn*", "nezapína", "nespust*", "nenabíj*", "nenabije", "nenaběhne", "nenabehne", "nenačte",
      "nenačíta", "nerozsvítí", "nerozsvieti");

  /**
   * Words of damage: a bad situation only with a word of repetition in the message ("the replacement is damaged
   * too"); alone they are as often a sincere report ("Great, thanks for replacing the damaged one").
   */
  private static final WordSet DAMAGE = WordSet.of("damaged", "faulty", "defective", "broken",
      "poškozen*", "vadn*", "rozbit*", "zepsut*", "zepsuł*", "uszkodz*", "wadliw*", "pokazen*", "poškoden*", "chybn*",
      "pokvarjen*", "poškodovan*", "okvarjen*");

  /** Words of repetition that make damage a bad situation: too, also, as well. */
  private static final WordSet ALSO = WordSet.of("too", "also", "either", "taky", "také", "též", "też", "także",
      "same", "stejně", "stejne", "stejná", "podobnie", "rovnako", "enako",
      "również", "tiež", "aj", "takisto", "tudi", "sam", "samą", "samego", "istý", "istú", "isti", "istega",
      "podruhé", "druhýkrát", "drugič", "again", "znovu", "znowu", "znova", "spet");

  /** Set phrases that are sarcastic by themselves in support messages. */
  private static final RuleSet SUPPORT_PHRASES = RuleSet.of(false,
      "thanks|thank|thx for nothing", "thank you for nothing", "díky|děkuji|děkuju|dik|diky za nic",
      "dzięki|dziękuję|dziękujemy za nic", "vďaka|ďakujem za nič", "hvala za nič",
      "just|exactly what i needed|wanted !know|knowing", "přesně|právě to jsem potřeboval*|chtěl* !vědět|znát",
      "přesně co jsem potřeboval* !vědět|znát",
      "właśnie|dokładnie tego potrzebowałem|potrzebowałam|chciałem|chciałam !wiedzieć|wiedziec",
      "presne|práve to som potreboval*|chcel* !vedieť|vediet", "točno|ravno to sem potreboval*|hotel* !vedeti",
      "that-s|that-is|that-was all i needed", "to mi ..1 ještě|tak|zrovna ..1 chybělo|scházelo",
      "tego ..2 brakowało|brakowalo", "to mi ..1 ešte|tak ..1 chýbalo",
      "to mi je ..1 še ..1 manjkalo",
      "great|good|nice|amazing|fantastic|brilliant|excellent job|work ...4 losing|lost|breaking|broke|charging|"
          + "forgetting|ignoring|cancelling|canceling|misplacing|delaying|damaging",
      "nothing better to do", "nic lepšího na práci|práci|dělat", "nic lepszego do roboty|robienia",
      "nič lepšie na práci|robiť", "nič boljšega za početi|delati",
      "what a surprise", "big surprise", "jaké překvapení", "to je ale překvapení", "co za niespodzianka|niespodzianką",
      "aké prekvapenie", "kakšno presenečenje",
      "of course it is|does|did", "jak jinak", "a jakże", "jakżeby inaczej", "ako inak", "kako pa drugače",
      "slower than a snail", "pomalejší než šnek", "wolniejsz* niż ślimak", "pomalš* ako slimák",
      "počasnejš* od polža",
      "you spoil me|us", "outdid|outdone yourselves|yourself", "překonali|předčili jste se", "jste se překonali",
      "przeszliście samych siebie", "prekonali ste sa", "presegli ste samega|same sebe",
      "thank|thanks|appreciate ...3 being|making|letting|keeping|putting me ...4 wait*|hold|ignor*",
      "really appreciate being ...3 hold|ignored|waiting",
      "děkuji|děkuju|díky ...1 že ...5 čekat|čekal*|ignor*|ztrat*|viset|visel*",
      "dziękuję|dzięki ...1 że ...5 czekać|czekał*|ignor*|zgubi*|wisieć|wisiał*",
      "ďakujem|vďaka ...1 že ...5 čakať|čakal*|ignor*|strati*|visieť|visel*",
      "hvala ...1 ker|da ...5 čakati|čakal*|ignor*|izgubi*|viseti|visel*",
      "as if that|it|this would|will|could ..1 change|help|fix|make ..1 anything|a-difference",
      "as if that|it|this would|will|could help|matter",
      "jako-by|jakoby|jak-by to ..2 něco|cokoli|nějak ..1 změnilo|pomohlo|vyřešilo",
      "jakby to ..2 cokolwiek|coś ..1 zmieniło|pomogło|dało|rozwiązało",
      "akoby|ako-keby to ..2 niečo|čokoľvek ..1 zmenilo|pomohlo|vyriešilo",
      "kot da bi to ..2 kaj|karkoli ..1 spremenilo|pomagalo|rešilo",
      "speedy|fast|quick|prompt|rapid|swift|lightning|express ...6 only|just|mere ..2 weeks|months",
      "bleskov*|rychl*|expres*|svižn* ...6 jen|jenom|pouhých|pouze|pouhé ..2 týdn*|měsíc*|měsíců",
      "błyskawiczn*|szybk*|ekspres* ...6 tylko|zaledwie|raptem ..2 tygodni*|miesiąc*|miesięcy",
      "bleskov*|rýchl*|expres* ...6 len|iba|púhych ..2 týždň*|týždne|mesiac*|mesiacov",
      "bliskovit*|hitr*|ekspresn* ...6 samo|le|komaj ..2 tedn*|mesec*|mesecev");

  /**
   * Bad situations said in several words: no single answer, something that stopped working or expired, nobody
   * replying.
   */
  private static final RuleSet BAD_PHRASES = RuleSet.of(false,
      "not|without ..2 one|single|a ..1 answer|reply|response|word|update",
      "ani jedna|jeden|jediná|jediný|jednej|jednego|jedno odpověď|odpovědi|zpráva|zprávu|e-mail|mail|odpowiedzi|"
          + "odpowiedź|wiadomości|maila|odpoveď|správa|správu|reakce|reakcia",
      "zero|żadnej|brak odpowiedzi|reakcji|odzewu", "niti en|ena|enega|ene odgovor|odgovora|sporočila|e-mail|odziva",
      "nobenega odgovora|odziva",
      "stopped|stops working|functioning", "přestal*|přestává platit|fungovat|jít",
      "przestał*|przestaje działać|obowiązywać", "prestal*|prestáva platiť|fungovať|ísť",
      "nehal*|neha delovati|veljati", "vypršel*|vypršal*|wygasł*|potekl*|potekel",
      "nobody|noone|no-one ...3 replied|answered|responded|called|wrote|answers|replies",
      "nikdo ...3 neodpověděl|neodepsal|nereaguje|neozval|neodpovídá", "nikt ...3 nie ..1 odpisał|odpowiedział|odezwał|"
          + "oddzwonił|odpisuje|odpowiada", "nikto ...3 neodpísal|neodpovedal|neozval|nereaguje|neodpovedá",
      "nihče ...3 ni ..1 odgovoril|odpisal|poklical|javil", "nihče ...3 ne ..1 odgovori|odgovarja|odpiše",
      // Slovene "še" (another, once more), which folds to the reflexive "se" of Czech, Slovak and Slovene and so
      // cannot be a single word of a bad situation ("Super, těším se" is sincere)
      "še en|ena|eno|ene|enega|enkrat|dodatn*",
      // cannot even … (seventh round)
      "can|couldn t|not ..1 even", "cannot|can-not ..1 even",
      "nemůžu|nemohu|nemůžeme|nejde|nedá|nedokážu|neumím ...3 ani !dočkat|vynachválit|vynadivit",
      "nie ..1 mogę|możemy|można|da|potrafię ...3 nawet !doczekać", "nemôžem|nemôžeme|nejde|nedá|neviem|nedokážem ...3 "
          + "ani !dočkať", "ne ..1 morem|moremo|gre|da|znam ...3 niti !dočakati",
      // money sent to a card or an account that no longer exists
      "card|account|address ...4 cancelled|canceled|closed|blocked|expired|no-longer|don-t-have|dont-have",
      "kart*|účet|účtu|adres* ...4 zrušil*|zrušen*|zablokoval*|zablokovan*|neexistuj*|nemám|neplatn*",
      "kart*|kont*|adres* ...4 zastrzegł*|zastrzeżon*|zamknął*|zamknęł*|zamknięt*|anulowa*|nieaktywn*|unieważni*|"
          + "zablokowa*|nie-istnieje|nie-mam",
      "kartic*|račun*|naslov* ...4 ukinil*|ukinjen*|zaprl*|zaprt*|preklical*|blokiral*|blokiran*|ne-obstaja|nimam|"
          + "neveljavn*");

  /**
   * Something useless given to the customer (an automated or template reply, a link to the FAQ), for praise of it as
   * extremely helpful (seventh round).
   */
  private static final RuleSet USELESS_THING = RuleSet.of(false,
      "automated|automatic|auto|generic|template|canned|copy-pasted|copy-paste|scripted|stock reply|replies|answer|"
          + "answers|response|responses|message|email|mail",
      "automatick*|šablon*|obecn*|strojov*|kopírovan*|standardn* odpověď|odpovědi|odpovědí|zpráv*|e-mail*|mail*",
      "automatyczn*|szablon*|standardow*|ogóln*|kopiowan* odpowied*|wiadomoś*|e-mail*|mail*",
      "automatick*|šablón*|všeobecn*|strojov*|štandardn* odpove*|správ*|e-mail*|mail*",
      "samodejn*|avtomatsk*|splošn*|standardn*|šablonsk* odgovor*|sporočil*|e-pošt*|mail*",
      "link|odkaz*|odnośnik*|link*|povezav* ...3 faq|nápověd*|pomoc*|help*");

  /** Praise of help in hyperbole: "extremely helpful", "neskutečně mi pomohla". */
  private static final RuleSet OVERHELPFUL = RuleSet.of(false,
      "extremely|incredibly|unbelievably|immensely|tremendously|hugely|enormously|truly|most helpful|useful|"
          + "informative",
      "neskutečně|neuvěřitelně|nesmírně|ohromně|nadmíru ...2 pomohl*|pomáh*|užitečn*|nápomocn*",
      "niesamowicie|niezwykle|niewiarygodnie|ogromnie|nieziemsko ...2 pomocn*|pomogł*|przydatn*",
      "neskutočne|neuveriteľne|nesmierne|ohromne|nadmieru ...2 pomohl*|pomáh*|užitočn*|nápomocn*",
      "neverjetno|izjemno|neznansko|nepopisno|noro ...3 pomagal*|pomagalo|koristn*|v-pomoč");

  /** Mock consent to wait even longer: "Sure, I'll just wait another three weeks" (seventh round). */
  private static final RuleSet SURE_WAIT = RuleSet.of(false,
      "^sure|fine|okay|ok|of-course|yeah|right ...4 wait|waiting ..2 another|more|extra|few ..2 week|weeks|month|"
          + "months|year|years",
      "^jasně|jistě|samozřejmě|klidně|ok|dobře|no-jasně ...4 počkám|počkáme|vydržím ...3 další|dalších|ještě ..2 týdn*|"
          + "týden|měsíc*|rok*|let",
      "^jasne|oczywiście|pewnie|spoko|dobra|no-jasne ...4 poczekam|poczekamy|zaczekam|zaczekamy ...3 jeszcze|kolejne|"
          + "następne|dalsze ..2 tygodni*|tydzień|miesiąc*|miesięcy|lat*|rok*",
      "^jasné|iste|samozrejme|kľudne|dobre ...4 počkám|počkáme|vydržím ...3 ďalš*|ešte ..2 týždn*|týždeň|mesiac*|rok*",
      "^seveda|jasno|itak|prav ...5 počakal*|počakam|počakamo ...3 še|dodatn*|nadaljn* ..2 ted*|teden|mesec*|"
          + "let*|leto");

  /** Words of relaxed consent beside {@link #SURE_WAIT}: "just", "no problem", "klidně", "żaden problem". */
  private static final WordSet RELAXED = WordSet.of("just", "happily", "gladly", "problem", "problems", "rush",
      "worries", "klidně", "problém", "problému", "spokojnie", "chętnie", "przyjemnością", "sprawy", "kľudne",
      "pokojne", "problema", "veseljem", "skrbi");

  /** Words of the service, for praise of it in an opening clause of up to six words ("Skvelá starostlivosť o …"). */
  private static final WordSet SERVICE = WordSet.of("service", "support", "care", "servis", "péče", "péči",
      "podpora", "starostlivos*", "skrb", "obsług*", "opiek*", "služb*", "storitev", "komunikac*", "přístup",
      "prístup", "podejście", "odnos");

  /** A service promise in quotes: "24/7". */
  private static final Pattern QUOTED_PROMISE = Pattern.compile("[\"“”„‘’‚»«']\\s?24\\s?/\\s?7\\s?[\"“”‘’»«']");

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
