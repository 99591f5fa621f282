package io.deskbridge.app;

import io.deskbridge.app.eval.DatasetConverters;
import io.deskbridge.app.eval.EmailDatasets;
import io.deskbridge.app.eval.EmotionDatasets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code datasets bitext|emails|clinc150|isarcasm|…}: converts a public data set into {@code kb.jsonl} and
 * {@code cases.jsonl} for {@code eval}; see {@link DatasetConverters}. {@code emails} adds {@code emails.jsonl}, the
 * long-e-mail cases of {@link EmailDatasets}.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Convert a public data set into a knowledge base and eval cases.",
    subcommands = {DatasetsCommand.Bitext.class, DatasetsCommand.Emails.class, DatasetsCommand.Clinc150.class, DatasetsCommand.Isarcasm.class,
        DatasetsCommand.ClarinEmo.class, DatasetsCommand.Komentarze.class, DatasetsCommand.Kinit.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge datasets bitext --in bitext.csv --out /tmp/bitext",
        "  deskbridge datasets emails --in bitext.csv --out /tmp/emails",
        "  deskbridge datasets clinc150 --in data_full.json --out /tmp/clinc",
        "  deskbridge datasets isarcasm --in task_A_En_test.csv --out /tmp/isarcasm",
        "  deskbridge eval --kb /tmp/bitext/kb.jsonl --cases /tmp/bitext/cases.jsonl",
        "  deskbridge eval --kb /tmp/emails/kb.jsonl --cases /tmp/emails/emails.jsonl"})
final class DatasetsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }


  /** The options every converter takes. */
  static final class Common {
    @Option(names = "--in", required = true, description = "the data set's file, or the folder holding it")
    Path in;

    @Option(names = "--out", required = true, description = "folder to write kb.jsonl and cases.jsonl into")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the random splits (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--limit-per-intent", defaultValue = "0",
        description = "at most this many sample questions per article (isarcasm: cases per label); 0 = all")
    int limit;

    /** Runs a converter and prints its summary; a bad input ends as {@link UserErrors} says (exit code 2). */
    static int convert(Supplier<String> converter) {
      System.out.println(converter.get());
      return 0;
    }
  }

  @Command(name = "bitext", mixinStandardHelpOptions = true, version = Main.VERSION, description = "Bitext customer support CSV: articles from a training split, cases "
      + "from the held-out rest; contact_human_agent, complaint, cancel_order and delete_account are handovers.")
  static final class Bitext implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--held-out", defaultValue = "0.2",
        description = "share of each intent's rows held out as cases (default ${DEFAULT-VALUE})")
    double heldOut;

    @Option(names = "--cases-from", defaultValue = "held-out", description = "held-out (default) or train: "
        + "train writes the training rows as cases, to develop rules without looking at the held-out ones")
    String casesFrom;

    @Override
    public Integer call() {
      if (!casesFrom.equals("held-out") && !casesFrom.equals("train")) {
        System.err.println("error: --cases-from must be held-out or train, got '" + casesFrom + "'");
        return 2;
      }
      return Common.convert(() -> DatasetConverters.bitext(common.in, common.out, common.seed, common.limit,
          heldOut, casesFrom.equals("train")));
    }
  }

  @Command(name = "emails", mixinStandardHelpOptions = true, version = Main.VERSION, description = "Long-e-mail "
      + "cases from Bitext's held-out split (as datasets bitext, same seed and share, whose kb.jsonl and cases.jsonl "
      + "it also writes): each message bare and wrapped in en/cs/pl/sk/sl greetings, quoted history, signatures and "
      + "disclaimers; two-request e-mails; auto-replies, out-of-office notices, bounces and newsletters, into "
      + "emails.jsonl.")
  static final class Emails implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "the Bitext CSV, or the folder holding it")
    Path in;

    @Option(names = "--out", required = true, description = "folder to write kb.jsonl, cases.jsonl and emails.jsonl "
        + "into")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the split and of every draw of the "
        + "wrapping (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--held-out", defaultValue = "0.2",
        description = "share of each intent's rows held out as cases (default ${DEFAULT-VALUE})")
    double heldOut;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
      return Common.convert(() -> EmailDatasets.emails(in, out, seed, heldOut));
    }
  }

  @Command(name = "clinc150", mixinStandardHelpOptions = true, version = Main.VERSION, description = "CLINC150 data_full.json: articles from train, cases from test (or "
      + "val) plus oos_test (oos_val) as no_answer.")
  static final class Clinc150 implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--split", defaultValue = "test", description = "test or val (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--parts", defaultValue = "1", description = "deal each intent's questions into this many "
        + "articles, for timing at scale (7 gives 1,050 articles); answered precision means nothing then")
    int parts;

    @Override
    public Integer call() {
      return Common.convert(() -> DatasetConverters.clinc150(common.in, common.out, common.seed, common.limit, split,
          parts));
    }
  }

  @Command(name = "isarcasm", mixinStandardHelpOptions = true, version = Main.VERSION, description = "iSarcasmEval English task A test (or train) CSV: sarcastic texts "
      + "expect a sarcasm handover, the others no handover; the knowledge base is empty.")
  static final class Isarcasm implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() {
      return Common.convert(() -> DatasetConverters.isarcasm(common.in, common.out, common.seed, common.limit));
    }
  }

  @Command(name = "clarin-emo", mixinStandardHelpOptions = true, version = Main.VERSION, description = "CLARIN-Emo "
      + "(Polish reviews): sentences labelled Anger expect an anger handover, calm ones no handover.")
  static final class ClarinEmo implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "the data set's folder (train/in.tsv, train/expected.tsv)")
    Path in;

    @Option(names = "--out", required = true, description = "folder to write kb.jsonl and cases.jsonl into")
    Path out;

    @Option(names = "--reviews", description = "whole reviews instead of sentences")
    boolean reviews;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
      return Common.convert(() -> EmotionDatasets.clarinEmo(in, out, reviews));
    }
  }

  @Command(name = "komentarze", mixinStandardHelpOptions = true, version = Main.VERSION, description = "Komentarze "
      + "(Polish news comments): hostile classes expect an anger handover, criticism and other no handover.")
  static final class Komentarze implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "komentarze.csv or its folder")
    Path in;

    @Option(names = "--out", required = true, description = "folder to write kb.jsonl and cases.jsonl into")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
      return Common.convert(() -> EmotionDatasets.komentarze(in, out));
    }
  }

  @Command(name = "kinit", mixinStandardHelpOptions = true, version = Main.VERSION, description = "KInIT Slovak "
      + "review sentences: negative (-1) expects an anger handover, neutral and positive no handover.")
  static final class Kinit implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "the folder holding kinit_golden_*.csv")
    Path in;

    @Option(names = "--out", required = true, description = "folder to write kb.jsonl and cases.jsonl into")
    Path out;

    @Option(names = "--stress", description = "add the synthetic stress set to the six review domains")
    boolean stress;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
      return Common.convert(() -> EmotionDatasets.kinit(in, out, stress));
    }
  }
}
