package io.deskbridge.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API over a real (in-memory H2) store: the token, honest resolution with its window, the lists behind the
 * figures, bad parameters, and "try the bot" storing nothing.
 */
class AdminApiTest {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("adminapi");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final String TOKEN = "t0ken-for-the-admin";

  private StoreConfig database;
  private JdbcStore store;
  private final List<String> decided = new ArrayList<>();

  @BeforeEach
  void open() {
    database = DATABASES.create();
    store = JdbcStore.open(database);
  }

  @AfterEach
  void close() {
    store.close();
    DATABASES.drop(database);
  }

  private AdminApi api(AdminSettings settings) {
    return new AdminApi(settings, store.dashboard(), store::audit, store::state, input -> {
      decided.add(input.newMessages().get(0).text());
      return new Decision.Reply("Delivery takes 2 days.", "en", List.of("confident"),
          new Scores(0.9, "delivery-times", Map.of()));
    }, Map.of("web", "api"), 0.55, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private AdminApi api() {
    return api(new AdminSettings(Secret.of(TOKEN), Duration.ofHours(72)));
  }

  private static WebhookRequest get(String path, Map<String, String> query, String authorization) {
    var q = new java.util.LinkedHashMap<String, List<String>>();
    query.forEach((k, v) -> q.put(k, List.of(v)));
    return new WebhookRequest("GET", path, q, authorization == null ? Map.of()
        : Map.of("Authorization", List.of(authorization)), new byte[0], "127.0.0.1", NOW);
  }

  private static JsonNode body(WebhookResponse response) throws Exception {
    return JSON.readTree(response.body());
  }

  private void record(String conversation, Instant at, String decision, String... reasons) {
    store.append(new AuditRecord(at, "web", conversation, conversation + "-" + at.toEpochMilli(), "auto", decision,
        List.of(reasons), 0.8, decision.equals("reply") ? "delivery-times" : "", Map.of(), "where is my parcel",
        List.of(), "applied", 1, Map.of("language", "en")));
  }

  @Test
  void withoutATokenConfiguredTheDashboardIsOffAndSaysHowToTurnItOn() {
    var response = api(AdminSettings.OFF).handle(get("/admin/api/figures", Map.of(), "Bearer x"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("admin.token");
  }

  @Test
  void theApiNeedsTheTokenAsBearerOrAsTheBasicPassword() throws Exception {
    var api = api();
    var none = api.handle(get("/admin/api/figures", Map.of(), null));
    var wrong = api.handle(get("/admin/api/figures", Map.of(), "Bearer " + TOKEN + "x"));
    String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));

    assertThat(none.status()).isEqualTo(401);
    assertThat(body(none).path("error").asText()).contains("admin token");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(body(wrong).path("error").asText()).contains("wrong");
    assertThat(api.handle(get("/admin/api/figures", Map.of(), basic)).status()).isEqualTo(200);
    assertThat(api.handle(get("/admin/api/figures", Map.of(), "Bearer " + TOKEN)).status()).isEqualTo(200);
    // the page itself holds no data and loads without the token
    var page = api.handle(get("/admin", Map.of(), null));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("/admin/lib/uPlot.iife.min.js");
    assertThat(api.handle(get("/admin/lib/uPlot.iife.min.js", Map.of(), null)).body()).contains("uPlot");
  }

  @Test
  void anAnswerIsAResolutionOnlyWhenTheCustomerStayedSilentForTheWholeWindow() throws Exception {
    Instant old = NOW.minus(Duration.ofDays(5));
    record("silent", old, "reply", "confident");
    record("wrote-again", old, "reply", "confident");
    record("wrote-again", old.plus(Duration.ofHours(70)), "clarify", "low_confidence");
    record("wrote-after-window", old, "reply", "confident");
    record("wrote-after-window", old.plus(Duration.ofHours(73)), "ignore", "human_owns_conversation");
    record("reopened", old, "reply", "confident");
    record("reopened", old.plus(Duration.ofHours(2)), "ignore", "conversation_closed");
    record("handed-over", old, "reply", "confident");
    record("handed-over", old.plus(Duration.ofHours(1)), "handover", "human_request");
    record("recent", NOW.minus(Duration.ofMinutes(30)), "reply", "confident");
    record("auto-reply", old, "ignore", "auto_reply");

    var figures = body(api().handle(get("/admin/api/figures", Map.of(), "Bearer " + TOKEN)));
    var headline = figures.path("headline");

    assertThat(headline.path("conversations").path("value").asInt()).isEqualTo(6);
    assertThat(headline.path("answered").path("value").asInt()).isEqualTo(6);
    assertThat(headline.path("resolved").path("value").asInt()).isEqualTo(2); // silent, wrote-after-window
    assertThat(headline.path("came_back").path("value").asInt()).isEqualTo(2); // wrote-again, reopened
    assertThat(headline.path("pending").path("value").asInt()).isEqualTo(1); // recent
    assertThat(headline.path("resolution").path("rate").asDouble()).isEqualTo(0.5);
    assertThat(figures.path("loopGuard").get(0).path("value").asInt()).isEqualTo(1);
    var reasons = figures.path("handoverReasons");
    assertThat(reasons.size()).isEqualTo(io.deskbridge.core.escalation.HandoverReason.values().length);
    assertThat(reasons.findValuesAsText("code")).contains("human_request", "low_confidence", "anger");

    // the list behind the resolved figure, through the query the figure carries
    String query = headline.path("resolved").path("query").asText();
    assertThat(query).startsWith("/admin/api/conversations?figure=resolved");
    var list = body(api().handle(get("/admin/api/conversations", Map.of("figure", "resolved"), "Bearer " + TOKEN)));
    assertThat(list.path("total").asInt()).isEqualTo(2);
    assertThat(list.path("conversations").findValuesAsText("conversationId"))
        .containsExactlyInAnyOrder("silent", "wrote-after-window");

    // a shorter window (here 1 h) turns the reopen after 2 h into a resolution
    var shortWindow = api(new AdminSettings(Secret.of(TOKEN), Duration.ofHours(1)));
    var resolved = body(shortWindow.handle(get("/admin/api/figures", Map.of(), "Bearer " + TOKEN)))
        .path("headline").path("resolved").path("value").asInt();
    assertThat(resolved).isEqualTo(4);
  }

  @Test
  void aConversationShowsItsDecisionTrail() throws Exception {
    record("c1", NOW.minus(Duration.ofHours(3)), "reply", "confident");
    record("c1", NOW.minus(Duration.ofHours(2)), "handover", "anger");

    var trail = body(api().handle(get("/admin/api/conversation", Map.of("installation", "web", "id", "c1"),
        "Bearer " + TOKEN)));

    assertThat(trail.path("decisions").findValuesAsText("decision")).containsExactly("reply", "handover");
    assertThat(trail.path("decisions").get(1).path("reasons").get(0).asText()).isEqualTo("anger");
    assertThat(api().handle(get("/admin/api/conversation", Map.of("installation", "web", "id", "nope"),
        "Bearer " + TOKEN)).status()).isEqualTo(404);
  }

  @Test
  void badParametersAreA400NamingTheParameter() throws Exception {
    var api = api();
    var from = api.handle(get("/admin/api/figures", Map.of("from", "yesterday"), "Bearer " + TOKEN));
    var order = api.handle(get("/admin/api/figures", Map.of("from", "2026-12-05", "to", "2026-12-01"), "Bearer " + TOKEN));
    var figure = api.handle(get("/admin/api/conversations", Map.of(), "Bearer " + TOKEN));
    var limit = api.handle(get("/admin/api/conversations", Map.of("figure", "resolved", "limit", "0"), "Bearer " + TOKEN));

    assertThat(from.status()).isEqualTo(400);
    assertThat(body(from).path("error").asText()).contains("from must be a date");
    assertThat(order.status()).isEqualTo(400);
    assertThat(figure.status()).isEqualTo(400);
    assertThat(body(figure).path("error").asText()).contains("figure is required");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(body(limit).path("error").asText()).contains("limit");
  }

  @Test
  void tryingTheBotDecidesInMemoryAndStoresNothing() throws Exception {
    var request = new WebhookRequest("POST", "/admin/api/try", Map.of(), Map.of("Authorization", List.of("Bearer " + TOKEN)),
        "{\"installation\":\"web\",\"text\":\"How long does delivery take?\"}".getBytes(StandardCharsets.UTF_8),
        "127.0.0.1", NOW);

    var answer = body(api().handle(request));

    assertThat(answer.path("decision").asText()).isEqualTo("reply");
    assertThat(answer.path("article").asText()).isEqualTo("delivery-times");
    assertThat(decided).containsExactly("How long does delivery take?");
    assertThat(store.all()).isEmpty();
    var unknown = api().handle(new WebhookRequest("POST", "/admin/api/try", Map.of(),
        Map.of("Authorization", List.of("Bearer " + TOKEN)), "{\"installation\":\"x\",\"text\":\"hi\"}"
            .getBytes(StandardCharsets.UTF_8), "127.0.0.1", NOW));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("installation 'x' is not configured");
  }
}
