package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's draftmode tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
