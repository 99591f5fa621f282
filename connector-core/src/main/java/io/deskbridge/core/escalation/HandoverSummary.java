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
 * @param requests    where an e-mail carried several requests: each request found and what the bot made of it
 *                    ("answerable from …" with the article, or not answered), in the e-mail's order; empty otherwise
 * @param llmSummary  a summary of the conversation written by an LLM ({@code answer.llm.summaries}) and checked in
 *                    code, shown before the deterministic lines, which it never replaces; empty when none
 */
public record HandoverSummary(
    Set<HandoverReason> reasons,
    String language,
    String tone,
    String request,
    List<KeyFact> keyFacts,
    List<String> botAnswers,
    double confidence,
    List<String> requests,
    String llmSummary) {
  public HandoverSummary {
    llmSummary = llmSummary == null ? "" : llmSummary.strip();
    reasons = Set.copyOf(reasons);
    keyFacts = List.copyOf(keyFacts);
    botAnswers = List.copyOf(botAnswers);
    requests = requests == null ? List.of() : List.copyOf(requests);
  }

  /** Without an LLM summary. */
  public HandoverSummary(Set<HandoverReason> reasons, String language, String tone, String request,
      List<KeyFact> keyFacts, List<String> botAnswers, double confidence, List<String> requests) {
    this(reasons, language, tone, request, keyFacts, botAnswers, confidence, requests, "");
  }

  /** The same summary with {@code text} as its LLM summary. */
  public HandoverSummary withLlmSummary(String text) {
    return new HandoverSummary(reasons, language, tone, request, keyFacts, botAnswers, confidence, requests, text);
  }

  /** A summary of a message with one request. */
  public HandoverSummary(Set<HandoverReason> reasons, String language, String tone, String request,
      List<KeyFact> keyFacts, List<String> botAnswers, double confidence) {
    this(reasons, language, tone, request, keyFacts, botAnswers, confidence, List.of());
  }
}
