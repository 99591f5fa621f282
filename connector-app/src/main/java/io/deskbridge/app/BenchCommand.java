package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Pushes new tickets into the Zendesk fake at a steady rate; the fake sends signed webhooks to the running
 * connector, which answers or hands over through the fake's API. Reports webhook-to-reply latency (from the
 * ticket's creation, which fires the webhook, to the moment the connector's write returned), throughput,
 * Zendesk API calls per handled ticket, and the process's resident memory. The fake runs in the same JVM,
 * so RSS and CPU include it.
 */
@Command(name = "bench", description = "Benchmark webhook-to-reply latency and API calls against the Zendesk fake.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--rate", defaultValue = "20", description = "new tickets per second (default ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds, not measured (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--handover-share", defaultValue = "0.2", description = "share of tickets that ask for a person")
  double handoverShare;

  private static final List<String> QUESTIONS = List.of(
      "How can I reset my password? I can't log in.",
      "How long does delivery take to Brno?",
      "Jak dlouho trvá doručení do Brna?",
      "Jak mogę zwrócić towar, który kupiłem w zeszłym tygodniu?",
      "Where is my order? It was supposed to arrive yesterday.",
      "Kiedy jesteście otwarci w sobotę?",
      "I need a copy of the invoice for my last purchase.",
      "Which payment methods do you accept?");
  private static final List<String> HANDOVERS = List.of(
      "I want to talk to a real person, please.",
      "Please cancel my order 55120 immediately.",
      "Chci mluvit s operátorem.");

  @Override
  public Integer call() throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    try (var fake = ZendeskFake.start(ZendeskFake.Config.defaults().withDelivery(Duration.ofSeconds(5), 5, Duration.ofMillis(200)));
        var deskbridge = Deskbridge.start(DemoCommand.config(fake), KnowledgeLoader.loadFromClasspath(
            BenchCommand.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(), Clock.systemUTC())) {
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/demo"), DemoCommand.SECRET);
      System.out.printf("bench: %d tickets/s, %d s warm-up, %d s measured, %.0f %% handovers, %d cores%n",
          rate, warmup, seconds, handoverShare * 100, Runtime.getRuntime().availableProcessors());
      run(fake, deskbridge, warmup, false);
      var result = run(fake, deskbridge, seconds, true);
      System.out.println(result);
      return 0;
    }
  }

  private String run(ZendeskFake fake, Deskbridge deskbridge, int duration, boolean measured) throws Exception {
    var created = new ConcurrentHashMap<Long, Instant>();
    var handover = new ConcurrentHashMap<Long, Boolean>();
    var counter = new AtomicInteger();
    int total = rate * duration;
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    var task = scheduler.scheduleAtFixedRate(() -> {
      int n = counter.getAndIncrement();
      if (n >= total) {
        return;
      }
      boolean h = (int) ((n + 1) * handoverShare) > (int) (n * handoverShare); // spread evenly
      String text = h ? HANDOVERS.get(n % HANDOVERS.size()) : QUESTIONS.get(n % QUESTIONS.size());
      Instant at = Instant.now();
      long id = fake.customerCreatesTicket("c" + n + "@example.com", "Customer " + n, "Question " + n, text);
      created.put(id, at);
      handover.put(id, h);
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    while (counter.get() < total) {
      scheduler.awaitTermination(50, TimeUnit.MILLISECONDS);
    }
    task.cancel(false);
    scheduler.shutdown();
    DemoCommand.settle(fake, deskbridge);
    double wall = (System.nanoTime() - start) / 1e9;
    if (!measured) {
      return "";
    }
    Map<String, AuditRecord> firstDecision = new HashMap<>();
    for (var r : deskbridge.store().all()) {
      if (!r.decision().equals("ignore") && !r.decision().equals("rejected")) {
        firstDecision.putIfAbsent(r.conversationId(), r);
      }
    }
    var latencies = new ArrayList<Double>();
    var callsAnswered = new ArrayList<Integer>();
    var callsHandover = new ArrayList<Integer>();
    int missing = 0;
    for (var e : created.entrySet()) {
      var r = firstDecision.get(String.valueOf(e.getKey()));
      if (r == null) {
        missing++;
        continue;
      }
      latencies.add(Duration.between(e.getValue(), r.at()).toNanos() / 1e6);
      (r.decision().equals("handover") ? callsHandover : callsAnswered).add(fake.apiCalls(e.getKey()));
    }
    latencies.sort(Double::compare);
    return String.format(java.util.Locale.ROOT,
        "tickets %d (%d answered/clarified, %d handed over, %d without decision) in %.1f s = %.1f tickets/s%n"
            + "webhook-to-reply ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n"
            + "Zendesk API calls per ticket: answered max %d (mean %.2f), handover max %d (mean %.2f)%n"
            + "RSS %s MB, peak RSS %s MB (connector and fake in one JVM)",
        created.size(), callsAnswered.size(), callsHandover.size(), missing, wall, created.size() / wall,
        pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
        callsAnswered.stream().mapToInt(i -> i).max().orElse(0), callsAnswered.stream().mapToInt(i -> i).average().orElse(0),
        callsHandover.stream().mapToInt(i -> i).max().orElse(0), callsHandover.stream().mapToInt(i -> i).average().orElse(0),
        rss("VmRSS"), rss("VmHWM"));
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }

  private static String rss(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: report unknown
    }
    return "?";
  }
}
