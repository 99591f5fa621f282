package io.deskbridge.core.llm;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An installation's {@code answer} section: who writes the answers the bot approved. Immutable;
 * {@link #toString()} shows the API key redacted.
 *
 * <pre>{@code
 * answer:
 *   mode: llm                  # extractive (default) | llm
 *   llm:
 *     baseUrl: https://api.openai.com/v1
 *     model: gpt-4o-mini
 *     apiKey: {env: OPENAI_API_KEY}   # or {file: PATH}; omit for a server that needs none
 *     timeout: 20s             # per call, and the longest Retry-After waited for
 *     retries: 1               # after the first call, on 429, 5xx and timeouts
 *     maxTokens: 600
 *     maxChars: 1200           # the longest answer sent
 *     topPassages: 3           # approved articles given to the model
 *     pricePer1kInputTokens: 0.00015    # optional, both or neither: the cost metric
 *     pricePer1kOutputTokens: 0.0006
 *     summaries: false         # true: the LLM writes the handover note's summary (deterministic fallback)
 *     intents: false           # true: the LLM lists an e-mail's requests (checked; fallback EmailText.requests)
 *   tone:                      # optional, see Tone
 *     address: formal          # formal | informal
 *     greeting: {en: "Hello,", cs: "Dobrý den,"}
 *     signOff: {en: "Your Acme team", cs: "Váš tým Acme"}
 *     avoid: [cheap, unfortunately]
 * }</pre>
 *
 * @param mode extractive or llm
 * @param llm the endpoint; null in extractive mode (an {@code llm} section is then not read, so it may be kept for
 *     switching back)
 * @param tone the brand's tone ({@link Tone#NONE} when not set)
 * @param summaries {@code answer.llm.summaries}: on a handover the LLM writes a summary line that precedes the
 *     deterministic note ({@link LlmDecider}); false in extractive mode (the key is then not read)
 * @param intents {@code answer.llm.intents}: on an e-mail the LLM lists the distinct requests, used instead of
 *     {@code EmailText.requests} when each is found in the cleaned text ({@link LlmDecider}); false in extractive mode
 */
public record AnswerConfig(AnswerMode mode, LlmSettings llm, Tone tone, boolean summaries, boolean intents) {
  /** The default: the approved article's text. */
  public static final AnswerConfig EXTRACTIVE = new AnswerConfig(AnswerMode.EXTRACTIVE, null, Tone.NONE);

  /** Without LLM handover summaries or intents. */
  public AnswerConfig(AnswerMode mode, LlmSettings llm, Tone tone) {
    this(mode, llm, tone, false, false);
  }

  /** What {@code apiKey} is when the section has none (a local server without a key). */
  static final String NO_KEY = "no-key";

  public AnswerConfig {
    Objects.requireNonNull(mode, "mode");
    tone = tone == null ? Tone.NONE : tone;
    if (mode == AnswerMode.LLM && llm == null) {
      throw new IllegalArgumentException("answer.mode llm needs the answer.llm section (baseUrl, model)");
    }
    if (mode == AnswerMode.EXTRACTIVE) {
      llm = null;
      summaries = false;
      intents = false;
    }
  }

  /** The same, with LLM handover summaries on or off (always off in extractive mode). */
  public AnswerConfig withSummaries(boolean on) {
    return new AnswerConfig(mode, llm, tone, on, intents);
  }

  /** The same, with LLM intent detection on e-mails on or off (always off in extractive mode). */
  public AnswerConfig withIntents(boolean on) {
    return new AnswerConfig(mode, llm, tone, summaries, on);
  }

  /** LLM answers from {@code llm}, without a tone. */
  public static AnswerConfig llm(LlmSettings llm) {
    return llm(llm, Tone.NONE);
  }

  /** LLM answers from {@code llm} in {@code tone}. */
  public static AnswerConfig llm(LlmSettings llm, Tone tone) {
    return new AnswerConfig(AnswerMode.LLM, Objects.requireNonNull(llm, "llm"), tone);
  }

  /**
   * An installation's {@code answer} section; {@link #EXTRACTIVE} when it is absent.
   *
   * @throws io.deskbridge.core.error.ConfigException one line naming the setting (e.g.
   *     {@code installations[shop].answer.llm.baseUrl}) and the fix
   */
  public static AnswerConfig from(Settings answer) {
    String modeName = answer.string("mode", "extractive").toLowerCase(Locale.ROOT);
    AnswerMode mode = switch (modeName) {
      case "extractive" -> AnswerMode.EXTRACTIVE;
      case "llm" -> AnswerMode.LLM;
      default -> throw answer.invalid("mode", "must be extractive or llm, was '" + modeName + "'");
    };
    Tone tone = Tone.from(answer.section("tone"));
    if (mode == AnswerMode.EXTRACTIVE) {
      return tone.equals(Tone.NONE) ? EXTRACTIVE : new AnswerConfig(AnswerMode.EXTRACTIVE, null, tone);
    }
    Settings s = answer.section("llm");
    String base = s.optionalString("baseUrl").orElseThrow(() -> s.invalid("baseUrl", "is required when "
        + "answer.mode is llm: the OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or "
        + "http://localhost:11434/v1 (Ollama); or set answer.mode: extractive"));
    URI uri = s.uri("baseUrl");
    if (!uri.getScheme().equals("https") && !uri.getScheme().equals("http")) {
      throw s.invalid("baseUrl", "must be an http(s) URL, was '" + base + "'");
    }
    String model = s.optionalString("model").orElseThrow(() -> s.invalid("model", "is required when answer.mode "
        + "is llm: the model (or Azure deployment) name, e.g. gpt-4o-mini"));
    Secret key = s.raw("apiKey") == null ? Secret.of(NO_KEY) : s.secret("apiKey");
    Duration timeout = s.duration("timeout", Duration.ofSeconds(20));
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw s.invalid("timeout", "must be between 1s and 5m (the answer waits for it), e.g. 20s");
    }
    int retries = s.integer("retries", 1, 0, 5);
    int maxTokens = s.integer("maxTokens", LlmSettings.DEFAULT_MAX_TOKENS, 16, 32_000);
    int maxChars = s.integer("maxChars", 1200, 100, 20_000);
    int top = s.integer("topPassages", 3, 1, 10);
    boolean in = s.raw("pricePer1kInputTokens") != null;
    boolean out = s.raw("pricePer1kOutputTokens") != null;
    if (in != out) {
      throw s.invalid(in ? "pricePer1kOutputTokens" : "pricePer1kInputTokens", "is required with "
          + (in ? "pricePer1kInputTokens" : "pricePer1kOutputTokens") + ": set both prices (per 1,000 tokens, "
          + "e.g. 0.00015 and 0.0006) or neither");
    }
    LlmSettings.Prices prices = in ? new LlmSettings.Prices(price(s, "pricePer1kInputTokens"),
        price(s, "pricePer1kOutputTokens")) : null;
    boolean summaries = s.bool("summaries", false);
    boolean intents = s.bool("intents", false);
    return llm(new LlmSettings(base, model, key, timeout, retries + 1, maxChars, top, maxTokens, prices), tone)
        .withSummaries(summaries).withIntents(intents);
  }

  private static double price(Settings s, String key) {
    String text = s.string(key);
    try {
      double value = Double.parseDouble(text);
      if (value >= 0 && !Double.isInfinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw s.invalid(key, "must be a number >= 0 (the price of 1,000 tokens, e.g. 0.0006), was '" + text + "'");
  }
}
