package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The polling watermark across a restart: the engine (and with it the poller) stops, tickets change while nobody
 * polls, and the engine that starts on the same store reads every change once, from the cursor it stored, not from
 * the time it started. The fake's clock moves past the overlap before the restart, so a poller that started from
 * "now" again would miss the changes.
 */
class DaktelaPollingRestartIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }

  @Test
  void changesMadeWhileStoppedAreReadOnceAfterTheRestart() {
    String first = answered("Login", "How do I reset my password? I can't log in.");

    harness.engine().close();
    String second = fixture.customerOpens("Returns", "How can I return an item?");
    fixture.customerWrites(first, "Thanks. And how long does delivery take?");
    fixture.passTime(Duration.ofSeconds(10));
    harness.restart();
    settleWhen(() -> bot(first, true).size() == 2 && bot(second, true).size() == 1);
    fixture.passTime(Duration.ofSeconds(1));
    fixture.customerWrites(second, "Thanks! One more: how long does delivery take?");
    settleWhen(() -> bot(second, true).size() == 2);

    assertThat(decisions(first, "reply")).as("nothing lost, nothing twice").hasSize(2);
    assertThat(decisions(second, "reply")).hasSize(2);
    assertThat(bot(first, true)).hasSize(2);
    assertThat(bot(second, true)).hasSize(2);
  }

  @Test
  void aRestartWithNothingNewAnswersNothingAgain() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    int audits = harness.audit(id).size();

    harness.restart();
    settle();
    fixture.customerWrites(id, "Thanks. And how can I return an item?");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).hasSize(2);
    assertThat(harness.audit(id).subList(audits, harness.audit(id).size()))
        .filteredOn(r -> r.decision().equals("reply")).as("only the new question is answered").hasSize(1);
  }
}
