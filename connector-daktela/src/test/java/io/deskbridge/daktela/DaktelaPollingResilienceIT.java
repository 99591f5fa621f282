package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractResilienceIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The contract kit's {@code AbstractResilienceIT} on the Daktela fake, events by polling (every 0.1 s, 2 s overlap).
 */
class DaktelaPollingResilienceIT extends AbstractResilienceIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
