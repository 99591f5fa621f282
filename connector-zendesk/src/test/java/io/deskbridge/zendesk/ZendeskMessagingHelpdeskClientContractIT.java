package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractHelpdeskClientContractIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's client tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingHelpdeskClientContractIT extends AbstractHelpdeskClientContractIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
