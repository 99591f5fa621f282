package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Floors on the hand-written escalation cases ({@code signals/escalation-tune.jsonl} and
 * {@code signals/escalation-held-out.jsonl}, 120 per language: 20 per reason and 40 neutral lines). A regression
 * guard set a little below what the signals measured on both halves together (docs/quality.md, "Signals in five
 * languages"); sarcasm here is the rules alone, without the English model.
 */
class EscalationCasesTest {

  private static final HumanRequestSignal HUMAN = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());
  private static final KeywordSignal KEYWORDS = new KeywordSignal(KeywordSignal.defaults());
  private static final AngerSignal ANGER = new AngerSignal();

  private record Case(String id, String text, String language, String reason) {}

  @ParameterizedTest
  @ValueSource(strings = {"en", "cs", "pl", "sk", "sl"})
  void eachLanguageMeetsItsFloors(String language) throws IOException {
    var cases = new ArrayList<Case>();
    cases.addAll(read("/signals/escalation-tune.jsonl"));
    cases.addAll(read("/signals/escalation-held-out.jsonl"));
    cases.removeIf(c -> !c.language().equals(language));
    assertThat(cases).hasSize(120);

    assertThat(recall(cases, Set.of("anger"))).as("anger recall").isGreaterThanOrEqualTo(0.85);
    assertThat(recall(cases, Set.of("sarcasm"))).as("sarcasm recall").isGreaterThanOrEqualTo(0.85);
    assertThat(recall(cases, Set.of("human_request"))).as("human request recall").isGreaterThanOrEqualTo(0.95);
    assertThat(recall(cases, Set.of("complaint", "cancellation", "legal"))).as("critical words recall")
        .isGreaterThanOrEqualTo(0.9);
    var neutral = cases.stream().filter(c -> c.reason().isEmpty()).toList();
    assertThat(neutral).hasSize(40);
    assertThat(neutral.stream().filter(c -> reasons(c.text()).contains("anger")).map(Case::id)).as("anger alarms")
        .isEmpty();
    assertThat(neutral.stream().filter(c -> reasons(c.text()).contains("sarcasm")).map(Case::id))
        .as("sarcasm alarms").isEmpty();
    assertThat(neutral.stream().filter(c -> reasons(c.text()).contains("human_request")).map(Case::id))
        .as("human request alarms").hasSizeLessThanOrEqualTo(1);
    assertThat(neutral.stream().filter(c -> reasons(c.text()).stream()
        .anyMatch(Set.of("complaint", "cancellation", "legal")::contains)).map(Case::id)).as("keyword alarms")
        .isEmpty();
  }

  /**
   * Floors on {@code signals/escalation-held-out-2.jsonl} (50 a language: 10 per signal, 20 neutral lines), which the
   * fourth round of issue #13 tuned on after its measurement (docs/quality.md, "Fourth round"): a regression guard,
   * not evidence.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "cs", "pl", "sk", "sl"})
  void theSecondHeldOutSetKeepsItsFourthRoundFloors(String language) throws IOException {
    var cases = new ArrayList<>(read("/signals/escalation-held-out-2.jsonl"));
    cases.removeIf(c -> !c.language().equals(language));
    assertThat(cases).hasSize(50);

    assertThat(recall(cases, Set.of("anger"))).as("anger recall").isGreaterThanOrEqualTo(0.9);
    assertThat(recall(cases, Set.of("sarcasm"))).as("sarcasm recall").isGreaterThanOrEqualTo(0.9);
    assertThat(recall(cases, Set.of("human_request"))).as("human request recall").isGreaterThanOrEqualTo(0.9);
    var neutral = cases.stream().filter(c -> c.reason().isEmpty()).toList();
    assertThat(neutral).hasSize(20);
    assertThat(neutral.stream().filter(c -> !reasons(c.text()).isEmpty()).map(Case::id)).as("alarms").isEmpty();
  }

  /**
   * Floors on {@code signals/escalation-held-out-3.jsonl}, which the fifth round of issue #13 tuned on after its
   * measurement (docs/quality.md, "Fifth round"): a regression guard, not evidence. Sarcasm is the rules alone (three
   * English lines are left to the English model); the narrated complaint ("your operator helped me with a complaint
   * last week") still holds a critical word in Czech, Slovak and Slovene.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "cs", "pl", "sk", "sl"})
  void theThirdHeldOutSetKeepsItsFifthRoundFloors(String language) throws IOException {
    var cases = new ArrayList<>(read("/signals/escalation-held-out-3.jsonl"));
    cases.removeIf(c -> !c.language().equals(language));
    assertThat(cases).hasSize(50);

    assertThat(recall(cases, Set.of("anger"))).as("anger recall").isGreaterThanOrEqualTo(0.9);
    assertThat(recall(cases, Set.of("sarcasm"))).as("sarcasm recall").isGreaterThanOrEqualTo(0.7);
    assertThat(recall(cases, Set.of("human_request"))).as("human request recall").isGreaterThanOrEqualTo(1.0);
    var neutral = cases.stream().filter(c -> c.reason().isEmpty()).toList();
    assertThat(neutral).hasSize(20);
    assertThat(neutral.stream().filter(c -> reasons(c.text()).stream()
        .anyMatch(Set.of("anger", "sarcasm", "human_request")::contains)).map(Case::id)).as("alarms").isEmpty();
    assertThat(neutral.stream().filter(c -> !reasons(c.text()).isEmpty()).map(Case::id)).as("keyword alarms")
        .hasSizeLessThanOrEqualTo(1);
  }

  /**
   * Floors on {@code signals/escalation-held-out-4.jsonl}, which the sixth round of issue #13 tuned on after its
   * measurement (docs/quality.md, "Sixth round"): a regression guard, not evidence. Sarcasm is the rules alone; the
   * wrong colour with the praise at the end ("no brawo", "fakt povedené") stays missed in every language.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "cs", "pl", "sk", "sl"})
  void theFourthHeldOutSetKeepsItsSixthRoundFloors(String language) throws IOException {
    var cases = new ArrayList<>(read("/signals/escalation-held-out-4.jsonl"));
    cases.removeIf(c -> !c.language().equals(language));
    assertThat(cases).hasSize(50);

    assertThat(recall(cases, Set.of("anger"))).as("anger recall").isGreaterThanOrEqualTo(1.0);
    assertThat(recall(cases, Set.of("sarcasm"))).as("sarcasm recall").isGreaterThanOrEqualTo(0.9);
    assertThat(recall(cases, Set.of("human_request"))).as("human request recall").isGreaterThanOrEqualTo(1.0);
    var neutral = cases.stream().filter(c -> c.reason().isEmpty()).toList();
    assertThat(neutral).hasSize(20);
    assertThat(neutral.stream().filter(c -> !reasons(c.text()).isEmpty()).map(Case::id)).as("alarms").isEmpty();
  }

  /**
   * Floors on {@code signals/escalation-held-out-5.jsonl}, which the seventh round of issue #13 tuned on after its
   * measurement (docs/quality.md, "Seventh round"): a regression guard, not evidence. Sarcasm is the rules alone. No
   * neutral line may raise any signal, critical words included ("How long does the complaints process take?" and its
   * siblings were complaints before). {@code escalation-held-out-6.jsonl} is deliberately not used here.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "cs", "pl", "sk", "sl"})
  void theFifthHeldOutSetKeepsItsSeventhRoundFloors(String language) throws IOException {
    var cases = new ArrayList<>(read("/signals/escalation-held-out-5.jsonl"));
    cases.removeIf(c -> !c.language().equals(language));
    assertThat(cases).hasSize(50);

    assertThat(recall(cases, Set.of("anger"))).as("anger recall").isGreaterThanOrEqualTo(1.0);
    assertThat(recall(cases, Set.of("sarcasm"))).as("sarcasm recall").isGreaterThanOrEqualTo(0.9);
    assertThat(recall(cases, Set.of("human_request"))).as("human request recall").isGreaterThanOrEqualTo(1.0);
    var neutral = cases.stream().filter(c -> c.reason().isEmpty()).toList();
    assertThat(neutral).hasSize(20);
    assertThat(neutral.stream().filter(c -> !reasons(c.text()).isEmpty()).map(Case::id)).as("alarms").isEmpty();
  }

  private static double recall(List<Case> cases, Set<String> reasons) {
    var positives = cases.stream().filter(c -> reasons.contains(c.reason())).toList();
    assertThat(positives).isNotEmpty();
    return positives.stream().filter(c -> reasons(c.text()).contains(c.reason())).count() / (double) positives.size();
  }

  private static Set<String> reasons(String text) {
    var found = new HashSet<String>();
    if (HUMAN.matches(text)) {
      found.add("human_request");
    }
    KEYWORDS.reasons(text).forEach(r -> found.add(r.code()));
    if (ANGER.isAngry(ANGER.score(text))) {
      found.add("anger");
    }
    if (SarcasmSignal.supportSarcasm(text)) {
      found.add("sarcasm");
    }
    return found;
  }

  private static List<Case> read(String resource) throws IOException {
    var json = new ObjectMapper();
    var cases = new ArrayList<Case>();
    try (var in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(EscalationCasesTest.class.getResourceAsStream(resource), resource),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          JsonNode node = json.readTree(line);
          cases.add(new Case(node.get("id").asText(), node.get("text").asText(), node.get("language").asText(),
              node.path("reason").asText("")));
        }
      }
    }
    return cases;
  }
}
