package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractHandoverIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractHandoverIT} on the Daktela fake, events by polling (every 0.1 s, 2 s overlap). */
class DaktelaPollingHandoverIT extends AbstractHandoverIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
