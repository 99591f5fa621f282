package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deskbridge.app.BenchApi.Result;
import io.deskbridge.app.BenchApi.Setup;
import io.deskbridge.app.BenchRig.Jvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench api} (issue #14 item 8): the Conversation API alone, with no vendor, in a connector process; fixed
 * rates (open loop), then saturation with a number of concurrent clients (closed loop): requests per second, latency
 * p50/p99 and errors; see {@link BenchApi}. The warm-up is a closed loop of a few clients; before each step the server
 * works off what the previous one left it (a probe is answered 200). Prints measurements only. Exits 1 when a request failed (no answer, or a
 * status other than 200 with a decision or 202); 2 without the optional {@code lib-demo/} folder.
 */
@Command(name = "api", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Conversation API benchmark: POST .../messages to a connector process with an api installation and "
        + "no vendor; requests per second, p50/p99 and errors at fixed rates and at saturation.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge bench api --rate 50,100,200 --clients 16 --seconds 30",
        "  deskbridge bench api --rate 100 --clients 4,16,64 --json api.json"})
final class BenchApiCommand implements Callable<Integer> {
  /** Clients of the warm-up, a closed loop. */
  private static final int WARMUP_CLIENTS = 4;
  /** How long a step waits for the server to work off the previous one's backlog. */
  private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(120);

  @Option(names = "--rate", split = ",", defaultValue = "50,100,200",
      description = "requests per second of the fixed-rate steps; 0 for none (default ${DEFAULT-VALUE})")
  int[] rates;

  @Option(names = "--clients", split = ",", defaultValue = "16",
      description = "concurrent clients of the saturation steps, run after the fixed rates; 0 for none (at most "
          + "100: the API answers 202 beyond as many waiting requests) (default ${DEFAULT-VALUE})")
  int[] clients;

  @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per step (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", defaultValue = "10",
      description = "warm-up seconds with 4 clients in a closed loop, not measured (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--workers", defaultValue = "4", description = "engine workers (default ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--fake-bot",
      description = "CPU-light: the connector uses a hashing bag of words instead of the embedding model")
  boolean fakeBot;

  @Option(names = "--jvm-arg", description = "an option for the connector JVM, repeatable")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--repeat", defaultValue = "1", description = "run each step this many times (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--json", description = "also write every step's result to this JSON file")
  Path json;

  @Option(names = "--jfr", description = "record each measured step of the connector with Java Flight Recorder into "
      + "this folder; summarise with 'bench profile --analyse FILE'")
  Path jfrDir;

  @Spec
  CommandSpec spec;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Setup setup;
    JvmOptions launcherOptions;
    int[] rateSteps = Arrays.stream(rates).filter(r -> r != 0).toArray();
    int[] clientSteps = Arrays.stream(clients).filter(c -> c != 0).toArray();
    try {
      if (Arrays.stream(rateSteps).anyMatch(r -> r < 1) || Arrays.stream(clientSteps).anyMatch(c -> c < 1 || c > 100)
          || rateSteps.length + clientSteps.length == 0 || seconds < 1 || warmup < 0 || repeat < 1) {
        throw new IllegalArgumentException("--rate must be positive (0: none), --clients 1 to 100 (0: none), at least "
            + "one step; --seconds and --repeat positive, --warmup not negative");
      }
      setup = new Setup(fakeBot, workers, jvmArgs, Jvm.launcher);
      if (jfrDir != null) {
        Files.createDirectories(jfrDir);
      }
      launcherOptions = JvmOptions.read(JvmOptions.shipped());
    } catch (IllegalArgumentException | IOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    var missing = DemoLibraries.missing("bench api");
    if (missing.isPresent()) {
      spec.commandLine().getErr().println(missing.get());
      return 2;
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    out.printf(Locale.ROOT, "bench api: rates %s requests/s, clients %s, %d s per step, %d s warm-up, %d cores, load "
            + "average %s, %s%n", Arrays.toString(rateSteps), Arrays.toString(clientSteps), seconds, warmup,
        Runtime.getRuntime().availableProcessors(), BenchStep.Proc.loadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    String label = setup.label();
    out.println();
    out.println("== " + label + " (" + workers + " workers)");
    var results = new ArrayList<Result>();
    boolean ok = true;
    var rig = BenchApi.start(setup, launcherOptions);
    try {
      out.println("   connector: pid " + rig.connector.process.pid() + " port " + rig.connector.port);
      var pids = List.of(rig.connector.process.pid());
      if (warmup > 0) {
        // closed loop: a cold server is not buried under a backlog before it is warm
        var w = rig.saturate(label, WARMUP_CLIENTS, warmup, true);
        results.add(w);
        out.println("   warm-up " + line(w));
        ok &= w.errors() == 0;
      }
      for (int run = 1; run <= repeat && ok; run++) {
        for (int rate : rateSteps) {
          BenchCommand.jfr(out, jfrDir, pids, "start", label, rate, run);
          settle(rig);
          var r = rig.fixedRate(label, rate, seconds, false);
          BenchCommand.jfr(out, jfrDir, pids, "stop", label, rate, run);
          results.add(r);
          out.println("   step    " + line(r));
          ok &= r.errors() == 0 && rig.alive();
        }
        for (int c : clientSteps) {
          BenchCommand.jfr(out, jfrDir, pids, "start", label + " clients", c, run);
          settle(rig);
          var r = rig.saturate(label, c, seconds, false);
          BenchCommand.jfr(out, jfrDir, pids, "stop", label + " clients", c, run);
          results.add(r);
          out.println("   step    " + line(r));
          ok &= r.errors() == 0 && rig.alive();
        }
      }
      if (!rig.alive()) {
        out.println("   the connector process died; see its log");
      }
    } finally {
      if (!ok) {
        rig.keep();
      }
      rig.close();
    }
    if (json != null) {
      var doc = new LinkedHashMap<String, Object>();
      doc.put("cores", Runtime.getRuntime().availableProcessors());
      doc.put("java", System.getProperty("java.version"));
      doc.put("seconds", seconds);
      doc.put("warmup", warmup);
      doc.put("workers", workers);
      doc.put("steps", results);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
    }
    out.println();
    table(out, results.stream().filter(r -> !r.warmup()).toList());
    return ok ? 0 : 1;
  }

  /** Before a step: the server has decided what the previous one left it, so that each step starts clean. */
  private void settle(BenchApi rig) throws InterruptedException {
    if (!rig.settle(SETTLE)) {
      out.println("   (the server did not answer a probe within " + SETTLE.toSeconds() + " s; the step starts anyway)");
    }
  }

  private static String what(Result r) {
    return r.kind().equals("rate") ? r.load() + " requests/s" : r.load() + " clients";
  }

  private static String line(Result r) {
    return String.format(Locale.ROOT, "%s: %d requests, %d answered, %d deferred (202), %d errors %s, %.1f answers/s; "
            + "p50 %.1f p90 %.1f p99 %.1f max %.1f ms; decisions %s; RSS MB median %d, peak %d; CPU s: connector %.1f, "
            + "bench JVM %.1f, other %.1f; machine busy %.0f %%",
        what(r), r.requests(), r.answered(), r.deferred(), r.errors(), r.statuses(), r.perSecond(), r.latency().p50(),
        r.latency().p90(), r.latency().p99(), r.latency().max(), r.decisions(), r.medianRssMb(), r.stepPeakRssMb(),
        r.connectorCpuSeconds(), r.benchCpuSeconds(), r.otherCpuSeconds(), r.machineBusyPercent());
  }

  /** One Markdown table of the measured steps. */
  static void table(PrintStream out, List<Result> results) {
    out.println("| configuration | load | requests | answers/s | p50 | p90 | p99 | max | 202 | errors | connector CPU ms "
        + "per request | RSS MB median | cores: connector, bench JVM, other |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var r : results) {
      double t = Math.max(r.elapsedSeconds(), 1e-9);
      out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %d | %.1f | %d | "
              + "%.2f, %.2f, %.2f |%n", r.config(), what(r), r.requests(), r.perSecond(), r.latency().p50(),
          r.latency().p90(), r.latency().p99(), r.latency().max(), r.deferred(), r.errors(),
          1000 * r.connectorCpuSeconds() / Math.max(1, r.requests()), r.medianRssMb(),
          r.connectorCpuSeconds() / t, r.benchCpuSeconds() / t, r.otherCpuSeconds() / t);
    }
  }
}
