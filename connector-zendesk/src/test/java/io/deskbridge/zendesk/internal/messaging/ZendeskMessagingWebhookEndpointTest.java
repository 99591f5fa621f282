package io.deskbridge.zendesk.internal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskMessagingWebhookEndpointTest {
  private static final String BOT = "{\"id\":\"si-bot\",\"name\":\"deskbridge\",\"integrationId\":\"int-bot\","
      + "\"integrationType\":\"custom\"}";
  private static final String AGENTS = "{\"id\":\"si-aw\",\"name\":\"zd-agentWorkspace\",\"integrationId\":\"int-aw\","
      + "\"integrationType\":\"zd:agentWorkspace\"}";

  private final ZendeskMessagingWebhookEndpoint endpoint = endpoint(true);

  private static ZendeskMessagingWebhookEndpoint endpoint(boolean botIsDefault) {
    var bot = new ZendeskMessagingOwnership("si-bot", "deskbridge", "int-bot", botIsDefault);
    return new ZendeskMessagingWebhookEndpoint("chat", Secret.of("s3cret"), () -> bot);
  }

  private static WebhookRequest request(String body, Map<String, List<String>> headers) {
    return new WebhookRequest("POST", "/webhooks/chat", headers, body.getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-12-04T10:00:00Z"));
  }

  private static WebhookRequest request(String body) {
    return request(body, Map.of("X-API-Key", List.of("s3cret")));
  }

  private static String envelope(String... events) {
    return "{\"app\":{\"id\":\"a\"},\"webhook\":{\"id\":\"w\",\"version\":\"v2\"},\"events\":["
        + String.join(",", events) + "]}";
  }

  private static String message(String eventId, String conversation, String authorType, String active) {
    return "{\"id\":\"" + eventId + "\",\"type\":\"conversation:message\",\"createdAt\":\"2026-12-04T09:59:59Z\","
        + "\"payload\":{\"conversation\":{\"id\":\"" + conversation + "\",\"activeSwitchboardIntegration\":" + active
        + "},\"message\":{\"id\":\"m-" + eventId + "\",\"received\":\"2026-12-04T09:59:58Z\",\"author\":{\"type\":\""
        + authorType + "\",\"userId\":\"u1\"},\"content\":{\"type\":\"text\",\"text\":\"Hi " + eventId + "\"}}}}";
  }

  private static String switchboard(String eventId, String type, String active, String reason) {
    return "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"createdAt\":\"2026-12-04T09:59:59Z\","
        + "\"payload\":{\"conversation\":{\"id\":\"c1\"" + (active == null ? "" : ",\"activeSwitchboardIntegration\":"
        + active) + "}" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}}";
  }

  @Test
  void theApiKeyMustMatch() {
    endpoint.verify(request("{}"));
    assertThatThrownBy(() -> endpoint.verify(request("{}", Map.of("X-API-Key", List.of("s3cre7")))))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> endpoint.verify(request("{}", Map.of("X-API-Key", List.of("s3cret-and-more")))))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> endpoint.verify(request("{}", Map.of())))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.getMessage()).contains("missing"));
  }

  @Test
  void aBatchBecomesOneEventPerCustomerMessageWithSuncosEventIds() {
    var events = endpoint.decode(request(envelope(message("e1", "c1", "user", BOT), message("e2", "c2", "user", BOT),
        message("e3", "c1", "business", BOT))));

    assertThat(events).extracting(InboundEvent::id).containsExactly("e1", "e2");
    assertThat(events).extracting(InboundEvent::conversationId).containsExactly("c1", "c2");
    assertThat(events.get(0).kind()).isEqualTo(InboundEvent.Kind.MESSAGE_ADDED);
    assertThat(events.get(0).message()).hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("m-e1");
      assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
      assertThat(m.text()).isEqualTo("Hi e1");
      assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-12-04T09:59:58Z"));
    });
    assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-12-04T09:59:59Z"));
  }

  @Test
  void controlPassedToTheBotIsAReleaseAndToTheAgentsAnUpdateOwnedByPeople() {
    var back = endpoint.decode(request(envelope(switchboard("p1", "switchboard:passControl", BOT, "ticketClosed"))));
    var away = endpoint.decode(request(envelope(switchboard("p2", "switchboard:passControl", AGENTS, null))));

    assertThat(back).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT));
    assertThat(away).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
      assertThat(e.snapshot().orElseThrow().owner().isHuman()).isTrue();
      assertThat(e.snapshot().orElseThrow().owner().evidence()).contains("zd-agentWorkspace");
    });
  }

  @Test
  void aReleaseOfControlIsTheBotsOnlyWhenItsIntegrationIsTheDefault() {
    String release = envelope(switchboard("r1", "switchboard:releaseControl", null, null));

    assertThat(endpoint(true).decode(request(release))).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT));
    assertThat(endpoint(false).decode(request(release))).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED));
  }

  @Test
  void otherEventsDecodeToNothing() {
    assertThat(endpoint.decode(request(envelope(switchboard("o1", "switchboard:offerControl", BOT, null),
        "{\"id\":\"c\",\"type\":\"conversation:create\",\"payload\":{\"conversation\":{\"id\":\"c1\"}}}")))).isEmpty();
  }

  @Test
  void bodiesThatCanNeverBeStoredAre400() {
    for (String body : List.of("{\"events\":[{\"id\":", "{\"app\":{}}",
        envelope(message("", "c1", "user", BOT)), envelope(message("e1", "", "user", BOT)))) {
      assertThatThrownBy(() -> endpoint.decode(request(body))).as(body)
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  // ---------------------------------------------------------------- the Support webhook (messaging tickets)

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static ZendeskMessagingWebhookEndpoint withSupport() {
    var bot = new ZendeskMessagingOwnership("si-bot", "deskbridge", "int-bot", true);
    var verifier = new io.deskbridge.zendesk.internal.webhook.ZendeskWebhookVerifier(Secret.of("signing"),
        java.time.Duration.ofMinutes(5), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    return new ZendeskMessagingWebhookEndpoint("chat", Secret.of("s3cret"), () -> bot, java.util.Optional.of(verifier));
  }

  private static WebhookRequest signed(String body, String secret) throws Exception {
    String timestamp = NOW.minusSeconds(2).toString();
    var mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
    String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    return request(body, Map.of("x-zendesk-webhook-signature", List.of(signature),
        "x-zendesk-webhook-signature-timestamp", List.of(timestamp)));
  }

  private static String messagingTicketEvent(String id, String type, String conversation, String ticket) {
    return "{\"type\":\"" + type + "\",\"account_id\":123456,\"id\":\"" + id + "\","
        + "\"time\":\"2026-12-04T09:59:58.123456789Z\",\"zendesk_event_version\":\"2022-11-06\","
        + "\"subject\":\"zen:ticket:" + ticket + "\",\"detail\":{\"id\":\"" + ticket + "\"},"
        + "\"event\":{\"actor\":{\"id\":\"zd:answerBot\",\"name\":\"Answer Bot\",\"type\":\"system\"},"
        + (conversation == null ? "" : "\"conversation_id\":\"" + conversation + "\",")
        + "\"message\":{\"id\":\"msg-1\",\"body\":\"Hello\"}}}";
  }

  @Test
  void aSignedMessagingTicketEventLinksTheConversationToItsTicket() throws Exception {
    var endpoint = withSupport();
    var request = signed(messagingTicketEvent("01J-EV-1", ZendeskMessagingWebhookEndpoint.MESSAGING_TICKET_EVENT,
        "conv-1", "4711"), "signing");

    endpoint.verify(request);
    var events = endpoint.decode(request);

    assertThat(events).hasSize(1);
    var linked = events.get(0);
    assertThat(linked.kind()).isEqualTo(InboundEvent.Kind.LINKED);
    assertThat(linked.id()).isEqualTo("support:01J-EV-1");
    assertThat(linked.conversationId()).isEqualTo("conv-1");
    assertThat(linked.linkedRecord()).isEqualTo("4711");
    assertThat(linked.occurredAt()).isEqualTo(Instant.parse("2026-12-04T09:59:58.123456789Z"));
  }

  @Test
  void aSupportWebhookWithAWrongSignatureOrToAnInstallationWithoutSupportIsRefused() throws Exception {
    String body = messagingTicketEvent("e1", ZendeskMessagingWebhookEndpoint.MESSAGING_TICKET_EVENT, "conv-1", "4711");
    assertThatThrownBy(() -> withSupport().verify(signed(body, "other")))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("signature does not match")
        .extracting(e -> ((WebhookRejectedException) e).status()).isEqualTo(401);
    assertThatThrownBy(() -> endpoint.verify(signed(body, "signing")))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("support.webhookSecret")
        .extracting(e -> ((WebhookRejectedException) e).status()).isEqualTo(401);
  }

  @Test
  void otherSupportEventsAreNothingAndAMessagingTicketEventWithoutItsConversationIsRefused() throws Exception {
    var endpoint = withSupport();
    assertThat(endpoint.decode(signed(messagingTicketEvent("e2", "zen:event-type:ticket.comment_added", "conv-1",
        "4711"), "signing"))).isEmpty();
    assertThatThrownBy(() -> endpoint.decode(signed(messagingTicketEvent("e3",
        ZendeskMessagingWebhookEndpoint.MESSAGING_TICKET_EVENT, null, "4711"), "signing")))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("event.conversation_id")
        .extracting(e -> ((WebhookRejectedException) e).status()).isEqualTo(400);
  }
}
