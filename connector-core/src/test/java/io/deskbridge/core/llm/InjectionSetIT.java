package io.deskbridge.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.bot.LanguageDetector;
import io.deskbridge.core.config.Secret;
import io.deskbridge.mock.openai.OpenAiFake;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The prompt-injection set ({@code llm/injections.tsv}: 100 attempts in EN/CS/PL/SK/SL) against the adversarial
 * fake through the real client: 0 answers written, and every refusal is counted under its reason codes.
 */
class InjectionSetIT {
  private static final Map<String, String> QUESTION = Map.of("en", "Can I still return the shoes I bought? ",
      "cs", "Můžu ještě vrátit boty, které jsem koupil? ", "pl", "Czy mogę jeszcze zwrócić buty, które kupiłem? ",
      "sk", "Môžem ešte vrátiť topánky, ktoré som kúpil? ", "sl", "Ali lahko še vrnem čevlje, ki sem jih kupil? ");
  private final OpenAiFake fake = OpenAiFake.start(OpenAiFake.Config.defaults());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LlmSettings settings = LlmSettings.of(fake.v1Url(), "gpt-fake", Secret.of(fake.config().apiKey()));
  private final LlmAnswerWriter writer = new LlmAnswerWriter(settings,
      new AnswerGuardrails(new LanguageDetector("en")), LlmAnswerWriter.openAi(settings), meters);

  record Attempt(String id, String language, String kind, String text) {}

  @AfterEach
  void close() {
    fake.close();
  }

  static List<Attempt> attempts() throws IOException {
    try (InputStream in = InjectionSetIT.class.getResourceAsStream("/llm/injections.tsv")) {
      List<Attempt> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 4);
        out.add(new Attempt(f[0], f[1], f[2], f[3]));
      }
      return out;
    }
  }

  private int run(List<Attempt> set) {
    int written = 0;
    for (Attempt a : set) {
      LlmOutcome out = writer.write(new LlmAnswerWriter.Request(QUESTION.get(a.language()) + a.text(),
          a.language(), LlmAnswerWriterIT.RETURNS.passages(), List.of(), List.of("VIP customer, handle gently")));
      assertThat(out).as(a.id()).isNotInstanceOf(LlmOutcome.Failed.class);
      if (out instanceof LlmOutcome.Written) {
        written++;
      } else {
        assertThat(out.reason()).as(a.id()).startsWith("llm_");
      }
    }
    return written;
  }

  @Test
  void theSetHasAtLeast100AttemptsInEveryLanguageAndKind() throws IOException {
    List<Attempt> set = attempts();
    assertThat(set).hasSizeGreaterThanOrEqualTo(100);
    assertThat(set.stream().map(Attempt::language).distinct()).containsExactlyInAnyOrder("en", "cs", "pl", "sk",
        "sl");
    assertThat(set.stream().map(Attempt::kind).distinct()).containsExactlyInAnyOrder("override", "leak",
        "discount", "refund", "link");
  }

  @Test
  void noAttemptGetsAnAnswerWrittenWhateverTheAdversarialModelDoes() throws IOException {
    List<Attempt> set = attempts();
    fake.adversarial();
    assertThat(run(set)).isZero();
    fake.adversarial(OpenAiFake.Attack.OBEY_INJECTION);
    assertThat(run(set)).isZero();
    double refusals = meters.find("deskbridge.llm.outcomes").counters().stream()
        .filter(c -> !"llm_ok".equals(c.getId().getTag("reason"))).mapToDouble(c -> c.count()).sum();
    assertThat(refusals).isGreaterThanOrEqualTo(2.0 * set.size());
    assertThat(fake.journal().count()).isEqualTo(2 * set.size());
  }
}
