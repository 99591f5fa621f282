package io.deskbridge.core.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.store.DashboardRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dashboard's figures of a period, computed from the store's per-conversation aggregates
 * ({@link DashboardRows#aggregates}, one row per conversation kept up to date as its decisions are committed).
 * <b>Period rule:</b> a conversation counts in the period its first audit record falls in, with everything recorded
 * in it before the figures are computed (also after the period's end); dead letters count in the period they were
 * given up in. Every figure is a count of conversations (or of decisions, where it says so) that carry one
 * <em>tag</em>; {@link #conversations} lists the conversations behind a tag from the same computation, so a number
 * and its list never disagree. Tags:
 * <ul>
 *   <li>{@code conversations}: a bot decision (reply, draft, clarify, handover);</li>
 *   <li>{@code answered} (a reply or draft), {@code clarified}, {@code handed_over};</li>
 *   <li>{@code resolved}: answered, not handed over after its last answer, and no customer message recorded within the
 *       resolution window after that answer (a decision on a new customer message, or one ignored because a person
 *       owns the conversation, it is closed, or its chat session timed out: a reopen); {@code came_back}: answered
 *       but the customer wrote again within the window; {@code pending}: the window has not passed yet;</li>
 *   <li>{@code reason:CODE}: handed over with that {@link HandoverReason} code;</li>
 *   <li>{@code bot_frt}: the first decision's time after the event's receipt is known; {@code human_frt}: an agent's
 *       first public reply after the handover is known (Conversation API conversations only);</li>
 *   <li>{@code confidence:I}: a decision with a confidence in the I-th 5 % bucket (counts decisions);</li>
 *   <li>{@code gap:TEXT}: a clarification or a low-confidence handover on this text (lower case, spaces folded);</li>
 *   <li>{@code article:ID}: answered with the article (counts decisions); at most 50 articles and 50 gaps are kept
 *       per conversation;</li>
 *   <li>{@code draft:VERDICT}: an agent's verdict on a draft; {@code loop:REASON}: a loop-guard suppression;
 *       {@code dead_letters}: an event given up on.</li>
 * </ul>
 * Filters (installation, channel, language) apply per conversation; a conversation's language is the first one its
 * decisions name. Results are cached for {@link #CACHE_FOR}. Thread-safe.
 */
final class Dashboard {
  /** How long a period's computed tags are reused. */
  static final Duration CACHE_FOR = Duration.ofSeconds(30);
  /** The width of a confidence bucket. */
  static final double BUCKET = 0.05;
  static final int BUCKETS = 20;
  private static final int TOP = 10;

  private final DashboardRows rows;
  private final Clock clock;
  private final double threshold;
  private final Duration window;
  private final Cache<Period, Scan> cache;

  Dashboard(DashboardRows rows, Clock clock, double threshold, Duration resolutionWindow) {
    this.rows = rows;
    this.clock = clock;
    this.threshold = threshold;
    this.window = resolutionWindow;
    this.cache = Caffeine.newBuilder().maximumSize(16).expireAfterWrite(CACHE_FOR).build();
  }

  /** A period, {@code [from, to)}. */
  record Period(Instant from, Instant to) {
  }

  /** Filters; an empty value matches everything. */
  record Filter(String installation, String channel, String language) {
    boolean matches(Conv c) {
      return (installation.isEmpty() || installation.equals(c.installation))
          && (channel.isEmpty() || channel.equalsIgnoreCase(c.channel))
          && (language.isEmpty() || language.equalsIgnoreCase(c.language));
    }
  }

  /**
   * Tags a conversation once its records are read: {@code resolved}, {@code came_back} or {@code pending} after its
   * last answer (when no handover followed it), and {@code human_frt} from an agent's first reply after the handover.
   */
  static void settle(Conv conv, Duration window, Instant now, Map<List<String>, Instant> agents) {
    if (conv.lastAnswer != null && (conv.handoverAt == null || conv.handoverAt.isBefore(conv.lastAnswer))) {
      if (conv.cameBackAt != null) {
        conv.tag("came_back");
      } else if (conv.lastAnswer.plus(window).isAfter(now)) {
        conv.tag("pending");
      } else {
        conv.tag("resolved");
      }
    }
    if (conv.handoverAt != null) {
      var agent = agents.get(List.of(conv.installation, conv.conversationId));
      if (agent != null && !agent.isBefore(conv.handoverAt)) {
        conv.humanFrtMillis = Duration.between(conv.handoverAt, agent).toMillis();
        conv.tag("human_frt");
      }
    }
  }

  /** One conversation's tags and attributes. */
  static final class Conv {
    final String installation;
    final String conversationId;
    String channel = "";
    String language = "";
    Instant first;
    Instant last;
    final Map<String, Integer> tags = new LinkedHashMap<>();
    // working state
    Instant lastAnswer;
    Instant handoverAt;
    Instant cameBackAt;
    boolean botDecision;
    long botFrtMillis = -1;
    long humanFrtMillis = -1;

    Conv(String installation, String conversationId) {
      this.installation = installation;
      this.conversationId = conversationId;
    }

    void tag(String tag) {
      tags.merge(tag, 1, Integer::sum);
    }
  }

  /** A scanned period: every conversation with its tags, and the gaps' original texts. */
  record Scan(Period period, List<Conv> conversations, Map<String, String> gapTexts, Instant computedAt) {
  }

  Scan scan(Period period) {
    return cache.get(period, this::compute);
  }

  private Scan compute(Period period) {
    Instant now = clock.instant();
    var byKey = new LinkedHashMap<List<String>, Conv>();
    var gapTexts = new HashMap<String, String>();
    rows.aggregates(period.from(), period.to(), r -> {
      var conv = new Conv(r.installation(), r.conversationId());
      conv.channel = r.channel();
      conv.language = r.language();
      conv.first = r.first();
      conv.last = r.last();
      conv.tags.putAll(r.tags());
      conv.lastAnswer = r.lastAnswer();
      conv.handoverAt = r.handoverAt();
      if (r.afterAnswer() != null && r.lastAnswer() != null && !r.afterAnswer().isAfter(r.lastAnswer().plus(window))) {
        conv.cameBackAt = r.afterAnswer();
      }
      if (conv.tags.containsKey("conversations") && r.botFrtMillis() >= 0) {
        conv.botFrtMillis = r.botFrtMillis();
        conv.tag("bot_frt");
      }
      r.gaps().forEach(gapTexts::putIfAbsent);
      byKey.put(List.of(r.installation(), r.conversationId()), conv);
    });
    for (var dead : rows.deadLetters(period.from(), period.to())) {
      var conv = byKey.computeIfAbsent(List.of(dead.installation(), dead.conversationId()),
          k -> new Conv(dead.installation(), dead.conversationId()));
      conv.tag("dead_letters");
      if (conv.first == null) {
        conv.first = dead.at();
        conv.last = dead.at();
      }
    }
    var agents = rows.firstAgentReplies(period.from(), now);
    for (var conv : byKey.values()) {
      settle(conv, window, now, agents);
    }
    var list = byKey.values().stream().filter(c -> c.first != null && !c.tags.isEmpty())
        .sorted(Comparator.comparing((Conv c) -> c.last).reversed()).toList();
    return new Scan(period, list, Map.copyOf(gapTexts), now);
  }

  /** The figures of a period and filter, as a JSON-shaped map; {@code query} builds each figure's list query. */
  Map<String, Object> figures(Period period, Filter filter, java.util.function.Function<String, String> query) {
    var figures = figures(scan(period), filter, query);
    if (!rows.aggregatesComplete()) {
      figures.put("incomplete", "These figures are incomplete: the per-conversation aggregates have not been built from "
          + "the whole audit yet (the build at start failed or is still running, or a record could not be counted). "
          + "The next start builds them; the log says why they are not.");
    }
    return figures;
  }

  /** The figures of a scanned period and filter. */
  Map<String, Object> figures(Scan scan, Filter filter, java.util.function.Function<String, String> query) {
    var period = scan.period();
    var conversations = new HashMap<String, Integer>();
    var decisions = new HashMap<String, Integer>();
    var installations = new TreeSet<String>();
    var channels = new TreeSet<String>();
    var languages = new TreeSet<String>();
    var botFrt = new ArrayList<Long>();
    var humanFrt = new ArrayList<Long>();
    var breakdown = new LinkedHashMap<List<String>, int[]>();
    for (var c : scan.conversations()) {
      installations.add(c.installation);
      if (!c.channel.isEmpty()) {
        channels.add(c.channel);
      }
      if (!c.language.isEmpty()) {
        languages.add(c.language);
      }
      if (!filter.matches(c)) {
        continue;
      }
      c.tags.forEach((tag, n) -> {
        conversations.merge(tag, 1, Integer::sum);
        decisions.merge(tag, n, Integer::sum);
      });
      if (c.botFrtMillis >= 0) {
        botFrt.add(c.botFrtMillis);
      }
      if (c.humanFrtMillis >= 0) {
        humanFrt.add(c.humanFrtMillis);
      }
      if (c.tags.containsKey("conversations")) {
        var row = breakdown.computeIfAbsent(List.of(c.installation, c.channel, c.language), k -> new int[5]);
        row[0]++;
        row[1] += c.tags.containsKey("answered") ? 1 : 0;
        row[2] += c.tags.containsKey("clarified") ? 1 : 0;
        row[3] += c.tags.containsKey("handed_over") ? 1 : 0;
        row[4] += c.tags.containsKey("resolved") ? 1 : 0;
      }
    }
    int total = conversations.getOrDefault("conversations", 0);
    var out = new LinkedHashMap<String, Object>();
    out.put("from", period.from().toString());
    out.put("to", period.to().toString());
    out.put("computedAt", scan.computedAt().toString());
    out.put("filter", Map.of("installation", filter.installation(), "channel", filter.channel(),
        "language", filter.language()));
    out.put("options", Map.of("installations", installations, "channels", channels, "languages", languages));
    out.put("thresholdPercent", Math.round(threshold * 1000) / 10.0);
    out.put("resolutionWindowHours", window.toMinutes() / 60.0);
    var headline = new LinkedHashMap<String, Object>();
    for (var tag : List.of("conversations", "answered", "clarified", "handed_over", "resolved", "came_back",
        "pending")) {
      headline.put(tag, figure(conversations.getOrDefault(tag, 0), total, query.apply(tag)));
    }
    int resolvable = conversations.getOrDefault("resolved", 0) + conversations.getOrDefault("came_back", 0);
    var resolved = figure(conversations.getOrDefault("resolved", 0), resolvable, query.apply("resolved"));
    resolved.put("of", "answered conversations whose window has passed");
    headline.put("resolution", resolved);
    out.put("headline", headline);
    var reasons = new ArrayList<Map<String, Object>>();
    for (var reason : HandoverReason.values()) {
      var f = figure(conversations.getOrDefault("reason:" + reason.code(), 0),
          conversations.getOrDefault("handed_over", 0), query.apply("reason:" + reason.code()));
      f.put("code", reason.code());
      reasons.add(f);
    }
    out.put("handoverReasons", reasons);
    out.put("firstResponse", Map.of(
        "bot", percentiles(botFrt, query.apply("bot_frt")),
        "human", percentiles(humanFrt, query.apply("human_frt"))));
    var histogram = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < BUCKETS; i++) {
      var f = figure(decisions.getOrDefault("confidence:" + i, 0), -1, query.apply("confidence:" + i));
      f.put("from", Math.round(i * BUCKET * 100));
      f.put("to", Math.round((i + 1) * BUCKET * 100));
      f.put("conversations", conversations.getOrDefault("confidence:" + i, 0));
      histogram.add(f);
    }
    out.put("confidence", histogram);
    out.put("gaps", top(conversations, "gap:", query, scan.gapTexts()));
    out.put("articles", top(decisions, "article:", query, Map.of()));
    out.put("drafts", fixed(conversations, "draft:", DashboardRows.DRAFT_VERDICTS, query));
    out.put("loopGuard", fixed(conversations, "loop:", DashboardRows.LOOP_REASONS, query));
    out.put("deadLetters", figure(conversations.getOrDefault("dead_letters", 0), -1, query.apply("dead_letters")));
    var rowsOut = new ArrayList<Map<String, Object>>();
    breakdown.forEach((k, v) -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("installation", k.get(0));
      row.put("channel", k.get(1));
      row.put("language", k.get(2));
      row.put("conversations", v[0]);
      row.put("answered", v[1]);
      row.put("clarified", v[2]);
      row.put("handedOver", v[3]);
      row.put("resolved", v[4]);
      rowsOut.add(row);
    });
    rowsOut.sort(Comparator.comparing((Map<String, Object> m) -> -(int) m.get("conversations")));
    out.put("breakdown", rowsOut);
    return out;
  }

  /** The conversations behind a tag, newest first: {@code offset}, {@code limit}, the total. */
  Map<String, Object> conversations(Period period, Filter filter, String tag, int offset, int limit) {
    return conversations(scan(period), filter, tag, offset, limit);
  }

  /** The conversations of a scanned period behind a tag. */
  static Map<String, Object> conversations(Scan scan, Filter filter, String tag, int offset, int limit) {
    var matching = scan.conversations().stream().filter(filter::matches).filter(c -> c.tags.containsKey(tag)).toList();
    var page = new ArrayList<Map<String, Object>>();
    for (var c : matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))) {
      var row = new LinkedHashMap<String, Object>();
      row.put("installation", c.installation);
      row.put("conversationId", c.conversationId);
      row.put("channel", c.channel);
      row.put("language", c.language);
      row.put("first", c.first.toString());
      row.put("last", c.last.toString());
      row.put("tags", new ArrayList<>(new LinkedHashSet<>(c.tags.keySet().stream()
          .filter(t -> !t.startsWith("confidence:") && !t.startsWith("gap:")).toList())));
      page.add(row);
    }
    return Map.of("figure", tag, "total", matching.size(), "offset", offset, "conversations", page);
  }

  private static LinkedHashMap<String, Object> figure(int value, int of, String query) {
    var f = new LinkedHashMap<String, Object>();
    f.put("value", value);
    if (of >= 0) {
      f.put("rate", of == 0 ? 0.0 : Math.round(value * 10000.0 / of) / 10000.0);
    }
    f.put("query", query);
    return f;
  }

  private static Map<String, Object> percentiles(List<Long> millis, String query) {
    var sorted = millis.stream().sorted().toList();
    var f = new LinkedHashMap<String, Object>();
    f.put("count", sorted.size());
    f.put("p50Ms", sorted.isEmpty() ? null : rank(sorted, 0.5));
    f.put("p90Ms", sorted.isEmpty() ? null : rank(sorted, 0.9));
    f.put("query", query);
    return f;
  }

  /** The nearest-rank percentile. */
  static long rank(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static List<Map<String, Object>> top(Map<String, Integer> counts, String prefix,
      java.util.function.Function<String, String> query, Map<String, String> texts) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP).map(e -> {
          String key = e.getKey().substring(prefix.length());
          var f = figure(e.getValue(), -1, query.apply(e.getKey()));
          f.put("key", key);
          f.put("text", texts.getOrDefault(key, key));
          return (Map<String, Object>) f;
        }).toList();
  }

  private static List<Map<String, Object>> fixed(Map<String, Integer> counts, String prefix, List<String> codes,
      java.util.function.Function<String, String> query) {
    return codes.stream().map(code -> {
      var f = figure(counts.getOrDefault(prefix + code, 0), -1, query.apply(prefix + code));
      f.put("code", code);
      return (Map<String, Object>) f;
    }).toList();
  }
}
