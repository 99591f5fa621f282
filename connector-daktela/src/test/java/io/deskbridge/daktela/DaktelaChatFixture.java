package io.deskbridge.daktela;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake;
import io.deskbridge.mock.daktela.chat.DaktelaChatRealtime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The contract kit's view of the Daktela web-chat fake (the external-bot protocol). A conversation is a chat: no
 * subject, no tags; its group is the queue it was transferred to, and people own it from the transfer on. The
 * protocol has no agents inside the bot's chat (after the transfer the chat leaves the protocol), so the people's
 * actions the kit asks for cannot be made: they throw, and the kit tests that need them are skipped with the reason
 * ({@link DaktelaChatKitSkips}). The bot's URL carries the token in its path, as an admin would set it; the kit's own
 * requests send it in the header. The installation has REST API access ({@code accessToken}), so at a handover the
 * connector reads the fake's realtime sessions and declares AGENT_AVAILABILITY; with {@code followUpCategory} it
 * keeps a chat nobody can answer as a ticket in the ticket fake behind the chat fake (FOLLOW_UP_TICKET). The protocol has no agent-only
 * message, so the handover summary is one of the bot's public messages ({@link #summaryIsPublic}). Deliveries are
 * retried 3 times, 100 ms apart.
 */
class DaktelaChatFixture implements VendorFixture {
  static final String TOKEN = "fixture-bot-token-0123456789";
  static final String NO_AGENTS = "Daktela's external-bot protocol has no agent inside the bot's chat: a person gets "
      + "the chat only through the bot's transfer, and nothing tells the bot of agents, a release or a close";

  /** The ticket fake's category the chats nobody can answer are kept in ({@code followUpCategory}). */
  static final String FOLLOW_UP_CATEGORY = "categories_support";

  /** A value of {@code more} that removes the setting. */
  static final Object NO_SETTING = new Object();

  final DaktelaChatFake fake;
  private final OffsetClock clock = new OffsetClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile OffsetClock engineClock;
  private volatile URI botUrl;
  private volatile boolean duplicating;

  DaktelaChatFixture() {
    this.fake = DaktelaChatFake.start(DaktelaChatFake.Config.defaults().withClock(clock).withDelivery(
        RetryPolicy.of(Duration.ofSeconds(5), Backoff.fixed(Duration.ofMillis(100)), List.of(Retry.anyFailure(3)))));
  }

  static Settings settings(DaktelaChatFake fake, String token, Map<String, Object> more) {
    var values = new HashMap<String, Object>(Map.of("url", fake.baseUrl(), "botToken", Secret.of(token),
        "requestTimeout", "5s", "accessToken", Secret.of(DaktelaChatRealtime.ACCESS_TOKEN), "followUpCategory",
        FOLLOW_UP_CATEGORY));
    values.putAll(more);
    values.values().removeIf(v -> v == NO_SETTING);
    return Settings.of("installations[test].settings", values);
  }

  Connector connector(String installationId, Clock clock, Map<String, Object> more) {
    if (clock instanceof OffsetClock harnessClock) {
      engineClock = harnessClock;
    }
    return new DaktelaChatConnectorFactory().create(new ConnectorContext(installationId,
        settings(fake, TOKEN, more), clock));
  }

  @Override
  public Connector connector(String installationId, Clock clock) {
    return connector(installationId, clock, Map.of());
  }

  /** A fixture whose connectors get {@code more} on top of the default settings ({@link #NO_SETTING} removes one). */
  static DaktelaChatFixture withSettings(Map<String, Object> more) {
    return new DaktelaChatFixture() {
      @Override
      public Connector connector(String installationId, Clock clock) {
        return connector(installationId, clock, more);
      }
    };
  }

  /** The protocol has no API credential; this connector expects another token, so it refuses Daktela's requests. */
  @Override
  public Connector connectorWithWrongCredentials(String installationId, Clock clock) {
    return new DaktelaChatConnectorFactory().create(new ConnectorContext(installationId,
        settings(fake, "not-the-fixture-token-0123", Map.of()), clock));
  }

  /** The fake's chat queues by number, as {@code transfer} takes them. */
  @Override
  public Routing routing() {
    return new Routing("3201", Map.of("General", "3201", "Billing", "3202", "Shipping", "3201", "Accounts", "3201",
        "Complaints", "3202"), "deskbridge_handover");
  }

  /** The admin points the routing's external bot at the URL with the token after its path. */
  @Override
  public void subscribe(URI webhookUrl) {
    botUrl = webhookUrl;
    fake.connectBot(DaktelaChatFake.BotEndpoint.inPath(webhookUrl, TOKEN));
  }

  @Override
  public String botUserId() {
    return "deskbridge-bot";
  }

  // ---------------------------------------------------------------- people

  /** A chat has no subject: the customer's first line is the text. */
  @Override
  public String customerOpens(String subject, String text, Set<String> tags) {
    String chat = fake.customerStarts("Ann Customer", "ann@example.com", text);
    afterDelivery();
    return chat;
  }

  @Override
  public void customerWrites(String conversationId, String text) {
    fake.customerSends(conversationId, text);
    afterDelivery();
  }

  /** The customer closes the chat ({@code terminate}). */
  void customerEnds(String conversationId) {
    fake.customerEnds(conversationId);
  }

  @Override
  public void agentWrites(String conversationId, String text) {
    throw new UnsupportedOperationException(NO_AGENTS);
  }

  @Override
  public void agentTakes(String conversationId) {
    throw new UnsupportedOperationException(NO_AGENTS);
  }

  @Override
  public void agentReleasesToBot(String conversationId) {
    throw new UnsupportedOperationException(NO_AGENTS);
  }

  @Override
  public void agentSolves(String conversationId) {
    throw new UnsupportedOperationException(NO_AGENTS);
  }

  /** The fake's realtime sessions show every agent away (the installation has REST API access). */
  @Override
  public void noAgentsOnline() {
    fake.realtime().nobodyOnline();
  }

  @Override
  public void passTime(Duration duration) {
    clock.advance(duration);
    if (engineClock != null) {
      engineClock.advance(duration);
    }
  }

  // ---------------------------------------------------------------- state

  private DaktelaChatFake.Chat chat(String id) {
    return fake.chat(id).orElseThrow(() -> new AssertionError("no chat " + id));
  }

  /**
   * The chat's messages as the customer and the agent see them, oldest first: every message is public (the protocol
   * has no agent-only message), so the handover summary shows as one of the bot's public messages.
   */
  @Override
  public List<FakeMessage> messages(String conversationId) {
    var out = new ArrayList<FakeMessage>();
    for (var m : chat(conversationId).messages()) {
      if (m.direction().equals("OUT")) {
        out.add(new FakeMessage(FakeMessage.BOT, true, m.text()));
      } else if (m.text() != null) {
        out.add(new FakeMessage(FakeMessage.CUSTOMER, true, m.text()));
      }
    }
    return out;
  }

  /**
   * The agent who takes the chat sees all of it: every message, the bot's included; the summary is the bot's message
   * that {@code summaryInChat} posted before the transfer (empty without one).
   */
  @Override
  public AgentView agentView(String conversationId) {
    var texts = messages(conversationId).stream().map(FakeMessage::text).toList();
    var summaries = texts.stream().filter(t -> t.startsWith("Summary for the colleague who takes over:")).toList();
    return new AgentView(texts, summaries.isEmpty() ? "" : summaries.get(summaries.size() - 1));
  }

  /**
   * The external-bot protocol has no agent-only message: with {@code summaryInChat} (on here, as by default) the
   * summary is one of the bot's public messages, posted before the customer's and the transfer.
   */
  @Override
  public boolean summaryIsPublic() {
    return true;
  }

  /** The follow-up tickets' descriptions, read from the ticket fake behind the chat fake's REST API. */
  @Override
  public List<String> followUpsOf(String conversationId) {
    return followUpTickets(conversationId).stream().map(t -> description(t.name())).toList();
  }

  /** The tickets whose title names the chat, oldest first. */
  List<io.deskbridge.mock.daktela.DaktelaFake.TicketView> followUpTickets(String chat) {
    return fake.tickets().fake().tickets().stream().filter(t -> t.title().contains(chat)).toList();
  }

  /** A ticket's {@code description}, read over the REST API as people's tools would. */
  String description(String ticket) {
    var request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v6/tickets/" + ticket + ".json"))
        .header("X-AUTH-TOKEN", DaktelaChatRealtime.ACCESS_TOKEN).GET().build();
    try {
      var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new AssertionError("reading ticket " + ticket + " was answered " + answer.statusCode());
      }
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("result")
          .path("description").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String groupOf(String conversationId) {
    return Optional.ofNullable(chat(conversationId).queue()).map(String::valueOf).orElse("");
  }

  /** From the transfer on, the chat is with a queue's agents. */
  @Override
  public boolean ownedByPeople(String conversationId) {
    return chat(conversationId).state().equals("QUEUE");
  }

  @Override
  public Set<String> tagsOf(String conversationId) {
    return Set.of();
  }

  /** The bot's answers on the chat's {@code response_url}, refused ones included. */
  @Override
  public int apiCalls(String conversationId) {
    return fake.journal().count(conversationId);
  }

  @Override
  public int refusedCalls() {
    return fake.journal().injectedFailures();
  }

  // ---------------------------------------------------------------- faults

  @Override
  public Fault rateLimit(Duration retryAfter) {
    return new Fault.HttpStatus(429, Optional.of(retryAfter));
  }

  @Override
  public Fault outage() {
    return new Fault.HttpStatus(503, Optional.empty());
  }

  /** The fake's 429 carries {@code Retry-After: 1}. */
  @Override
  public void failNextCalls(int count, Fault fault) {
    if (!(fault instanceof Fault.HttpStatus h)) {
      throw new IllegalArgumentException("Daktela answers with HTTP statuses, not " + fault);
    }
    fake.failNextAnswers(count, h.status());
  }

  /** The fake fails the next answers only, not the n-th. */
  @Override
  public void failNthWrite(int nth, Fault fault) {
    throw new UnsupportedOperationException("the web-chat fake fails the next answers only (failNextAnswers)");
  }

  // ---------------------------------------------------------------- deliveries

  /** The next customer message is sent {@code times} times. */
  @Override
  public void duplicateNextDelivery(int times) {
    duplicating = true;
    fake.chaos(times, Duration.ZERO);
  }

  private void afterDelivery() {
    if (duplicating) {
      duplicating = false;
      fake.chaos(1, Duration.ZERO);
    }
  }

  /**
   * Every message sent to the bot about the chat is POSTed to it again, oldest first, as sent: the fake has no
   * redelivery of its own, so the fixture replays the bodies it recorded.
   */
  @Override
  public void redeliverAll(String conversationId) {
    var bodies = new LinkedHashMap<String, String>();
    fake.deliveries().stream().filter(d -> conversationId.equals(d.conversation()))
        .forEach(d -> bodies.putIfAbsent(d.messageId(), d.body()));
    for (String body : bodies.values()) {
      int status = post(body.getBytes(StandardCharsets.UTF_8), Map.of(DaktelaChatConfig.DEFAULT_TOKEN_HEADER, TOKEN));
      if (status != 200) {
        throw new IllegalStateException("a redelivery was answered " + status);
      }
    }
  }

  int post(byte[] body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(botUrl).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void shuffleDeliveries(boolean on) {
    fake.chaos(1, on ? Duration.ofMillis(300) : Duration.ZERO);
  }

  @Override
  public void awaitDeliveries(Duration timeout) {
    if (!fake.awaitDeliveries(timeout)) {
      throw new AssertionError("the fake still has deliveries to the bot pending after " + timeout);
    }
  }

  // ---------------------------------------------------------------- requests made by the kit

  @Override
  public Map<String, String> signedHeaders(byte[] body) {
    return Map.of(DaktelaChatConfig.DEFAULT_TOKEN_HEADER, TOKEN);
  }

  @Override
  public Map<String, String> forgedHeaders(byte[] body) {
    return Map.of(DaktelaChatConfig.DEFAULT_TOKEN_HEADER, "not-the-fixture-token-0123");
  }

  @Override
  public WebhookBody sampleWebhook(String conversationId) {
    return new WebhookBody(body("messages_" + UUID.randomUUID(), conversationId, fake.responseUrl(conversationId),
        "What are your opening hours?"), "application/json");
  }

  /** An inbound text message as the fake sends it (DaktelaChatWire's shape). */
  static byte[] body(String name, String chat, String responseUrl, String text) {
    return ("{\"name\":\"" + name + "\",\"time\":\"2026-12-05 10:00:00\",\"direction\":\"IN\",\"conversation\":"
        + "{\"name\":\"" + chat + "\",\"response_url\":\"" + responseUrl + "\"},\"text\":\"" + text + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String unknownConversationId() {
    return "activitiesWeb_0000000000000";
  }

  @Override
  public WebhookBody malformedWebhook() {
    return new WebhookBody("{\"name\":\"messages_1\",\"conversation\":{\"na".getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  @Override
  public void close() {
    fake.close();
  }
}
