package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.contract.VendorFixture.WebhookBody;
import io.deskbridge.mock.salesforce.OutboundMessages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Email-to-Case signals one new Case twice: the Case's Outbound Message (created) and its incoming EmailMessage's.
 * Salesforce sends them in no set order; in either order the Case is answered once, with 2 API calls (the load and
 * the e-mail): the second signal costs nothing. The notifications are posted by the test, in the order given.
 */
class SalesforceEmailToCaseSignalsIT extends AbstractConnectorIT {
  private static final String SOAP = "text/xml; charset=utf-8";

  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases().withoutSubscription();
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  private static String text(Object value) {
    return value instanceof Instant i ? i.toString() : value == null ? null : value.toString();
  }

  private WebhookBody message(String type, String notificationId, Map<String, String> fields) {
    return new WebhookBody(OutboundMessages.envelope(sf().fake.orgId(), "04k5g000000XyZ1AAK",
        List.of(OutboundMessages.notification(notificationId, type, fields))), SOAP);
  }

  private WebhookBody caseCreated(String caseId) {
    var c = sf().fake.caseRecord(caseId).orElseThrow();
    var f = new LinkedHashMap<String, String>();
    f.put("Id", c.id());
    f.put("CaseNumber", c.caseNumber());
    f.put("Subject", c.subject());
    f.put("Description", c.description());
    f.put("Status", c.status());
    f.put("IsClosed", Boolean.toString(c.isClosed()));
    f.put("Origin", c.origin());
    f.put("OwnerId", c.ownerId());
    f.put("SuppliedEmail", c.suppliedEmail());
    f.put("CreatedById", c.createdById());
    f.put("CreatedDate", text(c.createdDate()));
    f.put("LastModifiedById", c.lastModifiedById());
    f.put("LastModifiedDate", text(c.lastModifiedDate()));
    f.put("SystemModstamp", text(c.systemModstamp()));
    return message("Case", "04l5g00000001AAAAA", f);
  }

  private WebhookBody emailArrived(String caseId) {
    var e = sf().fake.emails(caseId).stream().filter(m -> m.incoming()).findFirst().orElseThrow();
    var f = new LinkedHashMap<String, String>();
    f.put("Id", e.id());
    f.put("ParentId", e.parentId());
    f.put("Incoming", "true");
    f.put("FromAddress", e.fromAddress());
    f.put("FromName", e.fromName());
    f.put("ToAddress", e.toAddress());
    f.put("Subject", e.subject());
    f.put("TextBody", e.textBody());
    f.put("Status", e.status());
    f.put("MessageDate", text(e.messageDate()));
    f.put("MessageIdentifier", e.messageIdentifier());
    f.put("CreatedById", e.createdById());
    f.put("CreatedDate", text(e.createdDate()));
    return message("EmailMessage", "04l5g00000002AAAAA", f);
  }

  @ParameterizedTest(name = "{0} first")
  @ValueSource(strings = {"Case", "EmailMessage"})
  void aNewEmailCaseIsAnsweredOnceWithTwoCallsWhicheverSignalComesFirst(String first) {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    var signals = first.equals("Case") ? List.of(caseCreated(id), emailArrived(id))
        : List.of(emailArrived(id), caseCreated(id));

    for (var signal : signals) {
      assertThat(harness.post(signal, fixture.signedHeaders(signal.body())).statusCode()).isEqualTo(200);
      settle();
    }

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(sf().operations(id)).as("the load and the e-mail; nothing for the second signal")
        .containsExactly("query", "sendEmail");
  }
}
