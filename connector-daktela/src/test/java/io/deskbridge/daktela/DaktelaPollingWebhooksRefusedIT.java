package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * An installation that polls has no webhook secret, so its webhook URL takes nothing, however the request is made:
 * a trigger with the secret another installation would use is refused with 401, stored nowhere, and the tickets
 * are still answered by polling. (The kit's {@code AbstractWebhookIntakeIT} is about deliveries and does not apply
 * to polling.)
 */
class DaktelaPollingWebhooksRefusedIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }

  @Test
  void aTriggerIsRefusedWith401AndTheTicketIsAnsweredByPolling() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    long inbox = harness.inboxEvents();
    int calls = fixture.apiCalls(id);
    var sample = fixture.sampleWebhook(id);

    var response = harness.post(sample, fixture.signedHeaders(sample.body()));
    settle();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("webhookSecret");
    assertThat(harness.audit()).last().satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
    assertThat(harness.inboxEvents()).as("nothing stored from the request").isEqualTo(inbox);
    assertThat(fixture.apiCalls(id)).isEqualTo(calls);
    assertThat(bot(id, true)).hasSize(1);
  }
}
