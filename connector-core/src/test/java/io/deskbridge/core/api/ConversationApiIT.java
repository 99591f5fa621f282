package io.deskbridge.core.api;

import static io.deskbridge.core.api.ApiTestServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Conversation API over real HTTP on a running Deskbridge (engine, bot, H2 store); every answer is checked against
 * the OpenAPI document ({@link ApiTestServer}).
 */
class ConversationApiIT {
  private static ApiTestServer server;
  private static String key;

  @BeforeAll
  static void start() {
    server = new ApiTestServer();
    key = server.key("web");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String conversation() {
    return "c-" + UUID.randomUUID();
  }

  private static String messages(String conversation) {
    return "/api/v1/conversations/" + conversation + "/messages";
  }

  private static ApiTestServer.Answer send(String conversation, String text) {
    return server.post(key, messages(conversation), message(text), Map.of());
  }

  private static List<String> texts(JsonNode array, String field) {
    var out = new ArrayList<String>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  // ---------------------------------------------------------------- auth

  @Test
  void aRequestWithoutAKeyIsRefusedWith401() {
    var answer = server.post(null, messages(conversation()), message("How long does delivery take?"), Map.of());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(answer.body().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void aWrongKeyAndARevokedKeyAreRefusedWith401() {
    String revoked = server.keys.create("web", "leaving").secret();
    String id = revoked.split("_")[1];
    assertThat(server.post(revoked, messages(conversation()), message("Hello"), Map.of()).status()).isEqualTo(200);

    assertThat(server.keys.revoke(id)).isTrue();

    assertThat(server.post(revoked, messages(conversation()), message("Hello"), Map.of()).status()).isEqualTo(401);
    assertThat(server.post(revoked + "x", messages(conversation()), message("Hello"), Map.of()).status())
        .isEqualTo(401);
    assertThat(server.post("dbk_000000000000_nothing", messages(conversation()), message("Hello"), Map.of()).status())
        .isEqualTo(401);
  }

  @Test
  void anotherInstallationsKeyGets403ForTheConversation() {
    String id = conversation();
    assertThat(send(id, "How long does delivery take?").status()).isEqualTo(200);
    String otherKey = server.key("other");

    var posted = server.post(otherKey, messages(id), message("And the costs?"), Map.of());
    var read = server.get(otherKey, "/api/v1/conversations/" + id);

    assertThat(posted.status()).isEqualTo(403);
    assertThat(read.status()).isEqualTo(403);
    assertThat(texts(server.get(key, "/api/v1/conversations/" + id).body().path("messages"), "role"))
        .containsExactly("customer", "bot");
  }

  // ---------------------------------------------------------------- validation

  @Test
  void invalidInputIsA400ProblemNamingEachField() {
    var answer = server.post(key, messages(conversation()),
        "{\"txt\":\"hi\",\"channel\":\"fax\",\"customer\":{\"email\":\"nope\"}}", Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(texts(answer.body().path("errors"), "pointer"))
        .containsExactlyInAnyOrder("#/txt", "#/text", "#/channel", "#/customer/email");
    assertThat(answer.body().path("detail").asText()).contains("txt");
  }

  @Test
  void aBodyThatIsNotJsonIsA400AndAnUnknownConversationIsA404() {
    assertThat(server.post(key, messages(conversation()), "text=hello", Map.of()).status()).isEqualTo(400);
    var unknown = server.get(key, "/api/v1/conversations/" + conversation());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("type").asText()).endsWith("/not-found");
  }

  // ---------------------------------------------------------------- decisions

  @Test
  void aQuestionTheKnowledgeAnswersIsAReplyWithItsArticle() {
    String id = conversation();

    var answer = send(id, "How long does delivery take?");

    assertThat(answer.status()).isEqualTo(200);
    var body = answer.body();
    assertThat(body.path("decision").asText()).isEqualTo("reply");
    assertThat(body.path("mode").asText()).isEqualTo("auto");
    assertThat(body.path("reasons").isArray()).isTrue();
    assertThat(body.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.55);
    assertThat(body.path("reply").path("text").asText()).contains("2 working days");
    assertThat(body.path("reply").path("articleId").asText()).isEqualTo("delivery-times");
    assertThat(body.path("reply").path("articleUrl").asText()).isEqualTo("https://shop.example/help/delivery-times");
    assertThat(body.path("delivered").asBoolean()).isTrue();
    var transcript = server.get(key, "/api/v1/conversations/" + id).body();
    assertThat(texts(transcript.path("messages"), "role")).containsExactly("customer", "bot");
    assertThat(transcript.path("messages").get(1).path("text").asText()).isEqualTo(body.path("reply").path("text").asText());
    assertThat(texts(transcript.path("audit"), "decision")).containsExactly("reply");
  }

  @Test
  void aVagueMessageGetsAClarifyingQuestion() {
    var answer = send(conversation(), "Can you help me with the thing I bought?");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("decision").asText()).isEqualTo("clarify");
    assertThat(answer.body().path("reasons").toString()).contains("low_confidence");
    assertThat(answer.body().path("confidence").asDouble()).isLessThan(0.55);
    assertThat(answer.body().path("reply").path("text").asText()).isNotBlank();
    assertThat(answer.body().path("reply").has("articleId")).isFalse();
  }

  @Test
  void aRequestForAPersonIsAHandoverWithTheSummaryAsTextAndFields() {
    String id = conversation();

    var answer = send(id, "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");

    var body = answer.body();
    assertThat(body.path("decision").asText()).isEqualTo("handover");
    assertThat(body.path("reasons").size()).isPositive();
    var handover = body.path("handover");
    assertThat(handover.path("groupId").asText()).isNotBlank();
    assertThat(handover.path("customerMessage").asText()).isNotBlank();
    assertThat(handover.path("summaryText").asText()).contains("48213").contains("jan@example.com");
    var summary = handover.path("summary");
    assertThat(summary.path("reasons").toString()).contains("human_request");
    assertThat(summary.path("language").asText()).isEqualTo("en");
    assertThat(texts(summary.path("keyFacts"), "value")).contains("jan@example.com").anyMatch(v -> v.contains("48213"));
    var state = server.get(key, "/api/v1/conversations/" + id).body();
    assertThat(state.path("state").path("owner").asText()).isEqualTo("human");
    assertThat(state.path("state").path("groupId").asText()).isEqualTo(handover.path("groupId").asText());
    var roles = new ArrayList<String>();
    state.path("messages").forEach(m -> roles.add(m.path("role").asText() + "/" + m.path("visibility").asText()));
    assertThat(roles).containsExactly("customer/public", "bot/internal", "bot/public");
  }

  // ---------------------------------------------------------------- voice

  private static String voice(String text, String phone) {
    var body = ApiTestServer.JSON.createObjectNode().put("text", text).put("channel", "voice");
    body.putObject("customer").put("phone", phone).put("id", "c-981");
    return body.toString();
  }

  @Test
  void aVoiceReplyIsSpeakableBesideTheWrittenOne() {
    var answer = server.post(key, messages(conversation()), voice("How long does delivery take?", "+420777123456"),
        Map.of());

    var reply = answer.body().path("reply");
    assertThat(reply.path("text").asText()).contains("2 working days").contains("https://");
    assertThat(reply.path("speech").asText()).contains("two working days").contains("fifty")
        .doesNotContain("http").doesNotContainPattern("\\d");
  }

  @Test
  void aVoiceHandoverNamesTheCallerForTheAgent() {
    var answer = server.post(key, messages(conversation()),
        voice("I want to speak to a person, my order is 48213.", "+420 777 123 456"), Map.of());

    var handover = answer.body().path("handover");
    assertThat(answer.body().path("decision").asText()).isEqualTo("handover");
    assertThat(handover.path("summaryText").asText())
        .startsWith("Caller: phone +420 777 123 456, customer id c-981\n").contains("48213");
    assertThat(handover.path("caller").path("phone").asText()).isEqualTo("+420 777 123 456");
    assertThat(handover.path("customerSpeech").asText()).isNotBlank().doesNotContainPattern("\\d");
  }

  @Test
  void aChatAnswerHasNoSpeech() {
    assertThat(send(conversation(), "How long does delivery take?").body().path("reply").has("speech")).isFalse();
  }

  // ---------------------------------------------------------------- ownership

  @Test
  void afterHandoverCompletedTheBotIsSilentUntilReleasedThenAnswersInANewEpisode() {
    String id = conversation();
    assertThat(send(id, "How long does delivery take?").body().path("decision").asText()).isEqualTo("reply");

    var taken = server.post(key, "/api/v1/conversations/" + id + "/handover-completed", "{\"agent\":\"alice\"}",
        Map.of());
    var silent = send(id, "How much does shipping cost?");
    var released = server.post(key, "/api/v1/conversations/" + id + "/release", "", Map.of());
    var again = send(id, "How much does shipping cost?");

    assertThat(taken.status()).isEqualTo(200);
    assertThat(taken.body().path("state").path("owner").asText()).isEqualTo("human");
    assertThat(taken.body().path("state").path("ownerEvidence").asText()).contains("alice");
    assertThat(silent.body().path("decision").asText()).isEqualTo("ignore");
    assertThat(silent.body().path("reasons").toString()).contains("human_owns_conversation");
    assertThat(silent.body().has("reply")).isFalse();
    assertThat(released.status()).isEqualTo(200);
    assertThat(released.body().path("state").path("owner").asText()).isEqualTo("bot");
    assertThat(released.body().path("state").path("episode").asInt()).isEqualTo(2);
    assertThat(again.body().path("decision").asText()).isEqualTo("reply");
    assertThat(again.body().path("episode").asInt()).isEqualTo(2);
    var roles = texts(server.get(key, "/api/v1/conversations/" + id).body().path("messages"), "role");
    assertThat(roles).containsExactly("customer", "bot", "customer", "customer", "bot");
  }

  // ---------------------------------------------------------------- idempotency

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndOneTranscriptEntry() {
    String id = conversation();
    var headers = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
    String body = message("How long does delivery take?");

    var first = server.post(key, messages(id), body, headers);
    var retry = server.post(key, messages(id), body, headers);

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    var state = server.get(key, "/api/v1/conversations/" + id).body();
    assertThat(texts(state.path("messages"), "role")).containsExactly("customer", "bot");
    assertThat(texts(state.path("audit"), "decision")).containsExactly("reply");
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIsA422() {
    String id = conversation();
    var headers = Map.of("Idempotency-Key", "k-" + UUID.randomUUID());
    assertThat(server.post(key, messages(id), message("How long does delivery take?"), headers).status())
        .isEqualTo(200);

    var other = server.post(key, messages(id), message("How much does shipping cost?"), headers);

    assertThat(other.status()).isEqualTo(422);
    assertThat(texts(server.get(key, "/api/v1/conversations/" + id).body().path("messages"), "role"))
        .containsExactly("customer", "bot");
  }

  @Test
  void withoutAnIdempotencyKeyEveryPostIsANewMessage() {
    String id = conversation();
    String body = message("How long does delivery take?");

    server.post(key, messages(id), body, Map.of());
    var second = server.post(key, messages(id), body, Map.of());

    assertThat(second.status()).isEqualTo(200);
    assertThat(texts(server.get(key, "/api/v1/conversations/" + id).body().path("messages"), "role"))
        .startsWith("customer", "bot", "customer");
  }

  // ---------------------------------------------------------------- the rest

  @Test
  void eachKeyHasItsRateLimitAndIsToldWhenToRetry() {
    String limited = server.key("limited");
    var statuses = new ArrayList<Integer>();
    ApiTestServer.Answer last = null;
    for (int i = 0; i < 4; i++) {
      last = server.get(limited, "/api/v1/conversations/" + conversation());
      statuses.add(last.status());
    }

    assertThat(statuses).containsExactly(404, 404, 404, 429);
    assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
    assertThat(server.get(server.key("limited"), "/api/v1/conversations/" + conversation()).status())
        .as("another key has its own limit").isEqualTo(404);
  }

  @Test
  void theOpenApiDocumentIsServedAsCheckedIn() {
    var answer = server.get(null, "/api/v1/openapi.json");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(answer.response().body()).isEqualTo(ConversationApi.openApiDocument());
  }
}
