package io.deskbridge.core.bot;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.deskbridge.core.escalation.AngerSignal;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.EscalationPolicy;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.HumanRequestSignal;
import io.deskbridge.core.escalation.KeyFactExtractor;
import io.deskbridge.core.escalation.KeywordSignal;
import io.deskbridge.core.escalation.SignalModel;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.bot.BotConfig.LowConfidence;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first line: decides what to do with a conversation's new customer messages. It computes what the decision
 * rests on (the customer's language, retrieval over the knowledge base, the {@linkplain Calibration calibrated}
 * confidence, the signals: a request for a person, critical keywords, anger and sarcasm) and leaves the
 * choice between reply, clarify and handover, and the handover's routing group, to its {@link EscalationPolicy}
 * (built from the {@link BotConfig}). It then writes the answer: the article in the customer's language (or the
 * default language's version, saying so) with its link; a clarifying question naming the two likeliest topics (or,
 * with {@link BotConfig.LowConfidence#RETRY}, asking to rephrase, after reading the text sentence by sentence); or a
 * handover message in the customer's language with the agent's summary.
 *
 * <p>{@link #decide} does no I/O and is thread-safe. Building a bot embeds the knowledge base's texts (or reads them
 * from the cache) and fits the calibration on its sample questions or on the labelled messages given.
 */
public final class Bot implements Decider {

  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  static final int CANDIDATES = 5;
  private static final int MAX_SENTENCES = 8;

  private final KnowledgeBase knowledge;
  private final BotConfig config;
  private final Retriever retriever;
  private final Calibration calibration;
  private final LanguageDetector languages;
  private final Signals signals;
  private final EscalationPolicy policy;
  /** Languages with at least one article, when the model cannot match across languages; null when it can. */
  private final Set<String> answerableLanguages;

  private Bot(KnowledgeBase knowledge, BotConfig config, EmbeddingModel model, Path cacheFolder,
      List<CalibrationCase> calibrationCases) {
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.config = Objects.requireNonNull(config, "config");
    this.retriever = new Retriever(knowledge, Objects.requireNonNull(model, "model"), cacheFolder);
    double share = config.uncoveredPercent() / 100.0;
    this.calibration = calibrationCases.isEmpty() ? Calibration.fit(retriever, share, cacheFolder)
        : Calibration.fit(retriever, share, calibrationCases, cacheFolder);
    log.info("Bot over {} text(s) of {} article(s); {}", retriever.size(), retriever.articleCount(), calibration);
    this.languages = new LanguageDetector(config.defaultLanguage());
    this.policy = new EscalationPolicy(config.threshold(), config.maxBotTurns(), config.maxClarifications(),
        config.lowConfidence() != LowConfidence.HANDOVER, config.intentGroups());
    this.answerableLanguages = model instanceof SentenceEncoder encoder && encoder.multilingual() ? null
        : Set.copyOf(knowledge.countByLocale().keySet());
    this.signals = new Signals(new HumanRequestSignal(config.humanRequestPhrases()),
        new KeywordSignal(config.keywords()), SignalModel.bundled(),
        !(model instanceof SentenceEncoder encoder) || encoder.isBundled());
  }

  /**
   * A bot over this knowledge with a new {@linkplain #embeddingModel() bundled embedding model}. Loading the model
   * and embedding the articles takes a second or two.
   */
  public static Bot create(KnowledgeBase knowledge, BotConfig config) {
    return create(knowledge, config, embeddingModel());
  }

  /**
   * A bot with the given embedding model, for instance one instance shared by several bots or tests. The articles
   * are embedded here, once.
   */
  public static Bot create(KnowledgeBase knowledge, BotConfig config, EmbeddingModel model) {
    return new Bot(knowledge, config, model, null, List.of());
  }

  /**
   * A bot with the given embedding model that keeps the knowledge base's embeddings in {@code cacheFolder} between
   * starts, so that a restart embeds only new or changed texts (see {@link EmbeddingCache}).
   *
   * @param cacheFolder created when missing; null keeps no cache
   * @throws java.io.UncheckedIOException when the cache cannot be written
   */
  public static Bot create(KnowledgeBase knowledge, BotConfig config, EmbeddingModel model, Path cacheFolder) {
    return new Bot(knowledge, config, model, cacheFolder, List.of());
  }

  /**
   * As {@link #create(KnowledgeBase, BotConfig, EmbeddingModel, Path)}, with the confidence fitted on messages the
   * admin labelled (real traffic, say) instead of the knowledge base's own sample questions; see {@link
   * CalibrationCase#load}. Each message is embedded once; the fit is kept in {@code cacheFolder}.
   *
   * @param calibrationCases empty fits on the sample questions
   * @throws IllegalArgumentException when the cases name an unknown article or are too few to fit on
   */
  public static Bot create(KnowledgeBase knowledge, BotConfig config, EmbeddingModel model, Path cacheFolder,
      List<CalibrationCase> calibrationCases) {
    return new Bot(knowledge, config, model, cacheFolder, List.copyOf(calibrationCases));
  }

  /**
   * A new instance of the bundled in-process embedding model (all-MiniLM-L6-v2, quantized, ONNX), loaded from the
   * class path; thread-safe. Its tokenizer library (DJL) would otherwise look up cloud metadata and send usage
   * telemetry over the network when it loads, so this sets the system property {@code OPT_OUT_TRACKING=true}
   * unless it is set already: nothing leaves the machine.
   */
  public static EmbeddingModel embeddingModel() {
    return embeddingModel(EmbeddingModelConfig.bundled(), "bot.embedding");
  }

  /**
   * The embedding model the configuration names (the bundled one when it names no file), loaded from local files
   * with one ONNX Runtime thread per call; thread-safe, nothing downloaded (as {@link #embeddingModel()}). A model
   * not declared {@linkplain EmbeddingModelConfig#multilingual() multilingual} makes the bot refuse to answer a
   * message in a language the knowledge base has no article in: it clarifies or hands over with the reason
   * {@value #LANGUAGE_NOT_COVERED}.
   *
   * @param setting where the configuration was read, for error messages (e.g. {@code bot.embedding})
   * @throws IllegalArgumentException one line naming the setting and the file, when a file is missing or cannot be
   *     loaded
   */
  public static EmbeddingModel embeddingModel(EmbeddingModelConfig config, String setting) {
    if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    return SentenceEncoder.load(config, setting); // one ONNX Runtime thread per call; docs/bench/issue10-jfr.md
  }

  /**
   * The reason (in the decision's reasons and as a signal in its scores) for not answering a message in a language
   * the knowledge base has no article in, when the embedding model is not multilingual.
   */
  public static final String LANGUAGE_NOT_COVERED = "language_not_covered";

  public BotConfig config() {
    return config;
  }

  /** The retrieval over the knowledge base, for {@link KnowledgeHealth}'s leave-one-out. */
  Retriever retriever() {
    return retriever;
  }

  /** Whether the embedding model matches messages to articles in other languages (a multilingual model). */
  boolean answersAcrossLanguages() {
    return answerableLanguages == null;
  }

  /** The fitted confidence, for {@link KnowledgeHealth}'s leave-one-out. */
  Calibration calibration() {
    return calibration;
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  /** The decision for the input's new messages; never null. */
  @Override
  public Decision decide(BotInput input) {
    var text = input.readableText(); // on e-mail: without quoted history, signature and disclaimers
    var language = language(input);
    // one embedding per message, for retrieval and the sarcasm signal
    float[] embedding = text.isBlank() ? null : retriever.embed(text);
    var hits = retriever.size() == 0 || embedding == null ? List.<Retriever.Hit>of()
        : retriever.search(text, embedding, CANDIDATES);
    // an English-only model cannot match a message to articles in other languages: whatever ranks first is a guess
    boolean uncovered = answerableLanguages != null && !answerableLanguages.contains(language);
    var first = new Retrieval(hits, uncovered ? 0 : calibration.confidence(hits));
    var best = first.best();

    var read = signals.read(text, language, embedding); // the rules and the learned signal combined
    var scores = new LinkedHashMap<String, Double>();
    read.putReasons(scores);
    if (uncovered) {
      scores.put(LANGUAGE_NOT_COVERED, 1.0);
    }
    scores.put("anger", read.anger());
    scores.put("sarcasm", read.sarcasm());
    if (best != null) {
      scores.put("top_score", clamp(best.score()));
      scores.put("margin", clamp(best.score() - (hits.size() > 1 ? hits.get(1).score() : 0)));
      scores.put("cosine", clamp(best.cosine()));
      scores.put("lexical", clamp(best.lexical()));
    }

    // below the threshold, RETRY reads the text sentence by sentence; the policy decides whether that counts
    var retried = !uncovered && best != null && first.confidence() < policy.threshold()
        && config.lowConfidence() == LowConfidence.RETRY ? bestSentence(text) : null;
    var choice = policy.decide(new EscalationPolicy.Situation(read.humanRequested(), read.keywordReasons(),
        read.angry(), read.sarcastic(), input.botTurns(), input.clarificationsAsked(), input.answeredArticleIds(), match(first, language),
        match(retried, language)));

    var basis = choice.retried() ? retried : first;
    var context = new Context(input, language, basis.confidence(), read.anger(),
        new Scores(basis.confidence(), basis.best() == null ? "" : basis.best().articleId(), scores), List.of());
    var signalled = choice instanceof EscalationPolicy.Choice.Handover h
        && !h.reasons().equals(Set.of(HandoverReason.LOW_CONFIDENCE));
    if (input.email() && !signalled) {
      var requests = input.requests().isEmpty() ? io.deskbridge.core.email.EmailText.requests(text)
          : input.requests();
      if (requests.size() > 1) {
        var multiple = multiple(requests, input, language, uncovered, context);
        if (multiple != null) {
          return multiple;
        }
      }
    }
    if (input.replyCapReached() && !(choice instanceof EscalationPolicy.Choice.Handover)) {
      var match = match(basis, language);
      return handover(Set.of(HandoverReason.REPLY_CAP), match == null ? "" : match.routingGroup(), context);
    }
    if (choice instanceof EscalationPolicy.Choice.Reply reply) {
      return reply(reply.basis().articleId(), context);
    }
    if (choice instanceof EscalationPolicy.Choice.Handover handover) {
      return handover(handover.reasons(), handover.routingGroup(), context);
    }
    return clarify(basis.hits(), context);
  }

  /**
   * The articles retrieval ranks for the input's readable text (on e-mail without quoted history, signature and
   * disclaimers) whose calibrated confidence reaches the threshold, best first, at most {@code limit}: the approved
   * articles an answer may be written from ({@code answer.mode: llm}). A lower-ranked hit's confidence is the
   * calibration read as if that hit were the best one (its features, its margin over the hit below it), so it is
   * approved only when it would have been answered on its own. Empty when nothing reaches the threshold or the
   * language is not covered. Embeds the text again (about as much work as one {@link #decide}'s retrieval); no I/O.
   */
  public List<String> approvedArticles(BotInput input, int limit) {
    var text = input.readableText();
    if (limit < 1 || text.isBlank() || retriever.size() == 0) {
      return List.of();
    }
    if (answerableLanguages != null && !answerableLanguages.contains(language(input))) {
      return List.of();
    }
    var hits = retriever.search(text, retriever.embed(text), CANDIDATES);
    var approved = new ArrayList<String>();
    for (int i = 0; i < hits.size() && approved.size() < limit; i++) {
      if (calibration.confidence(hits.subList(i, hits.size())) >= policy.threshold()
          && !approved.contains(hits.get(i).articleId())) {
        approved.add(hits.get(i).articleId());
      }
    }
    return List.copyOf(approved);
  }

  /** One request of an e-mail with several, and the article that answers it confidently (null when none does). */
  private record Part(String request, String articleId, double confidence, boolean answerable) {}

  /**
   * An e-mail with several requests, each read on its own: when every request has a confident answer and they are
   * not all the same article, one reply answering each (reason {@code multiple_requests}); when only some have, a
   * handover whose note lists each request and which the bot could answer with what article. Null when the e-mail
   * is decided as a whole: no request has a confident answer, or they all have the same one.
   */
  private Decision multiple(List<String> requests, BotInput input, String language, boolean uncovered,
      Context context) {
    var parts = new ArrayList<Part>();
    for (var request : requests) {
      var hits = retriever.size() == 0 ? List.<Retriever.Hit>of()
          : retriever.search(request, retriever.embed(request), CANDIDATES);
      double confidence = uncovered || hits.isEmpty() ? 0 : calibration.confidence(hits);
      var id = hits.isEmpty() ? "" : hits.get(0).articleId();
      boolean answerable = !id.isEmpty() && confidence >= policy.threshold()
          && !input.answeredArticleIds().contains(id); // answering an article again is the loop rule's to judge
      parts.add(new Part(request, id, confidence, answerable));
    }
    var articles = new java.util.LinkedHashSet<String>();
    parts.stream().filter(Part::answerable).forEach(p -> articles.add(p.articleId()));
    if (articles.isEmpty()) {
      return null;
    }
    boolean all = parts.stream().allMatch(Part::answerable);
    if (all && articles.size() == 1) {
      return null; // one topic asked in several ways: the whole e-mail's decision stands
    }
    double weakest = parts.stream().filter(Part::answerable).mapToDouble(Part::confidence).min().orElse(0);
    var signals = new LinkedHashMap<>(context.scores().signals());
    signals.put("requests", (double) parts.size());
    var notes = parts.stream().map(p -> note(p, language)).toList();
    if (all && !input.replyCapReached()) {
      var scores = new Scores(weakest, articles.iterator().next(), signals);
      var text = new StringBuilder();
      var reasons = new ArrayList<>(List.of("confident_match", "multiple_requests"));
      boolean foreign = false;
      for (var id : articles) {
        var article = article(id, language);
        foreign |= !article.locale().equals(language);
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(article.title()).append("\n").append(article.body());
        if (!article.url().isEmpty()) {
          text.append("\n").append(Phrases.more(language)).append(' ').append(article.url());
        }
      }
      if (foreign) {
        reasons.add("article_not_in_language");
        text.insert(0, Phrases.notInYourLanguage(language) + "\n\n");
      }
      return new Decision.Reply(text.toString(), language, reasons, scores);
    }
    var open = parts.stream().filter(p -> !p.answerable()).findFirst();
    var group = open.filter(p -> !p.articleId().isEmpty()).map(p -> article(p.articleId(), language).group())
        .orElse("");
    var reasons = all ? Set.of(HandoverReason.REPLY_CAP) : Set.of(HandoverReason.LOW_CONFIDENCE);
    var scores = new Scores(context.confidence(), context.scores().articleId(), signals);
    var handover = (Decision.Handover) handover(reasons, group,
        new Context(input, language, context.confidence(), context.anger(), scores, notes));
    var codes = new ArrayList<>(handover.reasons());
    codes.add("multiple_requests");
    return new Decision.Handover(handover.routingGroup(), handover.customerMessage(), handover.summary(), codes,
        handover.scores());
  }

  /** What the handover note says of one request. */
  private String note(Part part, String language) {
    var quoted = "\"" + HandoverNotes.request(part.request()) + "\"";
    if (part.answerable()) {
      return quoted + ": answerable with \"" + article(part.articleId(), language).title() + "\" ("
          + part.articleId() + ", " + Math.round(part.confidence() * 100) + " %)";
    }
    return quoted + ": not answered (confidence " + Math.round(part.confidence() * 100) + " %)";
  }

  /** The best hits of one retrieval and their calibrated confidence. */
  private record Retrieval(List<Retriever.Hit> hits, double confidence) {
    Retriever.Hit best() {
      return hits.isEmpty() ? null : hits.get(0);
    }
  }

  /** The policy's view of a retrieval: its best article; null without one. */
  private EscalationPolicy.Match match(Retrieval retrieval, String language) {
    if (retrieval == null || retrieval.best() == null) {
      return null;
    }
    var id = retrieval.best().articleId();
    return new EscalationPolicy.Match(id, retrieval.confidence(), article(id, language).group());
  }

  /**
   * The most confident retrieval over the text's sentences taken one at a time, or null when the text has fewer
   * than two sentences. At most {@value #MAX_SENTENCES} sentences are tried, the longest first.
   */
  private Retrieval bestSentence(String text) {
    var sentences = new ArrayList<String>();
    var breaker = BreakIterator.getSentenceInstance(Locale.ROOT);
    breaker.setText(text);
    for (int start = breaker.first(), end = breaker.next(); end != BreakIterator.DONE;
        start = end, end = breaker.next()) {
      var sentence = text.substring(start, end).strip();
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
      }
    }
    if (sentences.size() < 2) {
      return null;
    }
    sentences.sort(Comparator.comparingInt(String::length).reversed());
    Retrieval best = null;
    for (var sentence : sentences.subList(0, Math.min(MAX_SENTENCES, sentences.size()))) {
      var hits = retriever.search(sentence, retriever.embed(sentence), CANDIDATES);
      double confidence = calibration.confidence(hits);
      if (!hits.isEmpty() && (best == null || confidence > best.confidence())) {
        best = new Retrieval(hits, confidence);
      }
    }
    return best;
  }

  /** What the texts of a decision are written from; {@code requests} are the note's lines for a several-request e-mail. */
  private record Context(BotInput input, String language, double confidence, double anger, Scores scores,
      List<String> requests) {}

  private Decision reply(String articleId, Context context) {
    var language = context.language();
    var article = article(articleId, language);
    var reasons = new ArrayList<>(List.of("confident_match"));
    var text = new StringBuilder();
    if (!article.locale().equals(language)) {
      reasons.add("article_not_in_language");
      text.append(Phrases.notInYourLanguage(language)).append("\n\n");
    }
    text.append(article.body());
    if (!article.url().isEmpty()) {
      text.append("\n\n").append(Phrases.more(language)).append(' ').append(article.url());
    }
    return new Decision.Reply(text.toString(), language, reasons, context.scores());
  }

  private Decision clarify(List<Retriever.Hit> hits, Context context) {
    var language = context.language();
    var titles = hits.stream().limit(2).map(h -> article(h.articleId(), language).title()).toList();
    boolean chat = chat(context);
    if (config.lowConfidence() == LowConfidence.RETRY) {
      return new Decision.Clarify(Phrases.rephrase(language, chat), language,
          coverage(List.of("low_confidence", "rephrase"), context), context.scores());
    }
    var question = switch (titles.size()) {
      case 0 -> Phrases.clarify(language, chat);
      case 1 -> Phrases.clarify(language, chat, titles.get(0));
      default -> Phrases.clarify(language, chat, titles.get(0), titles.get(1));
    };
    return new Decision.Clarify(question, language, coverage(List.of("low_confidence"), context), context.scores());
  }

  /** Whether the customer writes in a chat, where the bot's own lines are chat-sized. */
  private static boolean chat(Context context) {
    return context.input().conversation().channel() == io.deskbridge.core.conversation.Channel.CHAT;
  }

  /** The reasons, plus {@value #LANGUAGE_NOT_COVERED} when that is why the bot did not answer. */
  private static List<String> coverage(List<String> reasons, Context context) {
    if (!context.scores().signals().containsKey(LANGUAGE_NOT_COVERED)) {
      return reasons;
    }
    var out = new ArrayList<>(reasons);
    out.add(LANGUAGE_NOT_COVERED);
    return out;
  }

  private Decision handover(Set<HandoverReason> reasons, String routingGroup, Context context) {
    var input = context.input();
    var language = context.language();
    var summary = new HandoverSummary(reasons, language, AngerSignal.tone(context.anger()),
        HandoverNotes.request(input.text()), KeyFactExtractor.extract(input.customerTexts()),
        botAnswers(input, language), context.confidence(), context.requests());
    return new Decision.Handover(routingGroup, Phrases.handover(language, chat(context)), summary,
        reasons.contains(HandoverReason.LOW_CONFIDENCE)
            ? coverage(reasons.stream().map(HandoverReason::code).toList(), context)
            : reasons.stream().map(HandoverReason::code).toList(), context.scores());
  }

  /** The article in the customer's language, else in the default language, else in any. */
  private Article article(String id, String language) {
    return knowledge.find(id, language)
        .or(() -> knowledge.find(id, config.defaultLanguage()))
        .orElseGet(() -> knowledge.byId(id).get(0));
  }

  /** The detected language of the new text, else of the whole conversation's customer text, else the default. */
  private String language(BotInput input) {
    return languages.guess(input.readableText())
        .or(() -> languages.guess(String.join("\n", input.customerTexts())))
        .orElse(config.defaultLanguage());
  }

  private List<String> botAnswers(BotInput input, String language) {
    var done = new ArrayList<String>();
    for (var id : input.answeredArticleIds()) {
      done.add(knowledge.byId(id).isEmpty() ? "answered article " + id
          : "answered \"" + article(id, language).title() + "\"");
    }
    int asked = input.clarificationsAsked();
    if (asked > 0) {
      done.add(asked == 1 ? "asked a clarifying question" : "asked " + asked + " clarifying questions");
    }
    return done;
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }

  @Override
  public String toString() {
    return "Bot[" + knowledge + ", threshold " + config.thresholdPercent() + " %]";
  }
}
