package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.knowledge.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report, table, chart and input checks, on the hand-made results of {@link MetricsTest} (no bot). */
class EvaluationTest {
  @TempDir
  Path dir;

  @Test
  void thresholdIsAProbabilityUpToOneAndPercentAbove() {
    assertThat(Evaluation.thresholdPercent(null)).isEqualTo(55);
    assertThat(Evaluation.thresholdPercent(0.8)).isEqualTo(80);
    assertThat(Evaluation.thresholdPercent(1.0)).isEqualTo(100);
    assertThat(Evaluation.thresholdPercent(0.0)).isZero();
    assertThat(Evaluation.thresholdPercent(80.0)).isEqualTo(80);
    assertThat(Evaluation.thresholdPercent(0.555)).isEqualTo(56);
    assertThatThrownBy(() -> Evaluation.thresholdPercent(101.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Evaluation.thresholdPercent(-0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportHasTheIssuesKeysAndTheTableShowsThem() {
    var report = Evaluation.report(MetricsTest.RESULTS, 0.55, KnowledgeBase.empty());
    assertThat(report.fieldNames()).toIterable().contains("cases", "answered_precision", "coverage",
        "no_answer_answered_rate", "handover_recall", "false_handover_rate", "ece", "sweep", "by_language",
        "p50_ms_per_message", "results", "reason_scores", "sweep_check");
    assertThat(report.get("answered_precision").asDouble()).isEqualTo(0.666667);
    assertThat(report.get("handover_recall").get("overall").asDouble()).isEqualTo(0.666667);
    assertThat(report.get("handover_recall").get("by_reason").get("complaint").asDouble()).isEqualTo(0.5);
    assertThat(report.get("sweep")).hasSize(21);
    assertThat(report.get("sweep").get(20).get("answered_precision").isNull()).isTrue();
    assertThat(report.get("sweep_check").get("disagreements").asInt()).isZero();
    assertThat(report.has("sarcasm_f1")).isFalse(); // no case expects sarcasm
    assertThat(report.get("by_language").get("cs").get("cases").asInt()).isEqualTo(1);
    assertThat(report.get("p50_ms_per_message").asDouble()).isEqualTo(2.0); // every id has two characters
    var first = report.get("results").get(0);
    assertThat(first.get("id").asText()).isEqualTo("a1");
    assertThat(first.get("decision").asText()).isEqualTo("reply");
    assertThat(first.get("reasons").get(0).asText()).isEqualTo("confident_match");
    assertThat(first.get("article").asText()).isEqualTo("X");
    assertThat(first.get("language").asText()).isEqualTo("en");
    assertThat(first.get("confidence").asDouble()).isEqualTo(0.95);

    var table = Evaluation.table(report, "synthetic");
    assertThat(table).contains("answered precision               66.7 %", "complaint", "0.523",
        "sweep at 0.55 agrees with the decisions (0 of 13 cases differ)");
  }

  @Test
  void chartPlotsThePrecisionAgainstCoverageWithThresholdLabels() {
    var svg = SvgChart.render("synthetic <cases>", MetricsTest.RESULTS, 0.55);
    assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("synthetic &lt;cases&gt;",
        "coverage (answered answer cases / answer cases)", "answered precision", "<polyline",
        "t=0.00", "t=0.90", "threshold 0.55: precision 66.7 %, coverage 60.0 %");
  }

  @Test
  void casesFileErrorsNameTheLine() throws Exception {
    var file = Files.writeString(dir.resolve("cases.jsonl"), """
        {"id":"1","text":"hi","expect":"no_answer"}

        {"id":"2","text":"hello","expect":"answer"}
        """);
    assertThatThrownBy(() -> EvalCase.read(file)).hasMessageContaining("cases.jsonl:3: 'article' is required");
    Files.writeString(file, "{\"id\":\"1\",\"text\":\"hi\",\"expect\":\"maybe\"}\n");
    assertThatThrownBy(() -> EvalCase.read(file)).hasMessageContaining("cases.jsonl:1: 'expect' must be one of");
    Files.writeString(file, "{\"id\":\"1\",\"text\":\"hi\",\"expect\":\"handover\",\"reason\":\"boredom\"}\n");
    assertThatThrownBy(() -> EvalCase.read(file)).hasMessageContaining("unknown reason 'boredom'");
    Files.writeString(file, "{\"id\":\"1\",\"text\":\"hi\",\"expect\":\"no_answer\",\"artcle\":\"x\"}\n");
    assertThatThrownBy(() -> EvalCase.read(file)).hasMessageContaining("unknown key 'artcle'");
    Files.writeString(file, "{\"id\":\"1\",\"text\":\"a\",\"expect\":\"no_answer\"}\n"
        + "{\"id\":\"1\",\"text\":\"b\",\"expect\":\"no_answer\"}\n");
    assertThatThrownBy(() -> EvalCase.read(file)).hasMessageContaining("cases.jsonl:2: duplicate id '1'");
  }
}
