package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractWebhookIntakeIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/** The kit's webhook intake on Zendesk, plus what Zendesk's own refusal says. */
class ZendeskWebhookIntakeIT extends AbstractWebhookIntakeIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }

  @Test
  void aMalformedZendeskEventIsRefusedNamingJson() {
    var malformed = fixture.malformedWebhook();

    var response = harness.post(malformed, fixture.signedHeaders(malformed.body()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("JSON");
  }
}
