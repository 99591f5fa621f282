package io.deskbridge.core.admin;

import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time of a new period's figures (the dashboard's first, uncached {@code /admin/api/figures} request) with
 * {@code N} seeded conversations in an H2 file: "before", as main computed them (every audit record of the period,
 * {@link DashboardScanOracle} as on main), and "after", from the per-conversation aggregates ({@link Dashboard}),
 * alternating in one run. Each request is the default period (30 days to the next whole minute) of a later minute,
 * so none is cached; each prints its wall time and the CPU time of the requesting thread (H2 runs the queries in it),
 * which a loaded machine inflates less. Not a test: run it as docs/benchmarks.md says.
 *
 * <pre>java ... io.deskbridge.core.admin.DashboardFiguresBench [conversations=100000] [before runs=7] [after runs=41]</pre>
 */
final class DashboardFiguresBench {
  private DashboardFiguresBench() {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int beforeRuns = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int afterRuns = args.length > 2 ? Integer.parseInt(args[2]) : 41;
    var dir = Files.createTempDirectory("deskbridge-dashboard-bench");
    var config = StoreConfig.h2File(dir);
    try (var store = JdbcStore.open(config)) {
      long t = System.nanoTime();
      var plan = DashboardSeed.seed(config, "web", n, Instant.now().minus(Duration.ofDays(12)), Duration.ofSeconds(5));
      System.out.printf(Locale.ROOT, "seeded %d conversations in %d ms%n", plan.conversations(), ms(t));
      t = System.nanoTime();
      long folded = store.dashboard().rebuildAggregates();
      System.out.printf(Locale.ROOT, "built the aggregates from %d audit records in %d ms%n", folded, ms(t));
      var clock = Clock.systemUTC();
      var window = Duration.ofHours(72);
      var all = new Dashboard.Filter("", "", "");
      var before = new ArrayList<Long>();
      var after = new ArrayList<Long>();
      var beforeCpu = new ArrayList<Long>();
      var afterCpu = new ArrayList<Long>();
      Instant next = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
      int runs = Math.max(beforeRuns, afterRuns);
      for (int i = -1; i < runs; i++) { // run -1 warms both up and is not counted
        if (i < beforeRuns) {
          var period = new Dashboard.Period(next.minus(Duration.ofDays(30)), next);
          next = next.plus(Duration.ofMinutes(1));
          var dashboard = new Dashboard(store.dashboard(), clock, 0.55, window);
          t = System.nanoTime();
          long cpu = CPU.getCurrentThreadCpuTime();
          var scan = new DashboardScanOracle(store.dashboard(), clock, window, true).compute(period);
          var figures = dashboard.figures(scan, all, tag -> tag);
          record(before, beforeCpu, i, t, cpu, "before", figures);
        }
        if (i < afterRuns) {
          var period = new Dashboard.Period(next.minus(Duration.ofDays(30)), next);
          next = next.plus(Duration.ofMinutes(1));
          var dashboard = new Dashboard(store.dashboard(), clock, 0.55, window);
          t = System.nanoTime();
          long cpu = CPU.getCurrentThreadCpuTime();
          var figures = dashboard.figures(period, all, tag -> tag);
          record(after, afterCpu, i, t, cpu, "after", figures);
        }
      }
      System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
          Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
      summary("before (main: the period's audit records), wall", before);
      summary("after (per-conversation aggregates), wall", after);
      summary("before, CPU of the requesting thread", beforeCpu);
      summary("after, CPU of the requesting thread", afterCpu);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private static void record(List<Long> wall, List<Long> cpu, int run, long started, long startedCpu, String what,
      java.util.Map<String, Object> figures) {
    long elapsed = ms(started);
    long cpuMillis = (CPU.getCurrentThreadCpuTime() - startedCpu) / 1_000_000;
    var headline = (java.util.Map<?, ?>) figures.get("headline");
    System.out.printf(Locale.ROOT, "%s run %d: %d ms, CPU %d ms (conversations %s)%n", what, run, elapsed, cpuMillis,
        ((java.util.Map<?, ?>) headline.get("conversations")).get("value"));
    if (run >= 0) {
      wall.add(elapsed);
      cpu.add(cpuMillis);
    }
  }

  private static void summary(String what, List<Long> millis) {
    var sorted = millis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return;
    }
    System.out.printf(Locale.ROOT, "%s: %d runs, median %d ms, p99 %d ms, min %d ms, max %d ms%n", what, sorted.size(),
        Dashboard.rank(sorted, 0.5), Dashboard.rank(sorted, 0.99), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  private static long ms(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
