package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.Decision;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A decider that can be replaced while running: {@code serve} swaps in a bot rebuilt over freshly synced knowledge.
 * A decision in progress finishes with the decider it started with. Thread-safe.
 */
public final class SwappableDecider implements Decider {
  private final AtomicReference<Decider> current;

  public SwappableDecider(Decider initial) {
    current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** Replaces the decider for every later decision. */
  public void swap(Decider next) {
    current.set(Objects.requireNonNull(next, "next"));
  }

  @Override
  public Decision decide(BotInput input) {
    return current.get().decide(input);
  }
}
