package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * The API-call budget of issue #11 as behaviour, counted by the fake: an answered new Case takes at most 2 calls
 * (its load and the reply: here an e-mail, {@link SalesforceWebApiBudgetIT} a published comment); a handover in auto
 * mode takes 4 (the customer's message is the fourth); the draft-mode budgets are {@link SalesforceDraftApiBudgetIT}'s.
 */
class SalesforceApiBudgetIT extends AbstractConnectorIT {
  /** The README's set-up: "Send Outbound Messages" unticked on the integration user's profile. */
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture("Email", java.util.Map.of(),
        io.deskbridge.mock.salesforce.SalesforceFake.Config.defaults().omForIntegrationUser(false));
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  @Test
  void anAnsweredNewEmailCaseTakesTwoCallsTheLoadAndTheEmail() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    assertThat(sf().operations(id)).as("one load, one sendEmail; no re-read before the write")
        .containsExactly("query", "sendEmail");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(2);
    assertThat(sf().fake.sentEmails()).singleElement();
  }

  @Test
  void aHandoverInAutoModeIsCountedWithTheCustomersMessage() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    var operations = sf().operations(id);
    assertThat(operations).as("load, note, OwnerId, and the customer's e-mail")
        .containsExactly("query", "create", "update", "sendEmail");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(4);
  }
}
