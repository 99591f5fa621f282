package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractWebhookIntakeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractWebhookIntakeIT} on the Daktela fake, events by webhooks (JSON triggers). */
class DaktelaWebhookIntakeIT extends AbstractWebhookIntakeIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
