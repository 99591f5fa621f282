package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractHelpdeskClientContractIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The contract kit's {@code AbstractHelpdeskClientContractIT} on the Daktela fake, events by webhooks (JSON
 * triggers).
 */
class DaktelaHelpdeskClientContractIT extends AbstractHelpdeskClientContractIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
