package io.deskbridge.zendesk.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.zendesk.internal.mapping.ZendeskOwnership;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskWebhookEndpointTest {
  private static final Instant NOW = Instant.parse("2026-06-09T08:36:45Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ZendeskWebhookEndpoint endpoint =
      new ZendeskWebhookEndpoint("acme", Secret.of("my-secret"), Duration.ofMinutes(5), clock,
          new ZendeskOwnership("deskbridge_handover", () -> "424242"));
  private final ZendeskWebhookVerifier verifier = new ZendeskWebhookVerifier(Secret.of("my-secret"), Duration.ofMinutes(5), clock);

  private static final String COMMENT_ADDED = """
      {"type":"zen:event-type:ticket.comment_added","account_id":123456,
       "id":"d8551ba3-4243-433c-8629-aa79dc3e7182","time":"2026-06-09T08:36:44.304701605Z",
       "zendesk_event_version":"2022-11-06","subject":"zen:ticket:71447",
       "detail":{"id":"71447","status":"OPEN","priority":"NORMAL","type":"QUESTION","requester_id":"900001",
         "assignee_id":null,"group_id":"36000001","actor_id":"900001","tags":["vip"],
         "via":{"channel":"web_service"},"subject":"Cannot log in","is_public":true},
       "event":{"comment":{"id":"58789194475545","body":"Still failing","html_body":"<p>Still failing</p>",
         "is_public":true,"author":{"id":"900001","name":"Ann","is_staff":false}}}}""";

  private WebhookRequest request(String body, String timestamp, String signature) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest("POST", "/webhooks/acme", Map.of(
        "X-Zendesk-Webhook-Signature-Timestamp", List.of(timestamp),
        "X-Zendesk-Webhook-Signature", List.of(signature)), bytes, NOW);
  }

  private WebhookRequest signed(String body, String timestamp) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var sig = java.util.Base64.getEncoder().encodeToString(verifier.sign(timestamp, bytes));
    return request(body, timestamp, sig);
  }

  @Test
  void signsTimestampThenBodyAsZendeskDocuments() {
    // computed independently: printf '%s%s' "$ts" "$body" | openssl dgst -sha256 -hmac my-secret -binary | base64
    String ts = "2026-06-09T08:36:44Z";
    String body = "{\"say\": \"hello\"}";
    assertThat(java.util.Base64.getEncoder().encodeToString(verifier.sign(ts, body.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("oqqFtIPfs1b4HCCDyGIb3PuANjSP2JP8SJ4zFK/camo=");
  }

  @Test
  void acceptsACorrectSignatureAndDecodesACommentEvent() {
    var request = signed(COMMENT_ADDED, "2026-06-09T08:36:44Z");
    endpoint.verify(request);

    assertThat(endpoint.decode(request)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("d8551ba3-4243-433c-8629-aa79dc3e7182");
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.MESSAGE_ADDED);
      assertThat(e.conversationId()).isEqualTo("71447");
      assertThat(e.message()).hasValueSatisfying(m -> {
        assertThat(m.id()).isEqualTo("58789194475545");
        assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
        assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(m.text()).isEqualTo("Still failing");
      });
      assertThat(e.snapshot()).hasValueSatisfying(s -> {
        assertThat(s.groupId()).isEqualTo("36000001");
        assertThat(s.assigneeId()).isEmpty();
        assertThat(s.tags()).containsExactly("vip");
        assertThat(s.customer().id()).isEqualTo("900001");
      });
    });
  }

  @Test
  void aStaffCommentIsAnAgentsMessage() {
    String body = COMMENT_ADDED.replace("\"is_staff\":false", "\"is_staff\":true");
    assertThat(endpoint.decode(signed(body, "2026-06-09T08:36:44Z")))
        .singleElement().satisfies(e -> assertThat(e.message().orElseThrow().role()).isEqualTo(AuthorRole.AGENT));
  }

  @Test
  void refusesATamperedBody() {
    var good = signed(COMMENT_ADDED, "2026-06-09T08:36:44Z");
    var tampered = request(COMMENT_ADDED.replace("Still failing", "Refund me"), "2026-06-09T08:36:44Z",
        good.header("x-zendesk-webhook-signature").orElseThrow());
    assertThatThrownBy(() -> endpoint.verify(tampered)).isInstanceOfSatisfying(WebhookRejectedException.class,
        e -> assertThat(e.status()).isEqualTo(401)).hasMessageContaining("does not match");
  }

  @Test
  void refusesAStaleTimestampEvenWhenCorrectlySigned() {
    assertThatThrownBy(() -> endpoint.verify(signed(COMMENT_ADDED, "2026-06-09T08:30:00Z")))
        .hasMessageContaining("outside");
  }

  @Test
  void refusesMissingHeaders() {
    var request = new WebhookRequest("POST", "/webhooks/acme", Map.of(), new byte[0], NOW);
    assertThatThrownBy(() -> endpoint.verify(request)).hasMessageContaining("x-zendesk-webhook-signature");
  }

  @Test
  void decodesATicketCreatedEventWithItsDescriptionAsTheOpeningMessage() {
    String body = COMMENT_ADDED.replace("ticket.comment_added", "ticket.created")
        .replace("\"subject\":\"Cannot log in\"", "\"subject\":\"Cannot log in\",\"description\":\"Password reset fails\","
            + "\"submitter_id\":\"900001\"")
        .replaceAll("\"event\":\\{.*\\}\\}\\}$", "\"event\":{}}");
    assertThat(endpoint.decode(signed(body, "2026-06-09T08:36:44Z"))).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.CONVERSATION_CREATED);
      assertThat(e.message()).isEmpty();
      assertThat(e.opening()).hasValueSatisfying(m -> {
        assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
        assertThat(m.text()).isEqualTo("Password reset fails");
      });
    });
  }

  @Test
  void aTicketCreatedWithoutDescriptionHasNoMessage() {
    String body = COMMENT_ADDED.replace("ticket.comment_added", "ticket.created")
        .replaceAll("\"event\":\\{.*\\}\\}\\}$", "\"event\":{}}");
    assertThat(endpoint.decode(signed(body, "2026-06-09T08:36:44Z"))).singleElement()
        .satisfies(e -> {
          assertThat(e.message()).isEmpty();
          assertThat(e.opening()).isEmpty();
        });
  }

  private List<InboundEvent> change(String type, String event, String status, String tags, String assignee) {
    String body = COMMENT_ADDED.replace("ticket.comment_added", type)
        .replace("\"status\":\"OPEN\"", "\"status\":\"" + status + "\"")
        .replace("\"tags\":[\"vip\"]", "\"tags\":" + tags)
        .replace("\"assignee_id\":null", "\"assignee_id\":" + assignee)
        .replaceAll("(?s)\"event\":\\{.*\\}\\}\\}$", "\"event\":" + event + "}");
    return endpoint.decode(signed(body, "2026-06-09T08:36:44Z"));
  }

  @Test
  void theHandoverTagRemovedIsAReleaseToTheBot() {
    assertThat(change("ticket.tags_changed", "{\"previous\":[\"vip\",\"deskbridge_handover\"],\"current\":[\"vip\"]}",
        "OPEN", "[\"vip\"]", "\"900777\"")).singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT);
          assertThat(e.id()).isEqualTo("d8551ba3-4243-433c-8629-aa79dc3e7182");
          assertThat(e.snapshot().orElseThrow().owner()).isEqualTo(Owner.human("assignee 900777"));
        });
    assertThat(change("ticket.tags_changed", "{\"previous\":\"vip\",\"current\":\"vip deskbridge_handover\"}",
        "OPEN", "[\"vip\",\"deskbridge_handover\"]", "null")).as("the tag added is no event").isEmpty();
    assertThat(change("ticket.tags_changed", "{\"previous\":[\"vip\"],\"current\":[]}", "OPEN", "[]", "null"))
        .isEmpty();
  }

  @Test
  void theApprovalTagAddedApprovesTheDraftUnderItsOwnId() {
    assertThat(change("ticket.tags_changed", "{\"previous\":[\"vip\"],\"current\":[\"vip\",\"deskbridge_approve\"]}",
        "OPEN", "[\"vip\",\"deskbridge_approve\"]", "null")).singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.DRAFT_APPROVED);
          assertThat(e.id()).isEqualTo("d8551ba3-4243-433c-8629-aa79dc3e7182:approved");
          assertThat(e.conversationId()).isEqualTo("71447");
        });
    assertThat(change("ticket.tags_changed",
        "{\"previous\":[\"deskbridge_handover\"],\"current\":[\"deskbridge_approve\"]}", "OPEN",
        "[\"deskbridge_approve\"]", "null")).as("one change: a release and an approval, two ids")
        .extracting(InboundEvent::kind)
        .containsExactly(InboundEvent.Kind.RELEASED_TO_BOT, InboundEvent.Kind.DRAFT_APPROVED);
    assertThat(change("ticket.tags_changed", "{\"previous\":[\"deskbridge_approve\"],\"current\":[\"deskbridge_approve\",\"vip\"]}",
        "OPEN", "[\"deskbridge_approve\",\"vip\"]", "null")).as("already there: no approval").isEmpty();
  }

  @Test
  void statusChangesAreSolvedAndReopened() {
    assertThat(change("ticket.status_changed", "{\"previous\":\"OPEN\",\"current\":\"SOLVED\"}", "SOLVED", "[]",
        "null")).extracting(InboundEvent::kind).containsExactly(InboundEvent.Kind.SOLVED);
    assertThat(change("ticket.status_changed", "{\"previous\":\"SOLVED\",\"current\":\"CLOSED\"}", "CLOSED", "[]",
        "null")).isEmpty();
    assertThat(change("ticket.status_changed", "{\"previous\":\"SOLVED\",\"current\":\"OPEN\"}", "OPEN", "[]",
        "null")).extracting(InboundEvent::kind).containsExactly(InboundEvent.Kind.REOPENED);
    assertThat(change("ticket.status_changed", "{\"previous\":\"NEW\",\"current\":\"OPEN\"}", "OPEN", "[]", "null"))
        .isEmpty();
  }

  @Test
  void anAssignmentChangeIsAnUpdateCarryingTheNewOwner() {
    assertThat(change("ticket.agent_assignment_changed", "{\"previous\":null,\"current\":\"555\"}", "OPEN", "[]",
        "\"555\"")).singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
          assertThat(e.snapshot().orElseThrow().owner().isHuman()).as("an agent other than the bot").isTrue();
        });
  }

  @Test
  void aSnapshotReportsWhoOwnsTheTicket() {
    assertThat(change("ticket.comment_added", "{\"comment\":{\"id\":\"1\",\"body\":\"x\"}}", "OPEN",
        "[\"deskbridge_handover\"]", "null")).singleElement()
        .satisfies(e -> assertThat(e.snapshot().orElseThrow().owner()).isEqualTo(Owner.human("tag deskbridge_handover")));
    assertThat(change("ticket.comment_added", "{\"comment\":{\"id\":\"1\",\"body\":\"x\"}}", "OPEN", "[]",
        "\"424242\"")).singleElement()
        .satisfies(e -> assertThat(e.snapshot().orElseThrow().owner()).as("the bot assigned").isEqualTo(Owner.BOT));
  }

  @Test
  void decodesATriggerBodyKeyedByTicketAndComment() {
    var request = signed("{\"ticket_id\":\"35436\",\"comment_id\":\"991\",\"updater_id\":\"900001\"}", "2026-06-09T08:36:44Z");
    assertThat(endpoint.decode(request)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("trigger:35436:991");
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
      assertThat(e.conversationId()).isEqualTo("35436");
    });
  }

  @Test
  void ignoresOtherEventTypes() {
    String body = COMMENT_ADDED.replace("ticket.comment_added", "ticket.priority_changed");
    assertThat(endpoint.decode(signed(body, "2026-06-09T08:36:44Z"))).isEmpty();
  }

  @Test
  void refusesMalformedBodiesWith400() {
    for (String body : List.of("{\"type\":", "[]", "{\"hello\":1}", "{\"ticket_id\":\"abc\"}",
        "{\"type\":\"zen:event-type:ticket.comment_added\",\"id\":\"x\",\"detail\":{}}")) {
      assertThatThrownBy(() -> endpoint.decode(signed(body, "2026-06-09T08:36:44Z")))
          .as(body).isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  private void assertRefused(String body, String reason) {
    assertThatThrownBy(() -> endpoint.decode(signed(body, "2026-06-09T08:36:44Z")))
        .as(body).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo(reason);
        });
  }

  @Test
  void anEventWebhookNeedsANumericTicketIdLikeATriggerWebhook() {
    for (String id : List.of("71447\\r\\nFORGED 00:00 INFO fake", "abc", "-1", " 71447", "1".repeat(20), "7\\u0000")) {
      assertRefused(COMMENT_ADDED.replace("\"detail\":{\"id\":\"71447\"", "\"detail\":{\"id\":\"" + id + "\""),
          "detail.id must be a Zendesk ticket number (1 to 19 digits)");
    }
    assertRefused("{\"ticket_id\":\"12\\n34\",\"comment_id\":\"5\"}", "ticket_id must be a Zendesk ticket number (1 to 19 digits)");
  }

  @Test
  void eventIdsTheStoreCannotHoldAre400NotA503() {
    String id = "\"id\":\"d8551ba3-4243-433c-8629-aa79dc3e7182\"";
    assertRefused(COMMENT_ADDED.replace(id, "\"id\":\"" + "e".repeat(513) + "\""), "event id is longer than 512 characters");
    assertRefused(COMMENT_ADDED.replace(id, "\"id\":\"   \""), "event id must not be blank");
    assertRefused(COMMENT_ADDED.replace(id, "\"id\":\"a\\u0000b\""), "event id contains a control character");
    assertRefused("{\"ticket_id\":\"12\",\"comment_id\":\"" + "9".repeat(600) + "\"}", "event id is longer than 512 characters");
    assertThat(endpoint.decode(signed(COMMENT_ADDED.replace(id, "\"id\":\"" + "e".repeat(512) + "\""), "2026-06-09T08:36:44Z")))
        .singleElement().satisfies(e -> assertThat(e.id()).hasSize(512));
  }
}
