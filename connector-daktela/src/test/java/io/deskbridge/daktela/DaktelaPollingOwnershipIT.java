package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractOwnershipIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractOwnershipIT} on the Daktela fake, events by polling (every 0.1 s, 2 s overlap). */
class DaktelaPollingOwnershipIT extends AbstractOwnershipIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
