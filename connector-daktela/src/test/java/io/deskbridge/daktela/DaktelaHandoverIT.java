package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractHandoverIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractHandoverIT} on the Daktela fake, events by webhooks (JSON triggers). */
class DaktelaHandoverIT extends AbstractHandoverIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
