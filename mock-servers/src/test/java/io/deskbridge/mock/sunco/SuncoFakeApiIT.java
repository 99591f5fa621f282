package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Conversations API over real HTTP: auth, envelopes, errors in SunCo's shape, limits, loud unmatched requests. */
class SuncoFakeApiIT {
  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T13:00:00Z"));

  @RegisterExtension
  final SuncoFakeExtension ext = new SuncoFakeExtension(SuncoFake.Config.defaults().withClock(clock)
      .withMaxMessages(4));

  private SuncoFake fake() {
    return ext.fake();
  }

  private SuncoClient api() {
    return SuncoClient.basic(fake());
  }

  private static final String REPLY = "{\"author\":{\"type\":\"business\",\"displayName\":\"Acme Assistant\","
      + "\"subtypes\":[\"AI\"]},\"content\":{\"type\":\"text\",\"text\":\"We open at 9.\"},"
      + "\"metadata\":{\"kb_article_id\":\"360001\"}}";

  @Test
  void aBusinessReplyIs201WithTheMessagesEnvelopeAndIsStoredAsTheApiReply() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "When do you open?");
    clock.advance(Duration.ofSeconds(2));

    SuncoClient.Response r = api().post("/conversations/" + s.conversationId() + "/messages", REPLY);

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode m = r.json().get("messages").get(0);
    assertThat(r.json().get("messages")).hasSize(1);
    assertThat(m.get("id").asText()).matches("[0-9a-f]{24}");
    assertThat(m.get("received").asText()).isEqualTo("2026-12-04T13:00:02.000Z");
    assertThat(m.get("author").toString())
        .isEqualTo("{\"type\":\"business\",\"subtypes\":[\"AI\"],\"displayName\":\"Acme Assistant\"}");
    assertThat(m.get("content").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"We open at 9.\"}");
    assertThat(m.get("source").get("type").asText()).isEqualTo("api:conversations");
    assertThat(m.get("metadata").get("kb_article_id").asText()).isEqualTo("360001");

    SuncoViews.Conversation c = fake().conversation(s.conversationId()).orElseThrow();
    assertThat(c.apiReplies()).singleElement().satisfies(reply -> {
      assertThat(reply.text()).isEqualTo("We open at 9.");
      assertThat(reply.subtypes()).containsExactly("AI");
    });
    assertThat(c.messagesBy("user")).extracting(SuncoViews.Message::text).containsExactly("When do you open?");
    assertThat(fake().apiCalls(s.conversationId())).isEqualTo(1);
  }

  @Test
  void messagesAndTheConversationReadBackInTheirEnvelopesWithTheActiveSwitchboardIntegration() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "Hello");
    api().post("/conversations/" + s.conversationId() + "/messages", REPLY);

    JsonNode list = api().get("/conversations/" + s.conversationId() + "/messages").json();
    assertThat(list.get("messages")).extracting(n -> n.get("author").get("type").asText())
        .containsExactly("user", "business");
    assertThat(list.get("messages").get(0).get("author").get("userId").asText()).isEqualTo(s.userId());
    assertThat(list.get("meta").get("hasMore").asBoolean()).isFalse();

    JsonNode conv = api().get("/conversations/" + s.conversationId()).json().get("conversation");
    assertThat(conv.get("id").asText()).isEqualTo(s.conversationId());
    assertThat(conv.get("type").asText()).isEqualTo("personal");
    assertThat(conv.get("activeSwitchboardIntegration").get("name").asText()).isEqualTo(SuncoFake.BOT);
    assertThat(conv.get("activeSwitchboardIntegration").get("integrationType").asText()).isEqualTo("custom");
    assertThat(conv.has("pendingSwitchboardIntegration")).isFalse();
    assertThat(conv.get("createdAt").asText()).isEqualTo("2026-12-04T13:00:00.000Z");
  }

  @Test
  void messagesPageBackwardsFromTheLastHundredWithTheCursor() {
    try (SuncoFake big = SuncoFake.start(SuncoFake.Config.defaults().withClock(clock))) {
      String conv = big.customerStarts("Ann", null, "m1").conversationId();
      for (int i = 2; i <= 105; i++) {
        big.customerSends(conv, "m" + i);
      }
      SuncoClient api = SuncoClient.basic(big);

      JsonNode last = api.get("/conversations/" + conv + "/messages").json();
      assertThat(last.get("messages")).hasSize(100);
      assertThat(last.get("messages").get(0).get("content").get("text").asText()).isEqualTo("m6");
      assertThat(last.get("meta").get("hasMore").asBoolean()).isTrue();
      String cursor = last.get("meta").get("beforeCursor").asText();
      assertThat(cursor).isEqualTo(last.get("messages").get(0).get("id").asText());

      JsonNode first = api.get("/conversations/" + conv + "/messages?page%5Bbefore%5D=" + cursor).json();
      assertThat(first.get("messages")).extracting(m -> m.get("content").get("text").asText())
          .containsExactly("m1", "m2", "m3", "m4", "m5");
      assertThat(first.get("meta").get("hasMore").asBoolean()).isFalse();
      assertThat(big.unmatchedRequests()).isEmpty();
    }
  }

  @Test
  void typingActivitiesAreAcceptedAndRecorded() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "Hello");
    String path = "/conversations/" + s.conversationId() + "/activity";
    assertThat(api().post(path, "{\"author\":{\"type\":\"business\"},\"type\":\"typing:start\"}").body())
        .isEqualTo("{}");
    api().post(path, "{\"author\":{\"type\":\"business\"},\"type\":\"typing:stop\"}");
    SuncoClient.Response bad = api().post(path, "{\"author\":{\"type\":\"user\",\"userId\":\"" + s.userId()
        + "\"},\"type\":\"typing:start\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("bad_request");
    assertThat(fake().conversation(s.conversationId()).orElseThrow().activities())
        .extracting(SuncoViews.Activity::type).containsExactly("typing:start", "typing:stop");
  }

  @Test
  void errorsComeInSuncosShape() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "Hello");
    String messages = "/conversations/" + s.conversationId() + "/messages";

    SuncoClient.Response unknown = api().post("/conversations/aaaaaaaaaaaaaaaaaaaaaaaa/messages", REPLY);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body())
        .isEqualTo("{\"errors\":[{\"code\":\"conversation_not_found\",\"title\":\"Conversation not found\"}]}");
    assertThat(api().post(messages, "{\"content\":{\"type\":\"text\",\"text\":\"x\"}}").errorCode())
        .isEqualTo("bad_request");
    assertThat(api().post(messages, "{\"author\":{\"type\":\"business\"},\"content\":{\"type\":\"text\"}}")
        .status()).isEqualTo(400);
    assertThat(api().post(messages, "{\"author\":{\"type\":\"business\",\"subtypes\":[\"agent\"]},"
        + "\"content\":{\"type\":\"text\",\"text\":\"x\"}}").status()).as("agent is a response-only subtype")
        .isEqualTo(400);
    assertThat(api().post(messages, "{\"author\":{\"type\":\"business\"},\"content\":{\"type\":\"text\",\"text\":\""
        + "x".repeat(4097) + "\"}}").status()).isEqualTo(400);
    assertThat(api().post(messages, "{\"author\":{\"type\":\"business\"},\"content\":{\"type\":\"text\",\"text\":\"x\"}"
        + ",\"metadata\":{\"k\":\"" + "x".repeat(4096) + "\"}}").body()).contains("limited to 4096 bytes");
    assertThat(api().post(messages, "not json").status()).isEqualTo(400);
    assertThat(fake().conversation(s.conversationId()).orElseThrow().messages()).hasSize(1);
  }

  @Test
  void aFullConversationAnswers423Locked() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "1");
    fake().customerSends(s.conversationId(), "2");
    fake().customerSends(s.conversationId(), "3");
    String messages = "/conversations/" + s.conversationId() + "/messages";
    assertThat(api().post(messages, REPLY).status()).isEqualTo(201);

    SuncoClient.Response r = api().post(messages, REPLY);

    assertThat(r.status()).isEqualTo(423);
    assertThat(r.errorCode()).isEqualTo("locked");
  }

  @Test
  void basicAndTheAppJwtAuthenticateAndAnythingElseIs401() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "Hello");
    String path = "/conversations/" + s.conversationId();
    SuncoFake.Config c = fake().config();

    assertThat(SuncoClient.with(fake(), "Bearer " + SuncoClient.appJwt(c)).get(path).status()).isEqualTo(200);
    assertThat(api().get(path).status()).isEqualTo(200);
    for (String bad : new String[] {null, "Basic " + java.util.Base64.getEncoder().encodeToString(
        (c.keyId() + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "Bearer " + SuncoClient.jwt("{\"alg\":\"HS256\",\"kid\":\"" + c.keyId() + "\"}", "{\"scope\":\"account\"}",
            c.keySecret())}) {
      SuncoClient.Response r = SuncoClient.with(fake(), bad).get(path);
      assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(401);
      assertThat(r.errorCode()).isEqualTo("unauthorized");
    }
    assertThat(fake().apiCalls()).as("refused calls are not served").isEqualTo(2);
  }

  @Test
  void theAppAnswersTheConnectorsStartUpCall() {
    JsonNode app = api().get("").json().get("app");
    assertThat(app.get("id").asText()).isEqualTo(fake().config().appId());
    assertThat(app.get("settings").get("multiConvoEnabled").asBoolean()).isFalse();
    assertThat(SuncoClient.with(fake(), null).get("").status()).isEqualTo(401);
  }

  @Test
  void theLegacyHostPathServesTooAndAnotherAppIsForbidden() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "Hello");
    SuncoClient api = api();
    String legacy = fake().baseUrl() + "/v2/apps/" + fake().config().appId() + "/conversations/" + s.conversationId();
    assertThat(api.sendTo("GET", legacy, null).status()).isEqualTo(200);
    SuncoClient.Response other = api.sendTo("GET", fake().apiUrl() + "/v2/apps/ffffffffffffffffffffffff/conversations/"
        + s.conversationId(), null);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.errorCode()).isEqualTo("forbidden");
  }

  @Test
  void switchboardsAndTheirIntegrationsAreListedAndACustomOneCanBeAdded() {
    JsonNode sb = api().get("/switchboards").json().get("switchboards").get(0);
    assertThat(sb.get("enabled").asBoolean()).isTrue();
    String id = sb.get("id").asText();
    JsonNode list = api().get("/switchboards/" + id + "/switchboardIntegrations").json()
        .get("switchboardIntegrations");
    assertThat(list).extracting(n -> n.get("name").asText())
        .containsExactly(SuncoFake.BOT, SuncoFake.AGENT_WORKSPACE);
    assertThat(sb.get("defaultSwitchboardIntegrationId").asText()).isEqualTo(list.get(0).get("id").asText());
    assertThat(list.get(1).get("integrationType").asText()).isEqualTo("zd:agentWorkspace");
    assertThat(list.get(0).get("nextSwitchboardIntegrationId").asText()).isEqualTo(list.get(1).get("id").asText());

    SuncoClient.Response created = api().post("/switchboards/" + id + "/switchboardIntegrations",
        "{\"name\":\"tier2\",\"integrationType\":\"zd:agentWorkspace2\",\"deliverStandbyEvents\":false}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("switchboardIntegration").get("deliverStandbyEvents").asBoolean()).isFalse();
    assertThat(api().post("/switchboards/" + id + "/switchboardIntegrations", "{\"name\":\"bad name!\"}").status())
        .isEqualTo(400);
    assertThat(api().get("/switchboards/nope/switchboardIntegrations").status()).isEqualTo(404);
  }

  @Test
  void injectedFaultsComeInSuncosShapeWithRetryAfterAndTouchNoState() {
    SuncoFake.Started s = fake().customerStarts("Ann", null, "Hello");
    String messages = "/conversations/" + s.conversationId() + "/messages";
    fake().failNext(2, 429, Duration.ofSeconds(7));

    SuncoClient.Response first = api().post(messages, REPLY);
    SuncoClient.Response second = api().post(messages, REPLY);
    SuncoClient.Response third = api().post(messages, REPLY);

    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("7");
    assertThat(first.errorCode()).isEqualTo("too_many_requests");
    assertThat(second.status()).isEqualTo(429);
    assertThat(third.status()).isEqualTo(201);
    assertThat(fake().conversation(s.conversationId()).orElseThrow().apiReplies()).hasSize(1);
    assertThat(fake().injectedFailures()).isEqualTo(2);

    fake().failRandomly(1.0, 503);
    assertThat(api().get(messages).status()).isEqualTo(503);
    fake().clearFaults();
    assertThat(api().get(messages).status()).isEqualTo(200);
  }

  @Test
  void requestsTheFakeDoesNotServeAreLoud404sListedAsUnmatched() {
    SuncoClient.Response r = api().get("/users");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("not_faked");
    assertThat(api().sendTo("DELETE", fake().apiUrl() + "/v2/apps/" + fake().config().appId()
        + "/conversations/x/messages", null).status()).isEqualTo(404);
    assertThat(fake().unmatchedRequests()).hasSize(2).first().asString().startsWith("GET /sc/v2/apps/");
    fake().reset(); // the extension would fail this test on the unmatched requests
  }
}
