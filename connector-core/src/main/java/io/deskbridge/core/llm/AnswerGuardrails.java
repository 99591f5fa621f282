package io.deskbridge.core.llm;

import io.deskbridge.core.bot.LanguageDetector;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules an LLM draft must keep before it is sent, checked in code (issue #15, "Guardrails"):
 * <ol>
 *   <li>it cites at least one article, and only articles that were retrieved ({@code NO_CITATION},
 *       {@code UNKNOWN_CITATION});
 *   <li>every URL, e-mail address, and every run of digits (numbers, amounts, dates, phone numbers; compared by their
 *       digits, so {@code 1 337,42} and {@code 1,337.42} are the same) appears in a cited passage, a looked-up value
 *       or the customer's message ({@code UNSUPPORTED_FACT});
 *   <li>the {@link LanguageDetector} finds the customer's language in it ({@code WRONG_LANGUAGE}; a draft with no
 *       evidence of any language fails too);
 *   <li>it is at most {@link GuardContext#maxChars()} characters ({@code TOO_LONG});
 *   <li>it shares no run of {@value #SHINGLE} words with the system prompt or an internal note, unless that run is
 *       also in the customer's message or a cited passage ({@code PROMPT_LEAK}, {@code INTERNAL_NOTE_LEAK}); a note
 *       shorter than that must not appear whole;
 *   <li>it uses none of the brand's {@linkplain GuardContext#avoid() words to avoid} (whole words, any case;
 *       {@code AVOIDED_WORD}).
 * </ol>
 * Numbers written as words ("fifty") are not facts to this check: a known limit.
 *
 * <p>Immutable and thread-safe.
 */
public final class AnswerGuardrails {
  /** Words in a row that count as a leak. */
  static final int SHINGLE = 6;
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"')\\]]+");
  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
  /** Digits with the separators numbers, amounts, dates and phone numbers use inside them. */
  private static final Pattern DIGITS = Pattern.compile("\\+?\\d(?:[\\d]|[ .,/:\\-](?=\\d)|\\u00a0(?=\\d))*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final LanguageDetector languages;

  public AnswerGuardrails(LanguageDetector languages) {
    this.languages = Objects.requireNonNull(languages, "languages");
  }

  /** Every rule {@code draft} breaks in {@code context}, in rule order; empty when it may be sent. */
  public List<Violation> check(LlmDraft draft, GuardContext context) {
    List<Violation> out = new ArrayList<>();
    List<String> cited = draft.articleIds().stream().distinct().toList();
    if (cited.isEmpty()) {
      out.add(new Violation(Violation.Rule.NO_CITATION, "the answer cites no article"));
    }
    List<String> unknown = cited.stream().filter(id -> !context.passages().containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      out.add(new Violation(Violation.Rule.UNKNOWN_CITATION, "cites articles not retrieved: " + unknown));
    }
    StringBuilder sources = new StringBuilder(context.customerMessage()).append('\n');
    cited.stream().filter(context.passages()::containsKey)
        .forEach(id -> sources.append(context.passages().get(id)).append('\n'));
    context.lookedUp().forEach(v -> sources.append(v).append('\n'));
    List<String> unsupported = unsupportedFacts(draft.text(), sources.toString());
    if (!unsupported.isEmpty()) {
      out.add(new Violation(Violation.Rule.UNSUPPORTED_FACT, "not in the cited passages, lookups or message: "
          + unsupported));
    }
    Optional<String> language = languages.guess(draft.text());
    if (!language.equals(Optional.of(context.customerLanguage()))) {
      out.add(new Violation(Violation.Rule.WRONG_LANGUAGE, "answer language " + language.orElse("unknown")
          + ", customer's " + context.customerLanguage()));
    }
    if (draft.text().length() > context.maxChars()) {
      out.add(new Violation(Violation.Rule.TOO_LONG, draft.text().length() + " characters, limit "
          + context.maxChars()));
    }
    Set<String> allowed = shingles(sources.toString());
    if (leaks(draft.text(), context.systemPrompt(), allowed)) {
      out.add(new Violation(Violation.Rule.PROMPT_LEAK, "repeats the system prompt"));
    }
    if (context.internalNotes().stream().anyMatch(n -> leaks(draft.text(), n, allowed))) {
      out.add(new Violation(Violation.Rule.INTERNAL_NOTE_LEAK, "repeats an internal note"));
    }
    List<String> avoided = new Tone(null, Map.of(), Map.of(), context.avoid()).avoidedIn(draft.text());
    if (!avoided.isEmpty()) {
      out.add(new Violation(Violation.Rule.AVOIDED_WORD, "uses " + avoided));
    }
    return out;
  }

  /**
   * The rules a handover summary ({@code answer.llm.summaries}) must keep, in this order: it is not blank
   * ({@code EMPTY}); at most {@code maxChars} characters ({@code TOO_LONG}); shares no run of {@value #SHINGLE} words
   * with the system prompt that is not also in the transcript ({@code PROMPT_LEAK}); and every URL, e-mail address
   * and digit run in it appears in the transcript ({@code UNSUPPORTED_FACT}: an agent must not chase an order number
   * the customer never wrote). Language, citations and internal notes are not checked: the summary is for the agent.
   */
  public List<Violation> checkSummary(String summary, String transcript, String systemPrompt, int maxChars) {
    List<Violation> out = new ArrayList<>();
    if (summary == null || summary.isBlank()) {
      out.add(new Violation(Violation.Rule.EMPTY, "the summary is empty"));
      return out;
    }
    if (summary.length() > maxChars) {
      out.add(new Violation(Violation.Rule.TOO_LONG, summary.length() + " characters, limit " + maxChars));
    }
    if (leaks(summary, systemPrompt, shingles(transcript))) {
      out.add(new Violation(Violation.Rule.PROMPT_LEAK, "repeats the system prompt"));
    }
    List<String> unsupported = unsupportedFacts(summary, transcript);
    if (!unsupported.isEmpty()) {
      out.add(new Violation(Violation.Rule.UNSUPPORTED_FACT, "not in the transcript: " + unsupported));
    }
    return out;
  }

  /** The most requests one e-mail may be split into by the model. */
  public static final int MAX_REQUESTS = 10;
  /** The share of a paraphrased request's words that must be words of the e-mail. */
  static final double PARAPHRASE_WORDS = 0.8;

  /**
   * The rules the requests an LLM found in a cleaned e-mail ({@code answer.llm.intents}) must keep: at least one and
   * none blank ({@code EMPTY}); at most {@value #MAX_REQUESTS} ({@code TOO_LONG}); each is in the text (case and
   * spacing aside) or a close paraphrase of it: at least 80 % of its words are words of the text and every URL,
   * e-mail address and digit run in it is in the text ({@code NOT_IN_TEXT}).
   */
  public List<Violation> checkRequests(List<String> requests, String cleaned) {
    List<Violation> out = new ArrayList<>();
    if (requests.isEmpty() || requests.stream().anyMatch(r -> r == null || r.isBlank())) {
      out.add(new Violation(Violation.Rule.EMPTY, "no request, or a blank one"));
      return out;
    }
    if (requests.size() > MAX_REQUESTS) {
      out.add(new Violation(Violation.Rule.TOO_LONG, requests.size() + " requests, limit " + MAX_REQUESTS));
    }
    String text = String.join(" ", words(cleaned));
    Set<String> known = new HashSet<>(words(cleaned));
    List<String> missing = new ArrayList<>();
    for (String request : requests) {
      List<String> w = words(request);
      if (w.isEmpty() || text.contains(String.join(" ", w))) {
        continue;
      }
      long found = w.stream().filter(known::contains).count();
      if (found < PARAPHRASE_WORDS * w.size() || !unsupportedFacts(request, cleaned).isEmpty()) {
        missing.add(request.length() > 60 ? request.substring(0, 60) + "…" : request);
      }
    }
    if (!missing.isEmpty()) {
      out.add(new Violation(Violation.Rule.NOT_IN_TEXT, "not in the e-mail: " + missing));
    }
    return out;
  }

  /** The URLs, e-mail addresses and digit runs of {@code text} that {@code sources} does not contain. */
  static List<String> unsupportedFacts(String text, String sources) {
    Set<String> out = new LinkedHashSet<>();
    String lowerSources = sources.toLowerCase(Locale.ROOT);
    String rest = text;
    for (Pattern p : List.of(URL, EMAIL)) {
      Matcher m = p.matcher(rest);
      StringBuilder kept = new StringBuilder();
      while (m.find()) {
        String found = m.group().replaceAll("[.,;:!?]+$", "");
        if (!lowerSources.contains(found.toLowerCase(Locale.ROOT))) {
          out.add(found);
        }
        m.appendReplacement(kept, " ");
      }
      m.appendTail(kept);
      rest = kept.toString();
    }
    Set<String> known = new HashSet<>();
    Matcher s = DIGITS.matcher(sources);
    while (s.find()) {
      known.add(digits(s.group()));
    }
    Matcher d = DIGITS.matcher(rest);
    while (d.find()) {
      String digits = digits(d.group());
      if (!known.contains(digits)) {
        out.add(d.group().trim());
      }
    }
    return List.copyOf(out);
  }

  private static String digits(String s) {
    return s.replaceAll("\\D", "");
  }

  private static boolean leaks(String answer, String secret, Set<String> allowed) {
    List<String> words = words(secret);
    if (words.isEmpty()) {
      return false;
    }
    if (words.size() < SHINGLE) {
      return words.size() >= 3 && String.join(" ", words(answer)).contains(String.join(" ", words));
    }
    Set<String> answerShingles = shingles(answer);
    for (String sh : shingles(secret)) {
      if (answerShingles.contains(sh) && !allowed.contains(sh)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> shingles(String text) {
    List<String> w = words(text);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + SHINGLE <= w.size(); i++) {
      out.add(String.join(" ", w.subList(i, i + SHINGLE)));
    }
    return out;
  }

  private static List<String> words(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(folded);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
