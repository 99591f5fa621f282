package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * The API-call budget when the admin left "Send Outbound Messages" on for the integration user: the bot's own writes
 * come back as Outbound Messages (a CaseComment or EmailMessage it created, the Case it changed), and recognising
 * them must cost no call.
 */
class SalesforceEchoApiBudgetIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }

  @Test
  void theBotsOwnWritesComingBackCostNoCall() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    settle();

    assertThat(((SalesforceFixture) fixture).operations(id)).as("one load, one sendEmail, nothing for the echoes")
        .containsExactly("query", "sendEmail");
  }
}
