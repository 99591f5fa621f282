package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agent availability on the Daktela web-chat fake: with REST API access, a handover reads the realtime sessions; when
 * nobody is online the customer is told the first colleague available replies and the summary in the chat says so
 * for the agent (the kit checks the same, the summary being one of the bot's public messages); someone online, a
 * failing read or a refused token leave the handover as it is without the check; without access the connector does
 * not ask.
 */
class DaktelaChatAvailabilityIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaChatFixture();
  }

  private DaktelaChatFake fake() {
    return ((DaktelaChatFixture) fixture).fake;
  }

  private DaktelaChatFake.Chat chat(String id) {
    return fake().chat(id).orElseThrow();
  }

  /** The handover's two answers (summary, then the customer's message) before the transfer, nothing refused. */
  private DaktelaChatFake.Chat handedOverAndQueued() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    var chat = chat(id);
    assertThat(chat.replies()).as("the summary, then the message to the customer").hasSize(2);
    assertThat(chat.replies().get(0).text()).startsWith("Summary for the colleague who takes over:");
    assertThat(chat.state()).as("queued with the people, never dropped").isEqualTo("QUEUE");
    assertThat(chat.refused()).isEmpty();
    assertThat(decisions(id, "handover")).singleElement();
    return chat;
  }

  @Test
  void withApiAccessTheConnectorDeclaresAgentAvailability() {
    try (var connector = ((DaktelaChatFixture) fixture).connector("t", Clock.systemUTC(), Map.of())) {
      assertThat(connector.capabilities().has(Capability.AGENT_AVAILABILITY)).isTrue();
    }
  }

  @Test
  void aHandoverWhileNobodyIsOnlineTellsTheCustomerAndTheSummarySaysSo() {
    fake().realtime().nobodyOnline();

    var chat = handedOverAndQueued();

    assertThat(chat.replies().get(0).text()).contains("No agent was online at the handover");
    assertThat(chat.replies().get(1).text()).contains("No colleague is online right now");
    assertThat(fake().realtime().requests()).as("the sessions were read").isPositive();
    assertThat(fake().unmatchedRequests()).isEmpty();
  }

  @Test
  void aHandoverWhileSomeoneIsOnlineSaysNothingAboutAvailability() {
    var chat = handedOverAndQueued();

    assertThat(fake().realtime().requests()).as("the sessions were read").isPositive();
    assertThat(chat.replies().get(0).text()).doesNotContain("No agent was online");
    assertThat(chat.replies().get(1).text()).doesNotContain("No colleague is online");
  }

  @Test
  void aFailingReadNeverHoldsUpTheHandover() {
    fake().realtime().nobodyOnline();
    fake().realtime().failNext(10, 503);

    var chat = handedOverAndQueued();

    assertThat(fake().realtime().requests()).isPositive();
    assertThat(chat.replies().get(1).text()).doesNotContain("No colleague is online");
  }

  @Test
  void aRefusedTokenNeverHoldsUpTheHandover() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("accessToken", io.deskbridge.core.config.Secret.of("not-the-fake-api-token"), "followUpCategory",
        DaktelaChatFixture.NO_SETTING)));
    fake().realtime().nobodyOnline();

    var chat = handedOverAndQueued();

    assertThat(fake().realtime().requests()).as("asked, refused with 401").isPositive();
    assertThat(chat.replies().get(1).text()).doesNotContain("No colleague is online");
  }

  @Test
  void withoutApiAccessTheConnectorNeitherDeclaresNorAsks() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("accessToken", DaktelaChatFixture.NO_SETTING, "followUpCategory", DaktelaChatFixture.NO_SETTING)));
    fake().realtime().nobodyOnline();
    try (var connector = fixture.connector("t", Clock.systemUTC())) {
      assertThat(connector.capabilities().has(Capability.AGENT_AVAILABILITY)).isFalse();
    }

    var chat = handedOverAndQueued();

    assertThat(fake().realtime().requests()).isZero();
    assertThat(chat.replies().get(1).text()).doesNotContain("No colleague is online");
  }

  @Test
  void theQueryCarriesTheTokenWithAuthInQuery() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("authIn", "query")));
    fake().realtime().nobodyOnline();

    var chat = handedOverAndQueued();

    assertThat(chat.replies().get(1).text()).contains("No colleague is online right now");
  }
}
