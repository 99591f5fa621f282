package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.app.eval.HistoryReplay.Outcome;
import io.deskbridge.app.eval.HistoryReplay.Replayed;
import io.deskbridge.app.eval.HistoryReplay.Turn;
import io.deskbridge.app.eval.ReplyComparison.Result;
import io.deskbridge.app.eval.ReplyComparison.Verdict;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's report: counts per language, risky answers first, the files, and the calibration file's use. */
class SimulationReportTest {
  private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");
  @TempDir
  Path dir;

  private static Turn answered(String text, String language, String article, double confidence, Verdict verdict,
      String agentArticle) {
    return new Turn("m", text, Outcome.ANSWERED, List.of("confident_match"), confidence, article, language,
        "The bot's answer.", "The agent's reply.", List.of(), agentArticle,
        Optional.of(new Result(verdict, agentArticle, verdict.agrees() ? 0.7 : 0.1)));
  }

  private static Turn other(Outcome outcome, String text, String language, String reason) {
    return new Turn("m", text, outcome, List.of(reason), 0.2, "", language, "", "The agent's reply.", List.of(), "",
        Optional.empty());
  }

  private static Replayed conversation(String id, Turn... turns) {
    return new Replayed(id, "Subject " + id, SINCE.plusSeconds(3600), List.of(turns));
  }

  private static SimulationReport sample() {
    return new SimulationReport("acme", SINCE, 55, List.of(
        conversation("1", answered("Can I return shoes?", "en", "returns", 0.9, Verdict.SAME_ARTICLE, "returns")),
        conversation("2", answered("Jak dlouho trvá doručení?", "cs", "delivery", 0.8, Verdict.SIMILAR_TEXT, "")),
        conversation("3", answered("How do I change my address? Mail me at ann@example.com", "en", "change-address",
            0.7, Verdict.OTHER_ARTICLE, "order-status")),
        conversation("4", answered("Where is my invoice?", "en", "invoices", 0.95, Verdict.DIFFERENT_TEXT, "")),
        conversation("5", other(Outcome.HANDED_OVER, "I want a person.", "en", "human_request")),
        conversation("6", other(Outcome.CLARIFIED, "Hi, a problem.", "en", "low_confidence"),
            answered("It's the invoice.", "en", "invoices", 0.8, Verdict.NO_AGENT_REPLY, "")),
        conversation("7", other(Outcome.HANDED_OVER, "Chcę reklamację.", "pl", "low_confidence")),
        conversation("8", other(Outcome.IGNORED, "Out of office until Monday.", "", "auto_reply")),
        conversation("9")));
  }

  @Test
  void countsPerLanguageTheDecidingTurnAndTheAgreeingAnswersAsDeflection() {
    var rows = sample().rows();

    assertThat(rows).extracting(SimulationReport.Row::language).containsExactly("?", "cs", "en", "pl", "all");
    var all = rows.get(4);
    assertThat(all.conversations()).isEqualTo(8); // conversation 9 had no customer message
    assertThat(all.answered()).isEqualTo(5);
    assertThat(all.agreeing()).isEqualTo(2);
    assertThat(all.risky()).isEqualTo(2);
    assertThat(all.unverified()).isEqualTo(1);
    assertThat(all.clarified()).isZero(); // conversation 6's clarification led to an answer
    assertThat(all.handedOver()).isEqualTo(2);
    assertThat(all.ignored()).isEqualTo(1);
    assertThat(all.deflection()).isEqualTo(2 / 8.0);
    var en = rows.get(2);
    assertThat(en.conversations()).isEqualTo(5);
    assertThat(en.agreeing()).isEqualTo(1);
    assertThat(en.deflection()).isEqualTo(1 / 5.0);
    assertThat(rows.get(1).deflection()).isEqualTo(1.0);
  }

  @Test
  void riskyAnswersComeMostConfidentFirstAndLeadTheReport() {
    var report = sample();

    assertThat(report.risky()).extracting(Replayed::id).containsExactly("4", "3");
    String md = report.markdown();
    assertThat(md.indexOf("## Risky answers")).isLessThan(md.indexOf("## Handover reasons"))
        .isLessThan(md.indexOf("## Conversations"));
    assertThat(md).contains("| all | 8 | 5 | 2 | 2 | 1 | 0 | 2 | 1 | 25.0 % |")
        .contains("- **#4** (en)").contains("linked `order-status`")
        .contains("| human_request | 1 |").contains("| low_confidence | 1 |")
        .doesNotContain("ann@example.com").contains("[email]");
    assertThat(md.indexOf("**#4**")).isLessThan(md.indexOf("**#3**"));

    var out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("simulate acme: 9 solved conversation(s) since 2026-11-01T00:00:00Z, threshold 55 %")
        .contains("Risky answers").contains("#4 [en] \"Where is my invoice?\": bot invoices at 95 %")
        .contains("#3 [en]").contains("agent linked order-status");
  }

  @Test
  void theCalibrationLinesCarryTheBotsGuessUnreviewedAndSkipIgnoredMessages() {
    var lines = sample().calibrationLines();

    assertThat(lines).extracting(n -> n.get("id").asText())
        .containsExactly("sim-acme-1", "sim-acme-2", "sim-acme-3", "sim-acme-4", "sim-acme-5", "sim-acme-6",
            "sim-acme-7");
    assertThat(lines.get(0).toString()).isEqualTo("{\"id\":\"sim-acme-1\",\"text\":\"Can I return shoes?\","
        + "\"language\":\"en\",\"expect\":\"answer\",\"article\":\"returns\",\"reviewed\":false,"
        + "\"note\":\"bot: answered returns at 90 % (confident_match); agent: same_article returns\"}");
    assertThat(lines.get(2).get("text").asText()).isEqualTo("How do I change my address? Mail me at [email]");
    assertThat(lines.get(4).get("expect").asText()).isEqualTo("handover");
    assertThat(lines.get(4).get("reason").asText()).isEqualTo("human_request");
    assertThat(lines.get(5).get("expect").asText()).isEqualTo("no_answer"); // the first message got a question
    assertThat(lines.get(6).get("expect").asText()).isEqualTo("no_answer"); // low confidence is no reason for people
    assertThat(lines.get(6).has("reason")).isFalse();
  }

  @Test
  void theFilesAreWrittenAndTheCalibrationFileReadsAsEvalCases() throws Exception {
    sample().write(dir.resolve("out"));

    assertThat(dir.resolve("out/report.md")).exists();
    assertThat(Files.readAllLines(dir.resolve("out/conversations.jsonl"))).hasSize(9)
        .anySatisfy(l -> assertThat(l).contains("\"id\":\"9\"").contains("\"outcome\":\"no_customer_message\""));
    var cases = EvalCase.read(dir.resolve("out/calibration.jsonl"));
    assertThat(cases).hasSize(7).allSatisfy(c -> assertThat(c.reviewed()).isFalse());
  }

  @Test
  void calibrationTakesOnlyTheReviewedLinesAndSaysWhyItHasTooFew() throws Exception {
    var turns = new ArrayList<Replayed>();
    var articles = new ArrayList<Article>();
    for (int i = 0; i < 24; i++) {
      turns.add(conversation("c" + i, answered("Question number " + i + "?", "en", "a" + i, 0.9,
          Verdict.SAME_ARTICLE, "a" + i)));
      articles.add(new Article("a" + i, "en", "Article " + i, "Body " + i, "", List.of(), "", List.of(), List.of(),
          ""));
    }
    turns.add(conversation("n", other(Outcome.CLARIFIED, "Something else entirely", "en", "low_confidence")));
    var kb = KnowledgeBase.of(articles);
    Path file = dir.resolve("out/calibration.jsonl");
    new SimulationReport("acme", SINCE, 55, turns).write(dir.resolve("out"));

    assertThatThrownBy(() -> Evaluation.calibrationCases(file, kb, "--calibration"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 answer case(s); at least 20 are needed")
        .hasMessageContaining("25 unreviewed case(s) left out: check each label and set \"reviewed\": true");

    // the admin checks the labels: 21 answers confirmed, one changed to no_answer, the rest left unreviewed
    var lines = new ArrayList<>(Files.readAllLines(file));
    for (int i = 0; i < 22; i++) {
      lines.set(i, lines.get(i).replace("\"reviewed\":false", "\"reviewed\":true"));
    }
    lines.set(21, lines.get(21).replace("\"expect\":\"answer\",\"article\":\"a21\"", "\"expect\":\"no_answer\""));
    Files.write(file, lines);

    var labelled = Evaluation.calibrationCases(file, kb, "--calibration");
    assertThat(labelled).hasSize(22);
    assertThat(labelled.stream().filter(c -> !c.articleId().isEmpty())).hasSize(21);
    assertThat(labelled.get(21).articleId()).isEmpty();
  }
}
