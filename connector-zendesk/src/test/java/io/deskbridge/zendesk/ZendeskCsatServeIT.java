package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.admin.AdminSettings;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.privacy.PrivacySettings;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} end to end: a Zendesk installation with the admin dashboard polls the fake's satisfaction ratings at
 * start, and {@code /admin/api/figures} shows the CSAT with its drill-down list.
 */
class ZendeskCsatServeIT {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("zdcsatserve");
  private static final String TOKEN = "csat-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ZendeskFake fake;
  private StoreConfig store;
  private Deskbridge deskbridge;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start();
    store = DATABASES.create();
  }

  @AfterEach
  void stop() {
    if (deskbridge != null) {
      deskbridge.close();
    }
    DATABASES.drop(store);
    fake.close();
  }

  private long solvedAndRated(String who, boolean good, String comment) {
    long id = fake.customerCreatesTicket(who + "@example.com", who, "Question", "Where is my parcel?");
    fake.agentSetsStatus(id, fake.humanAgentId(), "solved");
    fake.satisfaction().rate(id, good, comment);
    return id;
  }

  private JsonNode admin(String pathAndQuery) throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + deskbridge.port() + pathAndQuery)).header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void serveReadsTheRatingsAtStartAndTheDashboardShowsTheirCsat() throws Exception {
    solvedAndRated("ann", true, "");
    solvedAndRated("bob", true, "Thanks!");
    long bad = solvedAndRated("cyd", false, "Took a week");
    long unanswered = fake.customerCreatesTicket("dan@example.com", "Dan", "Question", "hi");
    fake.agentSetsStatus(unanswered, fake.humanAgentId(), "solved");
    fake.satisfaction().offer(unanswered); // offered, never answered: no rating
    var settings = Settings.of("installations[acme].settings", Map.of(
        "url", fake.baseUrl(),
        "email", fake.config().agentEmail(),
        "apiToken", Secret.of(fake.config().apiToken()),
        "webhookSecret", Secret.of("webhook-secret"),
        "requestTimeout", "5s"));
    var acme = new DeskbridgeConfig.InstallationConfig("acme", "zendesk", Mode.DRAFT,
        new Routing("360000001", Map.of(), ""), RetryPolicy.DEFAULT, 0, settings);
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20), store,
        EngineSettings.DEFAULT.withWorkers(1), Path.of("unused-kb"), null, null, Settings.of("bot", Map.of()),
        List.of(acme), PrivacySettings.DEFAULT, new AdminSettings(Secret.of(TOKEN), Duration.ofHours(72)));
    deskbridge = Deskbridge.start(config, ConnectorHarness.bot(), Connectors.discover(), Clock.systemUTC());

    await().atMost(Duration.ofSeconds(30)).until(() -> admin("/admin/api/figures").path("csat").path("rated")
        .path("value").asInt() == 3);
    var csat = admin("/admin/api/figures").path("csat");
    assertThat(csat.path("available").asBoolean()).isTrue();
    assertThat(csat.path("good").path("value").asInt()).isEqualTo(2);
    assertThat(csat.path("bad").path("value").asInt()).isEqualTo(1);
    assertThat(csat.path("rate").asDouble()).isEqualTo(0.6667);
    var list = admin(csat.path("bad").path("query").asText());
    assertThat(list.path("conversations").findValuesAsText("conversationId")).containsExactly(Long.toString(bad));
    assertThat(list.path("conversations").get(0).path("comment").asText()).isEqualTo("Took a week");
    assertThat(fake.unmatchedRequests()).isEmpty();
  }
}
