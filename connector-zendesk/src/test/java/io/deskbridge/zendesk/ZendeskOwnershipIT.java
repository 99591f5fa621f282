package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractOwnershipIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskOwnershipIT extends AbstractOwnershipIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
