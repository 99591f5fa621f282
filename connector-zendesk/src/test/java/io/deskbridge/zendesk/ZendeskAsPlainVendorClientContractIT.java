package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractHelpdeskClientContractIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.spi.Capability;
import java.util.Set;

/**
 * The client contract with Zendesk declared as a vendor without conditional writes, atomic updates or tags: runs
 * the kit's tests for such vendors (one action per call, a fresh load that shows the agent) on a real client.
 */
class ZendeskAsPlainVendorClientContractIT extends AbstractHelpdeskClientContractIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture(Set.of(Capability.CONDITIONAL_WRITES, Capability.ATOMIC_UPDATE, Capability.TAGS));
  }
}
