package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractHandoverIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractHandoverIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceHandoverIT extends AbstractHandoverIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
