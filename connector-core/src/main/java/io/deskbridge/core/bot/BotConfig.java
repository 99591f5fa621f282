package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.HumanRequestSignal;
import io.deskbridge.core.escalation.KeywordSignal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bot's policy. Immutable; the compact constructor validates and fills defaults for null components.
 *
 * @param thresholdPercent    answer only when the calibrated confidence that the best article answers the
 *                            message is at least {@code thresholdPercent / 100}; 0..100, default
 *                            {@value #DEFAULT_THRESHOLD}
 * @param maxClarifications   how many clarifying questions in a row low confidence may ask before handing over;
 *                            at least 0, default 1
 * @param maxBotTurns         hand over once the bot has written this many times in an episode; at least 1,
 *                            default 4
 * @param defaultLanguage     the language when detection finds no evidence, and of the fallback article when
 *                            one does not exist in the customer's language; ISO 639-1, default {@code en}
 * @param keywords            language → category ({@code complaint}, {@code cancellation}, {@code legal}) →
 *                            critical keywords ({@link KeywordSignal} syntax). Given entries are merged into the
 *                            built-in ones for en, cs, pl, sk, sl: a given (language, category) list replaces the
 *                            built-in list of that pair, new languages and categories are added. The component
 *                            holds the merged result.
 * @param humanRequestPhrases language → set phrases that ask for a person ({@link HumanRequestSignal}), merged into
 *                            the built-in ones the same way: a given language's list replaces the built-in one
 * @param intentGroups        keyword category → routing group name for the handover; merged into the defaults
 *                            {@code complaint → Complaints}, {@code cancellation → Billing}, {@code legal →
 *                            Complaints}; an empty name means the default group
 * @param lowConfidence       what to do below the threshold; default {@link LowConfidence#CLARIFY}
 * @param uncoveredPercent    the admin's estimate of how many messages in a hundred ask about something the
 *                            knowledge base does not cover; the confidence is calibrated for it (see
 *                            {@code Calibration}); 0..90, default {@value #DEFAULT_UNCOVERED}
 */
public record BotConfig(
    int thresholdPercent,
    int maxClarifications,
    int maxBotTurns,
    String defaultLanguage,
    Map<String, Map<String, List<String>>> keywords,
    Map<String, List<String>> humanRequestPhrases,
    Map<String, String> intentGroups,
    LowConfidence lowConfidence,
    int uncoveredPercent) {

  /** The default {@link #thresholdPercent()}; how it was chosen: docs/quality.md. */
  public static final int DEFAULT_THRESHOLD = 55;

  /** The default {@link #uncoveredPercent()}. */
  public static final int DEFAULT_UNCOVERED = 20;

  private static final Map<String, String> DEFAULT_INTENT_GROUPS =
      Map.of("complaint", "Complaints", "cancellation", "Billing", "legal", "Complaints");

  /** @throws IllegalArgumentException when a value is out of range or a keyword category is unknown */
  public BotConfig {
    if (thresholdPercent < 0 || thresholdPercent > 100) {
      throw new IllegalArgumentException("thresholdPercent must be in 0..100, got " + thresholdPercent);
    }
    if (maxClarifications < 0) {
      throw new IllegalArgumentException("maxClarifications must be at least 0, got " + maxClarifications);
    }
    if (maxBotTurns < 1) {
      throw new IllegalArgumentException("maxBotTurns must be at least 1, got " + maxBotTurns);
    }
    defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
    if (!defaultLanguage.matches("[a-z]{2}")) {
      throw new IllegalArgumentException(
          "defaultLanguage must be an ISO 639-1 code like 'en', got '" + defaultLanguage + "'");
    }
    keywords = mergeKeywords(keywords == null ? Map.of() : keywords);
    var phrases = new LinkedHashMap<String, List<String>>();
    (humanRequestPhrases == null ? Map.<String, List<String>>of() : humanRequestPhrases)
        .forEach((language, list) -> phrases.put(language, List.copyOf(list)));
    humanRequestPhrases = merge(HumanRequestSignal.defaultPhrases(), phrases);
    intentGroups = merge(DEFAULT_INTENT_GROUPS, intentGroups == null ? Map.of() : intentGroups);
    for (var category : intentGroups.keySet()) {
      requireCategory(category, "intentGroups");
    }
    lowConfidence = lowConfidence == null ? LowConfidence.CLARIFY : lowConfidence;
    if (uncoveredPercent < 0 || uncoveredPercent > 90) {
      throw new IllegalArgumentException("uncoveredPercent must be in 0..90, got " + uncoveredPercent);
    }
  }

  /** What the bot does when its confidence is below the threshold and no signal asks for a person. */
  public enum LowConfidence {
    /**
     * Ask a targeted clarifying question naming the two likeliest topics, up to {@link #maxClarifications()} times
     * in a row; the customer's answer is read together with the original message. Then hand over.
     */
    CLARIFY,
    /**
     * Retry on each sentence of the message alone (a long e-mail often buries its question in one sentence) and
     * answer when one reaches the threshold; otherwise ask the customer to say it in other words, up to {@link
     * #maxClarifications()} times, reading the answer together with the original message. Then hand over.
     */
    RETRY,
    /** Hand over at once. */
    HANDOVER
  }

  /** The defaults: threshold {@value #DEFAULT_THRESHOLD} %, one clarification, four bot turns, English. */
  public static BotConfig defaults() {
    return new BotConfig(DEFAULT_THRESHOLD, 1, 4, "en", null, null, null, null, DEFAULT_UNCOVERED);
  }

  public BotConfig withThresholdPercent(int percent) {
    return new BotConfig(percent, maxClarifications, maxBotTurns, defaultLanguage, keywords,
        humanRequestPhrases, intentGroups, lowConfidence, uncoveredPercent);
  }

  public BotConfig withMaxClarifications(int max) {
    return new BotConfig(thresholdPercent, max, maxBotTurns, defaultLanguage, keywords, humanRequestPhrases,
        intentGroups, lowConfidence, uncoveredPercent);
  }

  public BotConfig withMaxBotTurns(int max) {
    return new BotConfig(thresholdPercent, maxClarifications, max, defaultLanguage, keywords,
        humanRequestPhrases, intentGroups, lowConfidence, uncoveredPercent);
  }

  public BotConfig withDefaultLanguage(String language) {
    return new BotConfig(thresholdPercent, maxClarifications, maxBotTurns, language, keywords,
        humanRequestPhrases, intentGroups, lowConfidence, uncoveredPercent);
  }

  public BotConfig withLowConfidence(LowConfidence policy) {
    return new BotConfig(thresholdPercent, maxClarifications, maxBotTurns, defaultLanguage, keywords,
        humanRequestPhrases, intentGroups, policy, uncoveredPercent);
  }

  public BotConfig withUncoveredPercent(int percent) {
    return new BotConfig(thresholdPercent, maxClarifications, maxBotTurns, defaultLanguage, keywords,
        humanRequestPhrases, intentGroups, lowConfidence, percent);
  }

  /** The threshold as a probability in [0, 1]. */
  double threshold() {
    return thresholdPercent / 100.0;
  }

  private static Map<String, Map<String, List<String>>> mergeKeywords(Map<String, Map<String, List<String>>> given) {
    var merged = new LinkedHashMap<String, Map<String, List<String>>>();
    KeywordSignal.defaults().forEach((language, categories) -> merged.put(language, new LinkedHashMap<>(categories)));
    given.forEach((language, categories) -> {
      Objects.requireNonNull(categories, () -> "keywords." + language);
      categories.forEach((category, words) -> {
        requireCategory(category, "keywords." + language);
        merged.computeIfAbsent(language, l -> new LinkedHashMap<>()).put(category, List.copyOf(words));
      });
    });
    var result = new LinkedHashMap<String, Map<String, List<String>>>();
    merged.forEach((language, categories) -> result.put(language, Map.copyOf(categories)));
    return Collections.unmodifiableMap(result);
  }

  private static <V> Map<String, V> merge(Map<String, V> defaults, Map<String, V> given) {
    var merged = new LinkedHashMap<>(defaults);
    merged.putAll(given);
    return Map.copyOf(merged);
  }

  private static void requireCategory(String category, String where) {
    if (!KeywordSignal.CATEGORIES.containsKey(category)) {
      throw new IllegalArgumentException(
          where + ": unknown category '" + category + "'; known: " + KeywordSignal.CATEGORIES.keySet());
    }
  }
}
