package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Switchboard state transitions through the API and the agent workspace, and the webhooks each one sends. */
class SuncoFakeSwitchboardIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T13:00:00Z"));

  @RegisterExtension
  final SuncoFakeExtension ext = new SuncoFakeExtension(SuncoFake.Config.defaults().withClock(clock));

  private final SuncoHook hook = new SuncoHook();

  @AfterEach
  void stop() {
    hook.close();
  }

  private SuncoFake fake() {
    return ext.fake();
  }

  private SuncoClient api() {
    return SuncoClient.basic(fake());
  }

  private void settle() {
    assertThat(fake().awaitDeliveries(WAIT)).isTrue();
  }

  private String started() {
    fake().subscribe(hook.uri());
    return fake().customerStarts("Ann", "ann@example.com", "I want a refund, let me talk to a person").conversationId();
  }

  @Test
  void passControlToTheAgentWorkspaceMakesItActiveSendsTheMetadataAndOpensATicketWithTheTranscript() {
    String conv = started();
    String first = fake().conversation(conv).orElseThrow().messages().get(0).id();
    fake().customerSends(conv, "Order 123");
    api().post("/conversations/" + conv + "/messages", "{\"author\":{\"type\":\"business\"},"
        + "\"content\":{\"type\":\"text\",\"text\":\"A colleague will continue.\"}}");
    List<SuncoViews.Handover> seen = new CopyOnWriteArrayList<>();
    fake().onHandover(seen::add);

    SuncoClient.Response r = api().post("/conversations/" + conv + "/passControl",
        "{\"switchboardIntegration\":\"zd:agentWorkspace\",\"metadata\":{\"first_message_id\":\"" + first + "\","
            + "\"dataCapture.systemField.group_id\":\"6510394394139\","
            + "\"dataCapture.systemField.tags\":\"ai_handed_off,billing\",\"summary\":\"Refund for order 123\"}}");
    settle();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
    JsonNode event = hook.events("switchboard:passControl").get(0);
    JsonNode payload = event.get("payload");
    assertThat(event.get("id").asText()).matches("[0-9a-f]{24}");
    assertThat(payload.get("conversation").get("id").asText()).isEqualTo(conv);
    assertThat(payload.get("conversation").get("activeSwitchboardIntegration").get("name").asText())
        .isEqualTo(SuncoFake.AGENT_WORKSPACE);
    assertThat(payload.get("metadata").get("first_message_id").asText()).isEqualTo(first);
    assertThat(payload.get("metadata").get("summary").asText()).isEqualTo("Refund for order 123");
    assertThat(payload.has("reason")).isFalse();

    SuncoViews.Conversation c = fake().conversation(conv).orElseThrow();
    assertThat(c.active()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    assertThat(c.controlHistory()).singleElement().satisfies(h -> {
      assertThat(h.action()).isEqualTo("passControl");
      assertThat(h.from()).isEqualTo(SuncoFake.BOT);
      assertThat(h.to()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
      assertThat(h.by()).isEqualTo("api");
      assertThat(h.metadata()).containsEntry("dataCapture.systemField.group_id", "6510394394139");
    });
    assertThat(seen).singleElement().satisfies(h -> {
      assertThat(h.ticketId()).isEqualTo(1);
      assertThat(h.firstMessageFound()).isTrue();
      assertThat(h.transcript()).extracting(SuncoViews.Message::text).containsExactly(
          "I want a refund, let me talk to a person", "Order 123", "A colleague will continue.");
      assertThat(h.fields()).containsOnlyKeys("dataCapture.systemField.group_id", "dataCapture.systemField.tags");
    });
    assertThat(fake().handovers()).isEqualTo(seen);
  }

  @Test
  void metadataOver4KbIsRefusedWithTheDocumentedErrorAndChangesNothing() {
    String conv = started();
    SuncoClient.Response r = api().post("/conversations/" + conv + "/passControl",
        "{\"switchboardIntegration\":\"next\",\"metadata\":{\"summary\":\"" + "x".repeat(4090) + "\"}}");
    SuncoClient.Response nested = api().post("/conversations/" + conv + "/passControl",
        "{\"switchboardIntegration\":\"next\",\"metadata\":{\"summary\":{\"text\":\"x\"}}}");
    settle();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo("{\"errors\":[{\"code\":\"bad_request\",\"title\":"
            + "\"Metadata is limited to 4096 bytes in size.\"}]}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(fake().conversation(conv).orElseThrow().active()).isEqualTo(SuncoFake.BOT);
    assertThat(fake().conversation(conv).orElseThrow().controlHistory()).isEmpty();
    assertThat(hook.events("switchboard:passControl")).isEmpty();
  }

  @Test
  void targetsResolveByIdNameTypeOrNextAndAnUnknownOneIsA400() {
    String conv = started();
    String path = "/conversations/" + conv + "/passControl";
    assertThat(api().post(path, "{\"switchboardIntegration\":\"nobody\"}").status()).isEqualTo(400);
    assertThat(api().post(path, "{}").status()).isEqualTo(400);
    assertThat(api().post("/conversations/aaaaaaaaaaaaaaaaaaaaaaaa/passControl",
        "{\"switchboardIntegration\":\"next\"}").errorCode()).isEqualTo("conversation_not_found");

    api().post(path, "{\"switchboardIntegration\":\"next\"}");
    assertThat(fake().conversation(conv).orElseThrow().active()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    api().post(path, "{\"switchboardIntegration\":\"" + SuncoFake.BOT + "\"}");
    assertThat(fake().conversation(conv).orElseThrow().active()).isEqualTo(SuncoFake.BOT);
    String agentsId = api().get("/switchboards/" + fake().switchboardId() + "/switchboardIntegrations").json()
        .get("switchboardIntegrations").get(1).get("id").asText();
    api().post(path, "{\"switchboardIntegration\":\"" + agentsId + "\"}");
    assertThat(fake().conversation(conv).orElseThrow().active()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    settle();
    assertThat(hook.events("switchboard:passControl")).hasSize(3);
  }

  @Test
  void passingToTheIntegrationAlreadyActiveChangesNothing() {
    String conv = started();
    api().post("/conversations/" + conv + "/passControl", "{\"switchboardIntegration\":\"" + SuncoFake.BOT + "\"}");
    settle();
    assertThat(fake().conversation(conv).orElseThrow().controlHistory()).isEmpty();
    assertThat(hook.events("switchboard:passControl")).isEmpty();
  }

  @Test
  void offerThenAcceptMovesControlThroughPendingWithAWebhookEach() {
    String conv = started();
    api().post("/conversations/" + conv + "/offerControl",
        "{\"switchboardIntegration\":\"next\",\"metadata\":{\"why\":\"billing\"}}");
    assertThat(fake().conversation(conv).orElseThrow().pending()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    assertThat(api().get("/conversations/" + conv).json().get("conversation").get("pendingSwitchboardIntegration")
        .get("name").asText()).isEqualTo(SuncoFake.AGENT_WORKSPACE);

    api().post("/conversations/" + conv + "/acceptControl", null);
    settle();

    SuncoViews.Conversation c = fake().conversation(conv).orElseThrow();
    assertThat(c.active()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    assertThat(c.pending()).isNull();
    assertThat(c.controlHistory()).extracting(SuncoViews.ControlChange::action)
        .containsExactly("offerControl", "acceptControl");
    JsonNode offer = hook.events("switchboard:offerControl").get(0).get("payload");
    assertThat(offer.get("conversation").get("activeSwitchboardIntegration").get("name").asText())
        .isEqualTo(SuncoFake.BOT);
    assertThat(offer.get("conversation").get("pendingSwitchboardIntegration").get("name").asText())
        .isEqualTo(SuncoFake.AGENT_WORKSPACE);
    assertThat(offer.get("metadata").get("why").asText()).isEqualTo("billing");
    assertThat(hook.events("switchboard:acceptControl").get(0).get("payload").get("conversation")
        .get("activeSwitchboardIntegration").get("name").asText()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    assertThat(fake().handovers()).hasSize(1);
  }

  @Test
  void offeringToTheActiveOneOrAcceptingWithoutAnOfferSendsTheFailureWebhooks() {
    String conv = started();
    assertThat(api().post("/conversations/" + conv + "/offerControl",
        "{\"switchboardIntegration\":\"" + SuncoFake.BOT + "\"}").status()).isEqualTo(200);
    assertThat(api().post("/conversations/" + conv + "/acceptControl", "{}").status()).isEqualTo(200);
    settle();

    assertThat(hook.events("switchboard:offerControl:failure").get(0).get("payload").get("error").get("code")
        .asText()).isEqualTo("switchboard_invalid_target");
    assertThat(hook.events("switchboard:acceptControl:failure").get(0).get("payload").get("error").toString())
        .isEqualTo("{\"code\":\"switchboard_invalid_action\","
            + "\"message\":\"There is no pendingSwitchboardIntegration\"}");
    assertThat(fake().conversation(conv).orElseThrow().active()).isEqualTo(SuncoFake.BOT);
  }

  @Test
  void releaseControlClearsTheStateAndItsWebhookHasNoActiveIntegration() {
    String conv = started();
    api().post("/conversations/" + conv + "/releaseControl", "{\"metadata\":{\"done\":true}}");
    settle();

    JsonNode payload = hook.events("switchboard:releaseControl").get(0).get("payload");
    assertThat(payload.get("conversation").has("activeSwitchboardIntegration")).isFalse();
    assertThat(payload.get("metadata").get("done").asBoolean()).isTrue();
    assertThat(fake().conversation(conv).orElseThrow().active()).isNull();
    assertThat(api().get("/conversations/" + conv).json().get("conversation").has("activeSwitchboardIntegration"))
        .isFalse();
  }

  @Test
  void theAgentClosingTheTicketReleasesWithTicketClosedAndTheNextCustomerMessageReturnsToTheBot() {
    String conv = started();
    api().post("/conversations/" + conv + "/passControl", "{\"switchboardIntegration\":\"zd:agentWorkspace\"}");
    fake().agentReplies(conv, "Alice", "Refund done.");
    fake().agentClosesTicket(conv);
    fake().customerSends(conv, "One more question");
    settle();

    JsonNode release = hook.events("switchboard:releaseControl").get(0).get("payload");
    assertThat(release.get("reason").asText()).isEqualTo("ticketClosed");
    SuncoViews.Conversation c = fake().conversation(conv).orElseThrow();
    assertThat(c.controlHistory()).extracting(h -> h.action() + " " + h.from() + "->" + h.to() + " by " + h.by()
        + (h.reason() == null ? "" : " " + h.reason())).containsExactly(
            "passControl deskbridge->zd-agentWorkspace by api",
            "releaseControl zd-agentWorkspace->null by zd:agentWorkspace ticketClosed",
            "default null->deskbridge by system");
    assertThat(c.active()).isEqualTo(SuncoFake.BOT);
    JsonNode last = hook.events("conversation:message").get(hook.events("conversation:message").size() - 1);
    assertThat(last.get("payload").get("conversation").get("activeSwitchboardIntegration").get("name").asText())
        .isEqualTo(SuncoFake.BOT);
    assertThat(c.messages().stream().filter(SuncoViews.Message::isAgent).map(SuncoViews.Message::text))
        .containsExactly("Refund done.");
    assertThat(c.apiRepliesOutOfTurn(SuncoFake.BOT)).isEmpty();
  }

  @Test
  void aBotReplyWhileTheAgentWorkspaceHasControlIsCountedAsOutOfTurn() {
    String conv = started();
    String path = "/conversations/" + conv + "/messages";
    String reply = "{\"author\":{\"type\":\"business\"},\"content\":{\"type\":\"text\",\"text\":\"%s\"}}";
    api().post(path, reply.formatted("in turn"));
    api().post("/conversations/" + conv + "/passControl", "{\"switchboardIntegration\":\"next\"}");
    api().post(path, reply.formatted("after the handover"));

    SuncoViews.Conversation c = fake().conversation(conv).orElseThrow();
    assertThat(c.apiReplies()).hasSize(2);
    assertThat(c.apiRepliesOutOfTurn(SuncoFake.BOT)).extracting(SuncoViews.Message::text)
        .containsExactly("after the handover");
    assertThat(c.apiRepliesOutOfTurn(SuncoFake.BOT).get(0).activeWhenReceived()).isEqualTo(SuncoFake.AGENT_WORKSPACE);
    settle();
  }

  @Test
  void theAgentWorkspaceCanPassBackWithAReasonButNotActWithoutControl() {
    String conv = started();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fake().agentClosesTicket(conv))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in control");
    api().post("/conversations/" + conv + "/passControl", "{\"switchboardIntegration\":\"next\"}");
    fake().agentPassesControl(conv, "next", "transferToEmail");
    settle();

    List<JsonNode> passes = hook.events("switchboard:passControl");
    assertThat(passes).hasSize(2);
    assertThat(passes.get(1).get("payload").get("reason").asText()).isEqualTo("transferToEmail");
    assertThat(passes.get(1).get("payload").get("conversation").get("activeSwitchboardIntegration").get("name")
        .asText()).isEqualTo(SuncoFake.BOT);
  }
}
