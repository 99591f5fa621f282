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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running connector for tests: the bot on the kit's small knowledge base, the engine with one
 * installation, and the webhook server on a free loopback port.
 */
public final class ConnectorHarness implements AutoCloseable {
  public static final String INSTALLATION = "test";
  private static Bot sharedBot;

  private final StoreConfig storeConfig = StoreConfig.h2Memory("harness-" + System.nanoTime());
  private final JdbcStore store = JdbcStore.open(storeConfig);
  private final Engine engine;
  private final WebhookServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  public ConnectorHarness(VendorFixture fixture, Mode mode) {
    Clock clock = Clock.systemUTC();
    var installation = new Installation(INSTALLATION, mode, fixture.routing(),
        new RetryPolicy(6, Duration.ofMillis(50), Duration.ofSeconds(2)), fixture.connector(INSTALLATION, clock), 60_000);
    this.engine = Engine.start(List.of(installation), bot(), store, store, clock,
        new EngineSettings(4, Duration.ofSeconds(30), Duration.ofMillis(100), 5, Duration.ofDays(1)),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    var handler = new WebhookHandler(id -> engine.installation(id).map(i -> i.connector().webhook()),
        engine::accept, store, clock);
    this.server = WebhookServer.start("127.0.0.1", 0, 1 << 20, handler, clock);
    fixture.subscribe(webhookUrl());
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
    return engine;
  }

  /** Waits until the engine has processed everything it accepted. */
  public void awaitIdle() {
    try {
      if (!engine.awaitIdle(Duration.ofSeconds(30))) {
        throw new AssertionError("engine still busy after 30 s");
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

  /** The audit records for one conversation. */
  public List<AuditRecord> audit(String conversationId) {
    return store.all().stream().filter(r -> r.conversationId().equals(conversationId)).toList();
  }

  /** Posts a raw webhook request to the connector and returns the response. */
  public HttpResponse<String> post(byte[] body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(webhookUrl()).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json");
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
    engine.close();
    store.close();
  }
}
