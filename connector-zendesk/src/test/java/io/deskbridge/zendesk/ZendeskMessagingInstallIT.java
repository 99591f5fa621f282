package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.InstallStep.Kind;
import io.deskbridge.core.spi.Installer;
import io.deskbridge.mock.sunco.SuncoFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install}, {@code check} and {@code uninstall} of a Zendesk messaging installation against the SunCo fake
 * over real HTTP: the custom integration with its webhook, the webhook's secret written to the file the configuration
 * reads (the secret the fake sends as {@code X-API-Key}), the switchboard integration handing over to the agent
 * workspace; a second install creates nothing; the check is clean; drift is reported and put right; a lost secret
 * file makes the webhook again; uninstall removes what install made and nothing else.
 */
class ZendeskMessagingInstallIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "Deskbridge acme";
  private static final String SB_NAME = "deskbridge-acme";
  private static final URI PUBLIC_URL = URI.create("https://deskbridge.acme.example");

  @TempDir
  Path dir;

  private SuncoFake fake;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Installer installer = new ZendeskMessagingConnectorFactory().installer().orElseThrow();
  private Path secretFile;

  @BeforeEach
  void start() {
    fake = SuncoFake.start();
    secretFile = dir.resolve("secrets/acme-sunco-webhook-secret");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Settings settings(String keySecret, String handoverTarget) {
    var values = new LinkedHashMap<String, Object>();
    values.put("url", fake.apiUrl());
    values.put("appId", fake.config().appId());
    values.put("keyId", fake.config().keyId());
    values.put("keySecret", Secret.of(keySecret));
    values.put("webhookSecret", Map.of("file", secretFile.toString()));
    values.put("botIntegrationId", SB_NAME);
    if (handoverTarget != null) {
      values.put("handoverTarget", handoverTarget);
    }
    values.put("requestTimeout", "5s");
    return Settings.of("installations[acme].settings", values);
  }

  private InstallContext context(boolean dryRun) {
    return context(settings(fake.config().keySecret(), null), dryRun);
  }

  private InstallContext context(Settings settings, boolean dryRun) {
    return new InstallContext("acme", settings, Optional.of(PUBLIC_URL), dir.resolve("install/acme"), null, dryRun,
        false, Clock.systemUTC());
  }

  @Test
  void installTwiceCheckCleanThenUninstallRemovesWhatInstallMade() throws Exception {
    String adminsOwn = api("POST", "integrations", "{\"type\":\"custom\",\"displayName\":\"Analytics\",\"webhooks\":"
        + "[{\"target\":\"https://analytics.example/hook\",\"triggers\":[\"conversation:message\"]}]}")
        .path("integration").path("id").asText();
    int integrationsBefore = integrations().size();
    int switchboardIntegrationsBefore = switchboardIntegrations().size();
    int webhooksBefore = fake.webhooks().size();
    String botDefault = defaultId();

    var dry = installer.install(context(true));
    assertThat(dry).extracting(InstallStep::kind).containsOnly(Kind.CREATED, Kind.UPDATED);
    assertThat(defaultId()).isEqualTo(botDefault);
    assertThat(integrations()).hasSize(integrationsBefore);
    assertThat(switchboardIntegrations()).hasSize(switchboardIntegrationsBefore);
    assertThat(secretFile).doesNotExist();

    var first = installer.install(context(false));
    assertThat(first).extracting(InstallStep::kind)
        .containsExactly(Kind.CREATED, Kind.CREATED, Kind.CREATED, Kind.UPDATED);
    assertThat(first.get(3).description()).contains("default", SB_NAME, "was '" + SuncoFake.BOT + "'");
    JsonNode ours = ours().orElseThrow();
    String integrationId = ours.path("id").asText();
    JsonNode hooks = api("GET", "integrations/" + integrationId + "/webhooks", null).path("webhooks");
    assertThat(hooks).hasSize(1);
    JsonNode hook = hooks.get(0);
    assertThat(hook.path("target").asText()).isEqualTo(PUBLIC_URL + "/webhooks/acme");
    assertThat(hook.has("secret")).as("a listed webhook shows no secret").isFalse();
    assertThat(texts(hook.path("triggers"))).containsExactlyInAnyOrderElementsOf(ZendeskMessagingInstaller.TRIGGERS);
    assertThat(hook.path("includeFullUser").asBoolean(true)).isFalse();
    assertThat(hook.path("includeFullSource").asBoolean(true)).isFalse();
    // the file holds the secret SunCo sends as X-API-Key
    String deliveredSecret = fake.webhooks().stream().filter(w -> w.integrationId().equals(integrationId))
        .findFirst().orElseThrow().secret();
    assertThat(Files.readString(secretFile).strip()).isEqualTo(deliveredSecret);
    assertThat(Secret.fromFile(secretFile).reveal()).isEqualTo(deliveredSecret);
    JsonNode sb = ourSwitchboardIntegration().orElseThrow();
    assertThat(defaultId()).isEqualTo(sb.path("id").asText());
    assertThat(sb.path("integrationId").asText()).isEqualTo(integrationId);
    assertThat(sb.path("deliverStandbyEvents").asBoolean()).isTrue();
    assertThat(sb.path("nextSwitchboardIntegrationId").asText()).isEqualTo(agentWorkspaceId());

    var second = installer.install(context(false));
    assertThat(second).extracting(InstallStep::kind).doesNotContain(Kind.CREATED, Kind.UPDATED);
    assertThat(integrations()).hasSize(integrationsBefore + 1);
    assertThat(switchboardIntegrations()).hasSize(switchboardIntegrationsBefore + 1);
    assertThat(fake.webhooks()).hasSize(webhooksBefore + 1);
    assertThat(Files.readString(secretFile).strip()).isEqualTo(deliveredSecret);
    assertThat(installer.check(context(false))).isEmpty();

    var dryUninstall = installer.uninstall(context(true));
    assertThat(dryUninstall).extracting(InstallStep::kind).contains(Kind.REMOVED);
    assertThat(ours()).isPresent();

    var removed = installer.uninstall(context(false));
    assertThat(removed).extracting(InstallStep::kind)
        .containsExactly(Kind.UPDATED, Kind.REMOVED, Kind.REMOVED, Kind.PRESENT);
    assertThat(defaultId()).as("the default goes to the next one, the agent workspace").isEqualTo(agentWorkspaceId());
    assertThat(ours()).isEmpty();
    assertThat(ourSwitchboardIntegration()).isEmpty();
    assertThat(fake.webhooks()).noneMatch(w -> w.integrationId().equals(integrationId));
    assertThat(integrations()).extracting(i -> i.path("id").asText()).contains(adminsOwn);
    assertThat(integrations()).hasSize(integrationsBefore);
    assertThat(switchboardIntegrations()).hasSize(switchboardIntegrationsBefore);
    assertThat(fake.webhooks()).hasSize(webhooksBefore);
    assertThat(api("GET", "integrations/" + adminsOwn + "/webhooks", null).path("webhooks")).hasSize(1);
    assertThat(secretFile).exists(); // the configuration reads it

    assertThat(installer.uninstall(context(false))).extracting(InstallStep::kind)
        .containsExactly(Kind.ABSENT, Kind.ABSENT, Kind.PRESENT);
    assertThat(installer.check(context(false))).extracting(InstallProblem::item)
        .contains("SunCo custom integration '" + NAME + "'", "SunCo switchboard integration '" + SB_NAME + "'");
  }

  @Test
  void driftIsReportedAndPutRightAndALostSecretFileMakesTheWebhookAgain() throws Exception {
    installer.install(context(false));
    String integrationId = ours().orElseThrow().path("id").asText();
    String hookId = api("GET", "integrations/" + integrationId + "/webhooks", null).path("webhooks").get(0)
        .path("id").asText();
    api("PATCH", "integrations/" + integrationId + "/webhooks/" + hookId,
        "{\"target\":\"https://old.example/webhooks/acme\",\"triggers\":[\"conversation:message\"]}");
    String sbId = ourSwitchboardIntegration().orElseThrow().path("id").asText();
    api("PATCH", "switchboards/" + fake.switchboardId() + "/switchboardIntegrations/" + sbId,
        "{\"deliverStandbyEvents\":false,\"nextSwitchboardIntegrationId\":null}");
    api("PATCH", "switchboards/" + fake.switchboardId(), "{\"defaultSwitchboardIntegrationId\":\""
        + switchboardIntegrations().stream().filter(x -> x.path("name").asText().equals(SuncoFake.BOT)).findFirst()
        .orElseThrow().path("id").asText() + "\"}");

    var problems = installer.check(context(false));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(2).item()).isEqualTo("SunCo switchboard default");
    assertThat(problems.get(2).problem()).contains("is '" + SuncoFake.BOT + "'");
    assertThat(problems.get(0).problem()).contains("https://old.example/webhooks/acme", "triggers",
        "run install --installation acme");
    assertThat(problems.get(1).item()).isEqualTo("SunCo switchboard integration '" + SB_NAME + "'");
    assertThat(problems.get(1).problem()).contains("deliverStandbyEvents is false", "its next is null");

    String secret = Files.readString(secretFile).strip();
    var fixed = installer.install(context(false));
    assertThat(fixed).extracting(InstallStep::kind).contains(Kind.UPDATED).doesNotContain(Kind.CREATED);
    assertThat(installer.check(context(false))).isEmpty();
    assertThat(Files.readString(secretFile).strip()).as("an update keeps the secret").isEqualTo(secret);

    // a lost secret file: SunCo shows the secret only when a webhook is made, so it is made again
    Files.delete(secretFile);
    assertThat(installer.check(context(false))).extracting(InstallProblem::item)
        .containsExactly("webhook secret file " + secretFile);
    var remade = installer.install(context(false));
    assertThat(remade).extracting(InstallStep::kind).contains(Kind.UPDATED, Kind.CREATED);
    var hooks = fake.webhooks().stream().filter(w -> w.integrationId().equals(integrationId)).toList();
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).id()).isNotEqualTo(hookId);
    assertThat(Files.readString(secretFile).strip()).isEqualTo(hooks.get(0).secret()).isNotEqualTo(secret);
    assertThat(installer.check(context(false))).isEmpty();

    // a botIntegrationId naming another switchboard integration is reported
    var other = new LinkedHashMap<String, Object>(Map.of("url", fake.apiUrl(), "appId", fake.config().appId(),
        "keyId", fake.config().keyId(), "keySecret", Secret.of(fake.config().keySecret()),
        "webhookSecret", Map.of("file", secretFile.toString()), "botIntegrationId", SuncoFake.BOT));
    assertThat(installer.check(context(Settings.of("installations[acme].settings", other), false)))
        .extracting(InstallProblem::item)
        .containsExactly("installations[acme].settings.botIntegrationId");
  }

  @Test
  void aRefusedKeyOrAnUnknownHandoverTargetNamesTheSetting() {
    assertThatThrownBy(() -> installer.install(context(settings("wrong", null), false)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[acme].settings.keySecret");
    assertThatThrownBy(() -> installer.install(context(settings(fake.config().keySecret(), "nobody"), false)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[acme].settings.handoverTarget");
  }

  // ---------------------------------------------------------------- SunCo as the admin sees it

  private Optional<JsonNode> ours() throws Exception {
    return integrations().stream().filter(i -> i.path("displayName").asText().equals(NAME)).findFirst();
  }

  private List<JsonNode> integrations() throws Exception {
    var out = new ArrayList<JsonNode>();
    api("GET", "integrations", null).path("integrations").forEach(out::add);
    return out;
  }

  private List<JsonNode> switchboardIntegrations() throws Exception {
    var out = new ArrayList<JsonNode>();
    api("GET", "switchboards/" + fake.switchboardId() + "/switchboardIntegrations", null)
        .path("switchboardIntegrations").forEach(out::add);
    return out;
  }

  private Optional<JsonNode> ourSwitchboardIntegration() throws Exception {
    return switchboardIntegrations().stream().filter(s -> s.path("name").asText().equals(SB_NAME)).findFirst();
  }

  private String defaultId() throws Exception {
    return api("GET", "switchboards", null).path("switchboards").get(0).path("defaultSwitchboardIntegrationId")
        .asText();
  }

  private String agentWorkspaceId() throws Exception {
    return switchboardIntegrations().stream()
        .filter(s -> s.path("integrationType").asText().equals(SuncoFake.AGENT_WORKSPACE_TYPE)).findFirst()
        .orElseThrow().path("id").asText();
  }

  private static List<String> texts(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(t -> out.add(t.asText()));
    return out;
  }

  private JsonNode api(String method, String path, String body) throws Exception {
    String auth = Base64.getEncoder().encodeToString((fake.config().keyId() + ":" + fake.config().keySecret())
        .getBytes(StandardCharsets.UTF_8));
    var request = HttpRequest.newBuilder(URI.create(fake.apiUrl() + "/v2/apps/" + fake.config().appId() + "/" + path))
        .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }
}
