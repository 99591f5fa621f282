package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;
import java.util.Map;

/**
 * The contract kit's {@code AbstractDraftModeIT} on the Daktela web-chat fake, with {@code summaryInChat: false}: in
 * draft mode the customer sees no bot message, and the summary would be one (README, "Web chat").
 */
class DaktelaChatDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return DaktelaChatFixture.withSettings(Map.of("summaryInChat", false));
  }
}
