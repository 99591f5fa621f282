package io.deskbridge.core.llm;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.bot.LanguageDetector;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code answer.mode: llm}: the wrapped Decider (the bot, with its lookups) still decides whether to answer; only its
 * {@link Decision.Reply replies} are rewritten by the {@link LlmAnswerWriter}. The model is given the passages of
 * the approved articles: the reply's article first, then the others the {@link Ranking} approves (ranked above the
 * threshold), up to {@link LlmSettings#topPassages()}, each in the reply's language when it has that version (its
 * body is the passage); the customer's readable text; the internal notes (so that the guardrails can refuse a leak);
 * and, for a reply completed from back-office records (reason {@value #LOOKED_UP}), that reply's text as the
 * looked-up data: the article's answer template filled from records that passed the identity check, so the numbers
 * in it may appear in the answer. A written answer replaces the extractive text, with a link for each cited article,
 * and adds reason {@code llm_ok}; otherwise the extractive reply goes out unchanged, with reason
 * {@value #FALLBACK} and the refusal's or failure's reason codes added, so the audit record names why.
 * Clarifications, handovers and replies to several requests of one e-mail (reason {@code multiple_requests}) pass
 * through without calling the model, except that with {@code summaries} on a handover gets
 * {@link LlmAnswerWriter#summarize an LLM summary} of the conversation's public messages: the summary line precedes
 * the deterministic note (reason, group, key facts, request and the rest stay as the bot built them), with reason
 * {@value #SUMMARY}; when the model fails, times out, the breaker is open or the summary breaks a check, the
 * handover goes out with the deterministic note only and reason {@value #SUMMARY_FALLBACK} plus the codes. Either
 * way there is exactly one handover.
 *
 * <p>Thread-safe when the wrapped Decider and the ranking are.
 */
public final class LlmDecider implements Decider {
  public static final String FALLBACK = "llm_fallback_extractive";
  /** A handover's reason when the LLM wrote its summary. */
  public static final String SUMMARY = "llm_summary";
  /** A handover's reason when the LLM summary was not used (with the failure's or refusal's codes after it). */
  public static final String SUMMARY_FALLBACK = "llm_summary_fallback";
  /** A decision's reason when the LLM's list of an e-mail's requests was used. */
  public static final String INTENTS = "llm_intents";
  /** A decision's reason when it was not (with the failure's or refusal's codes after it). */
  public static final String INTENTS_FALLBACK = "llm_intents_fallback";
  /** The reason of a reply completed from back-office records ({@code LookupDecider.LOOKED_UP}). */
  static final String LOOKED_UP = "looked_up";
  /** The most transcript characters a summary is written from (the newest messages are kept). */
  static final int TRANSCRIPT_CHARS = 8000;
  private static final String MULTIPLE_REQUESTS = "multiple_requests";

  /** The approved articles for an input, best first ({@code Bot::approvedArticles}). */
  @FunctionalInterface
  public interface Ranking {
    /** At most {@code limit} article ids whose calibrated confidence reaches the threshold, best first. */
    List<String> approved(BotInput input, int limit);

    /** No other article than the reply's own. */
    Ranking NONE = (input, limit) -> List.of();
  }

  private final Decider bot;
  private final KnowledgeBase knowledge;
  private final LlmAnswerWriter writer;
  private final Ranking ranking;
  private final Tone tone;
  private final boolean summaries;
  private final boolean intents;

  /** The model gets the reply's article only. */
  public LlmDecider(Decider bot, KnowledgeBase knowledge, LlmAnswerWriter writer) {
    this(bot, knowledge, writer, Ranking.NONE);
  }

  public LlmDecider(Decider bot, KnowledgeBase knowledge, LlmAnswerWriter writer, Ranking ranking) {
    this(bot, knowledge, writer, ranking, Tone.NONE);
  }

  /**
   * @param tone the brand's tone: the prompt's address and words to avoid, and the greeting and sign-off put around
   *     a sent answer
   */
  public LlmDecider(Decider bot, KnowledgeBase knowledge, LlmAnswerWriter writer, Ranking ranking, Tone tone) {
    this(bot, knowledge, writer, ranking, tone, false, false);
  }

  /**
   * @param summaries whether the LLM writes handover summaries ({@code answer.llm.summaries})
   * @param intents whether the LLM lists an e-mail's requests ({@code answer.llm.intents})
   */
  public LlmDecider(Decider bot, KnowledgeBase knowledge, LlmAnswerWriter writer, Ranking ranking, Tone tone,
      boolean summaries, boolean intents) {
    this.summaries = summaries;
    this.intents = intents;
    this.bot = Objects.requireNonNull(bot, "bot");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.ranking = Objects.requireNonNull(ranking, "ranking");
    this.tone = Objects.requireNonNull(tone, "tone");
  }

  /**
   * {@code inner} for the installations in extractive mode and an {@code LlmDecider} around it (one writer, retry
   * and circuit breaker each) for those in {@code llm}; {@code inner} itself when none is. The engine takes one
   * Decider for all installations; this routes by the conversation's installation id.
   *
   * @param installations installation id → its {@code answer} section; those in mode llm are wrapped
   * @param defaultLanguage the bot's default language (the guardrails' language check falls back to it)
   */
  public static Decider wrap(Decider inner, Ranking ranking, KnowledgeBase knowledge,
      Map<String, AnswerConfig> installations, String defaultLanguage, MeterRegistry meters) {
    return wrap(inner, ranking, knowledge, installations, defaultLanguage, meters, true);
  }

  /**
   * As {@link #wrap(Decider, Ranking, KnowledgeBase, Map, String, MeterRegistry)}, the writers redacting personal
   * data from what leaves for the model only when {@code redactPrompts} ({@code privacy.redactLlmPrompts}).
   */
  public static Decider wrap(Decider inner, Ranking ranking, KnowledgeBase knowledge,
      Map<String, AnswerConfig> installations, String defaultLanguage, MeterRegistry meters, boolean redactPrompts) {
    Objects.requireNonNull(inner, "inner");
    var guardrails = new AnswerGuardrails(new LanguageDetector(defaultLanguage));
    var routes = new LinkedHashMap<String, Decider>();
    installations.forEach((id, answer) -> {
      if (answer.mode() == AnswerMode.LLM) {
        routes.put(id, new LlmDecider(inner, knowledge, new LlmAnswerWriter(answer.llm(), guardrails,
            LlmAnswerWriter.openAi(answer.llm()), meters, redactPrompts), ranking, answer.tone(), answer.summaries(),
            answer.intents()));
      }
    });
    if (routes.isEmpty()) {
      return inner;
    }
    return new ByInstallation(Map.copyOf(routes), inner);
  }

  /** Routes each input to its installation's Decider, else to the default one. */
  record ByInstallation(Map<String, Decider> routes, Decider otherwise) implements Decider {
    @Override
    public Decision decide(BotInput input) {
      return routes.getOrDefault(input.conversation().key().installation(), otherwise).decide(input);
    }
  }

  @Override
  public Decision decide(BotInput input) {
    Decision decision;
    if (intents && input.email() && !input.readableText().isBlank()) {
      LlmAnswerWriter.Split split = writer.requests(input.readableText());
      decision = split.requests().isEmpty() ? bot.decide(input) : bot.decide(input.withRequests(split.requests()));
      decision = withReasons(decision, split.requests().isEmpty()
          ? concat(List.of(INTENTS_FALLBACK), List.of(split.reason().split(","))) : List.of(INTENTS));
    } else {
      decision = bot.decide(input);
    }
    if (summaries && decision instanceof Decision.Handover handover) {
      return summarized(handover, input);
    }
    if (!(decision instanceof Decision.Reply reply) || reply.scores() == null
        || reply.scores().articleId().isEmpty() || reply.reasons().contains(MULTIPLE_REQUESTS)) {
      return decision;
    }
    String language = reply.language();
    int k = writer.settings().topPassages();
    Set<String> ids = new LinkedHashSet<>();
    ids.add(reply.scores().articleId());
    for (String id : ranking.approved(input, k)) {
      if (ids.size() < k) {
        ids.add(id);
      }
    }
    List<LlmAnswerWriter.Passage> passages = new ArrayList<>();
    for (String id : ids) {
      article(id, language).ifPresent(a -> passages.add(new LlmAnswerWriter.Passage(id, a.title(), a.body())));
    }
    if (passages.isEmpty() || !passages.get(0).articleId().equals(reply.scores().articleId())) {
      return decision;
    }
    List<String> notes = input.conversation().messages().stream()
        .filter(m -> m.visibility() == Visibility.INTERNAL).map(Message::text).filter(Objects::nonNull).toList();
    List<String> lookedUp = reply.reasons().contains(LOOKED_UP) ? List.of(reply.text()) : List.of();
    LlmOutcome outcome = writer.write(new LlmAnswerWriter.Request(input.readableText(), language, passages,
        lookedUp, notes, tone));
    List<String> reasons = new ArrayList<>(reply.reasons());
    if (outcome instanceof LlmOutcome.Written w) {
      reasons.add(w.reason());
      StringBuilder text = new StringBuilder(w.text());
      Set<String> links = new LinkedHashSet<>();
      for (String cited : w.articleIds()) {
        article(cited, language).map(Article::url).filter(u -> !u.isEmpty()).ifPresent(links::add);
      }
      links.forEach(u -> text.append("\n\n").append(u));
      return new Decision.Reply(tone.dress(text.toString(), language), language, reasons, reply.scores());
    }
    reasons.add(FALLBACK);
    reasons.addAll(List.of(outcome.reason().split(",")));
    return new Decision.Reply(reply.text(), language, reasons, reply.scores());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** {@code decision} with {@code more} reasons after its own. */
  static Decision withReasons(Decision decision, List<String> more) {
    if (decision instanceof Decision.Reply r) {
      return new Decision.Reply(r.text(), r.language(), concat(r.reasons(), more), r.scores());
    }
    if (decision instanceof Decision.Draft d) {
      return new Decision.Draft(d.text(), d.language(), concat(d.reasons(), more), d.scores());
    }
    if (decision instanceof Decision.Clarify c) {
      return new Decision.Clarify(c.question(), c.language(), concat(c.reasons(), more), c.scores());
    }
    if (decision instanceof Decision.Handover h) {
      return new Decision.Handover(h.routingGroup(), h.customerMessage(), h.summary(), concat(h.reasons(), more),
          h.scores());
    }
    if (decision instanceof Decision.Ignore i) {
      return new Decision.Ignore(concat(i.reasons(), more), i.scores());
    }
    return decision;
  }

  private Decision.Handover summarized(Decision.Handover handover, BotInput input) {
    Map<String, Message> messages = new LinkedHashMap<>();
    for (Message m : input.conversation().messages()) {
      messages.put(m.id(), m);
    }
    input.newMessages().forEach(m -> messages.put(m.id(), m));
    List<String> lines = new ArrayList<>();
    for (Message m : messages.values()) {
      if (m.visibility() != Visibility.PUBLIC || m.text() == null || m.text().isBlank()) {
        continue;
      }
      lines.add(m.isPublicCustomerMessage() ? "Customer: " + input.readable(m) : "Support: " + m.text());
    }
    // the newest messages, up to TRANSCRIPT_CHARS (the first kept whole even when longer)
    List<String> transcript = new ArrayList<>();
    int chars = 0;
    for (int i = lines.size() - 1; i >= 0 && (transcript.isEmpty() || chars + lines.get(i).length()
        <= TRANSCRIPT_CHARS); i--) {
      transcript.add(0, lines.get(i));
      chars += lines.get(i).length();
    }
    String why = handover.summary().reasons().stream().map(r -> r.code().replace('_', ' ')).sorted()
        .collect(java.util.stream.Collectors.joining(", "));
    LlmOutcome outcome = writer.summarize(new LlmAnswerWriter.SummaryRequest(transcript,
        why.isEmpty() ? "not given" : why));
    List<String> reasons = new ArrayList<>(handover.reasons());
    if (outcome instanceof LlmOutcome.Written w) {
      reasons.add(SUMMARY);
      return new Decision.Handover(handover.routingGroup(), handover.customerMessage(),
          handover.summary().withLlmSummary(w.text()), reasons, handover.scores());
    }
    reasons.add(SUMMARY_FALLBACK);
    reasons.addAll(List.of(outcome.reason().split(",")));
    return new Decision.Handover(handover.routingGroup(), handover.customerMessage(), handover.summary(), reasons,
        handover.scores());
  }

  private Optional<Article> article(String id, String language) {
    return knowledge.find(id, language).or(() -> knowledge.byId(id).stream().findFirst());
  }
}
