package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
