package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's replies tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
