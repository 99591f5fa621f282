package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractResilienceIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract kit's {@code AbstractResilienceIT} on the Daktela web-chat fake; what cannot apply is skipped with the
 * reason ({@link DaktelaChatKitSkips}).
 */
@ExtendWith(DaktelaChatKitSkips.class)
class DaktelaChatResilienceIT extends AbstractResilienceIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaChatFixture();
  }
}
