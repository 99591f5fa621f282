package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractHandoverIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskHandoverIT extends AbstractHandoverIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
