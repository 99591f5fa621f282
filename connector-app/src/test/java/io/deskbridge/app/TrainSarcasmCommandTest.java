package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.SarcasmSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-sarcasm} with the real embedding model on a hand-written 20-row CSV (not the data set). */
class TrainSarcasmCommandTest {
  private static final Path FIXTURE = Path.of("src/test/resources/sarcasm/train-tiny.csv");

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var previousOut = System.out;
    var previousErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.commandLine().execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(previousOut);
      System.setErr(previousErr);
    }
  }

  @Test
  void trainingIsDeterministicAndWritesAModelTheSignalReads() throws Exception {
    var first = dir.resolve("a/model.txt");
    var second = dir.resolve("b/model.txt");
    var args = List.of("train-sarcasm", "--in", FIXTURE.toString(), "--seed", "3", "--folds", "3", "--lambdas", "1,10");
    var run = run(with(args, "--out", first.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("embedded 30 texts (20 tweets, 10 rephrases, 0 neutral)", "3-fold cross-validation",
        "wrote " + first);
    assertThat(run(with(args, "--out", second.toString())).exitCode()).isZero();

    var text = Files.readString(first);
    assertThat(Files.readString(second)).isEqualTo(text);
    assertThat(text).contains("# Weights derived from iSarcasmEval", "MIT License",
        "# Trained by: deskbridge train-sarcasm --in train-tiny.csv --out model.txt --seed 3 --folds 3 --lambdas 1,10 "
            + "--rephrases", "# Examples: 20 tweets (10 sarcastic), plus 10 rephrases");
    var model = SarcasmSignal.parse(text);
    assertThat(model.dimensions()).isEqualTo(384);

    var withoutRephrases = dir.resolve("c/model.txt");
    var plain = run(with(args, "--out", withoutRephrases.toString(), "--no-rephrases"));
    assertThat(plain.out()).contains("embedded 20 texts (20 tweets, 0 rephrases, 0 neutral)");
    assertThat(Files.readString(withoutRephrases)).isNotEqualTo(text);

    var bounded = dir.resolve("d/model.txt");
    var neutral = run(with(args, "--out", bounded.toString(), "--neutral", "src/test/resources/eval/kb.jsonl",
        "--neutral-budget", "0", "--comment", "neutral: the eval fixture"));
    assertThat(neutral.exitCode()).as(neutral.err()).isZero();
    assertThat(neutral.out()).contains("(20 tweets, 10 rephrases, ", " neutral)", "flags 0 of ");
    assertThat(Files.readString(bounded)).contains("--neutral kb.jsonl --neutral-budget 0.0",
        "English sample questions of kb.jsonl", "# neutral: the eval fixture\n");
  }

  @Test
  void badInputEndsWithItsMessageAndExitCodeTwo() throws Exception {
    var noLabel = Files.writeString(dir.resolve("no-label.csv"), "tweet,label\nhello,1\n");
    var run = run("train-sarcasm", "--in", noLabel.toString(), "--out", dir.resolve("m.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: ", "no column 'sarcastic'");

    var badLabel = Files.writeString(dir.resolve("bad-label.csv"), "tweet,sarcastic\nhello,maybe\n");
    run = run("train-sarcasm", "--in", badLabel.toString(), "--out", dir.resolve("m.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("row 2: 'sarcastic' must be 0 or 1, got 'maybe'");

    var tooSmall = Files.writeString(dir.resolve("small.csv"), "tweet,sarcastic\noh great,1\nthe shop opens,0\n");
    run = run("train-sarcasm", "--in", tooSmall.toString(), "--out", dir.resolve("m.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("need at least 5 scored sarcastic examples for 5-fold cross-validation, got 1");
    assertThat(dir.resolve("m.txt")).doesNotExist();

    run = run("train-sarcasm", "--in", dir.resolve("missing.csv").toString(), "--out", dir.resolve("m.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing.csv: no such file");
  }

  private static String[] with(List<String> args, String... more) {
    var all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
