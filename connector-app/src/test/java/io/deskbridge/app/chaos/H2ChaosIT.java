package io.deskbridge.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.app.DemoVendor;
import io.deskbridge.app.ZendeskDemoVendor;
import io.deskbridge.core.store.FaultyFilePath;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.zendesk.DeliveryRecord;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The chaos tests on the default store: an H2 file database; and the faults particular to it, on Zendesk (they test
 * the process and the store, not the vendor).
 */
class H2ChaosIT extends AbstractChaosIT {
  @Override
  StoreConfig store() {
    return StoreConfig.h2File(dir.resolve("h2"));
  }

  @Override
  String storeYaml() {
    return "{directory: " + dir.resolve("h2") + "}";
  }

  /** The restarted connector rebuilt the H2 file that the killed one left open (docs/hardening.md). */
  @Override
  void afterKillAndRestart(ConnectorProcess second) {
    assertThat(second.output()).as("the connectors' output").containsOnlyOnce(REBUILT);
  }

  /** What the store logs when it rebuilds an H2 file its last process did not close. */
  private static final String REBUILT = "was not closed by the process that last used it; rebuilt it";

  /**
   * Issue #9, item 1: SIGTERM in the middle of a load stops the connector within 5 s with exit status 0 and no
   * stack trace (H2's own exit hook used to close the database under the engine); after a restart every
   * customer message is answered, once.
   */
  @Test
  void sigtermUnderLoadExitsWithZeroWithinFiveSecondsWithoutATraceAndLosesNothing() throws Exception {
    start(DemoVendor.Kind.zendesk).redeliverWhileUnreachable(Duration.ofSeconds(180));
    int port = ConnectorProcess.freePort();
    Path config = processConfig("sigterm", port);
    Path log = dir.resolve("sigterm.log");
    var first = new ConnectorProcess(config, log, port).start();
    vendor.deliverTo(List.of(first.webhook("acme")));
    var second = new ConnectorProcess(config, log, port);
    var exit = new AtomicReference<OptionalInt>();
    var took = new AtomicReference<Duration>();
    try {
      var load = new ChaosLoad(vendor);
      load.run(40, 10, () -> {
        long start = System.nanoTime();
        exit.set(first.terminate(Duration.ofSeconds(30)));
        took.set(Duration.ofNanos(System.nanoTime() - start));
        second.startOrExplain();
      }, TIMEOUT);
      System.out.println("SIGTERM under load: exit " + exit.get() + " after " + took.get().toMillis() + " ms");
      assertThat(exit.get()).as("exit status after SIGTERM").hasValue(0);
      assertThat(took.get()).as("from SIGTERM to exit").isLessThan(Duration.ofSeconds(5));
      assertThat(Files.readString(log)).as("the connectors' output").doesNotContain("Exception")
          .doesNotContainPattern("\\n\\s+at [a-z]").as("a stop by SIGTERM closes H2: no rebuild").doesNotContain(REBUILT);
      assertClean(load.tally(), 40, second);
    } finally {
      first.close();
      second.close();
    }
  }

  /**
   * Issue #9, item 17: while the disk takes no writes, webhooks get 503 and {@code /health} 503; once it takes
   * them again the connector works again within 30 s, without a restart, and nothing is lost.
   */
  @Test
  void aFullDiskGets503AndUnhealthyThenRecoversWithoutARestartAndLosesNothing() throws Exception {
    ZendeskFake fake = ((ZendeskDemoVendor) start(DemoVendor.Kind.zendesk)).fake();
    try (var deskbridge = inProcess(FaultyFilePath.store(dir.resolve("faulty")))) {
      var http = HttpClient.newHttpClient();
      var health = URI.create("http://127.0.0.1:" + deskbridge.port() + "/health");
      long before = fake.customerCreatesTicket("a@example.com", "Ann", "Login", "How can I reset my password? I can't log in.");
      await().atMost(Duration.ofSeconds(60)).until(() -> botReplies(before) == 1);

      long during;
      FaultyFilePath.diskFull();
      try {
        during = fake.customerCreatesTicket("b@example.com", "Bob", "Delivery", "How long does delivery take to Brno?");
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.deliveries().stream()
            .anyMatch(d -> d.ticketId() == during && d.statusCode() == 503));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(http, health) == 503);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> status(http, health) == 503);
      } finally {
        FaultyFilePath.diskFreed();
      }
      long freed = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).until(() -> status(http, health) == 200);
      long healthy = System.nanoTime();
      // what was refused with 503 is delivered again, as Zendesk does after a 503 with Retry-After
      fake.deliveries().stream().filter(d -> d.statusCode() == 503).map(DeliveryRecord::eventId).distinct()
          .forEach(fake::redeliver);
      long after = fake.customerCreatesTicket("c@example.com", "Cyd", "Payment", "Which payment methods do you accept?");
      await().atMost(Duration.ofSeconds(30)).until(() -> botReplies(during) == 1 && botReplies(after) == 1);
      System.out.println("disk freed: /health up after " + Duration.ofNanos(healthy - freed).toMillis()
          + " ms, new ticket answered after " + Duration.ofNanos(System.nanoTime() - freed).toMillis() + " ms");
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
          .until(() -> botReplies(before) + botReplies(during) + botReplies(after) == 3);
      try (var files = Files.list(dir.resolve("faulty"))) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
      }
    } finally {
      FaultyFilePath.diskFreed();
    }
  }

  private long botReplies(long ticket) {
    ZendeskFake fake = ((ZendeskDemoVendor) vendor).fake();
    return fake.comments(ticket).stream().filter(c -> c.authorId() == fake.botUserId() && c.isPublic()).count();
  }

  private static int status(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
