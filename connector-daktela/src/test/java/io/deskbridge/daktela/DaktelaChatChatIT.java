package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractChatIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract kit's chat behaviour ({@code AbstractChatIT}: debounce, session timeout, handover, release, nobody
 * available) on the Daktela web-chat fake; what cannot apply is skipped with the reason ({@link DaktelaChatKitSkips}).
 */
@ExtendWith(DaktelaChatKitSkips.class)
class DaktelaChatChatIT extends AbstractChatIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaChatFixture();
  }
}
