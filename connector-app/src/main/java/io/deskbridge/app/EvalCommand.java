package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.app.eval.EmailDatasets;
import io.deskbridge.app.eval.EmailEvaluation;
import io.deskbridge.app.eval.Evaluation;
import io.deskbridge.core.bot.EmbeddingModelConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eval}: measures the bot on labelled cases; see {@link Evaluation} and {@code docs/quality.md}. A cases file
 * of e-mail cases ({@code datasets emails}' {@code emails.jsonl}) gets the e-mail report of {@link EmailEvaluation}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Measure the bot on labelled cases: precision, coverage, handovers, calibration, a threshold sweep.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge eval --kb demo-kb --cases cases.jsonl",
        "  deskbridge eval --kb kb.jsonl --cases cases.jsonl --threshold 70 \\",
        "      --json report.json --chart pr.svg",
        "  deskbridge eval --kb kb.jsonl --cases cases.jsonl --calibration labelled.jsonl",
        "  deskbridge eval --kb kb.jsonl --cases emails.jsonl   # datasets emails: the e-mail report"})
final class EvalCommand implements Callable<Integer> {
  @Mixin
  VerboseOption verbose;

  @Option(names = "--kb", required = true, description = "knowledge base: a folder of articles or a .jsonl file")
  Path kb;

  @Option(names = "--cases", required = true, description = "cases, one JSON object per line")
  Path cases;

  @Option(names = "--threshold", description = "answer threshold: 0..1 as a probability or 1..100 as percent "
      + "(default: the bot's default, 55 %%)")
  Double threshold;

  @Option(names = "--json", description = "write the JSON report here")
  Path json;

  @Option(names = "--chart", description = "write an SVG chart of precision against coverage here")
  Path chart;

  @Option(names = "--uncovered", description = "percent of messages assumed to be about something the knowledge "
      + "base does not cover, for the calibration (the bot's uncoveredPercent; default ${DEFAULT-VALUE})",
      defaultValue = "20")
  int uncovered;

  @Option(names = "--cache", description = "keep the knowledge base's embeddings in this folder between runs "
      + "(as the server does); default: none, everything is embedded on each run")
  Path cache;

  @Option(names = "--calibration", description = "fit the confidence on these labelled messages (the cases format; "
      + "answer and no_answer cases count) instead of the knowledge base's own sample questions, as the bot's "
      + "calibrationCases setting does; they must not overlap the cases evaluated")
  Path calibration;

  @Option(names = "--model", paramLabel = "FILE", description = "embed with this ONNX sentence encoder instead of "
      + "the bundled all-MiniLM-L6-v2 (as bot.embedding.modelFile; needs --tokenizer)")
  Path model;

  @Option(names = "--tokenizer", paramLabel = "FILE", description = "the model's tokenizer.json "
      + "(bot.embedding.tokenizerFile)")
  Path tokenizer;

  @Option(names = "--pooling", description = "mean or cls, as the model was trained (bot.embedding.pooling; default "
      + "${DEFAULT-VALUE})", defaultValue = "mean")
  String pooling;

  @Option(names = "--prefix", description = "text put before every text embedded, e.g. 'query: ' for e5 models "
      + "(bot.embedding.prefix)", defaultValue = "")
  String prefix;

  @Option(names = "--multilingual", description = "the model is multilingual (bot.embedding.multilingual): answer "
      + "messages in languages the knowledge base has no article in")
  boolean multilingual;

  /** Exit code 0; a wrong input or a file that cannot be read or written ends as {@link UserErrors} says (2). */
  @Override
  public Integer call() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    for (var file : new Path[] {model, tokenizer}) {
      if (file != null && !java.nio.file.Files.isRegularFile(file)) {
        throw new IllegalArgumentException((file == model ? "--model: " : "--tokenizer: ") + file
            + " does not exist; see README, \"Embedding models\"");
      }
    }
    EmbeddingModelConfig embedding;
    try {
      embedding = new EmbeddingModelConfig(model, tokenizer, EmbeddingModelConfig.Pooling.of(pooling), true, prefix,
          multilingual);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage().replaceFirst("^modelFile", "model")
          .replaceFirst("^tokenizerFile", "tokenizer"), e);
    }
    if (EmailDatasets.isEmailCases(cases)) { // datasets emails' emails.jsonl: the e-mail report
      if (chart != null) {
        throw new IllegalArgumentException("--chart: e-mail cases (" + cases + ") have no chart; leave --chart out");
      }
      EmailEvaluation.run(kb, cases, threshold, uncovered, calibration, cache, json, System.out, embedding);
      return 0;
    }
    Evaluation.run(kb, cases, threshold, uncovered, calibration, cache, json, chart, System.out, embedding);
    return 0;
  }
}
