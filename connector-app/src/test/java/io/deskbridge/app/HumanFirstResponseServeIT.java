package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.admin.AdminSettings;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.privacy.PrivacySettings;
import io.deskbridge.core.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code serve} end to end on each ticket vendor's fake through its real connector: the bot hands a conversation over,
 * a human agent answers the customer publicly in the helpdesk, and the poll of the first human reply (its round at
 * start, after a restart of {@code serve} on the same store) makes the dashboard show the human first-response time
 * with its drill-down list.
 */
class HumanFirstResponseServeIT {
  private static final String TOKEN = "human-frt-admin-token";
  private static final String INSTALLATION = "acme";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = DemoVendor.Kind.class, names = {"zendesk", "salesforce", "daktela"})
  void theDashboardShowsThePeoplesFirstResponseAfterAHandover(DemoVendor.Kind kind) throws Exception {
    var store = StoreConfig.h2File(dir.resolve("data"));
    try (var vendor = kind.start(Duration.ofSeconds(5))) {
      String conversation;
      Instant handedOver;
      try (var deskbridge = start(vendor, store)) {
        conversation = vendor.customerOpens("mia@example.com", "Mia", "Person",
            "I want to talk to a real person, please.");
        await().atMost(Duration.ofSeconds(60)).until(() -> deskbridge.store().all().stream()
            .anyMatch(r -> r.conversationId().equals(conversation) && r.decision().equals("handover")));
        handedOver = deskbridge.store().all().stream().filter(r -> r.decision().equals("handover"))
            .findFirst().orElseThrow().at();
        assertThat(deskbridge.engine().awaitIdle(Duration.ofSeconds(30))).isTrue();
      }

      Instant beforeTheReply;
      try (var deskbridge = start(vendor, store)) { // the poll's round at start loads it: the bot's messages only
        await().atMost(Duration.ofSeconds(30)).until(() -> polledWithoutReply(store, conversation));
        var human = admin(deskbridge, "/admin/api/figures").path("firstResponse").path("human");
        assertThat(human.path("count").asInt()).as("the bot's handover message is not a person's reply").isZero();
        beforeTheReply = Instant.now();
        vendor.agentAnswers(conversation, "Hi Mia, Tom here. How can I help?");
        assertThat(deskbridge.engine().awaitIdle(Duration.ofSeconds(30))).isTrue();
      }

      try (var deskbridge = start(vendor, store)) { // the poll's round at start loads the conversation
        // the dashboard caches a period's figures for 30 s: ask for them once the poll has stored the reply
        await().atMost(Duration.ofSeconds(30)).until(() -> deskbridge.store().dashboard()
            .firstAgentReplies(handedOver.minusSeconds(60), Instant.now()).containsKey(List.of(INSTALLATION,
                conversation)));
        var human = admin(deskbridge, "/admin/api/figures").path("firstResponse").path("human");
        assertThat(human.path("count").asInt()).isEqualTo(1);
        long p50 = human.path("p50Ms").asLong();
        // from the handover to the reply, less up to a second: Zendesk and Daktela stamp messages in whole seconds
        assertThat(p50).as("from the handover to the agent's reply")
            .isGreaterThanOrEqualTo(Math.max(0, Duration.between(handedOver, beforeTheReply).toMillis() - 1000))
            .isLessThan(Duration.between(handedOver, Instant.now()).toMillis() + 1);
        assertThat(human.path("p90Ms").asLong()).isEqualTo(p50);
        var list = admin(deskbridge, human.path("query").asText());
        assertThat(list.path("conversations").findValuesAsText("conversationId")).containsExactly(conversation);
      }
      assertThat(vendor.unmatchedRequests()).isEmpty();
    }
  }

  /** Whether the poll has stored a round for the conversation that found no reply. */
  private static boolean polledWithoutReply(StoreConfig store, String conversation) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(store.connectionUrl(), store.username(), "");
        var ps = c.prepareStatement("SELECT replied_at FROM human_reply WHERE conversation_id = ?")) {
      ps.setString(1, conversation);
      try (var rs = ps.executeQuery()) {
        return rs.next() && rs.getObject(1) == null;
      }
    }
  }

  private static Deskbridge start(DemoVendor vendor, StoreConfig store) throws Exception {
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20), store,
        EngineSettings.DEFAULT.withWorkers(1), Path.of("demo-kb"), null, null,
        io.deskbridge.core.config.Settings.of("bot", Map.of()),
        List.of(vendor.installation(INSTALLATION, Mode.AUTO, new RetryPolicy(6, Duration.ofMillis(100),
            Duration.ofSeconds(5)), 0)),
        PrivacySettings.DEFAULT, new AdminSettings(Secret.of(TOKEN), Duration.ofHours(72)));
    var deskbridge = Deskbridge.start(config, KnowledgeLoader.loadFromClasspath(
        DemoCommand.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(),
        Clock.systemUTC());
    vendor.deliverTo(List.of(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/" + INSTALLATION)));
    return deskbridge;
  }

  private static JsonNode admin(Deskbridge deskbridge, String pathAndQuery) throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + deskbridge.port() + pathAndQuery)).header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
