package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.Decision;

/**
 * Decides what to do with a conversation's newest customer messages. Pure: no I/O. Implementations are thread-safe.
 * The one exception is {@code io.deskbridge.core.lookup.LookupDecider}, which wraps the bot and reads the customer's
 * records from the installation's back office (bounded GETs) to complete the bot's replies.
 */
@FunctionalInterface
public interface Decider {

  /** The decision for the input; never null. */
  Decision decide(BotInput input);
}
