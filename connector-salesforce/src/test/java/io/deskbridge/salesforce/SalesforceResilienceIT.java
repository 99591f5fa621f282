package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractResilienceIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractResilienceIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceResilienceIT extends AbstractResilienceIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
