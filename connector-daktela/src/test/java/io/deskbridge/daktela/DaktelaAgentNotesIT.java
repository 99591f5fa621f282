package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.spi.Capability;
import org.junit.jupiter.api.Test;

/**
 * {@code Capability.AGENT_NOTES_TAKE_OVER}: in Daktela an agent who comments on a ticket (a COMMENT activity, which
 * the customer does not see) is working it, so the bot stops there, as after an agent's e-mail; the bot's own
 * comments are its own messages (the kit's draft-mode tests). Webhooks here, polling in
 * {@link DaktelaPollingAgentNotesIT}.
 */
class DaktelaAgentNotesIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }

  private DaktelaFixture dk() {
    return (DaktelaFixture) fixture;
  }

  @Test
  void theConnectorDeclaresIt() {
    assertThat(capabilities().has(Capability.AGENT_NOTES_TAKE_OVER)).isTrue();
  }

  @Test
  void anAgentsCommentTakesTheTicketOver() {
    String id = answered("Delivery", "How long does delivery take?");

    dk().fake.agentComments(id, DaktelaFixture.AGENT, "Customer is a VIP, I will handle this one.");
    settle();
    fixture.customerWrites(id, "Thanks! And how can I return an item?");
    settle();

    assertThat(bot(id, true)).as("no answer after the agent's comment").hasSize(1);
    assertThat(fixture.messages(id)).last().satisfies(m -> assertThat(m.author()).isEqualTo(FakeMessage.CUSTOMER));
    assertThat(harness.audit(id)).last().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("ignore");
      assertThat(r.reasons()).containsExactly("human_owns_conversation");
    });
  }
}
