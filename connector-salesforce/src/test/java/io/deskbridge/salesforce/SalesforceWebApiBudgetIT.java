package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/** The API-call budget of a Case opened on the web form: answered with its load and one published comment. */
class SalesforceWebApiBudgetIT extends AbstractConnectorIT {
  /** The README's set-up: "Send Outbound Messages" unticked on the integration user's profile. */
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture("Web", java.util.Map.of(),
        io.deskbridge.mock.salesforce.SalesforceFake.Config.defaults().omForIntegrationUser(false));
  }

  @Test
  void anAnsweredNewWebCaseTakesTwoCallsTheLoadAndTheComment() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    assertThat(((SalesforceFixture) fixture).operations(id))
        .as("one load, one published CaseComment; no re-read before the write").containsExactly("query", "create");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(2);
  }
}
