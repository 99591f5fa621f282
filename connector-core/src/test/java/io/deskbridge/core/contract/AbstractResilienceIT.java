package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on the vendor's side (rate limits, an outage) and on ours (the process dies at any point, a write in
 * flight): nothing is lost, nothing is written twice. Counts are the fake's: the refused calls plus exactly the
 * calls an undisturbed answer takes.
 */
public abstract class AbstractResilienceIT extends AbstractConnectorIT {

  /** The calls an undisturbed answer takes, measured on a conversation of its own. */
  private int callsOfAnUndisturbedAnswer() {
    String control = answered("Delivery", "When will my parcel arrive? How long does delivery take?");
    return fixture.apiCalls(control);
  }

  @Test
  void aBurstOfRateLimitsStillLandsTheReplyExactlyOnce() {
    int undisturbed = callsOfAnUndisturbedAnswer();
    int refusedBefore = fixture.refusedCalls();
    fixture.failNextCalls(4, fixture.rateLimit(Duration.ofSeconds(1)));

    String id = fixture.customerOpens("Delivery", "When will my parcel arrive? How long does delivery take?");
    settleWhenSkippingWaits(() -> !bot(id, true).isEmpty()); // a vendor may ask for minutes (Salesforce's SOAP fault)

    int refused = fixture.refusedCalls() - refusedBefore;
    assertThat(refused).as("every injected refusal was met").isEqualTo(4);
    assertThat(bot(id, true)).hasSize(1);
    assertThat(fixture.apiCalls(id)).as("the refused calls plus the undisturbed answer's").isEqualTo(refused + undisturbed);
  }

  @Test
  void anOutageLongerThanOneCallsRetriesIsRiddenOutAndTheReplyLandsOnce() {
    int undisturbed = callsOfAnUndisturbedAnswer();
    int refusedBefore = fixture.refusedCalls();
    fixture.failNextCalls(8, fixture.outage());

    String id = answered("Delivery", "When will my parcel arrive? How long does delivery take?");

    int refused = fixture.refusedCalls() - refusedBefore;
    assertThat(refused).isEqualTo(8);
    assertThat(bot(id, true)).hasSize(1);
    assertThat(decisions(id, "reply")).hasSize(1);
    assertThat(fixture.apiCalls(id)).as("the refused calls, the undisturbed answer's (less the best-effort ones, "
        + "skipped while the circuit is open), and re-reads that check whether an interrupted write landed")
        .isGreaterThanOrEqualTo(refused + undisturbed - fixture.bestEffortCallsPerAnswer());
    assertThat(harness.health()).as("the connector is up again").isPresent();
  }

  /** Waits until the engine died at its crash point, then starts a new one on the same store. */
  private void crashThenRestart(CountDownLatch crashed) throws InterruptedException {
    assertThat(crashed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the engine reached the crash point").isTrue();
    await().atMost(WAIT).until(() -> !harness.engine().healthy());
    harness.restart();
  }

  @ParameterizedTest(name = "crash at {0}")
  @ValueSource(strings = {"CLAIMED", "COMMITTED", "SENT"})
  void aCrashAnywhereLosesNothingAndRepeatsNothing(String point) throws InterruptedException {
    var crashed = harness.crashAt(point);
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");

    crashThenRestart(crashed);
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).as("exactly one reply after the restart").hasSize(1);
    assertThat(decisions(id, "reply")).hasSize(1);
  }

  @ParameterizedTest(name = "crash after write {0}")
  @ValueSource(ints = {1, 2})
  void aHandoverInterruptedByACrashLandsEveryActionOnce(int write) throws InterruptedException {
    var crashed = new CountDownLatch(1);
    if (write == 1) {
      crashed = harness.crashAt("SENT");
    } else {
      var second = crashed;
      harness.onceAt("SENT", () -> harness.onceAt("SENT", () -> {
        second.countDown();
        throw new ConnectorHarness.Crash();
      }));
    }
    String id = fixture.customerOpens("Order 48213",
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");

    crashThenRestart(crashed);
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, false)).as("one summary note").hasSize(1);
    assertSummaryPostedOnce(id);
    assertThat(bot(id, true)).as("one message to the customer").hasSize(1);
    assertRouted(id);
    assertThat(fixture.ownedByPeople(id)).isTrue();
    assertThat(decisions(id, "handover")).hasSize(1);
  }
}
