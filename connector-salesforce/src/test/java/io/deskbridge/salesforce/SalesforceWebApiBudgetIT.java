package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * The API-call budget of Cases opened on the web form, counted by the fake, with "Send Outbound Messages" left on
 * for the integration user (the fake's default): the bot's own comments and Case changes come back as Outbound
 * Messages, and recognising them costs no call. An answered new Case is its load and one published comment; a
 * handover in auto mode is its load, the note, the OwnerId update and the customer's comment (4: the issue's
 * "at most 3" counts the handover without the customer's message, see {@link SalesforceDraftApiBudgetIT}).
 */
class SalesforceWebApiBudgetIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  @Test
  void anAnsweredNewWebCaseTakesTwoCallsTheLoadAndTheComment() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    settle();

    assertThat(sf().operations(id)).as("one load, one published CaseComment; no re-read before the write, nothing "
        + "for the echoes of the bot's own writes").containsExactly("query", "create");
  }

  @Test
  void aHandoverInAutoModeTakesFourCallsWithTheCustomersMessage() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(sf().operations(id)).as("load, note, OwnerId, the customer's comment")
        .containsExactly("query", "create", "update", "create");
  }
}
