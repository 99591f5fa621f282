package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.AngerSignal;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HumanRequestSignal;
import io.deskbridge.core.escalation.KeywordSignal;
import io.deskbridge.core.escalation.SarcasmSignal;
import io.deskbridge.core.escalation.SignalModel;
import java.util.Map;
import java.util.Set;

/**
 * The escalation signals of one message, the rules and the {@linkplain SignalModel learned signal} combined: a request
 * for a person, critical keywords, anger and sarcasm. Immutable and thread-safe. The learned signal's model and bars
 * were chosen on held-out-16 and -17, the web-shop set and public questions, then measured once on held-out-18
 * (docs/quality.md, "Twenty-third round").
 *
 * <ul>
 *   <li>A request for a person holds when its rule does, or the model's class scores at least {@value
 *       #LEARNED_PERSON} (and its own threshold) on a text that names a person, a service or a verb of connecting,
 *       and not on a question about the bot ("are you a robot?", docs/quality.md, "Tenth round") nor on someone of the
 *       customer's own announced to contact the shop ("Thirteenth round").
 *   <li>Anger holds when its rule does ({@link AngerSignal#isAngry}) or the model's anger class scores at least
 *       {@value #LEARNED_ANGER} (and its own threshold), so that plain complaints about a product fact and ordinary
 *       questions are not anger, and not on a calm verdict ("worst case", a middling star rating, "OK, but …":
 *       {@link AngerSignal#calmVerdict}, docs/quality.md, "Twentieth round"). The score then counts as at least
 *       {@link AngerSignal#THRESHOLD}, so the agent's summary says "angry".
 *   <li>Sarcasm: the support-sarcasm rules in every language; in a language other than English (as detected) also
 *       the model's sarcasm class from a score of {@value #LEARNED_SARCASM} (the class's own threshold is 0.798 in
 *       the shipped model), as the round's rule chose, its hit counting as a rule's (score 1); in English the sarcasm
 *       classifier instead (it was trained on English posts), and only over the embedding model it was trained with.
 *       Neither learned reading counts on a question about the bot (both read "are you a real person?" as irony).
 * </ul>
 */
final class Signals {

  /** The learned anger class's score from which a message is angry. */
  static final double LEARNED_ANGER = 0.5;

  /** The learned person-request class's score from which a message asks for a person (when it names one). */
  static final double LEARNED_PERSON = 0.8;

  /** The learned sarcasm class's score from which a message in a language other than English is sarcastic. */
  static final double LEARNED_SARCASM = 0.8;

  private static final int ANGER = SignalModel.index("anger");
  private static final int HUMAN_REQUEST = SignalModel.index("human_request");
  private static final int SARCASM = SignalModel.index("sarcasm");

  private final HumanRequestSignal humanRequest;
  private final KeywordSignal keywords;
  private final AngerSignal anger = new AngerSignal();
  private final SarcasmSignal sarcasm = SarcasmSignal.bundled();
  private final SignalModel learned;
  /** False for an embedding model other than the bundled one: the sarcasm classifier was trained over its vectors. */
  private final boolean sarcasmModelFits;

  Signals(HumanRequestSignal humanRequest, KeywordSignal keywords, SignalModel learned, boolean sarcasmModelFits) {
    this.humanRequest = humanRequest;
    this.keywords = keywords;
    this.learned = learned;
    this.sarcasmModelFits = sarcasmModelFits;
  }

  /**
   * What the signals say about one message.
   *
   * @param anger     the rule's anger score, raised to {@link AngerSignal#THRESHOLD} when only the model holds
   * @param sarcasm   the sarcasm score: the rules' (0 or 1), the English classifier's, or 1 where the learned class
   *                  holds outside English
   */
  record Read(boolean humanRequested, Set<HandoverReason> keywordReasons, double anger, boolean angry,
      double sarcasm, boolean sarcastic) {

    /** Puts each reason that holds into a decision's scores, as 1: person, keywords, anger, sarcasm. */
    void putReasons(Map<String, Double> scores) {
      if (humanRequested) {
        scores.put(HandoverReason.HUMAN_REQUEST.code(), 1.0);
      }
      keywordReasons.forEach(r -> scores.put(r.code(), 1.0));
      if (angry) {
        scores.put(HandoverReason.ANGER.code(), 1.0);
      }
      if (sarcastic) {
        scores.put(HandoverReason.SARCASM.code(), 1.0);
      }
    }
  }

  /**
   * Reads the message.
   *
   * @param language  the customer's language (the sarcasm classifier reads English only)
   * @param embedding the message's embedding, or null (a blank text)
   */
  Read read(String text, String language, float[] embedding) {
    var scores = text.isBlank() ? new double[SignalModel.CLASSES.size()] : learned.scores(text);
    boolean humanRequested = humanRequest.matches(text)
        || scores[HUMAN_REQUEST] >= LEARNED_PERSON && learned.holds(HUMAN_REQUEST, scores[HUMAN_REQUEST])
        && humanRequest.mentionsAPerson(text) && !humanRequest.asksAboutTheBot(text);
    double angerScore = anger.score(text);
    if (scores[ANGER] >= LEARNED_ANGER && learned.holds(ANGER, scores[ANGER]) && !anger.calmVerdict(text)) {
      angerScore = Math.max(angerScore, AngerSignal.THRESHOLD);
    }
    // a question about the bot ("is a person writing this?") is no sarcasm unless a rule says so: the classifier,
    // trained on posts, and the learned class read these questions as ironic (docs/quality.md, "Fourteenth round")
    boolean aboutTheBot = humanRequest.questionsTheBot(text);
    boolean english = language.equals("en");
    boolean classifier = english && embedding != null && embedding.length == sarcasm.dimensions()
        && sarcasmModelFits && !aboutTheBot;
    double sarcasmScore = classifier ? sarcasm.score(text, embedding) : SarcasmSignal.ruleScore(text);
    if (!english && !aboutTheBot && scores[SARCASM] >= LEARNED_SARCASM) {
      sarcasmScore = Math.max(sarcasmScore, 1.0);
    }
    return new Read(humanRequested, keywords.reasons(text), angerScore, anger.isAngry(angerScore), sarcasmScore,
        sarcasm.isSarcastic(sarcasmScore));
  }
}
