package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractRepliesIT} on the Salesforce fake (Cases opened on the web form). */
class SalesforceRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }
}
