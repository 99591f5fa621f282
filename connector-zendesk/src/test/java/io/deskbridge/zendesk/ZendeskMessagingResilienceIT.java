package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractResilienceIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's resilience tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingResilienceIT extends AbstractResilienceIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
