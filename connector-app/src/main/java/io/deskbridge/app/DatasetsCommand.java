package io.deskbridge.app;

import io.deskbridge.app.eval.DatasetConverters;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code datasets bitext|clinc150|isarcasm}: converts a public data set into {@code kb.jsonl} and
 * {@code cases.jsonl} for {@code eval}; see {@link DatasetConverters}.
 */
@Command(name = "datasets", description = "Convert a public data set into a knowledge base and eval cases.",
    subcommands = {DatasetsCommand.Bitext.class, DatasetsCommand.Clinc150.class, DatasetsCommand.Isarcasm.class})
final class DatasetsCommand {

  /** The options every converter takes. */
  static final class Common {
    @Option(names = "--in", required = true, description = "the data set's file, or the folder holding it")
    Path in;

    @Option(names = "--out", required = true, description = "folder to write kb.jsonl and cases.jsonl into")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the random splits (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit-per-intent", defaultValue = "0",
        description = "at most this many sample questions per article (isarcasm: cases per label); 0 = all")
    int limit;

    /** Runs a converter and prints its summary; exit code 0, or 2 with the problem on standard error. */
    static int convert(Supplier<String> converter) {
      return EvalCommand.guarded(() -> System.out.println(converter.get()));
    }
  }

  @Command(name = "bitext", description = "Bitext customer support CSV: articles from a training split, cases "
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

  @Command(name = "clinc150", description = "CLINC150 data_full.json: articles from train, cases from test (or "
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

  @Command(name = "isarcasm", description = "iSarcasmEval English task A test (or train) CSV: sarcastic texts "
      + "expect a sarcasm handover, the others no handover; the knowledge base is empty.")
  static final class Isarcasm implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() {
      return Common.convert(() -> DatasetConverters.isarcasm(common.in, common.out, common.seed, common.limit));
    }
  }
}
