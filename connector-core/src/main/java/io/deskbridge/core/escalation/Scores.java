package io.deskbridge.core.escalation;

import java.util.Map;

/**
 * The numbers behind a decision, kept for the audit and for evaluation.
 *
 * @param confidence calibrated probability in [0, 1] that the best article answers the message; 0 when
 *                   retrieval did not run
 * @param articleId  the best article's id; empty when none
 * @param signals    named signal scores in [0, 1] (for example {@code anger}), possibly empty
 */
public record Scores(double confidence, String articleId, Map<String, Double> signals) {
  public static final Scores NONE = new Scores(0, "", Map.of());

  public Scores {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    articleId = articleId == null ? "" : articleId;
    signals = Map.copyOf(signals);
  }
}
