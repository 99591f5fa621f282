package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.Decision;

/** Decides what to do with a conversation's newest customer messages. Pure: no I/O. Implementations are thread-safe. */
@FunctionalInterface
public interface Decider {

  /** The decision for the input; never null. */
  Decision decide(BotInput input);
}
