package io.deskbridge.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.bot.LanguageDetector;
import io.deskbridge.core.config.Secret;
import io.deskbridge.mock.openai.OpenAiFake;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code privacy.redactLlmPrompts}: what reaches the model (the fake's journal of the real client's requests) has the
 * customer's personal data replaced, the articles untouched; a placeholder in the answer gets its value back.
 */
class LlmPromptRedactionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AnswerGuardrails RULES = new AnswerGuardrails(new LanguageDetector("en"));
  private final OpenAiFake fake = OpenAiFake.start(OpenAiFake.Config.defaults());
  private final LlmSettings settings = LlmSettings.of(fake.v1Url(), "gpt-fake", Secret.of(fake.config().apiKey()));

  private static final LlmAnswerWriter.Request CALL_ME = new LlmAnswerWriter.Request(
      "Hello, my parcel has not arrived. Please call me back on +44 7911 123456 or write to emma.brown@example.org; "
          + "refund to GB29 NWBK 6016 1331 9268 19 if it is lost.",
      "en",
      List.of(new LlmAnswerWriter.Passage("7", "Lost parcels", "Call our parcel line on +44 20 7946 0321 and we "
          + "refund lost parcels within 14 days.")),
      List.of("order contact: oliver.jones@example.org"), List.of());

  @AfterEach
  void close() {
    fake.close();
  }

  private LlmAnswerWriter writer(boolean redact) {
    return new LlmAnswerWriter(settings, RULES, LlmAnswerWriter.openAi(settings), new SimpleMeterRegistry(), redact);
  }

  private static String answer(String text) throws Exception {
    var node = JSON.createObjectNode().put("answer", text);
    node.putArray("articleIds").add("7");
    return JSON.writeValueAsString(node);
  }

  @Test
  void theCustomersDataNeverReachesTheModelAndPlaceholdersInTheAnswerAreFilledBack() throws Exception {
    fake.script(answer("Sorry about your parcel. We will call you on [phone] and refund lost parcels within 14 days."));

    LlmOutcome out = writer(true).write(CALL_ME);

    String sent = fake.journal().calls().get(0).body();
    assertThat(sent).doesNotContain("7911 123456").doesNotContain("emma.brown").doesNotContain("NWBK 6016")
        .doesNotContain("oliver.jones");
    assertThat(sent).contains("[phone]").contains("[email]").contains("[iban]")
        .as("the article's own number is company text").contains("+44 20 7946 0321");
    assertThat(out).isInstanceOf(LlmOutcome.Written.class);
    assertThat(((LlmOutcome.Written) out).text()).contains("call you on +44 7911 123456").doesNotContain("[phone]");
  }

  @Test
  void withRedactionOffThePromptIsSentAsItIs() throws Exception {
    fake.script(answer("Sorry about your parcel. We refund lost parcels within 14 days."));

    writer(false).write(CALL_ME);

    assertThat(fake.journal().calls().get(0).body()).contains("+44 7911 123456").contains("emma.brown@example.org");
  }

  @Test
  void aPlaceholderStandingForSeveralValuesFailsTheAnswer() throws Exception {
    fake.script(answer("We wrote to [email] about the refund within 14 days."));
    var twoAddresses = new LlmAnswerWriter.Request("Write to a.b@example.org or c.d@example.org please.", "en",
        CALL_ME.passages(), List.of(), List.of());

    LlmOutcome out = writer(true).write(twoAddresses);

    assertThat(out.reason()).isEqualTo("llm_placeholder");
  }
}
