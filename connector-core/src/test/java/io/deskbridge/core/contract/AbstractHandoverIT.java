package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.VendorFixture.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handover in auto mode: the summary note, the routing, the tags where the vendor has them, and the customer's
 * message; every action lands exactly once, in one call where the vendor updates atomically and in several
 * otherwise, even when a call fails the first time.
 */
public abstract class AbstractHandoverIT extends AbstractConnectorIT {

  /** The handover's actions, each exactly once, as the fake shows them. */
  private void assertHandedOverOnce(String id) {
    assertThat(bot(id, false)).as("one summary note").singleElement().satisfies(note -> assertThat(note.text())
        .containsIgnoringCase("human request").contains("48213").contains("jan@example.com"));
    assertThat(bot(id, true)).as("one message to the customer").hasSize(1);
    assertRouted(id);
    assertThat(fixture.ownedByPeople(id)).isTrue();
    if (supportsTags()) {
      assertThat(fixture.tagsOf(id)).contains(fixture.routing().handoverTag());
    }
    assertThat(decisions(id, "handover")).hasSize(1);
  }

  @Test
  void handsOverOnRequestForAPersonAndThenStaysSilent() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertHandedOverOnce(id);

    int before = fixture.messages(id).size();
    fixture.customerWrites(id, "Hello? How do I reset my password?");
    settleWhen(() -> fixture.messages(id).size() == before + 1);

    assertThat(fixture.messages(id)).hasSize(before + 1);
    assertThat(harness.audit(id)).last().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("ignore");
      assertThat(r.reasons()).containsExactly("human_owns_conversation");
    });
  }

  @Test
  @EnabledIf("supportsAtomicUpdateWithOpeningInEvent")
  void withAtomicUpdateTheAgentsPartIsOneCallAndTheCustomersMessageAnother() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertHandedOverOnce(id);
    assertThat(fixture.apiCalls(id)).as("note + routing + tags in one call, then the customer's message")
        .isEqualTo(2);
  }

  @Test
  @DisabledIf("supportsAtomicUpdate")
  void withoutAtomicUpdateEachActionIsItsOwnCallAndLandsOnce() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertHandedOverOnce(id);
    assertThat(fixture.apiCalls(id)).as("at least one call per action: note, routing, customer's message")
        .isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rate limit", "outage"})
  void everyActionLandsExactlyOnceWhenTheSecondWriteFailsTheFirstTime(String kind) {
    Fault fault = kind.equals("outage") ? fixture.outage() : fixture.rateLimit(Duration.ofSeconds(1));
    int refused = fixture.refusedCalls();
    fixture.failNthWrite(2, fault);

    String id = fixture.customerOpens("Order 48213",
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");
    // a vendor's rate limit may ask for minutes (Salesforce's SOAP fault names no wait; its connector pauses 5)
    settleWhenSkippingWaits(() -> fixture.ownedByPeople(id) && !bot(id, true).isEmpty());

    assertThat(fixture.refusedCalls() - refused).as("the second write was refused once").isEqualTo(1);
    assertHandedOverOnce(id);
  }
}
