package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractOwnershipIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractOwnershipIT} on the Daktela fake, events by webhooks (JSON triggers). */
class DaktelaOwnershipIT extends AbstractOwnershipIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
