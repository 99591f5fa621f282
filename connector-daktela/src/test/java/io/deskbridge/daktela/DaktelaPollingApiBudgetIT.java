package io.deskbridge.daktela;

import io.deskbridge.core.contract.VendorFixture;

/** {@link DaktelaApiBudgetIT} by polling. */
class DaktelaPollingApiBudgetIT extends DaktelaApiBudgetIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
