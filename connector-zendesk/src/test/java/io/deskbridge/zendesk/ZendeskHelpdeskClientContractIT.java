package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractHelpdeskClientContractIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskHelpdeskClientContractIT extends AbstractHelpdeskClientContractIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
