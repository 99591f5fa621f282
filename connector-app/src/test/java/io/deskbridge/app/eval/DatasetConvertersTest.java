package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.app.eval.EvalCase.Expect;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converters on tiny samples written in each data set's format (no rows of the real sets). */
class DatasetConvertersTest {
  private static final Path FIXTURES = Path.of("src/test/resources/eval");

  @TempDir
  Path dir;

  @Test
  void bitextArticlesFromTheTrainingSplitAndHeldOutCasesWithHandoverReasons() throws Exception {
    var summary = DatasetConverters.bitext(FIXTURES.resolve("bitext-sample.csv"), dir, 7, 0, 0.2);
    assertThat(summary).contains("2 articles (8 sample questions) and 5 cases");
    var kb = KnowledgeLoader.load(dir.resolve("kb.jsonl"));
    assertThat(kb.ids()).containsExactly("get_invoice", "track_order");
    var track = kb.byId("track_order").get(0);
    assertThat(track.title()).isEqualTo("Track order");
    assertThat(track.group()).isEqualTo("Order");
    assertThat(track.locale()).isEqualTo("en");
    assertThat(track.questions()).hasSize(4);
    assertThat(track.body()).contains("{{Order History}}");
    var cases = EvalCase.read(dir.resolve("cases.jsonl"));
    assertThat(cases).hasSize(5);
    assertThat(cases).filteredOn(c -> c.expect() == Expect.HANDOVER).extracting(EvalCase::reason)
        .containsExactlyInAnyOrder("complaint", "human_request", "cancellation");
    assertThat(cases).filteredOn(c -> c.expect() == Expect.ANSWER).extracting(EvalCase::article)
        .containsExactlyInAnyOrder("get_invoice", "track_order");
    var questions = kb.articles().stream().flatMap(a -> a.questions().stream()).toList();
    assertThat(cases).extracting(EvalCase::text).doesNotContainAnyElementsOf(questions);

    var again = Files.createDirectory(dir.resolve("again"));
    DatasetConverters.bitext(FIXTURES.resolve("bitext-sample.csv"), again, 7, 2, 0.2); // same seed, same split
    assertThat(Files.readString(again.resolve("cases.jsonl"))).isEqualTo(Files.readString(dir.resolve("cases.jsonl")));
    assertThat(KnowledgeLoader.load(again.resolve("kb.jsonl")).articles()).allSatisfy(
        a -> assertThat(a.questions()).hasSize(2));
  }

  @Test
  void bitextCasesFromTheTrainingRowsForDevelopingRules() {
    DatasetConverters.bitext(FIXTURES.resolve("bitext-sample.csv"), dir, 7, 0, 0.2, true);
    var kb = KnowledgeLoader.load(dir.resolve("kb.jsonl"));
    var questions = kb.articles().stream().flatMap(a -> a.questions().stream()).toList();
    var cases = EvalCase.read(dir.resolve("cases.jsonl"));

    assertThat(cases).filteredOn(c -> c.expect() == Expect.ANSWER).extracting(EvalCase::text)
        .containsExactlyInAnyOrderElementsOf(questions);
    assertThat(cases).filteredOn(c -> c.expect() == Expect.HANDOVER).isNotEmpty();
  }

  @Test
  void clinc150ArticlesFromTrainCasesFromTestAndOutOfScope() throws Exception {
    DatasetConverters.clinc150(FIXTURES.resolve("clinc-sample.json"), dir, 1, 0, "test");
    var kb = KnowledgeLoader.load(dir.resolve("kb.jsonl"));
    assertThat(kb.ids()).containsExactly("balance", "weather", "tell_joke");
    assertThat(kb.byId("tell_joke").get(0)).extracting(Article::title, Article::body)
        .containsExactly("Tell joke", "Tell joke.");
    assertThat(kb.articles()).allSatisfy(a -> assertThat(a.questions()).hasSize(4));
    var cases = EvalCase.read(dir.resolve("cases.jsonl"));
    assertThat(cases).extracting(EvalCase::expect).containsExactly(Expect.ANSWER, Expect.ANSWER, Expect.ANSWER,
        Expect.ANSWER, Expect.ANSWER, Expect.ANSWER, Expect.NO_ANSWER, Expect.NO_ANSWER, Expect.NO_ANSWER);
    assertThat(cases.get(0)).extracting(EvalCase::id, EvalCase::article).containsExactly("clinc-test-0001", "balance");
    assertThat(cases.get(8).id()).isEqualTo("clinc-oos_test-0003");
    var labelled = EvalCase.read(dir.resolve("calibration.jsonl"));
    assertThat(labelled).extracting(EvalCase::id).containsExactly("clinc-val-0001",
        "clinc-val-0002", "clinc-val-0003", "clinc-oos_val-0001", "clinc-oos_train-0001");
    assertThat(labelled).extracting(EvalCase::expect).containsExactly(Expect.ANSWER, Expect.ANSWER, Expect.ANSWER,
        Expect.NO_ANSWER, Expect.NO_ANSWER);
    assertThat(labelled.subList(0, 3)).extracting(EvalCase::article).allMatch(id -> kb.ids().contains(id));

    java.nio.file.Files.delete(dir.resolve("calibration.jsonl"));
    DatasetConverters.clinc150(FIXTURES.resolve("clinc-sample.json"), dir, 1, 2, "val");
    assertThat(dir.resolve("calibration.jsonl")).as("only the test split gets labelled messages").doesNotExist();
    assertThat(KnowledgeLoader.load(dir.resolve("kb.jsonl")).articles()).allSatisfy(
        a -> assertThat(a.questions()).hasSize(2));
    assertThat(EvalCase.read(dir.resolve("cases.jsonl"))).extracting(EvalCase::id)
        .containsExactly("clinc-val-0001", "clinc-val-0002", "clinc-val-0003", "clinc-oos_val-0001");
    assertThatThrownBy(() -> DatasetConverters.clinc150(FIXTURES.resolve("clinc-sample.json"), dir, 1, 0, "train"))
        .hasMessageContaining("split must be test or val");
  }

  @Test
  void clinc150PartsDealEachIntentsQuestionsIntoSeveralArticles() {
    DatasetConverters.clinc150(FIXTURES.resolve("clinc-sample.json"), dir, 1, 0, "test", 2);
    var kb = KnowledgeLoader.load(dir.resolve("kb.jsonl"));

    assertThat(kb.ids()).containsExactly("balance", "balance~2", "weather", "weather~2", "tell_joke", "tell_joke~2");
    assertThat(kb.articles()).allSatisfy(a -> assertThat(a.questions()).hasSize(2));
    assertThat(kb.byId("balance~2").get(0).title()).isEqualTo("Balance (part 2)");
    assertThatThrownBy(() -> DatasetConverters.clinc150(FIXTURES.resolve("clinc-sample.json"), dir, 1, 0, "test", 0))
        .hasMessageContaining("parts must be at least 1");
  }

  @Test
  void isarcasmSarcasticTextsExpectASarcasmHandoverTheOthersNone() {
    var summary = DatasetConverters.isarcasm(FIXTURES.resolve("isarcasm-test-sample.csv"), dir, 3, 0);
    assertThat(summary).contains("0 articles", "5 cases");
    assertThat(KnowledgeLoader.load(dir.resolve("kb.jsonl")).size()).isZero();
    var cases = EvalCase.read(dir.resolve("cases.jsonl"));
    assertThat(cases).extracting(EvalCase::expect).containsExactly(Expect.HANDOVER, Expect.NO_HANDOVER,
        Expect.HANDOVER, Expect.NO_HANDOVER, Expect.NO_HANDOVER);
    assertThat(cases.get(0)).extracting(EvalCase::id, EvalCase::reason)
        .containsExactly("isarcasm-isarcasm-test-sample-1", "sarcasm");

    DatasetConverters.isarcasm(FIXTURES.resolve("isarcasm-train-sample.csv"), dir, 3, 0);
    assertThat(EvalCase.read(dir.resolve("cases.jsonl"))).extracting(EvalCase::text)
        .containsExactly("Sure, I just love waiting on hold for an hour.", "The shop opens at nine.");

    DatasetConverters.isarcasm(FIXTURES.resolve("isarcasm-test-sample.csv"), dir, 3, 1);
    assertThat(EvalCase.read(dir.resolve("cases.jsonl"))).extracting(EvalCase::expect)
        .containsExactlyInAnyOrder(Expect.HANDOVER, Expect.NO_HANDOVER);
  }

  @Test
  void csvQuotesLineBreaksAndMissingFields() {
    var records = Csv.parse("a,b,c\r\n\"x, \"\"quoted\"\"\",\"two\nlines\",\n\n,only\n");
    assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, \"quoted\"", "two\nlines", ""),
        List.of("", "only"));
    var rows = Csv.read(FIXTURES.resolve("bitext-sample.csv"));
    assertThat(rows).hasSize(25);
    assertThat(rows.get(1).get("response")).isEqualTo("Open {{Order History}} and choose \"Track\".\n"
        + "It shows where your parcel is.");
    assertThat(DatasetConverters.humanize("SHIPPING_ADDRESS")).isEqualTo("Shipping address");
  }
}
