package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import static io.deskbridge.core.engine.InMemoryHelpdesk.createdEvent;
import static io.deskbridge.core.engine.InMemoryHelpdesk.messageEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {
  private InMemoryHelpdesk helpdesk = new InMemoryHelpdesk();
  private final ScriptedDecider decider = new ScriptedDecider();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private boolean reopenStartsEpisode;
  private final JdbcStore store = JdbcStore.open(StoreConfig.h2Memory("engine-" + System.nanoTime()));
  private final OffsetClock clock = new OffsetClock();
  private static final EngineSettings SETTINGS =
      new EngineSettings(2, Duration.ofSeconds(30), Duration.ofMillis(20), 5, Duration.ofDays(1));
  private EngineSettings settings = SETTINGS;
  private Engine engine;

  private void start(Mode mode) {
    engine = engine(mode, CrashPoints.NONE);
  }

  private Engine engine(Mode mode, CrashPoints crashPoints) {
    var routing = new Routing("g-default", Map.of("Accounts", "g-accounts", "Shipping", "g-shipping"), null);
    var installation = new Installation("inst", mode, routing,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, reopenStartsEpisode);
    return Engine.start(List.of(installation), decider, store, store, clock, settings, crashPoints, meters);
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    store.close();
  }

  private void accept(io.deskbridge.core.webhook.InboundEvent... events) throws InterruptedException {
    engine.accept("inst", List.of(events));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  private List<AuditRecord> audit(String conversation) {
    return store.all().stream().filter(r -> r.conversationId().equals(conversation)).toList();
  }

  @Test
  void startChecksTheRoutingTargetsOnceAfterWhoAmI() {
    start(Mode.AUTO);

    assertThat(helpdesk.startCalls).containsExactly("whoAmI", "checkRoutes [g-accounts, g-default, g-shipping]");
  }

  @Test
  void aRoutingTargetTheVendorRefusesFailsTheStartWithOneLineNamingTheRouting() {
    helpdesk.refuseRoutes = new io.deskbridge.core.error.VendorException(
        io.deskbridge.core.error.VendorException.Kind.NOT_FOUND, "queue Tier9 does not exist", null);

    var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> start(Mode.AUTO));

    assertThat(thrown).isInstanceOf(io.deskbridge.core.error.ConfigException.class)
        .hasMessage("installation 'inst' (memory) failed its routing check: queue Tier9 does not exist; check "
            + "installations[inst].routing.defaultGroup and .groups");
    assertThat(thrown.getMessage()).doesNotContain("\n");
    assertThat(helpdesk.startCalls).as("not retried: the vendor said no").hasSize(2);
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
    assertThat(audit("t1")).extracting(AuditRecord::decision, r -> r.reasons().get(r.reasons().size() - 1))
        .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("ignore", "own_message"));
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("reply", "ignore");
  }

  @Test
  void aTicketTheBotsOwnUserCreatedIsIgnoredWithAnAuditRecordSayingWhy() throws Exception {
    start(Mode.AUTO);
    var own = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, InMemoryHelpdesk.BOT, "How do I reset my password?");
    accept(InMemoryHelpdesk.createdWithOpening("e1", "t1", own));

    assertThat(helpdesk.writes.get()).isZero();
    assertThat(audit("t1")).singleElement().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("ignore");
      assertThat(r.eventId()).isEqualTo("e1");
      assertThat(r.reasons()).contains("own_event");
    });
  }

  @Test
  void anEventWithNothingNewFromTheCustomerIsIgnoredWithAnAuditRecord() throws Exception {
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));
    accept(InMemoryHelpdesk.updatedEvent("e2", "t1"));
    var note = helpdesk.add("t1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "checking");
    accept(messageEvent("e3", "t1", note));

    assertThat(audit("t1")).extracting(AuditRecord::eventId, r -> r.reasons().get(r.reasons().size() - 1))
        .contains(org.assertj.core.groups.Tuple.tuple("e2", "no_new_customer_message"),
            org.assertj.core.groups.Tuple.tuple("e3", "internal_note"));
  }

  @Test
  void answersACreatedEventFromItsOpeningMessageWithoutLoading() throws Exception {
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
  void aLoadAfterTheOpeningFromTheEventDoesNotAnswerItAgain() throws Exception {
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
    assertThat(audit("t1")).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("queued"));
  }

  /**
   * The chaos run's duplicate (issue #12's last CI run): a write's answer is lost, and while its worker re-reads, its
   * lease runs out and another worker takes the conversation and sends the reply. The first worker's re-read came
   * just before that reply, so only its lease can stop it from writing the same reply again.
   */
  @Test
  void aWorkerWhoseLeaseWasTakenOverWhileItsWriteWasInDoubtDoesNotWriteAgain() throws Exception {
    settings = SETTINGS.withWorkers(1); // the only other worker is the one this test plays
    start(Mode.AUTO);
    var attempts = new java.util.concurrent.atomic.AtomicInteger();
    helpdesk.beforeWrite = () -> {
      if (attempts.incrementAndGet() > 1) {
        return;
      }
      String reply = helpdesk.lastAttempt.actions().stream().filter(a -> a instanceof Action.PublicReply)
          .map(a -> ((Action.PublicReply) a).text()).findFirst().orElseThrow();
      helpdesk.afterNextLoad = () -> { // the first worker's re-read has just been answered
        clock.advance(Duration.ofSeconds(31)); // its lease (30 s) ran out meanwhile
        var other = store.claim("other-worker", clock.instant(), Duration.ofSeconds(30)).orElseThrow();
        helpdesk.add("t1", AuthorRole.BOT, Visibility.PUBLIC, InMemoryHelpdesk.BOT, reply); // the other one's reply
        store.release(other);
      };
      throw new io.deskbridge.core.error.VendorException(io.deskbridge.core.error.VendorException.Kind.UNAVAILABLE,
          "read timed out (scripted)", null);
    };
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(attempts.get()).as("the first worker stopped before a second attempt").isEqualTo(1);
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("reply");
  }

  @Test
  void aChatCustomersThreeQuickMessagesGetOneAnswerAfterTheDebounceWindow() throws Exception {
    helpdesk = new InMemoryHelpdesk(java.util.EnumSet.of(Capability.CHAT, Capability.CONDITIONAL_WRITES,
        Capability.ATOMIC_UPDATE, Capability.TAGS));
    start(Mode.AUTO);
    var lines = List.of("hi", "I cannot get into my account", "I forgot my password");
    for (int i = 0; i < lines.size(); i++) {
      var m = helpdesk.add("chat1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", lines.get(i));
      engine.accept("inst", List.of(messageEvent("e" + i, "chat1", m)));
      clock.advance(Duration.ofMillis(500));
    }
    assertThat(engine.awaitIdle(Duration.ofMillis(300))).as("held back: the window is still open").isFalse();

    clock.advance(Installation.DEFAULT_CHAT_DEBOUNCE);
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();

    assertThat(helpdesk.botMessages("chat1", Visibility.PUBLIC)).hasSize(1);
    assertThat(decider.inputs).singleElement().satisfies(input -> assertThat(input.newMessages())
        .extracting(io.deskbridge.core.conversation.Message::text).containsExactlyElementsOf(lines));
    assertThat(audit("chat1")).extracting(AuditRecord::decision).containsExactly("reply", "ignore", "ignore");
  }

  /**
   * On the real clock, with a poll far longer than the window: the held-back message is claimed when its window
   * closes, not at the next poll (the chat benchmark's reply latency beyond the window, issue #14).
   */
  @Test
  void aChatMessageIsAnsweredWhenItsWindowClosesNotAtTheNextPoll() throws Exception {
    helpdesk = new InMemoryHelpdesk(java.util.EnumSet.of(Capability.CHAT, Capability.CONDITIONAL_WRITES,
        Capability.ATOMIC_UPDATE, Capability.TAGS));
    var installation = new Installation("inst", Mode.AUTO, new Routing("g-default", Map.of(), null),
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, false, Duration.ofMillis(200));
    engine = Engine.start(List.of(installation), decider, store, store, java.time.Clock.systemUTC(),
        new EngineSettings(2, Duration.ofSeconds(30), Duration.ofMinutes(5), 5, Duration.ofDays(1)), CrashPoints.NONE,
        meters);
    var m = helpdesk.add("chat1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I forgot my password");

    engine.accept("inst", List.of(messageEvent("e1", "chat1", m)));

    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).as("done within the window and then some, not after the "
        + "five-minute poll").isTrue();
    assertThat(helpdesk.botMessages("chat1", Visibility.PUBLIC)).hasSize(1);
  }

  /** A clock that moves only when the test moves it. */
  private static final class SteppedClock extends java.time.Clock {
    private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> now;

    SteppedClock(java.time.Instant start) {
      now = new java.util.concurrent.atomic.AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.accumulateAndGet(null, (t, ignored) -> t.plus(by));
    }

    @Override
    public java.time.Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /**
   * The wake-up of held-back work follows the engine's clock, as the store's due times do: with a clock that stands
   * still, the window's end passing in real time wakes nobody for good, and the clock reaching it wakes a worker
   * without waiting for the (five-minute) poll.
   */
  @Test
  void aHeldBackChatMessageIsClaimedWhenTheEnginesClockReachesItsDueTime() throws Exception {
    helpdesk = new InMemoryHelpdesk(java.util.EnumSet.of(Capability.CHAT, Capability.CONDITIONAL_WRITES,
        Capability.ATOMIC_UPDATE, Capability.TAGS));
    var stepped = new SteppedClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
    var installation = new Installation("inst", Mode.AUTO, new Routing("g-default", Map.of(), null),
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, false, Duration.ofMillis(200));
    engine = Engine.start(List.of(installation), decider, store, store, stepped,
        new EngineSettings(2, Duration.ofSeconds(30), Duration.ofMinutes(5), 5, Duration.ofDays(1)), CrashPoints.NONE,
        meters);
    var m = helpdesk.add("chat1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I forgot my password");
    engine.accept("inst", List.of(messageEvent("e1", "chat1", m)));

    assertThat(engine.awaitIdle(Duration.ofMillis(600))).as("held back: the engine's clock has not moved").isFalse();
    stepped.advance(Duration.ofMillis(200));

    assertThat(engine.awaitIdle(Duration.ofSeconds(10))).as("claimed when the engine's clock reached the due time")
        .isTrue();
    assertThat(helpdesk.botMessages("chat1", Visibility.PUBLIC)).hasSize(1);
  }

  @Test
  void aTicketVendorsMessagesAreNotHeldBack() throws Exception {
    start(Mode.AUTO); // no CHAT capability
    var m = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "I forgot my password");
    engine.accept("inst", List.of(messageEvent("e1", "t1", m)));

    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).as("answered without the clock moving").isTrue();
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
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
    helpdesk.failNextWrites.set(4); // one attempt at a write retries it 3 times in the call
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.writes.get()).isEqualTo(1);
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("reply");
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
    assertThat(audit("t1")).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("queued"));
  }

  /** The simulated death of the process at a crash point. */
  private static final class Crash extends Error {
    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  /** Stops the engine at {@code point} the first time it is reached, then recovers with a new engine. */
  private void crashAtThenRecover(CrashPoints.Point point) throws Exception {
    var crashed = new java.util.concurrent.CountDownLatch(1);
    var dying = engine(Mode.AUTO, p -> {
      if (p == point && crashed.getCount() > 0) {
        crashed.countDown();
        throw new Crash();
      }
    });
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    dying.accept("inst", List.of(createdEvent("e1", "t1")));
    assertThat(crashed.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !dying.healthy());
    dying.close();
    int writesBefore = helpdesk.writes.get();

    clock.advance(SETTINGS.lease().plusSeconds(1)); // the dead worker's lease runs out
    engine = engine(Mode.AUTO, CrashPoints.NONE);
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).as("exactly one reply after recovery").hasSize(1);
    assertThat(audit("t1")).extracting(AuditRecord::decision).containsExactly("reply");
    if (point == CrashPoints.Point.SENT) {
      assertThat(writesBefore).isEqualTo(1);
      assertThat(helpdesk.writes.get()).as("the landed write is found, not repeated").isEqualTo(1);
    }
  }

  @Test
  void aCrashAfterTheEventWasStoredLosesNothing() throws Exception {
    crashAtThenRecover(CrashPoints.Point.CLAIMED);
  }

  @Test
  void aCrashAfterDecidingSendsTheDecidedReplyOnce() throws Exception {
    crashAtThenRecover(CrashPoints.Point.COMMITTED);
  }

  @Test
  void aCrashAfterTheVendorCallBeforeRecordingItDoesNotPostTwice() throws Exception {
    crashAtThenRecover(CrashPoints.Point.SENT);
  }

  @Test
  void anEventFailingForGoodGoesToTheDeadLettersAndCanBeReplayed() throws Exception {
    start(Mode.AUTO);
    helpdesk.failNextLoadsWith404.set(true);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));

    assertThat(store.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.event().id()).isEqualTo("e1");
      assertThat(d.reason()).contains("404");
    });
    assertThat(audit("t1")).as("a ticket that is not there is final on the first attempt")
        .singleElement().satisfies(r -> {
          assertThat(r.decision()).isEqualTo("failed");
          assertThat(r.outcome()).startsWith("failed 1 times");
        });
    assertThat(store.deadLetters().get(0).attempts()).isEqualTo(1);
    assertThat(helpdesk.writes.get()).isZero();

    helpdesk.failNextLoadsWith404.set(false);
    assertThat(store.replay(store.deadLetters().get(0).id(), clock.instant())).isTrue();
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> helpdesk.botMessages("t1", Visibility.PUBLIC).size() == 1);
    assertThat(store.deadLetters()).isEmpty();
  }


  @Test
  void anEmailConversationGetsAtMostTheCapsRepliesInADayOnTheEnginesClockThenAHandover() throws Exception {
    helpdesk.channel = io.deskbridge.core.conversation.Channel.EMAIL;
    var routing = new Routing("g-default", Map.of(), null);
    engine = Engine.start(List.of(new Installation("inst", Mode.AUTO, routing,
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, false,
        Installation.DEFAULT_CHAT_DEBOUNCE, Installation.DEFAULT_CHAT_SESSION_TIMEOUT, 2)),
        decider, store, store, clock, settings, CrashPoints.NONE, meters);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "And the delivery times?");
    accept(InMemoryHelpdesk.updatedEvent("e2", "t1"));
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "And how do returns work?");
    accept(InMemoryHelpdesk.updatedEvent("e3", "t1"));

    assertThat(decider.inputs).extracting(io.deskbridge.core.bot.BotInput::replyCapReached)
        .containsExactly(false, false, true);
    clock.advance(Duration.ofHours(25));
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "And how do returns work?");
    accept(InMemoryHelpdesk.updatedEvent("e4", "t1"));
    assertThat(decider.inputs.get(3).replyCapReached()).as("a day later the window is empty").isFalse();
  }

  @Test
  void anOutOfOfficeEmailIsIgnoredWithItsReasonAndNothingIsWritten() throws Exception {
    helpdesk.channel = io.deskbridge.core.conversation.Channel.EMAIL;
    start(Mode.AUTO);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));
    int writes = helpdesk.writes.get();
    helpdesk.addEmail("t1", "Thank you for your message.", Map.of("Auto-Submitted", "auto-replied"));
    accept(InMemoryHelpdesk.updatedEvent("e2", "t1"));

    assertThat(helpdesk.writes.get()).isEqualTo(writes);
    assertThat(decider.inputs).hasSize(1);
    assertThat(audit("t1")).last().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("ignore");
      assertThat(r.reasons()).containsExactly("auto_reply");
    });
  }

  // ---------------------------------------------------------------- drafts: verdicts and approval

  private io.deskbridge.core.webhook.InboundEvent approval(String eventId, String conversation,
      java.time.Instant at) {
    return new io.deskbridge.core.webhook.InboundEvent(eventId, conversation,
        io.deskbridge.core.webhook.InboundEvent.Kind.DRAFT_APPROVED, "a1", java.util.Optional.empty(),
        java.util.Optional.empty(), at);
  }

  @Test
  void anApprovalDatedBeforeTheMessageTheDraftAnswersApprovesNothingAndALaterOneSendsItOnce() throws Exception {
    start(Mode.DRAFT);
    var asked = java.time.Instant.now();
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));
    assertThat(helpdesk.botMessages("t1", Visibility.INTERNAL)).hasSize(1);

    accept(approval("e2", "t1", asked.minusSeconds(60))); // a mark left set from an earlier draft, reported again
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).isEmpty();
    accept(approval("e3", "t1", asked.plusSeconds(60)), approval("e4", "t1", asked.plusSeconds(61)));

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("Use Forgot password on the sign-in page."));
    assertThat(audit("t1")).filteredOn(r -> r.decision().equals("ignore"))
        .extracting(r -> r.reasons().get(0)).contains("approval_before_draft", "no_draft_to_approve");
    assertThat(meters.counter("deskbridge.draft.verdicts", "installation", "inst", "verdict", "sent_as_drafted")
        .count()).isEqualTo(1);
  }

  @Test
  void anAgentsReplyIsJudgedOnceAndItsLabelledLineWrittenOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var file = dir.resolve("verdicts.jsonl");
    settings = SETTINGS.withDraftVerdicts(file);
    start(Mode.DRAFT);
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    accept(createdEvent("e1", "t1"));
    var reply = helpdesk.add("t1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Hi! Use Forgot password on the "
        + "sign-in page, then check your inbox.");

    accept(messageEvent("e2", "t1", reply));
    accept(messageEvent("e2b", "t1", reply)); // the same comment signalled again under another id

    assertThat(audit("t1")).filteredOn(r -> r.decision().equals("draft_feedback")).singleElement()
        .satisfies(r -> assertThat(r.reasons()).containsExactly("edited", "agent_reply"));
    assertThat(java.nio.file.Files.readAllLines(file)).singleElement()
        .satisfies(line -> assertThat(line).contains("\"expect\":\"answer\"", "\"article\":\"password-reset\""));
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).isEmpty();
  }
}
