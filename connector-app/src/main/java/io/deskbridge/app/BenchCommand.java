package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deskbridge.app.BenchRig.Setup;
import io.deskbridge.app.BenchRig.Store;
import io.deskbridge.app.BenchStep.Result;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The load benchmark (issue #3): new tickets at a steady rate through the Zendesk fake, which sends signed
 * webhooks to one or two connector processes (separate JVMs running {@code serve}, as in production) on an H2
 * file or a PostgreSQL started here; they answer or hand over through the fake's API. Reports throughput,
 * webhook-to-reply and acknowledgement latency, memory and CPU of each process, and the correctness counters
 * (lost, duplicate, after handover) from the fake's own state; see {@link BenchStep}. Several rates run as
 * steps, one after another on the same processes, stopping after the first step the connectors could not
 * sustain. {@code --compare} runs the configurations one after another and prints one table. Exits
 * 1 when any step lost a message or wrote twice.
 */
@Command(name = "bench", subcommands = {BenchFuzzCommand.class, BenchSlowClientsCommand.class},
    mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Load benchmark: tickets per second through the Zendesk fake into connector "
    + "processes; throughput, latency, memory, lost/duplicate counts. See docs/benchmarks.md.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge bench --rate 20,50,100 --seconds 30",
        "  deskbridge bench --store postgres --instances 2 --fake-bot",
        "  deskbridge bench --compare --json bench.json"})
final class BenchCommand implements Callable<Integer> {
  @Mixin
  VerboseOption verboseOption;

  @Option(names = "--rate", split = ",", defaultValue = "20",
      description = "new tickets per second; several (comma-separated, ascending) run as steps (default ${DEFAULT-VALUE})")
  int[] rates;

  @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per step (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", defaultValue = "10",
      description = "warm-up seconds at the first rate, not measured (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--handover-share", defaultValue = "0.2", description = "share of tickets that ask for a person")
  double handoverShare;

  @Option(names = "--store", defaultValue = "h2",
      description = "h2 (an H2 file in a temporary directory, the default store) or postgres (embedded, started here)")
  Store store;

  @Option(names = "--instances", defaultValue = "1", description = "connector processes sharing the store: 1 or 2")
  int instances;

  @Option(names = "--fake-bot",
      description = "CPU-light: the connectors use a hashing bag of words instead of the embedding model")
  boolean fakeBot;

  @Option(names = "--workers", defaultValue = "4", description = "engine workers per instance (default ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--pool-size", defaultValue = "10",
      description = "PostgreSQL connection pool per instance (default ${DEFAULT-VALUE}; the H2 default store keeps 10)")
  int poolSize;

  @Option(names = "--jvm-arg", description = "an option for the connector JVMs, repeatable; {n} becomes the "
      + "instance number (e.g. --jvm-arg=-XX:StartFlightRecording=filename=/tmp/i{n}.jfr)")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--repeat-disturbed", defaultValue = "0", description = "run a step again, up to this many "
      + "times, when other programs used more than 0.1 core meanwhile (default ${DEFAULT-VALUE})")
  int repeatDisturbed;

  @Option(names = "--all-steps", description = "run every rate even after one was not sustained")
  boolean allSteps;

  @Option(names = "--compare", description = "run the issue #3 configurations one after another (H2 real bot, H2 "
      + "fake bot, PostgreSQL 1 and 2 instances with the fake bot) with the given rates; print one table")
  boolean compare;

  @Option(names = "--json", description = "also write every step's result to this JSON file")
  Path json;

  @Spec
  CommandSpec spec;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    List<Setup> setups;
    try {
      if (rates.length == 0 || java.util.Arrays.stream(rates).anyMatch(r -> r < 1) || seconds < 1 || warmup < 0
          || workers < 1) {
        throw new IllegalArgumentException("rates, --seconds and --workers must be positive, --warmup not negative");
      }
      setups = compare
          ? List.of(new Setup(Store.h2, 1, false, workers, poolSize, jvmArgs),
              new Setup(Store.h2, 1, true, workers, poolSize, jvmArgs),
              new Setup(Store.postgres, 1, true, workers, poolSize, jvmArgs),
              new Setup(Store.postgres, 2, true, workers, poolSize, jvmArgs))
          : List.of(new Setup(store, instances, fakeBot, workers, poolSize, jvmArgs));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    out.printf(Locale.ROOT, "bench: rates %s tickets/s, %d s per step, %d s warm-up, %.0f %% handovers, %d cores, %s%n",
        java.util.Arrays.toString(rates), seconds, warmup, handoverShare * 100, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    var results = new ArrayList<Result>();
    boolean failed = false;
    for (var setup : setups) {
      failed |= !run(setup, results);
    }
    if (json != null) {
      var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      var doc = new LinkedHashMap<String, Object>();
      doc.put("cores", Runtime.getRuntime().availableProcessors());
      doc.put("java", System.getProperty("java.version"));
      doc.put("seconds", seconds);
      doc.put("warmup", warmup);
      doc.put("handoverShare", handoverShare);
      doc.put("workers", workers);
      doc.put("steps", results);
      mapper.writeValue(json.toFile(), doc);
    }
    out.println();
    table(out, results.stream().filter(r -> !r.warmup()).toList());
    out.println();
    verdicts(out, results.stream().filter(r -> !r.warmup()).toList());
    return failed ? 1 : 0;
  }

  /** Runs one configuration's warm-up and steps; false when anything was lost or written twice. */
  private boolean run(Setup setup, List<Result> results) throws Exception {
    out.println();
    out.println("== " + setup.label() + " (" + workers + " workers per instance)");
    boolean ok = true;
    try (var rig = BenchRig.start(setup)) {
      out.println("   connectors: " + rig.connectors.stream().map(c -> "pid " + c.process.pid() + " port " + c.port)
          .collect(Collectors.joining(", ")));
      if (warmup > 0) {
        var w = BenchStep.run(rig, setup.label(), rates[0], warmup, handoverShare, true);
        results.add(w);
        out.println("   warm-up " + line(w));
        ok &= correct(w);
      }
      for (int rate : rates) {
        var r = BenchStep.run(rig, setup.label(), rate, seconds, handoverShare, false);
        for (int again = 0; again < repeatDisturbed && disturbed(r) && correct(r) && rig.allAlive(); again++) {
          out.println("   (disturbed: other programs used " + String.format(Locale.ROOT, "%.2f",
              r.otherCpuSeconds() / r.elapsedSeconds()) + " cores; again) " + line(r));
          ok &= correct(r);
          r = BenchStep.run(rig, setup.label(), rate, seconds, handoverShare, false);
        }
        results.add(r);
        out.println("   step    " + line(r));
        ok &= correct(r);
        if (!rig.allAlive()) {
          out.println("   a connector process died; see its log");
          rig.keep();
          return false;
        }
        if (!r.sustained() && !allSteps) {
          break;
        }
      }
      if (!ok) {
        rig.keep();
      }
    }
    return ok;
  }

  /** Whether other programs used more than 0.1 core during the step, making it less trustworthy. */
  static boolean disturbed(Result r) {
    return r.otherCpuSeconds() > 0.1 * r.elapsedSeconds();
  }

  private static boolean correct(Result r) {
    return r.lost() == 0 && r.duplicates() == 0 && r.afterHandover() == 0;
  }

  private static String line(Result r) {
    return String.format(Locale.ROOT,
        "%d tickets/s: %d tickets (%d answered, %d handed over), %d events, offered %.1f/s, processed %.1f events/s "
            + "(%.1f tickets/s), drain %.2f s, %s; reply p50 %.1f p90 %.1f p99 %.1f max %.1f ms; ack p50 %.1f p99 %.1f "
            + "max %.1f ms; lost %d, duplicate %d, after handover %d, failed deliveries %d; API calls/ticket %.2f; "
            + "RSS %s MB (peak %s); CPU s: connectors %s, bench JVM %.1f, PostgreSQL %.1f, other %.1f; machine busy %.0f %%",
        r.rate(), r.tickets(), r.answered(), r.handedOver(), r.events(), r.offeredPerSecond(), r.eventsPerSecond(),
        r.ticketsPerSecond(), r.drainSeconds(), r.sustained() ? "sustained" : "NOT sustained", r.reply().p50(),
        r.reply().p90(), r.reply().p99(), r.reply().max(), r.ack().p50(), r.ack().p99(), r.ack().max(), r.lost(),
        r.duplicates(), r.afterHandover(), r.deliveryFailures(), r.apiCallsPerTicket(), r.rssMb(), r.peakRssMb(),
        r.connectorCpuSeconds(), r.benchCpuSeconds(), r.postgresCpuSeconds(), r.otherCpuSeconds(),
        r.machineBusyPercent());
  }

  /** One Markdown table of all measured steps. */
  static void table(PrintStream out, List<Result> results) {
    out.println("| configuration | tickets/s asked | events/s offered | events/s processed | sustained | reply p50 | "
        + "p90 | p99 | ack p50 | ack p99 | lost | dup | after handover | peak RSS MB | cores used: connectors, "
        + "fake, PostgreSQL, other |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var r : results) {
      double t = r.elapsedSeconds();
      out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %d | %d "
              + "| %s | %s, %.2f, %.2f, %.2f |%n",
          r.config(), r.rate(), r.offeredPerSecond(), r.eventsPerSecond(), r.sustained() ? "yes" : "**no**",
          r.reply().p50(), r.reply().p90(), r.reply().p99(), r.ack().p50(), r.ack().p99(), r.lost(), r.duplicates(),
          r.afterHandover(), r.peakRssMb().stream().map(String::valueOf).collect(Collectors.joining(" + ")),
          r.connectorCpuSeconds().stream().map(c -> String.format(Locale.ROOT, "%.2f", c / t))
              .collect(Collectors.joining(" + ")),
          r.benchCpuSeconds() / t, r.postgresCpuSeconds() / t, r.otherCpuSeconds() / t);
    }
  }

  /** The issue #3 targets, checked against the measured steps, and each configuration's limits. */
  static void verdicts(PrintStream out, List<Result> results) {
    Map<String, List<Result>> by = results.stream().collect(Collectors.groupingBy(Result::config, LinkedHashMap::new,
        Collectors.toList()));
    for (var e : by.entrySet()) {
      var best = e.getValue().stream().filter(Result::sustained).reduce((a, b) -> b);
      out.printf(Locale.ROOT, "- %s: highest sustained step %s; most processed %.1f events/s%n", e.getKey(),
          best.map(r -> String.format(Locale.ROOT, "%d tickets/s = %.1f events/s (reply p50 %.1f / p99 %.1f ms, "
              + "ack p50 %.1f / p99 %.1f ms)", r.rate(), r.eventsPerSecond(), r.reply().p50(), r.reply().p99(),
              r.ack().p50(), r.ack().p99())).orElse("none"), maxProcessed(e.getValue()));
    }
    String h2Real = new Setup(Store.h2, 1, false, 1, 1, List.of()).label();
    String h2Fake = new Setup(Store.h2, 1, true, 1, 1, List.of()).label();
    String pg1 = new Setup(Store.postgres, 1, true, 1, 1, List.of()).label();
    String pg2 = new Setup(Store.postgres, 2, true, 1, 1, List.of()).label();
    out.println();
    for (String config : List.of(h2Real, h2Fake)) {
      if (!by.containsKey(config)) {
        continue;
      }
      double max = maxSustained(by.get(config));
      out.printf(Locale.ROOT, "- >= 200 events/s sustained, one instance, %s: best sustained %.1f events/s -> %s%n",
          config, max, max >= 200 ? "met" : "NOT met");
    }
    by.getOrDefault(h2Real, List.of()).stream().filter(r -> r.offeredPerSecond() >= 45).findFirst()
        .ifPresent(r -> out.printf(Locale.ROOT,
            "- p99 webhook to reply <= 100 ms at 50 events/s, %s: %.1f ms at %.1f events/s (%d tickets/s) -> %s%n",
            h2Real, r.reply().p99(), r.offeredPerSecond(), r.rate(), r.reply().p99() <= 100 ? "met" : "NOT met"));
    if (by.containsKey(pg1) && by.containsKey(pg2)) {
      double one = maxProcessed(by.get(pg1));
      double two = maxProcessed(by.get(pg2));
      out.printf(Locale.ROOT, "- two instances on PostgreSQL >= 1.5x one (fake bot), most processed: %.1f vs %.1f "
          + "events/s = %.2fx -> %s%n", two, one, one == 0 ? 0 : two / one, two >= 1.5 * one ? "met" : "NOT met");
    }
    double ack = results.stream().filter(Result::sustained).mapToDouble(r -> r.ack().p99()).max().orElse(0);
    out.printf(Locale.ROOT, "- webhook ack p99 <= 20 ms under load: worst p99 over sustained steps %.1f ms -> %s%n",
        ack, ack <= 20 ? "met" : "NOT met");
    long bad = results.stream().filter(r -> !correct(r)).count();
    out.printf(Locale.ROOT, "- zero lost, zero duplicate in every run: %d step(s) with lost/duplicate/after-handover -> %s%n",
        bad, bad == 0 ? "met" : "NOT met");
    long disturbed = results.stream().filter(BenchCommand::disturbed).count();
    if (disturbed > 0) {
      out.printf(Locale.ROOT, "- caution: in %d step(s) other programs used more than 0.1 core (column \"other\"); "
          + "run again on an idle machine%n", disturbed);
    }
  }

  private static double maxSustained(List<Result> steps) {
    return steps == null ? 0 : steps.stream().filter(Result::sustained).mapToDouble(Result::eventsPerSecond).max().orElse(0);
  }

  private static double maxProcessed(List<Result> steps) {
    return steps == null ? 0 : steps.stream().mapToDouble(Result::eventsPerSecond).max().orElse(0);
  }
}
