package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.Lease;
import io.deskbridge.core.store.LeaseLostException;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker renews its lease before a step only once half of it is spent, and a lost lease still stops it. */
class WorkersLeaseTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private final JdbcStore store = JdbcStore.open(StoreConfig.h2Memory("lease-" + System.nanoTime()));
  private Lease lease;

  @BeforeEach
  void claim() {
    var message = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "u1", "Hello", T0);
    store.receive("inst", "zendesk", List.of(new InboundEvent("e1", "t1", InboundEvent.Kind.MESSAGE_ADDED, "u1",
        Optional.of(message), Optional.empty(), T0)), T0);
    lease = store.claim("w1", T0, LEASE).orElseThrow();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aLeaseWithMoreThanHalfLeftIsKeptAsItIs() {
    assertThat(Workers.keptUp(store, lease, T0.plusSeconds(15), LEASE)).isSameAs(lease);
  }

  @Test
  void aLeaseWithLessThanHalfLeftIsRenewedForAWholeLeaseFromNow() {
    var renewed = Workers.keptUp(store, lease, T0.plusSeconds(16), LEASE);

    assertThat(renewed.until()).isEqualTo(T0.plusSeconds(46));
    assertThat(renewed.token()).isEqualTo(lease.token());
    assertThat(store.claim("w2", T0.plusSeconds(31), LEASE)).as("not taken over after the first lease's end")
        .isEmpty();
  }

  @Test
  void aLeaseTakenOverIsReportedLostWhenItIsDueForRenewal() {
    assertThat(store.claim("w2", T0.plusSeconds(31), LEASE)).isPresent();

    assertThatThrownBy(() -> Workers.keptUp(store, lease, T0.plusSeconds(31), LEASE))
        .isInstanceOf(LeaseLostException.class);
  }
}
