package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractHelpdeskClientContractIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractHelpdeskClientContractIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceHelpdeskClientContractIT extends AbstractHelpdeskClientContractIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
