package io.deskbridge.app;

import io.deskbridge.mock.zendesk.CommentView;
import io.deskbridge.mock.zendesk.DeliveryRecord;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import io.deskbridge.core.store.StoreConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** The work of {@link BenchProfileCommand}: see there. */
final class BenchProfile {
  private final int rate;
  private final int seconds;
  private final int warmup;
  private final double handoverShare;
  private final String jfr;
  private final String settings;
  private final boolean memoryStore;
  private final java.util.Set<io.deskbridge.core.spi.Capability> withheld;
  private final PrintStream out;

  BenchProfile(int rate, int seconds, int warmup, double handoverShare, String jfr, String settings,
      boolean memoryStore, java.util.Set<io.deskbridge.core.spi.Capability> withheld, PrintStream out) {
    this.rate = rate;
    this.seconds = seconds;
    this.warmup = warmup;
    this.handoverShare = handoverShare;
    this.jfr = jfr;
    this.settings = settings;
    this.memoryStore = memoryStore;
    this.withheld = java.util.Set.copyOf(withheld);
    this.out = out;
  }

  void run() throws Exception {
    Path dir = Files.createTempDirectory("deskbridge-profile-");
    var store = memoryStore ? StoreConfig.h2Memory("profile-" + System.nanoTime()) : StoreConfig.h2File(dir);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (var target = InProcessTarget.start(ZendeskFakeConfig.defaults().withPerMinuteBudget(100_000_000)
        .withDelivery(Duration.ofSeconds(10), 5, Duration.ofMillis(200)), store, withheld)) {
      target.warmUp();
      out.printf(Locale.ROOT, "bench profile: %d tickets/s, %d s measured after %d s warm-up, %s store, %d cores, %s%n",
          rate, seconds, warmup, memoryStore ? "in-memory H2" : "H2 file", Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      if (!withheld.isEmpty()) {
        out.println("capabilities withheld from the connector: " + new java.util.TreeSet<>(withheld));
      }
      if (warmup > 0) {
        offer(target, warmup);
        awaitReactions(target);
      }
      Recording recording = null;
      if (!"none".equals(jfr)) {
        var config = settings.endsWith(".jfc") ? Configuration.create(Path.of(settings))
            : Configuration.getConfiguration(settings);
        recording = new Recording(config);
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
        for (String e : List.of("jdk.FileForce", "jdk.FileWrite", "jdk.ThreadPark", "jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait", "jdk.SocketRead", "jdk.SocketWrite")) {
          recording.enable(e).withThreshold(Duration.ofMillis(e.equals("jdk.FileForce") ? 0 : 1)).withStackTrace();
        }
        recording.start();
      }
      long cpuBefore = os.getProcessCpuTime();
      Instant from = Instant.now();
      var created = offer(target, seconds);
      awaitReactions(target);
      double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
      if (recording != null) {
        recording.stop();
        recording.dump(Path.of(jfr));
        recording.close();
      }
      long events = timeline(target, created);
      var window = BenchSummary.scrape(target.deskbridge.port());
      if (!window.isEmpty()) { // only without CONDITIONAL_WRITES: the re-read before each public write
        out.println(BenchSummary.describe(window, window) + " (since start, warm-up included)");
      }
      if (recording != null) {
        new JfrReport(out).print(Path.of(jfr), from, events, cpu);
      }
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * New tickets at {@link #rate} for {@code secs} seconds; returns each one's creation time. (No fake's type in a
   * signature: picocli reflects on this class in installs without the optional fakes.)
   */
  private Map<Long, Instant> offer(InProcessTarget target, int secs) throws InterruptedException {
    var fake = target.fake;
    var created = new ConcurrentHashMap<Long, Instant>();
    var counter = new AtomicInteger();
    int total = rate * secs;
    var scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "bench-producer");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(() -> {
      int n = counter.getAndIncrement();
      if (n >= total) {
        return;
      }
      boolean handover = (int) ((n + 1) * handoverShare) > (int) (n * handoverShare);
      String text = handover ? BenchStep.HANDOVERS.get(n % BenchStep.HANDOVERS.size())
          : BenchStep.QUESTIONS.get(n % BenchStep.QUESTIONS.size());
      Instant at = Instant.now();
      long id = fake.customerCreatesTicket("p" + n + "-" + System.nanoTime() + "@example.com", "Customer " + n,
          "Question " + n, text);
      created.put(id, at);
    }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    while (counter.get() < total) {
      scheduler.awaitTermination(20, TimeUnit.MILLISECONDS);
    }
    scheduler.shutdownNow();
    return created;
  }

  private static void awaitReactions(InProcessTarget target) throws InterruptedException {
    target.settle();
  }

  /** One row of the store, in the order written. */
  private record Row(String eventId, Instant at) {}

  /** Prints the wall-clock time of each stage per ticket; returns the events acknowledged for these tickets. */
  private long timeline(InProcessTarget target, Map<Long, Instant> created) throws SQLException {
    var fake = target.fake;
    var inbox = rows(target.store(), "SELECT conversation_id, event_id, received_at FROM inbox_event ORDER BY id");
    var audit = rows(target.store(), "SELECT conversation_id, event_id, recorded_at FROM audit ORDER BY id");
    var outbox = rows(target.store(), "SELECT conversation_id, event_id, created_at FROM outbox ORDER BY id");
    var deliveries = new HashMap<Long, List<DeliveryRecord>>();
    long events = 0;
    for (DeliveryRecord d : fake.deliveries()) {
      if (created.containsKey(d.ticketId()) && d.statusCode() / 100 == 2) {
        deliveries.computeIfAbsent(d.ticketId(), k -> new ArrayList<>()).add(d);
        events++;
      }
    }
    var stages = new LinkedHashMap<String, List<Double>>();
    for (String s : List.of("1 fake: ticket created -> webhook sent", "2 webhook: sent -> inbox receive starts "
        + "(HTTP, verify, decode)", "3 webhook: receive starts -> acknowledged (inbox commit, CHECKPOINT, response)",
        "4 engine: received -> decided (wake, claim, load state, bot)", "5 engine: decided -> outbox committed",
        "6 engine: decided -> write stored in the fake (commit, sending, HTTP PUT)",
        "7 echo: write stored -> echo acknowledged", "8 echo: echo received -> echo processed (audit)",
        "reply: ticket created -> first write stored", "ack: webhook sent -> acknowledged (all deliveries)")) {
      stages.put(s, new ArrayList<>());
    }
    var names = new ArrayList<>(stages.keySet());
    long bot = fake.botUserId();
    for (var t : created.entrySet()) {
      String conversation = String.valueOf(t.getKey());
      var ds = deliveries.getOrDefault(t.getKey(), List.of()).stream()
          .sorted(Comparator.comparing(DeliveryRecord::sentAt)).toList();
      var in = inbox.getOrDefault(conversation, List.of());
      var au = audit.getOrDefault(conversation, List.of());
      var ob = outbox.getOrDefault(conversation, List.of());
      List<CommentView> mine = fake.comments(t.getKey()).stream().filter(c -> c.authorId() == bot).toList();
      ds.forEach(d -> stages.get(names.get(9)).add(d.elapsed().toNanos() / 1e6));
      if (ds.isEmpty() || in.isEmpty() || au.isEmpty() || mine.isEmpty()) {
        continue;
      }
      var d0 = ds.get(0);
      Instant acked = d0.sentAt().plus(d0.elapsed());
      Instant decided = au.get(0).at();
      add(stages, names.get(0), t.getValue(), d0.sentAt());
      add(stages, names.get(1), d0.sentAt(), in.get(0).at());
      add(stages, names.get(2), in.get(0).at(), acked);
      add(stages, names.get(3), in.get(0).at(), decided);
      if (!ob.isEmpty()) {
        add(stages, names.get(4), decided, ob.get(0).at());
      }
      Instant written = mine.get(0).storedAt();
      add(stages, names.get(5), decided, written);
      add(stages, names.get(8), t.getValue(), written);
      if (ds.size() > 1 && in.size() > 1) {
        var echo = ds.get(1);
        add(stages, names.get(6), written, echo.sentAt().plus(echo.elapsed()));
        String echoId = in.get(1).eventId();
        au.stream().filter(r -> r.eventId().equals(echoId)).findFirst()
            .ifPresent(r -> add(stages, names.get(7), in.get(1).at(), r.at()));
      }
    }
    out.printf(Locale.ROOT, "%n%d tickets, %d events acknowledged; wall-clock per stage (ms):%n%n", created.size(),
        events);
    out.println("| stage | n | p50 | p90 | p99 | mean |");
    out.println("|---|---|---|---|---|---|");
    for (var s : stages.entrySet()) {
      var v = s.getValue();
      var m = BenchStep.Millis.of(v);
      out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", s.getKey(), v.size(), m.p50(), m.p90(),
          m.p99(), v.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }
    return events;
  }

  private static void add(Map<String, List<Double>> stages, String stage, Instant from, Instant to) {
    stages.get(stage).add(Duration.between(from, to).toNanos() / 1e6);
  }

  private static Map<String, List<Row>> rows(StoreConfig store, String sql) throws SQLException {
    var by = new HashMap<String, List<Row>>();
    try (var c = DriverManager.getConnection(store.connectionUrl(), store.username(), "");
        var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        by.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new Row(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
      }
    }
    return by;
  }
}
