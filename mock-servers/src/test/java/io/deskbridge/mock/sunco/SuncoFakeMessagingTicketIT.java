package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.mock.zendesk.DeliveryRecord;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SunCo fake's handover to the agent workspace opens a messaging ticket in the Zendesk fake (zendesk.md §9.7), which
 * sends {@code messaging_ticket.message_added} events pairing the conversation with the ticket (§1.7).
 */
class SuncoFakeMessagingTicketIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final SuncoFakeExtension ext = new SuncoFakeExtension(SuncoFake.Config.defaults());

  private final ZendeskFake zendesk = ZendeskFake.start();
  private final SuncoHook supportHook = new SuncoHook();

  @AfterEach
  void stop() {
    supportHook.close();
    zendesk.close();
  }

  @Test
  void passControlToTheAgentWorkspaceOpensATicketAndSendsOneMessagingEventPerTranscriptMessage() throws Exception {
    var sunco = ext.fake();
    zendesk.takeMessagingHandovers(sunco);
    zendesk.registerEventWebhookFor(supportHook.uri(), "signing-secret",
        List.of(ZendeskFake.MESSAGING_TICKET_MESSAGE_ADDED));
    String conv = sunco.customerStarts("Ann", "ann@example.com", "I want a refund").conversationId();
    String first = sunco.conversation(conv).orElseThrow().messages().get(0).id();
    sunco.customerSends(conv, "Order 123");
    long group = zendesk.groups().values().iterator().next();

    var r = SuncoClient.basic(sunco).post("/conversations/" + conv + "/passControl",
        "{\"switchboardIntegration\":\"zd:agentWorkspace\",\"metadata\":{\"first_message_id\":\"" + first + "\","
            + "\"dataCapture.systemField.group_id\":\"" + group + "\","
            + "\"dataCapture.systemField.tags\":\"deskbridge_handover,billing\"}}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(zendesk.awaitIdle(WAIT)).isTrue();

    long ticket = zendesk.messagingTicketOf(conv).orElseThrow();
    var view = zendesk.ticket(ticket).orElseThrow();
    assertThat(view.viaChannel()).isEqualTo("native_messaging");
    assertThat(view.groupId()).isEqualTo(group);
    assertThat(view.tags()).containsExactly("deskbridge_handover", "billing");
    assertThat(zendesk.comments(ticket)).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("I want a refund", "Order 123"));

    List<DeliveryRecord> deliveries = zendesk.deliveries();
    assertThat(deliveries).hasSize(2).allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(200));
    for (DeliveryRecord d : deliveries) {
      JsonNode event = JSON.readTree(d.body());
      assertThat(event.get("type").asText()).isEqualTo("zen:event-type:messaging_ticket.message_added");
      assertThat(event.get("detail").get("id").asText()).isEqualTo(String.valueOf(ticket));
      assertThat(event.get("detail").size()).as("detail carries only the id").isEqualTo(1);
      assertThat(event.get("event").get("conversation_id").asText()).isEqualTo(conv);
      assertThat(event.get("event").get("actor").get("type").asText()).isEqualTo("end_user");
    }
    assertThat(supportHook.requests()).hasSize(2);
    assertThat(zendesk.unmatchedRequests()).isEmpty();
  }

  @Test
  void withoutTheLinkAHandoverOpensNoTicket() {
    var sunco = ext.fake();
    String conv = sunco.customerStarts("Ann", "ann@example.com", "A person please").conversationId();
    SuncoClient.basic(sunco).post("/conversations/" + conv + "/passControl",
        "{\"switchboardIntegration\":\"zd:agentWorkspace\"}");

    assertThat(sunco.handovers()).hasSize(1);
    assertThat(zendesk.messagingTicketOf(conv)).isEmpty();
    assertThat(zendesk.tickets()).isEmpty();
  }
}
