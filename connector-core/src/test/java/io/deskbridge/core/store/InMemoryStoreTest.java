package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {
  private static AuditRecord record(int n) {
    return new AuditRecord(Instant.EPOCH, "i", String.valueOf(n), "", "", "rejected", List.of(), 0, "", Map.of(), "",
        List.of(), "none");
  }

  @Test
  void theAuditKeepsTheNewestRecordsUpToItsCapacity() {
    var store = new InMemoryStore();
    for (int n = 0; n < InMemoryStore.AUDIT_CAPACITY + 5; n++) {
      store.append(record(n));
    }

    var all = store.all();
    assertThat(all).hasSize(InMemoryStore.AUDIT_CAPACITY);
    assertThat(all.get(0).conversationId()).isEqualTo("5");
    assertThat(all.get(all.size() - 1).conversationId()).isEqualTo(String.valueOf(InMemoryStore.AUDIT_CAPACITY + 4));
  }

  @Test
  void anEventIdIsNewOncePerInstallation() {
    var store = new InMemoryStore();
    assertThat(store.markReceived("a", "e1")).isTrue();
    assertThat(store.markReceived("a", "e1")).isFalse();
    assertThat(store.markReceived("b", "e1")).isTrue();
  }
}
