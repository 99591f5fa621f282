package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Mode;
import org.junit.jupiter.api.Test;

/** The API-call budget in draft mode: a handover takes at most 3 calls (load, note, OwnerId), a draft 2. */
class SalesforceDraftApiBudgetIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }

  @Override
  protected Mode mode() {
    return Mode.DRAFT;
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  @Test
  void aHandoverTakesThreeCallsTheLoadTheNoteAndTheOwner() {
    String id = handedOver();
    settle();

    assertThat(sf().operations(id)).containsExactly("query", "create", "update");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(3);
    assertThat(sf().fake.sentEmails()).as("nothing to the customer in draft mode").isEmpty();
  }

  @Test
  void aDraftTakesTwoCallsTheLoadAndTheNote() {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    settleWhen(() -> !bot(id, false).isEmpty());
    settle();

    assertThat(sf().operations(id)).as("one load, one unpublished CaseComment, none for the second notification")
        .containsExactly("query", "create");
    assertThat(fixture.apiCalls(id)).isLessThanOrEqualTo(2);
  }
}
