package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signals' figures per language, read from {@code eval} JSON reports (their {@code results}), several reports
 * side by side (for example the same cases decided by the bot before and after a change). For each report, language
 * and signal (handover reason):
 *
 * <ul>
 *   <li><b>recall</b>: cases expecting a handover for that reason that were handed over with it / those cases;
 *   <li><b>false alarms</b>: {@code no_handover} cases handed over with that reason / {@code no_handover} cases;
 *   <li><b>precision</b>: handed over with that reason and expecting it / handed over with it, among the cases
 *       expecting it and the {@code no_handover} ones (a sarcastic case also flagged as angry is not an anger false
 *       alarm: the labels are single, the tones are not);
 *   <li><b>F1</b> from these precision and recall.
 * </ul>
 *
 * A signal appears for a language when some case of the language expects it. Stateless.
 */
public final class SignalReport {

  private SignalReport() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One report's counts for one language and signal. */
  record Counts(int expected, int caught, int neutral, int falseAlarms) {

    Double recall() {
      return expected == 0 ? null : (double) caught / expected;
    }

    Double falseAlarmRate() {
      return neutral == 0 ? null : (double) falseAlarms / neutral;
    }

    Double precision() {
      return caught + falseAlarms == 0 ? null : (double) caught / (caught + falseAlarms);
    }

    Double f1() {
      return expected == 0 ? null : 2.0 * caught / (2.0 * caught + falseAlarms + (expected - caught));
    }
  }

  /**
   * The counts per language ({@code all} last) and signal of one report's results.
   *
   * @throws IllegalArgumentException when the report has no {@code results}
   */
  static Map<String, Map<String, Counts>> counts(JsonNode report, String name) {
    var results = report.path("results");
    if (!results.isArray()) {
      throw new IllegalArgumentException(name + ": not an eval report (no 'results'; write it with eval --json)");
    }
    var byLanguage = new TreeMap<String, List<JsonNode>>();
    for (var r : results) {
      byLanguage.computeIfAbsent(r.path("language").asText("?"), k -> new ArrayList<>()).add(r);
      byLanguage.computeIfAbsent("~all", k -> new ArrayList<>()).add(r);
    }
    var out = new LinkedHashMap<String, Map<String, Counts>>();
    byLanguage.forEach((language, rs) -> {
      var signals = new TreeSet<String>();
      rs.forEach(r -> {
        if (r.path("expect").asText().equals("handover") && !r.path("expected_reason").asText("").isEmpty()) {
          signals.add(r.path("expected_reason").asText());
        }
      });
      var perSignal = new LinkedHashMap<String, Counts>();
      for (var signal : signals) {
        int expected = 0;
        int caught = 0;
        int neutral = 0;
        int alarms = 0;
        for (var r : rs) {
          boolean flagged = r.path("decision").asText().equals("handover") && contains(r.path("reasons"), signal);
          if (r.path("expect").asText().equals("handover") && r.path("expected_reason").asText("").equals(signal)) {
            expected++;
            caught += flagged ? 1 : 0;
          } else if (r.path("expect").asText().equals("no_handover")) {
            neutral++;
            alarms += flagged ? 1 : 0;
          }
        }
        perSignal.put(signal, new Counts(expected, caught, neutral, alarms));
      }
      out.put(language.equals("~all") ? "all" : language, perSignal);
    });
    return out;
  }

  /**
   * The table of these reports side by side, as plain text or Markdown.
   *
   * @param reports label → the report's JSON
   */
  public static String table(Map<String, JsonNode> reports, boolean markdown) {
    var counts = new LinkedHashMap<String, Map<String, Map<String, Counts>>>();
    reports.forEach((label, report) -> counts.put(label, counts(report, label)));
    var rows = new TreeSet<String[]>(ROW_ORDER); // {language, signal}
    counts.forEach((label, byLanguage) -> byLanguage.forEach((language, bySignal) -> bySignal.keySet().forEach(
        signal -> rows.add(new String[] {language, signal}))));
    var labels = new ArrayList<>(counts.keySet());
    var sb = new StringBuilder();
    var header = new ArrayList<String>(List.of("language", "signal"));
    labels.forEach(l -> header.add(l + ": recall / false alarms / precision / F1"));
    if (markdown) {
      sb.append("| ").append(String.join(" | ", header)).append(" |\n");
      sb.append("|").append("---|".repeat(header.size())).append('\n');
    } else {
      sb.append(String.join("\t", header)).append('\n');
    }
    for (var parts : rows) {
      var cells = new ArrayList<String>(List.of(parts[0], parts[1]));
      for (var label : labels) {
        var c = counts.get(label).getOrDefault(parts[0], Map.of()).get(parts[1]);
        cells.add(c == null ? "–" : cell(c));
      }
      if (markdown) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
      } else {
        sb.append(String.join("\t", cells)).append('\n');
      }
    }
    return sb.toString();
  }

  /** Reads the reports (label → file) and returns {@link #table}. */
  public static String table(List<Map.Entry<String, Path>> files, boolean markdown) {
    var reports = new LinkedHashMap<String, JsonNode>();
    for (var e : files) {
      try {
        reports.put(e.getKey(), JSON.readTree(e.getValue().toFile()));
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot read the eval report " + e.getValue(), ex);
      }
    }
    return table(reports, markdown);
  }

  /** The five languages first, in the order, then others alphabetically, {@code all} last. */
  private static final List<String> LANGUAGES = List.of("en", "cs", "pl", "sk", "sl");
  private static final Comparator<String[]> ROW_ORDER = Comparator.<String[]>comparingInt(
          r -> r[0].equals("all") ? 2 : LANGUAGES.contains(r[0]) ? 0 : 1)
      .thenComparingInt(r -> LANGUAGES.indexOf(r[0])).thenComparing(r -> r[0]).thenComparing(r -> r[1]);

  private static String cell(Counts c) {
    return String.format(Locale.ROOT, "%s (%d/%d) / %s (%d/%d) / %s / %s", percent(c.recall()), c.caught(),
        c.expected(), percent(c.falseAlarmRate()), c.falseAlarms(), c.neutral(), percent(c.precision()),
        c.f1() == null ? "–" : String.format(Locale.ROOT, "%.3f", c.f1()));
  }

  private static String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
  }

  private static boolean contains(JsonNode array, String value) {
    for (var v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
