package io.deskbridge.core.llm;

import io.deskbridge.core.config.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how LLM answers are written (issue #15, {@code answer.mode: llm}). Immutable.
 *
 * @param baseUrl an OpenAI-compatible base URL ending in {@code /v1} (OpenAI, Azure OpenAI v1, vLLM, Ollama
 *     {@code /v1}, llama.cpp server)
 * @param model the model (or Azure deployment) name
 * @param apiKey the bearer key; servers that need none take any non-blank value
 * @param timeout one call's timeout
 * @param attempts calls per answer, retries included (429, 5xx and timeouts are retried)
 * @param maxChars the longest answer that may be sent
 * @param topPassages how many of the top passages are given to the model
 */
public record LlmSettings(String baseUrl, String model, Secret apiKey, Duration timeout, int attempts, int maxChars,
    int topPassages) {
  public LlmSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(timeout, "timeout");
    if (baseUrl.isBlank() || model.isBlank() || timeout.isNegative() || timeout.isZero() || attempts < 1
        || maxChars < 1 || topPassages < 1) {
      throw new IllegalArgumentException("answer.llm: baseUrl and model must be set, timeout > 0, attempts, "
          + "maxChars and topPassages >= 1; fix the answer.llm section of the config");
    }
  }

  /** Timeout 20 s, 2 attempts, 1,200 characters, 3 passages. */
  public static LlmSettings of(String baseUrl, String model, Secret apiKey) {
    return new LlmSettings(baseUrl, model, apiKey, Duration.ofSeconds(20), 2, 1200, 3);
  }

  public LlmSettings withTimeout(Duration t) {
    return new LlmSettings(baseUrl, model, apiKey, t, attempts, maxChars, topPassages);
  }

  public LlmSettings withAttempts(int n) {
    return new LlmSettings(baseUrl, model, apiKey, timeout, n, maxChars, topPassages);
  }
}
