package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.app.eval.EmailCase.Expect;
import io.deskbridge.app.eval.EmailCase.Kind;
import io.deskbridge.app.eval.Metrics.Ratio;
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
import io.deskbridge.core.email.LoopGuard;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code eval} on e-mail cases ({@link EmailCase}, written by {@code datasets emails}): each e-mail goes the way an
 * incoming e-mail goes in the engine, as the first message of a new e-mail conversation: the loop guard first
 * ({@link LoopGuard#reason} on the message with its headers, sender and the conversation's subject, as
 * {@code TurnInterpreter} calls it), then the real {@link Bot} on an {@link Channel#EMAIL} conversation, which reads
 * the e-mail cleaned and splits its requests. {@link Kind#BARE} cases are decided as the single-message evaluation
 * decides them (a web-form message, {@link Evaluation}), so the report puts the wrapped e-mails next to the same
 * messages sent bare.
 *
 * <p>The report ({@link #report}):
 * <ul>
 *   <li>{@code answering}: per group (bare; wrapped, all and per template language and per style) the single-message
 *       metrics ({@link Metrics#summarize}: answered precision, coverage, handover recall, false handovers) over the
 *       answer and handover cases, and the wrapped groups' difference to bare in points;</li>
 *   <li>{@code loop_guard}: recall (ignored / automated e-mails) per kind, language and style, and false positives
 *       (ignored / e-mails people wrote: wrapped and multi-request) per language;</li>
 *   <li>{@code multi_request}: per language, how the two-request e-mails ended: {@code both_in_one_reply} (one reply
 *       carrying both expected articles), {@code one_reply_other_articles} (one reply for several requests, not both
 *       expected articles), {@code handover_listing_both} (a handover whose note lists at least two requests),
 *       {@code one_answer_only} (a reply to one request, the other not mentioned), {@code clarify},
 *       {@code other_handover}, {@code ignored}.</li>
 * </ul>
 * Stateless.
 */
public final class EmailEvaluation {

  /** The target distance of the wrapped e-mails' precision and coverage from bare, in points. */
  static final double WITHIN_POINTS = 2.0;
  /** The target loop-guard recall. */
  static final double RECALL_TARGET = 0.99;
  /** The target loop-guard false-positive rate. */
  static final double FALSE_POSITIVE_TARGET = 0.005;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EmailEvaluation() {}

  /**
   * What happened to one e-mail.
   *
   * @param emailCase the case
   * @param decision  reply, draft, clarify, handover, or ignore (the loop guard)
   * @param reasons   the decision's reasons; for ignore the loop guard's
   * @param confidence the decision's confidence
   * @param article   the decision's best article
   * @param answered  the articles whose answer the reply carries; empty unless replied
   * @param requestsListed the requests a handover note lists
   * @param millis    how long the decision took
   */
  record Result(EmailCase emailCase, String decision, List<String> reasons, double confidence, String article,
      Set<String> answered, int requestsListed, double millis) {
    Result {
      reasons = List.copyOf(reasons);
      answered = Set.copyOf(answered);
    }

    boolean ignored() {
      return decision.equals("ignore");
    }

    /** This result as the single-message evaluation's, for {@link Metrics#summarize}. */
    CaseResult asCaseResult() {
      var c = emailCase;
      var expect = c.expect() == Expect.ANSWER ? EvalCase.Expect.ANSWER : EvalCase.Expect.HANDOVER;
      var evalCase = new EvalCase(c.id(), c.text(), "en", expect, expect == EvalCase.Expect.ANSWER
          ? c.articles().get(0) : null, c.reason().isEmpty() ? null : c.reason());
      return new CaseResult(evalCase, decision, reasons, confidence, article, c.template().isEmpty() ? "en"
          : c.template(), millis);
    }
  }

  /**
   * Loads the knowledge base and the e-mail cases, decides every case, prints the tables to {@code out} and writes
   * the JSON report when {@code json} is given.
   *
   * @param threshold   as {@link Evaluation#thresholdPercent}
   * @param calibration labelled messages to fit the confidence on, or null
   * @return the JSON report
   * @throws IllegalArgumentException on a bad file, or a case naming an article the knowledge base lacks
   */
  public static ObjectNode run(Path kb, Path cases, Double threshold, int uncoveredPercent, Path calibration,
      Path cache, Path json, PrintStream out, EmbeddingModelConfig embedding) {
    long t0 = System.nanoTime();
    var knowledge = KnowledgeLoader.load(kb);
    var emails = EmailCase.read(cases);
    for (var c : emails) {
      for (var a : c.articles()) {
        if (knowledge.byId(a).isEmpty()) {
          throw new IllegalArgumentException(cases + ": case '" + c.id() + "' expects article '" + a
              + "', which the knowledge base does not have");
        }
      }
    }
    var config = BotConfig.defaults().withThresholdPercent(Evaluation.thresholdPercent(threshold))
        .withUncoveredPercent(uncoveredPercent);
    var labelled = calibration == null ? List.<CalibrationCase>of()
        : Evaluation.calibrationCases(calibration, knowledge, "--calibration");
    var model = Bot.embeddingModel(embedding, "--model");
    var bot = Bot.create(knowledge, config, model, cache, labelled);
    long t1 = System.nanoTime();
    var results = decide(bot, knowledge, emails);
    long t2 = System.nanoTime();
    var report = report(results, config.thresholdPercent() / 100.0);
    var timings = report.putObject("timings_ms");
    timings.put("load_and_build_bot", Math.round((t1 - t0) / 1e6));
    timings.put("decide_all", Math.round((t2 - t1) / 1e6));
    out.print(table(report, cases.getFileName().toString()));
    if (json != null) {
      try {
        JSON.writeValue(json.toFile(), report);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report " + json, e);
      }
    }
    return report;
  }

  /** Decides each case as the first message of a new conversation, in order. */
  static List<Result> decide(Bot bot, KnowledgeBase knowledge, List<EmailCase> cases) {
    var results = new ArrayList<Result>(cases.size());
    for (var c : cases) {
      long start = System.nanoTime();
      var bare = c.kind() == Kind.BARE;
      var message = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, bare ? "customer" : c.from(), c.text(),
          Instant.EPOCH, c.headers());
      var conversation = new Conversation(new ConversationKey("eval", "eval", c.id()),
          bare ? Channel.WEB_FORM : Channel.EMAIL, c.subject(), Customer.UNKNOWN, "", "", Set.of(), false,
          List.of(message));
      var automated = bare ? java.util.Optional.<String>empty() : LoopGuard.reason(message, c.subject());
      if (automated.isPresent()) {
        results.add(new Result(c, "ignore", List.of(automated.get()), 0, "", Set.of(), 0,
            (System.nanoTime() - start) / 1e6));
        continue;
      }
      var decision = bot.decide(new BotInput(conversation, List.of(message), 0, 0, List.of(), ""));
      double millis = (System.nanoTime() - start) / 1e6;
      var answered = new LinkedHashSet<String>();
      if (decision instanceof Decision.Reply reply) {
        answered.add(reply.scores().articleId());
        for (var a : knowledge.articles()) {
          if (!a.body().isBlank() && reply.text().contains(a.body())) {
            answered.add(a.id());
          }
        }
      }
      int listed = decision instanceof Decision.Handover h ? h.summary().requests().size() : 0;
      results.add(new Result(c, decision.kind(), decision.reasons(), decision.scores().confidence(),
          decision.scores().articleId(), answered, listed, millis));
    }
    return results;
  }

  /** How a two-request e-mail ended; see the class comment. */
  static String multiOutcome(Result r) {
    if (r.ignored()) {
      return "ignored";
    }
    boolean several = r.reasons().contains("multiple_requests");
    if (r.decision().equals("reply") || r.decision().equals("draft")) {
      if (!several) {
        return "one_answer_only";
      }
      return r.answered().containsAll(r.emailCase().articles()) ? "both_in_one_reply" : "one_reply_other_articles";
    }
    if (r.decision().equals("handover")) {
      return r.requestsListed() >= 2 ? "handover_listing_both" : "other_handover";
    }
    return "clarify";
  }

  static final List<String> MULTI_OUTCOMES = List.of("both_in_one_reply", "handover_listing_both",
      "one_reply_other_articles", "one_answer_only", "clarify", "other_handover", "ignored");

  /** The JSON report; see the class comment. */
  static ObjectNode report(List<Result> results, double threshold) {
    var report = JSON.createObjectNode();
    report.put("cases", results.size());
    report.put("threshold", threshold);
    var counts = report.putObject("counts");
    new TreeMap<>(results.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.emailCase().kind().code(),
        java.util.stream.Collectors.counting()))).forEach(counts::put);

    var answering = report.putObject("answering");
    var people = results.stream().filter(r -> r.emailCase().kind() == Kind.BARE
        || r.emailCase().kind() == Kind.WRAPPED).toList();
    var groups = new LinkedHashMap<String, Predicate<Result>>();
    groups.put("bare", r -> r.emailCase().kind() == Kind.BARE);
    groups.put("wrapped", r -> r.emailCase().kind() == Kind.WRAPPED);
    for (var l : EmailDatasets.LANGUAGES) {
      groups.put("wrapped " + l, r -> r.emailCase().kind() == Kind.WRAPPED && r.emailCase().template().equals(l));
    }
    for (var s : List.of("plain", "outlook", "html")) {
      groups.put("wrapped " + s, r -> r.emailCase().kind() == Kind.WRAPPED && r.emailCase().style().equals(s));
    }
    Metrics.Summary bare = null;
    for (var g : groups.entrySet()) {
      var rs = people.stream().filter(g.getValue()).map(Result::asCaseResult).toList();
      if (rs.isEmpty()) {
        continue;
      }
      var s = Metrics.summarize(rs);
      bare = g.getKey().equals("bare") ? s : bare;
      var o = answering.putObject(g.getKey());
      o.put("cases", s.cases());
      put(o, "answered_precision", s.answeredPrecision());
      put(o, "coverage", s.coverage());
      put(o, "handover_recall", s.handoverRecall());
      put(o, "false_handover_rate", s.falseHandover());
      long ignored = people.stream().filter(g.getValue()).filter(Result::ignored).count();
      o.put("ignored_by_loop_guard", ignored);
      if (bare != null && !g.getKey().equals("bare")) {
        o.put("precision_minus_bare_points", points(s.answeredPrecision(), bare.answeredPrecision()));
        o.put("coverage_minus_bare_points", points(s.coverage(), bare.coverage()));
      }
    }

    var guard = report.putObject("loop_guard");
    var automated = results.stream().filter(r -> r.emailCase().kind().automated()).toList();
    var written = results.stream().filter(r -> r.emailCase().kind() == Kind.WRAPPED
        || r.emailCase().kind() == Kind.MULTI).toList();
    put(guard, "recall", ratio(automated, Result::ignored));
    put(guard, "false_positive_rate", ratio(written, Result::ignored));
    var byKind = guard.putObject("recall_by_kind");
    for (var k : Kind.values()) {
      if (k.automated()) {
        put(byKind, k.code(), ratio(automated.stream().filter(r -> r.emailCase().kind() == k).toList(),
            Result::ignored));
      }
    }
    var byStyle = guard.putObject("recall_by_kind_and_style");
    new TreeMap<>(automated.stream().collect(java.util.stream.Collectors.groupingBy(
        r -> r.emailCase().kind().code() + " " + r.emailCase().style()))).forEach((key, rs) ->
        put(byStyle, key, ratio(rs, Result::ignored)));
    var byLanguage = guard.putObject("by_language");
    for (var l : EmailDatasets.LANGUAGES) {
      var o = byLanguage.putObject(l);
      put(o, "recall", ratio(automated.stream().filter(r -> r.emailCase().template().equals(l)).toList(),
          Result::ignored));
      put(o, "false_positive_rate", ratio(written.stream().filter(r -> r.emailCase().template().equals(l)).toList(),
          Result::ignored));
    }
    var misses = guard.putArray("missed");
    automated.stream().filter(r -> !r.ignored()).forEach(r -> misses.add(r.emailCase().id()));
    var wrong = guard.putArray("false_positives");
    written.stream().filter(Result::ignored).forEach(r -> wrong.add(r.emailCase().id() + " (" + r.reasons() + ")"));

    var multi = report.putObject("multi_request");
    var multis = results.stream().filter(r -> r.emailCase().kind() == Kind.MULTI).toList();
    putOutcomes(multi.putObject("all"), multis);
    for (var l : EmailDatasets.LANGUAGES) {
      putOutcomes(multi.putObject(l), multis.stream().filter(r -> r.emailCase().template().equals(l)).toList());
    }

    var list = report.putArray("results");
    for (var r : results) {
      var o = list.addObject();
      o.put("id", r.emailCase().id());
      o.put("decision", r.decision());
      r.reasons().forEach(o.putArray("reasons")::add);
      o.put("article", r.article());
      if (!r.answered().isEmpty()) {
        r.answered().stream().sorted().forEach(o.putArray("answered")::add);
      }
      o.put("confidence", Math.round(r.confidence() * 10_000) / 10_000.0);
    }
    return report;
  }

  private static void putOutcomes(ObjectNode o, List<Result> rs) {
    o.put("cases", rs.size());
    for (var outcome : MULTI_OUTCOMES) {
      o.put(outcome, rs.stream().filter(r -> multiOutcome(r).equals(outcome)).count());
    }
    put(o, "both_answered_or_listed_rate", ratio(rs, r -> multiOutcome(r).equals("both_in_one_reply")
        || multiOutcome(r).equals("handover_listing_both")));
  }

  private static Ratio ratio(List<Result> rs, Predicate<Result> p) {
    return new Ratio((int) rs.stream().filter(p).count(), rs.size());
  }

  private static double points(Ratio a, Ratio b) {
    return Math.round((a.value() - b.value()) * 1000) / 10.0;
  }

  private static void put(ObjectNode o, String key, Ratio r) {
    if (Double.isNaN(r.value())) {
      o.putNull(key);
    } else {
      o.put(key, Math.round(r.value() * 1_000_000) / 1_000_000.0);
    }
    o.put(key + "_counts", r.numerator() + "/" + r.denominator());
  }

  /** The readable tables of a report. */
  static String table(ObjectNode report, String title) {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "eval %s: %d e-mail cases %s, threshold %.2f%n", title,
        report.get("cases").asInt(), report.get("counts"), report.get("threshold").asDouble()));
    var t = report.get("timings_ms");
    if (t != null) {
      sb.append(String.format(Locale.ROOT, "load and bot %.1f s, decisions %.1f s%n", t.get("load_and_build_bot")
          .asLong() / 1e3, t.get("decide_all").asLong() / 1e3));
    }
    sb.append(String.format(Locale.ROOT, "%nanswering      cases  precision  coverage  Δprec  Δcov  handover_recall"
        + "  false_handover  ignored%n"));
    report.get("answering").fields().forEachRemaining(e -> {
      var o = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-15s %5d %10s %9s %6s %5s %16s %15s %8d%n", e.getKey(),
          o.get("cases").asInt(), pct(o.get("answered_precision")), pct(o.get("coverage")),
          o.has("precision_minus_bare_points") ? signed(o.get("precision_minus_bare_points")) : "",
          o.has("coverage_minus_bare_points") ? signed(o.get("coverage_minus_bare_points")) : "",
          pct(o.get("handover_recall")), pct(o.get("false_handover_rate")), o.get("ignored_by_loop_guard").asInt()));
    });
    var g = report.get("loop_guard");
    sb.append(String.format(Locale.ROOT, "%nloop guard: recall %s (%s), false positives %s (%s)%n",
        pct(g.get("recall")), g.get("recall_counts").asText(), pct(g.get("false_positive_rate")),
        g.get("false_positive_rate_counts").asText()));
    g.get("recall_by_kind_and_style").fields().forEachRemaining(e -> {
      if (!e.getKey().endsWith("_counts")) {
        sb.append(String.format(Locale.ROOT, "  %-28s %8s (%s)%n", e.getKey(), pct(e.getValue()),
            g.get("recall_by_kind_and_style").get(e.getKey() + "_counts").asText()));
      }
    });
    sb.append(String.format(Locale.ROOT, "  language  recall            false positives%n"));
    g.get("by_language").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT,
        "  %-8s %8s (%7s) %8s (%s)%n", e.getKey(), pct(e.getValue().get("recall")),
        e.getValue().get("recall_counts").asText(), pct(e.getValue().get("false_positive_rate")),
        e.getValue().get("false_positive_rate_counts").asText())));
    if (g.get("missed").size() > 0) {
      sb.append("  missed: ").append(g.get("missed")).append('\n');
    }
    if (g.get("false_positives").size() > 0) {
      sb.append("  false positives: ").append(g.get("false_positives")).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%nmulti-request  cases  %s  both answered or listed%n",
        String.join("  ", MULTI_OUTCOMES)));
    report.get("multi_request").fields().forEachRemaining(e -> {
      var o = e.getValue();
      var row = new StringBuilder(String.format(Locale.ROOT, "%-13s %6d", e.getKey(), o.get("cases").asInt()));
      for (var outcome : MULTI_OUTCOMES) {
        row.append(String.format(Locale.ROOT, "  %" + outcome.length() + "d", o.get(outcome).asInt()));
      }
      sb.append(row).append(String.format(Locale.ROOT, "  %s%n", pct(o.get("both_answered_or_listed_rate"))));
    });
    return sb.toString();
  }

  private static String pct(JsonNode value) {
    return value == null || value.isNull() ? "-" : String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100);
  }

  private static String signed(JsonNode value) {
    return value == null || value.isNull() ? "-" : String.format(Locale.ROOT, "%+.1f", value.asDouble());
  }
}
