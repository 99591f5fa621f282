package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractOwnershipIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractOwnershipIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceOwnershipIT extends AbstractOwnershipIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
