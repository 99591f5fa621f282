package io.deskbridge.app;

import io.deskbridge.app.BenchStep.Result;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The side-by-side view of a benchmark run with several builds or JVM choices, or with {@code --repeat}: for each
 * configuration and rate, the median (and range) over its runs of throughput, reply and acknowledgement latency;
 * and the pre-write window ({@value #PREWRITE}) where the connectors publish it on {@code /metrics}.
 */
final class BenchSummary {
  /** The metric of the time between the last re-read of a conversation and the vendor write (issue #10 item 5). */
  static final String PREWRITE = "deskbridge_prewrite_window";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private BenchSummary() {}

  /** The connectors' {@value #PREWRITE} samples at the start of a step, to take the step's share at its end. */
  static final class Window {
    private final BenchRig rig;
    private final List<Map<String, Double>> before;

    Window(BenchRig rig) {
      this.rig = rig;
      this.before = rig.connectors.stream().map(c -> scrape(c.port)).toList();
    }

    /** The step's pre-write window in words, or empty when the connectors do not publish it. */
    Optional<String> close() {
      var delta = new HashMap<String, Double>();
      var last = new HashMap<String, Double>();
      for (int i = 0; i < rig.connectors.size(); i++) {
        var after = scrape(rig.connectors.get(i).port);
        var was = before.get(i);
        after.forEach((k, v) -> {
          delta.merge(k, v - was.getOrDefault(k, 0.0), Double::sum);
          last.merge(k, v, Math::max);
        });
      }
      if (delta.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(describe(delta, last));
    }
  }

  /** The {@value #PREWRITE} samples of one connector's {@code /metrics}, by series; empty when none or unreachable. */
  static Map<String, Double> scrape(int port) {
    var found = new TreeMap<String, Double>();
    try {
      var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build();
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return found;
      }
      response.body().lines().filter(l -> l.startsWith(PREWRITE)).forEach(l -> {
        int space = l.lastIndexOf(' ');
        try {
          found.put(l.substring(0, space), Double.parseDouble(l.substring(space + 1)));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // not a sample line
        }
      });
    } catch (java.io.IOException e) {
      // no metrics endpoint: nothing to report
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return found;
  }

  /**
   * The window from a step's samples: count and mean from {@code _count} and {@code _sum} (the step's share), p50
   * and p99 from histogram buckets when published (the step's share; upper bounds) or from quantile gauges (since
   * the start), and {@code _max} as published.
   */
  static String describe(Map<String, Double> delta, Map<String, Double> last) {
    double unit = delta.keySet().stream().anyMatch(k -> k.contains("_seconds")) ? 1000 : 1;
    String u = unit == 1000 ? " ms" : "";
    double count = sum(delta, "_count");
    double sum = sum(delta, "_sum");
    var out = new StringBuilder("pre-write window: n ").append(String.format(Locale.ROOT, "%.0f", count));
    if (count > 0) {
      out.append(String.format(Locale.ROOT, ", mean %.2f%s", sum / count * unit, u));
    }
    var buckets = new TreeMap<Double, Double>();
    delta.forEach((k, v) -> {
      int le = k.indexOf("le=\"");
      if (k.contains("_bucket") && le >= 0) {
        String bound = k.substring(le + 4, k.indexOf('"', le + 4));
        buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), v, Double::sum);
      }
    });
    if (!buckets.isEmpty() && count > 0) {
      out.append(String.format(Locale.ROOT, ", p50 <= %s%s, p99 <= %s%s (buckets)", bound(buckets, 0.5 * count, unit),
          u, bound(buckets, 0.99 * count, unit), u));
    }
    last.forEach((k, v) -> {
      int q = k.indexOf("quantile=\"");
      if (q >= 0) {
        out.append(String.format(Locale.ROOT, ", q%s %.2f%s", k.substring(q + 10, k.indexOf('"', q + 10)), v * unit, u));
      }
    });
    last.entrySet().stream().filter(e -> e.getKey().contains("_max")).mapToDouble(Map.Entry::getValue).max()
        .ifPresent(m -> out.append(String.format(Locale.ROOT, ", max %.2f%s", m * unit, u)));
    return out.toString();
  }

  private static double sum(Map<String, Double> samples, String suffix) {
    return samples.entrySet().stream().filter(e -> e.getKey().split("\\{")[0].endsWith(suffix))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** The smallest bucket bound whose cumulative count reaches {@code rank}. */
  private static String bound(TreeMap<Double, Double> cumulative, double rank, double unit) {
    for (var e : cumulative.entrySet()) {
      if (e.getValue() >= rank) {
        return e.getKey().isInfinite() ? "+Inf" : String.format(Locale.ROOT, "%.2f", e.getKey() * unit);
      }
    }
    return "+Inf";
  }

  /** One Markdown table: per configuration and rate, medians over its runs (and the range in brackets). */
  static void print(PrintStream out, List<Result> results, Map<Result, String> prewrite) {
    var groups = new LinkedHashMap<String, List<Result>>();
    for (var r : results) {
      groups.computeIfAbsent(r.config() + "\u0000" + r.rate(), k -> new ArrayList<>()).add(r);
    }
    out.println("Side by side, medians over the runs [min-max]:");
    out.println();
    out.println("| configuration | tickets/s | runs | events/s processed | sustained | reply p50 ms | reply p99 ms "
        + "| ack p50 ms | ack p99 ms | API calls per answered | per handed over | RSS MB median | connector CPU ms/event "
        + "| connector cores | other cores | pre-write window |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var g : groups.values()) {
      var r0 = g.get(0);
      out.printf(Locale.ROOT, "| %s | %d | %d | %s | %d of %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r0.config(),
          r0.rate(), g.size(), stat(g, Result::eventsPerSecond), g.stream().filter(Result::sustained).count(),
          g.size(), stat(g, r -> r.reply().p50()), stat(g, r -> r.reply().p99()), stat(g, r -> r.ack().p50()),
          stat(g, r -> r.ack().p99()), stat2(g, Result::apiCallsPerAnswered), stat2(g, Result::apiCallsPerHandover),
          stat(g, r -> r.medianRssMb().stream().mapToLong(Long::longValue).sum()),
          stat(g, r -> r.connectorCpuSeconds().stream().mapToDouble(Double::doubleValue).sum() * 1000
              / Math.max(1, r.events())),
          stat(g, r -> r.connectorCpuSeconds().stream().mapToDouble(Double::doubleValue).sum() / r.elapsedSeconds()),
          stat(g, r -> r.otherCpuSeconds() / r.elapsedSeconds()),
          g.stream().map(prewrite::get).filter(java.util.Objects::nonNull).map(s -> s.replace("pre-write window: ", ""))
              .collect(Collectors.joining(" / ")));
    }
  }

  /** As {@link #stat}, to two decimals. */
  private static String stat2(List<Result> runs, ToDoubleFunction<Result> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return v.length == 1 ? String.format(Locale.ROOT, "%.2f", median)
        : String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", median, v[0], v[v.length - 1]);
  }

  private static String stat(List<Result> runs, ToDoubleFunction<Result> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return v.length == 1 ? String.format(Locale.ROOT, "%.1f", median)
        : String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", median, v[0], v[v.length - 1]);
  }
}
