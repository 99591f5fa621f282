package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.app.eval.SignalTraining;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train-signals}: trains the learned escalation signal ({@link io.deskbridge.core.escalation.SignalModel})
 * offline from cases files; see {@link SignalTraining}. How the shipped model was made: docs/quality.md, "Eighth
 * round", and the shipped file's header.
 */
@Command(name = "train-signals", mixinStandardHelpOptions = true, version = Main.VERSION,
    footerHeading = "%nExample:%n",
    footer = {"  deskbridge train-signals --own escalation-tune.jsonl --public /tmp/clarin/cases.jsonl \\",
        "      --out signal-model.txt.gz --test-out /tmp/signal-test"},
    description = "Train the learned anger / person request / sarcasm signal (character n-gram logistic regression, "
        + "one against the rest) from labelled cases files and write the gzip'd model file.")
final class TrainSignalsCommand implements Callable<Integer> {
  @Mixin
  VerboseOption verbose;

  @Option(names = "--own", description = "the project's own hand-written cases (.jsonl); repeatable")
  List<Path> own;

  @Option(names = "--public", description = "cases converted from a public data set by 'datasets' (.jsonl); "
      + "repeatable")
  List<Path> pub;

  @Option(names = "--out", required = true, description = "the model file to write (.txt.gz)")
  Path out;

  @Option(names = "--test-out", description = "write each input's test split (never trained on) here as "
      + "<name>-test.jsonl")
  Path testOut;

  @Option(names = "--seed", defaultValue = "13", description = "salt of the train/validation/test split (default "
      + "${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--own-repeat", defaultValue = "10", description = "how many times an own case counts in training "
      + "(default ${DEFAULT-VALUE})")
  int ownRepeat;

  @Option(names = "--bits", defaultValue = "16", description = "hash bits: 2^bits weights per class (default "
      + "${DEFAULT-VALUE})")
  int bits;

  @Option(names = "--c", split = ",", description = "liblinear C values to try (default 4,16,64)")
  List<Double> strengths;

  @Option(names = "--neutral-budget", defaultValue = "0.01", description = "share of the validation's support "
      + "neutral lines each class may flag (default ${DEFAULT-VALUE})")
  double budget;

  @Option(names = "--only", split = ",", description = "train only these classes (of anger, human_request, "
      + "sarcasm); the others keep the --base model's weights and thresholds unchanged")
  List<String> only;

  @Option(names = "--base", description = "with --only: the model file (.txt.gz) the other classes are kept from")
  Path base;

  @Option(names = "--comment", description = "a line for the model file's header (sources, licences); repeatable")
  List<String> comments;

  /** Exit code 0; a wrong input or a file that cannot be read or written ends as {@link UserErrors} says (2). */
  @Override
  public Integer call() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    var ownFiles = own == null ? List.<Path>of() : own;
    var pubFiles = pub == null ? List.<Path>of() : pub;
    if (ownFiles.isEmpty() && pubFiles.isEmpty()) {
      throw new IllegalArgumentException("--own / --public: give at least one cases file to train on");
    }
    if (bits < 8 || bits > 24) {
      throw new IllegalArgumentException("--bits must be in [8, 24], got " + bits);
    }
    if (ownRepeat < 1) {
      throw new IllegalArgumentException("--own-repeat must be at least 1, got " + ownRepeat);
    }
    if (!(budget >= 0 && budget < 1)) {
      throw new IllegalArgumentException("--neutral-budget must be in [0, 1), got " + budget);
    }
    var cs = strengths == null || strengths.isEmpty() ? List.of(4.0, 16.0, 64.0) : strengths;
    var command = new StringBuilder("deskbridge train-signals");
    ownFiles.forEach(f -> command.append(" --own ").append(f.getFileName()));
    pubFiles.forEach(f -> command.append(" --public ").append(f.toAbsolutePath().getParent() == null ? f
        : f.toAbsolutePath().getParent().getFileName() + "/" + f.getFileName()));
    command.append(String.format(Locale.ROOT, " --seed %d --own-repeat %d --bits %d --c %s --neutral-budget %s",
        seed, ownRepeat, bits, String.join(",", cs.stream().map(TrainSignalsCommand::plain).toList()),
        plain(budget)));
    var classes = only == null ? java.util.Set.<String>of() : java.util.Set.copyOf(only);
    if (!classes.isEmpty()) {
      command.append(" --only ").append(String.join(",", only.stream().sorted().toList()));
      command.append(" --base ").append(base == null ? "" : base.getFileName());
    } else if (base != null) {
      throw new IllegalArgumentException("--base is only read with --only (the classes not trained keep its weights)");
    }
    SignalTraining.run(ownFiles, pubFiles, out, testOut, seed, ownRepeat, bits, cs, budget, classes, base,
        command.toString(), comments == null ? List.of() : comments, System.out);
    return 0;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
