package io.deskbridge.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a Java Flight Recorder file of a connector under load by stage of the per-event path: method samples
 * (Java code running) and native samples (a thread in native code, such as ONNX Runtime, fsync or a socket) are
 * classified by the frames on their stack into webhook, inbox commit, claim, load, decide, outbox commit, vendor
 * write and so on; then the top frames, the blocking events (fsync, file writes, parking and monitors over the
 * recording's threshold) and the garbage collections. Works on a recording of {@code bench profile} (the connector and
 * the fake in one JVM) and on one of a {@code serve} process ({@code bench --jvm-arg=-XX:StartFlightRecording=...}).
 */
final class JfrReport {
  /** A stage of the per-event path and the frames (class name prefix, optionally {@code #method}) that mark it. */
  private record Rule(String stage, List<String> markers) {
    boolean matches(List<String> frames) {
      for (String marker : markers) {
        for (String f : frames) {
          if (f.startsWith(marker)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** First match wins: the inner stages (the bot's embedding inside decide) come before the outer ones. */
  private static final List<Rule> RULES = List.of(
      new Rule("fake + load generator (not the connector)", List.of("io.deskbridge.mock.", "io.deskbridge.app.Bench",
          "com.github.tomakehurst.wiremock")),
      new Rule("decide: embedding (ONNX, tokenizer)", List.of("ai.onnxruntime.", "ai.djl.",
          "io.deskbridge.core.bot.EmbeddingCache", "io.deskbridge.core.bot.OnnxEmbeddingModel")),
      new Rule("decide: lexical (Lucene)", List.of("org.apache.lucene.", "io.deskbridge.core.bot.LexicalIndex")),
      new Rule("decide: language detection (Lingua)", List.of("com.github.pemistahl.lingua.")),
      new Rule("decide: signals (escalation rules, sarcasm)", List.of("io.deskbridge.core.escalation.")),
      new Rule("decide: rest of the bot", List.of("io.deskbridge.core.bot.")),
      new Rule("durable commits: CHECKPOINT + awaitWritten (receive, sending)", List.of("io.deskbridge.core.store.JdbcStore#awaitWritten",
          "org.h2.command.dml.TransactionCommand")),
      new Rule("webhook: inbox commit (receive)", List.of("io.deskbridge.core.store.JdbcStore#receive")),
      new Rule("engine: claim", List.of("io.deskbridge.core.store.JdbcStore#claim")),
      new Rule("engine: load state", List.of("io.deskbridge.core.store.JdbcStore#state")),
      new Rule("engine: pending events", List.of("io.deskbridge.core.store.JdbcStore#pendingEvents")),
      new Rule("engine: renew lease", List.of("io.deskbridge.core.store.JdbcStore#renew")),
      new Rule("engine: outbox commit (commit)", List.of("io.deskbridge.core.store.JdbcStore#commit")),
      new Rule("engine: open operations", List.of("io.deskbridge.core.store.JdbcStore#openOperations")),
      new Rule("engine: mark sending (durable)", List.of("io.deskbridge.core.store.JdbcStore#sending")),
      new Rule("engine: finish write", List.of("io.deskbridge.core.store.JdbcStore#finish")),
      new Rule("engine: release lease", List.of("io.deskbridge.core.store.JdbcStore#release")),
      new Rule("engine: audit append / other store", List.of("io.deskbridge.core.store.")),
      new Rule("engine: vendor write/load (Zendesk client, HTTP)", List.of("io.deskbridge.zendesk.",
          "io.deskbridge.core.engine.VendorCalls", "org.zendesk.", "org.asynchttpclient.")),
      new Rule("webhook: verify, decode, route", List.of("io.deskbridge.core.webhook.", "io.javalin.")),
      new Rule("engine: rest (decide glue, planning, metrics)", List.of("io.deskbridge.core.engine.")),
      new Rule("H2 background writer", List.of("org.h2.mvstore.")),
      new Rule("logging", List.of("ch.qos.logback.", "org.slf4j.")),
      new Rule("HTTP I/O threads (Jetty, selectors)", List.of("org.eclipse.jetty.", "sun.nio.ch.", "io.netty.",
          "jdk.internal.net.http.")));
  private static final String OTHER = "other (JIT-compiled JDK code, JFR, timers)";

  /** Work that cuts across the stages: the share of method samples with any of these frames on the stack. */
  private static final Map<String, List<String>> ASPECTS = aspects();

  private static Map<String, List<String>> aspects() {
    var a = new LinkedHashMap<String, List<String>>();
    a.put("H2: parse and plan SQL (statement not cached)", List.of("org.h2.command.Parser#", "org.h2.command.ParserBase#",
        "org.h2.command.Tokenizer#", "org.h2.command.query.Optimizer#", "org.h2.engine.SessionLocal#prepareLocal"));
    a.put("H2: commit", List.of("org.h2.engine.SessionLocal#commit", "org.h2.mvstore.tx.Transaction#commit"));
    a.put("H2: write pages (MVStore store/serialise)", List.of("org.h2.mvstore.MVStore#store",
        "org.h2.mvstore.MVStore#storeNow", "org.h2.mvstore.RandomAccessStore#", "org.h2.mvstore.FileStore#"));
    a.put("HikariCP (borrow/return connections)", List.of("com.zaxxer.hikari.pool.HikariPool#",
        "com.zaxxer.hikari.HikariDataSource#getConnection", "com.zaxxer.hikari.pool.ProxyConnection#close"));
    a.put("JSON: Deskbridge's JsonCodec (state, events, actions)", List.of("io.deskbridge.core.store.JsonCodec#"));
    a.put("JSON: Jackson anywhere", List.of("com.fasterxml.jackson."));
    a.put("logging (Logback, SLF4J)", List.of("ch.qos.logback.", "org.slf4j."));
    a.put("metrics (Micrometer)", List.of("io.micrometer."));
    a.put("regular expressions", List.of("java.util.regex."));
    a.put("HMAC (signatures)", List.of("javax.crypto.", "com.sun.crypto."));
    a.put("JDK HTTP client (vendor calls)", List.of("jdk.internal.net.http."));
    return a;
  }

  /** Native samples of threads that are waiting, not working. */
  private static final List<String> IDLE_NATIVE = List.of("sun.nio.ch.EPoll#wait", "sun.nio.ch.Net#accept",
      "sun.nio.ch.Net#poll", "java.lang.Object#wait", "jdk.internal.misc.Unsafe#park", "java.lang.Thread#sleep",
      "sun.nio.ch.SocketDispatcher#read", "sun.nio.ch.Net#connect", "java.lang.ProcessHandleImpl#waitForProcessExit0",
      "java.lang.ProcessImpl#waitForProcessExit", "java.io.FileInputStream#readBytes", "sun.nio.ch.NioSocketImpl#park");

  private final PrintStream out;

  JfrReport(PrintStream out) {
    this.out = out;
  }

  private static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m == null ? "?" : m.getType().getName() + "#" + m.getName();
  }

  private static List<String> frames(RecordedEvent e) {
    var st = e.getStackTrace();
    if (st == null) {
      return List.of();
    }
    var names = new ArrayList<String>(st.getFrames().size());
    for (var f : st.getFrames()) {
      names.add(name(f));
    }
    return names;
  }

  static String stage(List<String> frames) {
    for (var r : RULES) {
      if (r.matches(frames)) {
        return r.stage();
      }
    }
    return OTHER;
  }

  /** The first frame of Deskbridge's own code from the top, or the top frame. */
  private static String ownFrame(List<String> frames) {
    return frames.stream().filter(f -> f.startsWith("io.deskbridge.")).findFirst()
        .orElse(frames.isEmpty() ? "?" : frames.get(0));
  }

  /**
   * Prints the report.
   *
   * @param from   only events from this instant on (the measured window), or null for all
   * @param events the events the connector processed in the window, to give milliseconds per event; 0 when unknown
   * @param cpuSeconds the process's CPU time in the window, to turn shares of method samples into CPU milliseconds
   *                   per event; 0 when unknown
   */
  void print(Path recording, Instant from, long events, double cpuSeconds) throws IOException {
    var stages = new LinkedHashMap<String, Integer>();
    RULES.forEach(r -> stages.put(r.stage(), 0));
    stages.put(OTHER, 0);
    var nativeStages = new LinkedHashMap<String, Integer>();
    var top = new HashMap<String, Integer>();
    var aspects = new LinkedHashMap<String, Integer>();
    var own = new HashMap<String, Integer>();
    var nativeTop = new HashMap<String, Integer>();
    var force = new HashMap<String, double[]>();
    var writes = new HashMap<String, double[]>();
    var waits = new HashMap<String, double[]>();
    int samples = 0;
    int nativeSamples = 0;
    int gcs = 0;
    double gcMs = 0;
    double gcMax = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (from != null && e.getStartTime().isBefore(from)) {
        continue;
      }
      String type = e.getEventType().getName();
      switch (type) {
        case "jdk.ExecutionSample" -> {
          var fr = frames(e);
          samples++;
          stages.merge(stage(fr), 1, Integer::sum);
          ASPECTS.forEach((aspect, markers) -> {
            if (new Rule(aspect, markers).matches(fr)) {
              aspects.merge(aspect, 1, Integer::sum);
            }
          });
          top.merge(fr.isEmpty() ? "?" : fr.get(0), 1, Integer::sum);
          own.merge(ownFrame(fr), 1, Integer::sum);
        }
        case "jdk.NativeMethodSample" -> {
          var fr = frames(e);
          if (fr.isEmpty() || IDLE_NATIVE.contains(fr.get(0))) {
            continue;
          }
          nativeSamples++;
          nativeStages.merge(stage(fr), 1, Integer::sum);
          nativeTop.merge(fr.get(0) + " <- " + ownFrame(fr), 1, Integer::sum);
        }
        case "jdk.FileForce" -> add(force, stage(frames(e)) + " @ " + ownFrame(frames(e)), e.getDuration(), 0);
        case "jdk.FileWrite" -> add(writes, stage(frames(e)), e.getDuration(), e.getLong("bytesWritten"));
        case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait" -> {
          var fr = frames(e);
          String at = ownFrame(fr);
          if (at.contains("Engine#waitForWork") || at.contains("Engine#awaitIdle") || !at.startsWith("io.deskbridge.")
              || at.startsWith("io.deskbridge.mock.") || at.startsWith("io.deskbridge.app.")) {
            continue; // idle waits, pools' idle threads, the fake and the load generator
          }
          add(waits, type.substring(4) + " " + stage(fr) + " @ " + at, e.getDuration(), 0);
        }
        case "jdk.GarbageCollection" -> {
          gcs++;
          double ms = e.getDuration().toNanos() / 1e6;
          gcMs += ms;
          gcMax = Math.max(gcMax, ms);
        }
        default -> { }
      }
    }
    double cpuPerEvent = events > 0 && cpuSeconds > 0 ? cpuSeconds * 1000 / events : 0;
    out.printf(Locale.ROOT, "%nJFR %s: %d method samples, %d native samples of working threads%s%n", recording,
        samples, nativeSamples, cpuPerEvent > 0 ? String.format(Locale.ROOT, "; %d events, process CPU %.1f s = %.2f "
            + "ms CPU per event (shares below x that)", events, cpuSeconds, cpuPerEvent) : "");
    out.println();
    out.println("| stage | method samples | share | est. CPU ms/event | native samples | native share |");
    out.println("|---|---|---|---|---|---|");
    for (var s : stages.entrySet()) {
      int n = nativeStages.getOrDefault(s.getKey(), 0);
      if (s.getValue() == 0 && n == 0) {
        continue;
      }
      double share = samples == 0 ? 0 : (double) s.getValue() / samples;
      out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %s | %d | %.1f %% |%n", s.getKey(), s.getValue(), 100 * share,
          cpuPerEvent > 0 ? String.format(Locale.ROOT, "%.2f", share * cpuPerEvent) : "-", n,
          nativeSamples == 0 ? 0 : 100.0 * n / nativeSamples);
    }
    out.printf(Locale.ROOT, "%n| across stages: samples with these frames on the stack | samples | share | est. CPU "
        + "ms/event |%n|---|---|---|---|%n");
    for (var a : ASPECTS.keySet()) {
      int n = aspects.getOrDefault(a, 0);
      double share = samples == 0 ? 0 : (double) n / samples;
      out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %s |%n", a, n, 100 * share,
          cpuPerEvent > 0 ? String.format(Locale.ROOT, "%.2f", share * cpuPerEvent) : "-");
    }
    topTable("top frames (method samples)", top, samples, 25);
    topTable("first Deskbridge frame (method samples)", own, samples, 25);
    topTable("native samples of working threads: top frame <- first Deskbridge frame", nativeTop, nativeSamples, 15);
    durations("fsync (jdk.FileForce), by stage @ first Deskbridge frame", force, events, false);
    durations("file writes (jdk.FileWrite) by stage", writes, events, true);
    durations("blocking over the threshold (park, monitor) on Deskbridge's path", waits, events, false);
    out.printf(Locale.ROOT, "%ngarbage collections: %d, %.1f ms in total, longest %.1f ms%s%n", gcs, gcMs, gcMax,
        events > 0 ? String.format(Locale.ROOT, " (%.3f ms per event)", gcMs / events) : "");
  }

  private static void add(Map<String, double[]> into, String key, Duration d, long bytes) {
    var a = into.computeIfAbsent(key, k -> new double[3]);
    a[0]++;
    a[1] += d.toNanos() / 1e6;
    a[2] += bytes;
  }

  private void topTable(String title, Map<String, Integer> counts, int total, int limit) {
    out.printf(Locale.ROOT, "%n%s:%n", title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> out.printf(Locale.ROOT, "  %5.1f %%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
            e.getValue(), e.getKey()));
  }

  private void durations(String title, Map<String, double[]> by, long events, boolean bytes) {
    out.printf(Locale.ROOT, "%n%s:%n", title);
    Function<double[], Double> ms = a -> a[1];
    by.entrySet().stream().sorted((a, b) -> Double.compare(ms.apply(b.getValue()), ms.apply(a.getValue()))).limit(15)
        .forEach(e -> {
          var a = e.getValue();
          out.printf(Locale.ROOT, "  %7d x  %9.1f ms total  %6.3f ms avg%s%s  %s%n", (long) a[0], a[1], a[1] / a[0],
              events > 0 ? String.format(Locale.ROOT, "  %5.2f per event %6.3f ms/event", a[0] / events, a[1] / events)
                  : "", bytes ? String.format(Locale.ROOT, "  %.0f KB", a[2] / 1024) : "", e.getKey());
        });
  }
}
