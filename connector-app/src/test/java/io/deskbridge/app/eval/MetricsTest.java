package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deskbridge.app.eval.EvalCase.Expect;
import io.deskbridge.app.eval.Metrics.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics on a hand-made result list, against values computed by hand (see the comments). */
class MetricsTest {

  private static CaseResult result(String id, Expect expect, String expected, String decision, double confidence,
      String article, String... reasons) {
    var isAnswer = expect == Expect.ANSWER;
    var evalCase = new EvalCase(id, "text " + id, "", expect, isAnswer ? expected : null,
        expect == Expect.HANDOVER ? expected : null);
    return new CaseResult(evalCase, decision, List.of(reasons), confidence, article, id.equals("h3") ? "cs" : "en",
        id.length());
  }

  /** Decided at threshold 0.55: replies are at or above it, clarifications below. */
  static final List<CaseResult> RESULTS = List.of(
      result("a1", Expect.ANSWER, "X", "reply", 0.95, "X", "confident_match"),      // right
      result("a2", Expect.ANSWER, "X", "reply", 0.85, "Y", "confident_match"),      // wrong article
      result("a3", Expect.ANSWER, "Y", "reply", 0.65, "Y", "confident_match"),      // right
      result("a4", Expect.ANSWER, "Y", "clarify", 0.40, "Y", "low_confidence"),     // right but not answered
      result("a5", Expect.ANSWER, "Z", "handover", 0.90, "Z", "human_request"),     // false handover (signal)
      result("n1", Expect.NO_ANSWER, null, "clarify", 0.30, "X", "low_confidence"),
      result("n2", Expect.NO_ANSWER, null, "reply", 0.70, "Y", "confident_match"),
      result("n3", Expect.NO_ANSWER, null, "reply", 0.91, "X", "confident_match"),
      result("h1", Expect.HANDOVER, "complaint", "handover", 0.20, "X", "complaint"),
      result("h2", Expect.HANDOVER, "complaint", "clarify", 0.10, "X", "low_confidence"),
      result("h3", Expect.HANDOVER, "human_request", "handover", 0.20, "X", "anger"),
      result("s1", Expect.NO_HANDOVER, null, "handover", 0.10, "X", "anger"),
      result("s2", Expect.NO_HANDOVER, null, "clarify", 0.20, "X", "low_confidence"));

  @Test
  void summaryOfTheActualDecisions() {
    var s = Metrics.summarize(RESULTS);
    assertThat(s.cases()).isEqualTo(13);
    assertThat(s.answeredPrecision()).isEqualTo(new Ratio(2, 3));   // a1, a3 of a1..a3
    assertThat(s.coverage()).isEqualTo(new Ratio(3, 5));            // a1..a3 of a1..a5
    assertThat(s.noAnswerAnswered()).isEqualTo(new Ratio(2, 3));    // n2, n3
    assertThat(s.handoverRecall()).isEqualTo(new Ratio(2, 3));      // h1, h3 (any reason)
    assertThat(s.handoverRecallByReason())
        .containsEntry("complaint", new Ratio(1, 2))                 // h1 yes, h2 no
        .containsEntry("human_request", new Ratio(0, 1))             // h3 went for anger only
        .hasSize(2);
    assertThat(s.falseHandover()).isEqualTo(new Ratio(1, 5));       // a5
    assertThat(s.noHandoverHandedOver()).isEqualTo(new Ratio(1, 2)); // s1
  }

  @Test
  void eceBinsTheConfidenceOfAnswerAndNoAnswerCasesWithoutASignal() {
    // a1 .95 right and n3 .91 wrong share bin 9: |(1 - .95) + (0 - .91)| = .86; bin 8 a2: .85; bin 7 n2: .70;
    // bin 6 a3: .35; bin 4 a4 (right, not answered: the confidence is about the best article): .60; bin 3 n1: .30.
    // a5 is a signal handover; h*, s* have no right article. (.86 + .85 + .70 + .35 + .60 + .30) / 7 = 3.66 / 7.
    assertThat(Metrics.ece(RESULTS)).isCloseTo(3.66 / 7, within(1e-9));
    assertThat(Metrics.ece(List.of(result("x", Expect.ANSWER, "X", "reply", 1.0, "X")))).isCloseTo(0, within(1e-9));
    assertThat(Metrics.ece(List.of(RESULTS.get(8)))).isNaN();
  }

  @Test
  void sweepReplaysTheThresholdFromOnePass() {
    var sweep = Metrics.sweep(RESULTS);
    assertThat(sweep).hasSize(21);
    assertThat(sweep.get(0).threshold()).isZero();
    assertThat(sweep.get(20).threshold()).isEqualTo(1.0);
    assertThat(sweep.get(11).threshold()).isEqualTo(0.55);
    var t0 = sweep.get(0); // everything but the signal handovers: a1..a4 and n1..n3
    assertThat(t0.coverage()).isEqualTo(new Ratio(4, 5));
    assertThat(t0.answeredPrecision()).isEqualTo(new Ratio(3, 4));
    assertThat(t0.noAnswerAnswered()).isEqualTo(new Ratio(3, 3));
    var t50 = sweep.get(10);
    assertThat(t50.coverage()).isEqualTo(new Ratio(3, 5));
    assertThat(t50.answeredPrecision()).isEqualTo(new Ratio(2, 3));
    assertThat(t50.noAnswerAnswered()).isEqualTo(new Ratio(2, 3));
    var t90 = sweep.get(18); // a1 .95 and n3 .91
    assertThat(t90.coverage()).isEqualTo(new Ratio(1, 5));
    assertThat(t90.answeredPrecision()).isEqualTo(new Ratio(1, 1));
    assertThat(t90.noAnswerAnswered()).isEqualTo(new Ratio(1, 3));
    var t100 = sweep.get(20);
    assertThat(t100.coverage()).isEqualTo(new Ratio(0, 5));
    assertThat(t100.answeredPrecision().value()).isNaN();
  }

  @Test
  void sweepAgreesWithTheDecisionsOnlyAtTheThresholdTheyWereMadeWith() {
    assertThat(Metrics.sweepDisagreements(RESULTS, 0.55)).isEmpty();
    assertThat(Metrics.sweepDisagreements(RESULTS, 0.80)).extracting(r -> r.evalCase().id())
        .containsExactly("a3", "n2");
  }

  @Test
  void reasonScoresCountEveryCase() {
    var scores = Metrics.reasonScores(RESULTS);
    assertThat(scores.keySet()).containsExactly("anger", "complaint", "human_request");
    var complaint = scores.get("complaint"); // expected h1, h2; given h1
    assertThat(complaint.precision()).isEqualTo(1.0);
    assertThat(complaint.recall()).isEqualTo(0.5);
    assertThat(complaint.f1()).isCloseTo(2.0 / 3, within(1e-12));
    var human = scores.get("human_request"); // expected h3, given a5
    assertThat(human.precision()).isZero();
    assertThat(human.recall()).isZero();
    assertThat(human.f1()).isZero();
    var anger = scores.get("anger"); // never expected, given h3 and s1
    assertThat(anger.expected()).isZero();
    assertThat(anger.predicted()).isEqualTo(2);
    assertThat(anger.recall()).isNaN();
    assertThat(anger.f1()).isZero();
  }

  @Test
  void byLanguageAndPercentile() {
    assertThat(Metrics.byLanguage(RESULTS).keySet()).containsExactly("cs", "en");
    assertThat(Metrics.byLanguage(RESULTS).get("cs")).hasSize(1);
    assertThat(Metrics.percentile(List.of(5.0, 1.0, 3.0, 2.0, 4.0), 50)).isEqualTo(3.0);
    assertThat(Metrics.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.0);
    assertThat(Metrics.percentile(List.of(), 50)).isNaN();
  }
}
