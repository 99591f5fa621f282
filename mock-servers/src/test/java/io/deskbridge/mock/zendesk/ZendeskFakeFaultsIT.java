package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.SteppedClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/** The Zendesk fake on the shared base: matcher faults, SOAP faults, delays, the journal, the stepped clock. */
class ZendeskFakeFaultsIT {
  private static final String WRITE = "/api/v2/tickets/\\d+(\\.json)?";
  private static final String COMMENT = "{\"ticket\":{\"comment\":{\"body\":\"%s\"}}}";

  @RegisterExtension
  static final ZendeskFakeExtension ZENDESK = new ZendeskFakeExtension();

  @Test
  void theSecondWriteFailsTheFirstTimeWithoutTouchingStateAndTheJournalShowsIt() {
    ZendeskFake fake = ZENDESK.fake();
    Api api = Api.bot(fake);
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    fake.injectFault(FaultRule.on("PUT", WRITE, new Fault.Status(503, 4)).nth(2));

    assertThat(api.get("/api/v2/tickets/" + id + ".json").status()).isEqualTo(200);
    assertThat(api.put("/api/v2/tickets/" + id + ".json", COMMENT.formatted("note")).status()).isEqualTo(200);
    Api.Res failed = api.put("/api/v2/tickets/" + id + ".json", COMMENT.formatted("reassign"));
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.header("Retry-After")).isEqualTo("4");
    assertThat(fake.comments(id)).extracting(CommentView::body).containsExactly("Help", "note");
    assertThat(api.put("/api/v2/tickets/" + id + ".json", COMMENT.formatted("reassign")).status()).isEqualTo(200);
    assertThat(fake.comments(id)).extracting(CommentView::body).containsExactly("Help", "note", "reassign");

    RequestJournal journal = fake.journal();
    assertThat(journal.calls(String.valueOf(id)))
        .extracting(RequestJournal.Call::method, RequestJournal.Call::status, c -> c.fault() != null)
        .containsExactly(tuple("GET", 200, false), tuple("PUT", 200, false), tuple("PUT", 503, true),
            tuple("PUT", 200, false));
    assertThat(journal.calls(String.valueOf(id)).get(2).body()).contains("reassign");
    assertThat(journal.count("PUT", WRITE)).isEqualTo(3);
    assertThat(fake.apiCalls(id)).isEqualTo(journal.count(String.valueOf(id))).isEqualTo(4);
  }

  @Test
  void theJournalHoldsOnlyAuthenticatedApiCallsInOrder() {
    ZendeskFake fake = ZENDESK.fake();
    long id = fake.control().createTicket("ann@example.com", "Ann", null, "Help");
    new Api(fake.baseUrl(), null).get("/api/v2/users/me");
    Api.bot(fake).get("/api/v2/users/me.json");
    Api.bot(fake).get("/api/v2/tickets/" + id + "/comments.json?sort_order=desc");

    assertThat(fake.journal().calls()).extracting(RequestJournal.Call::seq, RequestJournal.Call::path,
            RequestJournal.Call::query, RequestJournal.Call::conversation)
        .containsExactly(tuple(1L, "/api/v2/users/me.json", "", ""),
            tuple(2L, "/api/v2/tickets/" + id + "/comments.json", "sort_order=desc", String.valueOf(id)));
    assertThat(fake.apiCalls()).isEqualTo(2);
  }

  @Test
  void aSoapFaultIsHttp500TextXmlAndTouchesNothing() throws Exception {
    ZendeskFake fake = ZENDESK.fake();
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    fake.injectFault(FaultRule.on("PUT", WRITE, new Fault.SoapFault("sf:REQUEST_LIMIT_EXCEEDED",
        "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.", "urn:fault.partner.soap.sforce.com", null)));

    Api.Res fault = Api.bot(fake).put("/api/v2/tickets/" + id, COMMENT.formatted("hi"));
    assertThat(fault.status()).isEqualTo(500);
    assertThat(fault.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(
        fault.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault").getLength())
        .isEqualTo(1);
    assertThat(doc.getElementsByTagName("faultcode").item(0).getTextContent())
        .isEqualTo("sf:REQUEST_LIMIT_EXCEEDED");
    assertThat(fake.comments(id)).hasSize(1);
  }

  @Test
  void aDelayFaultServesTheCallButAnswersAfterTheCallerGaveUp() throws Exception {
    ZendeskFake fake = ZENDESK.fake();
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    fake.injectFault(FaultRule.on("PUT", WRITE, new Fault.Delay(Duration.ofSeconds(5))));
    HttpRequest write = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/tickets/" + id))
        .header("Authorization", fake.botAuthorization()).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(1)).PUT(HttpRequest.BodyPublishers.ofString(COMMENT.formatted("late")))
        .build();

    assertThatThrownBy(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(write, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(HttpTimeoutException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.comments(id).size() == 2);
    assertThat(fake.journal().calls(String.valueOf(id))).singleElement()
        .satisfies(c -> assertThat(c.fault()).isInstanceOf(Fault.Delay.class));
  }

  @Test
  void webhookRetriesWaitForTheSteppedClock() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-06-09T08:00:00Z"));
    try (ZendeskFake fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock)
            .withDelivery(Duration.ofSeconds(5), 5, Duration.ofMinutes(1)));
        WebhookReceiver receiver = new WebhookReceiver()) {
      fake.registerEventWebhook(receiver.uri(), "secret");
      receiver.thenAnswer(503, "30");
      fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
      await().atMost(Duration.ofSeconds(10)).until(() -> clock.waiting() == 1);
      assertThat(clock.nextDue()).as("Retry-After 30 s is shorter than the 1 min back-off")
          .isEqualTo(Instant.parse("2026-06-09T08:00:30Z"));
      assertThat(fake.deliveries()).hasSize(1);

      clock.advance(Duration.ofSeconds(30));
      assertThat(fake.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(fake.deliveries()).extracting(DeliveryRecord::attempt, DeliveryRecord::statusCode)
          .containsExactly(tuple(1, 503), tuple(2, 200));
      assertThat(receiver.received().get(1).header("x-zendesk-webhook-signature-timestamp"))
          .isEqualTo("2026-06-09T08:00:30Z");
    }
  }
}
