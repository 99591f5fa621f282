package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractHandoverIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's handover tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingHandoverIT extends AbstractHandoverIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
