package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.app.eval.EvalCase.Expect;
import io.deskbridge.app.eval.Metrics.Summary;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.bot.EmbeddingModelConfig;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs the real {@link Bot} over labelled cases and reports how well it decides (see {@link Metrics} for the
 * definitions). Each case is one customer message opening a new conversation: no history, no earlier bot turns,
 * so the bot replies, asks a clarifying question or hands over. Stateless and thread-safe; run one evaluation at
 * a time for meaningful timings.
 */
public final class Evaluation {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Evaluation() {}

  /**
   * Loads the knowledge base ({@link KnowledgeLoader#load}: a folder or a {@code .jsonl} file) and the cases
   * ({@link EvalCase#read}), decides every case with a bot at the threshold, prints the table to {@code out}, and
   * writes the JSON report and the SVG chart when their paths are given.
   *
   * @param threshold the bot's threshold: a value up to 1 is a probability (0.8, and 1 = 100 %), a larger one
   *                  percent (80); rounded to a whole percent as {@link BotConfig} takes it; null for
   *                  {@link BotConfig#DEFAULT_THRESHOLD}
   * @param uncoveredPercent the bot's {@link BotConfig#uncoveredPercent()}
   * @param calibration labelled messages to fit the confidence on ({@link CalibrationCase#load}), or null to fit it
   *                  on the knowledge base's sample questions
   * @param cache     where to keep the knowledge base's embeddings between runs, or null for none
   * @param json      where to write the JSON report, or null
   * @param chart     where to write the SVG chart of precision against coverage, or null
   * @return the JSON report
   * @throws IllegalArgumentException on a bad threshold, knowledge base or cases file, or a case naming an article
   *                                  the knowledge base does not have
   * @throws UncheckedIOException     when a file cannot be read or written
   */
  /**
   * The labelled messages of a cases file ({@link EvalCase#read}, the same format and checks) for fitting the bot's
   * confidence: the {@code answer} cases with their article and the {@code no_answer} cases; {@code handover} and
   * {@code no_handover} cases are skipped, and so are cases marked {@code "reviewed": false} (a guess nobody checked).
   *
   * @param setting where the file was named, for error messages (e.g. {@code bot.calibrationCases})
   * @throws IllegalArgumentException naming the setting and the file, on a bad line, an article the knowledge base
   *     lacks, or fewer than {@value CalibrationCase#MIN_ANSWERABLE} answerable messages
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<CalibrationCase> calibrationCases(Path file, KnowledgeBase knowledge, String setting) {
    List<EvalCase> cases;
    try {
      cases = EvalCase.read(file);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
    }
    var labelled = new ArrayList<CalibrationCase>();
    int unreviewed = 0;
    for (var c : cases) {
      if (!c.reviewed()) {
        unreviewed++;
        continue;
      }
      if (c.expect() == Expect.ANSWER && knowledge.byId(c.article()).isEmpty()) {
        throw new IllegalArgumentException(setting + ": " + file + ": case '" + c.id() + "' names article '"
            + c.article() + "', which the knowledge base does not have");
      }
      if (c.expect() == Expect.ANSWER || c.expect() == Expect.NO_ANSWER) {
        labelled.add(new CalibrationCase(c.id(), c.text(), c.article()));
      }
    }
    long answerable = labelled.stream().filter(c -> !c.articleId().isEmpty()).count();
    if (answerable < CalibrationCase.MIN_ANSWERABLE) {
      throw new IllegalArgumentException(setting + ": " + file + ": " + answerable + " answer case(s); at least "
          + CalibrationCase.MIN_ANSWERABLE + " are needed to fit the confidence on" + (unreviewed == 0 ? ""
          : " (" + unreviewed + " unreviewed case(s) left out: check each label and set \"reviewed\": true)"));
    }
    return List.copyOf(labelled);
  }

  public static ObjectNode run(Path kb, Path cases, Double threshold, int uncoveredPercent, Path calibration,
      Path cache, Path json, Path chart, PrintStream out) {
    return run(kb, cases, threshold, uncoveredPercent, calibration, cache, json, chart, out,
        EmbeddingModelConfig.bundled());
  }

  /**
   * As {@link #run(Path, Path, Double, int, Path, Path, Path, Path, PrintStream)}, with the bot over the embedding
   * model {@code embedding} names ({@link Bot#embeddingModel(EmbeddingModelConfig, String)}); the report's
   * {@code embedding_model} says which.
   */
  public static ObjectNode run(Path kb, Path cases, Double threshold, int uncoveredPercent, Path calibration,
      Path cache, Path json, Path chart, PrintStream out, EmbeddingModelConfig embedding) {
    long t0 = System.nanoTime();
    var knowledge = KnowledgeLoader.load(kb);
    var read = EvalCase.read(cases);
    var evalCases = read.stream().filter(EvalCase::reviewed).toList();
    if (evalCases.size() < read.size()) {
      out.println(cases + ": " + (read.size() - evalCases.size()) + " unreviewed case(s) left out (\"reviewed\": "
          + "false); " + evalCases.size() + " evaluated");
    }
    for (var c : evalCases) {
      if (c.expect() == Expect.ANSWER && knowledge.byId(c.article()).isEmpty()) {
        throw new IllegalArgumentException(cases + ": case '" + c.id() + "' expects article '" + c.article()
            + "', which the knowledge base does not have");
      }
    }
    long t1 = System.nanoTime();
    var config = BotConfig.defaults().withThresholdPercent(thresholdPercent(threshold))
        .withUncoveredPercent(uncoveredPercent);
    var labelled = calibration == null ? List.<CalibrationCase>of()
        : calibrationCases(calibration, knowledge, "--calibration");
    if (!labelled.isEmpty()) {
      var ids = new HashSet<String>();
      var texts = new HashSet<String>();
      evalCases.forEach(c -> {
        ids.add(c.id());
        texts.add(c.text());
      });
      for (var c : labelled) {
        if (ids.contains(c.id()) || texts.contains(c.text())) {
          throw new IllegalArgumentException("--calibration " + calibration + ": case '" + c.id() + "' is also among "
              + "the cases evaluated (same id or text); calibrating on them would flatter the result");
        }
      }
    }
    var model = Bot.embeddingModel(embedding, "--model");
    var bot = Bot.create(knowledge, config, model, cache, labelled);
    long t2 = System.nanoTime();
    var results = decide(bot, evalCases);
    long t3 = System.nanoTime();
    var report = report(results, config.thresholdPercent() / 100.0, knowledge);
    report.put("embedding_model", embedding.isBundled() ? model.modelName() + " (bundled)"
        : embedding.modelFile().getFileName() + " (" + model.modelName() + ", " + embedding.pooling().name()
            .toLowerCase(Locale.ROOT) + " pooling" + (embedding.multilingual() ? ", multilingual" : "") + ")");
    report.put("calibration", calibration == null ? "sample questions"
        : calibration.getFileName() + " (" + labelled.size() + " labelled messages)");
    var timings = report.putObject("timings_ms");
    timings.put("load", Math.round((t1 - t0) / 1e6));
    timings.put("build_bot", Math.round((t2 - t1) / 1e6));
    timings.put("decide_all", Math.round((t3 - t2) / 1e6));
    var parent = cases.toAbsolutePath().getParent();
    var title = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/")
        + cases.getFileName();
    out.print(table(report, title));
    try {
      if (json != null) {
        JSON.writeValue(json.toFile(), report);
      }
      if (chart != null) {
        Files.writeString(chart, SvgChart.render(title, results,
            config.thresholdPercent() / 100.0), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report", e);
    }
    return report;
  }

  /**
   * The threshold in whole percent: null gives the default, values in [0, 1] are probabilities, values in (1, 100]
   * percent.
   *
   * @throws IllegalArgumentException when the value is negative, above 100 or not a number
   */
  static int thresholdPercent(Double threshold) {
    if (threshold == null) {
      return BotConfig.DEFAULT_THRESHOLD;
    }
    if (!(threshold >= 0 && threshold <= 100)) {
      throw new IllegalArgumentException("threshold must be a probability in 0..1 or percent in 0..100, got "
          + threshold);
    }
    return (int) Math.round(threshold <= 1 ? threshold * 100 : threshold);
  }

  /** Decides each case as the first message of a new conversation, in order, timing each decision. */
  static List<CaseResult> decide(Bot bot, List<EvalCase> cases) {
    var results = new ArrayList<CaseResult>(cases.size());
    for (var c : cases) {
      var input = input(c);
      long start = System.nanoTime();
      var decision = bot.decide(input);
      double millis = (System.nanoTime() - start) / 1e6;
      var language = !c.language().isEmpty() ? c.language() : language(decision, bot.config().defaultLanguage());
      results.add(new CaseResult(c, decision.kind(), decision.reasons(), decision.scores().confidence(),
          decision.scores().articleId(), language, millis));
    }
    return results;
  }

  /** The language the bot decided the message is in. */
  private static String language(Decision decision, String otherwise) {
    if (decision instanceof Decision.Reply r) {
      return r.language();
    } else if (decision instanceof Decision.Draft d) {
      return d.language();
    } else if (decision instanceof Decision.Clarify c) {
      return c.language();
    } else if (decision instanceof Decision.Handover h) {
      return h.summary().language();
    }
    return otherwise;
  }

  private static BotInput input(EvalCase c) {
    var message = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "customer", c.text(), Instant.EPOCH);
    var conversation = new Conversation(new ConversationKey("eval", "eval", c.id()), Channel.WEB_FORM, "",
        Customer.UNKNOWN, "", "", Set.of(), false, List.of(message));
    return new BotInput(conversation, List.of(message), 0, 0, List.of(), "");
  }

  /** The JSON report (every key of the list, plus counts, per-reason scores and the sweep check). */
  static ObjectNode report(List<CaseResult> results, double threshold, KnowledgeBase kb) {
    var report = JSON.createObjectNode();
    report.put("cases", results.size());
    report.put("threshold", threshold);
    report.put("articles", kb.ids().size());
    var counts = report.putObject("counts");
    for (var e : Expect.values()) {
      counts.put(e.code(), results.stream().filter(r -> r.expect() == e).count());
    }
    var decisions = report.putObject("decisions");
    new TreeMap<>(results.stream().collect(Collectors.groupingBy(CaseResult::decision,
        Collectors.counting()))).forEach(decisions::put);
    var all = Metrics.summarize(results);
    putSummary(report, all);
    var reasons = report.putObject("reason_scores");
    Metrics.reasonScores(results).forEach((reason, s) -> {
      var o = reasons.putObject(reason);
      o.put("expected", s.expected());
      o.put("predicted", s.predicted());
      o.put("true_positives", s.truePositives());
      put(o, "precision", s.precision());
      put(o, "recall", s.recall());
      put(o, "f1", s.f1());
    });
    var sarcasm = Metrics.reasonScores(results).get("sarcasm");
    if (sarcasm != null && sarcasm.expected() > 0) {
      put(report, "sarcasm_f1", sarcasm.f1());
      put(report, "sarcasm_precision", sarcasm.precision());
      put(report, "sarcasm_recall", sarcasm.recall());
    }
    var sweep = report.putArray("sweep");
    for (var p : Metrics.sweep(results)) {
      var o = sweep.addObject();
      o.put("threshold", Math.round(p.threshold() * 100) / 100.0);
      put(o, "answered_precision", p.answeredPrecision().value());
      put(o, "coverage", p.coverage().value());
      put(o, "no_answer_answered_rate", p.noAnswerAnswered().value());
    }
    var check = report.putObject("sweep_check");
    check.put("threshold", threshold);
    check.put("disagreements", Metrics.sweepDisagreements(results, threshold).size());
    var byLanguage = report.putObject("by_language");
    Metrics.byLanguage(results).forEach((language, rs) -> putSummary(byLanguage.putObject(language),
        Metrics.summarize(rs)));
    var ms = results.stream().map(CaseResult::millis).toList();
    put(report, "p50_ms_per_message", round(Metrics.percentile(ms, 50), 3));
    put(report, "p90_ms_per_message", round(Metrics.percentile(ms, 90), 3));
    var list = report.putArray("results");
    for (var r : results) {
      var o = list.addObject();
      var c = r.evalCase();
      o.put("id", c.id());
      o.put("expect", c.expect().code());
      if (!c.article().isEmpty()) {
        o.put("expected_article", c.article());
      }
      if (!c.reason().isEmpty()) {
        o.put("expected_reason", c.reason());
      }
      o.put("decision", r.decision());
      r.reasons().forEach(o.putArray("reasons")::add);
      o.put("confidence", round(r.confidence(), 4));
      o.put("article", r.article());
      o.put("language", r.language());
      o.put("ms", round(r.millis(), 3));
    }
    return report;
  }

  private static void putSummary(ObjectNode o, Summary s) {
    o.put("cases", s.cases());
    put(o, "answered_precision", s.answeredPrecision().value());
    put(o, "coverage", s.coverage().value());
    put(o, "no_answer_answered_rate", s.noAnswerAnswered().value());
    var recall = o.putObject("handover_recall");
    put(recall, "overall", s.handoverRecall().value());
    var byReason = recall.putObject("by_reason");
    s.handoverRecallByReason().forEach((reason, ratio) -> put(byReason, reason, ratio.value()));
    put(o, "false_handover_rate", s.falseHandover().value());
    put(o, "no_handover_handed_over_rate", s.noHandoverHandedOver().value());
    put(o, "ece", s.ece());
    put(o, "top1_accuracy", s.top1().value());
  }

  /** Puts the value rounded to six places, or null when it is NaN. */
  private static void put(ObjectNode o, String key, double value) {
    if (Double.isNaN(value)) {
      o.putNull(key);
    } else {
      o.put(key, round(value, 6));
    }
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Double.isNaN(value) ? value : Math.round(value * scale) / scale;
  }

  /** The readable table of a report. */
  static String table(ObjectNode report, String title) {
    var sb = new StringBuilder();
    var counts = report.get("counts");
    var t = report.get("timings_ms");
    sb.append(String.format(Locale.ROOT, "eval %s: %d cases (answer %d, handover %d, no_answer %d, no_handover %d), "
            + "%d articles, threshold %.2f%n", title, report.get("cases").asInt(), counts.get("answer").asInt(),
        counts.get("handover").asInt(), counts.get("no_answer").asInt(), counts.get("no_handover").asInt(),
        report.get("articles").asInt(), report.get("threshold").asDouble()));
    if (t != null) {
      sb.append(String.format(Locale.ROOT, "load %.1f s, bot built in %.1f s, decisions %.1f s; ",
          t.get("load").asLong() / 1e3, t.get("build_bot").asLong() / 1e3, t.get("decide_all").asLong() / 1e3));
    }
    sb.append(String.format(Locale.ROOT, "per message p50 %s ms, p90 %s ms%n%n", num(report, "p50_ms_per_message"),
        num(report, "p90_ms_per_message")));
    var rows = new ArrayList<String[]>();
    rows.add(new String[] {"top-1 (answer cases)", pct(report.get("top1_accuracy"))});
    rows.add(new String[] {"answered precision", pct(report.get("answered_precision"))});
    rows.add(new String[] {"coverage", pct(report.get("coverage"))});
    rows.add(new String[] {"no_answer answered", pct(report.get("no_answer_answered_rate"))});
    var recall = report.get("handover_recall");
    rows.add(new String[] {"handover recall", pct(recall.get("overall"))});
    recall.get("by_reason").fields().forEachRemaining(e -> rows.add(new String[] {"  " + e.getKey(),
        pct(e.getValue())}));
    rows.add(new String[] {"false handover", pct(report.get("false_handover_rate"))});
    rows.add(new String[] {"no_handover handed over", pct(report.get("no_handover_handed_over_rate"))});
    rows.add(new String[] {"ECE", num(report, "ece")});
    if (report.has("sarcasm_f1")) {
      rows.add(new String[] {"sarcasm precision / recall / F1", pct(report.get("sarcasm_precision")) + " / "
          + pct(report.get("sarcasm_recall")) + " / " + num(report, "sarcasm_f1")});
    }
    rows.forEach(r -> sb.append(String.format(Locale.ROOT, "%-32s %s%n", r[0], r[1])));
    var check = report.get("sweep_check");
    int disagreements = check.get("disagreements").asInt();
    sb.append(String.format(Locale.ROOT, "sweep at %.2f %s the decisions (%d of %d cases differ)%n",
        check.get("threshold").asDouble(), disagreements == 0 ? "agrees with" : "DISAGREES with", disagreements,
        report.get("cases").asInt()));
    sb.append(String.format(Locale.ROOT, "%nreason%20s %9s %9s %9s %7s%n", "expected", "predicted", "precision",
        "recall", "F1"));
    report.get("reason_scores").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT,
        "%-18s %8d %9d %9s %9s %7s%n", e.getKey(), e.getValue().get("expected").asInt(),
        e.getValue().get("predicted").asInt(), pct(e.getValue().get("precision")), pct(e.getValue().get("recall")),
        num(e.getValue(), "f1"))));
    sb.append(String.format(Locale.ROOT, "%nlanguage  cases    top-1  precision  coverage  no_answer  handover"
        + "  false_ho    ECE%n"));
    report.get("by_language").fields().forEachRemaining(e -> {
      var l = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-8s %6d %8s %10s %9s %10s %9s %9s %6s%n", e.getKey(),
          l.get("cases").asInt(), pct(l.get("top1_accuracy")), pct(l.get("answered_precision")),
          pct(l.get("coverage")),
          pct(l.get("no_answer_answered_rate")), pct(l.get("handover_recall").get("overall")),
          pct(l.get("false_handover_rate")), num(l, "ece")));
    });
    sb.append(String.format(Locale.ROOT, "%nthreshold  precision  coverage  no_answer answered%n"));
    report.get("sweep").forEach(p -> sb.append(String.format(Locale.ROOT, "%9.2f %10s %9s %10s%n",
        p.get("threshold").asDouble(), pct(p.get("answered_precision")), pct(p.get("coverage")),
        pct(p.get("no_answer_answered_rate")))));
    return sb.toString();
  }

  private static String pct(JsonNode value) {
    return value == null || value.isNull() ? "-" : String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100);
  }

  private static String num(JsonNode o, String key) {
    var value = o.get(key);
    return value == null || value.isNull() ? "-" : String.format(Locale.ROOT, "%.3f", value.asDouble());
  }
}
