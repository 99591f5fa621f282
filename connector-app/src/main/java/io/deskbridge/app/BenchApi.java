package io.deskbridge.app;

import io.deskbridge.app.BenchRig.Connector;
import io.deskbridge.app.BenchRig.Jvm;
import io.deskbridge.app.BenchStep.Millis;
import io.deskbridge.app.BenchStep.Proc;
import io.deskbridge.app.BenchStep.RssSampler;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.store.JdbcStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The Conversation API benchmark's rig and steps (issue #14 item 8): one connector process running {@code serve} with
 * an {@code api} installation on an H2 file and no vendor at all, and an API key made in its store before it starts.
 * Each request is {@code POST /api/v1/conversations/{id}/messages} with an answerable question, a new conversation
 * each time (a customer's first message), with an {@code Idempotency-Key} as the README advises; its latency is until
 * the synchronous answer (the decision) is read in full.
 *
 * <ul>
 *   <li>A <b>fixed-rate</b> step sends at a steady rate whatever the answers do (open loop); a request's latency
 *       counts from the moment it was due, so a stalled server is not hidden by requests not sent.
 *   <li>A <b>saturation</b> step runs a number of clients, each sending its next request when the previous one is
 *       answered (closed loop): requests per second is the server's capacity at that concurrency.
 * </ul>
 *
 * The load generator runs in this JVM, on the same cores as the server; its CPU is reported. Closing stops the
 * connector (SIGTERM) and deletes the directory unless {@link #keep()} was called. Not thread-safe: one step at a time.
 */
final class BenchApi implements AutoCloseable {
  static final String INSTALLATION = "web";
  private static final Pattern DECISION = Pattern.compile("\"decision\"\\s*:\\s*\"([a-z_]+)\"");
  private static final AtomicInteger CONVERSATIONS = new AtomicInteger();

  /**
   * One configuration.
   *
   * @param workers engine worker threads
   * @param jvmArgs extra options for the connector JVM
   */
  record Setup(boolean fakeBot, int workers, List<String> jvmArgs, Jvm jvm) {
    Setup {
      jvmArgs = List.copyOf(jvmArgs);
      if (workers < 1) {
        throw new IllegalArgumentException("--workers must be positive");
      }
    }

    String label() {
      return "Conversation API, H2 file, " + (fakeBot ? "fake" : "real") + " bot";
    }
  }

  /**
   * What one step measured.
   *
   * @param kind       {@code rate} (open loop at {@code load} requests per second) or {@code clients} (closed loop
   *                   with {@code load} concurrent clients)
   * @param requests   requests sent
   * @param answered   200 answers carrying a decision
   * @param deferred   202 answers (not decided within the installation's {@code answerTimeout})
   * @param errors     every other answer, and requests that got none
   * @param statuses   the answers' statuses ({@code -1}: none came)
   * @param decisions  the answered requests' decisions
   * @param perSecond  answers per second over the step
   * @param latency    due (or sent, closed loop) to the answer read in full, ms; every request
   */
  record Result(String config, boolean warmup, String kind, int load, int seconds, int requests, int answered,
      int deferred, int errors, Map<Integer, Integer> statuses, Map<String, Integer> decisions, double elapsedSeconds,
      double perSecond, Millis latency, long medianRssMb, long stepPeakRssMb, double connectorCpuSeconds,
      double benchCpuSeconds, double otherCpuSeconds, double machineBusyPercent) {}

  /** One request's outcome. */
  private record Answer(int status, String decision, double millis) {}

  private final Path dir;
  final Connector connector;
  private final String key;
  private final HttpClient http;
  private boolean keep;

  private BenchApi(Path dir, Connector connector, String key) {
    this.dir = dir;
    this.connector = connector;
    this.key = key;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newCachedThreadPool(r -> {
          var t = new Thread(r, "bench-api-client");
          t.setDaemon(true);
          return t;
        })).build();
  }

  /** Writes the configuration, makes the key, starts the connector; returns once it answers its health check. */
  static BenchApi start(Setup setup, JvmOptions launcherOptions) throws IOException {
    Path dir = Files.createTempDirectory("deskbridge-bench-api-");
    try {
      int port = BenchRig.freePort();
      Path kb = BenchRig.writeKnowledge(dir);
      Path config = dir.resolve("api.yaml");
      Files.writeString(config, """
          # generated by deskbridge bench api
          server:
            host: 127.0.0.1
            port: %d
          store:
            directory: %s
          engine:
            workers: %d
          knowledge: %s
          installations:
            - id: %s
              vendor: api
              mode: auto
              routing: {defaultGroup: general, groups: {General: general, Billing: billing, Shipping: shipping, \
          Accounts: accounts, Complaints: complaints}}
              settings:
                rateLimitPerMinute: 1000000
                answerTimeout: 10s
          """.formatted(port, BenchRig.yamlString(dir.resolve("h2").toString()), setup.workers(),
          BenchRig.yamlString(kb.toString()), INSTALLATION));
      String key;
      // as 'api-key create' does, before the server holds the H2 file
      try (var store = JdbcStore.open(ConfigLoader.load(config, System::getenv).store())) {
        key = new ApiKeys(store.conversationApi(), Clock.systemUTC()).create(INSTALLATION, "bench").secret();
      }
      var connector = BenchRig.serve(config, dir.resolve("api.log"), port, 1, setup.jvm(), launcherOptions,
          setup.jvmArgs(), BenchRig.Build.THIS.classPath(), setup.fakeBot());
      return new BenchApi(dir, connector, key);
    } catch (IOException | RuntimeException e) {
      System.err.println("bench: kept " + dir + " (configuration and connector log)");
      throw e;
    }
  }

  /** Keeps the directory (configuration and connector log) after closing, to look into a failure. */
  void keep() {
    keep = true;
  }

  boolean alive() {
    return connector.process.isAlive();
  }

  /** Open loop: {@code rate} requests a second for {@code seconds}, each timed from when it was due. */
  Result fixedRate(String config, int rate, int seconds, boolean warmup) throws InterruptedException {
    var meter = new Meter(connector.process.pid());
    var answers = new ConcurrentLinkedQueue<Answer>();
    var pending = new ConcurrentLinkedQueue<CompletableFuture<?>>();
    var counter = new AtomicInteger();
    int total = rate * seconds;
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    var scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "bench-api-producer");
      t.setDaemon(true);
      return t;
    });
    var task = scheduler.scheduleAtFixedRate(() -> {
      int n = counter.getAndIncrement();
      if (n >= total) {
        return;
      }
      long due = start + n * period;
      pending.add(http.sendAsync(request(n), HttpResponse.BodyHandlers.ofString())
          .handle((response, failure) -> answers.add(answer(response, due))));
    }, 0, period, TimeUnit.NANOSECONDS);
    while (counter.get() < total) {
      scheduler.awaitTermination(20, TimeUnit.MILLISECONDS);
    }
    task.cancel(false);
    scheduler.shutdown();
    scheduler.awaitTermination(10, TimeUnit.SECONDS);
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // counted: a request without an answer has none in the queue
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return meter.result(config, warmup, "rate", rate, seconds, total, List.copyOf(answers), elapsed);
  }

  /** Closed loop: {@code clients} clients for {@code seconds}, each sending its next request on an answer. */
  Result saturate(String config, int clients, int seconds, boolean warmup) throws InterruptedException {
    var meter = new Meter(connector.process.pid());
    var answers = new ConcurrentLinkedQueue<Answer>();
    var sent = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    var threads = new ArrayList<Thread>();
    for (int c = 0; c < clients; c++) {
      var t = new Thread(() -> {
        while (System.nanoTime() < end) {
          int n = sent.getAndIncrement();
          long due = System.nanoTime();
          HttpResponse<String> response = null;
          try {
            response = http.send(request(n), HttpResponse.BodyHandlers.ofString());
          } catch (IOException e) {
            // counted as an error below
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          answers.add(answer(response, due));
        }
      }, "bench-api-client-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (var t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(seconds + 60L));
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return meter.result(config, warmup, "clients", clients, seconds, sent.get(), List.copyOf(answers), elapsed);
  }

  /**
   * Waits until the server has worked off what earlier steps left it (messages answered 202 are still decided, oldest
   * first): until a probe message is answered with its decision (200), at most {@code timeout}; false if none was.
   */
  boolean settle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && alive()) {
      try {
        if (http.send(request(0), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
    }
    return false;
  }

  private HttpRequest request(int n) {
    String conversation = "bench-" + CONVERSATIONS.incrementAndGet();
    String text = BenchStep.QUESTIONS.get(n % BenchStep.QUESTIONS.size());
    String body = "{\"text\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + ",\"channel\":\"chat\","
        + "\"customer\":{\"id\":\"c-" + conversation + "\"}}";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.port + "/api/v1/conversations/"
            + conversation + "/messages"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", conversation + "-1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static Answer answer(HttpResponse<String> response, long due) {
    double millis = (System.nanoTime() - due) / 1e6;
    if (response == null) {
      return new Answer(-1, null, millis);
    }
    var m = DECISION.matcher(response.body());
    return new Answer(response.statusCode(), m.find() ? m.group(1) : null, millis);
  }

  /** CPU, memory and the machine around one step. */
  private static final class Meter {
    private final long pid;
    private final double cpuBefore;
    private final double benchBefore;
    private final long[] machineBefore;
    private final RssSampler rss;

    Meter(long pid) {
      this.pid = pid;
      this.cpuBefore = Proc.cpuSeconds(pid);
      this.benchBefore = Proc.cpuSeconds(ProcessHandle.current().pid());
      this.machineBefore = Proc.machineTicks();
      this.rss = new RssSampler(List.of(pid));
    }

    Result result(String config, boolean warmup, String kind, int load, int seconds, int requests,
        List<Answer> answers, double elapsed) throws InterruptedException {
      rss.stop();
      double connector = Proc.cpuSeconds(pid) - cpuBefore;
      double bench = Proc.cpuSeconds(ProcessHandle.current().pid()) - benchBefore;
      long[] machineAfter = Proc.machineTicks();
      double busy = (machineAfter[0] - machineBefore[0]) / Proc.TICKS_PER_SECOND;
      var statuses = new TreeMap<Integer, Integer>();
      var decisions = new TreeMap<String, Integer>();
      int answered = 0;
      int deferred = 0;
      for (var a : answers) {
        statuses.merge(a.status(), 1, Integer::sum);
        if (a.status() == 200 && a.decision() != null) {
          answered++;
          decisions.merge(a.decision(), 1, Integer::sum);
        } else if (a.status() == 202) {
          deferred++;
        }
      }
      int errors = requests - answered - deferred;
      if (answers.size() < requests) {
        statuses.merge(-1, requests - answers.size(), Integer::sum);
      }
      return new Result(config, warmup, kind, load, seconds, requests, answered, deferred, errors, statuses,
          decisions, round(elapsed), round(answered / elapsed), Millis.of(answers.stream().map(Answer::millis).toList()),
          rss.medians().get(0), rss.peaks().get(0), round(connector), round(bench), round(busy - connector - bench),
          round(Proc.busyPercent(machineBefore, machineAfter)));
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  @Override
  public void close() {
    BenchRig.stop(List.of(connector));
    if (keep) {
      System.err.println("bench: kept " + dir + " (configuration and connector log)");
      return;
    }
    BenchRig.delete(dir);
  }
}
