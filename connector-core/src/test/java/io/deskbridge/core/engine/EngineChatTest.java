package io.deskbridge.core.engine;

import static io.deskbridge.core.engine.InMemoryHelpdesk.createdEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.HelpdeskClient.Availability;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's chat behaviour against an in-memory vendor: the agents' availability asked at a handover, the typing
 * indicator while deciding, the session timeout. No debounce here (the window is zero): the kit's chat tests run it.
 */
class EngineChatTest {
  private final Set<Capability> chat = EnumSet.of(Capability.CHAT, Capability.ATOMIC_UPDATE, Capability.TAGS);
  private InMemoryHelpdesk helpdesk;
  private final ScriptedDecider decider = new ScriptedDecider();
  private final JdbcStore store = JdbcStore.open(StoreConfig.h2Memory("engine-chat-" + System.nanoTime()));
  private final OffsetClock clock = new OffsetClock();
  private Engine engine;

  private Duration sessionTimeout = Installation.DEFAULT_CHAT_SESSION_TIMEOUT;
  private RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
  /** Released after each test: a typing call the test left hanging. */
  private final java.util.concurrent.CountDownLatch hangingTyping = new java.util.concurrent.CountDownLatch(1);

  private void start(Set<Capability> capabilities) {
    if (helpdesk == null) { // a restart keeps the vendor
      helpdesk = new InMemoryHelpdesk(capabilities);
    }
    launch();
  }

  /** Starts an engine on the same store and vendor, as a restarted process would. */
  private void launch() {
    var routing = new Routing("g-default", Map.of("Accounts", "g-accounts"), null);
    var installation = new Installation("inst", Mode.AUTO, routing,
        retry, helpdesk, 0, false, Duration.ZERO, sessionTimeout);
    engine = Engine.start(List.of(installation), decider, store, store, clock,
        new EngineSettings(2, Duration.ofSeconds(30), Duration.ofMillis(20), 5, Duration.ofDays(1)),
        CrashPoints.NONE, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    hangingTyping.countDown();
    if (engine != null) {
      engine.close();
    }
    store.close();
  }

  private void customerOpens(String conversation, String eventId, String text) throws InterruptedException {
    helpdesk.add(conversation, AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text);
    engine.accept("inst", List.of(createdEvent(eventId, conversation)));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  private String customerMessage(String conversation) {
    return helpdesk.botMessages(conversation, Visibility.PUBLIC).get(0).text();
  }

  private String note(String conversation) {
    return helpdesk.botMessages(conversation, Visibility.INTERNAL).get(0).text();
  }

  @Test
  void aHandoverWhileTheVendorReportsNobodyOnlineTellsTheCustomerAndTheAgent() throws Exception {
    var capabilities = EnumSet.copyOf(chat);
    capabilities.add(Capability.AGENT_AVAILABILITY);
    start(capabilities);
    helpdesk.availability = Availability.NOBODY_ONLINE;

    customerOpens("c1", "e1", "I want to talk to a human, please.");

    assertThat(helpdesk.availabilityAsked).containsExactly("g-default");
    assertThat(customerMessage("c1")).isEqualTo("A colleague will take over. No colleague is online right now; the "
        + "first one available will reply here.");
    assertThat(note("c1")).contains("No agent was online at the handover");
    assertThat(helpdesk.tags.get("c1")).contains("deskbridge_handover", AfterHours.NOBODY_ONLINE_TAG);
    assertThat(helpdesk.groups.get("c1")).as("still queued with the group, never dropped").isEqualTo("g-default");
  }

  @Test
  void whenTheAvailabilityCallFailsTheHandoverGoesAheadAsUsual() throws Exception {
    var capabilities = EnumSet.copyOf(chat);
    capabilities.add(Capability.AGENT_AVAILABILITY);
    start(capabilities);
    helpdesk.availabilityFailure = new VendorException(VendorException.Kind.UNAVAILABLE, "503", null);

    customerOpens("c1", "e1", "I want to talk to a human, please.");

    assertThat(helpdesk.availabilityAsked).as("asked once, not retried").hasSize(1);
    assertThat(customerMessage("c1")).isEqualTo("A colleague will take over.");
    assertThat(helpdesk.groups.get("c1")).isEqualTo("g-default");
  }

  @Test
  void aVendorWithoutTheCapabilityIsNotAsked() throws Exception {
    start(chat);
    helpdesk.availability = Availability.NOBODY_ONLINE;

    customerOpens("c1", "e1", "I want to talk to a human, please.");

    assertThat(helpdesk.availabilityAsked).isEmpty();
    assertThat(customerMessage("c1")).isEqualTo("A colleague will take over.");
  }

  private static boolean isFullNote(List<io.deskbridge.core.action.Action> op) {
    return op.stream().anyMatch(a -> a instanceof io.deskbridge.core.action.Action.InternalNote n
        && n.text().startsWith("FULL: "));
  }

  private void linked(String conversation, String eventId, String record) throws InterruptedException {
    engine.accept("inst", List.of(io.deskbridge.core.webhook.InboundEvent.linked(eventId, conversation, record,
        java.time.Instant.now())));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void aHandoversHeldBackFollowUpsAreWrittenOnceWhenTheVendorReportsTheLinkedRecordEvenAcrossARestart()
      throws Exception {
    start(chat);
    helpdesk.holdBack = request -> request.actions().stream()
        .filter(a -> a instanceof io.deskbridge.core.action.Action.InternalNote && request.actions().stream()
            .anyMatch(b -> b instanceof io.deskbridge.core.action.Action.AssignGroup))
        .map(a -> (io.deskbridge.core.action.Action) new io.deskbridge.core.action.Action.InternalNote(
            "FULL: " + ((io.deskbridge.core.action.Action.InternalNote) a).text()))
        .toList();
    customerOpens("c1", "e1", "I want to talk to a human, please.");
    assertThat(helpdesk.applied).noneMatch(EngineChatTest::isFullNote);

    engine.close(); // the follow-up waits in the store, not in memory
    launch();
    var writesBefore = helpdesk.applied.size();
    helpdesk.holdBack = null;
    linked("c1", "link-1", "ticket-7");

    assertThat(helpdesk.applied.subList(writesBefore, helpdesk.applied.size())).hasSize(1)
        .allMatch(EngineChatTest::isFullNote);
    assertThat(helpdesk.linkedRecords.get(helpdesk.linkedRecords.size() - 1)).isEqualTo("ticket-7");

    linked("c1", "link-1", "ticket-7"); // the same event again
    linked("c1", "link-2", "ticket-7"); // the vendor reports the record again (its next message)
    assertThat(helpdesk.applied.subList(writesBefore, helpdesk.applied.size())).as("written once").hasSize(1);
    assertThat(audit("c1")).extracting(r -> r.decision() + "/" + r.outcome()).endsWith("ignore/queued", "ignore/none");
  }

  private void customerWrites(String conversation, String eventId, String text) throws InterruptedException {
    var m = helpdesk.add(conversation, AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text);
    engine.accept("inst", List.of(InMemoryHelpdesk.messageEvent(eventId, conversation, m)));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  private List<io.deskbridge.core.store.AuditRecord> audit(String conversation) {
    return store.all().stream().filter(r -> r.conversationId().equals(conversation)).toList();
  }

  @Test
  void afterTheSessionTimeoutTheNextMessageStartsANewEpisodeWithFreshCounters() throws Exception {
    sessionTimeout = Duration.ofMinutes(10);
    start(chat);
    customerOpens("c1", "e1", "How do I reset my password?");

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    customerWrites("c1", "e2", "How do I reset my password?");

    assertThat(helpdesk.botMessages("c1", Visibility.PUBLIC)).as("answered again, not a loop").hasSize(2);
    assertThat(audit("c1")).extracting(r -> r.decision() + "/" + r.episode())
        .containsExactly("reply/1", "ignore/2", "reply/2");
    assertThat(audit("c1").get(1).reasons()).containsExactly("session_timeout");
  }

  @Test
  void withinTheSessionTimeoutTheSameQuestionAgainIsALoopInTheSameEpisode() throws Exception {
    sessionTimeout = Duration.ofMinutes(10);
    start(chat);
    customerOpens("c1", "e1", "How do I reset my password?");

    clock.advance(Duration.ofMinutes(9));
    customerWrites("c1", "e2", "How do I reset my password?");

    assertThat(audit("c1")).extracting(r -> r.decision() + "/" + r.episode())
        .containsExactly("reply/1", "handover/1");
  }

  /**
   * A backlog: the follow-up is received 9 minutes after the first message but processed only 12 minutes after it.
   * The session timeout is decided on the receipt times, so it is the same session (the same question again is a
   * loop), not a new one.
   */
  @Test
  void aPromptFollowUpProcessedLateAfterABacklogIsStillTheSameSession() throws Exception {
    sessionTimeout = Duration.ofMinutes(10);
    start(chat);
    customerOpens("c1", "e1", "How do I reset my password?");
    engine.close(); // nobody processes for a while: the workers are stopped
    engine = null;

    clock.advance(Duration.ofMinutes(9));
    var m = helpdesk.add("c1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    store.receive("inst", helpdesk.vendor(), List.of(InMemoryHelpdesk.messageEvent("e2", "c1", m)), clock.instant());
    clock.advance(Duration.ofMinutes(3));
    start(chat);
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();

    assertThat(audit("c1")).extracting(r -> r.decision() + "/" + r.episode())
        .containsExactly("reply/1", "handover/1");
  }

  /** The other way round: received after the timeout, the message starts a new episode however soon it is processed. */
  @Test
  void aFollowUpReceivedAfterTheTimeoutStartsANewEpisodeEvenIfProcessedAtOnce() throws Exception {
    sessionTimeout = Duration.ofMinutes(10);
    start(chat);
    var first = helpdesk.add("c1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    engine.close(); // the opening waits in a backlog for 11 minutes before it is answered
    engine = null;
    store.receive("inst", helpdesk.vendor(), List.of(InMemoryHelpdesk.messageEvent("e1", "c1", first)),
        clock.instant());
    clock.advance(Duration.ofMinutes(11));
    start(chat);
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();

    clock.advance(Duration.ofMinutes(9)); // 20 minutes after the opening was received, 9 after it was answered
    customerWrites("c1", "e2", "How do I reset my password?");

    assertThat(audit("c1")).extracting(r -> r.decision() + "/" + r.episode())
        .containsExactly("reply/1", "ignore/2", "reply/2");
  }

  @Test
  void aTicketVendorHasNoSessionTimeout() throws Exception {
    sessionTimeout = Duration.ofMinutes(10);
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    customerOpens("t1", "e1", "How do I reset my password?");

    clock.advance(Duration.ofDays(1));
    customerWrites("t1", "e2", "How do I reset my password?");

    assertThat(audit("t1")).extracting(r -> r.decision() + "/" + r.episode())
        .containsExactly("reply/1", "handover/1");
  }

  @Test
  void theTypingIndicatorIsShownOncePerDecidedMessageAndNotWhilePeopleOwnTheChat() throws Exception {
    start(chat);
    customerOpens("c1", "e1", "How do I reset my password?");
    customerWrites("c1", "e2", "I want to talk to a human, please.");
    customerWrites("c1", "e3", "Hello? Anyone?");

    assertThat(helpdesk.typingShown).as("the answer and the handover; nothing once people own it")
        .containsExactly("c1", "c1");
  }

  @Test
  void aFailingTypingIndicatorNeitherBlocksNorFailsTheReply() throws Exception {
    start(chat);
    helpdesk.typingFailure = new VendorException(VendorException.Kind.UNAVAILABLE, "503", null);

    customerOpens("c1", "e1", "How do I reset my password?");

    assertThat(helpdesk.typingShown).as("tried once, not retried").hasSize(1);
    assertThat(helpdesk.botMessages("c1", Visibility.PUBLIC)).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(audit("c1")).extracting(io.deskbridge.core.store.AuditRecord::decision).containsExactly("reply");
  }

  @Test
  void aTypingIndicatorThatNeverAnswersDelaysTheReplyByItsTimeoutOnly() throws Exception {
    retry = retry.withBestEffortTimeout(Duration.ofMillis(100));
    start(chat);
    helpdesk.typingHangsUntil = hangingTyping;

    customerOpens("c1", "e1", "How do I reset my password?");

    assertThat(helpdesk.typingShown).hasSize(1);
    assertThat(hangingTyping.getCount()).as("answered while the typing call still hangs").isEqualTo(1);
    assertThat(helpdesk.botMessages("c1", Visibility.PUBLIC)).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Forgot password"));
  }

  @Test
  void aTicketVendorShowsNoTypingIndicator() throws Exception {
    start(InMemoryHelpdesk.ZENDESK_LIKE);
    customerOpens("t1", "e1", "How do I reset my password?");

    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);
    assertThat(helpdesk.typingShown).isEmpty();
  }
}
