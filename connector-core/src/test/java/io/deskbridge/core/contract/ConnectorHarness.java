package io.deskbridge.core.contract;

import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.hosting.WebhookHandler;
import io.deskbridge.core.hosting.WebhookServer;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running connector for tests: the bot on the kit's small knowledge base, the engine with one
 * installation, and the webhook server on a free loopback port. The engine can be stopped at its crash points
 * and restarted on the same store, as after the process died.
 */
public final class ConnectorHarness implements AutoCloseable {
  public static final String INSTALLATION = "test";
  private static final EngineSettings SETTINGS =
      new EngineSettings(4, Duration.ofSeconds(30), Duration.ofMillis(100), 5, Duration.ofDays(1));
  /** Short, so that an outage test sees the circuit breaker close again well within its wait. */
  private static final Duration CIRCUIT_OPEN_FOR = Duration.ofSeconds(2);
  private static Bot sharedBot;

  /**
   * What the kit varies in the installation besides the mode.
   *
   * @param chatDebounce the chat debounce window ({@code chat.debounce})
   * @param hours        when people answer handovers ({@code routing.businessHours}), over the fixture's routing
   * @param chatSessionTimeout the chat session timeout ({@code chat.sessionTimeout})
   */
  public record Setup(Duration chatDebounce, io.deskbridge.core.engine.BusinessHours hours,
      Duration chatSessionTimeout) {
    /** The installation's defaults: a 1.5 s debounce, people always there, a 30 min session timeout. */
    public static final Setup DEFAULT = new Setup(Installation.DEFAULT_CHAT_DEBOUNCE,
        io.deskbridge.core.engine.BusinessHours.ALWAYS, Installation.DEFAULT_CHAT_SESSION_TIMEOUT);

    public Setup withChatDebounce(Duration window) {
      return new Setup(window, hours, chatSessionTimeout);
    }

    public Setup withHours(io.deskbridge.core.engine.BusinessHours businessHours) {
      return new Setup(chatDebounce, businessHours, chatSessionTimeout);
    }

    public Setup withChatSessionTimeout(Duration timeout) {
      return new Setup(chatDebounce, hours, timeout);
    }
  }

  /** The simulated death of the process at a crash point. */
  public static final class Crash extends Error {
    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  private final StoreConfig storeConfig = StoreConfig.h2Memory("harness-" + System.nanoTime());
  private final JdbcStore store = JdbcStore.open(storeConfig);
  private final OffsetClock clock = new OffsetClock();
  private final VendorFixture fixture;
  private final Mode mode;
  private volatile Setup setup = Setup.DEFAULT;
  private final Map<String, Runnable> onceAt = new ConcurrentHashMap<>();
  private final AtomicReference<Engine> engine = new AtomicReference<>();
  private final WebhookServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  /** The engine's meters, kept across restarts. */
  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  /** The agents' verdicts on drafts ({@code engine.draftVerdicts}), in a folder of this harness's own. */
  private final java.nio.file.Path draftVerdicts = newVerdictsFile();

  public ConnectorHarness(VendorFixture fixture, Mode mode) {
    this.fixture = fixture;
    this.mode = mode;
    engine.set(startEngine());
    var handler = new WebhookHandler(id -> engine.get().installation(id).map(i -> i.connector().webhook()),
        (installation, events) -> engine.get().accept(installation, events), store, clock);
    this.server = WebhookServer.start("127.0.0.1", 0, 1 << 20, handler, clock);
    fixture.subscribe(webhookUrl());
  }

  private Engine startEngine() {
    var routing = fixture.routing();
    var installation = new Installation(INSTALLATION, mode, new io.deskbridge.core.engine.Routing(
        routing.defaultGroup(), routing.groups(), routing.handoverTag(), setup.hours()),
        new RetryPolicy(6, Duration.ofMillis(50), Duration.ofSeconds(2), CIRCUIT_OPEN_FOR),
        fixture.connector(INSTALLATION, clock), 60_000, false, setup.chatDebounce(), setup.chatSessionTimeout());
    return Engine.start(List.of(installation), bot(), store, store, clock, SETTINGS.withDraftVerdicts(draftVerdicts),
        point -> {
          Runnable action = onceAt.remove(point.name());
          if (action != null) {
            action.run();
          }
        }, meters);
  }

  private static java.nio.file.Path newVerdictsFile() {
    try {
      return java.nio.file.Files.createTempDirectory("deskbridge-kit-").resolve("draft-verdicts.jsonl");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The file the engine appends the agents' verdicts on drafts to (the {@code eval} case format). */
  public java.nio.file.Path draftVerdicts() {
    return draftVerdicts;
  }

  /** The count of a counter of the engine (all engines since the harness started) with these tags, 0 when none. */
  public double counted(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Runs {@code action} on the worker the next time the engine reaches {@code point} ({@code CLAIMED}: about
   * to process an event; {@code COMMITTED}: a decision and its writes are stored, nothing sent;
   * {@code SENT}: the vendor accepted a write, the store does not know yet), once.
   */
  public void onceAt(String point, Runnable action) {
    if (onceAt.putIfAbsent(point, action) != null) {
      throw new IllegalStateException("an action at " + point + " is already waiting");
    }
  }

  /** Makes the engine die at {@code point} the next time it gets there; returns a latch counted down then. */
  public CountDownLatch crashAt(String point) {
    var crashed = new CountDownLatch(1);
    onceAt(point, () -> {
      crashed.countDown();
      throw new Crash();
    });
    return crashed;
  }

  /**
   * Closes the engine (crashed or not) and starts a new one on the same store, after the old workers' leases
   * ran out; the webhook server keeps running and feeds the new engine.
   */
  public void restart() {
    engine.get().close();
    clock.advance(SETTINGS.lease().plusSeconds(1));
    engine.set(startEngine());
  }

  /**
   * Restarts the engine (on the same store, the webhook server keeps running) with another installation set-up;
   * call it before the test's first conversation.
   */
  public void use(Setup newSetup) {
    engine.get().close();
    setup = newSetup;
    engine.set(startEngine());
  }

  /** The engine's clock (also the connector's): the system clock plus what tests added. */
  public OffsetClock clock() {
    return clock;
  }

  /**
   * Whether the engine holds work back for later, none of it due yet: every conversation with open work waits for a
   * time after the engine's clock (a chat's debounce window), and no worker holds one.
   */
  public boolean onlyHeldBackWork() {
    try (var connection = java.sql.DriverManager.getConnection(storeConfig.url(), storeConfig.username(),
            storeConfig.password() == null ? "" : storeConfig.password().reveal());
        var select = connection.prepareStatement("SELECT COUNT(*), "
            + "COALESCE(SUM(CASE WHEN due_at <= ? OR lease_until IS NOT NULL THEN 1 ELSE 0 END), 0) "
            + "FROM conversation WHERE due_at IS NOT NULL")) {
      select.setObject(1, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
      try (var result = select.executeQuery()) {
        result.next();
        return result.getLong(1) > 0 && result.getLong(2) == 0;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the due times", e);
    }
  }

  /** The bot on the kit's knowledge base, built once per JVM (the embedding model takes a second to load). */
  public static synchronized Bot bot() {
    if (sharedBot == null) {
      var kb = KnowledgeLoader.loadFromClasspath(ConnectorHarness.class.getClassLoader(), "contract-kb");
      sharedBot = Bot.create(kb, BotConfig.defaults());
    }
    return sharedBot;
  }

  public URI webhookUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/webhooks/" + INSTALLATION);
  }

  public Engine engine() {
    return engine.get();
  }

  /**
   * Waits until the engine has processed everything it accepted. When the connector is polled, first waits for a
   * poll that started after the call, and once idle for one more poll and idle again (the echoes of the bot's own
   * writes come in through polls, as webhooks would).
   */
  public void awaitIdle() {
    try {
      var e = engine.get();
      for (int pass = 0; pass < 2; pass++) {
        if (!e.awaitPolled(Duration.ofSeconds(30))) {
          throw new AssertionError("no successful poll within 30 s");
        }
        if (!e.awaitIdle(Duration.ofSeconds(30))) {
          throw new AssertionError("engine still busy after 30 s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public List<AuditRecord> audit() {
    return store.all();
  }

  /** The store, for dead letters and the audit. */
  public JdbcStore store() {
    return store;
  }

  /** How many events the inbox holds (received and not purged, whatever their status). */
  public long inboxEvents() {
    try (var connection = java.sql.DriverManager.getConnection(storeConfig.url(), storeConfig.username(),
            storeConfig.password() == null ? "" : storeConfig.password().reveal());
        var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM inbox_event")) {
      result.next();
      return result.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot count the inbox", e);
    }
  }

  /**
   * When no worker holds a conversation and every piece of open work waits for a due time still ahead (a vendor's
   * long wait: Salesforce's connector pauses 5 minutes after {@code REQUEST_LIMIT_EXCEEDED}), moves the engine's
   * clock to the earliest of them, so that a test does not wait for it in real time. Nothing can be claimed before
   * that time anyway, and no step is under way whose lease the jump could outrun.
   *
   * @return whether the clock moved
   */
  public boolean skipToDueWork() {
    try (var connection = java.sql.DriverManager.getConnection(storeConfig.url(), storeConfig.username(),
            storeConfig.password() == null ? "" : storeConfig.password().reveal());
        var result = connection.createStatement().executeQuery("SELECT MIN(due_at), "
            + "(SELECT COUNT(*) FROM conversation WHERE lease_until IS NOT NULL) FROM conversation "
            + "WHERE due_at IS NOT NULL")) {
      result.next();
      var due = result.getObject(1, java.time.OffsetDateTime.class);
      if (due == null || result.getLong(2) > 0) {
        return false;
      }
      var now = clock.instant();
      if (!due.toInstant().isAfter(now)) {
        return false;
      }
      clock.advance(Duration.between(now, due.toInstant()).plusMillis(1));
      return true;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the due times", e);
    }
  }

  /** The audit records for one conversation. */
  public List<AuditRecord> audit(String conversationId) {
    return store.all().stream().filter(r -> r.conversationId().equals(conversationId)).toList();
  }

  /** Posts a raw JSON webhook request to the connector and returns the response. */
  public HttpResponse<String> post(byte[] body, Map<String, String> headers) {
    return post(new VendorFixture.WebhookBody(body, "application/json"), headers);
  }

  /** Posts a raw webhook request, in its content type, to the connector and returns the response. */
  public HttpResponse<String> post(VendorFixture.WebhookBody body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(webhookUrl()).POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
        .header("Content-Type", body.contentType());
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The health endpoint's answer. */
  public Optional<String> health() {
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    server.close();
    engine.get().close();
    store.close();
  }
}
