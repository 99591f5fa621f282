package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.sunco.SuncoViews;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Zendesk messaging's own behaviour over real HTTP against the SunCo fake: the {@code X-API-Key} check, batched and
 * duplicated events, the chat debounce, the handover's {@code passControl} and its metadata, silence while people
 * have the switchboard, release, and the business's messages.
 */
class ZendeskMessagingIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }

  private SuncoFake fake() {
    return ((ZendeskMessagingFixture) fixture).fake;
  }

  private SuncoViews.Conversation conversation(String id) {
    return fake().conversation(id).orElseThrow();
  }

  @Test
  void aWrongOrMissingApiKeyIsRefusedWith401AndNothingIsStored() {
    String id = fake().customerStarts("Ann", "ann@example.com", null).conversationId();
    settle();
    long before = harness.inboxEvents();
    byte[] body = ZendeskMessagingFixture.body(id, "evt-forged", "msg-forged", "What are your opening hours?");

    var wrong = harness.post(body, Map.of("X-API-Key", "fake-sunco-webhook-secret-2", "Content-Type",
        "application/json"));
    var missing = harness.post(body, Map.of("Content-Type", "application/json"));

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(harness.inboxEvents()).isEqualTo(before);
    settle();
    assertThat(conversation(id).apiReplies()).isEmpty();
  }

  @Test
  void aBatchOfSeveralConversationsWithADuplicatedEventIsAnsweredOncePerConversation() {
    fake().holdDeliveries();
    var a = fake().customerStarts("Ann", "ann@example.com", "How long does delivery take?");
    var b = fake().customerStarts("Bob", "bob@example.com", "How do I reset my password? I can't log in.");
    fake().duplicateNextDelivery(1); // the batch is sent twice, as after a timeout
    assertThat(fake().releaseDeliveries()).isEqualTo(1);
    String aEvent = fake().eventIds(a.conversationId()).stream()
        .filter(e -> !e.isEmpty()).reduce((x, y) -> y).orElseThrow(); // the message event comes after the create
    // the same event twice in one body, besides the fake's own deliveries of it
    String event = ZendeskMessagingFixture.event(a.conversationId(), aEvent, a.messageId(),
        "How long does delivery take?", "user");
    var answer = harness.post(("{\"app\":{\"id\":\"x\"},\"webhook\":{\"id\":\"w\",\"version\":\"v2\"},\"events\":["
        + event + "," + event + "]}").getBytes(StandardCharsets.UTF_8),
        Map.of("X-API-Key", ZendeskMessagingFixture.WEBHOOK_SECRET, "Content-Type", "application/json"));
    assertThat(answer.statusCode()).isEqualTo(200);

    settleWhen(() -> !conversation(a.conversationId()).apiReplies().isEmpty()
        && !conversation(b.conversationId()).apiReplies().isEmpty());

    assertThat(fake().deliveries()).as("one body held both conversations").anySatisfy(d ->
        assertThat(d.conversation()).isEmpty());
    assertThat(conversation(a.conversationId()).apiReplies()).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("2 working days"));
    assertThat(conversation(b.conversationId()).apiReplies()).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(a.conversationId(), "reply")).hasSize(1);
  }

  @Test
  void threeQuickLinesGetOneAnswer() {
    String id = fake().customerStarts("Ann", "ann@example.com", "Hello").conversationId();
    fake().customerSends(id, "I can't log in to my account");
    fake().customerSends(id, "How do I reset my password?");

    settleWhen(() -> !conversation(id).apiReplies().isEmpty());

    assertThat(conversation(id).apiReplies()).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    var decided = harness.audit(id).stream().filter(r -> !r.decision().equals("ignore")).toList();
    assertThat(decided).singleElement().satisfies(r -> assertThat(r.input())
        .contains("Hello", "I can't log in to my account", "How do I reset my password?"));
  }

  @Test
  void theBotsRepliesAreBusinessMessagesWithTheAiSubtypeAndComeBackAsNothing() {
    String id = answered("Delivery", "How long does delivery take?");

    assertThat(conversation(id).apiReplies()).singleElement().satisfies(m -> {
      assertThat(m.authorType()).isEqualTo("business");
      assertThat(m.subtypes()).containsExactly("AI");
    });
    assertThat(fake().deliveries()).as("the fake delivered the bot's own message too")
        .anySatisfy(d -> assertThat(d.body()).contains("\"type\":\"business\""));
    // the bot's business message decodes to nothing: only the customer's line is stored
    assertThat(harness.inboxEvents()).isEqualTo(1);
  }

  @Test
  void businessMessagesFromAgentsAreIgnoredWithoutStoringAnything() {
    String id = answered("Delivery", "How long does delivery take?");
    long before = harness.inboxEvents();
    byte[] body = ("{\"app\":{\"id\":\"x\"},\"webhook\":{\"id\":\"w\",\"version\":\"v2\"},\"events\":["
        + ZendeskMessagingFixture.event(id, "evt-business", "msg-business", "Agent here", "business") + "]}")
        .getBytes(StandardCharsets.UTF_8);

    var answer = harness.post(body, Map.of("X-API-Key", ZendeskMessagingFixture.WEBHOOK_SECRET,
        "Content-Type", "application/json"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(harness.inboxEvents()).isEqualTo(before);
  }

  @Test
  void aHandoverPassesControlWithTheFirstMessageGroupTagsAndSummaryWithin4Kb() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    var conversation = conversation(id);
    assertThat(fake().handovers()).singleElement().satisfies(h -> {
      assertThat(h.conversationId()).isEqualTo(id);
      assertThat(h.firstMessageId()).isEqualTo(conversation.messages().get(0).id());
      assertThat(h.firstMessageFound()).isTrue();
      assertThat(h.transcript()).first().satisfies(m -> assertThat(m.text()).contains("#48213"));
      assertThat(h.fields()).containsEntry("dataCapture.systemField.group_id", fixture.routing().defaultGroup());
      assertThat(String.valueOf(h.fields().get("dataCapture.systemField.tags"))).contains("deskbridge_handover");
      assertThat(String.valueOf(h.metadata().get("deskbridge_summary"))).contains("48213");
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(h.metadata()).toString()
          .getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    });
    assertThat(conversation.active()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    // the customer's handover line went while the bot had control, so the agent's transcript shows it
    assertThat(conversation.apiRepliesOutOfTurn(SuncoFake.BOT)).isEmpty();
    assertThat(fake().handovers().get(0).transcript()).last().satisfies(m -> assertThat(m.isBusiness()).isTrue());
    assertThat(conversation.controlHistory()).filteredOn(c -> c.action().equals("passControl"))
        .singleElement().satisfies(c -> assertThat(c.by()).isEqualTo("api"));
  }

  @Test
  void noBotMessageAfterControlPassedToTheAgents() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    int botMessages = conversation(id).apiReplies().size();

    fixture.customerWrites(id, "Hello? How long does delivery take?");
    fixture.customerWrites(id, "How do I reset my password?");
    settle();

    assertThat(conversation(id).apiReplies()).hasSize(botMessages).hasSize(1); // the "a colleague will continue" line
    assertThat(conversation(id).apiRepliesOutOfTurn(SuncoFake.BOT)).isEmpty();
    assertThat(harness.audit(id)).anySatisfy(r -> assertThat(r.reasons()).contains("human_owns_conversation"));
  }

  @Test
  void aReleaseOfControlGivesTheChatBackToTheBotInANewEpisode() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    fake().agentReleases(id, null); // no integration active: the default one, the bot's, takes the next message
    settle();
    fixture.customerWrites(id, "How do I reset my password? I can't log in.");
    settleWhen(() -> conversation(id).apiReplies().size() == 2);

    assertThat(conversation(id).apiReplies()).last().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "reply")).singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
    assertThat(conversation(id).active()).isEqualTo(SuncoFake.BOT);
  }

  @Test
  void theTypingIndicatorIsShownBeforeTheReply() {
    String id = answered("Delivery", "How long does delivery take?");

    var conversation = conversation(id);
    assertThat(conversation.activities()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("typing:start");
      assertThat(a.authorType()).isEqualTo("business");
      assertThat(a.at()).isBeforeOrEqualTo(conversation.apiReplies().get(0).received());
    });
  }

  @Test
  void aRefusedTypingIndicatorDoesNotStopTheReply() {
    fake().injectFault(io.deskbridge.mock.base.FaultRule.on("POST", "/sc/v2/apps/[^/]+/conversations/[^/]+/activity",
        new io.deskbridge.mock.base.Fault.Status(500, null)));

    String id = answered("Delivery", "How long does delivery take?");

    assertThat(conversation(id).activities()).isEmpty();
    assertThat(conversation(id).apiReplies()).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("2 working days"));
    assertThat(decisions(id, "reply")).hasSize(1);
    assertThat(fake().injectedFailures()).as("the indicator was refused, once").isEqualTo(1);
  }

  /** Without {@code settings.support} a long summary is cut to the metadata, as before, and nothing waits for a ticket. */
  @Test
  void withoutTheSupportApiALongSummaryIsCutAndNothingIsHeldForTheTicket() {
    String id = fixture.customerOpens("Invoices", ZendeskMessagingLongSummaryIT.LONG_REQUEST);
    settleWhen(() -> fixture.ownedByPeople(id) && !decisions(id, "handover").isEmpty());

    var handover = fake().handovers().get(0);
    String summary = String.valueOf(handover.metadata().get(ZendeskMessagingFixture.SUMMARY_KEY));
    assertThat(summary).startsWith("Deskbridge handover").endsWith("…");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(handover.metadata()).toString()
        .getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    var state = harness.store().state(new io.deskbridge.core.conversation.ConversationKey("zendesk-messaging",
        io.deskbridge.core.contract.ConnectorHarness.INSTALLATION, id)).orElseThrow();
    assertThat(state.followUps()).isEmpty();

    // a Support webhook is refused: this installation has no Support webhook secret
    long before = harness.inboxEvents();
    byte[] body = ("{\"type\":\"zen:event-type:messaging_ticket.message_added\",\"id\":\"e1\",\"detail\":"
        + "{\"id\":\"7\"},\"event\":{\"conversation_id\":\"" + id + "\"}}").getBytes(StandardCharsets.UTF_8);
    var answer = harness.post(body, Map.of("x-zendesk-webhook-signature", "c2lnbmF0dXJl",
        "x-zendesk-webhook-signature-timestamp", java.time.Instant.now().toString(), "Content-Type",
        "application/json"));
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(harness.inboxEvents()).isEqualTo(before);
  }
}
