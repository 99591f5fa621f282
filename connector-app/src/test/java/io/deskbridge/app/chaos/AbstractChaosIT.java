package io.deskbridge.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos tests of issue #3, each counting lost customer messages, duplicate replies and replies after a
 * handover from the fake's own state. Subclasses choose the database.
 */
abstract class AbstractChaosIT {
  static final String SECRET = "chaos-webhook-secret";
  /** Generous: on a loaded 2-core machine a connector JVM restart alone can take tens of seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(240);

  @TempDir
  Path dir;
  ZendeskFake fake;

  /** The store in-process connectors use. */
  abstract StoreConfig store();

  /** The {@code store:} section of a connector process's YAML. */
  abstract String storeYaml();

  @BeforeEach
  void startFake() {
    fake = ZendeskFake.start(ZendeskFake.Config.defaults().withDelivery(Duration.ofSeconds(5), 5, Duration.ofMillis(200)));
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  Map<String, String> groups() {
    return fake.groups().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
  }

  static RetryPolicy retry() {
    return new RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  Deskbridge inProcess() {
    return inProcess(store());
  }

  /** A connector in this JVM on {@code store}, subscribed to the fake's events. */
  Deskbridge inProcess(StoreConfig store) {
    var settings = Settings.of("installations[acme].settings", Map.of("url", fake.baseUrl(),
        "email", fake.config().agentEmail(), "apiToken", Secret.of(fake.config().apiToken()),
        "webhookSecret", Secret.of(SECRET)));
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20), store,
        new EngineSettings(4, Duration.ofSeconds(5), Duration.ofMillis(50), 5, Duration.ofDays(1)), Path.of("demo-kb"),
        null, null, Settings.of("bot", Map.of()), List.of(new DeskbridgeConfig.InstallationConfig("acme", "zendesk", Mode.AUTO,
            new Routing(groups().get("General"), groups(), "deskbridge_handover"), retry(), 100_000, settings)));
    var deskbridge = Deskbridge.start(config, KnowledgeLoader.loadFromClasspath(getClass().getClassLoader(), "demo-kb"),
        BotConfig.defaults(), Connectors.discover(), Clock.systemUTC());
    fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme"), SECRET);
    return deskbridge;
  }

  /** A YAML configuration for a connector process on {@code port}. */
  Path processConfig(String name, int port) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), fake.config().apiToken());
    Path secret = Files.writeString(dir.resolve("secret"), SECRET);
    String groups = groups().entrySet().stream().map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
    return Files.writeString(dir.resolve(name + ".yaml"), """
        server: {host: 127.0.0.1, port: %d}
        dataDirectory: data
        store: %s
        engine: {workers: 4, lease: 5s, poll: 100ms}
        knowledge: %s
        installations:
          - id: acme
            vendor: zendesk
            mode: auto
            requestsPerMinute: 100000
            retry: {maxAttempts: 4, initialDelay: 50ms, maxDelay: 1s, circuitOpenFor: 2s}
            routing: {defaultGroup: "%s", groups: %s}
            settings:
              url: %s
              email: %s
              apiToken: {file: %s}
              webhookSecret: {file: %s}
        """.formatted(port, storeYaml(), Path.of("src/main/resources/demo-kb").toAbsolutePath(),
        groups().get("General"), groups, fake.baseUrl(), fake.config().agentEmail(), token, secret));
  }

  static void assertClean(ChaosLoad.Tally tally, int tickets) {
    assertThat(tally.tickets()).isEqualTo(tickets);
    assertThat(tally.lost()).as("lost customer messages: %s", tally).isZero();
    assertThat(tally.duplicates()).as("duplicate replies: %s", tally).isZero();
    assertThat(tally.afterHandover()).as("replies after a handover: %s", tally).isZero();
  }

  @Test
  void everyWebhookDeliveredThreeTimesAndOutOfOrder() throws Exception {
    fake.chaos(new ZendeskFake.Chaos(3, Duration.ofMillis(300), Duration.ZERO));
    try (var deskbridge = inProcess()) {
      var load = new ChaosLoad(fake);
      load.run(40, 10, () -> {}, TIMEOUT);
      assertClean(load.tally(), 40);
    }
  }

  @Test
  void theVendorFailsThirtyPercentOfCallsAndSendsBurstsOf429() throws Exception {
    fake.failRandomly(0.3, 500, null);
    try (var deskbridge = inProcess()) {
      var load = new ChaosLoad(fake);
      load.run(40, 10, () -> fake.failNext(8, 429, 1), TIMEOUT);
      fake.failRandomly(0, 500, null);
      assertClean(load.tally(), 40);
    }
  }

  @Test
  void theConnectorProcessIsKilledMidLoadAndRestarted() throws Exception {
    fake.chaos(new ZendeskFake.Chaos(1, Duration.ZERO, Duration.ofSeconds(180)));
    int port = ConnectorProcess.freePort();
    Path config = processConfig("single", port);
    Path log = dir.resolve("single.log");
    var first = new ConnectorProcess(config, log, port).start();
    fake.registerEventWebhook(first.webhook("acme"), SECRET);
    var second = new ConnectorProcess(config, log, port);
    try {
      var load = new ChaosLoad(fake);
      load.run(40, 10, () -> {
        first.kill();
        second.start();
      }, TIMEOUT);
      assertClean(load.tally(), 40);
    } finally {
      first.close();
      second.close();
    }
  }
}
