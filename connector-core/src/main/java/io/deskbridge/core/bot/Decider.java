package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.Decision;

/**
 * Decides what to do with a conversation's newest customer messages. Pure: no I/O. Implementations are thread-safe.
 * The exceptions are the decorators around the bot: {@code io.deskbridge.core.lookup.LookupDecider} reads the
 * customer's records from the installation's back office (bounded GETs) to complete the bot's replies, and
 * {@code io.deskbridge.core.llm.LlmDecider} has an LLM write the replies it approved (bounded calls).
 */
@FunctionalInterface
public interface Decider {

  /** The decision for the input; never null. */
  Decision decide(BotInput input);
}
