package io.deskbridge.core.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an LLM draft is checked against. Immutable.
 *
 * @param passages the top passages the model was given, by article id (the retrieved, approved articles); only the
 *     ones the draft cites count as sources of its facts
 * @param lookedUp values from back-office lookups the answer may repeat (an order's status, its ETA), empty when none
 * @param customerMessage the customer's (cleaned) message
 * @param customerLanguage the ISO 639-1 code of the customer's language
 * @param maxChars the longest answer that may be sent
 * @param systemPrompt the system prompt the model was given
 * @param internalNotes internal-note texts of the conversation, which must never reach the customer
 * @param avoid the brand's words an answer must not use ({@link Tone#avoid()})
 */
public record GuardContext(Map<String, String> passages, List<String> lookedUp, String customerMessage,
    String customerLanguage, int maxChars, String systemPrompt, List<String> internalNotes, List<String> avoid) {
  /** Without words to avoid. */
  public GuardContext(Map<String, String> passages, List<String> lookedUp, String customerMessage,
      String customerLanguage, int maxChars, String systemPrompt, List<String> internalNotes) {
    this(passages, lookedUp, customerMessage, customerLanguage, maxChars, systemPrompt, internalNotes, List.of());
  }

  public GuardContext {
    avoid = List.copyOf(avoid);
    passages = Map.copyOf(passages);
    lookedUp = List.copyOf(lookedUp);
    Objects.requireNonNull(customerMessage, "customerMessage");
    Objects.requireNonNull(customerLanguage, "customerLanguage");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    internalNotes = List.copyOf(internalNotes);
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be >= 1, was " + maxChars);
    }
  }
}
