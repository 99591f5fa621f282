package io.deskbridge.core.engine;

import static io.deskbridge.core.engine.InMemoryHelpdesk.createdEvent;
import static io.deskbridge.core.engine.InMemoryHelpdesk.messageEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {
  private final InMemoryHelpdesk helpdesk = new InMemoryHelpdesk();
  private final InMemoryStore store = new InMemoryStore();
  private Engine engine;

  private void start(Mode mode) {
    var routing = new Routing("g-default", Map.of("Accounts", "g-accounts", "Shipping", "g-shipping"), null);
    var installation = new Installation("inst", mode, routing,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk);
    engine = Engine.start(List.of(installation), ConnectorHarness.bot(), store, store, store, Clock.systemUTC(), 2);
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private void accept(io.deskbridge.core.webhook.InboundEvent... events) throws InterruptedException {
    engine.accept("inst", List.of(events));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  private List<AuditRecord> audit(String conversation) {
    return store.all().stream().filter(r -> r.conversationId().equals(conversation)).toList();
  }

  @Test
  void repliesOnceToANewConversationAndIgnoresItsOwnReplyComingBack() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    var replies = helpdesk.botMessages("t1", Visibility.PUBLIC);
    assertThat(replies).hasSize(1);
    accept(messageEvent("e2", "t1", replies.get(0)));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.loads.get()).isEqualTo(1);
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("reply");
  }

  @Test
  void answersACreatedEventFromItsProvisionalOpeningMessageWithoutLoading() throws Exception {
    start(Mode.AUTO);
    var first = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(InMemoryHelpdesk.createdWithOpening("e1", "t1", first));

    assertThat(helpdesk.loads.get()).isZero();
    assertThat(helpdesk.writes.get()).isEqualTo(1);
  }

  @Test
  void theRealOpeningCommentArrivingLaterIsNotAnsweredAgain() throws Exception {
    start(Mode.AUTO);
    var first = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(InMemoryHelpdesk.createdWithOpening("e1", "t1", first));
    accept(messageEvent("e2", "t1", first));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);

    accept(InMemoryHelpdesk.updatedEvent("e3", "t1"));
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);

    var second = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(messageEvent("e4", "t1", second));
    assertThat(audit("t1")).as("the same words written again later are a new message: the same answer again is a loop")
        .last().satisfies(r -> {
          assertThat(r.decision()).isEqualTo("handover");
          assertThat(r.reasons()).contains("loop");
        });
  }

  @Test
  void aLoadAfterTheProvisionalOpeningDoesNotAnswerItAgain() throws Exception {
    start(Mode.AUTO);
    var first = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(InMemoryHelpdesk.createdWithOpening("e1", "t1", first));
    accept(InMemoryHelpdesk.updatedEvent("e2", "t1"));

    assertThat(helpdesk.loads.get()).isEqualTo(1);
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
  }

  @Test
  void dropsARedeliveredEvent() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"), createdEvent("e1", "t1"));
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.writes.get()).isEqualTo(1);
  }

  @Test
  void readsTheConversationAgainBeforeAnsweringAFollowUp() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"));
    var next = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How can I return an item?");
    accept(messageEvent("e2", "t1", next));

    assertThat(helpdesk.loads.get()).isEqualTo(2);
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(2);
    assertThat(audit("t1")).extracting(AuditRecord::articleId).containsExactly("delivery-times", "returns");
  }

  @Test
  void anAgentMessageWhoseWebhookIsLateIsSeenBeforeAnswering() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"));
    helpdesk.add("t1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Alice here, I'll take it."); // its webhook is late
    var customer = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How can I return an item?");
    accept(messageEvent("e3", "t1", customer));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).last().satisfies(r -> assertThat(r.reasons()).containsExactly("human_owns_conversation"));
  }

  @Test
  void anAgentWritingDuringTheBotsWriteMakesItDecideAgainAndStaySilent() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"));
    var customer = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How can I return an item?");
    helpdesk.duringNextWrite = () -> helpdesk.add("t1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Alice here.");
    accept(messageEvent("e2", "t1", customer));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).last().satisfies(r -> assertThat(r.reasons()).containsExactly("human_took_over"));
  }

  @Test
  void aConflictWithoutNewMessagesWritesAgainWithTheFreshVersion() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    helpdesk.duringNextWrite = () -> helpdesk.versions.merge("t1", 1, Integer::sum); // a trigger changed a field
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.writes.get()).isEqualTo(1);
  }

  @Test
  void aWriteThatLandedButWhoseAnswerWasLostIsNotRepeated() throws Exception {
    start(Mode.AUTO);
    helpdesk.landThenFailNextWrites.set(1);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("applied"));
  }

  @Test
  void aFailingReadIsQueuedAgainAndTheMessageIsStillAnswered() throws Exception {
    start(Mode.AUTO);
    helpdesk.failNextLoads.set(3); // more than one processing attempt's retries
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("failed", "reply");
    assertThat(audit("t1").get(0).reasons()).containsExactly("will_retry");
  }

  @Test
  void writesThatKeepFailingAreQueuedAgainNotDropped() throws Exception {
    start(Mode.AUTO);
    helpdesk.failNextWrites.set(4); // one processing attempt retries a write 3 times
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("failed", "reply");
  }

  @Test
  void aConversationCarryingTheHandoverTagIsLeftToPeople() throws Exception {
    start(Mode.AUTO);
    helpdesk.tags.put("t1", new java.util.LinkedHashSet<>(java.util.Set.of("deskbridge_handover")));
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.writes.get()).isZero();
    assertThat(audit("t1")).singleElement().satisfies(r -> assertThat(r.reasons()).containsExactly("human_owns_conversation"));
  }

  @Test
  void anAgentsPublicMessageIsATakeoverAndTheBotStaysSilent() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"));
    var agent = helpdesk.add("t1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Alice here, I'll take it.");
    accept(messageEvent("e2", "t1", agent));
    var customer = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How can I return an item?");
    accept(messageEvent("e3", "t1", customer));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).last().satisfies(r -> assertThat(r.reasons()).containsExactly("human_owns_conversation"));
  }

  @Test
  void anInternalNoteByAnAgentIsNotATakeover() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"));
    var note = helpdesk.add("t1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "VIP customer");
    accept(messageEvent("e2", "t1", note));
    var customer = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How can I return an item?");
    accept(messageEvent("e3", "t1", customer));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(2);
  }

  @Test
  void handoverWritesNoteWithGroupAndTagsThenTheCustomerMessageAndThenStaysSilent() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human, please.");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).singleElement()
        .satisfies(n -> assertThat(n.text()).containsIgnoringCase("human request"));
    assertThat(helpdesk.groups.get("t1")).isEqualTo("g-default");
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover", "deskbridge_human_request");
    assertThat(helpdesk.writes.get()).isEqualTo(2);
    assertThat(helpdesk.messages.get("t1")).as("the agent's part is written before the customer is told")
        .extracting(io.deskbridge.core.conversation.Message::visibility)
        .containsExactly(Visibility.PUBLIC, Visibility.INTERNAL, Visibility.PUBLIC);

    var again = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(messageEvent("e2", "t1", again));
    assertThat(helpdesk.writes.get()).isEqualTo(2);
  }

  @Test
  void draftModeWritesOnlyAnInternalNoteWithTheProposedReply() throws Exception {
    start(Mode.DRAFT);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).isEmpty();
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).singleElement()
        .satisfies(n -> assertThat(n.text()).containsIgnoringCase("proposed reply").contains("Forgot password"));
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("draft");
  }

  @Test
  void shadowModeDecidesAndAuditsButWritesNothing() throws Exception {
    start(Mode.SHADOW);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.writes.get()).isZero();
    assertThat(audit("t1")).singleElement().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("reply");
      assertThat(r.mode()).isEqualTo("shadow");
      assertThat(r.actions()).isEmpty();
    });
  }

  @Test
  void aFailedWriteIsRetriedAndLandsOnce() throws Exception {
    start(Mode.AUTO);
    helpdesk.failNextWrites.set(2);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("applied"));
  }

  @Test
  void operationsCarryOneMessageEachWithAssignmentAndTagsAfterIt() {
    var reply = new io.deskbridge.core.action.Action.PublicReply("hi");
    var note = new io.deskbridge.core.action.Action.InternalNote("note");
    var group = new io.deskbridge.core.action.Action.AssignGroup("g");
    var tags = new io.deskbridge.core.action.Action.AddTags(java.util.Set.of("t"));

    assertThat(ActionPlanner.operations(List.of(note, group, tags, reply)))
        .containsExactly(List.of(note, group, tags), List.of(reply));
  }
}
