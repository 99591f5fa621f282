package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control endpoints over HTTP through their Java client, as another process (the demo) uses them. */
class SuncoFakeControlIT {
  @RegisterExtension
  static final SuncoFakeExtension EXT = new SuncoFakeExtension();

  private final SuncoHook hook = new SuncoHook();

  @AfterEach
  void stop() {
    hook.close();
  }

  private static SuncoFake fake() {
    return EXT.fake();
  }

  @Test
  void aCustomerAnAgentAndTheReadBackThroughControl() {
    SuncoFakeControl control = fake().control();
    String secret = control.subscribe(hook.uri());
    SuncoFake.Started s = control.customerStarts("Ann", "ann@example.com", "Refund please");
    SuncoClient.basic(fake()).post("/conversations/" + s.conversationId() + "/passControl",
        "{\"switchboardIntegration\":\"next\",\"metadata\":{\"group\":\"billing\"}}");
    control.agentReplies(s.conversationId(), "Bob", "Done.");
    control.customerSends(s.conversationId(), "Thanks");
    control.agentClosesTicket(s.conversationId());
    assertThat(fake().awaitDeliveries(java.time.Duration.ofSeconds(20))).isTrue();

    JsonNode c = control.conversation(s.conversationId());
    assertThat(c.get("active").isNull()).isTrue();
    assertThat(c.get("counts").toString())
        .isEqualTo("{\"user\":2,\"business\":1,\"api_replies\":0,\"api_replies_out_of_turn\":0,\"agent\":1}");
    assertThat(c.get("control_history")).extracting(h -> h.get("action").asText())
        .containsExactly("passControl", "releaseControl");
    assertThat(c.get("control_history").get(0).get("metadata").get("group").asText()).isEqualTo("billing");
    assertThat(c.get("control_history").get(1).get("reason").asText()).isEqualTo("ticketClosed");
    assertThat(hook.requests()).allSatisfy(r -> assertThat(r.apiKey()).isEqualTo(secret));
    assertThat(control.account().get("key_id").asText()).isEqualTo(fake().config().keyId());
    assertThat(control.apiCalls()).isEqualTo(1);
  }

  @Test
  void badInputUnknownConversationsAndAgentsWithoutControlAreRefused() {
    SuncoFakeControl control = fake().control();
    String conv = control.customerStarts("Ann", null, null).conversationId();
    assertThatThrownBy(() -> control.customerSends("aaaaaaaaaaaaaaaaaaaaaaaa", "x"))
        .hasMessageContaining(": 404 ");
    assertThatThrownBy(() -> control.customerSends(conv, " ")).hasMessageContaining(": 400 ");
    assertThatThrownBy(() -> control.agentClosesTicket(conv)).hasMessageContaining(": 409 ")
        .hasMessageContaining("not in control");
    assertThatThrownBy(() -> control.agentReleases(conv, "lunch")).hasMessageContaining(": 400 ");
    assertThatThrownBy(() -> control.failNext(1, 200, null)).hasMessageContaining("4xx or 5xx");
    assertThat(fake().unmatchedRequests()).isEmpty();
  }
}
