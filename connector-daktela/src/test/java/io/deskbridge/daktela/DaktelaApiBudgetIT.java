package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * The API-call budget of issue #12 as behaviour, counted by the fake per ticket (the re-reads included): an answered
 * new ticket takes at most 3 calls (the ticket, its activities, the e-mail), a handover in auto mode at most 4 (the
 * load, one PUT with category, user, stage and the summary comment, the customer's e-mail; plus at most one
 * re-read). Webhooks here; {@link DaktelaPollingApiBudgetIT} by polling, where the poller's list reads belong to no
 * ticket and are not counted (they cost the same whatever the number of tickets).
 */
class DaktelaApiBudgetIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }

  private DaktelaFixture dk() {
    return (DaktelaFixture) fixture;
  }

  @Test
  void anAnsweredNewTicketTakesAtMostThreeCalls() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    settle();

    assertThat(fixture.apiCalls(id)).as("calls: %s", dk().operations(id)).isLessThanOrEqualTo(3);
    assertThat(bot(id, true)).hasSize(1);
  }

  @Test
  void anAnsweredFollowUpTakesAtMostThreeCalls() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    settle();
    int before = fixture.apiCalls(id);

    fixture.customerWrites(id, "Thanks. And how can I return an item?");
    settleWhen(() -> bot(id, true).size() == 2);
    settle();

    assertThat(fixture.apiCalls(id) - before).as("calls: %s", dk().operations(id)).isLessThanOrEqualTo(3);
  }

  @Test
  void aHandoverInAutoModeTakesAtMostFourCalls() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    settle();

    assertThat(fixture.apiCalls(id)).as("calls: %s", dk().operations(id)).isLessThanOrEqualTo(4);
    assertThat(dk().operations(id)).as("note and routing in one PUT").filteredOn(c -> c.startsWith("PUT "))
        .hasSize(1);
  }
}
