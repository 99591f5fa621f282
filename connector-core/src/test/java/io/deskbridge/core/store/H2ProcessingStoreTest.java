package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
