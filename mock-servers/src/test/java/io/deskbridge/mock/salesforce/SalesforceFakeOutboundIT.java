package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.Receiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.SteppedClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Outbound Messages to a real HTTP endpoint, on a stepped clock: envelope, ack, retry schedule, batching, snapshot. */
class SalesforceFakeOutboundIT {
  private static final Instant T0 = Instant.parse("2026-06-09T08:00:00Z");
  private static final Duration AWAIT = Duration.ofSeconds(10);

  /** One parsed notification. */
  record Note(String id, String type, Map<String, String> fields) {}

  /** One parsed message. */
  record Message(String organizationId, String actionId, List<Note> notes) {}

  private final SteppedClock clock = new SteppedClock(T0);
  private Receiver receiver;
  private SalesforceFake fake;

  @BeforeEach
  void setUp() throws Exception {
    receiver = Receiver.outboundMessages();
  }

  @AfterEach
  void tearDown() {
    if (fake != null) {
      assertThat(fake.unmatchedRequests()).isEmpty();
      fake.close();
    }
    receiver.close();
  }

  private SalesforceFake start(SalesforceFakeConfig config) {
    fake = SalesforceFake.start(config.withClock(clock));
    fake.subscribe(receiver.uri());
    return fake;
  }

  static Message parse(String body) {
    Element env = Xml.parse(body.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    assertThat(env.getNamespaceURI()).isEqualTo(Xml.SOAP_ENV);
    Element n = Xml.child(Xml.child(env, Xml.SOAP_ENV, "Body"), Xml.OUTBOUND, "notifications");
    List<Note> notes = new ArrayList<>();
    for (Element e : Xml.all(n, "Notification")) {
      Element s = Xml.child(e, Xml.OUTBOUND, "sObject");
      Map<String, String> fields = new LinkedHashMap<>();
      for (Element f : Xml.children(s)) {
        assertThat(f.getNamespaceURI()).isEqualTo("urn:sobject.enterprise.soap.sforce.com");
        fields.put(f.getLocalName(), f.getTextContent());
      }
      notes.add(new Note(Xml.text(e, "Id"), s.getAttributeNS(Xml.XSI, "type"), fields));
    }
    return new Message(Xml.text(n, "OrganizationId"), Xml.text(n, "ActionId"), notes);
  }

  private List<Message> messages() {
    return receiver.received().stream().map(r -> parse(r.body())).toList();
  }

  @Test
  void aNewCaseIsPostedAsTheWsdlEnvelopeAndAnAckEndsIt() {
    start(SalesforceFakeConfig.defaults());
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    assertThat(receiver.received()).singleElement().satisfies(r -> {
      assertThat(r.contentType()).isEqualTo("text/xml; charset=utf-8");
      assertThat(r.soapAction()).isEqualTo("\"\"");
    });
    Message m = messages().get(0);
    assertThat(m.organizationId()).isEqualTo(fake.orgId());
    assertThat(m.actionId()).startsWith("04k").hasSize(18);
    Note n = m.notes().get(0);
    assertThat(n.id()).startsWith("04l").hasSize(18);
    assertThat(n.type()).isEqualTo("sf:Case");
    assertThat(n.fields()).containsEntry("Id", caseId).containsEntry("Status", "New")
        .containsEntry("OwnerId", fake.queues().get("Bot_Intake")).containsEntry("SuppliedEmail", "ann@example.com")
        .doesNotContainKey("ContactId");
    assertThat(n.fields().get("CreatedDate")).isEqualTo(n.fields().get("LastModifiedDate"));
    assertThat(fake.deliveries()).singleElement().satisfies(a -> {
      assertThat(a.acknowledged()).isTrue();
      assertThat(a.conversation()).isEqualTo(caseId);
    });
  }

  @Test
  void aBare200OrTheWrongElementIsNotAnAckAndRetriesFollowSalesforcesSchedule() {
    receiver.then(200, "").then(200, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + "<soapenv:Body><notifications><Ack>true</Ack></notifications></soapenv:Body></soapenv:Envelope>")
        .then(500, "");
    start(SalesforceFakeConfig.defaults());
    fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    await().atMost(AWAIT).until(() -> fake.deliveries().size() == 1 && clock.waiting() == 1);
    assertThat(clock.nextDue()).isEqualTo(T0.plusSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    await().atMost(AWAIT).until(() -> fake.deliveries().size() == 2 && clock.waiting() == 1);
    assertThat(clock.nextDue()).isEqualTo(T0.plusSeconds(90));
    clock.advance(Duration.ofSeconds(60));
    await().atMost(AWAIT).until(() -> fake.deliveries().size() == 3 && clock.waiting() == 1);
    clock.advance(Duration.ofMinutes(2));
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    assertThat(fake.deliveries()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::statusCode,
            DeliveryAttempt::acknowledged)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 200, false),
            org.assertj.core.groups.Tuple.tuple(2, 200, false), org.assertj.core.groups.Tuple.tuple(3, 500, false),
            org.assertj.core.groups.Tuple.tuple(4, 200, true));
    assertThat(messages()).extracting(m -> m.notes().get(0).id()).containsOnly(messages().get(0).notes().get(0).id());
  }

  @Test
  void aMessageNobodyAcknowledgesIsRetriedUpToEveryTwoHoursAndDroppedAfter24Hours() {
    receiver.otherwise(503, "");
    start(SalesforceFakeConfig.defaults());
    fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    await().atMost(AWAIT).until(() -> fake.deliveries().size() == 1 && clock.waiting() == 1);
    List<Long> waits = new ArrayList<>();
    while (clock.nextDue() != null) {
      int before = fake.deliveries().size();
      Duration step = Duration.between(clock.instant(), clock.nextDue());
      waits.add(step.toSeconds());
      clock.advance(step);
      await().atMost(AWAIT).until(() -> fake.deliveries().size() == before + 1
          && (clock.waiting() == 1 || fake.pendingDeliveries() == 0));
    }
    assertThat(waits.subList(0, 9)).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7200L);
    assertThat(waits.subList(8, waits.size())).containsOnly(7200L);
    assertThat(fake.pendingDeliveries()).isZero();
    List<DeliveryAttempt> all = fake.deliveries();
    assertThat(Duration.between(T0, all.get(all.size() - 1).sentAt())).isLessThanOrEqualTo(Duration.ofHours(24));
    assertThat(all).noneMatch(DeliveryAttempt::acknowledged);
  }

  @Test
  void anAgentsDraftApprovalSetsTheCaseFieldAndItsOutboundMessageCarriesIt() {
    start(SalesforceFakeConfig.defaults());
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    assertThat(messages()).singleElement().satisfies(m -> assertThat(m.notes().get(0).fields())
        .as("empty fields are omitted").doesNotContainKey("Deskbridge_Approved_At__c"));

    clock.advance(Duration.ofSeconds(5));
    fake.agentApprovesDraft(caseId);
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    assertThat(messages()).hasSize(2).last().satisfies(m -> assertThat(m.notes()).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("sf:Case");
      assertThat(n.fields()).containsEntry("Id", caseId)
          .containsEntry("Deskbridge_Approved_At__c", "2026-06-09T08:00:05.000Z")
          .containsEntry("LastModifiedById", fake.agentUserId());
    }));
  }

  @Test
  void eachAttemptCarriesTheRecordsStateAtSendTime() {
    receiver.then(500, "");
    start(SalesforceFakeConfig.defaults());
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    await().atMost(AWAIT).until(() -> fake.deliveries().size() == 1 && clock.waiting() == 1);
    fake.agentTakes(caseId);
    fake.agentCloses(caseId);
    clock.advance(Duration.ofSeconds(30));
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    List<Message> sent = messages();
    Note firstTry = sent.get(0).notes().get(0);
    assertThat(firstTry.fields()).containsEntry("Status", "New").containsEntry("IsClosed", "false");
    Note retry = sent.stream().filter(m -> m.notes().get(0).id().equals(firstTry.id())).skip(1).findFirst()
        .orElseThrow().notes().get(0);
    assertThat(retry.fields()).containsEntry("Status", "Closed").containsEntry("IsClosed", "true")
        .containsEntry("OwnerId", fake.agentUserId());
  }

  @Test
  void notificationsQueuedInTheBatchWindowGoInMessagesOfAtMost100WithTheStateAtSendTime() {
    start(SalesforceFakeConfig.defaults().withOutboundBatchWindow(Duration.ofSeconds(1)));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ids.add(fake.customerCreatesCase("c" + i + "@example.com", "C", "Case " + i, "d", "Web"));
    }
    fake.agentTakes(ids.get(0));
    assertThat(receiver.received()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    List<Message> sent = messages();
    assertThat(sent).extracting(m -> m.notes().size()).containsExactlyInAnyOrder(100, 51);
    List<Note> notes = sent.stream().flatMap(m -> m.notes().stream()).toList();
    assertThat(notes).extracting(Note::id).doesNotHaveDuplicates();
    assertThat(notes).filteredOn(n -> n.fields().get("Id").equals(ids.get(0)))
        .hasSize(2).allSatisfy(n -> assertThat(n.fields()).containsEntry("OwnerId", fake.agentUserId()));
  }

  @Test
  void theIntegrationUsersOwnWritesFireUnlessTheProfileOptsOut() throws Exception {
    start(SalesforceFakeConfig.defaults().omForIntegrationUser(false));
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    PartnerConnection pc = SalesforceFakePartnerApiIT.connect(fake, true);
    SObject comment = new SObject("CaseComment");
    comment.setField("ParentId", caseId);
    comment.setField("CommentBody", "bot reply");
    comment.setField("IsPublished", true);
    assertThat(pc.create(new SObject[] {comment})[0].isSuccess()).isTrue();
    fake.customerComments(caseId, "thanks");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    assertThat(messages()).extracting(m -> m.notes().get(0).type()).containsExactly("sf:Case", "sf:CaseComment");
    assertThat(messages().get(1).notes().get(0).fields()).containsEntry("CommentBody", "thanks");
  }

  @Test
  void duplicatesRedeliveriesAndAWrongOrganization() {
    start(SalesforceFakeConfig.defaults());
    fake.duplicateNextDelivery(2);
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    fake.customerEmails(caseId, "any news?");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    List<Message> first = messages();
    assertThat(first).hasSize(4); // the Case three times, the incoming EmailMessage once
    assertThat(first).filteredOn(m -> m.notes().get(0).type().equals("sf:Case"))
        .extracting(m -> m.notes().get(0).id()).hasSize(3).containsOnly(first.get(0).notes().get(0).id());

    fake.deliverWithOrganizationId("00D000000000001AAA");
    fake.redeliverAll(caseId);
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    List<Message> again = messages().subList(4, messages().size());
    assertThat(again).hasSize(2).allSatisfy(m -> assertThat(m.organizationId()).isEqualTo("00D000000000001AAA"));
    assertThat(again).extracting(m -> m.notes().get(0).id()).containsExactlyInAnyOrderElementsOf(
        first.stream().map(m -> m.notes().get(0).id()).distinct().toList());
  }

  @Test
  void theJsonFormCarriesTheSameEventsAndA2xxAcknowledgesIt() throws Exception {
    fake = SalesforceFake.start(SalesforceFakeConfig.defaults().withClock(clock));
    receiver.otherwise(200, "{\"ack\":true}");
    fake.subscribeJson(receiver.uri());
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    assertThat(receiver.received()).singleElement().satisfies(r -> {
      assertThat(r.contentType()).isEqualTo("application/json");
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.path("organizationId").asText()).isEqualTo(fake.orgId());
      JsonNode n = body.path("notifications").get(0);
      assertThat(n.path("id").asText()).startsWith("04l");
      assertThat(n.path("sObject").path("type").asText()).isEqualTo("Case");
      assertThat(n.path("sObject").path("Id").asText()).isEqualTo(caseId);
    });
    assertThat(fake.deliveries()).singleElement().satisfies(a -> assertThat(a.acknowledged()).isTrue());
  }

  @Test
  void chaosCopiesShuffledBatchesAndRoutingAcrossReceivers() throws Exception {
    start(SalesforceFakeConfig.defaults().withOutboundBatchWindow(Duration.ofSeconds(1)));
    fake.shuffleDeliveries(true);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(fake.customerCreatesCase("c" + i + "@example.com", "C", "Case " + i, "d", "Web"));
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    List<String> order = messages().get(0).notes().stream().map(n -> n.fields().get("Id")).toList();
    assertThat(order).containsExactlyInAnyOrderElementsOf(ids).isNotEqualTo(ids);

    fake.shuffleDeliveries(false);
    fake.chaos(2, Duration.ZERO);
    try (Receiver second = Receiver.outboundMessages()) {
      fake.routeDeliveriesTo(List.of(receiver.uri(), second.uri()));
      fake.agentTakes(ids.get(0));
      clock.advance(Duration.ofSeconds(1));
      assertThat(fake.awaitIdle(AWAIT)).isTrue();
      assertThat(receiver.received()).hasSize(2);
      assertThat(second.received()).hasSize(1);
      assertThat(parse(second.received().get(0).body()).notes().get(0).fields())
          .containsEntry("OwnerId", fake.agentUserId());
    }
  }

  @Test
  void withSendSessionIdTheMessageCarriesASessionTheReceiverCanCallBackWith() throws Exception {
    start(SalesforceFakeConfig.defaults());
    fake.sendSessionId(true);
    fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    Element n = Xml.child(Xml.child(Xml.parse(receiver.received().get(0).body().getBytes(StandardCharsets.UTF_8))
        .getDocumentElement(), Xml.SOAP_ENV, "Body"), Xml.OUTBOUND, "notifications");
    String session = Xml.text(n, "SessionId");
    assertThat(session).startsWith("00D5g000000ABCD!");
    com.sforce.ws.ConnectorConfig cfg = new com.sforce.ws.ConnectorConfig();
    cfg.setSessionId(session);
    cfg.setServiceEndpoint(Xml.text(n, "PartnerUrl"));
    assertThat(com.sforce.soap.partner.Connector.newConnection(cfg).getUserInfo().getUserId())
        .isEqualTo(fake.integrationUserId());
  }
}
