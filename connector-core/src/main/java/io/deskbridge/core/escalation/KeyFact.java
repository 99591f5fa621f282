package io.deskbridge.core.escalation;

/**
 * A fact pulled out of the customer's messages for the agent.
 *
 * @param type  what it is
 * @param value the text as the customer wrote it
 */
public record KeyFact(Type type, String value) {
  /** Kinds of facts the summary extracts. */
  public enum Type {
    ORDER_NUMBER,
    EMAIL,
    PHONE,
    AMOUNT,
    DATE
  }
}
