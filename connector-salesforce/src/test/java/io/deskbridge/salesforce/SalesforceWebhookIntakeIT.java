package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractWebhookIntakeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractWebhookIntakeIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceWebhookIntakeIT extends AbstractWebhookIntakeIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
