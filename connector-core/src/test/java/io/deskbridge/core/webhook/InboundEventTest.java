package io.deskbridge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundEventTest {
  private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void aLinkedEventCarriesItsRecordAndOthersCarryNone() {
    var linked = InboundEvent.linked("support:e1", "conv-1", "4711", AT);
    assertThat(linked.kind()).isEqualTo(InboundEvent.Kind.LINKED);
    assertThat(linked.linkedRecord()).isEqualTo("4711");

    var updated = new InboundEvent("e2", "conv-1", InboundEvent.Kind.UPDATED, null, null, null, AT);
    assertThat(updated.linkedRecord()).isEmpty();
    assertThat(updated.opening()).isEqualTo(Optional.empty());
  }

  @Test
  void aLinkedEventWithoutAStorableRecordIsRefusedWith400() {
    assertThatThrownBy(() -> InboundEvent.linked("support:e1", "conv-1", " ", AT))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("linked record id")
        .extracting(e -> ((WebhookRejectedException) e).status()).isEqualTo(400);
    assertThatThrownBy(() -> InboundEvent.linked("support:e1", "conv-1", "47\n11", AT))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("control character");
  }
}
