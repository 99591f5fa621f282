package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractChatIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's chat tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingChatIT extends AbstractChatIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
