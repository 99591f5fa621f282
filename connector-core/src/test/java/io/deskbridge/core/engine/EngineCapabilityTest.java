package io.deskbridge.core.engine;

import static io.deskbridge.core.engine.InMemoryHelpdesk.createdEvent;
import static io.deskbridge.core.engine.InMemoryHelpdesk.messageEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.webhook.InboundEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine on vendors with and without conditional writes, atomic updates and tags: handovers confirmed action by
 * action, a person acting between the decision and the write, releases and episodes.
 */
class EngineCapabilityTest {
  private static final Set<Capability> SEPARATE_CALLS = EnumSet.of(Capability.TAGS);
  private static final EngineSettings SETTINGS =
      new EngineSettings(2, Duration.ofSeconds(30), Duration.ofMillis(20), 5, Duration.ofDays(1));
  /** Longer than the default pre-write freshness: a load this old is read again before a public write. */
  private static final Duration STALE = EngineSettings.DEFAULT_PREWRITE_FRESHNESS.plusSeconds(1);

  private final JdbcStore store = JdbcStore.open(StoreConfig.h2Memory("engine-cap-" + System.nanoTime()));
  private final OffsetClock clock = new OffsetClock();
  private final ScriptedDecider decider = new ScriptedDecider();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private InMemoryHelpdesk helpdesk;
  private Engine engine;
  private boolean reopenStartsEpisode;

  private Engine engine(Set<Capability> capabilities, Mode mode, CrashPoints crashPoints) {
    if (helpdesk == null) {
      helpdesk = new InMemoryHelpdesk(capabilities);
    }
    var routing = new Routing("g-default", Map.of(), null);
    var installation = new Installation("inst", mode, routing,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, reopenStartsEpisode);
    return Engine.start(List.of(installation), decider, store, store, clock, SETTINGS, crashPoints, meters);
  }

  private void start(Set<Capability> capabilities) {
    engine = engine(capabilities, Mode.AUTO, CrashPoints.NONE);
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    store.close();
  }

  private void accept(InboundEvent... events) throws InterruptedException {
    engine.accept("inst", List.of(events));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  private List<AuditRecord> audit() {
    return store.all().stream().filter(r -> r.conversationId().equals("t1")).toList();
  }

  // ---------------------------------------------------------------- handover, action by action

  @Test
  void withoutAtomicUpdatesAHandoverIsOneCallPerActionInOrder() throws Exception {
    start(SEPARATE_CALLS);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human, please.");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.applied).extracting(a -> a.get(0).getClass().getSimpleName())
        .containsExactly("InternalNote", "AssignGroup", "AddTags", "PublicReply");
    assertThat(helpdesk.groups.get("t1")).isEqualTo("g-default");
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover", "deskbridge_human_request");
  }

  @Test
  void aNoteThatLandedIsNotRepeatedWhenTheReassignmentFailsOnce() throws Exception {
    start(SEPARATE_CALLS);
    helpdesk.failNextAssignments.set(1); // the assignment call's answer is lost, and it did not happen
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human, please.");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).as("the note exactly once").hasSize(1);
    assertThat(helpdesk.groups.get("t1")).as("the reassignment landed on its retry").isEqualTo("g-default");
    assertThat(helpdesk.applied.stream().filter(a -> a.get(0) instanceof Action.InternalNote)).hasSize(1);
    assertThat(helpdesk.applied.stream().filter(a -> a.get(0) instanceof Action.AssignGroup)).hasSize(1);
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
  }

  // ---------------------------------------------------------------- a handover's write failing for good

  private static final String HUMAN_PLEASE = "I want to talk to a human, please.";

  /** The customer writes again after the handover: the bot must stay silent. */
  private void customerWritesAgainAndTheBotStaysSilent() throws Exception {
    int writes = helpdesk.writes.get();
    var again = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(messageEvent("e2", "t1", again));
    assertThat(helpdesk.writes.get()).as("nothing written after the handover").isEqualTo(writes);
    assertThat(audit()).last().satisfies(r -> assertThat(r.reasons()).containsExactly("human_owns_conversation"));
  }

  private List<String> failureReasons() {
    return audit().stream().filter(r -> r.decision().equals("failed")).map(r -> r.reasons().get(0)).toList();
  }

  @Test
  void aHandoverNoteRefusedForGoodStillAssignsAndTellsTheCustomer() throws Exception {
    start(SEPARATE_CALLS);
    helpdesk.refuse = a -> a instanceof Action.InternalNote;
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", HUMAN_PLEASE);
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.groups.get("t1")).as("the assignment went despite the refused note").isEqualTo("g-default");
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover");
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(failureReasons()).containsExactly("gave_up");
    customerWritesAgainAndTheBotStaysSilent();
  }

  @Test
  void aHandoverLineRefusedForGoodStillAssigns() throws Exception {
    start(EnumSet.of(Capability.TAGS, Capability.HANDOVER_ENDS_BOT_WRITES)); // note, line, assignment, tags
    helpdesk.refuse = a -> a instanceof Action.PublicReply;
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", HUMAN_PLEASE);
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).isEmpty();
    assertThat(helpdesk.groups.get("t1")).as("the customer was promised a person").isEqualTo("g-default");
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover");
    assertThat(failureReasons()).containsExactly("gave_up");
    customerWritesAgainAndTheBotStaysSilent();
  }

  @Test
  void withAtomicUpdatesANoteRefusedForGoodSendsItsAssignmentOnItsOwn() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE); // note + assignment + tags in one call, then the line
    helpdesk.refuse = a -> a instanceof Action.InternalNote;
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", HUMAN_PLEASE);
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.applied).extracting(a -> a.stream().map(x -> x.getClass().getSimpleName()).toList())
        .containsExactly(List.of("AssignGroup", "AddTags"), List.of("PublicReply"));
    assertThat(helpdesk.groups.get("t1")).isEqualTo("g-default");
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).isEmpty();
    assertThat(failureReasons()).containsExactly("gave_up");
    assertThat(audit().stream().filter(r -> r.decision().equals("failed")).findFirst().orElseThrow().outcome())
        .contains("the assignment was sent without the message");
    customerWritesAgainAndTheBotStaysSilent();
  }

  @Test
  void anAssignmentRefusedForGoodIsLoudAndTheBotStaysSilent() throws Exception {
    start(SEPARATE_CALLS);
    helpdesk.refuse = a -> a instanceof Action.AssignGroup;
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", HUMAN_PLEASE);
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.groups.get("t1")).isNull();
    assertThat(failureReasons()).containsExactly("handover_not_assigned");
    assertThat(audit().stream().filter(r -> r.decision().equals("failed")).findFirst().orElseThrow().outcome())
        .contains("'g-default'", "422", "nobody was assigned");
    assertThat(meters.counter("deskbridge.handover.unassigned", "installation", "inst").count()).isEqualTo(1.0);
    assertThat(helpdesk.tags.get("t1")).as("the rest of the handover still goes").contains("deskbridge_handover");
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    customerWritesAgainAndTheBotStaysSilent();
  }

  @Test
  void withAtomicUpdatesAnAssignmentRefusedForGoodStillLeavesTheNoteForWhoeverRoutesItByHand() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE); // note + assignment + tags in one call, then the line
    helpdesk.refuse = a -> a instanceof Action.AssignGroup;
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", HUMAN_PLEASE);
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.groups.get("t1")).isNull();
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).as("the summary, once").singleElement()
        .satisfies(m -> assertThat(m.text()).containsIgnoringCase("human request"));
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover");
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(failureReasons()).containsExactly("handover_not_assigned");
    assertThat(audit().stream().filter(r -> r.decision().equals("failed")).findFirst().orElseThrow().outcome())
        .contains("the note was sent without the assignment", "nobody was assigned");
    customerWritesAgainAndTheBotStaysSilent();
  }

  @Test
  void aPersonWritingBeforeTheHandoverLineCancelsTheRestOfTheHandover() throws Exception {
    var capabilities = EnumSet.of(Capability.TAGS, Capability.HANDOVER_ENDS_BOT_WRITES); // note, line, assign, tags
    helpdesk = new InMemoryHelpdesk(capabilities);
    engine = engine(capabilities, Mode.AUTO, p -> {
      if (p == CrashPoints.Point.COMMITTED && helpdesk.messages.get("t1").size() == 1) {
        clock.advance(STALE); // the line's pre-write read sees the agent
        helpdesk.add("t1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Alice here, I'll take it.");
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", HUMAN_PLEASE);
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.applied).extracting(a -> a.get(0).getClass().getSimpleName()).containsExactly("InternalNote");
    assertThat(helpdesk.groups.get("t1")).isNull();
    assertThat(failureReasons()).containsExactly("human_took_over");
  }

  /** Stops the engine at {@code point} the {@code nth} time, then recovers with a new engine on the same store. */
  private void crashAtThenRecover(Set<Capability> capabilities, CrashPoints.Point point, int nth) throws Exception {
    var crashed = new CountDownLatch(1);
    var reached = new java.util.concurrent.atomic.AtomicInteger();
    var dying = engine(capabilities, Mode.AUTO, p -> {
      if (p == point && reached.incrementAndGet() == nth) {
        crashed.countDown();
        throw new Error("simulated crash");
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human, please.");
    dying.accept("inst", List.of(createdEvent("e1", "t1")));
    assertThat(crashed.await(20, TimeUnit.SECONDS)).isTrue();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !dying.healthy());
    dying.close();
    clock.advance(SETTINGS.lease().plusSeconds(1));
    engine = engine(capabilities, Mode.AUTO, CrashPoints.NONE);
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void aCrashAfterTheAtomicHandoverLandedChecksEveryActionAndSendsNothingTwice() throws Exception {
    crashAtThenRecover(InMemoryHelpdesk.ZENDESK_LIKE, CrashPoints.Point.SENT, 1);

    assertThat(helpdesk.applied).as("note + group + tags once, then the customer message once").hasSize(2);
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).hasSize(1);
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
  }

  @Test
  void aCrashAfterTheReassignmentLandedDoesNotRepeatItAndSendsTheRest() throws Exception {
    crashAtThenRecover(SEPARATE_CALLS, CrashPoints.Point.SENT, 2); // after the note, then the assignment

    assertThat(helpdesk.applied).extracting(a -> a.get(0).getClass().getSimpleName())
        .containsExactly("InternalNote", "AssignGroup", "AddTags", "PublicReply");
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover");
  }

  @Test
  void recoveryFindsAMissingReassignmentAndSendsIt() throws Exception {
    // the assignment operation is marked SENDING, then the process dies before the vendor call
    var helpdeskCaps = SEPARATE_CALLS;
    crashAtThenRecoverBeforeSecondCall(helpdeskCaps);

    assertThat(helpdesk.groups.get("t1")).isEqualTo("g-default");
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).hasSize(1);
    assertThat(helpdesk.applied).extracting(a -> a.get(0).getClass().getSimpleName())
        .containsExactly("InternalNote", "AssignGroup", "AddTags", "PublicReply");
  }

  private void crashAtThenRecoverBeforeSecondCall(Set<Capability> capabilities) throws Exception {
    helpdesk = new InMemoryHelpdesk(capabilities);
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    helpdesk.duringNextWrite = null;
    var crashed = new CountDownLatch(1);
    var dying = engine(capabilities, Mode.AUTO, CrashPoints.NONE);
    helpdesk.beforeWrite = () -> {
      if (calls.incrementAndGet() == 2) {
        crashed.countDown();
        throw new Error("simulated crash inside the vendor call");
      }
    };
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human, please.");
    dying.accept("inst", List.of(createdEvent("e1", "t1")));
    assertThat(crashed.await(20, TimeUnit.SECONDS)).isTrue();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !dying.healthy());
    dying.close();
    helpdesk.beforeWrite = null;
    clock.advance(SETTINGS.lease().plusSeconds(1));
    engine = engine(capabilities, Mode.AUTO, CrashPoints.NONE);
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  // ---------------------------------------------------------------- never over a person

  @ParameterizedTest(name = "conditional writes: {0}")
  @ValueSource(booleans = {true, false})
  void anAgentWritingBetweenTheDecisionAndTheWriteMeansTheBotPostsNothing(boolean conditional) throws Exception {
    var capabilities = conditional ? InMemoryHelpdesk.ZENDESK_LIKE : SEPARATE_CALLS;
    helpdesk = new InMemoryHelpdesk(capabilities);
    engine = engine(capabilities, Mode.AUTO, p -> {
      if (p == CrashPoints.Point.COMMITTED && helpdesk.messages.get("t1").size() == 1) {
        clock.advance(STALE); // without conditional writes, a load this old is checked again before the write
        helpdesk.add("t1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Alice here, I'll take it.");
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).isEmpty();
    assertThat(helpdesk.writes.get()).isZero();
    assertThat(audit()).extracting(AuditRecord::decision).containsExactly("reply", "failed");
    assertThat(audit().get(1).reasons()).containsExactly("human_took_over");
  }

  /** Daktela-like: no conditional writes, one call for note and assignment, and agents take over through notes. */
  private static final Set<Capability> NOTES_TAKE_OVER =
      EnumSet.of(Capability.ATOMIC_UPDATE, Capability.AGENT_NOTES_TAKE_OVER);

  @ParameterizedTest(name = "agent notes take over: {0}")
  @ValueSource(booleans = {true, false})
  void anAgentsNoteBetweenTheDecisionAndTheWriteCancelsItOnlyWhereNotesTakeOver(boolean notesTakeOver)
      throws Exception {
    var capabilities = notesTakeOver ? NOTES_TAKE_OVER : EnumSet.of(Capability.ATOMIC_UPDATE);
    helpdesk = new InMemoryHelpdesk(capabilities);
    engine = engine(capabilities, Mode.AUTO, p -> {
      if (p == CrashPoints.Point.COMMITTED && helpdesk.messages.get("t1").size() == 1) {
        clock.advance(STALE); // a load this old is checked again before the write
        helpdesk.add("t1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "Alice: I'm calling this customer.");
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    if (notesTakeOver) {
      assertThat(helpdesk.writes.get()).isZero();
      assertThat(audit()).extracting(AuditRecord::decision).containsExactly("reply", "failed");
      assertThat(audit().get(1).reasons()).containsExactly("human_took_over");
    } else {
      assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).as("a note is no takeover here").hasSize(1);
      assertThat(audit()).extracting(AuditRecord::decision).containsExactly("reply");
    }
  }

  @Test
  void whereAgentNotesTakeOverTheBotStaysSilentAfterAnAgentsNote() throws Exception {
    start(NOTES_TAKE_OVER);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(createdEvent("e1", "t1"));
    var note = helpdesk.add("t1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "Taking this one.");
    accept(InMemoryHelpdesk.messageEvent("e2", "t1", note));
    var customer = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How can I return an item?");
    accept(InMemoryHelpdesk.messageEvent("e3", "t1", customer));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit()).extracting(AuditRecord::decision).containsExactly("reply", "ignore", "ignore");
    assertThat(audit().get(1).reasons()).containsExactly("human_took_over");
    assertThat(audit().get(2).reasons()).containsExactly("human_owns_conversation");
  }

  @Test
  void withoutConditionalWritesTheVendorReportingAPersonAsOwnerCancelsTheWrite() throws Exception {
    helpdesk = new InMemoryHelpdesk(SEPARATE_CALLS);
    engine = engine(SEPARATE_CALLS, Mode.AUTO, p -> {
      if (p == CrashPoints.Point.COMMITTED) {
        clock.advance(STALE);
        helpdesk.assignees.put("t1", "a7"); // an agent took the ticket without writing
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.writes.get()).isZero();
    assertThat(audit()).last().satisfies(r -> assertThat(r.reasons()).containsExactly("human_took_over"));
  }

  @Test
  void withoutConditionalWritesALoadOlderThanTheFreshnessIsReadAgainBeforeThePublicWrite() throws Exception {
    helpdesk = new InMemoryHelpdesk(SEPARATE_CALLS);
    engine = engine(SEPARATE_CALLS, Mode.AUTO, p -> {
      if (p == CrashPoints.Point.COMMITTED) {
        clock.advance(STALE); // the decision took longer than the freshness after the load
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.loads.get()).as("the load to decide, then the re-read before the public write").isEqualTo(2);
    assertThat(meters.get("deskbridge.prewrite.window").timer().count()).isEqualTo(1);
  }

  @Test
  void withoutConditionalWritesAPublicWriteRightAfterTheLoadItWasDecidedOnIsNotPrecededByAnotherRead() throws Exception {
    start(SEPARATE_CALLS);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.loads.get()).as("the load to decide was the check: load + reply, two calls").isEqualTo(1);
    assertThat(meters.get("deskbridge.prewrite.window").timer().count()).as("measured from that load").isEqualTo(1);
  }

  @Test
  void aFreshnessOfZeroReadsAgainBeforeEveryPublicWrite() throws Exception {
    helpdesk = new InMemoryHelpdesk(SEPARATE_CALLS);
    var routing = new Routing("g-default", Map.of(), null);
    var installation = new Installation("inst", Mode.AUTO, routing,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, false);
    engine = Engine.start(List.of(installation), decider, store, store, clock,
        SETTINGS.withPrewriteFreshness(Duration.ZERO), CrashPoints.NONE, meters);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.loads.get()).isEqualTo(2);
  }

  @Test
  void withConditionalWritesThereIsNoReReadBeforeTheWrite() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.loads.get()).isEqualTo(1);
    assertThat(meters.find("deskbridge.prewrite.window").timer()).isNull();
  }

  @Test
  void withoutTagsAHandoverAddsNone() throws Exception {
    start(EnumSet.of(Capability.ATOMIC_UPDATE));
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human, please.");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.tags.get("t1")).isNull();
    assertThat(helpdesk.groups.get("t1")).isEqualTo("g-default");
    assertThat(helpdesk.applied).extracting(List::size).containsExactly(2, 1);
  }

  // ---------------------------------------------------------------- ownership and episodes

  private void handOver() throws Exception {
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));
    var human = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I want to talk to a human.");
    accept(messageEvent("e2", "t1", human));
    assertThat(helpdesk.tags.get("t1")).contains("deskbridge_handover");
  }

  @Test
  void aReleaseStartsANewEpisodeWithItsCountersReset() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    handOver();
    var whileHuman = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "Thanks, waiting.");
    accept(messageEvent("e3", "t1", whileHuman));
    helpdesk.assignees.put("t1", "a7"); // the agent stays assigned
    helpdesk.tags.get("t1").remove("deskbridge_handover");
    accept(InMemoryHelpdesk.event("e4", "t1", InboundEvent.Kind.RELEASED_TO_BOT));
    var again = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(messageEvent("e5", "t1", again));

    assertThat(audit()).extracting(AuditRecord::eventId, AuditRecord::decision, AuditRecord::episode).containsExactly(
        org.assertj.core.groups.Tuple.tuple("e1", "reply", 1), org.assertj.core.groups.Tuple.tuple("e2", "handover", 1),
        org.assertj.core.groups.Tuple.tuple("e3", "ignore", 1), org.assertj.core.groups.Tuple.tuple("e4", "ignore", 2),
        org.assertj.core.groups.Tuple.tuple("e5", "reply", 2));
    var last = decider.inputs.get(decider.inputs.size() - 1);
    assertThat(last.botTurns()).isZero();
    assertThat(last.answeredArticleIds()).as("the same question is not a loop in a new episode").isEmpty();
    assertThat(last.newMessages()).as("what was said while people had it is not answered").containsExactly(again);
  }

  @Test
  void aNewAssigneeAfterTheReleaseIsATakeoverAgain() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    handOver();
    helpdesk.assignees.put("t1", "a7");
    helpdesk.tags.get("t1").remove("deskbridge_handover");
    accept(InMemoryHelpdesk.event("e4", "t1", InboundEvent.Kind.RELEASED_TO_BOT));
    helpdesk.assignees.put("t1", "a8");
    var again = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(messageEvent("e5", "t1", again));

    assertThat(audit()).last().satisfies(r -> assertThat(r.reasons()).containsExactly("human_owns_conversation"));
  }

  @Test
  void aReplyToASolvedConversationStaysWithPeopleByDefault() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    handOver();
    accept(InMemoryHelpdesk.event("e3", "t1", InboundEvent.Kind.SOLVED));
    int writes = helpdesk.writes.get();
    var reply = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    accept(messageEvent("e4", "t1", reply), InMemoryHelpdesk.event("e5", "t1", InboundEvent.Kind.REOPENED));

    assertThat(helpdesk.writes.get()).isEqualTo(writes);
    assertThat(audit()).extracting(AuditRecord::episode).containsOnly(1);
  }

  @Test
  void aReplyToASolvedConversationStartsAnEpisodeWhereTheInstallationSaysSo() throws Exception {
    reopenStartsEpisode = true;
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    handOver();
    helpdesk.assignees.put("t1", "a7");
    helpdesk.tags.get("t1").remove("deskbridge_handover");
    accept(InMemoryHelpdesk.event("e3", "t1", InboundEvent.Kind.SOLVED));
    var reply = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(messageEvent("e4", "t1", reply));

    assertThat(audit()).last().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("reply");
      assertThat(r.episode()).isEqualTo(2);
    });
  }
}
