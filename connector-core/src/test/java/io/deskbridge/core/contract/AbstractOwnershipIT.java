package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Who owns the conversation, as the vendor shows it, and the bot's episodes: an agent who writes or takes the
 * conversation silences the bot, even between the bot's decision and its write (through a conditional write
 * where the vendor has one, through a re-read just before the write otherwise); a release to the bot starts a
 * new episode; a solved conversation stays with the people who solved it.
 */
public abstract class AbstractOwnershipIT extends AbstractConnectorIT {

  @Test
  void staysSilentAfterAnAgentTookOver() {
    String id = answered("Delivery", "How long does delivery take?");

    fixture.agentWrites(id, "Hi, Alice here, I will look into your delivery personally.");
    fixture.customerWrites(id, "Thanks! And how much does shipping cost?");
    settle();

    assertThat(bot(id, true)).hasSize(1);
    assertThat(fixture.messages(id)).last().satisfies(m -> assertThat(m.author()).isEqualTo(FakeMessage.CUSTOMER));
    assertThat(afterTheAgent(id)).noneSatisfy(m -> assertThat(m.author()).isEqualTo(FakeMessage.BOT));
  }

  @Test
  void anAgentWritingBetweenTheDecisionAndTheWriteGetsNoBotMessageAfterIt() {
    String id = answered("Delivery", "How long does delivery take?");
    harness.onceAt("COMMITTED", () -> {
      fixture.passTime(Duration.ofSeconds(2));
      fixture.agentWrites(id, "Hi, Alice here, I will answer this myself.");
    });

    fixture.customerWrites(id, "And how can I return an item?");
    settleWhen(() -> decisions(id, "reply").size() == 2);

    assertThat(decisions(id, "reply")).as("the bot decided to answer").hasSize(2);
    assertThat(bot(id, true)).as("but did not write").hasSize(1);
    assertThat(afterTheAgent(id)).noneSatisfy(m -> assertThat(m.author()).isEqualTo(FakeMessage.BOT));
  }

  @Test
  void anAgentTakingTheConversationBetweenTheDecisionAndTheWriteStopsTheBot() {
    String id = answered("Delivery", "How long does delivery take?");
    harness.onceAt("COMMITTED", () -> {
      fixture.passTime(Duration.ofSeconds(2));
      fixture.agentTakes(id);
    });

    fixture.customerWrites(id, "And how can I return an item?");
    settleWhen(() -> decisions(id, "reply").size() == 2);

    assertThat(decisions(id, "reply")).as("the bot decided to answer").hasSize(2);
    assertThat(bot(id, true)).as("but did not write over the agent who took it").hasSize(1);
    assertThat(fixture.ownedByPeople(id)).isTrue();
  }

  @Test
  void aConversationReleasedToTheBotIsAnsweredAgainInANewEpisode() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    fixture.agentReleasesToBot(id);
    settle();
    assertThat(fixture.ownedByPeople(id)).isFalse();
    fixture.customerWrites(id, "How do I reset my password? I can't log in.");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).last().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(harness.audit(id)).filteredOn(r -> r.decision().equals("reply")).singleElement()
        .satisfies(r -> assertThat(r.episode()).as("the answer after the release is in the second bot episode")
            .isEqualTo(2));
    assertThat(harness.audit(id)).filteredOn(r -> r.decision().equals("handover"))
        .allSatisfy(r -> assertThat(r.episode()).isEqualTo(1));
    assertThat(harness.audit(id)).filteredOn(r -> r.reasons().contains("released_to_bot"))
        .singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
  }

  @Test
  @DisabledIf("supportsChat")
  void aCustomersReplyToASolvedConversationStaysWithThePeopleByDefault() {
    String id = answered("Delivery", "How long does delivery take?");
    fixture.agentSolves(id);
    settle();

    fixture.customerWrites(id, "Sorry, one more thing: how can I return an item?");
    settle();

    assertThat(bot(id, true)).as("no bot answer in the reopened conversation").hasSize(1);
    assertThat(fixture.messages(id)).last().satisfies(m -> assertThat(m.author()).isEqualTo(FakeMessage.CUSTOMER));
    assertThat(harness.audit(id)).anySatisfy(r -> assertThat(r.reasons()).contains("conversation_solved"));
  }

  /**
   * Chat: closing the chat's ticket gives the switchboard back to the bot (Zendesk messaging: {@code ticketClosed}), so
   * the customer's next message is the bot's in a new episode; staying silent would leave it unanswered.
   */
  @Test
  @EnabledIf("supportsChat")
  void onChatTheCustomersMessageAfterTheAgentClosedTheChatIsAnsweredInANewEpisode() {
    String id = handedOver();
    fixture.agentSolves(id);
    settle();
    assertThat(fixture.ownedByPeople(id)).isFalse();

    fixture.customerWrites(id, "How do I reset my password? I can't log in.");
    settleWhen(() -> decisions(id, "reply").size() == 1);

    assertThat(bot(id, true)).last().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "reply")).singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
  }
}
