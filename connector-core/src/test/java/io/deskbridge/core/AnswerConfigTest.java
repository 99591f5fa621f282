package io.deskbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.llm.AnswerConfig;
import io.deskbridge.core.llm.AnswerMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installation's {@code answer} section read from the YAML file: defaults, the llm block, one-line mistakes. */
class AnswerConfigTest {
  @TempDir
  Path dir;

  private static final String YAML = """
      knowledge: kb
      installations:
        - id: acme
          vendor: zendesk
          routing: {defaultGroup: "1"}
      ANSWER
          settings:
            url: https://acme.zendesk.com
            apiToken: {env: ZD_TOKEN}
      """;

  private static final String LLM = """
          answer:
            mode: llm
            llm:
              baseUrl: https://api.openai.com/v1
              model: gpt-4o-mini
              apiKey: {env: OPENAI_API_KEY}
              timeout: 15s
              retries: 2
              maxTokens: 400
              topPassages: 2
              pricePer1kInputTokens: 0.00015
              pricePer1kOutputTokens: 0.0006
      """;

  private DeskbridgeConfig load(String answer, Map<String, String> env) throws Exception {
    Path file = Files.writeString(dir.resolve("deskbridge.yaml"), YAML.replace("ANSWER\n", answer));
    Function<String, String> lookup = name -> name.equals("XDG_DATA_HOME") ? dir.resolve("xdg").toString()
        : env.get(name);
    return ConfigLoader.load(file, lookup, Connectors.of(ConfigLoaderTest.ZENDESK));
  }

  private static final Map<String, String> ENV = Map.of("ZD_TOKEN", "t", "OPENAI_API_KEY", "sk-live-s3cret");

  @Test
  void withoutTheSectionAnswersAreExtractive() throws Exception {
    var acme = load("", ENV).installations().get(0);
    assertThat(acme.answer()).isEqualTo(AnswerConfig.EXTRACTIVE);
    assertThat(acme.answer().mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    assertThat(acme.answer().llm()).isNull();
  }

  @Test
  void readsTheLlmBlockAndPrintsTheKeyRedacted() throws Exception {
    var config = load(LLM, ENV);
    var answer = config.installations().get(0).answer();
    assertThat(answer.mode()).isEqualTo(AnswerMode.LLM);
    var llm = answer.llm();
    assertThat(llm.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(llm.model()).isEqualTo("gpt-4o-mini");
    assertThat(llm.apiKey().reveal()).isEqualTo("sk-live-s3cret");
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(llm.attempts()).as("the first call and 2 retries").isEqualTo(3);
    assertThat(llm.maxTokens()).isEqualTo(400);
    assertThat(llm.topPassages()).isEqualTo(2);
    assertThat(llm.maxChars()).isEqualTo(1200);
    assertThat(llm.prices().cost(2000, 1000)).isCloseTo(0.0003 + 0.0006, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(config.toString()).contains("gpt-4o-mini").doesNotContain("s3cret");
  }

  @Test
  void defaultsForWhatTheBlockLeavesOutAndNoKeyForALocalServer() throws Exception {
    var llm = load("""
            answer:
              mode: llm
              llm: {baseUrl: "http://localhost:11434/v1", model: "llama3.1:8b"}
        """, Map.of("ZD_TOKEN", "t")).installations().get(0).answer().llm();
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(llm.attempts()).isEqualTo(2);
    assertThat(llm.topPassages()).isEqualTo(3);
    assertThat(llm.prices()).isNull();
    assertThat(llm.apiKey().reveal()).isNotBlank();
  }

  @Test
  void handoverSummariesAreOffUnlessTheLlmBlockTurnsThemOn() throws Exception {
    assertThat(load(LLM, ENV).installations().get(0).answer().summaries()).isFalse();
    var on = LLM + "        summaries: true\n";
    assertThat(load(on, ENV).installations().get(0).answer().summaries()).isTrue();
    assertThat(load(on.replace("mode: llm", "mode: extractive"), Map.of("ZD_TOKEN", "t")).installations().get(0)
        .answer()).as("never in extractive mode").isEqualTo(AnswerConfig.EXTRACTIVE);
    assertError(LLM + "        summaries: maybe\n", ENV, "installations[acme].answer.llm.summaries");
  }

  @Test
  void intentDetectionIsOffUnlessTheLlmBlockTurnsItOn() throws Exception {
    var answer = load(LLM, ENV).installations().get(0).answer();
    assertThat(answer.intents()).isFalse();
    var on = LLM + "        intents: true\n";
    assertThat(load(on, ENV).installations().get(0).answer().intents()).isTrue();
    assertThat(load(on, ENV).installations().get(0).answer().summaries()).isFalse();
    assertThat(load(on.replace("mode: llm", "mode: extractive"), Map.of("ZD_TOKEN", "t")).installations().get(0)
        .answer()).isEqualTo(AnswerConfig.EXTRACTIVE);
    assertError(LLM + "        intents: 1x\n", ENV, "installations[acme].answer.llm.intents");
  }

  @Test
  void anLlmBlockIsNotReadInExtractiveMode() throws Exception {
    var answer = load(LLM.replace("mode: llm", "mode: extractive"), Map.of("ZD_TOKEN", "t")).installations()
        .get(0).answer();
    assertThat(answer).as("no OPENAI_API_KEY needed to switch back").isEqualTo(AnswerConfig.EXTRACTIVE);
  }

  @Test
  void readsTheBrandsTone() throws Exception {
    var tone = load(LLM + """
              tone:
                address: informal
                greeting: {en: "Hi,", cs: "Ahoj,"}
                signOff: {en: "The Acme team"}
                avoid: [cheap, unfortunately]
        """, ENV).installations().get(0).answer().tone();
    assertThat(tone.address()).isEqualTo(io.deskbridge.core.bot.AddressForm.INFORMAL);
    assertThat(tone.greetings()).containsEntry("en", "Hi,").containsEntry("cs", "Ahoj,");
    assertThat(tone.signOffs()).containsOnly(Map.entry("en", "The Acme team"));
    assertThat(tone.avoid()).containsExactly("cheap", "unfortunately");
    assertThat(load("", ENV).installations().get(0).answer().tone()).isEqualTo(io.deskbridge.core.llm.Tone.NONE);
    assertError(LLM + "      tone: {address: polite}\n", ENV,
        "installations[acme].answer.tone.address must be formal or informal, was 'polite'");
    assertError(LLM + "      tone: {greeting: Hello}\n", ENV,
        "installations[acme].answer.tone.greeting must map a language to its line");
  }

  @Test
  void mistakesAreOneLineNamingTheSettingAndTheFix() {
    assertError(LLM.replace("        baseUrl: https://api.openai.com/v1\n", ""), ENV,
        "installations[acme].answer.llm.baseUrl is required when answer.mode is llm");
    assertError(LLM.replace("        model: gpt-4o-mini\n", ""), ENV,
        "installations[acme].answer.llm.model is required when answer.mode is llm");
    assertError("    answer: {mode: generative}\n", ENV,
        "installations[acme].answer.mode must be extractive or llm, was 'generative'");
    assertError("    answer: {mode: llm}\n", ENV,
        "installations[acme].answer.llm.baseUrl is required when answer.mode is llm");
    assertError(LLM, Map.of("ZD_TOKEN", "t"),
        "installations[acme].answer.llm.apiKey reads the environment variable OPENAI_API_KEY, which is not set");
    assertError(LLM.replace("        pricePer1kOutputTokens: 0.0006\n", ""), ENV,
        "installations[acme].answer.llm.pricePer1kOutputTokens is required with pricePer1kInputTokens");
    assertError(LLM.replace("0.0006", "cheap"), ENV,
        "installations[acme].answer.llm.pricePer1kOutputTokens must be a number >= 0");
    assertError(LLM.replace("timeout: 15s", "timeout: 10m"), ENV,
        "installations[acme].answer.llm.timeout must be between 1s and 5m");
    assertError(LLM.replace("apiKey: {env: OPENAI_API_KEY}", "apiKey: sk-in-the-file"), ENV,
        "installations[acme].answer.llm.apiKey");
    assertError(LLM.replace("baseUrl:", "baseURL:"), ENV,
        "installations[acme].answer.llm.baseURL is not a setting; did you mean 'baseUrl'?");
  }

  private void assertError(String answer, Map<String, String> env, String expected) {
    assertThatThrownBy(() -> load(answer, env)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("sk-live-s3cret")
            .doesNotContain("sk-in-the-file"));
  }
}
