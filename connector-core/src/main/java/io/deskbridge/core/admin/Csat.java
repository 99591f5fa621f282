package io.deskbridge.core.admin;

import io.deskbridge.core.csat.SatisfactionStore.RatedConversation;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The dashboard's CSAT (issue #16 item 4), kept apart from {@link Dashboard}'s decision figures: the customers'
 * satisfaction ratings the helpdesks provide (Zendesk's), polled into the store. CSAT = good / (good + bad) over the
 * ratings whose rating time falls in the period (a conversation's latest rating counts, once), per installation,
 * channel and language (the conversation's, as the bot saw it; empty for a ticket the bot never handled, which the
 * channel and language filters therefore leave out). Tags, listed by {@link #conversations} like the dashboard's:
 * {@code csat:good}, {@code csat:bad}, {@code csat:rated}. Installations whose connector reads no ratings are named as
 * not provided by their helpdesk. Thread-safe.
 */
final class Csat {
  /** The prefix of CSAT's tags. */
  static final String TAG = "csat:";
  private final BiFunction<Instant, Instant, List<RatedConversation>> ratings;
  private final Map<String, String> vendors;
  private final Set<String> providing;

  /**
   * @param ratings   the ratings given in {@code [from, to)}
   * @param vendors   installation id to vendor
   * @param providing the installations whose connector provides satisfaction ratings
   */
  Csat(BiFunction<Instant, Instant, List<RatedConversation>> ratings, Map<String, String> vendors,
      Set<String> providing) {
    this.ratings = ratings;
    this.vendors = Map.copyOf(vendors);
    this.providing = Set.copyOf(providing);
  }

  /** Whether a figure's tag is CSAT's. */
  static boolean owns(String tag) {
    return tag.startsWith(TAG);
  }

  private static boolean matches(Dashboard.Filter f, RatedConversation r) {
    return (f.installation().isEmpty() || f.installation().equals(r.installation()))
        && (f.channel().isEmpty() || f.channel().equalsIgnoreCase(r.channel()))
        && (f.language().isEmpty() || f.language().equalsIgnoreCase(r.language()));
  }

  private static String tag(RatedConversation r) {
    return TAG + (r.score() == Score.GOOD ? "good" : "bad");
  }

  /** The {@code csat} figure of a period and filter; {@code query} builds each number's list query. */
  Map<String, Object> figure(Dashboard.Period period, Dashboard.Filter filter, Function<String, String> query) {
    var out = new LinkedHashMap<String, Object>();
    var considered = vendors.keySet().stream()
        .filter(i -> filter.installation().isEmpty() || filter.installation().equals(i)).sorted().toList();
    var notProvided = new ArrayList<Map<String, Object>>();
    considered.stream().filter(i -> !providing.contains(i))
        .forEach(i -> notProvided.add(Map.of("installation", i, "vendor", vendors.get(i))));
    boolean available = considered.stream().anyMatch(providing::contains);
    out.put("available", available);
    out.put("notProvided", notProvided);
    if (!available) {
      out.put("note", considered.isEmpty() ? "no installation is configured"
          : "CSAT is not provided by " + describe(notProvided));
      return out;
    }
    if (!notProvided.isEmpty()) {
      out.put("note", "not provided by " + describe(notProvided));
    }
    int good = 0;
    int bad = 0;
    var breakdown = new LinkedHashMap<List<String>, int[]>();
    for (var r : ratings.apply(period.from(), period.to())) {
      if (!matches(filter, r)) {
        continue;
      }
      var row = breakdown.computeIfAbsent(List.of(r.installation(), r.channel(), r.language()), k -> new int[2]);
      if (r.score() == Score.GOOD) {
        good++;
        row[0]++;
      } else {
        bad++;
        row[1]++;
      }
    }
    out.put("rate", good + bad == 0 ? null : rate(good, good + bad));
    out.put("of", "ratings given in the period: good / (good + bad)");
    out.put("good", number(good, query.apply(TAG + "good")));
    out.put("bad", number(bad, query.apply(TAG + "bad")));
    out.put("rated", number(good + bad, query.apply(TAG + "rated")));
    var rows = new ArrayList<Map<String, Object>>();
    breakdown.forEach((k, v) -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("installation", k.get(0));
      row.put("channel", k.get(1));
      row.put("language", k.get(2));
      row.put("good", v[0]);
      row.put("bad", v[1]);
      row.put("rate", rate(v[0], v[0] + v[1]));
      rows.add(row);
    });
    rows.sort(Comparator.comparing((Map<String, Object> m) -> -((int) m.get("good") + (int) m.get("bad"))));
    out.put("breakdown", rows);
    return out;
  }

  /** The rated conversations behind a CSAT tag, newest rating first: {@code offset}, {@code limit}, the total. */
  Map<String, Object> conversations(Dashboard.Period period, Dashboard.Filter filter, String tag, int offset,
      int limit) {
    var matching = ratings.apply(period.from(), period.to()).stream().filter(r -> matches(filter, r))
        .filter(r -> tag.equals(TAG + "rated") || tag.equals(tag(r))).toList();
    var page = new ArrayList<Map<String, Object>>();
    for (var r : matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))) {
      var row = new LinkedHashMap<String, Object>();
      row.put("installation", r.installation());
      row.put("conversationId", r.conversationId());
      row.put("channel", r.channel());
      row.put("language", r.language());
      row.put("first", r.ratedAt().toString());
      row.put("last", r.ratedAt().toString());
      row.put("tags", List.of(tag(r)));
      row.put("comment", r.comment());
      page.add(row);
    }
    return Map.of("figure", tag, "total", matching.size(), "offset", offset, "conversations", page);
  }

  private String describe(List<Map<String, Object>> installations) {
    return String.join(", ", installations.stream()
        .map(m -> "the " + m.get("vendor") + " helpdesk (installation " + m.get("installation") + ")").toList());
  }

  private static double rate(int value, int of) {
    return of == 0 ? 0.0 : Math.round(value * 10000.0 / of) / 10000.0;
  }

  private static Map<String, Object> number(int value, String query) {
    var f = new LinkedHashMap<String, Object>();
    f.put("value", value);
    f.put("query", query);
    return f;
  }
}
