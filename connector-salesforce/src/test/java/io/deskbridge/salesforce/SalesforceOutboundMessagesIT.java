package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.contract.VendorFixture.WebhookBody;
import io.deskbridge.mock.salesforce.OutboundMessages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outbound Messages as Salesforce sends them (issue #11, item 6): from another organisation, with a snapshot that is
 * stale by the time it arrives, and the same notification several times and out of order. A notification is a
 * signal; what the connector does follows the Case it loads.
 */
class SalesforceOutboundMessagesIT extends AbstractConnectorIT {
  private static final String SOAP = "text/xml; charset=utf-8";
  private static final String ACK = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      + "<soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
      + "</notificationsResponse></soapenv:Body></soapenv:Envelope>";
  private static int notification = 0;

  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  private static synchronized String nextNotificationId() {
    return "04l5g00000" + String.format("%06d", ++notification) + "ZZ";
  }

  /** A Case notification carrying {@code fields} as its snapshot, from {@code orgId}. */
  private WebhookBody caseNotification(String orgId, String notificationId, Map<String, String> fields) {
    return new WebhookBody(OutboundMessages.envelope(orgId, "04k5g000000XyZ1AAK",
        List.of(OutboundMessages.notification(notificationId, "Case", fields))), SOAP);
  }

  /** The Case as the fake has it now, as a Case Outbound Message's fields (the admin's field selection). */
  private Map<String, String> snapshot(String caseId) {
    var c = sf().fake.caseRecord(caseId).orElseThrow();
    var fields = new LinkedHashMap<String, String>();
    fields.put("Id", c.id());
    fields.put("CaseNumber", c.caseNumber());
    fields.put("Subject", c.subject());
    fields.put("Status", c.status());
    fields.put("IsClosed", Boolean.toString(c.isClosed()));
    fields.put("Origin", c.origin());
    fields.put("OwnerId", c.ownerId());
    fields.put("CreatedById", c.createdById());
    fields.put("CreatedDate", c.createdDate().toString());
    fields.put("LastModifiedById", c.lastModifiedById());
    fields.put("LastModifiedDate", c.lastModifiedDate().toString());
    fields.put("SystemModstamp", c.systemModstamp().toString());
    return fields;
  }

  @Test
  void outboundMessagesFromAnotherOrganisationAreRefusedAndNothingIsWritten() {
    sf().fake.deliverWithOrganizationId(SalesforceFixture.OTHER_ORG);
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");

    await().atMost(WAIT).until(() -> sf().fake.deliveries().stream()
        .filter(d -> !d.acknowledged()).count() >= 4);

    assertThat(sf().fake.deliveries()).as("Salesforce keeps trying, and is never acknowledged")
        .noneMatch(d -> d.acknowledged());
    assertThat(fixture.apiCalls(id)).as("the Case was never read nor written").isZero();
    assertThat(fixture.messages(id)).noneMatch(m -> m.author().equals(FakeMessage.BOT));
    assertThat(harness.inboxEvents()).as("nothing stored").isZero();
    assertThat(harness.audit()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.decision()).isEqualTo("rejected");
      assertThat(r.conversationId()).isEmpty();
    });

    var response = harness.post(caseNotification(SalesforceFixture.OTHER_ORG, nextNotificationId(), snapshot(id)),
        fixture.signedHeaders(new byte[0]));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
    assertThat(response.body()).as("a SOAP fault naming the check").contains("Fault").contains("OrganizationId");
    assertThat(response.body()).doesNotContain("<Ack>true</Ack>");
  }

  @Test
  void theOrganisationIdMatchesInItsFifteenCharacterFormToo() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    String org15 = sf().fake.orgId().substring(0, 15);

    var response = harness.post(caseNotification(org15, nextNotificationId(), snapshot(id)),
        fixture.signedHeaders(new byte[0]));
    settle();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(ACK);
    assertThat(bot(id, true)).as("the notification changed nothing, the Case did not").hasSize(1);
  }

  @Test
  void aStaleReleaseIsNotTrustedAndTheFreshOneIs() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    fixture.passTime(Duration.ofSeconds(2));
    fixture.agentReleasesToBot(id);
    var released = snapshot(id); // what Salesforce's notification of the release carries
    settle();
    fixture.passTime(Duration.ofSeconds(2));
    fixture.agentTakes(id); // the agent takes it back before the release's message arrives again
    settle();
    int audits = harness.audit(id).size();

    var response = harness.post(caseNotification(sf().fake.orgId(), nextNotificationId(), released),
        fixture.signedHeaders(new byte[0]));
    settle();
    fixture.customerWrites(id, "How do I reset my password? I can't log in.");
    settle();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(harness.audit(id).subList(audits, harness.audit(id).size()))
        .as("the load shows the agent: the snapshot's release is stale")
        .anySatisfy(r -> assertThat(r.reasons()).contains("release_not_confirmed"))
        .noneSatisfy(r -> assertThat(r.decision()).isIn("reply", "clarify", "handover", "draft"));
    assertThat(bot(id, true)).as("the bot stays silent while the agent owns the Case").hasSize(1);

    fixture.passTime(Duration.ofSeconds(2));
    fixture.agentReleasesToBot(id); // the fresh release: its notification carries the queue, and the load agrees
    settle();
    fixture.customerWrites(id, "Sorry, again: how do I reset my password?");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).last().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    var releases = harness.audit(id).stream().filter(r -> r.reasons().contains("released_to_bot")).toList();
    assertThat(releases).as("two releases confirmed (the first and the fresh one), the stale one not").hasSize(2);
    assertThat(decisions(id, "reply")).singleElement().satisfies(r -> assertThat(r.episode())
        .as("answered in the episode the fresh release started").isEqualTo(releases.get(1).episode()));
  }

  @Test
  void aStaleSnapshotOfAnOpenCaseArrivingAfterTheAgentClosedItChangesNothing() {
    String id = answered("Delivery", "How long does delivery take?");
    var open = snapshot(id);
    fixture.passTime(Duration.ofSeconds(2));
    fixture.customerWrites(id, "And how can I return an item?");
    fixture.agentSolves(id);
    settle();
    var messages = fixture.messages(id);

    var response = harness.post(caseNotification(sf().fake.orgId(), nextNotificationId(), open),
        fixture.signedHeaders(new byte[0]));
    settle();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(ACK);
    assertThat(fixture.messages(id)).as("the load shows the Case closed: nothing written").isEqualTo(messages);
  }

  @Test
  void theSameNotificationThreeTimesAndOutOfOrderGivesOneReply() {
    sf().fake.chaos(3, Duration.ofMillis(300));
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    settleWhen(() -> !bot(id, true).isEmpty());
    sf().fake.chaos(1, Duration.ZERO);

    var delivered = sf().fake.deliveries().stream().filter(d -> d.acknowledged()).toList();
    assertThat(delivered).as("every notification came three times").hasSizeGreaterThanOrEqualTo(3);
    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "reply")).hasSize(1);
    assertThat(sf().fake.sentEmails()).as("one e-mail to the customer").hasSize(1);
  }

  @Test
  void aNotificationPostedThreeTimesThenAnOlderOneGivesOneReply() {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    var first = snapshot(id);
    settleWhen(() -> !bot(id, true).isEmpty());
    fixture.passTime(Duration.ofSeconds(2));
    String email = sf().fake.customerEmails(id, "And how can I return an item?");
    settleWhen(() -> bot(id, true).size() == 2);

    var fields = new LinkedHashMap<String, String>();
    fields.put("Id", email);
    fields.put("ParentId", id);
    fields.put("Incoming", "true");
    var again = new WebhookBody(OutboundMessages.envelope(sf().fake.orgId(), "04k5g000000XyZ1AAK",
        List.of(OutboundMessages.notification(nextNotificationId(), "EmailMessage", fields))), SOAP);
    for (int i = 0; i < 3; i++) {
      assertThat(harness.post(again, fixture.signedHeaders(again.body())).body()).isEqualTo(ACK);
    }
    assertThat(harness.post(caseNotification(sf().fake.orgId(), nextNotificationId(), first),
        fixture.signedHeaders(new byte[0])).body()).isEqualTo(ACK);
    settle();

    assertThat(bot(id, true)).as("one answer per customer message, whatever came again").hasSize(2);
    assertThat(decisions(id, "reply")).hasSize(2);
  }
}
