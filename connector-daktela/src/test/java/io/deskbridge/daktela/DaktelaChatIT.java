package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is Daktela web chat's own, end to end on its fake: the handover (the customer is told, the summary's
 * customer-safe lines are above the transfer, the transfer goes to the routed queue, and the bot is silent after it),
 * the token in the path or a header, the {@code response_url} held to the configured instance, deduplication by the
 * message's name, the customer ending the chat, and control coming back after a transfer. The kit's ownership and
 * client-contract tests cannot apply: the protocol has no agents inside the bot's chat and no read call.
 */
class DaktelaChatIT extends AbstractConnectorIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected VendorFixture fixture() {
    return new DaktelaChatFixture();
  }

  private DaktelaChatFake fake() {
    return ((DaktelaChatFixture) fixture).fake;
  }

  private DaktelaChatFake.Chat chat(String id) {
    return fake().chat(id).orElseThrow();
  }

  private HttpResponse<String> post(URI url, byte[] body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> token() {
    return Map.of(DaktelaChatConfig.DEFAULT_TOKEN_HEADER, DaktelaChatFixture.TOKEN);
  }

  @Test
  void aHandoverTellsTheCustomerThenTransfersToTheRoutedQueueWithTheSummaryAboveAndTheBotFallsSilent() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    var replies = chat(id).replies();
    assertThat(replies).as("the summary, then the message to the customer, both before the transfer").hasSize(2);
    assertThat(replies.get(0).text()).startsWith("Summary for the colleague who takes over:").contains("48213")
        .contains("jan@example.com").doesNotContain("Tone:", "Confidence:", "anger");
    assertThat(replies.get(1).text()).doesNotContain("Summary");
    assertThat(chat(id).state()).isEqualTo("QUEUE");
    assertThat(chat(id).queue()).isIn(DaktelaChatFake.QUEUES.keySet());
    assertRouted(id);
    assertThat(chat(id).refused()).as("nothing was sent after the transfer").isEmpty();
    assertThat(decisions(id, "handover")).hasSize(1);

    int answers = fixture.apiCalls(id);
    fixture.customerWrites(id, "Hello? How do I reset my password?");
    settle();
    assertThat(fixture.apiCalls(id)).as("the chat is the queue's: the bot writes nothing").isEqualTo(answers);
    assertThat(fixture.messages(id)).last().isEqualTo(new FakeMessage(FakeMessage.CUSTOMER, true,
        "Hello? How do I reset my password?"));
  }

  @Test
  void withoutSummaryInChatOnlyTheCustomersMessageGoesBeforeTheTransfer() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("summaryInChat", false)));

    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(chat(id).replies()).singleElement().satisfies(r -> assertThat(r.text()).doesNotContain("48213"));
    assertThat(chat(id).state()).isEqualTo("QUEUE");
  }

  /**
   * Daktela takes the reply but answers after the connector's timeout: the protocol cannot tell whether it arrived, so
   * it is not posted again (at most once), and the customer sees it once.
   */
  @Test
  void aReplyWhoseAnswerCameTooLateIsNotPostedAgain() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("requestTimeout", "300ms")));
    fake().delayNextAnswers(1, java.time.Duration.ofSeconds(2));
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        io.deskbridge.daktela.internal.chat.DaktelaChatClient.class);
    var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try {
      String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
      settleWhen(() -> !decisions(id, "reply").isEmpty());
      settle();

      assertThat(chat(id).replies()).as("the reply reached the chat once").hasSize(1);
      assertThat(fixture.apiCalls(id)).as("one POST, not repeated").isEqualTo(1);
      assertThat(chat(id).refused()).isEmpty();
      assertThat(appender.list).as("the unknown outcome is visible, without the response_url or the token")
          .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("test: outcome unknown").contains(id))
          .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(fake().responseUrl(id),
              "/external-bot/", DaktelaChatFixture.TOKEN));
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void theTokenGoesInThePathOrAHeaderAndAWrongOrMissingOneIsRefused() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    byte[] body = DaktelaChatFixture.body("messages_path", id, fake().responseUrl(id), "How can I return an item?");
    URI base = harness.webhookUrl();

    assertThat(post(URI.create(base + "/not-the-fixture-token-0123"), body, Map.of()).statusCode()).isEqualTo(401);
    var missing = post(base, body, Map.of());
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("missing token");
    assertThat(post(base, body, Map.of(DaktelaChatConfig.DEFAULT_TOKEN_HEADER, DaktelaChatFixture.TOKEN + "x"))
        .statusCode()).isEqualTo(401);
    assertThat(bot(id, true)).as("nothing refused was answered").hasSize(1);

    assertThat(post(URI.create(base + "/" + DaktelaChatFixture.TOKEN), body, Map.of()).statusCode())
        .as("the token in the path").isEqualTo(200);
    settleWhen(() -> bot(id, true).size() == 2);
    byte[] next = DaktelaChatFixture.body("messages_header", id, fake().responseUrl(id), "How long does delivery take?");
    assertThat(post(base, next, token()).statusCode()).as("the token in the header").isEqualTo(200);
    settleWhen(() -> bot(id, true).size() == 3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "https://evil.example.com/external-bot/x",
      "http://127.0.0.1:1/external-bot/response/x", "http://user@127.0.0.1:{port}/external-bot/response/x", "/relative"})
  void aResponseUrlOffTheConfiguredInstanceIsRefusedWith400AndNothingIsPosted(String url) {
    String responseUrl = url.replace("{port}", String.valueOf(URI.create(fake().baseUrl()).getPort()));
    byte[] body = DaktelaChatFixture.body("messages_ssrf", "activitiesWeb_00000000000aa", responseUrl,
        "How do I reset my password?");

    var response = post(harness.webhookUrl(), body, token());
    settle();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not on the configured Daktela instance");
    assertThat(harness.inboxEvents()).isZero();
    assertThat(fake().journal().count()).as("no call anywhere").isZero();
  }

  @Test
  void theSameMessageNameTwiceIsAnsweredOnce() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    byte[] body = DaktelaChatFixture.body("messages_twice", id, fake().responseUrl(id), "How can I return an item?");

    assertThat(post(harness.webhookUrl(), body, token()).statusCode()).isEqualTo(200);
    assertThat(post(harness.webhookUrl(), body, token()).statusCode()).isEqualTo(200);
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).hasSize(2);
    assertThat(decisions(id, "reply")).hasSize(2);
  }

  @Test
  void theCustomerEndingTheChatClosesIt() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    ((DaktelaChatFixture) fixture).customerEnds(id);
    settleWhen(() -> harness.audit(id).stream().anyMatch(r -> r.reasons().contains("conversation_solved")));

    assertThat(bot(id, true)).hasSize(1);
  }

  /**
   * Daktela sends the bot a customer's message only while the bot has the chat, so one after the transfer means the
   * chat came back: a new bot episode. The fake cannot give a chat back, so the test sends that message itself; the
   * fake still has the chat in its queue and refuses the answer with 409, which stops the bot.
   */
  @Test
  void aMessageAfterTheTransferIsControlComingBackAndStartsANewEpisode() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    int answers = fixture.apiCalls(id);

    byte[] body = DaktelaChatFixture.body("messages_back", id, fake().responseUrl(id),
        "How do I reset my password? I can't log in.");
    assertThat(post(harness.webhookUrl(), body, token()).statusCode()).isEqualTo(200);
    settleWhen(() -> !decisions(id, "reply").isEmpty() && fixture.apiCalls(id) > answers);

    assertThat(harness.audit(id)).filteredOn(r -> r.reasons().contains("released_to_bot")).singleElement()
        .satisfies(r -> assertThat(r.episode()).isEqualTo(2));
    assertThat(decisions(id, "reply")).singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
    assertThat(chat(id).refused()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(409));
    assertThat(fixture.apiCalls(id)).as("one refused answer, not retried").isEqualTo(answers + 1);
  }

  /**
   * A handover decided for a chat that is no longer the bot's: Daktela answers the first POST with 409, which no
   * repetition can change, so it is not sent again and nothing follows it.
   */
  @Test
  void a409IsNotRetried() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    int answers = fixture.apiCalls(id);

    byte[] body = DaktelaChatFixture.body("messages_409", id, fake().responseUrl(id),
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");
    assertThat(post(harness.webhookUrl(), body, token()).statusCode()).isEqualTo(200);
    settleWhen(() -> decisions(id, "handover").size() == 2 && fixture.apiCalls(id) > answers);
    settle();

    assertThat(fixture.apiCalls(id)).as("one refused POST, not repeated").isEqualTo(answers + 1);
    assertThat(chat(id).refused()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(409));
  }

  /**
   * The transfer reached Daktela but its answer came after the timeout; sent again, it meets a 409 (the chat is the
   * queue's already), which for a transfer means done: no failure, no third attempt.
   */
  @Test
  void aTransferSentAgainAfterNoAnswerIsDoneOnItsConflict() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("requestTimeout", "300ms")));
    fake().delayAnswer(3, java.time.Duration.ofSeconds(2)); // the summary, the customer's message, the transfer

    String id = handedOver();
    settle();

    assertThat(chat(id).state()).isEqualTo("QUEUE");
    assertThat(fixture.apiCalls(id)).as("the transfer twice, the second refused").isEqualTo(4);
    assertThat(chat(id).refused()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(409));
    assertThat(harness.audit(id)).as("nothing failed").noneMatch(r -> r.decision().equals("failed"));
  }

  /** After a restart the connector knows no chat; a chat given back after its transfer is still recognised. */
  @Test
  void aChatTransferredBeforeARestartIsTheBotsAgainWhenItComesBack() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    harness.restart();
    int answers = fixture.apiCalls(id);

    byte[] body = DaktelaChatFixture.body("messages_after_restart", id, fake().responseUrl(id),
        "How do I reset my password? I can't log in.");
    assertThat(post(harness.webhookUrl(), body, token()).statusCode()).isEqualTo(200);
    settleWhen(() -> !decisions(id, "reply").isEmpty() && fixture.apiCalls(id) > answers);

    assertThat(decisions(id, "reply")).singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
    assertThat(chat(id).refused()).as("the fake still has it in the queue").singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(409));
  }

  /**
   * Outside business hours the customer is told when someone will answer before the transfer, and the summary in the
   * chat says so for the agent: never a silent queue (the kit checks the same, the summary being one of the bot's
   * public messages).
   */
  @Test
  void aHandoverOutsideBusinessHoursTellsTheCustomerWhenBeforeTheTransfer() {
    java.time.LocalDate today = java.time.LocalDate.ofInstant(harness.clock().instant(), java.time.ZoneOffset.UTC);
    var hours = new io.deskbridge.core.engine.BusinessHours(java.time.ZoneOffset.UTC,
        io.deskbridge.core.engine.BusinessHours.Week.parse("Mon-Sun 09:00-17:00"), Map.of(),
        java.util.Set.of(today, today.plusDays(1), today.plusDays(2)));
    harness.use(io.deskbridge.core.contract.ConnectorHarness.Setup.DEFAULT.withHours(hours));

    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    var replies = chat(id).replies();
    assertThat(replies).hasSize(2);
    assertThat(replies.get(0).text()).startsWith("Summary for the colleague who takes over:")
        .contains("Outside business hours");
    assertThat(replies.get(1).text()).contains("once our working hours start");
    assertThat(chat(id).state()).as("queued with the people, never dropped").isEqualTo("QUEUE");
    assertThat(chat(id).refused()).isEmpty();
  }
}
