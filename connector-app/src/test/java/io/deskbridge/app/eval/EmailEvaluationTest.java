package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.app.eval.EmailCase.Expect;
import io.deskbridge.app.eval.EmailCase.Kind;
import io.deskbridge.app.eval.EmailEvaluation.Result;
import io.deskbridge.core.bot.EmbeddingModelConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail report's maths on hand-made results, and one run with the real bot on the tiny Bitext sample. */
class EmailEvaluationTest {
  @TempDir
  Path dir;

  private static EmailCase email(String id, Kind kind, String template, Expect expect, List<String> articles,
      String reason) {
    return new EmailCase(id, kind, template, kind == Kind.BARE ? "" : "plain", List.of(), "", "", Map.of(),
        "text of " + id, expect, articles, reason);
  }

  private static Result result(EmailCase c, String decision, List<String> reasons, String article,
      Set<String> answered, int listed) {
    return new Result(c, decision, reasons, 0.9, article, answered, listed, 1.0);
  }

  static final List<Result> RESULTS = List.of(
      result(email("b1", Kind.BARE, "", Expect.ANSWER, List.of("A"), ""), "reply", List.of("confident_match"), "A",
          Set.of("A"), 0),
      result(email("b2", Kind.BARE, "", Expect.ANSWER, List.of("B"), ""), "reply", List.of("confident_match"), "A",
          Set.of("A"), 0),
      result(email("b3", Kind.BARE, "", Expect.ANSWER, List.of("A"), ""), "clarify", List.of("low_confidence"), "A",
          Set.of(), 0),
      result(email("b4", Kind.BARE, "", Expect.HANDOVER, List.of(), "complaint"), "handover", List.of("complaint"),
          "", Set.of(), 0),
      result(email("w1", Kind.WRAPPED, "en", Expect.ANSWER, List.of("A"), ""), "reply", List.of("confident_match"),
          "A", Set.of("A"), 0),
      result(email("w2", Kind.WRAPPED, "en", Expect.ANSWER, List.of("B"), ""), "reply", List.of("confident_match"),
          "B", Set.of("B"), 0),
      result(email("w3", Kind.WRAPPED, "en", Expect.ANSWER, List.of("A"), ""), "ignore", List.of("auto_reply"), "",
          Set.of(), 0),
      result(email("w4", Kind.WRAPPED, "en", Expect.HANDOVER, List.of(), "complaint"), "handover",
          List.of("complaint"), "", Set.of(), 0),
      result(email("o1", Kind.OUT_OF_OFFICE, "cs", Expect.IGNORE, List.of(), "auto_reply"), "ignore",
          List.of("auto_reply"), "", Set.of(), 0),
      result(email("o2", Kind.OUT_OF_OFFICE, "cs", Expect.IGNORE, List.of(), "auto_reply"), "reply",
          List.of("confident_match"), "A", Set.of("A"), 0),
      result(email("x1", Kind.BOUNCE, "en", Expect.IGNORE, List.of(), "bounce"), "ignore", List.of("bounce"), "",
          Set.of(), 0),
      result(email("m1", Kind.MULTI, "en", Expect.ANSWER, List.of("A", "B"), ""), "reply",
          List.of("confident_match", "multiple_requests"), "A", Set.of("A", "B"), 0),
      result(email("m2", Kind.MULTI, "en", Expect.ANSWER, List.of("A", "B"), ""), "handover",
          List.of("low_confidence", "multiple_requests"), "A", Set.of(), 2),
      result(email("m3", Kind.MULTI, "cs", Expect.ANSWER, List.of("A", "B"), ""), "reply",
          List.of("confident_match"), "A", Set.of("A"), 0));

  @Test
  void wrappedEmailsAreMeasuredAsSingleMessagesAndComparedToBare() {
    var report = EmailEvaluation.report(RESULTS, 0.55);
    var bare = report.get("answering").get("bare");
    assertThat(bare.get("answered_precision").asDouble()).isEqualTo(0.5); // b1 right, b2 wrong
    assertThat(bare.get("coverage").asDouble()).isEqualTo(0.666667); // b3 clarified
    assertThat(bare.get("handover_recall").asDouble()).isEqualTo(1.0);
    var en = report.get("answering").get("wrapped en");
    assertThat(en.get("answered_precision").asDouble()).isEqualTo(1.0);
    assertThat(en.get("coverage").asDouble()).isEqualTo(0.666667); // w3 ignored: not answered
    assertThat(en.get("precision_minus_bare_points").asDouble()).isEqualTo(50.0);
    assertThat(en.get("coverage_minus_bare_points").asDouble()).isEqualTo(0.0);
    assertThat(en.get("ignored_by_loop_guard").asInt()).isEqualTo(1);
    assertThat(report.get("answering").has("wrapped cs")).as("no wrapped cs case").isFalse();
  }

  @Test
  void loopGuardRecallOnAutomatedEmailsAndFalsePositivesOnWrittenOnes() {
    var guard = EmailEvaluation.report(RESULTS, 0.55).get("loop_guard");
    assertThat(guard.get("recall").asDouble()).isEqualTo(0.666667); // o2 answered
    assertThat(guard.get("recall_counts").asText()).isEqualTo("2/3");
    assertThat(guard.get("false_positive_rate_counts").asText()).isEqualTo("1/7"); // w3 of 4 wrapped + 3 multi
    assertThat(guard.get("recall_by_kind").get("out_of_office").asDouble()).isEqualTo(0.5);
    assertThat(guard.get("recall_by_kind").get("bounce").asDouble()).isEqualTo(1.0);
    assertThat(guard.get("by_language").get("cs").get("recall_counts").asText()).isEqualTo("1/2");
    assertThat(guard.get("by_language").get("cs").get("false_positive_rate_counts").asText()).isEqualTo("0/1");
    assertThat(guard.get("missed").toString()).isEqualTo("[\"o2\"]");
    assertThat(guard.get("false_positives").get(0).asText()).startsWith("w3");
  }

  @Test
  void multiRequestOutcomes() {
    var multi = EmailEvaluation.report(RESULTS, 0.55).get("multi_request");
    var all = multi.get("all");
    assertThat(all.get("cases").asInt()).isEqualTo(3);
    assertThat(all.get("both_in_one_reply").asInt()).isEqualTo(1);
    assertThat(all.get("handover_listing_both").asInt()).isEqualTo(1);
    assertThat(all.get("one_answer_only").asInt()).isEqualTo(1);
    assertThat(all.get("both_answered_or_listed_rate").asDouble()).isEqualTo(0.666667);
    assertThat(multi.get("cs").get("one_answer_only").asInt()).isEqualTo(1);
    var wrongPair = result(email("m4", Kind.MULTI, "en", Expect.ANSWER, List.of("A", "B"), ""), "reply",
        List.of("confident_match", "multiple_requests"), "A", Set.of("A", "C"), 0);
    assertThat(EmailEvaluation.multiOutcome(wrongPair)).isEqualTo("one_reply_other_articles");
    var oneListed = result(email("m5", Kind.MULTI, "en", Expect.ANSWER, List.of("A", "B"), ""), "handover",
        List.of("anger"), "A", Set.of(), 0);
    assertThat(EmailEvaluation.multiOutcome(oneListed)).isEqualTo("other_handover");
  }

  @Test
  void theTableShowsEachPart() {
    var table = EmailEvaluation.table(EmailEvaluation.report(RESULTS, 0.55), "synthetic");
    assertThat(table).contains("eval synthetic: 14 e-mail cases", "wrapped en", "+50.0",
        "loop guard: recall 66.7 % (2/3), false positives 14.3 % (1/7)", "missed: [\"o2\"]", "multi-request");
  }

  @Test
  void caseFileChecks() throws Exception {
    var file = dir.resolve("emails.jsonl");
    Files.writeString(file, "{\"id\":\"1\",\"kind\":\"wrapped\",\"template\":\"de\",\"text\":\"x\",\"expect\":\"answer\","
        + "\"articles\":[\"a\"]}\n");
    assertThatThrownBy(() -> EmailCase.read(file)).hasMessageContaining("emails.jsonl:1: 'template' must be one of");
    Files.writeString(file, "{\"id\":\"1\",\"kind\":\"bounce\",\"template\":\"en\",\"text\":\"x\",\"expect\":\"answer\","
        + "\"articles\":[\"a\"]}\n");
    assertThatThrownBy(() -> EmailCase.read(file)).hasMessageContaining("expect ignore is for automated kinds only");
    Files.writeString(file, "{\"id\":\"1\",\"kind\":\"multi\",\"template\":\"en\",\"text\":\"x\",\"expect\":\"answer\","
        + "\"articles\":[\"a\"]}\n");
    assertThatThrownBy(() -> EmailCase.read(file)).hasMessageContaining("two articles");
    Files.writeString(file, "{\"id\":\"1\",\"kind\":\"bare\",\"text\":\"x\",\"expect\":\"answer\",\"artcles\":[]}\n");
    assertThatThrownBy(() -> EmailCase.read(file)).hasMessageContaining("unknown key 'artcles'");
  }

  /**
   * The whole path on the sample: the notices are ignored by the loop guard, the people's e-mails are not, and the
   * report compares wrapped with bare.
   */
  @Test
  void runsTheRealLoopGuardAndBotOnGeneratedCases() throws Exception {
    EmailDatasets.emails(Path.of("src/test/resources/eval/bitext-sample.csv"), dir, 7, 0.2);
    var out = new ByteArrayOutputStream();
    var report = EmailEvaluation.run(dir.resolve("kb.jsonl"), dir.resolve("emails.jsonl"), null, 20, null, null,
        dir.resolve("report.json"), new PrintStream(out, true, StandardCharsets.UTF_8), EmbeddingModelConfig.bundled());
    assertThat(Files.exists(dir.resolve("report.json"))).isTrue();
    assertThat(report.get("answering").get("bare").get("cases").asInt()).isEqualTo(5);
    assertThat(report.get("answering").get("wrapped").get("cases").asInt()).isEqualTo(25);
    var guard = report.get("loop_guard");
    assertThat(guard.get("recall").asDouble()).as(guard.get("missed").toString()).isGreaterThanOrEqualTo(0.99);
    assertThat(guard.get("false_positive_rate").asDouble()).as(guard.get("false_positives").toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("loop guard: recall", "answering", "multi-request");
  }
}
