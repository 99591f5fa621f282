package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.SignalModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-signals} on a hand-written 40-line cases file in five languages (not a data set). */
class TrainSignalsCommandTest {
  private static final Path FIXTURE = Path.of("src/test/resources/signals/train-tiny.jsonl");

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(List<String> args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var previousOut = System.out;
    var previousErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.commandLine().execute(args.toArray(String[]::new));
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(previousOut);
      System.setErr(previousErr);
    }
  }

  private static List<String> with(List<String> args, String... more) {
    var all = new ArrayList<>(args);
    all.addAll(Arrays.asList(more));
    return all;
  }

  @Test
  void theSameSeedGivesTheSameBytesAndTheModelLoads() throws Exception {
    var args = List.of("train-signals", "--own", FIXTURE.toString(), "--bits", "10", "--c", "1,4", "--seed", "5");
    var first = dir.resolve("a/model.txt.gz");
    var run = run(with(args, "--out", first.toString(), "--test-out", dir.resolve("a/test").toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("examples: 40", "own train-tiny: 16 neutral, 8 anger, 8 human_request, 8 sarcasm",
        "chosen anger: C ", "wrote " + first);
    var second = dir.resolve("b/model.txt.gz");
    assertThat(run(with(args, "--out", second.toString())).exitCode()).isZero();

    var bytes = Files.readAllBytes(first);
    assertThat(Files.readAllBytes(second)).isEqualTo(bytes);
    var sha = run.out().replaceAll("(?s).*sha256 ([0-9a-f]{64}).*", "$1");
    assertThat(sha).hasSize(64);
    assertThat(run(with(args, "--out", dir.resolve("c/model.txt.gz").toString())).out()).contains("sha256 " + sha);

    var text = SignalModel.gunzip(bytes);
    assertThat(text).contains("# Made by: deskbridge train-signals --own train-tiny.jsonl --seed 5 --own-repeat 10 "
        + "--bits 10 --c 1,4 --neutral-budget 0.01");
    var model = SignalModel.parse(text);
    assertThat(model.bits()).isEqualTo(10);
    // the test split (bucket 0) is written out and was not trained on
    assertThat(Files.readAllLines(dir.resolve("a/test/train-tiny-test.jsonl"))).hasSize(2);

    // another seed splits the lines differently, so other weights
    var reseeded = dir.resolve("d/model.txt.gz");
    assertThat(run(with(List.of("train-signals", "--own", FIXTURE.toString(), "--bits", "10", "--c", "1,4",
        "--seed", "6"), "--out", reseeded.toString())).exitCode()).isZero();
    assertThat(Files.readAllBytes(reseeded)).isNotEqualTo(bytes);
  }

  @Test
  void trainedLinesScoreAboveNeutralOnes() throws Exception {
    var file = dir.resolve("m.txt.gz");
    var run = run(List.of("train-signals", "--own", FIXTURE.toString(), "--bits", "12", "--c", "16", "--seed", "5",
        "--out", file.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    var model = SignalModel.parse(SignalModel.gunzip(Files.readAllBytes(file)));
    int person = SignalModel.index("human_request");
    assertThat(model.scores("Chcę rozmawiać z człowiekiem.")[person])
        .isGreaterThan(model.scores("Gdzie jest moja paczka?")[person]);
  }

  @Test
  void onlyRetrainsTheNamedClassesAndKeepsTheOthersFromTheBase() throws Exception {
    var base = dir.resolve("base.txt.gz");
    var common = List.of("train-signals", "--own", FIXTURE.toString(), "--bits", "10", "--c", "4");
    assertThat(run(with(common, "--seed", "5", "--out", base.toString())).exitCode()).isZero();
    var partial = dir.resolve("partial.txt.gz");
    var run = run(with(common, "--seed", "6", "--only", "anger", "--base", base.toString(), "--out",
        partial.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("chosen human_request: kept from the base model", "chosen anger: C 4");

    var baseText = SignalModel.gunzip(Files.readAllBytes(base));
    var text = SignalModel.gunzip(Files.readAllBytes(partial));
    assertThat(text).contains("--only anger --base base.txt.gz", "# Base: Made by: deskbridge train-signals");
    var baseLines = classLines(baseText);
    var lines = classLines(text);
    // anger retrained on another split: other weights; the two kept classes byte for byte
    assertThat(lines.subList(0, 2)).isNotEqualTo(baseLines.subList(0, 2));
    assertThat(lines.subList(2, 6)).isEqualTo(baseLines.subList(2, 6));
    var model = SignalModel.parse(text);
    var kept = SignalModel.parse(baseText);
    int person = SignalModel.index("human_request");
    assertThat(model.scores("Chcę rozmawiać z człowiekiem.")[person])
        .isEqualTo(kept.scores("Chcę rozmawiać z człowiekiem.")[person]);

    var noBase = run(with(common, "--only", "anger", "--out", dir.resolve("x.txt.gz").toString()));
    assertThat(noBase.exitCode()).isEqualTo(2);
    assertThat(noBase.err()).contains("--base");
    var unknown = run(with(common, "--only", "joy", "--base", base.toString(), "--out",
        dir.resolve("y.txt.gz").toString()));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no such class: joy");
    var otherBits = run(List.of("train-signals", "--own", FIXTURE.toString(), "--bits", "11", "--only", "anger",
        "--base", base.toString(), "--out", dir.resolve("z.txt.gz").toString()));
    assertThat(otherBits.exitCode()).isEqualTo(2);
    assertThat(otherBits.err()).contains("uses 10 hash bits, not 11");
  }

  /** The model lines after the header: per class its "class …" line and its weights. */
  private static List<String> classLines(String text) {
    return Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#")).skip(2).toList();
  }

  @Test
  void badInputEndsWithItsMessageAndExitCodeTwo() throws Exception {
    var run = run(List.of("train-signals", "--out", dir.resolve("m.txt.gz").toString()));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--own / --public: give at least one cases file");
    var broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"text\": \"hi\"\n");
    var bad = run(List.of("train-signals", "--own", broken.toString(), "--out", dir.resolve("n.txt.gz").toString()));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("broken.jsonl:1: not a JSON object");
  }
}
