package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.app.eval.SarcasmTrainer;
import io.deskbridge.app.eval.SarcasmTraining;
import io.deskbridge.core.bot.Bot;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train-sarcasm}: trains the sarcasm signal's model offline from the iSarcasmEval English training file;
 * see {@link SarcasmTraining}. The shipped model is made by
 * {@code datasets bitext --in ../shared/datasets/bitext-customer-support --out /tmp/bitext} and then
 * {@code train-sarcasm --in ../shared/datasets/isarcasmeval-en/train.En.csv --neutral /tmp/bitext/kb.jsonl
 * --out connector-core/src/main/resources/io/deskbridge/core/escalation/sarcasm-model.txt --comment "…"} (the
 * comment that names the neutral set and its licence: see the shipped file's header).
 */
@Command(name = "train-sarcasm", mixinStandardHelpOptions = true, version = Main.VERSION,
    footerHeading = "%nExample:%n",
    footer = {"  deskbridge train-sarcasm --in train.En.csv --neutral /tmp/bitext/kb.jsonl \\",
        "      --out sarcasm-model.txt"},
    description = "Train the sarcasm signal's model from iSarcasmEval's English "
    + "train.En.csv (cross-validation picks the regularisation and the threshold) and write the model file.")
final class TrainSarcasmCommand implements Callable<Integer> {
  @Mixin
  VerboseOption verbose;

  @Option(names = "--in", required = true, description = "train.En.csv, or the folder holding it")
  Path in;

  @Option(names = "--out", required = true, description = "the model file to write")
  Path out;

  @Option(names = "--neutral", description = "a knowledge base (folder or .jsonl) whose English sample questions are "
      + "neutral customer messages; the threshold flags at most --neutral-budget of them")
  Path neutral;

  @Option(names = "--neutral-budget", defaultValue = "0.005",
      description = "share of the neutral messages the threshold may flag (default ${DEFAULT-VALUE})")
  double budget;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the fold assignment (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default ${DEFAULT-VALUE})")
  int folds;

  @Option(names = "--lambdas", split = ",", description = "regularisation strengths to try (default "
      + "10,30,100,300,1000,3000,10000)")
  List<Double> lambdas;

  @Option(names = "--rephrases", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "add the authors' plain rephrases of sarcastic tweets as non-sarcastic examples (default "
          + "${DEFAULT-VALUE})")
  boolean rephrases;

  @Option(names = "--comment", description = "a line for the model file's header, e.g. where --neutral came from "
      + "and its licence; repeatable")
  List<String> comments;

  /** Exit code 0; a wrong input or a file that cannot be read or written ends as {@link UserErrors} says (2). */
  @Override
  public Integer call() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    var strengths = lambdas == null || lambdas.isEmpty() ? SarcasmTrainer.DEFAULT_LAMBDAS : lambdas;
    var command = String.format(java.util.Locale.ROOT,
        "deskbridge train-sarcasm --in %s --out %s%s --seed %d --folds %d --lambdas %s --%srephrases",
        in.getFileName(), out.getFileName(),
        neutral == null ? "" : " --neutral " + neutral.getFileName() + " --neutral-budget " + budget, seed, folds,
        String.join(",", strengths.stream().map(TrainSarcasmCommand::plain).toList()), rephrases ? "" : "no-");
    SarcasmTraining.run(in, out, neutral, budget, seed, folds, strengths, rephrases, Bot.embeddingModel(), command,
        comments == null ? List.of() : comments, System.out);
    return 0;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
