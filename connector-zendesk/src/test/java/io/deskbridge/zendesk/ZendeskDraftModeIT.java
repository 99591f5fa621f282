package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;

class ZendeskDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }
}
