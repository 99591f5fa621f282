package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractOwnershipIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's ownership tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingOwnershipIT extends AbstractOwnershipIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
