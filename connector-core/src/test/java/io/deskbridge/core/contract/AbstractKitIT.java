package io.deskbridge.core.contract;

import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import java.time.Clock;
import org.junit.jupiter.api.TestInstance;

/**
 * The root of the contract kit: the vendor's fixture and the capability switches. A kit test that needs a
 * capability is gated with {@code @EnabledIf("supportsX")}; where the capability is absent, a sibling test
 * gated with {@code @DisabledIf("supportsX")} asserts the vendor-neutral behaviour instead. The switches read
 * the connector's own {@link io.deskbridge.core.spi.Connector#capabilities()}, never a vendor name.
 */
@TestInstance(PER_CLASS)
public abstract class AbstractKitIT {
  private Capabilities capabilities;

  /** A fresh fixture with a started fake; the kit closes it. */
  protected abstract VendorFixture fixture();

  /** What the connector declares, read once per test class from a connector on a fake of its own. */
  protected final Capabilities capabilities() {
    if (capabilities == null) {
      try (VendorFixture probe = fixture(); var connector = probe.connector("capabilities", Clock.systemUTC())) {
        capabilities = connector.capabilities();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the connector's capabilities", e);
      }
    }
    return capabilities;
  }

  protected final boolean supportsConditionalWrites() {
    return capabilities().has(Capability.CONDITIONAL_WRITES);
  }

  protected final boolean supportsAtomicUpdate() {
    return capabilities().has(Capability.ATOMIC_UPDATE);
  }

  protected final boolean supportsTags() {
    return capabilities().has(Capability.TAGS);
  }

  protected final boolean supportsSignedWebhooks() {
    return capabilities().has(Capability.SIGNED_WEBHOOKS);
  }

  protected final boolean supportsChat() {
    return capabilities().has(Capability.CHAT);
  }

  protected final boolean supportsAgentAvailability() {
    return capabilities().has(Capability.AGENT_AVAILABILITY);
  }

  /** A chat vendor that can tell whether anyone is online to take a handover. */
  protected final boolean supportsChatWithAgentAvailability() {
    return supportsChat() && supportsAgentAvailability();
  }

  protected final boolean supportsFollowUpTicket() {
    return capabilities().has(Capability.FOLLOW_UP_TICKET);
  }

  protected final boolean supportsEmailHeaders() {
    return capabilities().has(Capability.EMAIL_HEADERS);
  }

  protected final boolean supportsDraftApproval() {
    return capabilities().has(Capability.DRAFT_APPROVAL);
  }

  protected final boolean supportsOpeningInEvent() {
    return capabilities().has(Capability.OPENING_IN_EVENT);
  }

  /** A handover's agent part (note, assignment, tags) is one call, and a new conversation needs no read. */
  protected final boolean supportsAtomicUpdateWithOpeningInEvent() {
    return supportsAtomicUpdate() && supportsOpeningInEvent();
  }
}
