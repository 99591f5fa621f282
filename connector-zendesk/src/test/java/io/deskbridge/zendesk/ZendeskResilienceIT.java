package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractResilienceIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskResilienceIT extends AbstractResilienceIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
