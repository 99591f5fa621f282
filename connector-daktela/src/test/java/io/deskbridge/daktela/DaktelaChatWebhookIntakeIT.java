package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractWebhookIntakeIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract kit's {@code AbstractWebhookIntakeIT} on the Daktela web-chat fake; what cannot apply is skipped with the
 * reason ({@link DaktelaChatKitSkips}).
 */
@ExtendWith(DaktelaChatKitSkips.class)
class DaktelaChatWebhookIntakeIT extends AbstractWebhookIntakeIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaChatFixture();
  }
}
