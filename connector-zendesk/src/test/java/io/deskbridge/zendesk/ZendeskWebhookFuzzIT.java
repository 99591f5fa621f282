package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.mock.zendesk.ZendeskWebhookFuzzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed, malformed Zendesk webhooks against the real webhook server, store and engine: none gets
 * a 5xx, none that is refused leaves a row in the inbox, what no connector may accept is refused, and a real
 * ticket opened right after is answered. Seeded: {@code -Dfuzz.seed=N -Dfuzz.count=N} repeat or widen a run;
 * {@code bench fuzz} runs the same generator for larger counts.
 */
class ZendeskWebhookFuzzIT {
  private static final long SEED = Long.getLong("fuzz.seed", 20261203L);
  private static final int COUNT = Integer.getInteger("fuzz.count", 2000);

  private ZendeskFixture fixture;
  private ConnectorHarness harness;

  @BeforeEach
  void start() {
    fixture = new ZendeskFixture();
    harness = new ConnectorHarness(fixture, Mode.AUTO);
  }

  @AfterEach
  void stop() {
    harness.close();
    fixture.close();
  }

  private boolean answeredByTheBot(String ticketId) {
    return fixture.messages(ticketId).stream().anyMatch(m -> m.author().equals(FakeMessage.BOT) && m.isPublic());
  }

  @Test
  void signedMalformedBodiesGetNo5xxStoreNothingWhenRefusedAndARealTicketIsAnsweredAfter() {
    String ticket = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    await().atMost(Duration.ofSeconds(20)).until(() -> answeredByTheBot(ticket));
    fixture.awaitDeliveries(Duration.ofSeconds(20)); // the fake's own webhooks would change the inbox count
    harness.awaitIdle();
    var fuzzer = new ZendeskWebhookFuzzer(SEED, ticket);
    List<String> violations = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    int unchecked = 0;

    for (int i = 0; i < COUNT; i++) {
      var sample = fuzzer.next();
      byte[] body = sample.body();
      long before = harness.inboxEvents();
      int fakeDeliveries = fixture.fake.deliveries().size();
      boolean fakeQuiet = fixture.fake.pendingDeliveries() == 0;
      var response = harness.post(body, fixture.signedHeaders(body));
      int status = response.statusCode();
      // an accepted body may make the bot write, and the fake then sends its own webhook: count only when quiet
      fakeQuiet &= fixture.fake.pendingDeliveries() == 0 && fixture.fake.deliveries().size() == fakeDeliveries;
      unchecked += fakeQuiet ? 0 : 1;
      statuses.merge(sample.mutation() + " -> " + status, 1, Integer::sum);
      if (status >= 500) {
        violations.add("#" + i + " " + sample.mutation() + ": " + status + " " + response.body());
      } else if (sample.mustBeRefused() && status != 400) {
        violations.add("#" + i + " " + sample.mutation() + ": accepted with " + status);
      } else if (status >= 400 && fakeQuiet && harness.inboxEvents() != before) {
        violations.add("#" + i + " " + sample.mutation() + ": refused with " + status + " but stored");
      }
    }

    assertThat(violations).as("seed %d, answers %s", SEED, statuses).isEmpty();
    assertThat(unchecked).as("bodies whose inbox check was skipped while the fake delivered").isLessThan(COUNT / 20);
    assertThat(statuses.keySet()).as("the generator reaches refusals and acceptances")
        .anyMatch(k -> k.endsWith("-> 400")).anyMatch(k -> k.endsWith("-> 200"));
    String after = fixture.customerOpens("Login again", "How do I reset my password? I can't log in.");
    await().atMost(Duration.ofSeconds(5)).until(() -> answeredByTheBot(after));
  }
}
