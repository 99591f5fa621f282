package io.deskbridge.app.eval;

import io.deskbridge.app.eval.EvalCase.Expect;
import java.util.List;

/**
 * What the bot did with one case.
 *
 * @param evalCase   the case
 * @param decision   the decision's kind: reply, draft, clarify or handover
 * @param reasons    the decision's reason codes ({@code confident_match}, {@code human_request}, …)
 * @param confidence the confidence that the best article answers the message, in [0, 1]
 * @param article    the best article's id, whatever the decision; empty when the knowledge base has none
 * @param language   the case's language when given, else the one the bot detected
 * @param millis     how long the decision took
 */
record CaseResult(
    EvalCase evalCase, String decision, List<String> reasons, double confidence, String article, String language,
    double millis) {

  static final String LOW_CONFIDENCE = "low_confidence";

  CaseResult {
    reasons = List.copyOf(reasons);
  }

  Expect expect() {
    return evalCase.expect();
  }

  /** Replied or drafted a reply: the bot answered from the knowledge base. */
  boolean answered() {
    return decision.equals("reply") || decision.equals("draft");
  }

  boolean handedOver() {
    return decision.equals("handover");
  }

  /** Handed over for this reason (among others, perhaps). */
  boolean handedOverFor(String reason) {
    return handedOver() && reasons.contains(reason);
  }

  /** Handed over because a signal held (not only because of low confidence): no threshold would answer it. */
  boolean signalHandover() {
    return handedOver() && reasons.stream().anyMatch(r -> !r.equals(LOW_CONFIDENCE));
  }

  /**
   * Whether answering with the best article would be right: for an {@code answer} case the best article is the
   * expected one; any answer to another case is wrong. Independent of the threshold.
   */
  boolean bestIsRight() {
    return expect() == Expect.ANSWER && article.equals(evalCase.article());
  }

  /** Whether this case is answered at threshold {@code t} by the sweep's rule (no signal, confidence ≥ t). */
  boolean answeredAt(double t) {
    return !signalHandover() && !article.isEmpty() && confidence >= t;
  }
}
