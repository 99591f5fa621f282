package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's {@code AbstractRepliesIT} with form-encoded triggers. */
class DaktelaFormRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture().withFormTriggers();
  }
}
