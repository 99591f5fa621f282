package io.deskbridge.app;

import io.deskbridge.app.BenchRig.Connector;
import io.deskbridge.app.BenchRig.Jvm;
import io.deskbridge.app.BenchStep.Millis;
import io.deskbridge.app.BenchStep.Proc;
import io.deskbridge.app.BenchStep.RssSampler;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.sunco.SuncoViews;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The chat benchmark's rig and step (issue #14 item 8): the Sunshine Conversations fake (Zendesk messaging) in this
 * JVM, a pool of open conversations in it, and one connector process running {@code serve} with a
 * {@code zendesk-messaging} installation on an H2 file, subscribed to the fake's webhooks. A step sends customer
 * messages at a fixed rate, each to the next conversation of the pool in turn (so a conversation gets a message every
 * pool size / rate seconds), waits until each has the bot's reply, and measures from the fake's own state:
 *
 * <ul>
 *   <li><b>Raw</b> latency: from the moment the fake handed the message's webhook to its HTTP client (its first
 *       attempt) to the moment the fake stored the bot's reply (the first business message through the API after
 *       the customer's message). It includes the installation's debounce window ({@code chat.debounce}).
 *   <li><b>Excluding the window</b>: raw minus the configured window, the measure; with a window of 0 both are
 *       the same.
 *   <li><b>Vendor calls per answer</b>: every API call the fake's request journal recorded during the step, divided
 *       by the replies, and the same per kind of call (method and path with the ids taken out).
 *   <li><b>Lost</b>: messages to the bot without a reply after them; <b>duplicates</b>: replies in a conversation beyond the
 *       messages sent to it (a message the customer sends before the previous one is answered may be answered with
 *       it: fewer replies than messages is the debounce, not a loss); <b>handovers</b> and replies <b>out of
 *       turn</b> (while another switchboard integration had control).
 * </ul>
 *
 * Every message is a question the demo knowledge base answers, a conversation in one language, another topic each
 * turn; none asks for a person, but the bot may still hand over (a clarifying question not taken up, say): then its
 * slot gets a new conversation. Closing stops the connector (SIGTERM) and the
 * fake and deletes the directory unless {@link #keep()} was called. Not thread-safe: one step at a time.
 */
final class BenchChat implements AutoCloseable {
  static final String INSTALLATION = "chat";
  /** A step gives up waiting for the remaining replies after this long without progress. */
  private static final Duration STALL = Duration.ofSeconds(30);
  private static final Pattern IDS = Pattern.compile("/[0-9a-f]{24}(?=/|$)");
  /**
   * A conversation's questions by its slot: three in five conversations in English, one in Czech, one in Polish, each
   * asking about another topic of the demo knowledge base each turn.
   */
  static final List<List<String>> QUESTIONS = List.of(
      List.of("How can I reset my password? I can't log in.", "How long does delivery take to Brno?",
          "Which payment methods do you accept?", "When are you open on Saturday?",
          "I need a copy of the invoice for my last purchase."),
      List.of("Jak dlouho trvá doručení do Brna?", "Jak si obnovím heslo? Nemůžu se přihlásit.",
          "Jaké způsoby platby přijímáte?", "Kdy máte otevřeno v sobotu?", "Potřebuji fakturu k poslednímu nákupu."),
      List.of("Where is my order? It was supposed to arrive yesterday.", "How do I return an item I don't want?",
          "Can I change the delivery address of my order?", "How long does delivery take to Brno?",
          "Which payment methods do you accept?"),
      List.of("Jak mogę zwrócić towar, który kupiłem w zeszłym tygodniu?", "Kiedy jesteście otwarci w sobotę?",
          "Jakie metody płatności akceptujecie?", "Jak zresetować hasło? Nie mogę się zalogować.",
          "Ile trwa dostawa do Krakowa?"),
      List.of("The item arrived damaged, what should I do?", "How can I reset my password? I can't log in.",
          "I need a copy of the invoice for my last purchase.", "When are you open on Saturday?",
          "How long does delivery take to Brno?"));

  /**
   * One configuration.
   *
   * @param debounce      the installation's {@code chat.debounce}
   * @param conversations the open conversations the messages go to, in turn
   * @param workers       engine worker threads
   * @param jvmArgs       extra options for the connector JVM
   */
  record Setup(Duration debounce, int conversations, boolean fakeBot, int workers, List<String> jvmArgs, Jvm jvm) {
    Setup {
      jvmArgs = List.copyOf(jvmArgs);
      if (debounce.isNegative() || conversations < 1 || workers < 1) {
        throw new IllegalArgumentException("--debounce must not be negative, --conversations and --workers positive");
      }
    }

    String label() {
      return "Zendesk messaging, debounce " + debounce.toMillis() + " ms, " + conversations + " conversations, "
          + (fakeBot ? "fake" : "real") + " bot";
    }
  }

  /**
   * What one step measured.
   *
   * @param rate               customer messages per second asked for
   * @param debounceMs         the installation's debounce window
   * @param messages           customer messages sent
   * @param replies            bot replies to them (a handover's message to the customer included)
   * @param handovers          conversations the bot handed over during the step (their slots get new conversations)
   * @param toPeople           messages that came after the bot had handed their conversation over: not the bot's
   *                           to answer, and not in the latencies
   * @param outOfTurn          bot messages while another switchboard integration had control (the handover's own
   *                           message to the customer goes before the passControl)
   * @param offeredPerSecond   messages per second actually sent
   * @param repliesPerSecond   replies over the time from the first message to the last reply
   * @param raw                webhook sent to reply stored, the window included, ms
   * @param excludingWindow    the same minus the window, ms
   * @param ack                the webhook deliveries' acknowledgement as the fake's sender measured it, ms
   * @param deliveries         webhook delivery attempts during the step (the bot's own messages come back too)
   * @param failedDeliveries   attempts without a 2xx
   * @param vendorCallsPerAnswer API calls the fake served during the step per reply
   * @param callsPerAnswerByKind the same by method and path
   * @param connectorCpuSeconds CPU time of the connector process during the step
   * @param benchCpuSeconds    CPU time of this JVM (the fake, its webhook sender, the producer)
   * @param otherCpuSeconds    CPU time of everything else on the machine
   */
  record Result(String config, boolean warmup, int rate, int seconds, int conversations, long debounceMs,
      int messages, int replies, int lost, int duplicates, int handovers, int toPeople, int outOfTurn,
      double elapsedSeconds,
      double offeredPerSecond, double repliesPerSecond, boolean sustained, Millis raw, Millis excludingWindow,
      Millis ack, int deliveries, int failedDeliveries, double vendorCallsPerAnswer,
      Map<String, Double> callsPerAnswerByKind, long medianRssMb, long stepPeakRssMb, double connectorCpuSeconds,
      double benchCpuSeconds, double otherCpuSeconds, double machineBusyPercent) {}

  /** One message sent. */
  private record Sent(String conversation, String messageId, Instant at) {}

  private final Path dir;
  private final Setup setup;
  final SuncoFake fake;
  final Connector connector;
  /** The open conversations, by slot; a slot's conversation is replaced once the bot handed it over. */
  private final String[] pool;
  /** Messages sent to each slot's current conversation. */
  private final int[] turns;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger customers = new AtomicInteger();
  private boolean keep;

  private BenchChat(Path dir, Setup setup, SuncoFake fake, Connector connector) {
    this.dir = dir;
    this.setup = setup;
    this.fake = fake;
    this.connector = connector;
    this.pool = new String[setup.conversations()];
    this.turns = new int[setup.conversations()];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = open();
    }
  }

  /** A customer opens the chat widget: a new conversation with the bot in control, no message yet. */
  private String open() {
    int n = customers.incrementAndGet();
    return fake.customerStarts("Customer " + n, "c" + n + "@example.com", null).conversationId();
  }

  /** Starts the fake, opens the conversations, starts the connector; returns once it answers its health check. */
  static BenchChat start(Setup setup, JvmOptions launcherOptions) throws IOException {
    Path dir = Files.createTempDirectory("deskbridge-bench-chat-");
    // SunCo's retry policy compressed (200 ms for a minute), so that a failed delivery shows within the step
    var fake = SuncoFake.start(SuncoFake.Config.defaults().withRetryUnit(Duration.ofMillis(200))
        .withDeliveryTimeout(Duration.ofSeconds(10)));
    try {
      int port = BenchRig.freePort();
      var webhook = fake.subscribe(URI.create("http://127.0.0.1:" + port + "/webhooks/" + INSTALLATION));
      Path secrets = Files.createDirectories(dir.resolve("secrets"));
      Path keySecret = Files.writeString(secrets.resolve("sunco-key-secret"), fake.config().keySecret());
      Path webhookSecret = Files.writeString(secrets.resolve("sunco-webhook-secret"), webhook.secret());
      Path kb = BenchRig.writeKnowledge(dir);
      Path config = dir.resolve("chat.yaml");
      Files.writeString(config, """
          # generated by deskbridge bench chat
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
              vendor: zendesk-messaging
              mode: auto
              requestsPerMinute: 1000000
              retry: {maxAttempts: 6, initialDelay: 100ms, maxDelay: 5s}
              chat: {debounce: %dms}
              routing: {defaultGroup: "36000001", groups: {General: "36000001", Billing: "36000002", \
          Shipping: "36000003", Accounts: "36000004", Complaints: "36000005"}}
              settings:
                url: %s
                appId: %s
                keyId: %s
                keySecret: {file: %s}
                webhookSecret: {file: %s}
                botIntegrationId: %s
          """.formatted(port, BenchRig.yamlString(dir.resolve("h2").toString()), setup.workers(),
          BenchRig.yamlString(kb.toString()), INSTALLATION, setup.debounce().toMillis(),
          BenchRig.yamlString(fake.apiUrl()), BenchRig.yamlString(fake.config().appId()),
          BenchRig.yamlString(fake.config().keyId()), BenchRig.yamlString(keySecret.toString()),
          BenchRig.yamlString(webhookSecret.toString()), SuncoFake.BOT));
      var connector = BenchRig.serve(config, dir.resolve("chat.log"), port, 1, setup.jvm(), launcherOptions,
          setup.jvmArgs(), BenchRig.Build.THIS.classPath(), setup.fakeBot());
      return new BenchChat(dir, setup, fake, connector);
    } catch (IOException | RuntimeException e) {
      fake.close();
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

  /** Sends {@code rate} messages a second for {@code seconds}, waits for the replies, measures. */
  Result run(String config, int rate, int seconds, boolean warmup) throws InterruptedException {
    long pid = connector.process.pid();
    double cpuBefore = Proc.cpuSeconds(pid);
    double benchBefore = Proc.cpuSeconds(ProcessHandle.current().pid());
    long[] machineBefore = Proc.machineTicks();
    var rss = new RssSampler(List.of(pid));
    long journalBefore = lastSeq();

    var sent = new ConcurrentLinkedQueue<Sent>();
    var counter = new AtomicInteger();
    int total = rate * seconds;
    var scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "bench-chat-producer");
      t.setDaemon(true);
      return t;
    });
    var task = scheduler.scheduleAtFixedRate(() -> {
      int n = counter.getAndIncrement();
      if (n >= total) {
        return;
      }
      int slot = next.getAndIncrement() % pool.length;
      if (turns[slot] > 0 && !SuncoFake.BOT.equals(view(pool[slot]).active())) {
        pool[slot] = open(); // handed over: the agents have it, a new customer takes the slot
        turns[slot] = 0;
      }
      String conversation = pool[slot];
      // a conversation keeps its language and asks another question each turn
      var questions = QUESTIONS.get(slot % QUESTIONS.size());
      String text = questions.get(turns[slot]++ % questions.size());
      Instant at = Instant.now();
      sent.add(new Sent(conversation, fake.customerSends(conversation, text), at));
    }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    while (counter.get() < total) {
      scheduler.awaitTermination(20, TimeUnit.MILLISECONDS);
    }
    task.cancel(false);
    scheduler.shutdown();
    scheduler.awaitTermination(10, TimeUnit.SECONDS);

    var messages = List.copyOf(sent);
    awaitReplies(messages);
    fake.awaitDeliveries(Duration.ofSeconds(30)); // the bot's own messages coming back
    rss.stop();
    double connectorCpu = Proc.cpuSeconds(pid) - cpuBefore;
    double benchCpu = Proc.cpuSeconds(ProcessHandle.current().pid()) - benchBefore;
    long[] machineAfter = Proc.machineTicks();
    double busy = (machineAfter[0] - machineBefore[0]) / Proc.TICKS_PER_SECOND;
    return measure(config, rate, seconds, warmup, messages, journalBefore, rss, connectorCpu, benchCpu,
        busy - connectorCpu - benchCpu, Proc.busyPercent(machineBefore, machineAfter));
  }

  private long lastSeq() {
    var calls = fake.journal().calls();
    return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).seq();
  }

  /** Waits until every message has a reply after it, or nothing moved for {@link #STALL}. Polls every 200 ms. */
  private void awaitReplies(List<Sent> messages) {
    var open = new HashSet<>(messages);
    long lastProgress = System.nanoTime();
    while (!open.isEmpty() && System.nanoTime() - lastProgress < STALL.toNanos() && alive()) {
      int before = open.size();
      var views = new HashMap<String, SuncoViews.Conversation>();
      open.removeIf(m -> {
        var c = views.computeIfAbsent(m.conversation(), this::view);
        return !toTheBot(c, m.messageId()) || !replyTo(c, m.messageId()).isEmpty();
      });
      if (open.size() < before) {
        lastProgress = System.nanoTime();
      }
      if (!open.isEmpty()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
    }
  }

  private SuncoViews.Conversation view(String id) {
    return fake.conversation(id).orElseThrow();
  }

  /** Whether the bot's integration had control when the customer's message came (else the agents had it). */
  private static boolean toTheBot(SuncoViews.Conversation c, String messageId) {
    return c.messages().stream().filter(m -> m.id().equals(messageId)).findFirst()
        .map(m -> SuncoFake.BOT.equals(m.activeWhenReceived())).orElse(true);
  }

  /**
   * The bot's replies after the customer's message {@code messageId}: the first is its answer (a message the
   * customer sent before that answer came is answered with it, as the debounce means to).
   */
  private static List<SuncoViews.Message> replyTo(SuncoViews.Conversation c, String messageId) {
    var replies = new ArrayList<SuncoViews.Message>();
    boolean after = false;
    for (var m : c.messages()) {
      if (after && "api:conversations".equals(m.sourceType())) {
        replies.add(m);
      }
      after |= m.id().equals(messageId);
    }
    return replies;
  }

  private Result measure(String config, int rate, int seconds, boolean warmup, List<Sent> messages,
      long journalBefore, RssSampler rss, double connectorCpu, double benchCpu, double otherCpu, double busy) {
    var mine = new HashSet<String>();
    messages.forEach(m -> mine.add(m.conversation()));
    // each conversation's delivery attempts, to find a message's webhook (the fake sends one event per POST)
    var attempts = new HashMap<String, List<DeliveryAttempt>>();
    var ackMs = new ArrayList<Double>();
    int failed = 0;
    int deliveries = 0;
    Instant first = messages.stream().map(Sent::at).min(Instant::compareTo).orElseThrow();
    Instant lastSent = messages.stream().map(Sent::at).max(Instant::compareTo).orElseThrow();
    for (var d : fake.deliveries()) {
      if (d.sentAt().isBefore(first)) {
        continue;
      }
      attempts.computeIfAbsent(d.conversation(), k -> new ArrayList<>()).add(d);
      if (d.conversation().isEmpty() || mine.contains(d.conversation())) {
        deliveries++;
        ackMs.add(d.elapsed().toNanos() / 1e6);
        if (!d.acknowledged()) {
          failed++;
        }
      }
    }
    var rawMs = new ArrayList<Double>();
    var netMs = new ArrayList<Double>();
    int replies = 0;
    int lost = 0;
    int duplicates = 0;
    Instant end = lastSent;
    var views = new HashMap<String, SuncoViews.Conversation>();
    int toPeople = 0;
    for (var m : messages) {
      var c = views.computeIfAbsent(m.conversation(), this::view);
      if (!toTheBot(c, m.messageId())) {
        toPeople++; // sent just as the bot handed the conversation over
        continue;
      }
      var answers = replyTo(c, m.messageId());
      if (answers.isEmpty()) {
        lost++;
        continue;
      }
      Instant reply = answers.get(0).received();
      if (reply.isAfter(end)) {
        end = reply;
      }
      Instant webhook = attempts.getOrDefault(m.conversation(), List.of()).stream()
          .filter(d -> d.body().contains(m.messageId())).map(DeliveryAttempt::sentAt).min(Instant::compareTo)
          .orElseGet(() -> attempts.getOrDefault("", List.of()).stream()
              .filter(d -> d.body().contains(m.messageId())).map(DeliveryAttempt::sentAt).min(Instant::compareTo)
              .orElse(m.at()));
      double raw = Duration.between(webhook, reply).toNanos() / 1e6;
      rawMs.add(raw);
      netMs.add(raw - setup.debounce().toNanos() / 1e6);
    }
    int outOfTurn = 0;
    var firstSent = new HashMap<String, String>();
    var sentTo = new HashMap<String, Integer>();
    for (var m : messages) {
      firstSent.putIfAbsent(m.conversation(), m.messageId());
      sentTo.merge(m.conversation(), 1, Integer::sum);
    }
    int handovers = 0;
    for (var h : fake.handovers()) {
      if (mine.contains(h.conversationId())) {
        handovers += h.at().isBefore(first) ? 0 : 1;
      }
    }
    for (String id : mine) {
      var c = views.computeIfAbsent(id, this::view);
      outOfTurn += c.apiRepliesOutOfTurn(SuncoFake.BOT).size();
      int answered = replyTo(c, firstSent.get(id)).size();
      replies += answered;
      duplicates += Math.max(0, answered - sentTo.get(id)); // at most one answer per message, fewer when debounced
    }
    var byKind = new TreeMap<String, Double>();
    int calls = 0;
    for (RequestJournal.Call call : fake.journal().calls()) {
      if (call.seq() <= journalBefore) {
        continue;
      }
      calls++;
      byKind.merge(call.method() + " " + IDS.matcher(call.path()).replaceAll("/{id}"), 1.0, Double::sum);
    }
    int answers = Math.max(1, replies);
    byKind.replaceAll((k, v) -> round(v / answers));
    double elapsed = Duration.between(first, end).toNanos() / 1e9;
    double producing = Duration.between(first, lastSent).toNanos() / 1e9 + 1.0 / rate;
    var excluding = Millis.of(netMs);
    return new Result(config, warmup, rate, seconds, pool.length, setup.debounce().toMillis(), messages.size(),
        replies, lost, duplicates, handovers, toPeople, outOfTurn, round(elapsed), round(messages.size() / producing),
        round(replies / Math.max(elapsed, 1e-9)), lost == 0 && excluding.p99() < 1000, Millis.of(rawMs), excluding,
        Millis.of(ackMs), deliveries, failed, round((double) calls / answers), byKind, rss.medians().get(0),
        rss.peaks().get(0), round(connectorCpu), round(benchCpu), round(otherCpu), round(busy));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  @Override
  public void close() {
    BenchRig.stop(List.of(connector));
    fake.close();
    if (keep) {
      System.err.println("bench: kept " + dir + " (configuration and connector log)");
      return;
    }
    BenchRig.delete(dir);
  }
}
