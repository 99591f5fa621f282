package io.deskbridge.daktela;

import io.deskbridge.core.contract.VendorFixture;

/** {@link DaktelaAgentNotesIT} by polling. */
class DaktelaPollingAgentNotesIT extends DaktelaAgentNotesIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
