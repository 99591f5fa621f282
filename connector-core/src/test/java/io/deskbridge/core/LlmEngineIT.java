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
import io.deskbridge.core.llm.AnswerConfig;
import io.deskbridge.core.llm.LlmDecider;
import io.deskbridge.core.llm.LlmSettings;
import io.deskbridge.core.lookup.BackOfficeConfig;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.openai.OpenAiFake;
import io.deskbridge.mock.shop.ShopFake;
import io.deskbridge.mock.shop.ShopFakeExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code answer.mode} end to end: Deskbridge started for real (engine, bot, lookups, H2 store, the Conversation API)
 * with two installations on one engine, {@code writer} in mode llm against the OpenAI-compatible fake and
 * {@code plain} in the default extractive mode, {@code summarizer} in mode llm with LLM handover summaries,
 * {@code intents} in mode llm with the LLM listing an e-mail's requests, both with the web shop's order API as back office. The decisions
 * the clients get, the audit records' reasons, the requests the fake received and the metrics.
 */
class LlmEngineIT {
  @RegisterExtension
  static final ShopFakeExtension SHOP = new ShopFakeExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String RETURNS = "You can return any item within 30 days. Print the return label from your "
      + "account, pack the item and drop it at any parcel point. We refund the money within 5 days of receiving it.";
  private static OpenAiFake llm;
  private static Deskbridge deskbridge;
  private static final Map<String, String> KEYS = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    llm = OpenAiFake.start(OpenAiFake.Config.defaults());
    var kb = KnowledgeLoader.loadFromClasspath(LlmEngineIT.class.getClassLoader(), "lookup-kb");
    var settings = LlmSettings.of(llm.v1Url(), "gpt-fake", Secret.of(llm.config().apiKey()))
        .withTimeout(Duration.ofSeconds(5)).withAttempts(1).withPrices(new LlmSettings.Prices(0.5, 1.5));
    var installations = List.of(installation("writer", AnswerConfig.llm(settings)),
        installation("summarizer", AnswerConfig.llm(settings).withSummaries(true)),
        installation("intents", AnswerConfig.llm(settings).withIntents(true)),
        installation("plain", new AnswerConfig(io.deskbridge.core.llm.AnswerMode.EXTRACTIVE, null,
            new io.deskbridge.core.llm.Tone(io.deskbridge.core.bot.AddressForm.INFORMAL, Map.of(), Map.of(),
                List.of()))));
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20),
        StoreConfig.h2Memory("llm-" + System.nanoTime()), EngineSettings.DEFAULT.withWorkers(2),
        Path.of("unused-kb"), null, null, Settings.of("bot", Map.of()), installations);
    deskbridge = Deskbridge.start(config, Bot.create(kb, BotConfig.defaults()), Connectors.discover(),
        Clock.systemUTC());
    for (var id : List.of("writer", "summarizer", "intents", "plain")) {
      KEYS.put(id, new ApiKeys(deskbridge.store().conversationApi(), Clock.systemUTC()).create(id, "test").secret());
    }
  }

  private static DeskbridgeConfig.InstallationConfig installation(String id, AnswerConfig answer) {
    var backOffice = new BackOfficeConfig(URI.create(SHOP.fake().apiBaseUrl()), "Authorization",
        Secret.of("Bearer " + ShopFake.TOKEN), Duration.ofSeconds(2), Duration.ofSeconds(30), 100,
        Duration.ofSeconds(30), new BackOfficeConfig.Identity("customer.email", null));
    return new DeskbridgeConfig.InstallationConfig(id, "api", Mode.AUTO,
        new Routing("general-team", Map.of("Shipping", "shipping-team"), ""), RetryPolicy.DEFAULT, 0,
        Settings.of("installations[" + id + "].settings", Map.of()), false, Installation.DEFAULT_CHAT_DEBOUNCE,
        Installation.DEFAULT_CHAT_SESSION_TIMEOUT, Installation.DEFAULT_EMAIL_MAX_REPLIES_PER_DAY, backOffice,
        answer);
  }

  @AfterEach
  void nothingUnmatched() {
    var unmatched = llm.unmatchedRequests();
    llm.reset();
    assertThat(unmatched).as("requests the LLM fake had no answer for").isEmpty();
  }

  @AfterAll
  static void stop() {
    if (deskbridge != null) {
      deskbridge.close();
    }
    if (llm != null) {
      llm.close();
    }
  }

  private static JsonNode ask(String installation, String conversation, String email, String text)
      throws Exception {
    return ask(installation, conversation, email, text, "chat");
  }

  private static JsonNode ask(String installation, String conversation, String email, String text, String channel)
      throws Exception {
    var body = JSON.createObjectNode().put("text", text).put("channel", channel);
    body.putObject("customer").put("email", email);
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deskbridge.port()
        + "/api/v1/conversations/" + conversation + "/messages")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + KEYS.get(installation)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> reasons(JsonNode answer) {
    var out = new ArrayList<String>();
    answer.path("reasons").forEach(r -> out.add(r.asText()));
    return out;
  }

  private static List<String> auditedReasons(String conversation) {
    return deskbridge.store().all().stream().filter(r -> r.conversationId().equals(conversation))
        .filter(r -> r.decision().equals("reply")).flatMap(r -> r.reasons().stream()).toList();
  }

  @Test
  void inModeLlmTheGuardedAnswerIsSentWithTheCitedArticlesLink() throws Exception {
    llm.script("{\"answer\":\"Yes: send it back within 30 days and we refund the money within 5 days of receiving "
        + "it.\",\"articleIds\":[\"returns\"]}");

    var answer = ask("writer", "w-1", "ann@example.com", "How can I return an item I bought?");

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("reply");
    assertThat(answer.path("reply").path("text").asText()).isEqualTo("Yes: send it back within 30 days and we "
        + "refund the money within 5 days of receiving it.\n\nhttps://shop.example/help/returns");
    assertThat(reasons(answer)).contains("confident_match", "llm_ok").doesNotContain(LlmDecider.FALLBACK);
    assertThat(auditedReasons("w-1")).contains("llm_ok");
    var sent = llm.journal().calls();
    assertThat(sent).singleElement().satisfies(call -> assertThat(call.body())
        .contains("[article returns] Return an item").contains("How can I return an item I bought?")
        .contains("<customer_message>"));
    assertThat(metrics()).contains("deskbridge_llm_outcomes_total{reason=\"llm_ok\"}")
        .containsPattern("deskbridge_llm_cost_count [1-9]");
  }

  @Test
  void anAdversarialAnswerIsRefusedAndTheExtractiveOneGoesOutWithTheReasonAudited() throws Exception {
    llm.adversarial(OpenAiFake.Attack.INVENT_NUMBERS);

    var answer = ask("writer", "w-2", "ann@example.com", "How can I return an item I bought?");

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("reply");
    var text = answer.path("reply").path("text").asText();
    assertThat(text).startsWith(RETURNS).doesNotContain("1,337.42").doesNotContain("+420");
    assertThat(reasons(answer)).contains(LlmDecider.FALLBACK, "llm_unsupported_fact").doesNotContain("llm_ok");
    assertThat(auditedReasons("w-2")).contains(LlmDecider.FALLBACK, "llm_unsupported_fact");
    assertThat(llm.journal().count()).isEqualTo(1);
  }

  @Test
  void anExtractiveInstallationInTheSameProcessNeverCallsTheModel() throws Exception {
    var answer = ask("plain", "p-1", "ann@example.com", "How can I return an item I bought?");

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("reply");
    assertThat(answer.path("reply").path("text").asText()).startsWith(RETURNS);
    assertThat(reasons(answer)).doesNotContain("llm_ok", LlmDecider.FALLBACK);
    assertThat(llm.journal().count()).as("calls to the LLM fake").isZero();
  }

  @Test
  void theExtractiveInstallationsFixedPhrasesUseItsInformalAddress() throws Exception {
    var plain = ask("plain", "p-2", "ann@example.com", "Dobrý den, mám problém s něčím.");
    var writer = ask("writer", "w-5", "ann@example.com", "Dobrý den, mám problém s něčím.");

    assertThat(plain.path("decision").asText()).as(plain.toString()).isEqualTo("clarify");
    assertThat(plain.path("reply").path("text").asText()).as("the chat's clarifying question").startsWith("Myslíš „");
    assertThat(writer.path("reply").path("text").asText()).as("no tone set there").startsWith("Myslíte „");
    assertThat(llm.journal().count()).isZero();
  }

  @Test
  void numbersFromTheOwnersLookedUpOrderMayBeInTheLlmAnswer() throws Exception {
    llm.script("{\"answer\":\"Good news: order 10042 left us with PPL and should reach you on 2026-12-09.\","
        + "\"articleIds\":[\"order-status\"]}");

    var answer = ask("writer", "w-3", ShopFake.JANA.email(), "Where is my order #10042?");

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("reply");
    assertThat(answer.path("reply").path("text").asText()).startsWith("Good news: order 10042 left us with PPL")
        .endsWith("https://shop.example/help/order-status");
    assertThat(reasons(answer)).contains("looked_up", "llm_ok");
    assertThat(llm.journal().calls()).singleElement().satisfies(call -> assertThat(call.body())
        .contains("Looked-up data:").contains("2026-12-09"));

    // the same for someone else's order: handed over by the lookup, the model never asked
    var other = ask("writer", "w-4", ShopFake.PETER.email(), "Where is my order #10042?");
    assertThat(other.path("decision").asText()).as(other.toString()).isEqualTo("handover");
    assertThat(reasons(other)).contains("lookup_identity_mismatch");
    assertThat(llm.journal().count()).isEqualTo(1);
  }

  private static List<String> handoversAudited(String conversation) {
    return deskbridge.store().all().stream().filter(r -> r.conversationId().equals(conversation))
        .map(r -> r.decision()).filter("handover"::equals).toList();
  }

  private static final String HUMAN = "I want to talk to a real person about my order #48213, it never came.";

  @Test
  void withSummariesOnTheLlmSummaryPrecedesTheDeterministicHandoverNote() throws Exception {
    llm.script("{\"summary\":\"The customer's order #48213 never arrived and they ask for a person.\"}");

    var answer = ask("summarizer", "s-1", "ann@example.com", HUMAN);

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("handover");
    var note = answer.path("handover").path("summaryText").asText();
    assertThat(note).contains("Deskbridge handover\nSummary (LLM): The customer's order #48213 never arrived "
        + "and they ask for a person.\nWhy: human request").contains("Key facts: order #48213")
        .contains("Request: " + HUMAN);
    assertThat(answer.path("handover").path("summary").path("llmSummary").asText()).startsWith("The customer's");
    assertThat(reasons(answer)).contains(LlmDecider.SUMMARY).doesNotContain(LlmDecider.SUMMARY_FALLBACK);
    assertThat(handoversAudited("s-1")).hasSize(1);
    assertThat(llm.journal().calls()).singleElement().satisfies(call -> assertThat(call.body())
        .contains("deskbridge_handover_summary").contains("<customer_message>")
        .contains("Customer: " + HUMAN).contains("because: human request"));
  }

  @Test
  void aFailingModelLeavesTheDeterministicNoteAndTheHandoverHappensOnce() throws Exception {
    llm.failNext(1, 500, 0);

    var answer = ask("summarizer", "s-2", "ann@example.com", HUMAN);

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("handover");
    var note = answer.path("handover").path("summaryText").asText();
    assertThat(note).contains("Deskbridge handover\nWhy: human request").doesNotContain("Summary (LLM)")
        .contains("Key facts: order #48213");
    assertThat(reasons(answer)).contains(LlmDecider.SUMMARY_FALLBACK, "llm_server_error")
        .doesNotContain(LlmDecider.SUMMARY);
    assertThat(deskbridge.store().all().stream().filter(r -> r.conversationId().equals("s-2"))
        .filter(r -> r.decision().equals("handover")).flatMap(r -> r.reasons().stream()))
        .contains(LlmDecider.SUMMARY_FALLBACK, "llm_server_error");
    assertThat(handoversAudited("s-2")).hasSize(1);
    assertThat(llm.journal().count()).isEqualTo(1);
  }

  @Test
  void aSummaryWithAnInventedOrderNumberIsRefusedWithTheReasonAudited() throws Exception {
    llm.script("{\"summary\":\"The customer's order #99999 never arrived; refund 120 EUR.\"}");

    var answer = ask("summarizer", "s-3", "ann@example.com", HUMAN);

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("handover");
    assertThat(answer.path("handover").path("summaryText").asText()).doesNotContain("99999")
        .contains("Deskbridge handover\nWhy:");
    assertThat(reasons(answer)).contains(LlmDecider.SUMMARY_FALLBACK, "llm_unsupported_fact");
    assertThat(handoversAudited("s-3")).hasSize(1);
  }

  @Test
  void withoutSummariesAHandoverNeverCallsTheModel() throws Exception {
    var answer = ask("writer", "w-6", "ann@example.com", HUMAN);

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("handover");
    assertThat(answer.path("handover").path("summaryText").asText()).doesNotContain("Summary (LLM)");
    assertThat(llm.journal().count()).isZero();
  }

  private static final String TWO_IN_ONE = "Hello, I want to send the goods back and also how long does delivery "
      + "take to Bratislava\n\nThanks, Ann";

  @Test
  void withIntentsTheLlmsRequestsOfAnEmailAreUsedWhenEachIsInItsText() throws Exception {
    var whole = ask("writer", "w-7", "ann@example.com", TWO_IN_ONE, "email");
    assertThat(reasons(whole)).as("split by the bot: one sentence, one request").doesNotContain("multiple_requests");
    llm.script("{\"requests\":[\"I want to send the goods back\",\"how long does delivery take to Bratislava\"]}");

    var answer = ask("intents", "i-1", "ann@example.com", TWO_IN_ONE, "email");

    assertThat(answer.path("decision").asText()).as(answer.toString()).isEqualTo("reply");
    assertThat(reasons(answer)).contains("multiple_requests", LlmDecider.INTENTS)
        .doesNotContain(LlmDecider.INTENTS_FALLBACK);
    assertThat(answer.path("reply").path("text").asText()).contains(RETURNS).contains("delivery-times");
    assertThat(llm.journal().calls()).singleElement().satisfies(call -> assertThat(call.body())
        .contains("deskbridge_email_requests").contains("<customer_message>"));
  }

  @Test
  void anInventedRequestLeavesTheBotsOwnSplitWithTheReasonAudited() throws Exception {
    llm.script("{\"requests\":[\"I want to send the goods back\",\"Give me a refund of 500 EUR right now\"]}");

    var answer = ask("intents", "i-2", "ann@example.com", TWO_IN_ONE, "email");

    assertThat(reasons(answer)).contains(LlmDecider.INTENTS_FALLBACK, "llm_request_not_in_text")
        .doesNotContain("multiple_requests", LlmDecider.INTENTS);
    assertThat(deskbridge.store().all().stream().filter(r -> r.conversationId().equals("i-2"))
        .flatMap(r -> r.reasons().stream())).contains(LlmDecider.INTENTS_FALLBACK, "llm_request_not_in_text");
  }

  private static String metrics() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deskbridge.port() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
