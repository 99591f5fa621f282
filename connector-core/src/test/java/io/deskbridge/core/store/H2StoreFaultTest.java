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
class H2StoreFaultTest {
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
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> !store.healthy());

    FaultyFilePath.diskFreed();
    await().atMost(Duration.ofSeconds(10)).until(store::healthy);
    assertThat(store.receive("acme", "zendesk", List.of(event("c2", "e2")), T0)).isEqualTo(1);
    var lease = store.claim("w1", T0, Duration.ofSeconds(30)).orElseThrow();
    assertThat(lease.key().externalId()).as("the event stored before the fault").isEqualTo("c1");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no H2 trace file").noneMatch(n -> n.endsWith(".trace.db"));
    }
  }

  @Test
  void badDataIsTheStatementsFaultNotTheStores() {
    assertThatThrownBy(() -> store.receive("acme", "zendesk", List.of(event("c1", "e".repeat(600))), T0))
        .isInstanceOf(StoreException.class);
    assertThat(store.healthy()).isTrue();
  }
}
