package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.webhook.InboundEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the H2 file store ({@link FaultyFilePath}): H2 closes the database for good when a write
 * fails; the store must report it, and work again once the disk takes writes, without being reopened.
 */
class H2StoreFaultIT {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir
  Path dir;
  JdbcStore store;

  @BeforeEach
  void open() {
    FaultyFilePath.register();
    FaultyFilePath.diskFreed();
    store = JdbcStore.open(FaultyFilePath.store(dir));
  }

  @AfterEach
  void close() {
    FaultyFilePath.diskFreed();
    store.close();
  }

  static InboundEvent event(String conversation, String id) {
    return new InboundEvent(id, conversation, InboundEvent.Kind.UPDATED, "", Optional.empty(), Optional.empty(), T0);
  }

  @Test
  void aFullDiskMakesTheStoreUnhealthyAndItRecoversOnceTheDiskIsFreedWithoutLosingWhatWasStored() throws IOException {
    assertThat(store.healthy()).isTrue();
    assertThat(store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0)).isEqualTo(1);

    FaultyFilePath.diskFull();
    assertThatThrownBy(() -> store.receive("acme", "zendesk", List.of(event("c2", "e2")), T0))
        .isInstanceOf(StoreException.class);
    assertThat(store.healthy()).as("at once, without waiting for a probe").isFalse();
    assertThatThrownBy(() -> store.receive("acme", "zendesk", List.of(event("c3", "e3")), T0))
        .as("H2 closed the database").isInstanceOf(StoreException.class);
    // H2's background writer failing on the full disk is expected: its uncaught exception is not the test's failure
    await().dontCatchUncaughtExceptions().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> !store.healthy());

    FaultyFilePath.diskFreed();
    await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(store::healthy);
    assertThat(store.receive("acme", "zendesk", List.of(event("c2", "e2")), T0)).isEqualTo(1);
    var lease = store.claim("w1", T0, Duration.ofSeconds(30)).orElseThrow();
    assertThat(lease.key().externalId()).as("the event stored before the fault").isEqualTo("c1");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no H2 trace file").noneMatch(n -> n.endsWith(".trace.db"));
    }
  }

  @Test
  void everyEventWhoseReceiveReturnedSurvivesRepeatedFullDisksWithWritesInPlaceStillWorking() throws Exception {
    store.close();
    // H2 writes into reused space at once rather than after its 45 s retention time: as a store that has been
    // running a while, where H2's own file header lags behind the newest chunks
    var plain = FaultyFilePath.store(dir);
    var config = new StoreConfig(plain.url() + ";RETENTION_TIME=0", plain.username(), null, plain.maxPoolSize());
    store = JdbcStore.open(config);
    var acknowledged = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    var next = new java.util.concurrent.atomic.AtomicInteger();
    var refused = new java.util.concurrent.atomic.AtomicInteger();
    var rounds = new java.util.ArrayList<String>(); // per fault round: ids tried, acknowledged, refused so far
    try {
      for (int t = 0; t < 4; t++) {
        pool.submit(() -> {
          while (!stop.get()) {
            String id = "e" + next.incrementAndGet();
            try {
              store.receive("acme", "zendesk", List.of(event("c" + (next.get() % 50), id)), T0);
              acknowledged.add(id);
            } catch (StoreException e) {
              refused.incrementAndGet(); // answered 503: the sender delivers it again later
            }
          }
          return null;
        });
      }
      for (int round = 0; round < 3; round++) {
        int before = acknowledged.size();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > before + 100);
        if (round > 0) {
          rounds.add("after round " + round + ": " + missingNow(config, acknowledged));
        }
        FaultyFilePath.diskFullForGrowth();
        int triedBefore = next.get();
        int refusedBefore = refused.get();
        // the full disk was met: a receive was refused (each may first wait for a connection while H2 cannot open
        // its file), or 20 were tried
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
            .until(() -> refused.get() > refusedBefore || next.get() > triedBefore + 20);
        FaultyFilePath.diskFreed();
        rounds.add("round " + (round + 1) + ": disk full at id e" + triedBefore + ", freed at e" + next.get()
            + " (acknowledged " + acknowledged.size() + ", refused " + refused.get() + ")");
      }
      int before = acknowledged.size();
      await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > before + 100);
      rounds.add("after round 3: " + missingNow(config, acknowledged));
    } finally {
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    store.close();
    store = JdbcStore.open(FaultyFilePath.store(dir));
    var stored = new java.util.HashSet<String>();
    Instant now = T0;
    for (var l = store.claim("w", now, Duration.ofMinutes(5)); l.isPresent(); l = store.claim("w", now, Duration.ofMinutes(5))) {
      for (var pending = store.pendingEvents(l.get(), now); !pending.isEmpty(); pending = store.pendingEvents(l.get(), now)) {
        for (var p : pending) {
          stored.add(p.event().id());
          store.commit(l.get(), p.id(), ConversationState.fresh(l.get().key()), List.of(), List.of());
        }
      }
    }
    String context = "receives acknowledged " + acknowledged.size() + ", refused " + refused.get() + ", tried "
        + next.get() + ", stored " + stored.size() + "; " + String.join("; ", rounds);
    System.out.println(context);
    assertThat(refused.get()).as("the full disk refused some").isPositive();
    var missing = new java.util.TreeSet<String>(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(1))));
    missing.addAll(acknowledged);
    missing.removeAll(stored);
    assertThat(missing).as("acknowledged events missing after the faults (%s)", context).isEmpty();
  }

  /**
   * Which of the events acknowledged so far the running database lacks now (read on a connection of its own), so
   * that a failure names the fault round after which they went missing.
   */
  private static String missingNow(StoreConfig config, java.util.Set<String> acknowledged) {
    var expected = new java.util.TreeSet<String>(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(1))));
    expected.addAll(acknowledged);
    try (var c = java.sql.DriverManager.getConnection(config.connectionUrl(), config.username(), "");
        var s = c.createStatement(); var rs = s.executeQuery("SELECT event_id FROM inbox_event")) {
      while (rs.next()) {
        expected.remove(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      return "not read (" + e.getMessage().lines().findFirst().orElse("") + ")";
    }
    return expected.isEmpty() ? "none missing" : expected.size() + " missing " + expected;
  }

  @Test
  void aFullDiskInTheMiddleOfABatchFailsEveryReceiveInItAndTheirRedeliveriesAreStoredOnce() throws Exception {
    assertThat(store.receive("acme", "zendesk", List.of(event("held", "e0")), T0)).isEqualTo(1);
    var threads = java.util.concurrent.Executors.newCachedThreadPool();
    var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
    var requests = new java.util.ArrayList<List<InboundEvent>>();
    long commitsBefore = store.inbox().commits();
    try {
      var config = FaultyFilePath.store(dir);
      var holder = java.sql.DriverManager.getConnection(config.connectionUrl(), config.username(), "");
      holder.setAutoCommit(false);
      try (var lock = holder.prepareStatement("UPDATE conversation SET lease_token = lease_token WHERE conversation_id = 'held'")) {
        assertThat(lock.executeUpdate()).isEqualTo(1);
      }
      requests.add(List.of(event("held", "e1")));
      results.add(threads.submit(() -> store.receive("acme", "zendesk", requests.get(0), T0)));
      await().atMost(Duration.ofSeconds(5)).until(() -> store.inbox().committing()); // waits for the held row
      for (int t = 1; t <= 4; t++) {
        var events = List.of(event("c" + t, "x" + t));
        requests.add(events);
        results.add(threads.submit(() -> store.receive("acme", "zendesk", events, T0)));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> store.inbox().waiting() == 4); // the next batch

      FaultyFilePath.diskFull();
      try {
        holder.rollback();
        holder.close();
      } catch (java.sql.SQLException closedByTheFault) {
        // H2 may have closed the database already: the held row is free either way
      }
      for (var r : results) {
        assertThatThrownBy(() -> r.get(60, java.util.concurrent.TimeUnit.SECONDS))
            .as("no receive in a failed batch is acknowledged").hasCauseInstanceOf(StoreException.class);
      }
      assertThat(store.inbox().commits()).isEqualTo(commitsBefore);
    } finally {
      threads.shutdownNow();
    }

    FaultyFilePath.diskFreed();
    await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(store::healthy);
    for (var events : requests) { // the sender delivers each refused webhook again
      store.receive("acme", "zendesk", events, T0);
    }
    var stored = new java.util.ArrayList<String>();
    for (var l = store.claim("w", T0, Duration.ofMinutes(5)); l.isPresent(); l = store.claim("w", T0, Duration.ofMinutes(5))) {
      for (var p : store.pendingEvents(l.get(), T0)) {
        stored.add(p.event().id());
        store.commit(l.get(), p.id(), ConversationState.fresh(l.get().key()), List.of(), List.of());
      }
    }
    assertThat(stored).containsExactlyInAnyOrder("e0", "e1", "x1", "x2", "x3", "x4");
  }

  @Test
  void badDataIsTheStatementsFaultNotTheStores() {
    // ids are refused before they reach the store (InboundEvent); a vendor name over its column still is bad data
    assertThatThrownBy(() -> store.receive("acme", "v".repeat(100), List.of(event("c1", "e1")), T0))
        .isInstanceOf(StoreException.class);
    assertThat(store.healthy()).isTrue();
  }
}
