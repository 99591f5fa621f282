package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractDraftModeIT} on the Daktela fake, events by webhooks (JSON triggers). */
class DaktelaDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
