package io.deskbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.lookup.BackOfficeConfig;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.shop.ShopFake;
import io.deskbridge.mock.shop.ShopFakeExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lookups end to end: Deskbridge started for real (engine, bot, H2 store, the Conversation API) with an installation
 * whose back office is the web shop's order API fake; the decisions, the audit records and the metrics.
 */
class LookupEngineIT {
  @RegisterExtension
  static final ShopFakeExtension SHOP = new ShopFakeExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Deskbridge deskbridge;
  private static String key;

  @BeforeAll
  static void start() {
    var kb = KnowledgeLoader.loadFromClasspath(LookupEngineIT.class.getClassLoader(), "lookup-kb");
    var backOffice = new BackOfficeConfig(URI.create(SHOP.fake().apiBaseUrl()), "Authorization",
        Secret.of("Bearer " + ShopFake.TOKEN), Duration.ofSeconds(2), Duration.ofSeconds(30), 100,
        Duration.ofSeconds(30), new BackOfficeConfig.Identity("customer.email", null));
    var installation = new DeskbridgeConfig.InstallationConfig("shop", "api", Mode.AUTO,
        new Routing("general-team", Map.of("Shipping", "shipping-team"), ""), RetryPolicy.DEFAULT, 0,
        Settings.of("installations[shop].settings", Map.of()), false, Installation.DEFAULT_CHAT_DEBOUNCE,
        Installation.DEFAULT_CHAT_SESSION_TIMEOUT, Installation.DEFAULT_EMAIL_MAX_REPLIES_PER_DAY, backOffice);
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20),
        StoreConfig.h2Memory("lookup-" + System.nanoTime()), EngineSettings.DEFAULT.withWorkers(2),
        Path.of("unused-kb"), null, null, Settings.of("bot", Map.of()), List.of(installation));
    deskbridge = Deskbridge.start(config, Bot.create(kb, BotConfig.defaults()), Connectors.discover(),
        Clock.systemUTC());
    key = new ApiKeys(deskbridge.store().conversationApi(), Clock.systemUTC()).create("shop", "test").secret();
  }

  @AfterAll
  static void stop() {
    if (deskbridge != null) {
      deskbridge.close();
    }
  }

  private static JsonNode ask(String conversation, String email, String text) throws Exception {
    var body = JSON.createObjectNode().put("text", text).put("channel", "chat");
    body.putObject("customer").put("email", email);
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deskbridge.port()
        + "/api/v1/conversations/" + conversation + "/messages")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void theOwnerGetsTheStatusAndSomeoneElseIsHandedOverAuditedWithNothingOfTheRecord() throws Exception {
    var own = ask("own-1", "Jana.Novakova@example.com", "Where is my order #10042?");
    assertThat(own.path("decision").asText()).as(own.toString()).isEqualTo("reply");
    assertThat(own.path("reply").path("text").asText())
        .isEqualTo("Your order 10042 is shipped; expected delivery 2026-12-09 with PPL.");

    var other = ask("other-1", "peter.smith@example.com", "Where is my order #10042?");
    assertThat(other.path("decision").asText()).as(other.toString()).isEqualTo("handover");
    assertThat(other.path("handover").path("groupId").asText()).isEqualTo("shipping-team");
    assertThat(other.toString()).doesNotContain("2026-12-09").doesNotContain("PPL").doesNotContain("jana")
        .doesNotContain("Rain jacket").doesNotContain("shipped");

    var audit = deskbridge.store().all().stream().filter(r -> r.conversationId().equals("other-1"))
        .filter(r -> r.decision().equals("handover")).toList();
    assertThat(audit).singleElement().satisfies(r -> {
      assertThat(r.reasons()).containsExactly("lookup", "lookup_identity_mismatch");
      assertThat(r.toString()).doesNotContain("2026-12-09").doesNotContain("PPL").doesNotContain("jana")
          .doesNotContain("shipped");
    });
    var answered = deskbridge.store().all().stream().filter(r -> r.conversationId().equals("own-1"))
        .filter(r -> r.decision().equals("reply")).toList();
    assertThat(answered).singleElement().satisfies(r -> assertThat(r.reasons()).contains("looked_up"));

    var metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deskbridge.port() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("deskbridge_lookups_total{installation=\"shop\",outcome=\"looked_up\"} 1.0")
        .contains("deskbridge_lookups_total{installation=\"shop\",outcome=\"lookup_identity_mismatch\"} 1.0");
    assertThat(SHOP.fake().orderReads()).as("the second question was served from the cache").isEqualTo(1);
  }

  @Test
  void withoutTheNumberTheBotAsksForItAndTheBareNumberInTheNextMessageIsLookedUp() throws Exception {
    var asked = ask("ask-1", "jana.novakova@example.com", "Where is my order?");
    assertThat(asked.path("decision").asText()).as(asked.toString()).isEqualTo("clarify");
    assertThat(asked.path("reasons").toString()).contains("lookup_key_missing");
    assertThat(asked.path("reply").path("text").asText()).contains("order number");

    var answered = ask("ask-1", "jana.novakova@example.com", "10044");
    assertThat(answered.path("decision").asText()).as(answered.toString()).isEqualTo("reply");
    assertThat(answered.path("reply").path("text").asText()).startsWith("Your order 10044 is delivered;");
  }
}
