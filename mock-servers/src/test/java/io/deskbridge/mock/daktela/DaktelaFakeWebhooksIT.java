package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.SteppedClock;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events-module webhooks to a real endpoint: rendering, secret, formats, which changes fire, retries, switches. */
class DaktelaFakeWebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T13:00:00Z"));

  @RegisterExtension
  final DaktelaFakeExtension ext = new DaktelaFakeExtension(DaktelaFake.Config.defaults().withClock(clock));

  private final Hook hook;

  DaktelaFakeWebhooksIT() throws Exception {
    hook = new Hook();
  }

  @AfterEach
  void stop() {
    hook.close();
  }

  private DaktelaFake fake() {
    return ext.fake();
  }

  private void settle() {
    assertThat(fake().awaitDeliveries(WAIT)).isTrue();
  }

  @Test
  void jsonTemplatesAreRenderedForEveryChangeWithTheSecretInItsHeader() {
    fake().subscribe(DaktelaFake.Webhook.of(hook.uri(), "s3cret", false));
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When are you open?");
    clock.advance(Duration.ofMinutes(1));
    fake().agentAssigns(n, "alice");
    new Http(fake()).post("/api/v6/activities.json", "{\"ticket\":" + n + ",\"type\":\"COMMENT\","
        + "\"title\":\"Note\",\"description\":\"from the bot\"}");
    String reply = fake().customerEmails(n, "Thanks \"so\" much");
    settle();

    String bot = fake().activities(n).get(1).name();
    assertThat(hook.bodies()).containsExactly(
        "{\"event\":\"ticket_create\",\"ticket\":\"" + n + "\"}",
        "{\"event\":\"ticket_update\",\"ticket\":\"" + n + "\",\"user\":\"alice\",\"stage\":\"OPEN\","
            + "\"edited\":\"2026-12-04 14:01:00\"}",
        "{\"event\":\"activity_create\",\"ticket\":\"" + n + "\",\"activity\":\"" + bot + "\",\"user\":\"deskbridge\"}",
        "{\"event\":\"activity_create\",\"ticket\":\"" + n + "\",\"activity\":\"" + reply + "\",\"user\":\"\"}");
    assertThat(hook.requests()).allSatisfy(r -> {
      assertThat(r.contentType()).isEqualTo("application/json");
      assertThat(r.secretHeader()).isEqualTo("s3cret");
      assertThat(r.query()).isNull();
    });
    assertThat(fake().deliveries()).allSatisfy(d -> {
      assertThat(d.conversation()).isEqualTo(n);
      assertThat(d.acknowledged()).isTrue();
    });
  }

  @Test
  void formBodiesAreUrlEncodedAndWithoutAHeaderTheSecretGoesInTheQuery() {
    fake().subscribe(new DaktelaFake.Webhook(hook.uri(), null, "a b&c", true, DaktelaFake.defaultTemplates(true)));
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    fake().agentCloses(n);
    settle();
    assertThat(hook.bodies()).containsExactly("event=ticket_create&ticket=" + n,
        "event=ticket_update&ticket=" + n + "&user=&stage=CLOSE&edited=2026-12-04+14%3A00%3A00");
    assertThat(hook.requests()).allSatisfy(r -> {
      assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
      assertThat(r.query()).isEqualTo("secret=a+b%26c");
      assertThat(r.secretHeader()).isNull();
    });
  }

  @Test
  void onlyEventsWithATemplateAreSentAndApiWritesFireToo() {
    fake().subscribe(new DaktelaFake.Webhook(hook.uri(), "X-Webhook-Secret", "s", false,
        Map.of("ticket_update", "{\"e\":\"{{event}}\",\"c\":\"{{ticket.category}}\",\"u\":\"{{ticket.user}}\"}")));
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Invoice", "Wrong");
    fake().agentComments(n, "bob", "checking");
    new Http(fake()).put("/api/v6/tickets/" + n + ".json", "{\"category\":\"categories_billing\",\"user\":null,"
        + "\"stage\":\"OPEN\",\"comment\":\"handover\"}");
    settle();
    assertThat(hook.bodies()).containsExactly("{\"e\":\"ticket_update\",\"c\":\"categories_billing\",\"u\":\"\"}");
  }

  @Test
  void aFailedDeliveryIsRetriedTwiceOneSecondApartThenGivenUp() {
    hook.answer(500, 503, 500, 500);
    fake().subscribe(DaktelaFake.Webhook.of(hook.uri(), "s", false));
    fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    for (int retry = 0; retry < 2; retry++) {
      await().atMost(WAIT).until(() -> clock.waiting() == 1);
      assertThat(clock.nextDue()).isEqualTo(clock.instant().plusSeconds(1));
      clock.advance(Duration.ofSeconds(1));
    }
    settle();
    assertThat(fake().deliveries()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::statusCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500), org.assertj.core.groups.Tuple.tuple(2, 503),
            org.assertj.core.groups.Tuple.tuple(3, 500));
    assertThat(clock.waiting()).as("no fourth attempt").isZero();
  }

  @Test
  void aRetryThatSucceedsIsAcknowledged() {
    hook.answer(502);
    fake().subscribe(DaktelaFake.Webhook.of(hook.uri(), "s", false));
    fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    await().atMost(WAIT).until(() -> clock.waiting() == 1);
    clock.advance(Duration.ofSeconds(1));
    settle();
    assertThat(fake().deliveries()).extracting(DeliveryAttempt::acknowledged).containsExactly(false, true);
    assertThat(hook.bodies()).hasSize(2).containsOnly("{\"event\":\"ticket_create\",\"ticket\":\"1001\"}");
  }

  @Test
  void duplicatesRedeliveriesChaosAndRoutingSendMoreCopies() throws Exception {
    fake().subscribe(DaktelaFake.Webhook.of(hook.uri(), "s", false));
    fake().duplicateNextDelivery(2);
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    settle();
    assertThat(hook.bodies()).hasSize(3).containsOnly("{\"event\":\"ticket_create\",\"ticket\":\"" + n + "\"}");

    fake().redeliverAll(n);
    settle();
    assertThat(hook.bodies()).hasSize(4);

    fake().chaos(2, Duration.ZERO);
    fake().agentCloses(n);
    settle();
    assertThat(hook.bodies()).hasSize(6);
    fake().chaos(1, Duration.ZERO);

    try (Hook other = new Hook()) {
      fake().routeDeliveriesTo(List.of(other.uri()));
      fake().agentAssigns(n, "bob");
      settle();
      assertThat(other.bodies()).singleElement().asString().contains("\"user\":\"bob\"");
      assertThat(hook.bodies()).hasSize(6);
    }
  }

  @Test
  void anUnreachableReceiverIsRetriedForTheWindowWhenAsked() throws Exception {
    URI dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/webhooks/acme");
    }
    fake().subscribe(DaktelaFake.Webhook.of(dead, "s", false));
    fake().redeliverWhileUnreachable(Duration.ofSeconds(5));
    fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    for (int retry = 0; retry < 5; retry++) {
      await().atMost(WAIT).until(() -> clock.waiting() == 1);
      clock.advance(Duration.ofSeconds(1));
    }
    settle();
    assertThat(fake().deliveries()).hasSize(6).allMatch(d -> d.statusCode() == -1);
  }
}
