package io.deskbridge.core.store;

import static io.deskbridge.core.store.AbstractProcessingStoreTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import io.deskbridge.core.config.Secret;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file that its last process did not close is rebuilt from its committed rows before the store opens it
 * ({@link H2Recovery}): a row that an unfinished transaction wrote without its undo record (as H2 2.5 can store one
 * just before a kill) no longer blocks writes, and nothing committed is lost.
 */
class H2RecoveryTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir
  Path dir;

  private StoreConfig config() {
    return StoreConfig.h2File(dir);
  }

  private Object fileKey() throws Exception {
    return Files.readAttributes(dir.resolve("deskbridge.mv.db"), BasicFileAttributes.class).fileKey();
  }

  private String marker() throws Exception {
    return Files.readString(H2Recovery.of(config()).orElseThrow().marker()).trim();
  }

  @Test
  void theMarkerSaysOpenWhileTheStoreIsOpenAndClosedAfterACleanCloseSoTheFileIsKept() throws Exception {
    try (var store = JdbcStore.open(config())) {
      store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0);
      assertThat(marker()).startsWith("open by process " + ProcessHandle.current().pid());
    }
    assertThat(marker()).isEqualTo("closed");
    Object before = fileKey();
    try (var store = JdbcStore.open(config())) {
      assertThat(store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0)).as("e1 kept").isZero();
    }
    assertThat(fileKey()).as("the same file, not a rebuilt one").isEqualTo(before);
  }

  @Test
  void aSecondStoreOnAFileThisProcessHasOpenDoesNotRebuildItAndTheMarkerStaysOpenUntilTheLastCloses() throws Exception {
    try (var first = JdbcStore.open(config())) {
      first.receive("acme", "zendesk", List.of(event("c1", "e1")), T0);
      Object before = fileKey();
      try (var second = JdbcStore.open(config())) {
        assertThat(second.receive("acme", "zendesk", List.of(event("c1", "e2")), T0)).isEqualTo(1);
      }
      assertThat(marker()).as("the first store still has the file open").startsWith("open");
      assertThat(fileKey()).isEqualTo(before);
      assertThat(first.receive("acme", "zendesk", List.of(event("c1", "e3")), T0)).isEqualTo(1);
    }
    assertThat(marker()).isEqualTo("closed");
  }

  @Test
  void aProcessThatFindsTheMarkerLockedByAnotherRefusesWithoutTouchingTheFile() throws Exception {
    try (var store = JdbcStore.open(config())) {
      store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0);
    }
    Files.writeString(H2Recovery.of(config()).orElseThrow().marker(), "open by process 1\n");
    Object before = fileKey();
    try (var other = FileChannel.open(H2Recovery.of(config()).orElseThrow().marker(), StandardOpenOption.WRITE);
        var lock = other.lock()) { // as another process that has the database open holds it
      assertThatThrownBy(() -> JdbcStore.open(config())).isInstanceOf(StoreException.class)
          .hasMessageContaining("already in use by another process").hasMessageContaining("deskbridge.open");
      assertThat(fileKey()).as("not rebuilt under the other process").isEqualTo(before);
      assertThat(marker()).isEqualTo("open by process 1");
    }
  }

  @Test
  void aRowWrittenWithoutItsUndoRecordBeforeAnUncleanStopIsDroppedAndEveryCommittedRowKept() throws Exception {
    try (var store = JdbcStore.open(config())) {
      store.receive("acme", "zendesk", List.of(event("c1", "e1"), event("c1", "e2")), T0);
    }
    leaveAnUnfinishedInsertOf("e3");
    Object before = fileKey();

    try (var store = JdbcStore.open(config())) {
      assertThat(fileKey()).as("the file was rebuilt").isNotEqualTo(before);
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        assertThat(store.receive("acme", "zendesk", List.of(event("c1", "e3")), T0)).as("e3 is new").isEqualTo(1);
        assertThat(store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0)).as("e1 kept").isZero();
      });
      Lease lease = store.claim("w", T0.plusSeconds(1), Duration.ofMinutes(1)).orElseThrow();
      assertThat(store.pendingEvents(lease, T0.plusSeconds(1))).extracting(p -> p.event().id())
          .containsExactly("e1", "e2", "e3");
    }
    assertThat(marker()).isEqualTo("closed");
  }

  /**
   * Leaves the database as a process killed at the wrong moment can: its first transaction (id 1, the id a copy
   * made without the held sessions would get, and then read the row as its own) inserted an event, H2 stored that
   * row but not the undo record that rolls it back, and the process died with the marker open.
   */
  private void leaveAnUnfinishedInsertOf(String eventId) throws Exception {
    String url = config().connectionUrl();
    var writer = DriverManager.getConnection(url, "sa", null);
    try {
      writer.setAutoCommit(false);
      try (var insert = writer.prepareStatement("INSERT INTO inbox_event (installation, vendor, event_id, "
          + "conversation_id, payload, received_at, status, attempts, next_attempt_at) "
          + "VALUES ('acme', 'zendesk', ?, 'c1', '{}', ?, 'PENDING', 0, ?)")) {
        insert.setString(1, eventId);
        insert.setObject(2, T0.atOffset(ZoneOffset.UTC));
        insert.setObject(3, T0.atOffset(ZoneOffset.UTC));
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      var session = (SessionLocal) writer.unwrap(JdbcConnection.class).getSession();
      int transaction = session.getTransaction().getId();
      assertThat(transaction).as("the first transaction").isEqualTo(1);
      var store = session.getDatabase().getStore().getMvStore();
      store.openMap("undoLog." + transaction).clear();
      store.commit();
      Files.writeString(H2Recovery.of(config()).orElseThrow().marker(), "open by process 1\n");
      try (var s = writer.createStatement()) {
        s.execute("SHUTDOWN IMMEDIATELY");
      }
    } finally {
      try {
        writer.close();
      } catch (SQLException closedAlready) {
        // SHUTDOWN IMMEDIATELY closed it
      }
    }
  }

  @Test
  void afterH2ClosedTheFileUnderTheStoreTheMarkerOutlivesACleanCloseSoTheNextStartRebuilds() throws Exception {
    var recovery = H2Recovery.of(config()).orElseThrow();
    recovery.opening();
    try (var c = DriverManager.getConnection(config().connectionUrl(), "sa", null); var s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    recovery.closedUncleanly();
    recovery.closed();
    assertThat(marker()).startsWith("open");

    Object before = fileKey();
    var next = H2Recovery.of(config()).orElseThrow();
    next.opening();
    assertThat(fileKey()).as("rebuilt").isNotEqualTo(before);
    try (var c = DriverManager.getConnection(config().connectionUrl(), "sa", null); var s = c.createStatement();
        var rs = s.executeQuery("SELECT id FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    next.closed();
    assertThat(marker()).isEqualTo("closed");
  }

  @Test
  void aStoreWhosePasswordIsRefusedLeavesTheMarkerClosedSoTheNextStartDoesNotRebuild() throws Exception {
    try (var store = JdbcStore.open(config())) {
      store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0);
    }
    Object before = fileKey();
    var wrong = new StoreConfig(config().url(), "sa", Secret.of("not-the-password"), 10);
    assertThatThrownBy(() -> JdbcStore.open(wrong)).isInstanceOf(StoreException.class);
    assertThat(marker()).as("this process never had the database open").isEqualTo("closed");
    try (var store = JdbcStore.open(config())) {
      assertThat(store.receive("acme", "zendesk", List.of(event("c1", "e1")), T0)).as("e1 kept").isZero();
    }
    assertThat(fileKey()).as("not rebuilt").isEqualTo(before);
  }

  @Test
  void aSecondStoreThroughASymbolicLinkToTheDirectoryJoinsTheFirstInsteadOfBeingRefused() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    try (var first = JdbcStore.open(StoreConfig.h2File(real))) {
      first.receive("acme", "zendesk", List.of(event("c1", "e1")), T0);
      try (var second = JdbcStore.open(StoreConfig.h2File(link))) {
        assertThat(second.receive("acme", "zendesk", List.of(event("c1", "e1")), T0)).as("the same rows").isZero();
      }
      assertThat(Files.readString(real.resolve("deskbridge.open"))).as("the first store still has it open")
          .startsWith("open");
    }
    assertThat(Files.readString(real.resolve("deskbridge.open")).trim()).isEqualTo("closed");
  }

  @Test
  void onlyFileUrlsHaveARecovery() {
    assertThat(H2Recovery.of(StoreConfig.h2Memory("x"))).isEmpty();
    assertThat(H2Recovery.of(new StoreConfig("jdbc:h2:tcp://db:9092/x;MODE=PostgreSQL", "sa", null, 10))).isEmpty();
    assertThat(H2Recovery.of(new StoreConfig("jdbc:postgresql://db/x", "u", null, 10))).isEmpty();
    assertThat(H2Recovery.of(new StoreConfig("jdbc:h2:/var/lib/d/store;MODE=PostgreSQL", "sa", null, 10))
        .map(H2Recovery::marker)).isEqualTo(Optional.of(Path.of("/var/lib/d/store.open")));
    assertThat(H2Recovery.of(config()).map(H2Recovery::marker))
        .isEqualTo(Optional.of(dir.toAbsolutePath().normalize().resolve("deskbridge.open")));
  }
}
