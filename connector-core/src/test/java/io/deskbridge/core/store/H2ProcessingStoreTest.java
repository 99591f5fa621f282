package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on H2 in PostgreSQL mode, a fresh in-memory database per test, and the file default
 * (opened with a pool of one connection, which must be enough).
 */
class H2ProcessingStoreTest extends AbstractProcessingStoreTest {

  H2ProcessingStoreTest() {
    super(TestDatabases.h2("store-"));
  }

  /**
   * An event whose key another transaction holds past the lock timeout (on H2 also a row an unclean stop left behind,
   * docs/hardening.md) fails only its own request; the rest of its batch is stored.
   */
  @Test
  void aRequestWhoseEventStaysLockedPastTheLockTimeoutFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
    var quick = new StoreConfig(config.url().replace("LOCK_TIMEOUT=10000", "LOCK_TIMEOUT=1000"), config.username(),
        config.password(), 4);
    assertThat(quick.url()).contains("LOCK_TIMEOUT=1000");
    try (var fast = JdbcStore.open(quick)) {
      fast.receive(INSTALLATION, VENDOR, List.of(event("held", "h0")), T0);
      var good = new ArrayList<Future<Integer>>();
      Future<Integer> stuck;
      try (Connection never = insertUncommitted("p", "p1"); Connection holder = lockRow("held")) {
        good.add(threads.submit(() -> fast.receive(INSTALLATION, VENDOR, List.of(event("held", "h1")), T0)));
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.inbox().committing());
        good.add(threads.submit(() -> fast.receive(INSTALLATION, VENDOR, List.of(event("a", "a1")), T0)));
        stuck = threads.submit(() -> fast.receive(INSTALLATION, VENDOR, List.of(event("p", "p1")), T0));
        good.add(threads.submit(() -> fast.receive(INSTALLATION, VENDOR, List.of(event("c", "c1")), T0)));
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.inbox().waiting() == 3);
        holder.commit();
        for (var g : good) {
          assertThat(g.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
            .hasMessageContaining("Timeout trying to lock");
        assertThat(fast.healthy()).as("a lock timeout is contention, not a store fault").isTrue();
      }
    }
    assertThat(drainEventIds(T0)).containsExactlyInAnyOrder("h0", "h1", "a1", "c1");
  }

  /** A connection whose open transaction has inserted the event, holding its key until it ends. */
  private Connection insertUncommitted(String conversationId, String eventId) throws Exception {
    var c = DriverManager.getConnection(config.connectionUrl(), config.username(), "");
    c.setAutoCommit(false);
    try (var insert = c.prepareStatement("INSERT INTO inbox_event (installation, vendor, event_id, conversation_id, "
        + "payload, received_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, '{}', ?, 'PENDING', 0, ?)")) {
      insert.setString(1, INSTALLATION);
      insert.setString(2, VENDOR);
      insert.setString(3, eventId);
      insert.setString(4, conversationId);
      insert.setObject(5, T0.atOffset(ZoneOffset.UTC));
      insert.setObject(6, T0.atOffset(ZoneOffset.UTC));
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    return c;
  }

  @Test
  void theFileDefaultKeepsEventsAcrossRestarts(@TempDir Path dir) {
    var config = StoreConfig.h2File(dir.resolve("data")).withMaxPoolSize(1);
    try (var first = JdbcStore.open(config)) {
      assertThat(first.receive(INSTALLATION, VENDOR, List.of(event("c1", "e1")), T0)).isEqualTo(1);
    }
    try (var second = JdbcStore.open(config)) {
      assertThat(second.receive(INSTALLATION, VENDOR, List.of(event("c1", "e1")), T0)).isZero();
      assertThat(second.claim("w1", T0, LEASE)).isPresent();
    }
    assertThat(dir.resolve("data").resolve("deskbridge.mv.db")).exists();
  }
}
