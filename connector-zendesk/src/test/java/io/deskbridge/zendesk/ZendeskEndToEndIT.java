package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractEndToEndIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskEndToEndIT extends AbstractEndToEndIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
