package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --answer-mode llm}, the demo's second run: one guarded LLM answer sent, one refused with its reason and
 * the extractive answer sent instead, and the owner's order status written from the looked-up record.
 */
class LlmDemoIT {
  @Test
  void oneGuardedLlmAnswerIsSentAndOneRefusedWithItsReason() {
    var run = LlmDemo.session();

    assertThat(run.unmatched()).isEmpty();
    assertThat(run.calls()).hasSize(3).allSatisfy(c -> assertThat(c.ok()).as(c.answer().toString()).isTrue());
    var sent = run.calls().get(0);
    assertThat(sent.answer().path("reply").path("text").asText())
        .startsWith("Do Brna obvykle doručujeme za 1–2 pracovní dny.").contains("https://shop.example/cs/help/delivery");
    var refused = run.calls().get(1);
    assertThat(refused.reasons()).contains("llm_fallback_extractive", "llm_unsupported_fact");
    assertThat(refused.answer().path("reply").path("text").asText()).contains("Delivery to a pick-up point costs 3 EUR")
        .doesNotContain("+420");
    assertThat(run.calls().get(2).answer().path("reply").path("text").asText()).contains("2026-12-09");

    var bytes = new ByteArrayOutputStream();
    LlmDemo.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), run);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("sent, written by the LLM and guarded:")
        .contains("refused: llm_unsupported_fact; the extractive answer went out instead:")
        .contains("answer.mode llm: 3 of 3 calls as expected");
  }

  @Test
  void aWrongAnswerModeOrAVendorWithLlmIsAUsageError() {
    var wrong = CommandLineRun.of("demo", "--answer-mode", "generative");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("--answer-mode must be extractive or llm, was 'generative'");

    var vendor = CommandLineRun.of("demo", "--answer-mode", "llm", "--vendor", "zendesk");
    assertThat(vendor.exitCode()).isEqualTo(2);
    assertThat(vendor.err()).contains("--answer-mode llm runs the Conversation API session only");
  }
}
