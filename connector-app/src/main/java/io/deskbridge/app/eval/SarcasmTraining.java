package io.deskbridge.app.eval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.core.escalation.SarcasmSignal;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code train-sarcasm}: trains the {@link SarcasmSignal}'s model from the iSarcasmEval English training file
 * ({@value #TRAIN_FILE}: columns {@code tweet}, {@code sarcastic} 0/1 and, optionally, {@code rephrase}) with
 * {@link SarcasmTrainer} and writes the model file. Every non-blank tweet is a scored example; with rephrases on,
 * the author's plain rephrase of each sarcastic tweet is added as a non-sarcastic example in the tweet's fold
 * (it trains, it is not scored). Optionally the English sample questions of a knowledge base serve as neutral
 * messages: the threshold may flag at most the budget's share of them (see {@link SarcasmTrainer}). The data is
 * read where it lies; only derived weights are written. Stateless.
 */
public final class SarcasmTraining {

  /** The file looked for when {@code --in} is a folder. */
  static final String TRAIN_FILE = "train.En.csv";

  private SarcasmTraining() {}

  /** What was trained. */
  public record Outcome(SarcasmTrainer.Result result, int tweets, int rephrases) {}

  /**
   * Reads, embeds, trains and writes the model; prints the cross-validation table to {@code out}.
   *
   * @param in        the training CSV, or the folder holding {@value #TRAIN_FILE}
   * @param modelFile where to write the model (parent folders are created)
   * @param neutral   a knowledge base (folder or .jsonl) whose English sample questions are neutral messages, or null
   * @param budget    the share of neutral messages the threshold may flag
   * @param command   the command line to record in the model's header, for reproducibility
   * @param notes     further lines for the header
   * @throws IllegalArgumentException when the CSV is not in the expected format or too small to cross-validate
   * @throws UncheckedIOException     when a file cannot be read or written
   */
  public static Outcome run(Path in, Path modelFile, Path neutral, double budget, long seed, int folds,
      List<Double> lambdas, boolean rephrases, EmbeddingModel model, String command, List<String> notes,
      PrintStream out) {
    var file = Files.isDirectory(in) ? in.resolve(TRAIN_FILE) : in;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    var rows = Csv.read(file);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no data rows");
    }
    for (var column : List.of("tweet", "sarcastic")) {
      if (!rows.get(0).containsKey(column)) {
        throw new IllegalArgumentException(file + ": no column '" + column + "'; found " + rows.get(0).keySet());
      }
    }
    var texts = new ArrayList<String>();
    var labels = new ArrayList<Boolean>();
    var groups = new ArrayList<Integer>();
    var scored = new ArrayList<Boolean>();
    int tweets = 0;
    int added = 0;
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var tweet = row.get("tweet").strip();
      if (tweet.isEmpty()) {
        continue;
      }
      var label = row.get("sarcastic").strip();
      if (!label.equals("0") && !label.equals("1")) {
        throw new IllegalArgumentException(file + ": row " + (i + 2) + ": 'sarcastic' must be 0 or 1, got '" + label
            + "'");
      }
      texts.add(tweet);
      labels.add(label.equals("1"));
      groups.add(i);
      scored.add(true);
      tweets++;
      var rephrase = row.getOrDefault("rephrase", "").strip();
      if (rephrases && label.equals("1") && !rephrase.isEmpty()) {
        texts.add(rephrase);
        labels.add(false);
        groups.add(i);
        scored.add(false);
        added++;
      }
    }
    var questions = neutral == null ? List.<String>of()
        : KnowledgeLoader.load(neutral).articles().stream().filter(a -> a.locale().equals("en"))
            .flatMap(a -> a.questions().stream()).map(String::strip).filter(q -> !q.isEmpty()).toList();
    if (neutral != null && questions.isEmpty()) {
      throw new IllegalArgumentException(neutral + ": no English sample questions");
    }
    long t0 = System.nanoTime();
    var all = new ArrayList<>(texts);
    all.addAll(questions);
    var vectors = model.embedAll(all.stream().map(TextSegment::from).toList()).content();
    out.printf(Locale.ROOT, "embedded %d texts (%d tweets, %d rephrases, %d neutral) in %.1f s%n", all.size(), tweets,
        added, questions.size(), (System.nanoTime() - t0) / 1e9);
    var examples = new ArrayList<SarcasmTrainer.Example>();
    for (int i = 0; i < texts.size(); i++) {
      examples.add(new SarcasmTrainer.Example(texts.get(i), SarcasmSignal.unitLength(vectors.get(i).vector()),
          labels.get(i), groups.get(i), scored.get(i)));
    }
    var neutralExamples = new ArrayList<SarcasmTrainer.Example>();
    for (int i = 0; i < questions.size(); i++) {
      neutralExamples.add(new SarcasmTrainer.Example(questions.get(i),
          SarcasmSignal.unitLength(vectors.get(texts.size() + i).vector()), false, -1, false));
    }
    var comments = new ArrayList<String>(List.of(
        "Deskbridge sarcasm signal: logistic regression over the all-MiniLM-L6-v2-q sentence embedding (unit length)"
            + " and lexical cues; read by io.deskbridge.core.escalation.SarcasmSignal.",
        "Weights derived from iSarcasmEval English train.En.csv (Abu Farha, Oprea, Wilson and Magdy, SemEval-2022"
            + " Task 6), MIT License, Copyright (c) 2022 Ibrahim Abu Farha. The data itself is not included.",
        "Trained by: " + command,
        String.format(Locale.ROOT, "Examples: %d tweets (%d sarcastic)%s.", tweets,
            examples.stream().filter(e -> e.scored() && e.sarcastic()).count(),
            rephrases ? ", plus " + added + " rephrases of sarcastic tweets as non-sarcastic" : ""),
        neutral == null ? "Neutral messages: none."
            : "Neutral messages: " + questions.size() + " English sample questions of " + neutral.getFileName()
                + " (derived data; only the threshold depends on them)."));
    comments.addAll(notes);
    long t1 = System.nanoTime();
    var result = SarcasmTrainer.train(examples, neutralExamples, budget, seed, folds, lambdas, comments);
    out.printf(Locale.ROOT, "trained in %.1f s; %d-fold cross-validation on the tweets:%n",
        (System.nanoTime() - t1) / 1e9, folds);
    out.println("   lambda  avg-prec     F1  precision  recall  threshold");
    for (var c : result.candidates()) {
      out.printf(Locale.ROOT, "%s %8.1f    %.3f  %.3f     %.3f   %.3f     %.4f%n", c == result.chosen() ? "*" : " ",
          c.lambda(), c.averagePrecision(), c.f1(), c.precision(), c.recall(), c.threshold());
    }
    var t = result.threshold();
    out.printf(Locale.ROOT, "threshold %.4f: F1 %.3f (precision %.3f, recall %.3f); flags %d of %d neutral messages%n",
        t.threshold(), t.f1(), t.precision(), t.recall(), result.neutralFlagged(), result.neutral());
    try {
      var parent = modelFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(modelFile, result.modelText(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + modelFile, e);
    }
    out.println("wrote " + modelFile);
    return new Outcome(result, tweets, added);
  }
}
