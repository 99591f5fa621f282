package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractRepliesIT} on the Daktela fake, events by polling (every 0.1 s, 2 s overlap). */
class DaktelaPollingRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaFixture.polling();
  }
}
