package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractRepliesIT} on the Daktela fake, events by webhooks (JSON triggers). */
class DaktelaRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
