package io.deskbridge.core.engine;

import static io.deskbridge.core.engine.InMemoryHelpdesk.createdEvent;
import static io.deskbridge.core.engine.InMemoryHelpdesk.messageEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Core's polling loop ({@link PollLoops}) with an in-memory change feed ({@link FakePoller}) over a real store:
 * events polled land in the inbox and are processed once; the cursor survives a restart; a crash between the inbox
 * and the cursor repeats the poll without duplicates; of two engines on one store only one polls, and the other
 * goes on when it stops. Each engine opens its own store on the database, as a process would. A subclass provides
 * the database.
 */
abstract class AbstractEnginePollingTest {
  static final EngineSettings SETTINGS =
      new EngineSettings(2, Duration.ofSeconds(30), Duration.ofMillis(20), 5, Duration.ofDays(1));
  static final Duration INTERVAL = Duration.ofMillis(20);
  static final Duration WAIT = Duration.ofSeconds(20);

  private final List<Engine> engines = new ArrayList<>();
  private final List<JdbcStore> stores = new ArrayList<>();
  private final Map<String, SimpleMeterRegistry> meters = new HashMap<>();
  final OffsetClock clock = new OffsetClock();
  final ScriptedDecider decider = new ScriptedDecider();
  final InMemoryHelpdesk helpdesk = new InMemoryHelpdesk(java.util.EnumSet.of(
      io.deskbridge.core.spi.Capability.ATOMIC_UPDATE));
  final FakePoller poller = new FakePoller(INTERVAL);
  private StoreConfig database;
  /** A store of the test's own on the database, for looking. */
  JdbcStore store;

  private final TestDatabases.Source databases;

  /** The tests, each on a new database from {@code databases}. */
  AbstractEnginePollingTest(TestDatabases.Source databases) {
    this.databases = databases;
  }

  @BeforeEach
  void openDatabase() {
    database = databases.create();
    store = open();
  }

  @AfterEach
  void closeAll() {
    engines.forEach(Engine::close);
    stores.forEach(JdbcStore::close);
    databases.drop(database);
  }

  private JdbcStore open() {
    var s = JdbcStore.open(database);
    stores.add(s);
    return s;
  }

  /** Starts an engine (a process of its own: its store, its connector) whose polls are recorded as {@code name}. */
  Engine engine(String name, CrashPoints crashPoints) {
    var installation = new Installation("inst", Mode.AUTO, new Routing("g-default", Map.of(), null),
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), new PolledConnector(helpdesk, poller.as(name)));
    var registry = new SimpleMeterRegistry();
    meters.put(name, registry);
    var engine = Engine.start(List.of(installation), decider, open(), store, clock, SETTINGS, crashPoints, registry);
    engines.add(engine);
    return engine;
  }

  Engine engine(String name) {
    return engine(name, CrashPoints.NONE);
  }

  double counter(String engine, String meter, String result) {
    var c = meters.get(engine).find(meter).tag("result", result).counter();
    return c == null ? 0 : c.count();
  }

  List<AuditRecord> audit() {
    return store.all().stream().filter(r -> r.conversationId().equals("t1")).toList();
  }

  private void newTicket() {
    helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    poller.add(createdEvent("e1", "t1"));
  }

  private void awaitReplies(int n) {
    await().atMost(WAIT).until(() -> helpdesk.botMessages("t1", Visibility.PUBLIC).size() >= n);
  }

  @Test
  void polledEventsLandInTheInboxAndAreProcessedOnceThoughPollsOverlap() throws Exception {
    newTicket();
    var engine = engine("A");

    awaitReplies(1);
    await().atMost(WAIT).until(() -> poller.pollsBy("A") >= 3); // each poll after the first reads e1 again
    assertThat(engine.awaitIdle(WAIT)).isTrue();
    assertThat(helpdesk.writes.get()).isEqualTo(1);
    assertThat(audit()).extracting(AuditRecord::eventId, AuditRecord::decision)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", "reply"));
    assertThat(store.pollCursor("inst")).contains("1");
    assertThat(counter("A", "deskbridge.poll.events", "new")).isEqualTo(1);
    assertThat(counter("A", "deskbridge.poll.events", "duplicate")).isGreaterThanOrEqualTo(1);
    assertThat(counter("A", "deskbridge.polls", "ok")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void awaitPolledReturnsOnceAPollStartedAfterTheCallHasReceivedWhatCameBefore() throws Exception {
    var engine = engine("A");
    assertThat(engine.awaitPolled(WAIT)).isTrue();
    newTicket();

    assertThat(engine.awaitPolled(WAIT)).isTrue();
    assertThat(store.pollCursor("inst")).contains("1");
    assertThat(engine.awaitIdle(WAIT)).isTrue();
    assertThat(helpdesk.botMessages("t1", Visibility.PUBLIC)).hasSize(1);

    var webhooksOnly = new Installation("hooks", Mode.AUTO, new Routing("g-default", Map.of(), null),
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), new InMemoryHelpdesk());
    var unpolled = Engine.start(List.of(webhooksOnly), decider, open(), store, clock, SETTINGS,
        new SimpleMeterRegistry());
    engines.add(unpolled);
    assertThat(unpolled.awaitPolled(Duration.ZERO)).as("nothing to poll").isTrue();
  }

  @Test
  void theCursorSurvivesARestartSoNothingIsLostOrRepeated() throws Exception {
    newTicket();
    var first = engine("A");
    awaitReplies(1);
    await().atMost(WAIT).until(() -> store.pollCursor("inst").equals(Optional.of("1")));
    assertThat(first.awaitIdle(WAIT)).isTrue();
    first.close();
    var later = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    poller.add(messageEvent("e2", "t1", later)); // while no engine runs

    var second = engine("B");
    awaitReplies(2);
    assertThat(second.awaitIdle(WAIT)).isTrue();

    assertThat(poller.callsBy("B").get(0).cursor()).as("from the saved cursor").contains("1");
    assertThat(helpdesk.writes.get()).isEqualTo(2);
    assertThat(audit()).extracting(AuditRecord::eventId).containsExactly("e1", "e2");
    await().atMost(WAIT).until(() -> store.pollCursor("inst").equals(Optional.of("2")));
  }

  @Test
  void aCrashBetweenTheInboxAndTheCursorRepeatsThePollWithoutDuplicates() throws Exception {
    newTicket();
    var crashes = new AtomicBoolean(true);
    var dying = engine("A", p -> {
      if (p == CrashPoints.Point.POLLED && crashes.getAndSet(false)) {
        throw new Error("simulated crash");
      }
    });
    await().atMost(WAIT).until(() -> !dying.healthy());
    assertThat(poller.pollsBy("A")).isEqualTo(1);
    assertThat(store.pollCursor("inst")).as("the cursor was not saved").isEmpty();
    dying.close();
    clock.advance(SETTINGS.lease().plusSeconds(1)); // the dead poller's lease expires

    var recovered = engine("B");
    awaitReplies(1);
    await().atMost(WAIT).until(() -> store.pollCursor("inst").equals(Optional.of("1")));
    assertThat(recovered.awaitIdle(WAIT)).isTrue();

    assertThat(poller.callsBy("B").get(0).cursor()).as("the poll is repeated").isEmpty();
    assertThat(counter("B", "deskbridge.poll.events", "new")).as("the inbox had e1 already").isZero();
    assertThat(helpdesk.writes.get()).isEqualTo(1);
    assertThat(audit()).extracting(AuditRecord::eventId).containsExactly("e1");
  }

  @Test
  void ofTwoEnginesOnOneStoreOnlyOnePollsAndTheOtherGoesOnAtOnceWhenItStops() throws Exception {
    var a = engine("A");
    await().atMost(WAIT).until(() -> poller.pollsBy("A") >= 1);
    var b = engine("B");
    long before = poller.pollsBy("A");
    await().atMost(WAIT).until(() -> poller.pollsBy("A") >= before + 10);
    assertThat(poller.pollsBy("B")).as("B waits while A holds the lease").isZero();
    assertThat(b.awaitPolled(Duration.ofMillis(100))).as("B does not poll").isFalse();

    a.close(); // gives the lease up
    newTicket();
    await().atMost(WAIT).until(() -> poller.pollsBy("B") >= 1);
    awaitReplies(1);
    assertThat(b.awaitIdle(WAIT)).isTrue();
    assertThat(helpdesk.writes.get()).isEqualTo(1);
    assertThat(poller.callsBy("B").get(0).cursor()).as("from A's cursor").contains("0");
  }

  @Test
  void whenTheHolderDiesTheOtherEnginePollsOnlyOnceItsLeaseHasExpired() throws Exception {
    var dies = new AtomicBoolean();
    var a = engine("A", p -> {
      if (p == CrashPoints.Point.POLLED && dies.get()) {
        throw new Error("simulated crash");
      }
    });
    await().atMost(WAIT).until(() -> poller.pollsBy("A") >= 1);
    engine("B");
    dies.set(true);
    await().atMost(WAIT).until(() -> !a.healthy());

    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> poller.pollsBy("B") == 0);
    clock.advance(SETTINGS.lease().plusSeconds(1));
    newTicket();
    await().atMost(WAIT).until(() -> poller.pollsBy("B") >= 1);
    awaitReplies(1);
    assertThat(helpdesk.writes.get()).isEqualTo(1);
  }

  @Test
  void aFailedPollIsTriedAgainAfterTheIntervalAndARateLimitIsWaitedFor() throws Exception {
    poller.failNext.set(3); // one round: the read is tried three times
    newTicket();
    var engine = engine("A");
    awaitReplies(1);
    assertThat(counter("A", "deskbridge.polls", "failed")).isEqualTo(1);

    poller.throwNext.set(new VendorException(VendorException.Kind.RATE_LIMITED, "HTTP 429 (scripted)",
        Duration.ofMillis(200), null));
    var more = helpdesk.add("t1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How long does delivery take?");
    poller.add(messageEvent("e2", "t1", more));
    awaitReplies(2);
    assertThat(engine.awaitIdle(WAIT)).isTrue();
    assertThat(counter("A", "deskbridge.polls", "paused")).isEqualTo(1);
    assertThat(helpdesk.writes.get()).isEqualTo(2);
  }
}
