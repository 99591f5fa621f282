package io.deskbridge.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deskbridge.core.bot.LanguageDetector;
import io.deskbridge.core.config.Secret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real OpenAI-compatible endpoint (run with {@code -Plive}): {@code DESKBRIDGE_LLM_BASE_URL} (e.g.
 * {@code http://localhost:11434/v1}), {@code DESKBRIDGE_LLM_MODEL} (default {@code gpt-4o-mini}),
 * {@code DESKBRIDGE_LLM_API_KEY} (default {@code none}, for local servers). Skipped, with the reason, when the base
 * URL is not set. A real model may write an answer the guardrails refuse; what must hold is that the call works, the
 * answer is either written with a retrieved citation or refused with reason codes, and tokens are counted.
 */
class LlmAnswerWriterLiveIT {
  @Test
  void aRealEndpointAnswersAndTheAnswerIsWrittenOrRefusedWithReasons() {
    String base = System.getenv("DESKBRIDGE_LLM_BASE_URL");
    assumeTrue(base != null && !base.isBlank(),
        "DESKBRIDGE_LLM_BASE_URL is not set: set it (and DESKBRIDGE_LLM_MODEL, DESKBRIDGE_LLM_API_KEY) to run");
    String model = System.getenv().getOrDefault("DESKBRIDGE_LLM_MODEL", "gpt-4o-mini");
    LlmSettings settings = LlmSettings.of(base, model, Secret.fromEnv("DESKBRIDGE_LLM_API_KEY",
        v -> System.getenv().getOrDefault(v, "none"))).withTimeout(Duration.ofSeconds(60));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    LlmAnswerWriter writer = new LlmAnswerWriter(settings, new AnswerGuardrails(new LanguageDetector("en")),
        LlmAnswerWriter.openAi(settings), meters);

    LlmOutcome out = writer.write(LlmAnswerWriterIT.RETURNS);

    assertThat(out).isNotInstanceOf(LlmOutcome.Failed.class);
    if (out instanceof LlmOutcome.Written w) {
      assertThat(w.articleIds()).isNotEmpty().isSubsetOf("42", "43");
    } else {
      assertThat(((LlmOutcome.Refused) out).violations()).isNotEmpty();
    }
    assertThat(meters.summary("deskbridge.llm.tokens", "kind", "input").totalAmount()).isPositive();
  }
}
