package io.deskbridge.core.escalation;

import java.util.List;
import java.util.Set;

/**
 * What an agent needs to continue without the customer repeating themselves. Rendered into the internal
 * note of a handover.
 *
 * @param reasons     why it was handed over
 * @param language    the customer's language (ISO 639-1)
 * @param tone        a short word for the customer's tone, e.g. {@code neutral}, {@code angry}
 * @param request     the request in one or two sentences
 * @param keyFacts    order numbers, e-mails, phone numbers, amounts, dates
 * @param botAnswers  what the bot already answered or asked, oldest first
 * @param confidence  the best retrieval confidence in [0, 1]
 */
public record HandoverSummary(
    Set<HandoverReason> reasons,
    String language,
    String tone,
    String request,
    List<KeyFact> keyFacts,
    List<String> botAnswers,
    double confidence) {
  public HandoverSummary {
    reasons = Set.copyOf(reasons);
    keyFacts = List.copyOf(keyFacts);
    botAnswers = List.copyOf(botAnswers);
  }
}
