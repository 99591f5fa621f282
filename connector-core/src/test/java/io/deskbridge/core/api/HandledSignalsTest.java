package io.deskbridge.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.ConversationKey;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandledSignalsTest {
  private final HandledSignals signals = new HandledSignals();
  private final ConversationKey a = new ConversationKey("api", "web", "a");
  private final ConversationKey b = new ConversationKey("api", "web", "b");

  @Test
  void aSignalGivenBeforeTheWaitIsNotLost() throws Exception {
    try (var waiter = signals.register(a)) {
      signals.signal(a);
      assertThat(waiter.await(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }
  }

  @Test
  void aSignalWakesOnlyTheRequestsOfItsOwnConversation() throws Exception {
    try (var onA = signals.register(a); var onB = signals.register(b); var alsoOnA = signals.register(a)) {
      signals.signal(a);
      assertThat(onB.await(0)).as("another conversation's signal").isFalse();
      assertThat(onA.await(0)).isTrue();
      assertThat(alsoOnA.await(0)).isTrue();
    }
  }

  @Test
  void severalSignalsWakeOneWaitAndTheNextWaitWaitsForANewOne() throws Exception {
    try (var waiter = signals.register(a)) {
      signals.signal(a);
      signals.signal(a);
      assertThat(waiter.await(0)).isTrue();
      assertThat(waiter.await(0)).as("the signals were taken by the first wait").isFalse();
    }
  }

  @Test
  void aClosedWaitIsForgottenAndASignalWithNobodyWaitingIsDropped() throws Exception {
    var first = signals.register(a);
    var second = signals.register(a);
    first.close();
    assertThat(signals.waitedOn()).isEqualTo(1);
    second.close();
    assertThat(signals.waitedOn()).isZero();
    signals.signal(a);
    try (var later = signals.register(a)) {
      assertThat(later.await(0)).as("a signal before the wait began is not this wait's").isFalse();
    }
  }
}
