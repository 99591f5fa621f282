package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks to a real endpoint: the envelope and {@code X-API-Key}, customers' and business messages, batches,
 * duplicates, and SunCo's retry policy on a stepped clock (retries after 5xx, 429 and timeouts; none after a
 * non-recoverable 4xx; given up after 5 attempts in 15 minutes).
 */
class SuncoFakeWebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Instant START = Instant.parse("2026-12-04T13:00:00Z");

  private final SteppedClock clock = new SteppedClock(START);

  @RegisterExtension
  final SuncoFakeExtension ext = new SuncoFakeExtension(SuncoFake.Config.defaults().withClock(clock)
      .withDeliveryTimeout(Duration.ofSeconds(10)));

  private final SuncoHook hook = new SuncoHook();

  @AfterEach
  void stop() {
    hook.close();
  }

  private SuncoFake fake() {
    return ext.fake();
  }

  private void settle() {
    assertThat(fake().awaitDeliveries(WAIT)).isTrue();
  }

  /** Waits until the next retry is scheduled on the clock, then steps to it. */
  private void stepToNextRetry() {
    await().atMost(WAIT).until(() -> clock.waiting() == 1);
    clock.advance(Duration.between(clock.instant(), clock.nextDue()));
  }

  @Test
  void customerAndBusinessMessagesArriveInSuncosEnvelopeWithTheSecretInXApiKey() {
    SuncoViews.Webhook w = fake().subscribe(hook.uri());
    SuncoFake.Started s = fake().customerStarts("Ann", null, "When do you open?");
    SuncoClient.basic(fake()).post("/conversations/" + s.conversationId() + "/messages",
        "{\"author\":{\"type\":\"business\",\"subtypes\":[\"AI\"]},"
            + "\"content\":{\"type\":\"text\",\"text\":\"At 9.\"}}");
    settle();

    assertThat(hook.requests()).hasSize(2).allSatisfy(r -> {
      assertThat(r.apiKey()).isEqualTo(w.secret());
      assertThat(r.contentType()).isEqualTo("application/json");
      assertThat(r.body().get("app").get("id").asText()).isEqualTo(fake().config().appId());
      assertThat(r.body().get("webhook").toString()).isEqualTo("{\"id\":\"" + w.id() + "\",\"version\":\"v2\"}");
      assertThat(r.events()).hasSize(1);
    });
    List<JsonNode> messages = hook.events("conversation:message");
    JsonNode user = messages.get(0);
    assertThat(user.get("id").asText()).matches("[0-9a-f]{24}");
    assertThat(user.get("createdAt").asText()).isEqualTo("2026-12-04T13:00:00.000Z");
    JsonNode author = user.get("payload").get("message").get("author");
    assertThat(author.get("type").asText()).isEqualTo("user");
    assertThat(author.get("userId").asText()).isEqualTo(s.userId());
    assertThat(author.get("user").get("id").asText()).isEqualTo(s.userId());
    assertThat(author.get("user").has("profile")).as("only with includeFullUser").isFalse();
    assertThat(user.get("payload").get("message").get("source").get("type").asText()).isEqualTo("web");
    assertThat(user.get("payload").get("conversation").get("activeSwitchboardIntegration").get("name").asText())
        .isEqualTo(SuncoFake.BOT);
    JsonNode business = messages.get(1).get("payload").get("message");
    assertThat(business.get("author").toString()).isEqualTo("{\"type\":\"business\",\"subtypes\":[\"AI\"]}");
    assertThat(business.get("content").get("text").asText()).isEqualTo("At 9.");
    assertThat(business.get("source").get("type").asText()).isEqualTo("api:conversations");
  }

  @Test
  void heldEventsGoOutAsOneBatchPerWebhookAcrossConversationsEachWithItsOwnId() {
    fake().subscribe(hook.uri());
    fake().holdDeliveries();
    String a = fake().customerStarts("Ann", null, "First").conversationId();
    String b = fake().customerStarts("Bob", null, "Second").conversationId();
    fake().customerSends(a, "Third");
    assertThat(fake().pendingDeliveries()).isZero();

    assertThat(fake().releaseDeliveries()).isEqualTo(1);
    settle();

    assertThat(hook.requests()).singleElement().satisfies(r -> {
      assertThat(r.events()).extracting(e -> e.get("payload").get("message").get("content").get("text").asText())
          .containsExactly("First", "Second", "Third");
      assertThat(r.events()).extracting(e -> e.get("payload").get("conversation").get("id").asText())
          .containsExactly(a, b, a);
      assertThat(r.events()).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
    });
    assertThat(fake().deliveries()).singleElement().satisfies(d -> assertThat(d.conversation()).isEmpty());
  }

  @Test
  void duplicatesAndRedeliveriesKeepTheEventId() {
    fake().subscribe(hook.uri());
    fake().duplicateNextDelivery(1);
    String conv = fake().customerStarts("Ann", null, "Hello").conversationId();
    settle();
    String id = hook.events("conversation:message").get(0).get("id").asText();
    assertThat(fake().eventIds(conv)).as("conversation:create, then the message").hasSize(2).endsWith(id);
    fake().redeliver(id);
    settle();

    assertThat(hook.events("conversation:message")).extracting(e -> e.get("id").asText())
        .containsExactly(id, id, id);
    assertThat(fake().deliveries()).extracting(DeliveryAttempt::invocationId).doesNotHaveDuplicates();
  }

  @Test
  void a5xxIsRetriedFiveTimesInAllOverFifteenMinutesThenGivenUp() {
    hook.answer(503, 500, 502, 503, 504);
    fake().subscribe(hook.uri());
    fake().customerStarts("Ann", null, "Hello");

    await().atMost(WAIT).until(() -> hook.requests().size() == 1);
    for (int i = 2; i <= 5; i++) {
      stepToNextRetry();
      int n = i;
      await().atMost(WAIT).until(() -> hook.requests().size() == n);
    }
    settle();

    assertThat(fake().deliveries()).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3, 4, 5);
    assertThat(fake().deliveries()).extracting(d -> Duration.between(START, d.sentAt()).toMinutes())
        .containsExactly(0L, 1L, 3L, 7L, 15L);
    assertThat(fake().deliveries()).noneMatch(DeliveryAttempt::acknowledged);
    assertThat(clock.waiting()).as("no sixth attempt is scheduled").isZero();
    assertThat(hook.events()).extracting(e -> e.get("id").asText()).containsOnly(hook.events().get(0).get("id")
        .asText());
  }

  @Test
  void nonRecoverable4xxAreNotRetriedButA429Is() {
    hook.answer(400, 404, 429);
    fake().subscribe(hook.uri());
    fake().customerStarts("Ann", null, "One");
    await().atMost(WAIT).until(() -> hook.requests().size() == 1);
    String conv = fake().conversations().get(0).id();
    fake().customerSends(conv, "Two");
    await().atMost(WAIT).until(() -> hook.requests().size() == 2);
    fake().customerSends(conv, "Three");
    stepToNextRetry();
    settle();

    assertThat(fake().deliveries()).extracting(d -> d.statusCode() + "#" + d.attempt())
        .containsExactly("400#1", "404#1", "429#1", "200#2");
    assertThat(clock.waiting()).isZero();
  }

  @Test
  void anAttemptThatTimesOutIsRetried() {
    try (SuncoFake slow = SuncoFake.start(SuncoFake.Config.defaults().withClock(clock)
        .withDeliveryTimeout(Duration.ofMillis(300)))) {
      hook.answer(SuncoHook.HANG);
      slow.subscribe(hook.uri());
      slow.customerStarts("Ann", null, "Hello");
      stepToNextRetry();
      assertThat(slow.awaitDeliveries(WAIT)).isTrue();

      assertThat(slow.deliveries()).extracting(d -> d.statusCode() + "#" + d.attempt())
          .containsExactly("-1#1", "200#2");
    }
  }

  @Test
  void theAgentWorkspacesMessagesAndTheCustomersDuringAHandoverStillReachTheBotOnStandby() {
    fake().subscribe(hook.uri(), SuncoFake.DEFAULT_TRIGGERS, true);
    String conv = fake().customerStarts("Ann", "ann@example.com", "Person please").conversationId();
    SuncoClient.basic(fake()).post("/conversations/" + conv + "/passControl",
        "{\"switchboardIntegration\":\"zd:agentWorkspace\"}");
    fake().agentReplies(conv, "Alice", "Hi, Alice here.");
    fake().customerSends(conv, "Thanks");
    settle();

    List<JsonNode> messages = hook.events("conversation:message");
    assertThat(messages).extracting(e -> e.get("payload").get("message").get("author").get("type").asText())
        .containsExactly("user", "business", "user");
    assertThat(messages.get(1).get("payload").get("message").get("author").get("subtypes").get(0).asText())
        .isEqualTo("agent");
    assertThat(messages.subList(1, 3)).allSatisfy(e -> assertThat(e.get("payload").get("conversation")
        .get("activeSwitchboardIntegration").get("name").asText()).isEqualTo(SuncoFake.AGENT_WORKSPACE));
    assertThat(messages.get(0).get("payload").get("message").get("author").get("user").get("profile").get("email")
        .asText()).isEqualTo("ann@example.com");
  }

  @Test
  void withoutStandbyEventsTheBotHearsNothingWhileTheAgentWorkspaceHasControl() {
    try (SuncoFake quiet = SuncoFake.start(SuncoFake.Config.defaults().withClock(clock)
        .withBotStandbyEvents(false))) {
      quiet.subscribe(hook.uri());
      String conv = quiet.customerStarts("Ann", null, "Person please").conversationId();
      SuncoClient.basic(quiet).post("/conversations/" + conv + "/passControl",
          "{\"switchboardIntegration\":\"next\"}");
      quiet.agentReplies(conv, "Alice", "Alice here.");
      quiet.customerSends(conv, "Thanks");
      quiet.agentClosesTicket(conv);
      quiet.customerSends(conv, "Back to the bot");
      assertThat(quiet.awaitDeliveries(WAIT)).isTrue();

      assertThat(hook.events("conversation:message"))
          .extracting(e -> e.get("payload").get("message").get("content").get("text").asText())
          .containsExactly("Person please", "Back to the bot");
      assertThat(hook.events()).extracting(e -> e.get("type").asText()).contains("switchboard:passControl",
          "switchboard:releaseControl");
    }
  }

  @Test
  void anUnreachableConnectorIsRetriedBeyondFiveAttemptsOnlyWhenAskedAndRoutesCanMove() throws Exception {
    java.net.URI dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      dead = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort() + "/webhooks/chat");
    }
    fake().redeliverWhileUnreachable(Duration.ofHours(1));
    fake().subscribe(dead);
    fake().customerStarts("Ann", null, "Hello");
    await().atMost(WAIT).until(() -> fake().deliveries().size() == 1);
    for (int i = 2; i <= 6; i++) {
      stepToNextRetry();
      int n = i;
      await().atMost(WAIT).until(() -> fake().deliveries().size() == n);
    }
    fake().routeDeliveriesTo(List.of(hook.uri()));
    stepToNextRetry();
    settle();

    assertThat(fake().deliveries()).extracting(d -> d.statusCode() + "#" + d.attempt()).containsExactly(
        "-1#1", "-1#2", "-1#3", "-1#4", "-1#5", "-1#6", "200#7");
    assertThat(hook.events("conversation:message")).hasSize(1);
  }

  @Test
  void theRetryScheduleCompressesForTestsOnTheSystemClock() {
    try (SuncoFake fast = SuncoFake.start(SuncoFake.Config.defaults().withRetryUnit(Duration.ofMillis(20)))) {
      hook.answer(503, 503, 503, 503, 503);
      fast.subscribe(hook.uri());
      fast.customerStarts("Ann", null, "Hello");
      assertThat(fast.awaitDeliveries(WAIT)).isTrue();
      assertThat(fast.deliveries()).extracting(DeliveryAttempt::statusCode).containsExactly(503, 503, 503, 503, 503);
      assertThat(fast.unmatchedRequests()).isEmpty();
    }
  }
}
