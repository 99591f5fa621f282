package io.deskbridge.core.escalation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place where the bot chooses between replying, asking a clarifying question and handing over, and picks the
 * handover's routing group. Pure: it reads only its settings and the {@link Situation} the bot computed (signals,
 * retrieval, calibrated confidence, what the bot did so far in the episode); no I/O, no model. Immutable and
 * thread-safe.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>an explicit request for a person, critical keywords, anger or sarcasm hand over, with every one of them that
 *       holds among the reasons (in that order);
 *   <li>after {@code maxBotTurns} bot messages in the episode it hands over ({@link HandoverReason#MAX_TURNS});
 *   <li>below the threshold, the retrieval over the message's best single sentence ({@link Situation#retried()}),
 *       when the bot computed one, replaces the retrieval over the whole text;
 *   <li>at or above the threshold it replies with the best article, unless it already answered with that article in
 *       this episode: then it hands over ({@link HandoverReason#LOOP});
 *   <li>below the threshold it asks a clarifying question when {@code clarifies} and fewer than {@code
 *       maxClarifications} were asked in a row, else it hands over ({@link HandoverReason#LOW_CONFIDENCE}).
 * </ol>
 *
 * A handover is routed to the group of the first critical keyword category found, in the order legal, complaint,
 * cancellation ({@code intentGroups}); else to the best article's group when its confidence is at least {@value
 * #ROUTING_CONFIDENCE}; else to the default group (empty).
 *
 * @param threshold         the calibrated confidence from which the bot answers, in [0, 1]
 * @param maxBotTurns       hand over once the bot has written this many times in the episode; at least 1
 * @param maxClarifications how many clarifying questions in a row low confidence may ask; at least 0
 * @param clarifies         whether low confidence asks (true) or hands over at once (false)
 * @param intentGroups      keyword category ({@code legal}, {@code complaint}, {@code cancellation}) → routing
 *                          group; a missing or empty name means the default group
 */
public record EscalationPolicy(
    double threshold, int maxBotTurns, int maxClarifications, boolean clarifies, Map<String, String> intentGroups) {

  /** From this confidence the best article's routing group is used for a handover that no keyword routes. */
  public static final double ROUTING_CONFIDENCE = 0.35;

  /** The keyword categories that route a handover, the first present winning. */
  private static final List<String> ROUTED_CATEGORIES = List.of("legal", "complaint", "cancellation");

  /** @throws IllegalArgumentException when a value is out of range */
  public EscalationPolicy {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (maxBotTurns < 1) {
      throw new IllegalArgumentException("maxBotTurns must be at least 1, got " + maxBotTurns);
    }
    if (maxClarifications < 0) {
      throw new IllegalArgumentException("maxClarifications must be at least 0, got " + maxClarifications);
    }
    intentGroups = Map.copyOf(intentGroups);
  }

  /**
   * A candidate answer: the best article of one retrieval.
   *
   * @param articleId    the article's id
   * @param confidence   the calibrated probability that it answers the message, in [0, 1]
   * @param routingGroup the article's routing group in the customer's language; empty means the default group
   */
  public record Match(String articleId, double confidence, String routingGroup) {
    public Match {
      Objects.requireNonNull(articleId, "articleId");
      routingGroup = routingGroup == null ? "" : routingGroup;
    }
  }

  /**
   * What the bot found in the conversation's newest customer text.
   *
   * @param humanRequest        the customer asks for a person
   * @param keywords            the critical keyword categories found ({@link HandoverReason#COMPLAINT}, {@link
   *                            HandoverReason#CANCELLATION}, {@link HandoverReason#LEGAL}), in the order to report
   * @param angry               the anger signal holds
   * @param sarcastic           the sarcasm signal holds
   * @param botTurns            how many times the bot already wrote to the customer in this episode
   * @param clarificationsAsked how many clarifying questions it asked in a row
   * @param answeredArticleIds  the articles it already answered with in this episode
   * @param match               the best article over the whole text; null when retrieval found none
   * @param retried             the best article over the text's most confident single sentence, computed by the bot
   *                            only when it retries low confidence sentence by sentence; null otherwise
   */
  public record Situation(
      boolean humanRequest,
      Set<HandoverReason> keywords,
      boolean angry,
      boolean sarcastic,
      int botTurns,
      int clarificationsAsked,
      List<String> answeredArticleIds,
      Match match,
      Match retried) {
    public Situation {
      keywords = Collections.unmodifiableSet(new LinkedHashSet<>(keywords));
      answeredArticleIds = List.copyOf(answeredArticleIds);
    }
  }

  /** What the policy chose, and the retrieval it rests on. */
  public sealed interface Choice {

    /**
     * The match the choice rests on: {@link Situation#retried()} when it replaced the whole text's, else {@link
     * Situation#match()}; null when retrieval found nothing.
     */
    Match basis();

    /** Whether {@link #basis()} is the single sentence's retrieval ({@link Situation#retried()}). */
    boolean retried();

    /** Answer with {@code basis()}'s article. */
    record Reply(Match basis, boolean retried) implements Choice {
      public Reply {
        Objects.requireNonNull(basis, "basis");
      }
    }

    /** Ask the customer to clarify. */
    record Clarify(Match basis, boolean retried) implements Choice {}

    /**
     * Hand over to a person.
     *
     * @param reasons      why, in the order of the rules; never empty
     * @param routingGroup the group to assign; empty means the default group
     */
    record Handover(Set<HandoverReason> reasons, String routingGroup, Match basis, boolean retried)
        implements Choice {
      public Handover {
        reasons = Collections.unmodifiableSet(new LinkedHashSet<>(reasons));
        if (reasons.isEmpty()) {
          throw new IllegalArgumentException("a handover needs a reason");
        }
        routingGroup = routingGroup == null ? "" : routingGroup;
      }
    }
  }

  /** The choice for this situation; never null. */
  public Choice decide(Situation situation) {
    var match = situation.match();
    var reasons = new LinkedHashSet<HandoverReason>();
    if (situation.humanRequest()) {
      reasons.add(HandoverReason.HUMAN_REQUEST);
    }
    reasons.addAll(situation.keywords());
    if (situation.angry()) {
      reasons.add(HandoverReason.ANGER);
    }
    if (situation.sarcastic()) {
      reasons.add(HandoverReason.SARCASM);
    }
    if (!reasons.isEmpty()) {
      return handover(reasons, match, false);
    }
    if (situation.botTurns() >= maxBotTurns) {
      return handover(Set.of(HandoverReason.MAX_TURNS), match, false);
    }
    boolean retried = false;
    if (match != null && match.confidence() < threshold && situation.retried() != null) {
      match = situation.retried();
      retried = true;
    }
    if (match != null && match.confidence() >= threshold) {
      if (situation.answeredArticleIds().contains(match.articleId())) {
        return handover(Set.of(HandoverReason.LOOP), match, retried);
      }
      return new Choice.Reply(match, retried);
    }
    if (clarifies && situation.clarificationsAsked() < maxClarifications) {
      return new Choice.Clarify(match, retried);
    }
    return handover(Set.of(HandoverReason.LOW_CONFIDENCE), match, retried);
  }

  private Choice.Handover handover(Set<HandoverReason> reasons, Match basis, boolean retried) {
    return new Choice.Handover(reasons, routingGroup(reasons, basis), basis, retried);
  }

  private String routingGroup(Set<HandoverReason> reasons, Match basis) {
    for (var category : ROUTED_CATEGORIES) {
      if (reasons.contains(KeywordSignal.CATEGORIES.get(category))) {
        return intentGroups.getOrDefault(category, "");
      }
    }
    if (basis != null && basis.confidence() >= ROUTING_CONFIDENCE) {
      return basis.routingGroup();
    }
    return "";
  }
}
