package io.deskbridge.core.llm;

import io.deskbridge.core.config.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how LLM answers are written (issue #15, {@code answer.mode: llm}; read from an installation's
 * {@code answer.llm} section by {@link AnswerConfig#from}). Immutable; {@link #toString()} shows the key redacted.
 *
 * @param baseUrl an OpenAI-compatible base URL ending in {@code /v1} (OpenAI, Azure OpenAI v1, vLLM, Ollama
 *     {@code /v1}, llama.cpp server)
 * @param model the model (or Azure deployment) name
 * @param apiKey the bearer key; servers that need none take any non-blank value
 * @param timeout one call's timeout; also the longest {@code Retry-After} a 429 may ask to wait before the retry
 * @param attempts calls per answer, retries included (429, 5xx and timeouts are retried)
 * @param maxChars the longest answer that may be sent
 * @param topPassages how many approved articles' passages are given to the model (the k best above the threshold)
 * @param maxTokens the most tokens the model may write ({@code max_tokens})
 * @param prices what 1,000 tokens cost, for the cost-per-answer metric; null when not configured
 */
public record LlmSettings(String baseUrl, String model, Secret apiKey, Duration timeout, int attempts, int maxChars,
    int topPassages, int maxTokens, Prices prices) {

  /** The default {@link #maxTokens()}: room for {@link #maxChars()} 1,200 in any of the five languages, as JSON. */
  public static final int DEFAULT_MAX_TOKENS = 600;

  /**
   * The endpoint's prices, in one currency (the metric's unit is that currency).
   *
   * @param inputPer1k the price of 1,000 input (prompt) tokens
   * @param outputPer1k the price of 1,000 output (completion) tokens
   */
  public record Prices(double inputPer1k, double outputPer1k) {
    public Prices {
      if (!(inputPer1k >= 0) || !(outputPer1k >= 0) || Double.isInfinite(inputPer1k)
          || Double.isInfinite(outputPer1k)) {
        throw new IllegalArgumentException("answer.llm prices must be numbers >= 0, were " + inputPer1k + " and "
            + outputPer1k);
      }
    }

    /** The cost of one call. */
    public double cost(int inputTokens, int outputTokens) {
      return inputTokens / 1000.0 * inputPer1k + outputTokens / 1000.0 * outputPer1k;
    }
  }

  public LlmSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(timeout, "timeout");
    if (baseUrl.isBlank() || model.isBlank() || timeout.isNegative() || timeout.isZero() || attempts < 1
        || maxChars < 1 || topPassages < 1 || maxTokens < 1) {
      throw new IllegalArgumentException("answer.llm: baseUrl and model must be set, timeout > 0, attempts, "
          + "maxChars, topPassages and maxTokens >= 1; fix the answer.llm section of the config");
    }
  }

  /** Without prices and with the default {@link #maxTokens()}. */
  public LlmSettings(String baseUrl, String model, Secret apiKey, Duration timeout, int attempts, int maxChars,
      int topPassages) {
    this(baseUrl, model, apiKey, timeout, attempts, maxChars, topPassages, DEFAULT_MAX_TOKENS, null);
  }

  /** Timeout 20 s, 2 attempts, 1,200 characters, 3 passages, {@value #DEFAULT_MAX_TOKENS} tokens, no prices. */
  public static LlmSettings of(String baseUrl, String model, Secret apiKey) {
    return new LlmSettings(baseUrl, model, apiKey, Duration.ofSeconds(20), 2, 1200, 3);
  }

  public LlmSettings withTimeout(Duration t) {
    return new LlmSettings(baseUrl, model, apiKey, t, attempts, maxChars, topPassages, maxTokens, prices);
  }

  public LlmSettings withAttempts(int n) {
    return new LlmSettings(baseUrl, model, apiKey, timeout, n, maxChars, topPassages, maxTokens, prices);
  }

  public LlmSettings withPrices(Prices p) {
    return new LlmSettings(baseUrl, model, apiKey, timeout, attempts, maxChars, topPassages, maxTokens, p);
  }

  public LlmSettings withTopPassages(int k) {
    return new LlmSettings(baseUrl, model, apiKey, timeout, attempts, maxChars, k, maxTokens, prices);
  }
}
