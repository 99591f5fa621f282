package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractWebhookIntakeIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The contract kit's {@code AbstractWebhookIntakeIT} with form-encoded triggers
 * ({@code application/x-www-form-urlencoded}), as an Events HTTP action without a JSON body sends them.
 */
class DaktelaFormWebhookIntakeIT extends AbstractWebhookIntakeIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture().withFormTriggers();
  }
}
