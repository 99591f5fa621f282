package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.store.AuditRecord;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ownership over real HTTP on the Zendesk fake: a handover, the tag removed by an agent, a new bot episode. */
class ZendeskOwnershipIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private ZendeskFixture fixture;
  private ConnectorHarness harness;

  @BeforeEach
  void start() {
    fixture = new ZendeskFixture();
    harness = new ConnectorHarness(fixture, Mode.AUTO);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    fixture.close();
  }

  private long botReplies(String id) {
    return fixture.messages(id).stream().filter(m -> m.author().equals(FakeMessage.BOT) && m.isPublic()).count();
  }

  private void settle() {
    fixture.awaitDeliveries(WAIT);
    harness.awaitIdle();
  }

  @Test
  void removingTheHandoverTagGivesTheTicketBackToTheBotInANewEpisode() {
    String id = fixture.customerOpens("Help", "I want to talk to a human, please.");
    await().atMost(WAIT).until(() -> fixture.tagsOf(id).contains("deskbridge_handover"));
    settle();
    long before = botReplies(id);

    fixture.customerWrites(id, "How do I reset my password?");
    settle();
    assertThat(botReplies(id)).as("people own it: the bot stays silent").isEqualTo(before);

    fixture.agentRemovesTag(id, "deskbridge_handover");
    settle();
    fixture.customerWrites(id, "How do I reset my password? Still stuck.");
    await().atMost(WAIT).until(() -> botReplies(id) == before + 1);
    settle();

    assertThat(harness.audit(id)).extracting(AuditRecord::decision, AuditRecord::episode)
        .contains(org.assertj.core.groups.Tuple.tuple("handover", 1), org.assertj.core.groups.Tuple.tuple("reply", 2))
        .doesNotContain(org.assertj.core.groups.Tuple.tuple("reply", 1));
    assertThat(harness.audit(id)).filteredOn(r -> r.reasons().contains("released_to_bot"))
        .singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
  }

  @Test
  void anAgentSolvingTheTicketIsRecordedAndAReplyStaysWithThePeople() {
    String id = fixture.customerOpens("Help", "I want to talk to a human, please.");
    await().atMost(WAIT).until(() -> fixture.tagsOf(id).contains("deskbridge_handover"));
    settle();
    long before = botReplies(id);

    fixture.agentSetsStatus(id, "solved");
    settle();
    fixture.customerWrites(id, "How do I reset my password?");
    settle();

    assertThat(botReplies(id)).isEqualTo(before);
    assertThat(harness.audit(id)).extracting(r -> r.reasons().get(0)).contains("conversation_solved");
  }
}
