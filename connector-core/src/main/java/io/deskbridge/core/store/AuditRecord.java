package io.deskbridge.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One structured record of what the connector decided or refused, with its inputs, scores and actions.
 *
 * @param at             when it was recorded
 * @param installationId the installation
 * @param conversationId the vendor's conversation id; empty for a refused webhook
 * @param eventId        the event that led to it; empty when none
 * @param mode           the installation's mode, lower case
 * @param decision       reply, draft, clarify, handover, ignore, {@code draft_feedback} (an agent's verdict on a draft),
 *                       or {@code rejected} for a refused webhook
 * @param reasons        reason codes
 * @param confidence     calibrated confidence in [0, 1]
 * @param articleId      the best article, empty when none
 * @param signals        named signal scores
 * @param input          the customer text decided on (or the refusal's reason)
 * @param actions        the actions taken, as short descriptions
 * @param outcome        {@code applied}, {@code none}, or {@code failed: <reason>}
 * @param episode        the conversation's bot episode (from 1); 0 when none applies (a refused webhook)
 * @param detail         the decision's texts and structured fields, JSON-shaped (strings, numbers, booleans, lists
 *                       and maps of them): {@code text} and {@code language} of a reply or draft, {@code question} of
 *                       a clarification, {@code routingGroup}, {@code groupId}, {@code customerMessage},
 *                       {@code summaryText} and {@code summary} (reasons, language, tone, request, keyFacts,
 *                       botAnswers, confidence) of a handover; empty for other records. The Conversation API answers
 *                       from it, so a retried request gets the decision as it was made, not recomputed.
 */
public record AuditRecord(
    Instant at,
    String installationId,
    String conversationId,
    String eventId,
    String mode,
    String decision,
    List<String> reasons,
    double confidence,
    String articleId,
    Map<String, Double> signals,
    String input,
    List<String> actions,
    String outcome,
    int episode,
    Map<String, Object> detail) {
  public AuditRecord {
    reasons = List.copyOf(reasons);
    signals = Map.copyOf(signals);
    actions = List.copyOf(actions);
    detail = detail == null ? Map.of() : Map.copyOf(detail);
  }

  /** A record without detail. */
  public AuditRecord(Instant at, String installationId, String conversationId, String eventId, String mode,
      String decision, List<String> reasons, double confidence, String articleId, Map<String, Double> signals,
      String input, List<String> actions, String outcome, int episode) {
    this(at, installationId, conversationId, eventId, mode, decision, reasons, confidence, articleId, signals, input,
        actions, outcome, episode, Map.of());
  }

  /** A record outside any episode (episode 0). */
  public AuditRecord(Instant at, String installationId, String conversationId, String eventId, String mode,
      String decision, List<String> reasons, double confidence, String articleId, Map<String, Double> signals,
      String input, List<String> actions, String outcome) {
    this(at, installationId, conversationId, eventId, mode, decision, reasons, confidence, articleId, signals, input,
        actions, outcome, 0);
  }
}
