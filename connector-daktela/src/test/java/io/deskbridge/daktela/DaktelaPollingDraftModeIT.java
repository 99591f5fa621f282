package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractDraftModeIT} on the Daktela fake, events by polling (every 0.1 s, 2 s overlap). */
class DaktelaPollingDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
