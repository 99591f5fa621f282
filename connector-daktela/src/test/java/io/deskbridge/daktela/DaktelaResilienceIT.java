package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractResilienceIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractResilienceIT} on the Daktela fake, events by webhooks (JSON triggers). */
class DaktelaResilienceIT extends AbstractResilienceIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
