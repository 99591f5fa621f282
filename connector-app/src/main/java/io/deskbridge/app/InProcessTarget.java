package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The target of {@code bench fuzz} and {@code bench slow-clients}: the Zendesk fake and one connector in this
 * JVM (the demo's configuration and knowledge base, an in-memory H2 store this class can count rows in), its
 * webhook server on a free loopback port. Logs at WARN and above only; the connector's sampled WARN lines
 * about refused webhooks are kept off the report (ERROR still shows).
 */
final class InProcessTarget implements AutoCloseable {
  final ZendeskFake fake;
  final Deskbridge deskbridge;
  private final StoreConfig store;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private InProcessTarget(ZendeskFake fake, Deskbridge deskbridge, StoreConfig store) {
    this.fake = fake;
    this.deskbridge = deskbridge;
    this.store = store;
  }

  static InProcessTarget start() {
    return start(ZendeskFakeConfig.defaults(), StoreConfig.h2Memory("bench-" + System.nanoTime()));
  }

  /** As {@link #start()}, with this fake configuration and store (e.g. an H2 file, as {@code serve} uses). */
  static InProcessTarget start(ZendeskFakeConfig fakeConfig, StoreConfig store) {
    return start(fakeConfig, store, java.util.Set.of());
  }

  /** As {@link #start(ZendeskFakeConfig, StoreConfig)}, the connector declaring none of {@code withheld}. */
  static InProcessTarget start(ZendeskFakeConfig fakeConfig, StoreConfig store,
      java.util.Set<io.deskbridge.core.spi.Capability> withheld) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.deskbridge.core.webhook")).setLevel(Level.ERROR);
    var fake = ZendeskFake.start(fakeConfig);
    try {
      var demo = Demo.config(new ZendeskDemoVendor(fake));
      var config = new DeskbridgeConfig(demo.server(), store, demo.engine(), demo.knowledge(), null, null, demo.bot(),
          demo.installations());
      var deskbridge = Deskbridge.start(config, KnowledgeLoader.loadFromClasspath(
          InProcessTarget.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), WithheldCapabilities.discover(withheld), Clock.systemUTC());
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/demo"), DemoCommand.SECRET);
      return new InProcessTarget(fake, deskbridge, store);
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  /**
   * Opens one customer ticket, waits until the bot answered it (the model is loaded, the paths are warm) and the
   * fake and the engine are idle again, so that what follows starts from a quiet inbox.
   *
   * @return the warm-up ticket's id
   * @throws IllegalStateException when the ticket was not answered within 60 s
   */
  long warmUp() throws InterruptedException {
    long ticket = fake.customerCreatesTicket("emma@example.com", "Emma", "Login",
        "How can I reset my password? I can't log in.");
    if (!awaitBotReply(ticket, Duration.ofSeconds(60))) {
      throw new IllegalStateException("the warm-up ticket was not answered within 60 s");
    }
    settle(); // the fake's own webhooks about the warm-up ticket would change the inbox count
    return ticket;
  }

  /** The store the connector uses. */
  StoreConfig store() {
    return store;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + deskbridge.port() + path);
  }

  /** Posts a webhook body with headers; returns the status and the time to the answer. */
  Answer post(byte[] body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(uri("/webhooks/demo")).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  Answer health() {
    return send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(30)).build());
  }

  private Answer send(HttpRequest request) {
    long started = System.nanoTime();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return new Answer(status, (System.nanoTime() - started) / 1e6);
    } catch (java.io.IOException e) {
      return new Answer(0, (System.nanoTime() - started) / 1e6);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, (System.nanoTime() - started) / 1e6);
    }
  }

  /** The status (0 when there was no answer) and milliseconds to it. */
  record Answer(int status, double millis) {}

  long inboxEvents() {
    return count("SELECT COUNT(*) FROM inbox_event");
  }

  long auditedRefusals() {
    return count("SELECT COUNT(*) FROM audit WHERE decision = 'rejected'");
  }

  private long count(String sql) {
    try (var connection = DriverManager.getConnection(store.url(), store.username(), "");
        var result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count rows: " + e.getMessage(), e);
    }
  }

  /** True once the bot answered the ticket publicly, waiting at most {@code timeout}; polls every 20 ms. */
  boolean awaitBotReply(long ticketId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (fake.comments(ticketId).stream().anyMatch(c -> c.authorId() == fake.botUserId() && c.isPublic())) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Waits until the fake has delivered its webhooks and the engine has processed them (at most 60 s each). */
  void settle() throws InterruptedException {
    if (!fake.awaitIdle(Duration.ofSeconds(60)) || !deskbridge.engine().awaitIdle(Duration.ofSeconds(60))) {
      throw new IllegalStateException("the fake or the engine is still busy after 60 s");
    }
  }

  /** The value at quantile {@code q} (0 to 1) of {@code values}, by the nearest rank; NaN when empty. */
  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  }

  @Override
  public void close() {
    deskbridge.close();
    fake.close();
  }
}
