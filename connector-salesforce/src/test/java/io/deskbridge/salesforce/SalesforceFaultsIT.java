package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Salesforce's own faults (issue #11, item 6): a handover whose {@code OwnerId} update fails once, the session
 * expiring in the middle of a run, and storms of {@code REQUEST_LIMIT_EXCEEDED}. Nothing lost, nothing twice; the
 * counts are the fake's.
 */
class SalesforceFaultsIT extends AbstractConnectorIT {

  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  /** The {@code update} calls the fake served about a Case (the refused one included). */
  private long ownerUpdates(String caseId) {
    return sf().operations(caseId).stream().filter("update"::equals).count();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fault SERVER_UNAVAILABLE", "fault UNABLE_TO_LOCK_ROW", "record UNABLE_TO_LOCK_ROW"})
  void aHandoverWhoseOwnerUpdateFailsOnceWritesTheNoteOnceAndEndsWithTheRightOwner(String how) {
    String code = how.substring(how.indexOf(' ') + 1);
    int refused = fixture.refusedCalls();
    if (how.startsWith("fault")) {
      sf().fake.failNthWrite(2, code); // write 1: the note (CaseComment), write 2: the Case's OwnerId
    } else {
      harness.onceAt("SENT", () -> sf().fake.failRecordsNext(1, code)); // after the note: the update's SaveResult
    }

    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    if (how.startsWith("fault")) {
      assertThat(fixture.refusedCalls() - refused).as("the update was refused once").isEqualTo(1);
    }
    assertThat(ownerUpdates(id)).as("the update, refused, then again").isEqualTo(2);
    assertThat(bot(id, false)).as("the summary note, once").singleElement()
        .satisfies(n -> assertThat(n.text()).contains("48213").contains("jan@example.com"));
    assertRouted(id);
    assertThat(fixture.groupOf(id)).as("the owner is the routed queue").isNotEmpty();
    assertThat(fixture.ownedByPeople(id)).isTrue();
    assertThat(bot(id, true)).as("the customer's message, once").hasSize(1);
    assertThat(decisions(id, "handover")).hasSize(1);
  }

  @Test
  void sessionsExpiringMidRunAreRenewedOnceAndNothingIsLost() {
    String first = answered("Login", "How do I reset my password? I can't log in.");
    int invalidBefore = sf().faultsOfTheOrg();
    int loginsBefore = sf().fake.logins();

    sf().fake.expireSessions();
    String second = answered("Returns", "How can I return an item?");
    fixture.customerWrites(second, "And how long does delivery take?");
    settleWhen(() -> bot(second, true).size() == 2);
    fixture.customerWrites(first, "Thanks. And how can I return an item?");
    settleWhen(() -> bot(first, true).size() == 2);

    assertThat(sf().faultsOfTheOrg() - invalidBefore)
        .as("one INVALID_SESSION_ID, then every call carries the renewed session (the setSessionHeader fix)")
        .isEqualTo(1);
    assertThat(sf().fake.logins() - loginsBefore).as("one new token").isEqualTo(1);
    assertThat(decisions(first, "reply")).hasSize(2);
    assertThat(decisions(second, "reply")).hasSize(2);
  }

  @Test
  void sessionsExpiringAgainAndAgainLoseNothing() {
    sf().fake.expireSessionsAfterCalls(3);
    var ids = IntStream.range(0, 3)
        .mapToObj(i -> fixture.customerOpens("Login " + i, "How do I reset my password? I can't log in.")).toList();

    settleWhen(() -> ids.stream().allMatch(id -> !bot(id, true).isEmpty()));

    assertThat(sf().faultsOfTheOrg()).as("the sessions did expire").isPositive();
    assertThat(ids).allSatisfy(id -> {
      assertThat(bot(id, true)).hasSize(1);
      assertThat(decisions(id, "reply")).hasSize(1);
    });
  }

  @Test
  void anOrgOverItsDailyLimitIsWaitedOutAndEveryCaseIsAnsweredOnce() {
    int refusedBefore = sf().faultsOfTheOrg();
    sf().fake.setApiUsage(sf().fake.config().dailyApiLimit());
    List<String> ids = IntStream.range(0, 3)
        .mapToObj(i -> fixture.customerOpens("Login " + i, "How do I reset my password? I can't log in.")).toList();
    fixture.awaitDeliveries(WAIT);
    await().atMost(WAIT).until(() -> sf().faultsOfTheOrg() - refusedBefore >= ids.size());
    assertThat(ids).as("nothing written while the org is over its limit")
        .allSatisfy(id -> assertThat(bot(id, true)).isEmpty());

    sf().fake.setApiUsage(0);
    settleWhenSkippingWaits(() -> ids.stream().allMatch(id -> !bot(id, true).isEmpty())); // the 5-minute pause

    assertThat(ids).allSatisfy(id -> {
      assertThat(bot(id, true)).hasSize(1);
      assertThat(decisions(id, "reply")).hasSize(1);
    });
  }

  @Test
  void aStormOfRequestLimitExceededInTheMiddleOfAHandoverLandsEveryActionOnce() {
    sf().fake.failNthWrite(1, "REQUEST_LIMIT_EXCEEDED"); // the note, once
    harness.onceAt("SENT", () -> sf().fake.failNext(3, "REQUEST_LIMIT_EXCEEDED")); // then whatever comes next

    String id = fixture.customerOpens("Order 48213",
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");
    settleWhenSkippingWaits(() -> fixture.ownedByPeople(id) && !bot(id, true).isEmpty());

    assertThat(fixture.refusedCalls()).as("every refusal was met").isEqualTo(4);
    assertThat(bot(id, false)).as("one summary note").hasSize(1);
    assertThat(bot(id, true)).as("one message to the customer").hasSize(1);
    assertRouted(id);
    assertThat(decisions(id, "handover")).hasSize(1);
  }
}
