package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractDraftModeIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
