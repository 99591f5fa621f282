package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP control endpoints ({@code /__control/...}) through {@link ZendeskFakeControl} and raw HTTP: customers
 * and agents act with the right attribution, faults reach API callers, bad input is refused with a reason.
 */
class ZendeskFakeControlIT {
  private static final String SECRET = "control-it-secret";
  private static final Duration IDLE = Duration.ofSeconds(10);

  @RegisterExtension
  static final ZendeskFakeExtension ZENDESK = new ZendeskFakeExtension(ZendeskFakeConfig.defaults()
      .withDelivery(Duration.ofMillis(500), 2, Duration.ofMillis(50)));

  private ZendeskFake fake;
  private ZendeskFakeControl control;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws IOException {
    fake = ZENDESK.fake();
    control = ZendeskFakeControl.at(fake.baseUrl());
    receiver = new WebhookReceiver();
    fake.registerEventWebhook(receiver.uri(), SECRET);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private List<WebhookReceiver.Received> delivered() {
    assertThat(fake.awaitIdle(IDLE)).isTrue();
    return receiver.received();
  }

  @Test
  void aControlTicketIsTheCustomersOwnAndItsWebhookSaysSo() {
    long id = control.createTicket("ann@example.com", "Ann", "Hours", "What are your opening hours?",
        List.of("vip"));

    TicketView t = fake.ticket(id).orElseThrow();
    assertThat(t.requesterId()).isNotEqualTo(fake.botUserId());
    assertThat(t.submitterId()).isEqualTo(t.requesterId());
    assertThat(t.viaChannel()).isEqualTo("web");
    assertThat(t.tags()).containsExactly("vip");
    assertThat(fake.comments(id)).singleElement().satisfies(c -> {
      assertThat(c.authorId()).isEqualTo(t.requesterId());
      assertThat(c.body()).isEqualTo("What are your opening hours?");
      assertThat(c.isPublic()).isTrue();
    });

    WebhookReceiver.Received r = delivered().get(0);
    assertThat(r.signedWith(SECRET)).isTrue();
    JsonNode d = r.json().path("detail");
    assertThat(r.json().path("type").asText()).isEqualTo("zen:event-type:ticket.created");
    assertThat(d.path("actor_id").asText()).as("the customer acted, not the bot")
        .isEqualTo(String.valueOf(t.requesterId())).isNotEqualTo(String.valueOf(fake.botUserId()));
    assertThat(d.path("submitter_id").asText()).isEqualTo(String.valueOf(t.requesterId()));
    assertThat(d.path("via").path("channel").asText()).isEqualTo("web");
  }

  @Test
  void customerAndAgentCommentsAreAttributedToThemInTheWebhook() {
    long id = control.createTicket("ann@example.com", null, null, "Where is my parcel?");
    long requester = fake.ticket(id).orElseThrow().requesterId();

    long customerComment = control.customerComments(id, "Any news?");
    long agentComment = control.agentComments(id, fake.humanAgentId(), "Checking now.", false);

    assertThat(fake.ticket(id).orElseThrow().subject()).isEqualTo("Where is my parcel?");
    assertThat(delivered()).hasSize(3);
    JsonNode byCustomer = receiver.received().get(1).json().path("event").path("comment");
    assertThat(byCustomer.path("id").asText()).isEqualTo(String.valueOf(customerComment));
    assertThat(byCustomer.path("author").path("id").asText()).isEqualTo(String.valueOf(requester));
    assertThat(byCustomer.path("author").path("is_staff").asBoolean()).isFalse();
    assertThat(byCustomer.path("is_public").asBoolean()).isTrue();
    JsonNode byAgent = receiver.received().get(2).json().path("event").path("comment");
    assertThat(byAgent.path("id").asText()).isEqualTo(String.valueOf(agentComment));
    assertThat(byAgent.path("author").path("id").asText()).isEqualTo(String.valueOf(fake.humanAgentId()));
    assertThat(byAgent.path("author").path("is_staff").asBoolean()).isTrue();
    assertThat(byAgent.path("is_public").asBoolean()).isFalse();
  }

  @Test
  void readingStateOverHttpMatchesTheJavaViews() {
    long id = control.createTicket("ann@example.com", "Ann", "Hours", "Open on Sunday?");
    control.customerComments(id, "And on Monday?");
    assertThat(fake.awaitIdle(IDLE)).isTrue();

    assertThat(control.tickets()).isEqualTo(fake.tickets());
    assertThat(control.comments(id)).isEqualTo(fake.comments(id));
    assertThat(control.deliveries()).hasSize(2).allSatisfy(d -> {
      assertThat(d.statusCode()).isEqualTo(200);
      assertThat(d.ticketId()).isEqualTo(id);
    });
    assertThat(control.deliveries()).extracting(DeliveryRecord::eventId)
        .isEqualTo(fake.deliveries().stream().map(DeliveryRecord::eventId).toList());
  }

  @Test
  void failNextReachesApiCallersWithTheStatusAndRetryAfterAndThenStops() {
    Api bot = Api.bot(fake);
    control.failNext(2, 503, 7);

    assertThat(bot.get("/api/v2/users/me").status()).isEqualTo(503);
    Api.Res second = bot.get("/api/v2/users/me");
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.header("Retry-After")).isEqualTo("7");
    assertThat(bot.get("/api/v2/users/me").status()).isEqualTo(200);
    assertThat(control.apiCalls()).as("control calls are not API calls").isEqualTo(3);
  }

  @Test
  void rateLimitFaultsCarryRetryAfter() {
    control.failNext(1, 429, 30);

    Api.Res limited = Api.bot(fake).get("/api/v2/tickets/1");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("30");
  }

  @Test
  void aShareOfCallsFailsUntilTheFaultsAreCleared() {
    Api bot = Api.bot(fake);
    control.failShare(1.0, 500, null);
    assertThat(bot.get("/api/v2/users/me").status()).isEqualTo(500);
    assertThat(bot.get("/api/v2/groups").status()).isEqualTo(500);
    long id = control.createTicket("ann@example.com", "Ann", "Still", "Controls work during API faults");
    assertThat(fake.ticket(id)).isPresent();

    control.clearFaults();
    assertThat(bot.get("/api/v2/users/me").status()).isEqualTo(200);
  }

  @Test
  void delayedResponsesOutlastAClientTimeoutButNotTheControls() throws Exception {
    control.delayResponses(Duration.ofSeconds(3));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest slow = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/users/me"))
        .header("Authorization", fake.botAuthorization()).timeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> http.send(slow, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(HttpTimeoutException.class);
    HttpRequest state = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__control/state"))
        .timeout(Duration.ofSeconds(2)).build();
    assertThat(http.send(state, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    control.clearFaults();
  }

  @Test
  void aFaultRuleThroughTheControlsStrikesTheNthMatchingCallAndTheJournalListsIt() {
    long id = control.createTicket("ann@example.com", "Ann", null, "Help");
    control.injectFault(FaultRule.on("PUT", "/api/v2/tickets/\\d+", new Fault.Status(503, 2)).nth(2));
    control.injectFault(FaultRule.on("GET", null, Fault.SoapFault.of("soapenv:Server", "down")));
    Api api = Api.bot(fake);
    String comment = "{\"ticket\":{\"comment\":{\"body\":\"hi\"}}}";

    assertThat(api.get("/api/v2/users/me").header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
    assertThat(api.put("/api/v2/tickets/" + id, comment).status()).isEqualTo(200);
    assertThat(api.put("/api/v2/tickets/" + id, comment).header("Retry-After")).isEqualTo("2");
    assertThat(api.put("/api/v2/tickets/" + id, comment).status()).isEqualTo(200);
    JsonNode calls = new Api(fake.baseUrl(), null).get("/__control/journal").json().path("calls");
    assertThat(calls).extracting(c -> c.path("method").asText() + " " + c.path("status").asInt() + " "
        + c.path("ticket_id").asText()).containsExactly("GET 500 ", "PUT 200 " + id, "PUT 503 " + id, "PUT 200 " + id);
    assertThat(calls.get(2).path("fault").asText()).contains("503");

    Api raw = new Api(fake.baseUrl(), null);
    assertThat(raw.post("/__control/faults/rule", "{\"status\":503,\"delay_millis\":5}").status()).isEqualTo(400);
    assertThat(raw.post("/__control/faults/rule", "{\"path\":\"(\",\"status\":503}").json()
        .path("description").asText()).contains("path");
    assertThat(raw.post("/__control/faults/rule", "{\"faultcode\":\"sf:X\",\"faultstring\":\"x\"}").status())
        .isEqualTo(400);
    control.clearFaults();
  }

  @Test
  void badControlInputIsRefusedWithAReason() {
    Api raw = new Api(fake.baseUrl(), null);

    Api.Res typo = raw.post("/__control/tickets", "{\"requester_email\":\"a@b.c\",\"bdy\":\"hi\"}");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().path("description").asText()).contains("unknown field \"bdy\"");
    assertThat(raw.post("/__control/tickets", "{\"requester_email\":\"not-an-email\",\"body\":\"hi\"}")
        .json().path("description").asText()).contains("requester_email");
    assertThat(raw.post("/__control/tickets", "not json").status()).isEqualTo(400);
    assertThat(raw.post("/__control/faults/fail-next", "{\"count\":1,\"status\":200}").status())
        .isEqualTo(400);
    assertThat(raw.post("/__control/tickets/99/comments", "{\"body\":\"hi\"}").status()).isEqualTo(404);
    assertThatThrownBy(() -> control.customerComments(99, "hi"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("404");
    assertThat(fake.tickets()).isEmpty();
    assertThat(fake.unmatchedRequests()).isEmpty();
  }

  @Test
  void aClosedTicketRefusesCustomerCommentsWith422() {
    long id = control.createTicket("ann@example.com", "Ann", "Done", "Thanks");
    assertThat(Api.bot(fake).put("/api/v2/tickets/" + id, "{\"ticket\":{\"status\":\"closed\"}}").status())
        .isEqualTo(200);

    assertThatThrownBy(() -> control.customerComments(id, "One more thing"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("422");
  }

  @Test
  void anUnknownControlPathFailsLoudlyAndIsListedAsUnmatched() {
    Api.Res r = new Api(fake.baseUrl(), null).get("/__control/tickets/1/bogus");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("error").asText()).isEqualTo("UnmatchedRequest");
    assertThat(fake.unmatchedRequests()).containsExactly("GET /__control/tickets/1/bogus");
    fake.reset(); // the extension fails a test that leaves unmatched requests
  }

  @Test
  void theAccountSaysWhichCredentialsAreTheConnectors() {
    JsonNode account = new Api(fake.baseUrl(), null).get("/__control").json();

    assertThat(account.path("connector").path("user_id").asLong()).isEqualTo(fake.botUserId());
    assertThat(account.path("connector").path("email").asText()).isEqualTo(fake.config().agentEmail());
    assertThat(account.path("connector").path("note").asText()).contains("ignored");
    assertThat(account.path("human_agent").path("user_id").asLong()).isEqualTo(fake.humanAgentId());
  }

  @Test
  void aTicketPostedWithTheBotsTokenIsAnUpdateByTheBotAsInZendesk() {
    // Zendesk: the authenticated user is the updater (current_user) of an API-made ticket, whoever the
    // requester is; submitter_id (or comment.author_id) only changes who is shown as the first comment's author
    Api.Res created = Api.bot(fake).post("/api/v2/tickets", "{\"ticket\":{\"subject\":\"Hi\","
        + "\"comment\":{\"body\":\"Posted by the bot for Ann\"},\"requester\":{\"email\":\"ann@example.com\"}}}");
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().path("ticket").path("id").asLong();
    long ann = created.json().path("ticket").path("requester_id").asLong();
    Api.Res onBehalf = Api.bot(fake).post("/api/v2/tickets", "{\"ticket\":{\"subject\":\"Hi\","
        + "\"comment\":{\"body\":\"Shown as Ann's\"},\"requester_id\":" + ann + ",\"submitter_id\":" + ann + "}}");
    long second = onBehalf.json().path("ticket").path("id").asLong();

    assertThat(fake.comments(id).get(0).authorId()).isEqualTo(fake.botUserId());
    assertThat(fake.comments(second).get(0).authorId()).isEqualTo(ann);
    assertThat(fake.ticket(second).orElseThrow().submitterId()).isEqualTo(ann);
    assertThat(delivered()).hasSize(2).allSatisfy(r -> assertThat(r.json().path("detail").path("actor_id").asText())
        .isEqualTo(String.valueOf(fake.botUserId())));
    assertThat(Api.bot(fake).post("/api/v2/tickets", "{\"ticket\":{\"comment\":{\"body\":\"x\"},"
        + "\"submitter_id\":424242}}").status()).isEqualTo(422);
  }
}
