package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.InstallStep.Kind;
import io.deskbridge.core.spi.Installer;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install}, {@code check} and {@code uninstall} against the stateful Zendesk fake over real HTTP: the webhook,
 * its signing secret written to the file the configuration reads, the two triggers; a second install creates nothing;
 * the check is clean, and its test delivery reaches a real Zendesk webhook endpoint (the connector's, behind a small
 * HTTP server at the public URL) that verifies the signature with the written secret; drift is reported and put
 * right; uninstall removes what install made and nothing else.
 */
class ZendeskInstallIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "Deskbridge acme";

  @TempDir
  Path dir;

  private ZendeskFake fake;
  private HttpServer deskbridge;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Installer installer = new ZendeskConnectorFactory().installer().orElseThrow();
  private Path secretFile;
  private URI publicUrl;
  private final List<String> deliveries = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    fake = ZendeskFake.start();
    secretFile = dir.resolve("secrets/acme-zendesk-webhook-secret");
    // stands for deskbridge serve: hands /webhooks/acme to the Zendesk connector's real webhook endpoint
    deskbridge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    deskbridge.createContext("/webhooks/acme", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status;
      try (var connector = new ZendeskConnectorFactory().create(new ConnectorContext("acme",
          settings(Map.of("file", secretFile.toString())), Clock.systemUTC()))) {
        var request = new WebhookRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            new LinkedHashMap<>(exchange.getRequestHeaders()), body, Instant.now());
        connector.webhook().verify(request);
        status = connector.webhook().decode(request).isEmpty() ? 200 : 202;
      } catch (WebhookRejectedException e) {
        status = e.status();
      } catch (RuntimeException e) {
        status = 500;
      }
      synchronized (deliveries) {
        deliveries.add(status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    deskbridge.start();
    publicUrl = URI.create("http://127.0.0.1:" + deskbridge.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    deskbridge.stop(0);
    fake.close();
  }

  private Settings settings(Object webhookSecret) {
    var values = new LinkedHashMap<String, Object>();
    values.put("url", fake.baseUrl());
    values.put("email", fake.config().agentEmail());
    values.put("apiToken", Secret.of(fake.config().apiToken()));
    values.put("webhookSecret", webhookSecret);
    values.put("requestTimeout", "5s");
    return Settings.of("installations[acme].settings", values);
  }

  private InstallContext context(boolean dryRun, boolean testDelivery) {
    return new InstallContext("acme", settings(Map.of("file", secretFile.toString())), Optional.of(publicUrl),
        dir.resolve("install/acme"), null, dryRun, testDelivery, Clock.systemUTC());
  }

  @Test
  void installTwiceCheckCleanThenUninstallRemovesWhatInstallMade() throws Exception {
    String adminsOwn = createWebhookAsAdmin("Helpdesk analytics", "https://analytics.example/hook");

    var dry = installer.install(context(true, false));
    assertThat(dry).extracting(InstallStep::kind).containsOnly(Kind.CREATED);
    assertThat(webhooks()).hasSize(1);
    assertThat(secretFile).doesNotExist();

    var first = installer.install(context(false, false));
    assertThat(first).extracting(InstallStep::kind).containsExactly(Kind.CREATED, Kind.CREATED, Kind.CREATED,
        Kind.CREATED);
    JsonNode hook = webhook(NAME).orElseThrow();
    assertThat(hook.path("endpoint").asText()).isEqualTo(publicUrl + "/webhooks/acme");
    assertThat(hook.path("subscriptions").toString()).isEqualTo("[\"conditional_ticket_events\"]");
    assertThat(Files.readString(secretFile).strip()).isEqualTo(signingSecret(hook.path("id").asText()));
    assertThat(first.toString()).doesNotContain(signingSecret(hook.path("id").asText()));
    var triggers = triggers();
    assertThat(triggers).extracting(t -> t.path("title").asText())
        .containsExactly(NAME + ": ticket created", NAME + ": customer comment");
    for (JsonNode t : triggers) {
      JsonNode action = t.path("actions").get(0);
      assertThat(action.path("field").asText()).isEqualTo("notification_webhook");
      assertThat(action.path("value").get(0).asText()).isEqualTo(hook.path("id").asText());
      assertThat(JSON.readTree(action.path("value").get(1).asText()).fieldNames()).toIterable()
          .containsExactly("ticket_id", "updater_id");
    }

    var second = installer.install(context(false, false));
    assertThat(second).extracting(InstallStep::kind).containsOnly(Kind.PRESENT);
    assertThat(webhooks()).hasSize(2);
    assertThat(triggers()).hasSize(2);

    assertThat(installer.check(context(true, false))).isEmpty();
    assertThat(installer.check(context(true, true))).isEmpty();
    assertThat(deliveries).singleElement().asString().startsWith("200 {\"type\":\"zen:event-type:deskbridge.test\"");

    var removed = installer.uninstall(context(false, false));
    assertThat(removed).extracting(InstallStep::kind).containsExactly(Kind.REMOVED, Kind.REMOVED, Kind.REMOVED,
        Kind.PRESENT);
    assertThat(webhooks()).extracting(w -> w.path("id").asText()).containsExactly(adminsOwn);
    assertThat(triggers()).isEmpty();
    assertThat(installer.uninstall(context(false, false))).extracting(InstallStep::kind)
        .containsExactly(Kind.ABSENT, Kind.ABSENT, Kind.ABSENT, Kind.PRESENT);
    assertThat(installer.check(context(true, false))).extracting(p -> p.item() + " " + p.problem())
        .containsExactly("Zendesk webhook '" + NAME + "' is missing: run install --installation acme",
            "Zendesk trigger '" + NAME + ": ticket created' is missing: run install --installation acme",
            "Zendesk trigger '" + NAME + ": customer comment' is missing: run install --installation acme");
    assertThat(fake.unmatchedRequests()).isEmpty();
  }

  @Test
  void aDriftedWebhookAndTriggerAreReportedThenPutRight() throws Exception {
    installer.install(context(false, false));
    String id = webhook(NAME).orElseThrow().path("id").asText();
    // an admin points the webhook elsewhere and switches a trigger off
    call("PUT", "/api/v2/webhooks/" + id, "{\"webhook\":{\"name\":\"" + NAME + "\",\"status\":\"active\","
        + "\"endpoint\":\"https://old.example/webhooks/acme\",\"http_method\":\"POST\",\"request_format\":\"json\","
        + "\"subscriptions\":[\"conditional_ticket_events\"]}}");
    long trigger = triggers().get(1).path("id").asLong();
    call("PUT", "/api/v2/triggers/" + trigger, "{\"trigger\":{\"active\":false}}");

    var problems = installer.check(context(true, false));
    assertThat(problems).extracting(p -> p.item() + " " + p.problem()).containsExactly(
        "Zendesk webhook '" + NAME + "' its endpoint is https://old.example/webhooks/acme, not " + publicUrl
            + "/webhooks/acme: run install --installation acme",
        "Zendesk trigger '" + NAME + ": customer comment' differs from what install makes (it is inactive): run "
            + "install --installation acme");

    var fixed = installer.install(context(false, false));
    assertThat(fixed).extracting(InstallStep::kind).containsExactly(Kind.UPDATED, Kind.PRESENT, Kind.PRESENT,
        Kind.UPDATED);
    assertThat(webhook(NAME).orElseThrow().path("id").asText()).isEqualTo(id);
    assertThat(installer.check(context(true, true))).isEmpty();
  }

  @Test
  void aSecretFileThatIsNotTheWebhooksIsReportedAndTheTestDeliveryIsRefused() throws Exception {
    installer.install(context(false, false));
    Files.writeString(secretFile, "an-old-secret\n");

    var problems = installer.check(context(true, true));
    assertThat(problems).extracting(p -> p.problem()).containsExactly(
        "is not the webhook's signing secret: run install --installation acme",
        "was refused (401): the signing secret Deskbridge reads is not the webhook's: run install --installation "
            + "acme and restart serve");
    assertThat(problems.toString()).doesNotContain("an-old-secret");
    assertThat(installer.install(context(false, false))).extracting(InstallStep::kind)
        .containsExactly(Kind.PRESENT, Kind.UPDATED, Kind.PRESENT, Kind.PRESENT);
    assertThat(installer.check(context(true, true))).isEmpty();
  }

  @Test
  void aTestDeliveryNobodyAnswersSaysToStartServe() throws Exception {
    installer.install(context(false, false));
    deskbridge.stop(0);
    assertThat(installer.check(context(true, true))).singleElement()
        .satisfies(p -> assertThat(p.problem()).startsWith("Zendesk could not reach it: start deskbridge serve"));
  }

  @Test
  void withoutAPublicUrlInstallNamesTheSetting() {
    var context = new InstallContext("acme", settings(Map.of("file", secretFile.toString())), Optional.empty(),
        dir, null, false, false, Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> installer.install(context))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("server.publicUrl is not set");
  }

  // ------------------------------------------------------------------ the fake's API, as an admin would call it

  private String createWebhookAsAdmin(String name, String endpoint) throws Exception {
    return call("POST", "/api/v2/webhooks", "{\"webhook\":{\"name\":\"" + name + "\",\"status\":\"active\","
        + "\"endpoint\":\"" + endpoint + "\",\"http_method\":\"POST\",\"request_format\":\"json\","
        + "\"subscriptions\":[\"conditional_ticket_events\"]}}").path("webhook").path("id").asText();
  }

  private List<JsonNode> webhooks() throws Exception {
    var out = new ArrayList<JsonNode>();
    call("GET", "/api/v2/webhooks", null).path("webhooks").forEach(out::add);
    return out;
  }

  private Optional<JsonNode> webhook(String name) throws Exception {
    return webhooks().stream().filter(w -> w.path("name").asText().equals(name)).findFirst();
  }

  private String signingSecret(String id) throws Exception {
    return call("GET", "/api/v2/webhooks/" + id + "/signing_secret", null).path("signing_secret").path("secret")
        .asText();
  }

  private List<JsonNode> triggers() throws Exception {
    var out = new ArrayList<JsonNode>();
    call("GET", "/api/v2/triggers", null).path("triggers").forEach(out::add);
    return out;
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
        .header("Authorization", fake.botAuthorization()).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}
