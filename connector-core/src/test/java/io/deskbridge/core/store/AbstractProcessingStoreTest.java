package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ProcessingStore} and {@link AuditLog}, run against each database {@link JdbcStore}
 * supports. A subclass provides a fresh, empty database per test. Time is passed explicitly, never read from
 * a clock; concurrency tests start their threads together with a latch and use two stores on one database
 * for two processes.
 */
abstract class AbstractProcessingStoreTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(30);
  static final String INSTALLATION = "acme";
  static final String VENDOR = "zendesk";

  private final List<JdbcStore> opened = new ArrayList<>();
  final ExecutorService threads = Executors.newCachedThreadPool();
  StoreConfig config;
  JdbcStore store;

  private final TestDatabases.Source databases;

  /** The tests, each on a new database from {@code databases}. */
  AbstractProcessingStoreTest(TestDatabases.Source databases) {
    this.databases = databases;
  }

  @BeforeEach
  void openStore() {
    config = databases.create();
    store = open();
  }

  @AfterEach
  void closeStores() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    opened.forEach(JdbcStore::close);
    databases.drop(config);
  }

  /** Another store on the same database, as another process would open it. */
  JdbcStore open() {
    var s = JdbcStore.open(config);
    opened.add(s);
    return s;
  }

  // ---------------------------------------------------------------- inbox

  @Test
  void receiveStoresNewEventsPendingAndDueAndSkipsDuplicates() {
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event("c1", "e1"), event("c1", "e2")), T0)).isEqualTo(2);
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event("c1", "e2"), event("c1", "e3"), event("c1", "e3")),
        T0.plusSeconds(1))).isEqualTo(1);
    assertThat(store.receive("other", VENDOR, List.of(event("c9", "e1")), T0)).as("ids are per installation")
        .isEqualTo(1);
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(), T0)).isZero();

    var lease = store.claim("w1", T0.plusSeconds(1), LEASE).orElseThrow();
    assertThat(lease.key()).isEqualTo(new ConversationKey(VENDOR, INSTALLATION, "c1"));
    var pending = store.pendingEvents(lease, T0.plusSeconds(1));
    assertThat(pending).extracting(PendingEvent::event).containsExactly(event("c1", "e1"), event("c1", "e2"),
        event("c1", "e3"));
    assertThat(pending).extracting(PendingEvent::attempts).containsOnly(0);
    assertThat(pending).extracting(PendingEvent::id).isSorted().doesNotHaveDuplicates();
    assertThat(pending).as("when each was received, whenever it is read").extracting(PendingEvent::receivedAt)
        .containsExactly(T0, T0, T0.plusSeconds(1));
  }

  @Test
  void concurrentReceivesOfTheSameEventsStoreEachEventOnce() throws Exception {
    var events = new ArrayList<InboundEvent>();
    for (int i = 0; i < 10; i++) {
      events.add(event("c1", "a" + i));
      events.add(event("c2", "b" + i));
    }
    var other = open();
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Integer>>();
    for (int t = 0; t < 8; t++) {
      var mine = new ArrayList<>(events);
      Collections.shuffle(mine, new Random(t));
      var target = t % 2 == 0 ? store : other;
      results.add(threads.submit(() -> {
        start.await();
        return target.receive(INSTALLATION, VENDOR, mine, T0);
      }));
    }
    start.countDown();
    int fresh = 0;
    for (var r : results) {
      fresh += r.get(20, TimeUnit.SECONDS);
    }
    assertThat(fresh).isEqualTo(20);
    assertThat(drainEventIds(T0)).hasSize(20).doesNotHaveDuplicates();
  }

  @Test
  void receivesArrivingWhileACommitIsInFlightAreCommittedTogetherEachWithItsOwnCount() throws Exception {
    receive("held", "h0");
    long commitsBefore = store.inbox().commits();
    Future<Integer> first;
    var rest = new ArrayList<Future<Integer>>();
    try (Connection holder = lockRow("held")) {
      first = threads.submit(() -> store.receive(INSTALLATION, VENDOR, List.of(event("held", "h1")), T0));
      await().atMost(Duration.ofSeconds(5)).until(() -> store.inbox().committing());
      for (int t = 0; t < 6; t++) {
        var events = List.of(event("c" + t, "x" + t), event("shared", "dup"), event("held", "h0"));
        rest.add(threads.submit(() -> store.receive(INSTALLATION, VENDOR, events, T0)));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> store.inbox().waiting() == 6);
      assertThat(first).as("the first batch waits for the row").isNotDone();
      holder.commit();
    }
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    var counts = new ArrayList<Integer>();
    for (var r : rest) {
      counts.add(r.get(10, TimeUnit.SECONDS));
    }
    assertThat(counts).as("each its own new events; 'dup' is new once, 'h0' never").containsOnly(1, 2)
        .filteredOn(n -> n == 2).hasSize(1);
    assertThat(store.inbox().commits() - commitsBefore).as("one batch in flight, then the six together")
        .isEqualTo(2);
    assertThat(drainEventIds(T0)).containsExactlyInAnyOrder("h0", "h1", "dup", "x0", "x1", "x2", "x3", "x4", "x5");
  }

  @Test
  void aRequestWhoseDataTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
    receive("held", "h0");
    var good = new ArrayList<Future<Integer>>();
    Future<Integer> bad;
    try (Connection holder = lockRow("held")) {
      var first = threads.submit(() -> store.receive(INSTALLATION, VENDOR, List.of(event("held", "h1")), T0));
      good.add(first);
      await().atMost(Duration.ofSeconds(5)).until(() -> store.inbox().committing());
      good.add(threads.submit(() -> store.receive(INSTALLATION, VENDOR, List.of(event("a", "a1")), T0)));
      // a vendor name longer than its column: the database refuses the row (SQL state 22)
      bad = threads.submit(() -> store.receive(INSTALLATION, "v".repeat(100), List.of(event("b", "b1")), T0));
      good.add(threads.submit(() -> store.receive(INSTALLATION, VENDOR, List.of(event("c", "c1")), T0)));
      await().atMost(Duration.ofSeconds(5)).until(() -> store.inbox().waiting() == 3);
      holder.commit();
    }
    for (var g : good) {
      assertThat(g.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
    assertThat(store.healthy()).as("bad data is not a store fault").isTrue();
    assertThat(drainEventIds(T0)).containsExactlyInAnyOrder("h0", "h1", "a1", "c1");
  }

  // ---------------------------------------------------------------- claiming

  @Test
  void claimTakesTheConversationWhoseWorkIsOldestAndOnlyWhenDue() {
    store.receive(INSTALLATION, VENDOR, List.of(event("late", "e1")), T0.plusSeconds(5));
    store.receive(INSTALLATION, VENDOR, List.of(event("early", "e2")), T0);
    store.receive(INSTALLATION, VENDOR, List.of(event("early", "e3")), T0.plusSeconds(9));

    assertThat(store.claim("w1", T0.minusSeconds(1), LEASE)).as("nothing due yet").isEmpty();
    assertThat(store.claim("w1", T0.plusSeconds(10), LEASE)).map(l -> l.key().externalId()).contains("early");
    assertThat(store.claim("w2", T0.plusSeconds(10), LEASE)).map(l -> l.key().externalId()).contains("late");
    assertThat(store.claim("w3", T0.plusSeconds(10), LEASE)).as("both leased").isEmpty();
  }

  @Test
  void aDebouncedConversationIsDueAWindowAfterItsLatestEventButNoLaterThanTwoAfterItsFirst() {
    var window = Duration.ofMillis(1500);
    store.receive(INSTALLATION, VENDOR, List.of(event("chat", "e1")), T0, window);
    store.receive(INSTALLATION, VENDOR, List.of(event("chat", "e2")), T0.plusMillis(1000), window);

    assertThat(store.claim("w1", T0.plusMillis(2400), LEASE)).as("extended by e2 to 2.5 s").isEmpty();
    store.receive(INSTALLATION, VENDOR, List.of(event("chat", "e3")), T0.plusMillis(2000), window);
    assertThat(store.claim("w1", T0.plusMillis(2999), LEASE)).as("capped at twice the window, 3 s").isEmpty();
    var lease = store.claim("w1", T0.plusMillis(3000), LEASE).orElseThrow();
    assertThat(store.pendingEvents(lease, T0.plusMillis(3000))).extracting(PendingEvent::event)
        .extracting(io.deskbridge.core.webhook.InboundEvent::id).as("all three due together")
        .containsExactly("e1", "e2", "e3");
  }

  @Test
  void withoutADebounceEveryEventIsDueAtOnce() {
    store.receive(INSTALLATION, VENDOR, List.of(event("chat", "e1")), T0, Duration.ZERO);

    assertThat(store.claim("w1", T0, LEASE)).isPresent();
  }

  @Test
  void claimSkipsLeasedConversationsAndTakesExpiredOnesOverWithAHigherToken() {
    receive("c1", "e1");
    var first = store.claim("w1", T0, LEASE).orElseThrow();
    assertThat(first.until()).isEqualTo(T0.plus(LEASE));

    assertThat(store.claim("w2", T0.plus(LEASE), LEASE)).as("lease ends after its last instant").isEmpty();
    var second = store.claim("w2", T0.plus(LEASE).plusMillis(1), LEASE).orElseThrow();
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(second.token()).isGreaterThan(first.token());
    assertThat(second.owner()).isEqualTo("w2");
  }

  @Test
  void exactlyOneOfEightConcurrentClaimersWins() throws Exception {
    var other = open();
    for (int round = 0; round < 5; round++) {
      receive("c" + round, "e" + round);
      var start = new CountDownLatch(1);
      var claims = new ArrayList<Future<Optional<Lease>>>();
      for (int t = 0; t < 8; t++) {
        var target = t % 2 == 0 ? store : other;
        String owner = "w" + t;
        claims.add(threads.submit(() -> {
          start.await();
          return target.claim(owner, T0, LEASE);
        }));
      }
      start.countDown();
      int winners = 0;
      for (var c : claims) {
        winners += c.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(winners).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void concurrentClaimersTakeDistinctConversations() throws Exception {
    for (int i = 0; i < 8; i++) {
      receive("c" + i, "e" + i);
    }
    var other = open();
    var start = new CountDownLatch(1);
    var claims = new ArrayList<Future<Optional<Lease>>>();
    for (int t = 0; t < 8; t++) {
      var target = t % 2 == 0 ? store : other;
      String owner = "w" + t;
      claims.add(threads.submit(() -> {
        start.await();
        return target.claim(owner, T0, LEASE);
      }));
    }
    start.countDown();
    var keys = new ArrayList<ConversationKey>();
    for (var c : claims) {
      c.get(20, TimeUnit.SECONDS).ifPresent(l -> keys.add(l.key()));
    }
    assertThat(keys).doesNotHaveDuplicates().hasSize(8);
  }

  @Test
  void renewExtendsALeaseThatIsPastItsExpiryButNotTakenOver() {
    receive("c1", "e1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var later = T0.plus(LEASE).plusSeconds(5);
    var renewed = store.renew(lease, later, LEASE);
    assertThat(renewed.until()).isEqualTo(later.plus(LEASE));
    assertThat(renewed.token()).isEqualTo(lease.token());
    assertThat(store.claim("w2", later.plusSeconds(1), LEASE)).isEmpty();
  }

  @Test
  void releaseFreesTheConversationOnlyForItsOwnLease() {
    receive("c1", "e1");
    var first = store.claim("w1", T0, LEASE).orElseThrow();
    store.release(first);
    var second = store.claim("w2", T0, LEASE).orElseThrow();
    assertThat(second.token()).isGreaterThan(first.token());

    store.release(first); // stale: does nothing
    assertThat(store.claim("w3", T0, LEASE)).isEmpty();
    store.renew(second, T0, LEASE);
  }

  // ---------------------------------------------------------------- fencing

  @Test
  void everyWriteUnderALeaseTakenOverFailsAndWritesNothing() {
    receive("c1", "e0");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e0 = store.pendingEvents(lease, T0).get(0);
    var saved = state(lease).withHandled(List.of("m0"));
    store.commit(lease, e0.id(), saved, List.of(List.of(new Action.PublicReply("hi"))), List.of(audit("c1", "e0")));
    receive("c1", "e1");
    var e1 = store.pendingEvents(lease, T0).get(0);
    var op = store.openOperations(lease).get(0);

    var after = T0.plus(LEASE).plusSeconds(1);
    var thief = store.claim("w2", after, LEASE).orElseThrow();
    var changed = saved.withOwnership(Ownership.HUMAN);
    Map<String, Runnable> writes = Map.of(
        "renew", () -> store.renew(lease, after, LEASE),
        "commit", () -> store.commit(lease, e1.id(), changed, List.of(List.of(new Action.InternalNote("n"))),
            List.of(audit("c1", "e1"))),
        "sending", () -> store.sending(lease, op.id()),
        "finish", () -> store.finish(lease, op.id(), Operation.Status.DONE, changed, List.of(audit("c1", "op"))),
        "operationFailed", () -> store.operationFailed(lease, op.id(), "boom", after.plusSeconds(60)),
        "eventFailed", () -> store.eventFailed(lease, e1.id(), "boom", after.plusSeconds(60)),
        "deadLetter", () -> store.deadLetter(lease, e1.id(), "boom", after));
    writes.forEach((name, write) -> assertThatThrownBy(write::run).as(name).isInstanceOf(LeaseLostException.class));
    store.release(lease);

    assertThat(store.state(lease.key())).contains(saved);
    assertThat(store.openOperations(thief)).containsExactly(op);
    assertThat(store.pendingEvents(thief, after)).containsExactly(e1);
    assertThat(store.deadLetters()).isEmpty();
    assertThat(store.audit(INSTALLATION, "c1")).containsExactly(audit("c1", "e0"));
    store.renew(thief, after, LEASE); // the thief's lease is intact
  }

  // ---------------------------------------------------------------- commit and the outbox

  @Test
  void commitSavesStateAddsOperationsInOrderMarksTheEventDoneAndAudits() {
    receive("c1", "e1");
    receive("c1", "e2");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    assertThat(store.state(lease.key())).isEmpty();
    var e1 = store.pendingEvents(lease, T0).get(0);
    var state = state(lease).withHandled(List.of("m1"));
    var reply = List.<Action>of(new Action.PublicReply("Dobrý den – ½ € ✓"), new Action.AddTags(Set.of("bot")));
    var handover = List.<Action>of(new Action.InternalNote("note"), new Action.AssignGroup("g1"));

    store.commit(lease, e1.id(), state, List.of(reply, handover), List.of(audit("c1", "e1"), audit("c1", "e1b")));

    assertThat(store.state(lease.key())).contains(state);
    assertThat(store.openOperations(lease)).extracting(Operation::actions, Operation::status, Operation::eventId,
            Operation::attempts)
        .containsExactly(tuple(reply, Operation.Status.PENDING, "e1", 0),
            tuple(handover, Operation.Status.PENDING, "e1", 0));
    assertThat(store.pendingEvents(lease, T0)).extracting(p -> p.event().id()).containsExactly("e2");
    assertThat(store.audit(INSTALLATION, "c1")).containsExactly(audit("c1", "e1"), audit("c1", "e1b"));
  }

  @Test
  void aCommitThatFailsHalfWayLeavesNothing() {
    receive("c1", "e1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e1 = store.pendingEvents(lease, T0).get(0);
    store.commit(lease, e1.id(), state(lease), List.of(), List.of());

    // the state is written first, then the event is found processed already: all of it is rolled back
    var again = state(lease).withHandled(List.of("x"));
    assertThatThrownBy(() -> store.commit(lease, e1.id(), again, List.of(List.of(new Action.PublicReply("twice"))),
        List.of(audit("c1", "e1")))).isInstanceOf(IllegalStateException.class);

    assertThat(store.state(lease.key())).contains(state(lease));
    assertThat(store.openOperations(lease)).isEmpty();
    assertThat(store.audit(INSTALLATION, "c1")).isEmpty();
    store.release(lease);
    assertThat(store.claim("w1", T0, LEASE)).as("no work left").isEmpty();
  }

  @Test
  void operationsGoFromPendingThroughSendingToDoneOrCancelled() {
    receive("c1", "e1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e1 = store.pendingEvents(lease, T0).get(0);
    var a = List.<Action>of(new Action.PublicReply("a"));
    var b = List.<Action>of(new Action.PublicReply("b"));
    store.commit(lease, e1.id(), state(lease), List.of(a, b), List.of());
    var ops = store.openOperations(lease);
    store.release(lease);

    lease = store.claim("w1", T0.plusSeconds(1), LEASE).orElseThrow(); // open writes make it due
    store.sending(lease, ops.get(0).id());
    assertThat(store.openOperations(lease)).extracting(Operation::status)
        .containsExactly(Operation.Status.SENDING, Operation.Status.PENDING);
    var sent = state(lease).withHandled(List.of("reply-1"));
    store.finish(lease, ops.get(0).id(), Operation.Status.DONE, sent, List.of(audit("c1", "sent")));
    assertThat(store.state(lease.key())).contains(sent);
    var finalLease = lease;
    assertThatThrownBy(() -> store.finish(finalLease, ops.get(1).id(), Operation.Status.PENDING, sent, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.sending(finalLease, ops.get(0).id())).as("done already")
        .isInstanceOf(IllegalStateException.class);
    store.finish(lease, ops.get(1).id(), Operation.Status.CANCELLED, sent, List.of());

    assertThat(store.openOperations(lease)).isEmpty();
    assertThat(store.audit(INSTALLATION, "c1")).containsExactly(audit("c1", "sent"));
    store.release(lease);
    assertThat(store.claim("w1", T0.plusSeconds(2), LEASE)).isEmpty();
  }

  @Test
  void aFailedOperationHoldsItsConversationBackUntilItIsDueEvenWhenEventsArrive() {
    receive("c1", "e1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e1 = store.pendingEvents(lease, T0).get(0);
    store.commit(lease, e1.id(), state(lease), List.of(List.of(new Action.PublicReply("a"))), List.of());
    var op = store.openOperations(lease).get(0);
    store.sending(lease, op.id());
    store.operationFailed(lease, op.id(), "503", T0.plusSeconds(60));
    store.release(lease);
    store.receive(INSTALLATION, VENDOR, List.of(event("c1", "e2")), T0.plusSeconds(1));

    assertThat(store.claim("w1", T0.plusSeconds(59), LEASE)).isEmpty();
    var again = store.claim("w1", T0.plusSeconds(60), LEASE).orElseThrow();
    assertThat(store.openOperations(again)).extracting(Operation::id, Operation::status, Operation::attempts)
        .containsExactly(tuple(op.id(), Operation.Status.SENDING, 1));
  }

  @Test
  void aFailedEventIsDueAgainAtItsNextAttemptAndHoldsBackLaterOnes() {
    receive("c1", "e1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e1 = store.pendingEvents(lease, T0).get(0);
    store.eventFailed(lease, e1.id(), "timeout", T0.plusSeconds(30));
    store.release(lease);
    store.receive(INSTALLATION, VENDOR, List.of(event("c1", "e2")), T0.plusSeconds(1));

    assertThat(store.claim("w1", T0.plusSeconds(29), LEASE)).isEmpty();
    var again = store.claim("w1", T0.plusSeconds(30), LEASE).orElseThrow();
    assertThat(store.pendingEvents(again, T0.plusSeconds(29))).as("not before its next attempt").isEmpty();
    assertThat(store.pendingEvents(again, T0.plusSeconds(30))).extracting(p -> p.event().id(), PendingEvent::attempts)
        .containsExactly(tuple("e1", 1), tuple("e2", 0));
  }

  @Test
  void freshWorkIsClaimedBeforeABacklogOfWorkBeingRetriedEvenWhenTheRetriesAreDueEarlier() {
    for (int i = 0; i < 5; i++) { // a backlog of conversations that keep failing
      receive("doomed-" + i, "d" + i);
    }
    for (int i = 0; i < 5; i++) {
      var lease = store.claim("w1", T0, LEASE).orElseThrow();
      store.eventFailed(lease, store.pendingEvents(lease, T0).get(0).id(), "HTTP 500", T0.plusSeconds(1 + i));
      store.release(lease);
    }
    store.receive(INSTALLATION, VENDOR, List.of(event("fresh", "f1")), T0.plusSeconds(20));

    Instant now = T0.plusSeconds(20);
    var first = store.claim("w1", now, LEASE).orElseThrow();
    assertThat(first.key().externalId()).as("the fresh conversation, not the retries due since 1 to 5 s")
        .isEqualTo("fresh");
    store.commit(first, store.pendingEvents(first, now).get(0).id(), state(first), List.of(), List.of());
    store.release(first);
    assertThat(drainEventIds(now)).as("then the retries, the one due longest first")
        .containsExactly("d0", "d1", "d2", "d3", "d4");
  }

  @Test
  void anEventArrivingForWorkBeingRetriedKeepsItsRetriesAndItsTime() {
    receive("doomed", "d1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    store.eventFailed(lease, store.pendingEvents(lease, T0).get(0).id(), "HTTP 500", T0.plusSeconds(5));
    store.release(lease);
    store.receive(INSTALLATION, VENDOR, List.of(event("doomed", "d2")), T0.plusSeconds(1));
    store.receive(INSTALLATION, VENDOR, List.of(event("fresh", "f1")), T0.plusSeconds(2));

    assertThat(store.claim("w1", T0.plusSeconds(4), LEASE)).map(l -> l.key().externalId())
        .as("the new event does not make the retried conversation due earlier").contains("fresh");
    assertThat(store.claim("w1", T0.plusSeconds(5), LEASE)).map(l -> l.key().externalId()).contains("doomed");
  }

  @Test
  void aPauseThatIsNobodysFaultKeepsItsPlaceAmongFreshWork() {
    receive("paused", "p1");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    store.eventWaits(lease, store.pendingEvents(lease, T0).get(0).id(), T0.plusSeconds(1));
    store.release(lease);
    store.receive(INSTALLATION, VENDOR, List.of(event("fresh", "f1")), T0.plusSeconds(2));

    assertThat(store.claim("w1", T0.plusSeconds(3), LEASE)).map(l -> l.key().externalId()).contains("paused");
  }

  // ---------------------------------------------------------------- dead letters and retention

  @Test
  void aDeadLetterIsKeptUntilReplayedAndThenProcessedAgain() {
    receive("c1", "e1");
    receive("c2", "e2");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e1 = store.pendingEvents(lease, T0).get(0);
    store.eventFailed(lease, e1.id(), "422", T0);
    store.deadLetter(lease, e1.id(), "ticket deleted", T0.plusSeconds(1));
    store.release(lease);
    var lease2 = store.claim("w1", T0, LEASE).orElseThrow();
    assertThat(lease2.key().externalId()).isEqualTo("c2");
    store.deadLetter(lease2, store.pendingEvents(lease2, T0).get(0).id(), "gone", T0.plusSeconds(2));
    store.release(lease2);

    var letters = store.deadLetters();
    assertThat(letters).extracting(l -> l.event().id()).as("newest first").containsExactly("e2", "e1");
    var letter = letters.get(1);
    assertThat(letter).extracting(DeadLetter::installationId, DeadLetter::event, DeadLetter::reason,
        DeadLetter::attempts, DeadLetter::at).containsExactly(INSTALLATION, event("c1", "e1"), "ticket deleted", 2,
        T0.plusSeconds(1));
    assertThat(store.deadLetter(letter.id())).contains(letter);
    assertThat(store.claim("w1", T0.plusSeconds(5), LEASE)).as("dead letters are not work").isEmpty();
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event("c1", "e1")), T0)).as("still a duplicate").isZero();

    assertThat(store.replay(letter.id(), T0.plusSeconds(10))).isTrue();
    assertThat(store.replay(letter.id(), T0.plusSeconds(10))).isFalse();
    assertThat(store.replay(987_654, T0)).isFalse();
    assertThat(store.deadLetter(letter.id())).isEmpty();
    assertThat(store.deadLetters()).extracting(l -> l.event().id()).containsExactly("e2");
    assertThat(store.claim("w1", T0.plusSeconds(9), LEASE)).isEmpty();
    var replayed = store.claim("w1", T0.plusSeconds(10), LEASE).orElseThrow();
    assertThat(store.pendingEvents(replayed, T0.plusSeconds(10))).extracting(p -> p.event(), PendingEvent::attempts)
        .containsExactly(tuple(event("c1", "e1"), 0));
  }

  @Test
  void purgeDeletesProcessedEventsReceivedBeforeTheCutOff() {
    store.receive(INSTALLATION, VENDOR, List.of(event("c1", "old")), T0);
    store.receive(INSTALLATION, VENDOR, List.of(event("c2", "kept")), T0.plusSeconds(1));
    store.receive(INSTALLATION, VENDOR, List.of(event("c1", "new")), T0.plusSeconds(100));
    var lease = store.claim("w1", T0.plusSeconds(100), LEASE).orElseThrow();
    assertThat(lease.key().externalId()).isEqualTo("c1");
    for (var p : store.pendingEvents(lease, T0.plusSeconds(100))) {
      store.commit(lease, p.id(), state(lease), List.of(), List.of());
    }
    store.release(lease);

    assertThat(store.purgeProcessed(T0.plusSeconds(50))).isEqualTo(1);
    assertThat(store.purgeProcessed(T0.plusSeconds(50))).isZero();
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event("c1", "old"), event("c1", "new"),
        event("c2", "kept")), T0.plusSeconds(200))).as("only the purged id is new again").isEqualTo(1);
  }

  // ---------------------------------------------------------------- audit, reopening

  @Test
  void auditBetweenReadsTheRangeOldestFirstPageByPage() {
    for (int i = 0; i < 7; i++) {
      store.append(new AuditRecord(T0.plusSeconds(10L * i), INSTALLATION, "c" + i, "e" + i, "auto", "reply",
          List.of("r"), 0.5, "a1", Map.of(), "text " + i, List.of(), "applied"));
    }
    var read = new ArrayList<String>();
    store.auditBetween(T0.plusSeconds(10), T0.plusSeconds(60), r -> read.add(r.conversationId()), 2);
    assertThat(read).as("from inclusive, to exclusive, across pages of 2").containsExactly("c1", "c2", "c3", "c4",
        "c5");
    read.clear();
    store.auditBetween(T0.plusSeconds(10), T0.plusSeconds(60), r -> read.add(r.conversationId()));
    assertThat(read).hasSize(5);
  }

  @Test
  void purgeHistoryDeletesWhatHoldsCustomerTextBeforeTheCutOffButNoOpenWork() throws Exception {
    Instant cutOff = T0.plusSeconds(50);
    store.receive(INSTALLATION, VENDOR, List.of(event("c3", "dead")), T0);
    var dying = store.claim("w1", T0, LEASE).orElseThrow();
    store.deadLetter(dying, store.pendingEvents(dying, T0).get(0).id(), "gave up", T0);
    store.release(dying);
    store.receive(INSTALLATION, VENDOR, List.of(event("c1", "old")), T0);
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    store.commit(lease, store.pendingEvents(lease, T0).get(0).id(), state(lease), List.of(), List.of());
    store.release(lease);
    store.receive(INSTALLATION, VENDOR, List.of(event("c2", "open")), T0);
    store.append(new AuditRecord(T0, INSTALLATION, "c1", "old", "auto", "reply", List.of("r"), 0.5, "a1", Map.of(),
        "call me on 602 123 456", List.of(), "applied"));
    var kept = new AuditRecord(T0.plusSeconds(100), INSTALLATION, "c1", "new", "auto", "reply", List.of("r"), 0.5,
        "a1", Map.of(), "newer text", List.of(), "applied");
    store.append(kept);
    try (var c = java.sql.DriverManager.getConnection(config.connectionUrl(), config.username(),
        config.password() == null ? "" : config.password().reveal());
        var ps = c.prepareStatement("INSERT INTO api_message (conversation_id, message_id, role, visibility, body, "
            + "created_at) VALUES ('api-1', ?, 'CUSTOMER', 'PUBLIC', ?, ?)")) {
      for (var at : List.of(T0, T0.plusSeconds(100))) {
        ps.setString(1, "m-" + at.getEpochSecond());
        ps.setString(2, "text at " + at);
        ps.setObject(3, ConversationRows.ts(at));
        ps.executeUpdate();
      }
    }

    assertThat(aggregates()).as("c1's aggregate holds both its records").containsExactly("c1");
    assertThat(store.purgeHistory(cutOff)).as("audit, dead letter and its event, processed event, api message, "
        + "c1's aggregate (its first record is older than the cutoff, though its last is not)").isEqualTo(6);
    assertThat(store.purgeHistory(cutOff)).isZero();
    assertThat(aggregates()).isEmpty();

    assertThat(store.all()).containsExactly(kept);
    assertThat(store.deadLetters()).isEmpty();
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event("c1", "old")), T0.plusSeconds(60)))
        .as("the processed event's id is gone").isEqualTo(1);
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event("c2", "open")), T0.plusSeconds(60)))
        .as("pending work stays, however old").isZero();
    try (var c = java.sql.DriverManager.getConnection(config.connectionUrl(), config.username(),
        config.password() == null ? "" : config.password().reveal());
        var rs = c.createStatement().executeQuery("SELECT body FROM api_message")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).endsWith(T0.plusSeconds(100).toString());
      assertThat(rs.next()).isFalse();
    }
    store.append(new AuditRecord(T0.plusSeconds(200), INSTALLATION, "c1", "later", "auto", "reply", List.of("r"), 0.5,
        "a1", Map.of(), "later text", List.of(), "applied"));
    assertThat(aggregates()).as("c1 counts again from its next record").containsExactly("c1");
    assertThat(store.purgeHistory(cutOff)).isZero();
  }

  @Test
  void theAuditKeepsRecordsInOrderAndAnswersPerConversation() {
    var first = new AuditRecord(T0.plusNanos(123_456_000), INSTALLATION, "c1", "e1", "auto", "reply",
        List.of("confident", "kb_match"), 0.87, "kb-42", Map.of("anger", 0.1, "human_request", 0.0),
        "Wie setze ich mein Passwort zurück? 🔑", List.of("public_reply(120 chars)"), "applied");
    var refused = new AuditRecord(T0, "other", "", "", "auto", "rejected", List.of("bad_signature"), 0, "", Map.of(),
        "signature mismatch", List.of(), "none");
    store.append(first);
    store.append(refused);
    store.append(audit("c2", "e9"));

    assertThat(store.all()).containsExactly(first, refused, audit("c2", "e9"));
    assertThat(store.audit(INSTALLATION, "c1")).containsExactly(first);
    assertThat(open().all()).as("another process sees it").hasSize(3);
  }

  @Test
  void dataOutlivesTheStoreAndMigrationsRunOnce() {
    receive("c1", "e1");
    store.close();
    var reopened = open();
    assertThat(reopened.receive(INSTALLATION, VENDOR, List.of(event("c1", "e1")), T0)).isZero();
    assertThat(reopened.claim("w1", T0, LEASE)).isPresent();
  }

  // ---------------------------------------------------------------- workers

  @Test
  void fourWorkersInTwoProcessesCommitEveryEventOnceInOrder() throws Exception {
    int conversations = 40;
    int perConversation = 10;
    int total = conversations * perConversation;
    var stores = List.of(store, open());
    var committed = new AtomicInteger();
    var sent = new AtomicInteger();
    var failures = new ConcurrentHashMap<String, Throwable>();
    var start = new CountDownLatch(1);
    var tasks = new ArrayList<Callable<Void>>();
    for (int r = 0; r < 2; r++) { // one receiver per process, each for half the conversations, redelivering
      var mine = stores.get(r);
      int half = r;
      tasks.add(() -> {
        start.await();
        for (int k = 0; k < perConversation; k++) {
          for (int c = half; c < conversations; c += 2) {
            var batch = new ArrayList<>(List.of(event("c" + c, "c" + c + "-" + k)));
            if (k > 0) {
              batch.add(0, event("c" + c, "c" + c + "-" + (k - 1)));
            }
            mine.receive(INSTALLATION, VENDOR, batch, T0);
          }
        }
        return null;
      });
    }
    for (int w = 0; w < 4; w++) {
      var mine = stores.get(w % 2);
      String owner = "p" + (w % 2) + "/w" + w;
      tasks.add(() -> {
        start.await();
        while (committed.get() < total || sent.get() < total) {
          var claimed = mine.claim(owner, T0, Duration.ofMinutes(5));
          if (claimed.isEmpty()) {
            Thread.onSpinWait();
            continue;
          }
          var lease = claimed.get();
          try {
            var state = mine.state(lease.key()).orElseGet(() -> ConversationState.fresh(lease.key()));
            for (var op : mine.openOperations(lease)) {
              mine.sending(lease, op.id());
              mine.finish(lease, op.id(), Operation.Status.DONE, state, List.of());
              sent.incrementAndGet();
            }
            for (var pending : mine.pendingEvents(lease, T0)) {
              state = state.withHandled(List.of(pending.event().id()));
              mine.commit(lease, pending.id(), state, List.of(List.of(new Action.PublicReply(pending.event().id()))),
                  List.of());
              committed.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failures.put(owner + " " + lease.key(), e);
          } finally {
            mine.release(lease);
          }
        }
        return null;
      });
    }
    var running = tasks.stream().map(threads::submit).toList();
    start.countDown();
    for (var f : running) {
      f.get(60, TimeUnit.SECONDS);
    }

    assertThat(failures).isEmpty();
    assertThat(committed.get()).isEqualTo(total);
    assertThat(sent.get()).isEqualTo(total);
    for (int c = 0; c < conversations; c++) {
      var key = new ConversationKey(VENDOR, INSTALLATION, "c" + c);
      var expected = IntStream.range(0, perConversation).mapToObj(k -> key.externalId() + "-" + k).toList();
      assertThat(store.state(key).orElseThrow().handledMessageIds()).as("%s", key).containsExactlyElementsOf(expected);
    }
    assertThat(store.claim("w", T0, LEASE)).isEmpty();
  }

  // ---------------------------------------------------------------- poll cursors

  @Test
  void aPollLeaseIsHeldByOneUntilItExpiresAndTheCursorIsSavedOnlyUnderIt() {
    var first = store.claimPoll(INSTALLATION, "p1", T0, LEASE).orElseThrow();
    assertThat(first.cursor()).as("before the first poll").isEmpty();
    assertThat(store.pollCursor(INSTALLATION)).isEmpty();
    assertThat(store.claimPoll(INSTALLATION, "p2", T0.plusSeconds(29), LEASE)).as("held").isEmpty();
    first = store.savePollCursor(first, "c-1", T0.plusSeconds(1));
    assertThat(first.cursor()).contains("c-1");

    var second = store.claimPoll(INSTALLATION, "p2", T0.plusSeconds(31), LEASE).orElseThrow();
    assertThat(second.token()).isGreaterThan(first.token());
    assertThat(second.cursor()).contains("c-1");
    var stale = first;
    assertThatThrownBy(() -> store.savePollCursor(stale, "c-stale", T0.plusSeconds(32)))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining(INSTALLATION);
    assertThatThrownBy(() -> store.renewPoll(stale, T0.plusSeconds(32), LEASE)).isInstanceOf(LeaseLostException.class);
    store.releasePoll(stale); // changes nothing: the lease is not its own any more
    assertThat(store.claimPoll(INSTALLATION, "p3", T0.plusSeconds(33), LEASE)).isEmpty();
    assertThat(store.pollCursor(INSTALLATION)).contains("c-1");
    store.savePollCursor(second, "c-2", T0.plusSeconds(34));
    assertThat(store.pollCursor(INSTALLATION)).contains("c-2");
  }

  @Test
  void aRenewedPollLeaseIsKeptAndAReleasedOneIsTakenAtOnceWithItsCursor() {
    var lease = store.claimPoll(INSTALLATION, "p1", T0, LEASE).orElseThrow();
    lease = store.renewPoll(lease, T0.plusSeconds(20), LEASE);
    assertThat(lease.until()).isEqualTo(T0.plusSeconds(50));
    assertThat(store.claimPoll(INSTALLATION, "p2", T0.plusSeconds(40), LEASE)).as("renewed").isEmpty();
    lease = store.savePollCursor(lease, "c-1", T0.plusSeconds(41));
    store.releasePoll(lease);

    var next = store.claimPoll(INSTALLATION, "p2", T0.plusSeconds(42), LEASE).orElseThrow();
    assertThat(next.cursor()).contains("c-1");
    assertThat(next.token()).isGreaterThan(lease.token());
    assertThat(store.claimPoll("other", "p3", T0.plusSeconds(42), LEASE)).as("per installation").isPresent();
    assertThat(store.pollCursor("other")).isEmpty();
  }

  @Test
  void ofManyPollersInTwoProcessesTakingOneInstallationAtOnceExactlyOneGetsIt() throws Exception {
    var other = open();
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Optional<PollLease>>>();
    for (int t = 0; t < 8; t++) {
      var target = t % 2 == 0 ? store : other;
      String owner = "p" + t;
      results.add(threads.submit(() -> {
        start.await();
        return target.claimPoll(INSTALLATION, owner, T0, LEASE);
      }));
    }
    start.countDown();
    int taken = 0;
    for (var r : results) {
      taken += r.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
    }
    assertThat(taken).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  static InboundEvent event(String conversationId, String id) {
    var message = new Message("m-" + id, AuthorRole.CUSTOMER, Visibility.PUBLIC, "u1", "Hello about " + id, T0);
    return new InboundEvent(id, conversationId, InboundEvent.Kind.MESSAGE_ADDED, "u1", Optional.of(message),
        Optional.empty(), T0);
  }

  // ---------------------------------------------------------------- the dashboard's reads

  @Test
  void theDashboardReadsEachDecisionWithItsConversationsChannelAndItsEventsReceipt() {
    receive("c1", "e0");
    var lease = store.claim("w1", T0, LEASE).orElseThrow();
    var e0 = store.pendingEvents(lease, T0).get(0);
    var transcript = new io.deskbridge.core.conversation.Conversation(lease.key(),
        io.deskbridge.core.conversation.Channel.EMAIL, "Parcel", null, "", "", Set.of(), false, List.of());
    var record = new AuditRecord(T0.plusSeconds(2), INSTALLATION, "c1", "e0", "auto", "reply", List.of("r"), 0.7, "a1",
        Map.of(), "text", List.of(), "applied", 1, Map.of("language", "cs"));
    store.commit(lease, e0.id(), state(lease).withTranscript(transcript), List.of(), List.of(record));

    var rows = new ArrayList<DashboardRows.DecisionRow>();
    store.dashboard().decisions(T0, T0.plusSeconds(60), rows::add);

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.channel()).isEqualTo("EMAIL");
      assertThat(r.language()).isEqualTo("cs");
      assertThat(r.eventReceived()).isEqualTo(T0);
      assertThat(r.decision()).isEqualTo("reply");
    });
    var later = new ArrayList<DashboardRows.DecisionRow>();
    store.dashboard().decisions(T0.plusSeconds(3), T0.plusSeconds(60), later::add);
    assertThat(later).isEmpty();
  }

  static AuditRecord audit(String conversationId, String eventId) {
    return new AuditRecord(T0, INSTALLATION, conversationId, eventId, "auto", "reply", List.of("r"), 0.5, "a1",
        Map.of("anger", 0.25), "text", List.of("public_reply(5 chars)"), "applied");
  }

  void receive(String conversationId, String eventId) {
    assertThat(store.receive(INSTALLATION, VENDOR, List.of(event(conversationId, eventId)), T0)).isEqualTo(1);
  }

  static ConversationState state(Lease lease) {
    return ConversationState.fresh(lease.key());
  }

  /**
   * Locks a conversation's row from a connection of its own (as another transaction would) until that
   * connection commits or closes: a receive touching the conversation waits for it.
   */
  Connection lockRow(String conversationId) throws SQLException {
    var c = DriverManager.getConnection(config.connectionUrl(), config.username(),
        config.password() == null ? "" : config.password().reveal());
    c.setAutoCommit(false);
    try (var lock = c.prepareStatement(
        "UPDATE conversation SET lease_token = lease_token WHERE installation = ? AND conversation_id = ?")) {
      lock.setString(1, INSTALLATION);
      lock.setString(2, conversationId);
      assertThat(lock.executeUpdate()).isEqualTo(1);
    }
    return c;
  }

  /** Claims and commits everything due at {@code now}; returns the committed events' ids. */
  List<String> drainEventIds(Instant now) {
    var ids = new ArrayList<String>();
    for (Optional<Lease> l = store.claim("drain", now, LEASE); l.isPresent(); l = store.claim("drain", now, LEASE)) {
      var lease = l.get();
      for (var p : store.pendingEvents(lease, now)) {
        store.commit(lease, p.id(), state(lease), List.of(), List.of());
        ids.add(p.event().id());
      }
      store.release(lease);
    }
    return ids;
  }

  /** The conversations with a dashboard aggregate row. */
  private List<String> aggregates() throws java.sql.SQLException {
    try (var c = java.sql.DriverManager.getConnection(config.connectionUrl(), config.username(),
        config.password() == null ? "" : config.password().reveal());
        var rs = c.createStatement().executeQuery("SELECT conversation_id FROM dashboard_conversation")) {
      var ids = new java.util.ArrayList<String>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }
}
