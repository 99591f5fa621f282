package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Outbound webhooks received by a real HTTP endpoint: envelopes, signatures, retries, switches. */
class ZendeskFakeWebhooksIT {
  private static final String SECRET = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=";
  private static final Duration IDLE = Duration.ofSeconds(10);

  @RegisterExtension
  static final ZendeskFakeExtension ZENDESK = new ZendeskFakeExtension(ZendeskFakeConfig.defaults()
      .withDelivery(Duration.ofMillis(500), 5, Duration.ofMillis(50)));

  private ZendeskFake fake;
  private WebhookReceiver receiver;
  private String webhookId;

  @BeforeEach
  void setUp() throws IOException {
    fake = ZENDESK.fake();
    receiver = new WebhookReceiver();
    webhookId = fake.registerEventWebhook(receiver.uri(), SECRET);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private List<WebhookReceiver.Received> deliveredWhenIdle() {
    assertThat(fake.awaitIdle(IDLE)).isTrue();
    return receiver.received();
  }

  @Test
  void ticketCreatedEnvelopeIsSignedAsDocumented() {
    Instant before = Instant.now().minusSeconds(1);
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Cannot log in", "Help me",
        List.of("vip"));

    WebhookReceiver.Received r = deliveredWhenIdle().get(0);
    assertThat(receiver.received()).as("no comment_added for the first comment").hasSize(1);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.signedWith(SECRET)).isTrue();
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("x-zendesk-account-id")).isEqualTo("123456");
    assertThat(r.header("x-zendesk-webhook-id")).isEqualTo(webhookId).hasSize(26);
    assertThat(r.header("x-zendesk-webhook-invocation-id")).matches("\\d+");
    String timestamp = r.header("x-zendesk-webhook-signature-timestamp");
    assertThat(timestamp).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Instant.parse(timestamp)).isAfter(before);

    JsonNode e = r.json();
    assertThat(e.path("type").asText()).isEqualTo("zen:event-type:ticket.created");
    assertThat(e.path("account_id").isInt()).isTrue();
    assertThat(e.path("account_id").asInt()).isEqualTo(123456);
    assertThat(UUID.fromString(e.path("id").asText())).isNotNull();
    assertThat(e.path("time").asText()).matches(".*T.*\\.\\d{9}Z");
    assertThat(e.path("zendesk_event_version").asText()).isEqualTo("2022-11-06");
    assertThat(e.path("subject").asText()).isEqualTo("zen:ticket:" + id);
    assertThat(e.path("event").isObject() && e.path("event").isEmpty()).isTrue();
    JsonNode d = e.path("detail");
    assertThat(d.path("id").isTextual()).isTrue();
    assertThat(d.path("id").asText()).isEqualTo(String.valueOf(id));
    assertThat(d.path("status").asText()).isEqualTo("NEW");
    assertThat(d.path("priority").isNull()).isTrue();
    assertThat(d.path("requester_id").isTextual()).isTrue();
    assertThat(d.path("actor_id").asText()).isEqualTo(d.path("requester_id").asText());
    assertThat(d.path("subject").asText()).isEqualTo("Cannot log in");
    assertThat(d.path("description").asText()).isEqualTo("Help me");
    assertThat(d.path("tags")).extracting(JsonNode::asText).containsExactly("vip");
    assertThat(d.path("via").path("channel").asText()).isEqualTo("web");
    assertThat(d.path("is_public").asBoolean()).isTrue();
    assertThat(d.has("assignee_id") && d.has("group_id")).isTrue();

    assertThat(fake.deliveries()).singleElement().satisfies(rec -> {
      assertThat(rec.eventId()).isEqualTo(e.path("id").asText());
      assertThat(rec.statusCode()).isEqualTo(200);
      assertThat(rec.attempt()).isEqualTo(1);
      assertThat(rec.body()).isEqualTo(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    });
  }

  @Test
  void commentsFireCommentAddedIncludingTheBotsOwnApiComments() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    fake.customerComments(id, "Still failing");
    Api.Res put = Api.bot(fake).put("/api/v2/tickets/" + id + ".json", """
        {"ticket":{"comment":{"body":"Try resetting","public":true},"priority":"low",
        "type":"question"}}""");
    long botCommentId = put.json().path("audit").path("events").get(0).path("id").asLong();

    List<WebhookReceiver.Received> all = deliveredWhenIdle();
    assertThat(all).extracting(r -> r.json().path("type").asText()).containsExactly(
        "zen:event-type:ticket.created", "zen:event-type:ticket.comment_added",
        "zen:event-type:ticket.comment_added");
    assertThat(all).allSatisfy(r -> assertThat(r.signedWith(SECRET)).isTrue());
    assertThat(all).extracting(r -> r.json().path("id").asText()).doesNotHaveDuplicates();

    JsonNode customer = all.get(1).json();
    assertThat(customer.path("event").path("comment").path("body").asText()).isEqualTo("Still failing");
    assertThat(customer.path("event").path("comment").path("is_public").asBoolean()).isTrue();
    assertThat(customer.path("event").path("comment").path("author").path("is_staff").asBoolean())
        .isFalse();
    assertThat(customer.path("detail").path("via").path("channel").asText()).isEqualTo("web");

    JsonNode bot = all.get(2).json();
    JsonNode comment = bot.path("event").path("comment");
    assertThat(comment.path("id").asText()).isEqualTo(String.valueOf(botCommentId));
    assertThat(comment.path("html_body").asText()).contains("Try resetting");
    assertThat(comment.path("author").path("id").asText()).isEqualTo(String.valueOf(fake.botUserId()));
    assertThat(comment.path("author").path("name").asText()).isEqualTo("Deskbridge Bot");
    assertThat(comment.path("author").path("is_staff").asBoolean()).isTrue();
    assertThat(bot.path("detail").path("via").path("channel").asText()).isEqualTo("web_service");
    assertThat(bot.path("detail").path("status").asText()).isEqualTo("OPEN");
    assertThat(bot.path("detail").path("priority").asText()).isEqualTo("LOW");
    assertThat(bot.path("detail").path("type").asText()).isEqualTo("QUESTION");
    assertThat(bot.path("detail").path("actor_id").asText()).isEqualTo(String.valueOf(fake.botUserId()));
  }

  @Test
  void eventsOfOneTicketArriveInProductionOrder() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    for (int i = 1; i <= 8; i++) {
      fake.customerComments(id, "comment " + i);
    }
    List<WebhookReceiver.Received> all = deliveredWhenIdle();
    assertThat(all.subList(1, all.size()))
        .extracting(r -> r.json().path("event").path("comment").path("body").asText())
        .containsExactly("comment 1", "comment 2", "comment 3", "comment 4", "comment 5",
            "comment 6", "comment 7", "comment 8");
  }

  @Test
  void retriesAfter503WithRetryAfterKeepingTheInvocation() {
    receiver.thenAnswer(503, "2");
    fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");

    List<WebhookReceiver.Received> all = deliveredWhenIdle();
    assertThat(all).hasSize(2);
    assertThat(all).extracting(r -> r.header("x-zendesk-webhook-invocation-id")).containsOnly(
        all.get(0).header("x-zendesk-webhook-invocation-id"));
    assertThat(fake.deliveries()).extracting(DeliveryRecord::attempt, DeliveryRecord::statusCode)
        .containsExactly(tuple(1, 503),
            tuple(2, 200));
  }

  @Test
  void retries409AtMostThreeTimes() {
    receiver.thenAnswer(409, null).thenAnswer(409, null).thenAnswer(409, null).thenAnswer(409, null);
    fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    assertThat(deliveredWhenIdle()).hasSize(4);
    assertThat(fake.deliveries()).extracting(DeliveryRecord::statusCode).containsOnly(409);

    receiver.thenAnswer(409, null);
    fake.customerCreatesTicket("bob@example.com", "Bob", "Refund", "Money back");
    assertThat(deliveredWhenIdle()).hasSize(6);
    assertThat(fake.deliveries()).last().extracting(DeliveryRecord::statusCode).isEqualTo(200);
  }

  @Test
  void doesNotRetry400Or503WithoutRetryAfterOr429WithLongRetryAfter() {
    receiver.thenAnswer(400, null).thenAnswer(503, null).thenAnswer(429, "120");
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    fake.customerComments(id, "one");
    fake.customerComments(id, "two");
    assertThat(deliveredWhenIdle()).hasSize(3);
    assertThat(fake.deliveries()).extracting(DeliveryRecord::statusCode).containsExactly(400, 503, 429);
  }

  @Test
  void retriesAfterATimeout() {
    receiver.thenHang(Duration.ofSeconds(2));
    fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    assertThat(fake.awaitIdle(IDLE)).isTrue();
    assertThat(fake.deliveries()).extracting(DeliveryRecord::attempt, DeliveryRecord::statusCode)
        .containsExactly(tuple(1, -1),
            tuple(2, 200));
  }

  @Test
  void duplicateDeliveryKeepsTheEventIdWithNewInvocationIds() {
    fake.duplicateNextDelivery(2);
    fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    List<WebhookReceiver.Received> all = deliveredWhenIdle();
    assertThat(all).hasSize(3);
    assertThat(all).extracting(r -> r.json().path("id").asText()).containsOnly(
        all.get(0).json().path("id").asText());
    assertThat(all).extracting(r -> r.header("x-zendesk-webhook-invocation-id"))
        .doesNotHaveDuplicates();
    assertThat(all).allSatisfy(r -> assertThat(r.signedWith(SECRET)).isTrue());

    fake.redeliver(all.get(0).json().path("id").asText());
    List<WebhookReceiver.Received> again = deliveredWhenIdle();
    assertThat(again).hasSize(4);
    assertThat(again.get(3).body()).isEqualTo(all.get(0).body());
  }

  @Test
  void testSwitchesAffectOnlyTheNextEvent() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    fake.deliverNextWithStaticTestSecret();
    fake.customerComments(id, "static");
    fake.corruptNextSignature();
    fake.customerComments(id, "corrupt");
    fake.skewNextTimestamp(Duration.ofMinutes(-10));
    fake.customerComments(id, "late");
    fake.customerComments(id, "normal");

    List<WebhookReceiver.Received> all = deliveredWhenIdle();
    assertThat(all).hasSize(5);
    assertThat(all.get(1).signedWith(ZendeskFake.STATIC_TEST_SECRET)).isTrue();
    assertThat(all.get(1).signedWith(SECRET)).isFalse();
    assertThat(all.get(2).signedWith(SECRET)).isFalse();
    assertThat(all.get(3).signedWith(SECRET)).isTrue();
    Instant late = Instant.parse(all.get(3).header("x-zendesk-webhook-signature-timestamp"));
    assertThat(Duration.between(late, Instant.now())).isGreaterThan(Duration.ofMinutes(9));
    assertThat(all.get(4).signedWith(SECRET)).isTrue();
  }

  @Test
  void triggerWebhookGetsTheRenderedBodyForPublicNonApiComments() throws IOException {
    try (WebhookReceiver triggers = new WebhookReceiver()) {
      String triggerId = fake.registerTriggerWebhook(triggers.uri(), "trigger-secret");
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help",
          List.of("vip", "en"));
      fake.agentComments(id, fake.humanAgentId(), "internal", false);
      Api.bot(fake).put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"bot\"}}}");
      fake.customerComments(id, "thanks");
      assertThat(fake.awaitIdle(IDLE)).isTrue();

      List<WebhookReceiver.Received> all = triggers.received();
      assertThat(all).hasSize(2).allSatisfy(r -> {
        assertThat(r.signedWith("trigger-secret")).isTrue();
        assertThat(r.header("x-zendesk-webhook-id")).isEqualTo(triggerId);
      });
      List<CommentView> comments = fake.comments(id);
      long requester = fake.ticket(id).orElseThrow().requesterId();
      assertThat(all.get(0).json()).isEqualTo(Api.JSON.readTree("""
          {"ticket_id":"%d","updater_id":"%d","comment_id":"%d","via":"Web Form","tags":"vip en"}"""
          .formatted(id, requester, comments.get(0).id())));
      assertThat(all.get(1).json().path("comment_id").asText())
          .isEqualTo(String.valueOf(comments.get(3).id()));
    }
  }

  @Test
  void restRegistryValidatesAndRevealsTheSigningSecret() throws IOException {
    Api api = Api.bot(fake);
    try (WebhookReceiver other = new WebhookReceiver()) {
      Api.Res created = api.post("/api/v2/webhooks", """
          {"webhook":{"name":"deskbridge","status":"active","endpoint":"%s","http_method":"POST",
          "request_format":"json","subscriptions":["zen:event-type:ticket.comment_added"],
          "authentication":{"type":"bearer_token","data":{"token":"inbound"},"add_position":"header"}}}"""
          .formatted(other.uri()));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().path("webhook").path("id").asText();
      assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
      assertThat(created.json().path("webhook").path("authentication").has("data")).isFalse();
      assertThat(api.get("/api/v2/webhooks/" + id).json().path("webhook").path("endpoint").asText())
          .isEqualTo(other.uri().toString());
      JsonNode secret = api.get("/api/v2/webhooks/" + id + "/signing_secret.json").json()
          .path("signing_secret");
      assertThat(secret.path("algorithm").asText()).isEqualTo("sha256");

      long ticket = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
      fake.customerComments(ticket, "hello");
      assertThat(fake.awaitIdle(IDLE)).isTrue();
      assertThat(other.received()).singleElement().satisfies(r -> {
        assertThat(r.json().path("type").asText()).isEqualTo("zen:event-type:ticket.comment_added");
        assertThat(r.signedWith(secret.path("secret").asText())).isTrue();
        assertThat(r.header("Authorization")).isEqualTo("Bearer inbound");
      });
    }
    Api.Res missing = api.post("/api/v2/webhooks", """
        {"webhook":{"name":"x","status":"active","http_method":"POST","request_format":"json",
        "subscriptions":["conditional_ticket_events"]}}""");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").get(0).path("source").path("pointer").asText())
        .isEqualTo("/webhook/endpoint");
    Api.Res eventAsGet = api.post("/api/v2/webhooks", """
        {"webhook":{"name":"x","status":"active","endpoint":"http://127.0.0.1:1/x","http_method":"GET",
        "request_format":"json","subscriptions":["zen:event-type:ticket.created"]}}""");
    assertThat(eventAsGet.status()).isEqualTo(400);
    assertThat(api.get("/api/v2/webhooks/01F1KRFQ6BG29CNWFR60NK5FNY").status()).isEqualTo(404);
  }

  @Test
  void pendingDeliveriesDrainWithoutSleeping() {
    receiver.thenAnswer(503, "1").thenAnswer(503, "1");
    fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    await().atMost(IDLE).until(() -> fake.pendingDeliveries() == 0);
    assertThat(receiver.received()).hasSize(3);
  }
}
