package io.deskbridge.core.admin;

import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.store.DashboardRows;
import io.deskbridge.core.store.DashboardRows.DecisionRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's figures the straightforward way, for tests: every audit record of every conversation read and
 * tagged in id order (what {@link Dashboard} computed before it kept per-conversation aggregates), keeping the
 * conversations whose first record falls in the period. Its {@link Dashboard.Scan} is what the aggregates must give.
 */
final class DashboardScanOracle {
  private static final Set<String> BOT_DECISIONS = Set.of("reply", "draft", "clarify", "handover");
  private static final Set<String> CUSTOMER_AGAIN = Set.of("human_owns_conversation", "conversation_closed",
      "session_timeout");

  private final DashboardRows rows;
  private final Clock clock;
  private final Duration window;
  private final boolean asOnMain;

  /**
   * @param asOnMain compute as main did before the aggregates (the benchmark's "before"): only the period's records,
   *                 and those of its resolution window after its end for a customer's return; the conversations
   *                 with a record in the period. Else the conversations whose first record falls in the period,
   *                 with all their records.
   */
  DashboardScanOracle(DashboardRows rows, Clock clock, Duration resolutionWindow, boolean asOnMain) {
    this.rows = rows;
    this.clock = clock;
    this.window = resolutionWindow;
    this.asOnMain = asOnMain;
  }

  DashboardScanOracle(DashboardRows rows, Clock clock, Duration resolutionWindow) {
    this(rows, clock, resolutionWindow, false);
  }

  Dashboard.Scan compute(Dashboard.Period period) {
    Instant now = clock.instant();
    // every record of a conversation counts: read from before the first record to now, keep those whose first record
    // falls in the period
    Instant readFrom = Instant.EPOCH;
    Instant readTo = now;
    if (asOnMain) {
      readFrom = period.from();
      readTo = period.to().plus(window).isBefore(now) ? period.to().plus(window) : now;
      if (readTo.isBefore(period.to())) {
        readTo = period.to();
      }
    }
    var byKey = new HashMap<List<String>, Dashboard.Conv>();
    var gapTexts = new HashMap<String, String>();
    rows.decisions(readFrom, readTo, r -> {
      var conv = byKey.computeIfAbsent(List.of(r.installation(), r.conversationId()),
          k -> new Dashboard.Conv(r.installation(), r.conversationId()));
      if (conv.channel.isEmpty()) {
        conv.channel = r.channel();
      }
      boolean inPeriod = !asOnMain || r.at().isBefore(period.to());
      boolean customer = BOT_DECISIONS.contains(r.decision())
          || ("ignore".equals(r.decision()) && r.reasons().stream().anyMatch(CUSTOMER_AGAIN::contains));
      if (customer && conv.lastAnswer != null && conv.cameBackAt == null
          && !r.at().isAfter(conv.lastAnswer.plus(window))) {
        conv.cameBackAt = r.at();
      }
      if (!inPeriod) {
        return;
      }
      if (conv.first == null) {
        conv.first = r.at();
      }
      conv.last = r.at();
      if (conv.language.isEmpty() && !r.language().isEmpty()) {
        conv.language = r.language();
      }
      switch (r.decision()) {
        case "reply", "draft", "clarify", "handover" -> decision(conv, r, gapTexts);
        case "draft_feedback" -> r.reasons().stream().filter(DashboardRows.DRAFT_VERDICTS::contains).findFirst()
            .ifPresent(v -> conv.tag("draft:" + v));
        case "ignore" -> r.reasons().stream().filter(DashboardRows.LOOP_REASONS::contains).findFirst()
            .ifPresent(v -> conv.tag("loop:" + v));
        default -> { }
      }
    });
    var agents = rows.firstAgentReplies(period.from(), readTo);
    if (!asOnMain) {
      byKey.values().removeIf(c -> c.first == null || c.first.isBefore(period.from()) || !c.first.isBefore(period.to()));
    }
    for (var dead : rows.deadLetters(period.from(), period.to())) {
      var conv = byKey.computeIfAbsent(List.of(dead.installation(), dead.conversationId()),
          k -> new Dashboard.Conv(dead.installation(), dead.conversationId()));
      conv.tag("dead_letters");
      if (conv.first == null) {
        conv.first = dead.at();
        conv.last = dead.at();
      }
    }
    for (var conv : byKey.values()) {
      Dashboard.settle(conv, window, now, agents);
    }
    var list = byKey.values().stream().filter(c -> c.first != null && !c.tags.isEmpty())
        .sorted(Comparator.comparing((Dashboard.Conv c) -> c.last).reversed()).toList();
    return new Dashboard.Scan(period, list, Map.copyOf(gapTexts), now);
  }

  private void decision(Dashboard.Conv conv, DecisionRow r, Map<String, String> gapTexts) {
    if (!conv.botDecision) {
      conv.botDecision = true;
      conv.tag("conversations");
      if (r.eventReceived() != null && !r.eventReceived().isAfter(r.at())) {
        conv.botFrtMillis = Duration.between(r.eventReceived(), r.at()).toMillis();
        conv.tag("bot_frt");
      }
    }
    int bucket = Math.min(Dashboard.BUCKETS - 1, (int) Math.floor(r.confidence() / Dashboard.BUCKET + 1e-9));
    conv.tag("confidence:" + bucket);
    switch (r.decision()) {
      case "reply", "draft" -> {
        conv.tags.putIfAbsent("answered", 1);
        conv.lastAnswer = r.at();
        conv.cameBackAt = null;
        if (!r.articleId().isEmpty()) {
          conv.tag("article:" + r.articleId());
        }
      }
      case "clarify" -> {
        conv.tags.putIfAbsent("clarified", 1);
        gap(conv, r, gapTexts);
      }
      case "handover" -> {
        conv.tags.putIfAbsent("handed_over", 1);
        conv.handoverAt = r.at();
        for (var reason : r.reasons()) {
          conv.tags.putIfAbsent("reason:" + reason, 1);
        }
        if (r.reasons().contains(HandoverReason.LOW_CONFIDENCE.code())) {
          gap(conv, r, gapTexts);
        }
      }
      default -> { }
    }
  }

  private static void gap(Dashboard.Conv conv, DecisionRow r, Map<String, String> gapTexts) {
    String key = normalise(r.input());
    if (!key.isEmpty()) {
      conv.tags.putIfAbsent("gap:" + key, 1);
      gapTexts.putIfAbsent(key, r.input().strip());
    }
  }

  /** A question's grouping key: lower case, white space folded, at most 200 characters. */
  static String normalise(String text) {
    String s = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    return s.length() > 200 ? s.substring(0, 200) : s;
  }
}
