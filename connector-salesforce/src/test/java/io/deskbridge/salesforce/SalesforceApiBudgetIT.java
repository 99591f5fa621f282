package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * The API-call budget of issue #11 as behaviour, counted by the fake, for Email-to-Case Cases: an answered new Case
 * takes at most 2 calls (its load and the e-mail; {@link SalesforceWebApiBudgetIT} for web Cases), although
 * Salesforce sends two Outbound Messages for it (the Case created, the incoming EmailMessage); a handover in auto mode
 * takes 4 (the customer's e-mail is the fourth); the draft-mode budgets are {@link SalesforceDraftApiBudgetIT}'s.
 */
class SalesforceApiBudgetIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  @Test
  void anAnsweredNewEmailCaseTakesTwoCallsTheLoadAndTheEmail() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    settle();

    assertThat(sf().operations(id)).as("one load, one sendEmail; no re-read before the write, none for the second "
        + "notification")
        .containsExactly("query", "sendEmail");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(2);
    assertThat(sf().fake.sentEmails()).singleElement();
  }

  @Test
  void aHandoverInAutoModeIsCountedWithTheCustomersMessage() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    settle();

    var operations = sf().operations(id);
    assertThat(operations).as("load, note, OwnerId, the customer's e-mail")
        .containsExactly("query", "create", "update", "sendEmail");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(4);
  }
}
