package io.deskbridge.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.app.DemoVendor;
import io.deskbridge.app.ZendeskMessagingDemoVendor;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.sunco.SuncoFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14's chaos test on messaging (Zendesk messaging on the SunCo fake): SunCo's batched webhooks go wrong every
 * way at once while a connector process is killed (SIGKILL) in the middle of the conversations and restarted on the
 * same H2 file store. Every POST is sent twice (the same batch twice, out of order), events pile up into batches of
 * several conversations, and earlier events come again in later deliveries; the connector's chat debounce is on (the
 * default window). Counted from the fake's own state: no customer message lost, no public reply twice, no bot message
 * after a handover (also as SunCo sees it: no bot message while the agent workspace had control). One run of about a
 * minute, to keep within the suite's budget.
 */
class MessagingChaosIT {
  private static final int CONVERSATIONS = 24;

  @TempDir
  Path dir;
  private ZendeskMessagingDemoVendor vendor;

  @AfterEach
  void stopFake() {
    if (vendor != null) {
      vendor.close();
    }
  }

  @Test
  void duplicatedAndRepeatedBatchesAndAKilledConnectorLoseNothingAndRepeatNothing() throws Exception {
    vendor = (ZendeskMessagingDemoVendor) DemoVendor.Kind.zendeskMessaging.start(Duration.ofSeconds(5));
    SuncoFake fake = vendor.fake();
    vendor.duplicateAndReorder(2, Duration.ofMillis(300)); // every POST twice, each after up to 300 ms
    vendor.redeliverWhileUnreachable(Duration.ofSeconds(180)); // as a load balancer while the connector restarts
    int port = ConnectorProcess.freePort();
    Path config = ConnectorProcess.h2Config(dir, "messaging", port, vendor);
    Path log = dir.resolve("messaging.log");
    ConnectorProcess first = new ConnectorProcess(config, log, port).startOrExplain();
    vendor.deliverTo(List.of(first.webhook("acme")));
    var second = new ConnectorProcess(config, log, port);
    var chaos = Executors.newScheduledThreadPool(2);
    var redelivered = new AtomicInteger();
    try {
      // batches: events are held for 400 ms at a time, then sent as one POST, whatever conversations they are about
      chaos.scheduleWithFixedDelay(() -> {
        fake.releaseDeliveries();
        fake.holdDeliveries();
      }, 0, 400, TimeUnit.MILLISECONDS);
      // events repeated across batches: an earlier event of a random conversation comes again in a later delivery
      var random = new Random(14);
      chaos.scheduleWithFixedDelay(() -> {
        var conversations = fake.conversations();
        if (!conversations.isEmpty()) {
          var ids = fake.eventIds(conversations.get(random.nextInt(conversations.size())).id());
          if (!ids.isEmpty()) {
            fake.redeliver(ids.get(random.nextInt(ids.size())));
            redelivered.incrementAndGet();
          }
        }
      }, 200, 250, TimeUnit.MILLISECONDS);
      var load = new ChaosLoad(vendor);
      load.run(CONVERSATIONS, 8, () -> {
        first.kill();
        second.startOrExplain();
      }, AbstractChaosIT.TIMEOUT);
      chaos.shutdownNow();
      chaos.awaitTermination(5, TimeUnit.SECONDS);
      fake.releaseDeliveries();

      AbstractChaosIT.assertClean(load.tally(), CONVERSATIONS, second);
      var conversations = fake.conversations();
      assertThat(conversations).hasSize(CONVERSATIONS);
      Map<String, Long> handovers = new HashMap<>();
      fake.handovers().forEach(h -> handovers.merge(h.conversationId(), 1L, Long::sum));
      assertThat(handovers).as("passControl per conversation").hasSize(CONVERSATIONS / 4).allSatisfy((c, n) ->
          assertThat(n).isEqualTo(1));
      // as SunCo sees it: the bot never wrote while the agent workspace had control (the handover's own line to the
      // customer goes before passControl)
      assertThat(conversations).as("bot messages while the agent workspace had control")
          .allSatisfy(c -> assertThat(c.apiRepliesOutOfTurn(SuncoFake.BOT)).isEmpty());
      assertThat(conversations).filteredOn(c -> handovers.containsKey(c.id()))
          .allSatisfy(c -> assertThat(c.active()).isEqualTo(SuncoFake.AGENT_WORKSPACE));
      assertChaosHappened(fake.deliveries(), redelivered.get());
    } finally {
      chaos.shutdownNow();
      first.close();
      second.close();
    }
  }

  /** The faults did happen: batches of several events, each POST sent twice, events again in later deliveries. */
  private static void assertChaosHappened(List<DeliveryAttempt> attempts, int redelivered) {
    Map<String, Set<Long>> sendsPerBatch = new HashMap<>();
    Map<String, Set<String>> batchesPerEvent = new HashMap<>();
    for (var a : attempts) {
      sendsPerBatch.computeIfAbsent(a.messageId(), k -> new HashSet<>()).add(a.invocationId());
      String batch = a.messageId().substring(0, a.messageId().indexOf(':'));
      for (String event : a.messageId().substring(a.messageId().indexOf(':') + 1).split(",")) {
        batchesPerEvent.computeIfAbsent(event, k -> new HashSet<>()).add(batch);
      }
    }
    assertThat(sendsPerBatch.keySet()).as("batches of several events").anyMatch(id -> id.contains(","));
    assertThat(sendsPerBatch.values()).as("the same batch delivered twice").anyMatch(sends -> sends.size() >= 2);
    assertThat(redelivered).isPositive();
    assertThat(batchesPerEvent.values()).as("events repeated across batches").anyMatch(batches -> batches.size() >= 2);
    assertThat(attempts).as("deliveries that found the connector killed").anyMatch(a -> !a.acknowledged());
  }
}
