package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deskbridge.app.BenchChat.Result;
import io.deskbridge.app.BenchChat.Setup;
import io.deskbridge.app.BenchRig.Jvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench chat} (issue #14 item 8): customer chat messages at fixed rates through the Sunshine Conversations fake
 * into a connector process with a Zendesk messaging installation, spread over a pool of open conversations; webhook
 * sent to the bot's reply stored at the fake, with and without the debounce window, and the vendor calls per answer;
 * see {@link BenchChat}. Each {@code --debounce} value is its own connector process; the rates run on each in turn,
 * step by step. Prints measurements only. Exits 1 when a message got no reply or two, or a reply came out of turn; 2
 * without the optional {@code lib-demo/} folder.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Chat benchmark: customer messages through the Zendesk messaging (SunCo) fake into a connector "
        + "process; webhook to reply p50/p99 with and without the debounce window, vendor calls per answer.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge bench chat --rate 50 --conversations 500 --seconds 30",
        "  deskbridge bench chat --rate 50,100,200 --debounce 0ms --json chat.json"})
final class BenchChatCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)?");

  @Option(names = "--rate", split = ",", defaultValue = "50",
      description = "customer messages per second; several (comma-separated) run as steps (default ${DEFAULT-VALUE})")
  int[] rates;

  @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per step (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", defaultValue = "10",
      description = "warm-up seconds at the first rate, not measured (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--conversations", defaultValue = "500",
      description = "open conversations the messages go to in turn (default ${DEFAULT-VALUE})")
  int conversations;

  @Option(names = "--debounce", split = ",", defaultValue = "0ms,1500ms",
      description = "the installation's chat.debounce; each value is its own connector process, run step by step in "
          + "turn (default ${DEFAULT-VALUE}: none, and the default window)")
  String[] debounces;

  @Option(names = "--workers", defaultValue = "4", description = "engine workers (default ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--fake-bot",
      description = "CPU-light: the connector uses a hashing bag of words instead of the embedding model")
  boolean fakeBot;

  @Option(names = "--jvm-arg", description = "an option for the connector JVMs, repeatable")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--repeat", defaultValue = "1", description = "run each rate this many times (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--json", description = "also write every step's result to this JSON file")
  Path json;

  @Option(names = "--jfr", description = "record each measured step of each connector with Java Flight Recorder into "
      + "this folder; summarise with 'bench profile --analyse FILE'")
  Path jfrDir;

  @Spec
  CommandSpec spec;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    var setups = new ArrayList<Setup>();
    JvmOptions launcherOptions;
    try {
      if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> r < 1) || seconds < 1 || warmup < 0 || repeat < 1) {
        throw new IllegalArgumentException("--rate, --seconds and --repeat must be positive, --warmup not negative");
      }
      for (String d : debounces) {
        setups.add(new Setup(duration(d), conversations, fakeBot, workers, jvmArgs, Jvm.launcher));
      }
      if (jfrDir != null) {
        Files.createDirectories(jfrDir);
      }
      launcherOptions = JvmOptions.read(JvmOptions.shipped());
    } catch (IllegalArgumentException | IOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    var missing = DemoLibraries.missing("bench chat", "io.deskbridge.mock.sunco.SuncoFake");
    if (missing.isPresent()) {
      spec.commandLine().getErr().println(missing.get());
      return 2;
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    out.printf(Locale.ROOT, "bench chat: rates %s messages/s over %d conversations, %d s per step, %d s warm-up, "
            + "%d cores, load average %s, %s%n", Arrays.toString(rates), conversations, seconds, warmup,
        Runtime.getRuntime().availableProcessors(), BenchStep.Proc.loadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    for (var s : setups) {
      long gapMs = 1000L * conversations / Arrays.stream(rates).max().orElseThrow();
      if (gapMs <= 2 * s.debounce().toMillis() + 500) {
        out.printf(Locale.ROOT, "warning: at the highest rate a conversation gets a message every %d ms, within "
            + "twice the %d ms window: messages will be answered together and counted as lost; use more "
            + "--conversations%n", gapMs, s.debounce().toMillis());
      }
    }
    var results = new ArrayList<Result>();
    boolean ok = true;
    var rigs = new ArrayList<BenchChat>();
    try {
      for (var setup : setups) {
        out.println();
        out.println("== " + setup.label() + " (" + workers + " workers)");
        var rig = BenchChat.start(setup, launcherOptions);
        rigs.add(rig);
        out.println("   connector: pid " + rig.connector.process.pid() + " port " + rig.connector.port);
      }
      for (int i = 0; i < rigs.size() && warmup > 0; i++) {
        var w = rigs.get(i).run(setups.get(i).label(), rates[0], warmup, true);
        results.add(w);
        out.println("   warm-up (" + setups.get(i).label() + ") " + line(w));
        ok &= correct(w);
      }
      for (int rate : rates) {
        for (int run = 1; run <= repeat; run++) {
          for (int i = 0; i < rigs.size(); i++) {
            var rig = rigs.get(i);
            String label = setups.get(i).label();
            var pids = List.of(rig.connector.process.pid());
            BenchCommand.jfr(out, jfrDir, pids, "start", label, rate, run);
            var r = rig.run(label, rate, seconds, false);
            BenchCommand.jfr(out, jfrDir, pids, "stop", label, rate, run);
            results.add(r);
            out.println("   step (" + label + ") " + line(r));
            ok &= correct(r);
            if (!rig.alive()) {
              out.println("   the connector process died; see its log");
              ok = false;
            }
          }
          if (!ok) {
            break;
          }
        }
        if (!ok) {
          break;
        }
      }
    } finally {
      for (var rig : rigs) {
        if (!ok) {
          rig.keep();
        }
        rig.close();
      }
    }
    if (json != null) {
      var doc = new LinkedHashMap<String, Object>();
      doc.put("cores", Runtime.getRuntime().availableProcessors());
      doc.put("java", System.getProperty("java.version"));
      doc.put("seconds", seconds);
      doc.put("warmup", warmup);
      doc.put("conversations", conversations);
      doc.put("workers", workers);
      doc.put("steps", results);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
    }
    out.println();
    table(out, results.stream().filter(r -> !r.warmup()).toList());
    return ok ? 0 : 1;
  }

  /** {@code 1500ms}, {@code 1.5s}, {@code 0}: a duration; milliseconds without a unit. */
  static Duration duration(String text) {
    var m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--debounce wants a duration such as 0ms, 1500ms or 1.5s, not '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    return Duration.ofNanos(Math.round(value * ("s".equals(m.group(2)) ? 1e9 : 1e6)));
  }

  private static boolean correct(Result r) {
    return r.lost() == 0 && r.duplicates() == 0 && r.outOfTurn() == 0;
  }

  private static String line(Result r) {
    return String.format(Locale.ROOT,
        "%d messages/s: %d messages, %d replies, offered %.1f/s, %.1f replies/s, %s; window %d ms; webhook to reply "
            + "p50 %.1f p99 %.1f ms; excluding the window p50 %.1f p90 %.1f p99 %.1f max %.1f ms; ack p50 %.1f p99 "
            + "%.1f ms; lost %d, duplicate %d, handovers %d, messages after a handover %d, out of turn %d, failed deliveries %d of %d; vendor calls "
            + "per answer %.2f %s; RSS MB median %d, peak %d; CPU s: connector %.1f, bench JVM %.1f, other %.1f; "
            + "machine busy %.0f %%",
        r.rate(), r.messages(), r.replies(), r.offeredPerSecond(), r.repliesPerSecond(),
        r.sustained() ? "sustained" : "NOT sustained", r.debounceMs(), r.raw().p50(), r.raw().p99(),
        r.excludingWindow().p50(), r.excludingWindow().p90(), r.excludingWindow().p99(), r.excludingWindow().max(),
        r.ack().p50(), r.ack().p99(), r.lost(), r.duplicates(), r.handovers(), r.toPeople(), r.outOfTurn(),
        r.failedDeliveries(),
        r.deliveries(), r.vendorCallsPerAnswer(), r.callsPerAnswerByKind(), r.medianRssMb(), r.stepPeakRssMb(),
        r.connectorCpuSeconds(), r.benchCpuSeconds(), r.otherCpuSeconds(), r.machineBusyPercent());
  }

  /** One Markdown table of the measured steps. */
  static void table(PrintStream out, List<Result> results) {
    out.println("| configuration | messages/s asked | offered | replies/s | sustained | window ms | webhook to reply "
        + "p50 | p99 | excluding the window p50 | p90 | p99 | ack p50 / p99 | lost | dup | out of turn | handovers | vendor calls "
        + "per answer | connector CPU ms per message | RSS MB median | cores: connector, bench JVM, other |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var r : results) {
      double t = Math.max(r.elapsedSeconds(), 1e-9);
      out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | "
              + "%.1f / %.1f ms | %d | %d | %d | %d | %.2f (%s) | %.1f | %d | %.2f, %.2f, %.2f |%n",
          r.config(), r.rate(), r.offeredPerSecond(), r.repliesPerSecond(), r.sustained() ? "yes" : "**no**",
          r.debounceMs(), r.raw().p50(), r.raw().p99(), r.excludingWindow().p50(), r.excludingWindow().p90(),
          r.excludingWindow().p99(), r.ack().p50(), r.ack().p99(), r.lost(), r.duplicates(), r.outOfTurn(), r.handovers(),
          r.vendorCallsPerAnswer(), r.callsPerAnswerByKind().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
          1000 * r.connectorCpuSeconds() / Math.max(1, r.messages()), r.medianRssMb(), r.connectorCpuSeconds() / t, r.benchCpuSeconds() / t, r.otherCpuSeconds() / t);
    }
  }
}
