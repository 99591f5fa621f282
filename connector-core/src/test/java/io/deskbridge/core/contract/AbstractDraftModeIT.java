package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.store.AuditRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Draft mode: the bot proposes, people send. The customer never sees a bot message; on vendors with internal
 * notes the proposal is one; on chat (no drafts) nothing is written. An agent's public reply after a draft is
 * judged against it (sent as drafted, edited, replaced: an audit record, a counter and a labelled line in the
 * verdicts file); with {@link io.deskbridge.core.spi.Capability#DRAFT_APPROVAL} an agent approves the draft in the
 * helpdesk and the bot sends it, exactly once, never over a person.
 */
public abstract class AbstractDraftModeIT extends AbstractConnectorIT {
  private static final String QUESTION = "How do I reset my password? I can't log in.";

  @Override
  protected Mode mode() {
    return Mode.DRAFT;
  }

  @Test
  @DisabledIf("supportsChat")
  void anAnswerBecomesOneInternalNoteAndTheCustomerSeesNothing() {
    String id = fixture.customerOpens("Login", QUESTION);
    settleWhen(() -> !bot(id, false).isEmpty());

    assertThat(bot(id, true)).isEmpty();
    assertThat(bot(id, false)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "draft")).singleElement()
        .satisfies(r -> assertThat(r.articleId()).isEqualTo("password-reset"));
  }

  @Test
  @EnabledIf("supportsChat")
  void onChatADraftWritesNothing() {
    String id = fixture.customerOpens("Login", QUESTION);
    settleWhen(() -> !decisions(id, "draft").isEmpty());

    assertThat(bot(id, true)).isEmpty();
    assertThat(bot(id, false)).isEmpty();
  }

  @Test
  void aHandoverInDraftModeRoutesToPeopleWithoutACustomerMessage() {
    String id = handedOver();

    assertThat(bot(id, true)).as("no public message in draft mode").isEmpty();
    assertRouted(id);
    assertThat(fixture.ownedByPeople(id)).isTrue();
    if (!supportsChat()) {
      assertThat(bot(id, false)).singleElement().satisfies(n -> assertThat(n.text()).contains("48213"));
    }
  }

  // ---------------------------------------------------------------- the agents' verdicts

  @Test
  @DisabledIf("supportsChat")
  void anAgentSendingTheDraftAsItIsCountsAsSentAsDrafted() throws IOException {
    String id = drafted();
    fixture.agentWrites(id, draftText(id));
    settleWhen(() -> !feedback(id).isEmpty());

    assertThat(feedback(id)).singleElement().satisfies(r -> {
      assertThat(r.reasons()).containsExactly("sent_as_drafted", "agent_reply");
      assertThat(r.articleId()).isEqualTo("password-reset");
    });
    assertThat(harness.counted("deskbridge.draft.verdicts", "installation", ConnectorHarness.INSTALLATION,
        "verdict", "sent_as_drafted")).isEqualTo(1);
    assertThat(verdictLines()).singleElement().satisfies(line -> {
      assertThat(line.path("expect").asText()).isEqualTo("answer");
      assertThat(line.path("article").asText()).isEqualTo("password-reset");
      assertThat(line.path("text").asText()).contains("reset my password");
    });
    assertThat(bot(id, true)).as("the bot never writes publicly in draft mode").isEmpty();
  }

  @Test
  @DisabledIf("supportsChat")
  void anAgentAddingToTheDraftEditedItAndAnotherAnswerReplacedIt() throws IOException {
    String edited = drafted();
    fixture.agentWrites(edited, "Hello Jan,\n\n" + draftText(edited) + "\n\nIf the e-mail does not arrive within "
        + "ten minutes, please check your spam folder.\n\nKind regards,\nAnna from the support team");
    String replaced = fixture.customerOpens("Login", "How do I reset my password? I can't log in at all.");
    settleWhen(() -> !bot(replaced, false).isEmpty());
    fixture.agentWrites(replaced, "Your account was locked after too many attempts; I have unlocked it now, "
        + "so you can sign in again with your current details.");
    settleWhen(() -> !feedback(edited).isEmpty() && !feedback(replaced).isEmpty());

    assertThat(feedback(edited)).singleElement().satisfies(r -> assertThat(r.reasons()).first().isEqualTo("edited"));
    assertThat(feedback(replaced)).singleElement()
        .satisfies(r -> assertThat(r.reasons()).first().isEqualTo("replaced"));
    assertThat(verdictLines()).extracting(line -> line.path("expect").asText())
        .containsExactlyInAnyOrder("answer", "no_answer");
  }

  // ---------------------------------------------------------------- approval

  @Test
  @EnabledIf("supportsDraftApproval")
  void anApprovedDraftIsSentOnceThoughTheApprovalIsDeliveredAgainAndRepeated() throws IOException {
    String id = drafted();
    String draft = draftText(id);

    fixture.duplicateNextDelivery(3);
    fixture.agentApprovesDraft(id);
    settleWhen(() -> !bot(id, true).isEmpty());
    fixture.redeliverAll(id); // the vendor's late retries of every webhook, the approval's among them
    fixture.agentApprovesDraft(id); // and the agent approving again: no draft is pending any more
    settle();

    assertThat(bot(id, true)).as("the draft, sent once").singleElement()
        .satisfies(m -> assertThat(m.text()).contains(draft.strip()));
    assertThat(decisions(id, "reply")).singleElement()
        .satisfies(r -> assertThat(r.reasons()).containsExactly("draft_approved"));
    assertThat(feedback(id)).singleElement()
        .satisfies(r -> assertThat(r.reasons()).containsExactly("sent_as_drafted", "approved"));
    assertThat(decisions(id, "ignore")).anySatisfy(r -> assertThat(r.reasons()).contains("no_draft_to_approve"));
    assertThat(verdictLines()).hasSize(1);
  }

  @Test
  @EnabledIf("supportsDraftApproval")
  void anApprovedDraftIsSentOnceAcrossACrashAfterTheWrite() throws InterruptedException, IOException {
    String id = drafted();
    CountDownLatch crashed = harness.crashAt("SENT");

    fixture.agentApprovesDraft(id);
    assertThat(crashed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the engine died after the write").isTrue();
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !harness.engine().healthy());
    harness.restart();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).as("one reply after the restart").hasSize(1);
    assertThat(verdictLines()).as("one labelled line").hasSize(1);
  }

  @Test
  @EnabledIf("supportsDraftApproval")
  void anApprovalAfterAnAgentRepliedSendsNothingAndJudgesTheReply() {
    String id = drafted();
    fixture.agentWrites(id, "Let me look into your account first; I will write again within the hour.");
    settleWhen(() -> !feedback(id).isEmpty());

    fixture.agentApprovesDraft(id);
    settleWhen(() -> harness.audit(id).stream().anyMatch(r -> r.reasons().contains("human_owns_conversation")
        || r.reasons().contains("no_draft_to_approve"))); // the draft was answered: nothing left to approve

    assertThat(bot(id, true)).as("never over the agent").isEmpty();
    assertThat(decisions(id, "reply")).isEmpty();
    assertThat(feedback(id)).singleElement().satisfies(r -> assertThat(r.reasons()).first().isEqualTo("replaced"));
  }

  @Test
  @EnabledIf("supportsDraftApproval")
  void anApprovalAfterAnAgentTookTheConversationSendsNothing() {
    String id = drafted();
    fixture.agentTakes(id);
    settle();

    fixture.agentApprovesDraft(id);
    settleWhen(() -> harness.audit(id).stream().anyMatch(r -> r.reasons().contains("human_owns_conversation")
        || r.reasons().contains("human_took_over") || r.reasons().contains("no_draft_to_approve")));

    assertThat(bot(id, true)).as("never after a person took over").isEmpty();
    assertThat(decisions(id, "reply")).isEmpty();
  }

  @Test
  @DisabledIf("supportsDraftApproval")
  void withoutDraftApprovalTheFixtureCannotApprove() {
    assertThatThrownBy(() -> fixture.agentApprovesDraft(fixture.unknownConversationId()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("DRAFT_APPROVAL");
  }

  // ---------------------------------------------------------------- helpers

  /** A customer asks what the kit's knowledge base answers, and the bot's draft note is there. */
  private String drafted() {
    String id = fixture.customerOpens("Login", QUESTION);
    settleWhen(() -> !bot(id, false).isEmpty() && !decisions(id, "draft").isEmpty());
    return id;
  }

  /** The proposed reply of the conversation's draft, as the audit holds it (the note shows it below a heading). */
  private String draftText(String id) {
    return String.valueOf(decisions(id, "draft").get(0).detail().get("text"));
  }

  private List<AuditRecord> feedback(String id) {
    return decisions(id, "draft_feedback");
  }

  private List<com.fasterxml.jackson.databind.JsonNode> verdictLines() throws IOException {
    var file = harness.draftVerdicts();
    if (!Files.exists(file)) {
      return List.of();
    }
    var json = new ObjectMapper();
    var lines = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }
}
