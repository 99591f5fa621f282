package io.deskbridge.mock.daktela.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.deskbridge.mock.base.SteppedClock;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web-chat round trip over real HTTP: the fake posts to a bot, the bot answers on the response_url. */
class DaktelaChatFakeIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T13:00:00Z"));

  @RegisterExtension
  final DaktelaChatFakeExtension ext = new DaktelaChatFakeExtension(DaktelaChatFake.Config.defaults()
      .withClock(clock));

  /** The bot's endpoint: records each inbound request's path, token header and body. */
  record Inbound(String path, String token, JsonNode body) {}

  private final List<Inbound> inbound = new CopyOnWriteArrayList<>();
  private final HttpServer bot;

  DaktelaChatFakeIT() throws IOException {
    bot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bot.createContext("/", x -> {
      inbound.add(new Inbound(x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("X-Bot-Token"),
          DaktelaChatWire.JSON.readTree(x.getRequestBody().readAllBytes())));
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    bot.start();
  }

  @AfterEach
  void stop() {
    bot.stop(0);
  }

  private DaktelaChatFake fake() {
    return ext.fake();
  }

  private URI botUrl() {
    return URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/daktela/chat");
  }

  private static HttpResponse<String> post(String url, String json) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private JsonNode lastInbound() {
    assertThat(fake().awaitDeliveries(WAIT)).isTrue();
    return inbound.get(inbound.size() - 1).body();
  }

  @Test
  void aCustomersMessageReachesTheBotWithTheTokenInThePathAndTheBotsReplyIsRecorded() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(botUrl(), "t0k3n"));
    String chat = fake().customerStarts("Ann", "ann@example.com", "When do you open?");

    JsonNode in = lastInbound();
    assertThat(inbound.get(0).path()).isEqualTo("/daktela/chat/t0k3n");
    assertThat(in.get("direction").asText()).isEqualTo("IN");
    assertThat(in.get("time").asText()).isEqualTo("2026-12-04 14:00:00");
    assertThat(in.get("text").asText()).isEqualTo("When do you open?");
    assertThat(in.get("conversation").get("name").asText()).isEqualTo(chat);
    String responseUrl = in.get("conversation").get("response_url").asText();
    assertThat(responseUrl).isEqualTo(fake().responseUrl(chat));

    HttpResponse<String> r = post(responseUrl, "{\"conversation\":{\"name\":\"" + chat + "\"},"
        + "\"text\":\"We open at 9. Anything else?\",\"quickreply\":[{\"text\":\"No, thanks\",\"name\":\"done\"}]}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"result\":\"OK\"}");
    DaktelaChatFake.Chat c = fake().chat(chat).orElseThrow();
    assertThat(c.state()).isEqualTo("BOT");
    assertThat(c.replies()).singleElement().satisfies(reply -> {
      assertThat(reply.text()).isEqualTo("We open at 9. Anything else?");
      assertThat(reply.quickReplies()).extracting(DaktelaChatWire.Choice::name).containsExactly("done");
    });
    assertThat(c.messages()).extracting(DaktelaChatFake.Message::direction).containsExactly("IN", "OUT");

    fake().customerChooses(chat, "done", "No, thanks");
    JsonNode choice = lastInbound();
    assertThat(choice.get("quickreply").get("name").asText()).isEqualTo("done");
    assertThat(fake().journal().count(chat)).isEqualTo(1);
  }

  @Test
  void theTokenCanGoInAHeaderInstead() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inHeader(botUrl(), "X-Bot-Token", "t0k3n"));
    fake().customerStarts("Ann", null, "Hi");
    lastInbound();
    assertThat(inbound.get(0).path()).isEqualTo("/daktela/chat");
    assertThat(inbound.get(0).token()).isEqualTo("t0k3n");
  }

  @Test
  void aTransferHandsTheChatToTheQueueAndTheBotHearsNoMoreAndMayNotAnswer() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(botUrl(), "t0k3n"));
    String chat = fake().customerStarts("Ann", null, "I want a person");
    lastInbound();

    assertThat(post(fake().responseUrl(chat), "{\"conversation\":{\"name\":\"" + chat + "\"},\"transfer\":9999}")
        .statusCode()).as("an unknown queue").isEqualTo(400);
    assertThat(post(fake().responseUrl(chat), "{\"conversation\":{\"name\":\"" + chat + "\"},\"transfer\":3201}")
        .statusCode()).isEqualTo(200);
    fake().customerSends(chat, "Hello?");
    HttpResponse<String> late = post(fake().responseUrl(chat), "{\"conversation\":{\"name\":\"" + chat + "\"},"
        + "\"text\":\"Still me\"}");

    assertThat(fake().awaitDeliveries(WAIT)).isTrue();
    assertThat(inbound).hasSize(1);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("transferred to queue 3201");
    DaktelaChatFake.Chat c = fake().chat(chat).orElseThrow();
    assertThat(c.state()).isEqualTo("QUEUE");
    assertThat(c.queue()).isEqualTo(3201);
    assertThat(c.replies()).isEmpty();
    assertThat(c.refused()).extracting(DaktelaChatFake.Refusal::status).containsExactly(400, 409);
  }

  @Test
  void malformedAnswersGetA400WithTheReasonAndAreKeptForTheTest() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(botUrl(), "t0k3n"));
    String chat = fake().customerStarts("Ann", null, "Hi");
    lastInbound();

    HttpResponse<String> r = post(fake().responseUrl(chat), "{\"conversation\":{\"name\":\"" + chat + "\"},"
        + "\"text\":\"Hi\",\"transfer\":3201}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"result\":null,\"error\":\"\\\"transfer\\\" goes alone: send the text first, "
        + "then the transfer\"}");
    assertThat(fake().chat(chat).orElseThrow().refused()).singleElement()
        .satisfies(x -> assertThat(x.body()).contains("\"transfer\":3201"));
    assertThat(fake().chat(chat).orElseThrow().state()).isEqualTo("BOT");
  }

  @Test
  void theCustomerEndingTheChatSendsTerminate() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(botUrl(), "t0k3n"));
    String chat = fake().customerStarts("Ann", null, "Hi");
    fake().customerEnds(chat);

    assertThat(lastInbound().get("terminate").asBoolean()).isTrue();
    assertThat(fake().chat(chat).orElseThrow().state()).isEqualTo("CLOSED");
    assertThatThrownBy(() -> fake().customerSends(chat, "again")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void injectedFailuresStrikeTheBotsAnswersWithoutRecordingThem() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(botUrl(), "t0k3n"));
    String chat = fake().customerStarts("Ann", null, "Hi");
    lastInbound();
    fake().failNextAnswers(1, 503);
    String body = "{\"conversation\":{\"name\":\"" + chat + "\"},\"text\":\"Hello\"}";

    assertThat(post(fake().responseUrl(chat), body).statusCode()).isEqualTo(503);
    assertThat(post(fake().responseUrl(chat), body).statusCode()).isEqualTo(200);
    assertThat(fake().chat(chat).orElseThrow().replies()).extracting(Answer.Reply::text).containsExactly("Hello");
    assertThat(fake().journal().injectedFailures()).isEqualTo(1);
  }

  @Test
  void aDelayedAnswerTakesEffectAndIsAnsweredLate() throws Exception {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(botUrl(), "t0k3n"));
    String chat = fake().customerStarts("Ann", null, "Hi");
    lastInbound();
    fake().delayNextAnswers(1, Duration.ofSeconds(2));
    String body = "{\"conversation\":{\"name\":\"" + chat + "\"},\"text\":\"Hello\"}";

    assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(fake().responseUrl(chat)))
        .header("Content-Type", "application/json").timeout(Duration.ofMillis(300))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(fake().chat(chat).orElseThrow().replies()).as("served before the late answer")
        .extracting(Answer.Reply::text).containsExactly("Hello");
    assertThat(post(fake().responseUrl(chat), body).statusCode()).as("only the next answer was late").isEqualTo(200);
    assertThat(fake().journal().injectedFailures()).isZero();
  }

  @Test
  void theControlEndpointsDriveACustomerAndReadTheChatBack() {
    String base = fake().baseUrl() + "/__control";
    assertThat(post(base + "/bot", "{\"url\":\"" + botUrl() + "\",\"token\":\"t0k3n\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> started = post(base + "/chats", "{\"name\":\"Ann\",\"text\":\"Hi\"}");
    assertThat(started.statusCode()).isEqualTo(201);
    String chat = started.body().replaceAll(".*\"chat\":\"([^\"]+)\".*", "$1");
    await().atMost(WAIT).until(() -> inbound.size() == 1);
    post(fake().responseUrl(chat), "{\"conversation\":{\"name\":\"" + chat + "\"},\"text\":\"Hello Ann\"}");

    assertThat(post(base + "/chats", "{\"text\":\"x\",\"colour\":\"red\"}").statusCode()).isEqualTo(400);
    assertThat(post(base + "/chats/activitiesWeb_0000000000000/messages", "{\"text\":\"x\"}").statusCode())
        .isEqualTo(404);
    try {
      String read = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/chats/" + chat)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(read).contains("\"state\":\"BOT\"", "\"text\":\"Hello Ann\"", "\"direction\":\"OUT\"");
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void duplicatesReachTheBotWithTheSameMessageNameAndRoutesCanMove() throws IOException {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inPath(URI.create("http://127.0.0.1:1/nowhere"), "t0k3n"));
    fake().routeDeliveriesTo(List.of(botUrl().resolve("/daktela/chat/t0k3n")));
    fake().chaos(2, Duration.ZERO);
    String chat = fake().customerStarts("Ann", null, "Hi");
    assertThat(fake().awaitDeliveries(WAIT)).isTrue();

    assertThat(inbound).hasSize(2);
    assertThat(inbound).extracting(i -> i.body().get("name").asText()).containsOnly(
        fake().chat(chat).orElseThrow().messages().get(0).name());
  }

  @Test
  void anEarlierMessageCanBeSentAgainAfterTheChatLeftTheBot() {
    fake().connectBot(DaktelaChatFake.BotEndpoint.inHeader(botUrl(), "X-Bot-Token", "t0k3n"));
    String chat = fake().customerStarts("Ann", null, "Hi");
    String first = fake().chat(chat).orElseThrow().messages().get(0).name();
    assertThat(post(fake().responseUrl(chat), "{\"conversation\":{\"name\":\"" + chat + "\"},\"transfer\":3201}")
        .statusCode()).isEqualTo(200);
    fake().customerSends(chat, "Anyone?"); // in the queue: not sent to the bot
    assertThat(fake().sentToBot(chat)).containsExactly(first);

    fake().redeliver(first);
    assertThat(fake().awaitDeliveries(WAIT)).isTrue();

    assertThat(inbound).hasSize(2).allSatisfy(i -> assertThat(i.body().get("name").asText()).isEqualTo(first));
    assertThat(inbound.get(1).body()).isEqualTo(inbound.get(0).body());
    assertThatThrownBy(() -> fake().redeliver("messages_nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messages_nope");
  }

  @Test
  void withoutAConnectedBotACustomerCannotStartAndNothingIsRecorded() {
    assertThatThrownBy(() -> fake().customerStarts("Ann", null, "Hi")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connectBot");
    assertThat(fake().chats()).isEmpty();
  }

  @Test
  void unknownPathsAreLoud404s() {
    assertThat(post(fake().baseUrl() + "/external-bot/response/nope", "{}").statusCode()).isEqualTo(404);
    assertThat(fake().unmatchedRequests()).singleElement().asString().startsWith("POST /external-bot/response/");
    fake().reset();
  }
}
