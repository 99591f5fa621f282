package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.app.eval.HistoryReplay.Outcome;
import io.deskbridge.app.eval.HistoryReplay.Replayed;
import io.deskbridge.app.eval.HistoryReplay.Turn;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.privacy.Redactor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report of a history replay ({@code simulate}): per language what the bot would have done with the solved
 * conversations, the expected deflection (conversations the bot would have answered as the agent did), the risky
 * answers (answered, and the agent said something else) first for review; and the files an admin works with:
 * {@value #REPORT} (the report), {@value #CONVERSATIONS} (every conversation's turns, one JSON object a line) and
 * {@value #CALIBRATION} (each conversation's first message in the {@code eval} case format, the bot's guess as the
 * label, {@code "reviewed": false}, so an admin can check the labels and pass the file as {@code --calibration} or
 * {@code bot.calibrationCases}). Every customer and agent text written is redacted ({@link Redactor#standard()}).
 * Immutable.
 *
 * @param installation the installation replayed
 * @param since        the earliest change read
 * @param threshold    the bot's threshold in percent
 * @param conversations the replayed conversations, in the vendor's order
 */
public record SimulationReport(String installation, Instant since, int threshold, List<Replayed> conversations) {
  public static final String REPORT = "report.md";
  public static final String CONVERSATIONS = "conversations.jsonl";
  public static final String CALIBRATION = "calibration.jsonl";
  /** The handover reasons that mean "the knowledge base has no answer" rather than "a person must take this". */
  private static final Set<String> NO_ANSWER_REASONS = Set.of(HandoverReason.LOW_CONFIDENCE.code(),
      HandoverReason.MAX_TURNS.code(), HandoverReason.LOOP.code());
  private static final Set<String> REASON_CODES =
      Arrays.stream(HandoverReason.values()).map(HandoverReason::code).collect(Collectors.toUnmodifiableSet());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Redactor REDACTOR = Redactor.standard();

  public SimulationReport {
    conversations = List.copyOf(conversations);
  }

  /**
   * The counts of one language (or of all: language {@code all}).
   *
   * @param conversations conversations with at least one customer message
   * @param answered      the bot would have answered (after a clarifying question too)
   * @param agreeing      of those, the agent said the same: the expected deflection
   * @param risky         of those, the agent said something else
   * @param unverified    of those, no agent reply to compare with
   * @param clarified     the bot would only have asked a clarifying question
   * @param handedOver    the bot would have handed over
   * @param ignored       the bot would have done nothing (an automatic e-mail)
   */
  public record Row(String language, int conversations, int answered, int agreeing, int risky, int unverified,
      int clarified, int handedOver, int ignored) {

    /** The expected deflection: agreeing answers over conversations; 0 without conversations. */
    public double deflection() {
      return conversations == 0 ? 0 : (double) agreeing / conversations;
    }
  }

  /** The conversations that had a customer message to replay. */
  public List<Replayed> replayed() {
    return conversations.stream().filter(c -> !c.turns().isEmpty()).toList();
  }

  /** One row per language (sorted), then the row {@code all}. */
  public List<Row> rows() {
    var byLanguage = new TreeMap<String, List<Replayed>>();
    for (var c : replayed()) {
      byLanguage.computeIfAbsent(c.language().isEmpty() ? "?" : c.language(), k -> new ArrayList<>()).add(c);
    }
    var rows = new ArrayList<Row>();
    byLanguage.forEach((language, list) -> rows.add(row(language, list)));
    rows.add(row("all", replayed()));
    return rows;
  }

  private static Row row(String language, List<Replayed> list) {
    int answered = 0;
    int agreeing = 0;
    int risky = 0;
    int unverified = 0;
    int clarified = 0;
    int handedOver = 0;
    int ignored = 0;
    for (var c : list) {
      Turn t = c.deciding().orElseThrow();
      switch (t.outcome()) {
        case ANSWERED -> {
          answered++;
          if (t.agrees()) {
            agreeing++;
          } else if (t.risky()) {
            risky++;
          } else {
            unverified++;
          }
        }
        case CLARIFIED -> clarified++;
        case HANDED_OVER -> handedOver++;
        case IGNORED -> ignored++;
        default -> throw new IllegalStateException(t.outcome().toString());
      }
    }
    return new Row(language, list.size(), answered, agreeing, risky, unverified, clarified, handedOver, ignored);
  }

  /** The conversations with an answer the agent contradicted, the most confident first. */
  public List<Replayed> risky() {
    return replayed().stream().filter(Replayed::risky)
        .sorted(Comparator.comparingDouble((Replayed c) -> -maxRiskyConfidence(c))).toList();
  }

  private static double maxRiskyConfidence(Replayed c) {
    return c.turns().stream().filter(Turn::risky).mapToDouble(Turn::confidence).max().orElse(0);
  }

  /** How often each handover reason comes with a handover, most frequent first. */
  public Map<String, Integer> handoverReasons() {
    var counts = new TreeMap<String, Integer>();
    for (var c : replayed()) {
      var t = c.deciding().orElseThrow();
      if (t.outcome() == Outcome.HANDED_OVER) {
        t.reasons().forEach(r -> counts.merge(r, 1, Integer::sum));
      }
    }
    return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** The summary for the console: the table and the riskiest answers. */
  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "simulate %s: %d solved conversation(s) since %s, threshold %d %%%n", installation,
        conversations.size(), since, threshold);
    out.print(table());
    var risky = risky();
    if (!risky.isEmpty()) {
      out.println();
      out.println("Risky answers (answered, the agent said something else), review first:");
      risky.stream().limit(10).forEach(c -> out.println("  " + riskyLine(c)));
      if (risky.size() > 10) {
        out.println("  … " + (risky.size() - 10) + " more in " + REPORT);
      }
    }
  }

  private String table() {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-8s %13s %9s %6s %6s %11s %10s %12s %8s %11s%n", "language",
        "conversations", "answered", "agree", "risky", "unverified", "clarified", "handed over", "ignored",
        "deflection"));
    for (var r : rows()) {
      sb.append(String.format(Locale.ROOT, "%-8s %13d %9d %6d %6d %11d %10d %12d %8d %10.1f%%%n", r.language(),
          r.conversations(), r.answered(), r.agreeing(), r.risky(), r.unverified(), r.clarified(), r.handedOver(),
          r.ignored(), 100 * r.deflection()));
    }
    return sb.toString();
  }

  private static String riskyLine(Replayed c) {
    var t = c.turns().stream().filter(Turn::risky).findFirst().orElseThrow();
    var compared = t.compared().orElseThrow();
    return String.format(Locale.ROOT, "#%s [%s] \"%s\": bot %s at %.0f %%, agent %s", c.id(), t.language(),
        shorten(REDACTOR.redact(t.text()), 80), t.article(), 100 * t.confidence(),
        compared.verdict() == ReplyComparison.Verdict.OTHER_ARTICLE ? "linked " + compared.agentArticle()
            : String.format(Locale.ROOT, "wrote another answer (word similarity %.2f)", compared.words()));
  }

  /** Writes {@value #REPORT}, {@value #CONVERSATIONS} and {@value #CALIBRATION} into {@code folder}, creating it. */
  public void write(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(REPORT), markdown(), StandardCharsets.UTF_8);
      Files.write(folder.resolve(CONVERSATIONS), lines(conversationLines()), StandardCharsets.UTF_8);
      Files.write(folder.resolve(CALIBRATION), lines(calibrationLines()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the simulation report into " + folder, e);
    }
  }

  private static List<String> lines(List<ObjectNode> nodes) {
    return nodes.stream().map(ObjectNode::toString).toList();
  }

  /** The report as Markdown. */
  public String markdown() {
    var md = new StringBuilder();
    md.append("# History replay of installation `").append(installation).append("`\n\n");
    md.append(String.format(Locale.ROOT, "%d solved conversation(s) changed since %s; %d with a customer message "
        + "replayed; the bot at threshold %d %%, in shadow (nothing written to the helpdesk).%n%n",
        conversations.size(), since, replayed().size(), threshold));
    md.append("Expected deflection: the bot would have answered, as the agent did (the same article linked, or a "
        + "word similarity of at least ").append(ReplyComparison.SIMILAR_WORDS).append(").\n\n");
    md.append("| language | conversations | answered | agree | risky | unverified | clarified | handed over | "
        + "ignored | expected deflection |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var r : rows()) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f %% |%n",
          r.language(), r.conversations(), r.answered(), r.agreeing(), r.risky(), r.unverified(), r.clarified(),
          r.handedOver(), r.ignored(), 100 * r.deflection()));
    }
    md.append("\n## Risky answers, review first\n\n");
    var risky = risky();
    if (risky.isEmpty()) {
      md.append("None: every answer the bot would have given agrees with the agent or had no agent reply.\n");
    }
    for (var c : risky) {
      for (var t : c.turns()) {
        if (!t.risky()) {
          continue;
        }
        var compared = t.compared().orElseThrow();
        md.append(String.format(Locale.ROOT, "- **#%s** (%s) %s%n  - customer: %s%n  - bot: `%s` at %.0f %% (%s): "
            + "%s%n  - agent (%s, word similarity %.2f%s): %s%n", c.id(), t.language(), cell(c.subject()),
            quote(t.text()), t.article(), 100 * t.confidence(), String.join(", ", t.reasons()), quote(t.botText()),
            compared.verdict().code(), compared.words(),
            compared.agentArticle().isEmpty() ? "" : ", linked `" + compared.agentArticle() + "`",
            quote(t.agentReply())));
      }
    }
    md.append("\n## Handover reasons\n\n");
    var reasons = handoverReasons();
    if (reasons.isEmpty()) {
      md.append("No handovers.\n");
    } else {
      md.append("| reason | handovers |\n|---|---:|\n");
      reasons.forEach((reason, n) -> md.append("| ").append(reason).append(" | ").append(n).append(" |\n"));
    }
    md.append("\n## Conversations\n\n| id | language | bot | reasons | confidence | article | agent | verdict |\n"
        + "|---|---|---|---|---:|---|---|---|\n");
    for (var c : replayed()) {
      var t = c.deciding().orElseThrow();
      var compared = t.compared();
      md.append(String.format(Locale.ROOT, "| %s | %s | %s%s | %s | %.0f %% | %s | %s | %s |%n", c.id(),
          t.language(), t.outcome().code(), c.turns().size() > 1 ? " (" + c.turns().size() + " turns)" : "",
          String.join(", ", t.reasons()), 100 * t.confidence(), t.article(),
          compared.map(r -> r.agentArticle()).orElse(""), compared.map(r -> r.verdict().code()).orElse("")));
    }
    md.append("\n`").append(CALIBRATION).append("` holds each conversation's first message labelled with the bot's "
        + "guess and `\"reviewed\": false`. Check each label (`expect`, `article`, `reason`), set `\"reviewed\": "
        + "true`, and pass the file as `eval --calibration` or `bot.calibrationCases`; unreviewed lines are left "
        + "out.\n");
    return md.toString();
  }

  /** One JSON object per replayed conversation, with every turn. */
  public List<ObjectNode> conversationLines() {
    var out = new ArrayList<ObjectNode>();
    for (var c : conversations) {
      var n = JSON.createObjectNode().put("id", c.id()).put("subject", REDACTOR.redact(c.subject()))
          .put("solved_at", c.solvedAt().toString()).put("language", c.language())
          .put("outcome", c.deciding().map(t -> t.outcome().code()).orElse("no_customer_message"))
          .put("deflected", c.deflected()).put("risky", c.risky());
      var turns = n.putArray("turns");
      for (var t : c.turns()) {
        var tn = turns.addObject().put("message_id", t.messageId()).put("text", REDACTOR.redact(t.text()))
            .put("outcome", t.outcome().code()).put("confidence", round(t.confidence()))
            .put("article", t.article()).put("language", t.language()).put("bot_text", t.botText())
            .put("agent_reply", REDACTOR.redact(t.agentReply()));
        t.reasons().forEach(tn.putArray("reasons")::add);
        t.agentLinks().forEach(tn.putArray("agent_links")::add);
        t.compared().ifPresent(r -> tn.putObject("comparison").put("verdict", r.verdict().code())
            .put("agent_article", r.agentArticle()).put("words", round(r.words())));
      }
      out.add(n);
    }
    return out;
  }

  /**
   * One {@code eval} case per conversation whose first message the bot would have acted on (an automatic e-mail it
   * ignores is left out): id {@code sim-<installation>-<conversation>}, the message redacted, the bot's language,
   * and as the label the bot's guess: {@code answer} with its article; {@code no_answer} for a clarifying question or
   * a handover for low confidence, too many turns or a loop; else {@code handover} with its first reason code.
   * {@code "reviewed": false}, and a {@code note} saying what the bot and the agent did.
   */
  public List<ObjectNode> calibrationLines() {
    var out = new ArrayList<ObjectNode>();
    for (var c : replayed()) {
      var t = c.turns().get(0);
      if (t.outcome() == Outcome.IGNORED) {
        continue;
      }
      var n = JSON.createObjectNode().put("id", "sim-" + installation + "-" + c.id())
          .put("text", REDACTOR.redact(t.text()));
      if (t.language().matches("[a-z]{2}")) {
        n.put("language", t.language());
      }
      String reason = t.reasons().stream().filter(REASON_CODES::contains).findFirst().orElse("");
      if (t.outcome() == Outcome.ANSWERED && !t.article().isEmpty()) {
        n.put("expect", "answer").put("article", t.article());
      } else if (t.outcome() == Outcome.HANDED_OVER && !reason.isEmpty() && !NO_ANSWER_REASONS.contains(reason)) {
        n.put("expect", "handover").put("reason", reason);
      } else {
        n.put("expect", "no_answer");
      }
      n.put("reviewed", false).put("note", note(t));
      out.add(n);
    }
    return out;
  }

  private static String note(Turn t) {
    var sb = new StringBuilder(String.format(Locale.ROOT, "bot: %s%s at %.0f %% (%s)", t.outcome().code(),
        t.article().isEmpty() ? "" : " " + t.article(), 100 * t.confidence(), String.join(", ", t.reasons())));
    t.compared().ifPresent(r -> sb.append("; agent: ").append(r.verdict().code())
        .append(r.agentArticle().isEmpty() ? "" : " " + r.agentArticle()));
    if (t.compared().isEmpty() && !t.agentArticle().isEmpty()) {
      sb.append("; agent linked ").append(t.agentArticle());
    }
    return sb.toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String quote(String text) {
    return "\"" + shorten(cell(REDACTOR.redact(text)), 300) + "\"";
  }

  private static String cell(String text) {
    return text.replaceAll("\\s+", " ").replace("|", "\\|").strip();
  }

  private static String shorten(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
