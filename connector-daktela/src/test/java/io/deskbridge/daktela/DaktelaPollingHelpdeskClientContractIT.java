package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractHelpdeskClientContractIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The contract kit's {@code AbstractHelpdeskClientContractIT} on the Daktela fake, events by polling (every 0.1 s, 2
 * s overlap).
 */
class DaktelaPollingHelpdeskClientContractIT extends AbstractHelpdeskClientContractIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
