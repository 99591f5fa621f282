package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom integrations, their webhooks and switchboard integrations through the API: made, listed, updated and
 * deleted; a webhook's secret only in the answer that makes it, and the one its deliveries carry; SunCo's error
 * envelope for what is not there or not allowed.
 */
class SuncoFakeIntegrationsIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final SuncoFakeExtension ext = new SuncoFakeExtension(SuncoFake.Config.defaults().withRetryUnit(Duration.ofMillis(50)));

  private final SuncoHook hook = new SuncoHook();

  @AfterEach
  void stop() {
    hook.close();
  }

  private SuncoClient api() {
    return SuncoClient.basic(ext.fake());
  }

  private String url(String path) {
    return ext.fake().apiUrl() + "/v2/apps/" + ext.fake().config().appId() + path;
  }

  @Test
  void aWebhookMadeThroughTheApiShowsItsSecretOnceDeliversWithItAndCanBeUpdatedAndDeleted() {
    var made = api().post("/integrations", "{\"type\":\"custom\",\"displayName\":\"Deskbridge acme\",\"webhooks\":[{"
        + "\"target\":\"" + hook.uri() + "\",\"triggers\":[\"conversation:message\"],\"includeFullUser\":true}]}");
    assertThat(made.status()).isEqualTo(201);
    JsonNode integration = made.json().path("integration");
    String id = integration.path("id").asText();
    assertThat(id).matches("[0-9a-f]{24}");
    assertThat(integration.path("type").asText()).isEqualTo("custom");
    JsonNode hookJson = integration.path("webhooks").get(0);
    String secret = hookJson.path("secret").asText();
    assertThat(secret).isNotBlank();
    assertThat(hookJson.path("includeFullUser").asBoolean()).isTrue();
    assertThat(hookJson.path("includeFullSource").asBoolean(true)).isFalse();
    String hookId = hookJson.path("id").asText();

    List<String> names = new ArrayList<>();
    api().get("/integrations").json().path("integrations").forEach(i -> names.add(i.path("displayName").asText()));
    assertThat(names).containsExactly(SuncoFake.BOT, "Deskbridge acme");
    JsonNode listed = api().get("/integrations/" + id + "/webhooks").json().path("webhooks");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).has("secret")).isFalse();
    assertThat(api().get("/integrations/" + id + "/webhooks/" + hookId).json().path("webhook").has("secret"))
        .isFalse();

    ext.fake().customerStarts("Ann", "ann@example.com", "Hello");
    assertThat(ext.fake().awaitDeliveries(WAIT)).isTrue();
    assertThat(hook.events("conversation:message")).hasSize(1);
    assertThat(hook.requests()).extracting(SuncoHook.Request::apiKey).containsOnly(secret);

    var patched = api().sendTo("PATCH", url("/integrations/" + id + "/webhooks/" + hookId),
        "{\"triggers\":[\"conversation:message\",\"switchboard:passControl\"],\"includeFullUser\":false}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().path("webhook").path("target").asText()).isEqualTo(hook.uri().toString());
    assertThat(patched.json().path("webhook").path("triggers")).hasSize(2);
    assertThat(patched.json().path("webhook").has("secret")).isFalse();
    assertThat(ext.fake().webhooks()).filteredOn(w -> w.id().equals(hookId)).singleElement()
        .satisfies(w -> assertThat(w.secret()).isEqualTo(secret));

    var second = api().post("/integrations/" + id + "/webhooks",
        "{\"target\":\"https://other.example/hook\",\"triggers\":[\"conversation:create\"]}");
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().path("webhook").path("secret").asText()).isNotBlank().isNotEqualTo(secret);

    assertThat(api().sendTo("DELETE", url("/integrations/" + id + "/webhooks/" + hookId), null).status())
        .isEqualTo(200);
    var gone = api().get("/integrations/" + id + "/webhooks/" + hookId);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("not_found");

    assertThat(api().sendTo("DELETE", url("/integrations/" + id), null).status()).isEqualTo(200);
    assertThat(ext.fake().webhooks()).noneMatch(w -> w.integrationId().equals(id));
    assertThat(api().get("/integrations/" + id).errorCode()).isEqualTo("not_found");
  }

  @Test
  void badWebhooksAreRefusedWithSunCosEnvelope() {
    var noTarget = api().post("/integrations", "{\"type\":\"custom\",\"displayName\":\"X\",\"webhooks\":[{"
        + "\"triggers\":[\"conversation:message\"]}]}");
    assertThat(noTarget.status()).isEqualTo(400);
    assertThat(noTarget.errorCode()).isEqualTo("bad_request");
    assertThat(api().post("/integrations", "{\"type\":\"custom\",\"displayName\":\"X\",\"webhooks\":[{"
        + "\"target\":\"https://a.example\",\"triggers\":[]}]}").status()).isEqualTo(400);
    assertThat(api().post("/integrations", "{\"type\":\"whatsapp\",\"displayName\":\"X\"}").status()).isEqualTo(400);
    for (int i = 0; i < 10; i++) {
      api().post("/integrations", "{\"type\":\"custom\",\"displayName\":\"I" + i + "\",\"webhooks\":[{"
          + "\"target\":\"https://a.example/" + i + "\",\"triggers\":[\"conversation:message\"]}]}");
    }
    assertThat(ext.fake().webhooks()).hasSize(10);
    assertThat(api().post("/integrations", "{\"type\":\"custom\",\"displayName\":\"Eleven\",\"webhooks\":[{"
        + "\"target\":\"https://a.example/11\",\"triggers\":[\"conversation:message\"]}]}").status()).isEqualTo(400);
  }

  @Test
  void switchboardIntegrationsAreUpdatedMadeTheDefaultAndDeleted() {
    String sb = ext.fake().switchboardId();
    String integration = api().post("/integrations", "{\"type\":\"custom\",\"displayName\":\"Other bot\"}").json()
        .path("integration").path("id").asText();
    JsonNode made = api().post("/switchboards/" + sb + "/switchboardIntegrations",
        "{\"name\":\"other-bot\",\"integrationId\":\"" + integration + "\"}").json().path("switchboardIntegration");
    String id = made.path("id").asText();
    assertThat(made.path("deliverStandbyEvents").asBoolean()).isTrue();
    String agents = agentWorkspaceId(sb);

    var patched = api().sendTo("PATCH", url("/switchboards/" + sb + "/switchboardIntegrations/" + id),
        "{\"deliverStandbyEvents\":false,\"nextSwitchboardIntegrationId\":\"" + agents + "\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().path("switchboardIntegration").path("deliverStandbyEvents").asBoolean()).isFalse();
    assertThat(patched.json().path("switchboardIntegration").path("nextSwitchboardIntegrationId").asText())
        .isEqualTo(agents);
    assertThat(api().sendTo("PATCH", url("/switchboards/" + sb + "/switchboardIntegrations/" + id),
        "{\"nextSwitchboardIntegrationId\":\"nope\"}").status()).isEqualTo(400);
    assertThat(api().sendTo("PATCH", url("/switchboards/" + sb + "/switchboardIntegrations/" + id),
        "{\"name\":\"" + SuncoFake.BOT + "\"}").status()).as("a taken name").isEqualTo(400);

    String botDefault = defaultId();
    var madeDefault = api().sendTo("PATCH", url("/switchboards/" + sb), "{\"defaultSwitchboardIntegrationId\":\""
        + id + "\"}");
    assertThat(madeDefault.status()).isEqualTo(200);
    assertThat(defaultId()).isEqualTo(id);
    String conv = ext.fake().customerStarts("Bo", null, "Hi").conversationId();
    assertThat(ext.fake().conversation(conv).orElseThrow().active()).isEqualTo("other-bot");
    assertThat(api().sendTo("DELETE", url("/switchboards/" + sb + "/switchboardIntegrations/" + id), null).status())
        .as("the default cannot be deleted").isEqualTo(400);
    assertThat(api().sendTo("PATCH", url("/switchboards/" + sb), "{\"defaultSwitchboardIntegrationId\":\"nope\"}")
        .errorCode()).isEqualTo("bad_request");
    api().sendTo("PATCH", url("/switchboards/" + sb), "{\"defaultSwitchboardIntegrationId\":\"" + botDefault + "\"}");

    assertThat(api().sendTo("DELETE", url("/switchboards/" + sb + "/switchboardIntegrations/" + id), null).status())
        .isEqualTo(200);
    var missing = api().sendTo("DELETE", url("/switchboards/" + sb + "/switchboardIntegrations/" + id), null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("not_found");
    String defaultId = defaultId();
    var refused = api().sendTo("DELETE", url("/switchboards/" + sb + "/switchboardIntegrations/" + defaultId), null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("bad_request");
    assertThat(api().get("/switchboards/" + sb + "/switchboardIntegrations").json().path("switchboardIntegrations"))
        .hasSize(2);
  }

  private String defaultId() {
    return api().get("/switchboards").json().path("switchboards").get(0).path("defaultSwitchboardIntegrationId")
        .asText();
  }

  private String agentWorkspaceId(String sb) {
    for (JsonNode s : api().get("/switchboards/" + sb + "/switchboardIntegrations").json()
        .path("switchboardIntegrations")) {
      if (s.path("integrationType").asText().equals(SuncoFake.AGENT_WORKSPACE_TYPE)) {
        return s.path("id").asText();
      }
    }
    throw new AssertionError("no agent workspace");
  }
}
