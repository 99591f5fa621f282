package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's changes in the agent UI (status, assignment, tags) and their change events; the n-th write fault. */
class ZendeskFakeAgentChangesIT {
  private static final String SECRET = "agent-changes-secret";
  private static final Duration IDLE = Duration.ofSeconds(10);

  @Test
  void agentChangesReachWebhooksSubscribedToTheirEventsOnly() throws IOException {
    try (ZendeskFake fake = ZendeskFake.start(ZendeskFakeConfig.defaults()
            .withDelivery(Duration.ofMillis(500), 2, Duration.ofMillis(50)));
        var subscribed = new WebhookReceiver(); var plain = new WebhookReceiver()) {
      fake.registerEventWebhook(subscribed.uri(), SECRET, List.of(ZendeskFake.TICKET_STATUS_CHANGED,
          ZendeskFake.TICKET_AGENT_ASSIGNMENT_CHANGED, ZendeskFake.TICKET_TAGS_CHANGED));
      fake.registerEventWebhook(plain.uri(), SECRET);
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help", List.of("vip", "handover"));
      long agent = fake.humanAgentId();

      fake.agentAssigns(id, agent, agent);
      fake.agentRemovesTags(id, agent, List.of("handover"));
      fake.agentSetsStatus(id, agent, "solved");
      assertThat(fake.awaitIdle(IDLE)).isTrue();

      var ticket = fake.ticket(id).orElseThrow();
      assertThat(ticket.assigneeId()).isEqualTo(agent);
      assertThat(ticket.tags()).containsExactly("vip");
      assertThat(ticket.status()).isEqualTo("solved");
      assertThat(plain.received()).as("created only").hasSize(1);
      List<JsonNode> events = subscribed.received().stream().map(WebhookReceiver.Received::json).toList();
      assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder(
          "zen:event-type:ticket.created", ZendeskFake.TICKET_AGENT_ASSIGNMENT_CHANGED,
          ZendeskFake.TICKET_TAGS_CHANGED, ZendeskFake.TICKET_STATUS_CHANGED);
      assertThat(subscribed.received()).allSatisfy(r -> assertThat(r.signedWith(SECRET)).isTrue());
      JsonNode status = events.stream().filter(e -> e.path("type").asText().equals(ZendeskFake.TICKET_STATUS_CHANGED))
          .findFirst().orElseThrow();
      assertThat(status.path("event").path("current").asText()).isEqualTo("SOLVED");
      assertThat(status.path("event").path("previous").asText()).isEqualTo("NEW");
      assertThat(status.path("detail").path("status").asText()).isEqualTo("SOLVED");
      assertThat(status.path("detail").path("actor_id").asText()).isEqualTo(String.valueOf(agent));
      JsonNode tags = events.stream().filter(e -> e.path("type").asText().equals(ZendeskFake.TICKET_TAGS_CHANGED))
          .findFirst().orElseThrow();
      assertThat(tags.path("event").path("previous")).extracting(JsonNode::asText).contains("handover");
      assertThat(tags.path("event").path("current")).extracting(JsonNode::asText).doesNotContain("handover");
    }
  }

  @Test
  void anAgentAddingATagSendsTagsChangedWithBothListsAndATagAlreadyThereSendsNothing() throws IOException {
    try (ZendeskFake fake = ZendeskFake.start(ZendeskFakeConfig.defaults()
            .withDelivery(Duration.ofMillis(500), 2, Duration.ofMillis(50)));
        var subscribed = new WebhookReceiver()) {
      fake.registerEventWebhook(subscribed.uri(), SECRET, List.of(ZendeskFake.TICKET_TAGS_CHANGED));
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help", List.of("vip"));
      long agent = fake.humanAgentId();

      fake.agentAddsTags(id, agent, List.of("deskbridge_approve"));
      fake.agentAddsTags(id, agent, List.of("vip", "deskbridge_approve"));
      assertThat(fake.awaitIdle(IDLE)).isTrue();

      assertThat(fake.ticket(id).orElseThrow().tags()).containsExactly("vip", "deskbridge_approve");
      assertThat(subscribed.received()).filteredOn(r -> !r.json().path("type").asText().endsWith("ticket.created"))
          .as("one change: the second added nothing").singleElement().satisfies(r -> {
        JsonNode event = r.json();
        assertThat(event.path("type").asText()).isEqualTo(ZendeskFake.TICKET_TAGS_CHANGED);
        assertThat(event.path("event").path("previous")).extracting(JsonNode::asText).containsExactly("vip");
        assertThat(event.path("event").path("current")).extracting(JsonNode::asText)
            .containsExactly("vip", "deskbridge_approve");
        assertThat(event.path("detail").path("actor_id").asText()).isEqualTo(String.valueOf(agent));
        assertThat(r.signedWith(SECRET)).isTrue();
      });
      assertThatThrownBy(() -> fake.agentAddsTags(id, fake.ticket(id).orElseThrow().requesterId(), List.of("x")))
          .as("only agents").isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void onlyAgentsChangeTicketsAndOnlyToKnownStatuses() {
    try (ZendeskFake fake = ZendeskFake.start()) {
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
      long customer = fake.ticket(id).orElseThrow().requesterId();

      assertThatThrownBy(() -> fake.agentSetsStatus(id, customer, "solved")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.agentSetsStatus(id, fake.humanAgentId(), "done"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(fake.ticket(id).orElseThrow().status()).isEqualTo("new");
    }
  }

  @Test
  void theNthWriteFailsOnceWhileReadsPass() {
    try (ZendeskFake fake = ZendeskFake.start()) {
      Api api = Api.bot(fake);
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
      String comment = "{\"ticket\":{\"comment\":{\"body\":\"hi\"}}}";
      fake.failNthWrite(2, 503, null);

      assertThat(api.put("/api/v2/tickets/" + id, comment).status()).isEqualTo(200);
      assertThat(api.get("/api/v2/tickets/" + id).status()).as("a read is not counted").isEqualTo(200);
      assertThat(api.put("/api/v2/tickets/" + id, comment).status()).isEqualTo(503);
      assertThat(api.put("/api/v2/tickets/" + id, comment).status()).isEqualTo(200);

      assertThat(fake.comments(id)).hasSize(3);
      assertThat(fake.injectedFailures()).isEqualTo(1);
    }
  }
}
