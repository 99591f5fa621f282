package io.deskbridge.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.app.DemoVendor;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.StoreConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chaos tests of issue #3, on every vendor (issue #11), each counting lost customer messages, duplicate replies
 * and replies after a handover from the vendor fake's own state. Subclasses choose the database.
 */
abstract class AbstractChaosIT {
  /** Generous: on a loaded 2-core machine a connector JVM restart alone can take tens of seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(240);

  @TempDir
  Path dir;
  DemoVendor vendor;

  /** The store in-process connectors use. */
  abstract StoreConfig store();

  /** The {@code store:} section of a connector process's YAML. */
  abstract String storeYaml();

  /**
   * Every ticket vendor the app drives (Daktela with webhooks; its polling variant has no deliveries to disturb); chat
   * vendors have their own chaos tests ({@link MessagingChaosIT}).
   */
  static Stream<DemoVendor.Kind> vendors() {
    return DemoVendor.Kind.vendors().stream();
  }

  /**
   * Every vendor, and Daktela polled, for the tests that stop connector processes: a restart must neither lose nor
   * repeat what the poller had read (its cursor is saved after the events are stored), and of two instances only the
   * poll lease's holder polls, the other taking over when it is killed.
   */
  static Stream<DemoVendor.Kind> vendorsAndPolled() {
    return DemoVendor.Kind.all(DemoVendor.Channel.TICKET).stream();
  }

  /** Starts the vendor's fake for this test; closed after it. */
  DemoVendor start(DemoVendor.Kind kind) {
    vendor = kind.start(Duration.ofSeconds(5));
    return vendor;
  }

  @AfterEach
  void stopFake() {
    if (vendor != null) {
      vendor.close();
    }
  }

  static RetryPolicy retry() {
    return new RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  Deskbridge inProcess() {
    return inProcess(store(), Clock.systemUTC());
  }

  Deskbridge inProcess(StoreConfig store) {
    return inProcess(store, Clock.systemUTC());
  }

  /** A connector in this JVM on {@code store} and {@code clock}, receiving the fake's webhooks. */
  Deskbridge inProcess(StoreConfig store, Clock clock) {
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20), store,
        new EngineSettings(4, Duration.ofSeconds(5), Duration.ofMillis(50), 5, Duration.ofDays(1)), Path.of("demo-kb"),
        null, null, Settings.of("bot", Map.of()), List.of(vendor.installation("acme", Mode.AUTO, retry(), 100_000)));
    var deskbridge = Deskbridge.start(config, KnowledgeLoader.loadFromClasspath(getClass().getClassLoader(), "demo-kb"),
        BotConfig.defaults(), Connectors.discover(), clock);
    vendor.deliverTo(List.of(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme")));
    return deskbridge;
  }

  /** A YAML configuration for a connector process on {@code port}. */
  Path processConfig(String name, int port) throws Exception {
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    return Files.writeString(dir.resolve(name + ".yaml"), """
        server: {host: 127.0.0.1, port: %d}
        dataDirectory: data
        store: %s
        engine: {workers: 4, lease: 5s, poll: 100ms}
        knowledge: %s
        installations:
          - id: acme
            mode: auto
            requestsPerMinute: 100000
            retry: {maxAttempts: 4, initialDelay: 50ms, maxDelay: 1s, circuitOpenFor: 2s}
        %s""".formatted(port, storeYaml(), Path.of("src/main/resources/demo-kb").toAbsolutePath(),
        vendor.installationYaml("    ", secrets)));
  }

  static void assertClean(ChaosLoad.Tally tally, int tickets) {
    assertClean(tally, tickets, "");
  }

  /** {@link #assertClean(ChaosLoad.Tally, int)}, with the output of the connector process in a failure's message. */
  static void assertClean(ChaosLoad.Tally tally, int tickets, ConnectorProcess process) {
    assertClean(tally, tickets, "\nconnector output:\n" + process.output());
  }

  private static void assertClean(ChaosLoad.Tally tally, int tickets, String output) {
    assertThat(tally.tickets()).isEqualTo(tickets);
    assertThat(tally.lost()).as("lost customer messages: %s%s", tally, output).isZero();
    assertThat(tally.duplicates()).as("duplicate replies: %s%s", tally, output).isZero();
    assertThat(tally.afterHandover()).as("replies after a handover: %s%s", tally, output).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void everyWebhookDeliveredThreeTimesAndOutOfOrder(DemoVendor.Kind kind) throws Exception {
    start(kind).duplicateAndReorder(3, Duration.ofMillis(300));
    try (var deskbridge = inProcess()) {
      var load = new ChaosLoad(vendor);
      load.run(40, 10, () -> {}, TIMEOUT);
      assertClean(load.tally(), 40);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void theVendorFailsThirtyPercentOfCallsAndHitsItsRateLimitInBursts(DemoVendor.Kind kind) throws Exception {
    start(kind).failRandomly(0.3);
    var clock = new OffsetClock();
    var timeLapse = Executors.newSingleThreadScheduledExecutor();
    try (var deskbridge = inProcess(store(), clock)) {
      if (!vendor.rateLimitPause().isZero()) {
        timeLapse.scheduleWithFixedDelay(new TimeLapse(vendor, clock), 1, 1, TimeUnit.SECONDS);
      }
      var load = new ChaosLoad(vendor);
      load.run(40, 10, () -> vendor.rateLimitBurst(8), TIMEOUT);
      vendor.clearFaults();
      assertClean(load.tally(), 40);
      assertThat(vendor.rateLimitAnswers()).as("rate-limit answers").isGreaterThanOrEqualTo(8);
    } finally {
      timeLapse.shutdownNow();
    }
  }

  /**
   * Where the connector holds back for minutes after a rate-limit answer (a daily allocation), moves its clock on by
   * that pause one tick after the last new rate-limit answer, so that the held-back work is due again without the test
   * waiting minutes.
   */
  private static final class TimeLapse implements Runnable {
    private final DemoVendor vendor;
    private final OffsetClock clock;
    private int seen;
    private boolean pending;

    TimeLapse(DemoVendor vendor, OffsetClock clock) {
      this.vendor = vendor;
      this.clock = clock;
    }

    @Override
    public void run() {
      int answers = vendor.rateLimitAnswers();
      if (answers > seen) {
        seen = answers;
        pending = true;
      } else if (pending) {
        clock.advance(vendor.rateLimitPause().plusSeconds(10));
        pending = false;
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsAndPolled")
  void theConnectorProcessIsKilledMidLoadAndRestarted(DemoVendor.Kind kind) throws Exception {
    start(kind).redeliverWhileUnreachable(Duration.ofSeconds(180));
    int port = ConnectorProcess.freePort();
    Path config = processConfig("single", port);
    Path log = dir.resolve("single.log");
    var first = new ConnectorProcess(config, log, port).start();
    vendor.deliverTo(List.of(first.webhook("acme")));
    var second = new ConnectorProcess(config, log, port);
    try {
      var load = new ChaosLoad(vendor);
      load.run(40, 10, () -> {
        first.kill();
        second.startOrExplain();
      }, TIMEOUT);
      assertClean(load.tally(), 40, second);
      afterKillAndRestart(second);
    } finally {
      first.close();
      second.close();
    }
  }

  /** Checks particular to the database after {@link #theConnectorProcessIsKilledMidLoadAndRestarted}; none here. */
  void afterKillAndRestart(ConnectorProcess second) {}
}
