package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.escalation.EscalationPolicy.Choice;
import io.deskbridge.core.escalation.EscalationPolicy.Match;
import io.deskbridge.core.escalation.EscalationPolicy.Situation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision policy on its inputs alone: no model, no knowledge base. */
class EscalationPolicyTest {

  private static final Map<String, String> GROUPS =
      Map.of("legal", "Legal", "complaint", "Complaints", "cancellation", "Billing");

  /** Threshold 0.55, 4 bot turns, 1 clarification, clarifies. */
  private final EscalationPolicy policy = new EscalationPolicy(0.55, 4, 1, true, GROUPS);

  private static final Match SURE = new Match("refunds", 0.9, "Payments");
  private static final Match UNSURE = new Match("shipping", 0.4, "Logistics");
  private static final Match WEAK = new Match("returns", 0.2, "Returns");

  /** A quiet situation: no signal, nothing done yet in the episode, the given match. */
  private static Situation quiet(Match match) {
    return new Situation(false, Set.of(), false, false, 0, 0, List.of(), match, null);
  }

  @Test
  void aConfidentMatchIsAnsweredWithItsArticle() {
    var choice = policy.decide(quiet(SURE));

    assertThat(choice).isEqualTo(new Choice.Reply(SURE, false));
  }

  @Test
  void theThresholdItselfIsConfidentEnough() {
    var exactly = new Match("refunds", 0.55, "Payments");

    assertThat(policy.decide(quiet(exactly))).isInstanceOf(Choice.Reply.class);
    assertThat(policy.decide(quiet(new Match("refunds", 0.5499, "Payments")))).isInstanceOf(Choice.Clarify.class);
  }

  @Test
  void eachSignalHandsOverEvenWithAConfidentMatch() {
    assertThat(reasons(new Situation(true, Set.of(), false, false, 0, 0, List.of(), SURE, null)))
        .containsExactly(HandoverReason.HUMAN_REQUEST);
    assertThat(reasons(new Situation(false, Set.of(), true, false, 0, 0, List.of(), SURE, null)))
        .containsExactly(HandoverReason.ANGER);
    assertThat(reasons(new Situation(false, Set.of(), false, true, 0, 0, List.of(), SURE, null)))
        .containsExactly(HandoverReason.SARCASM);
  }

  @ParameterizedTest
  @EnumSource(value = HandoverReason.class, names = {"COMPLAINT", "CANCELLATION", "LEGAL"})
  void eachCriticalKeywordHandsOverToItsGroup(HandoverReason keyword) {
    var choice = policy.decide(new Situation(false, Set.of(keyword), false, false, 0, 0, List.of(), SURE, null));

    assertThat(choice).isInstanceOfSatisfying(Choice.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly(keyword);
      assertThat(h.routingGroup()).isEqualTo(GROUPS.get(keyword.code()));
    });
  }

  @Test
  void everySignalThatHoldsIsAReasonInTheRulesOrder() {
    var keywords = new LinkedHashSet<>(List.of(HandoverReason.COMPLAINT, HandoverReason.CANCELLATION));
    var situation = new Situation(true, keywords, true, true,
        0, 0, List.of(), SURE, null);

    assertThat(reasons(situation)).containsExactly(HandoverReason.HUMAN_REQUEST, HandoverReason.COMPLAINT,
        HandoverReason.CANCELLATION, HandoverReason.ANGER, HandoverReason.SARCASM);
  }

  @Test
  void legalRoutesBeforeComplaintAndComplaintBeforeCancellation() {
    var all = Set.of(HandoverReason.CANCELLATION, HandoverReason.COMPLAINT, HandoverReason.LEGAL);
    var noLegal = Set.of(HandoverReason.CANCELLATION, HandoverReason.COMPLAINT);

    assertThat(group(new Situation(false, all, false, false, 0, 0, List.of(), SURE, null))).isEqualTo("Legal");
    assertThat(group(new Situation(false, noLegal, false, false, 0, 0, List.of(), SURE, null)))
        .isEqualTo("Complaints");
  }

  @Test
  void aKeywordCategoryWithoutAGroupGoesToTheDefaultGroupNotTheArticles() {
    var ungrouped = new EscalationPolicy(0.55, 4, 1, true, Map.of());

    var choice = ungrouped.decide(
        new Situation(false, Set.of(HandoverReason.COMPLAINT), false, false, 0, 0, List.of(), SURE, null));

    assertThat(((Choice.Handover) choice).routingGroup()).isEmpty();
  }

  @Test
  void withoutAKeywordTheBestArticlesGroupRoutesFromTheRoutingConfidence() {
    var atRouting = new Match("shipping", EscalationPolicy.ROUTING_CONFIDENCE, "Logistics");
    var below = new Match("shipping", 0.34, "Logistics");

    assertThat(group(new Situation(true, Set.of(), false, false, 0, 0, List.of(), atRouting, null)))
        .isEqualTo("Logistics");
    assertThat(group(new Situation(true, Set.of(), false, false, 0, 0, List.of(), below, null))).isEmpty();
    assertThat(group(new Situation(true, Set.of(), false, false, 0, 0, List.of(), null, null))).isEmpty();
  }

  @Test
  void afterTheLastBotTurnItHandsOverWhateverTheConfidence() {
    var situation = new Situation(false, Set.of(), false, false, 4, 0, List.of(), SURE, null);

    var choice = policy.decide(situation);

    assertThat(choice).isInstanceOfSatisfying(Choice.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly(HandoverReason.MAX_TURNS);
      assertThat(h.routingGroup()).isEqualTo("Payments");
    });
    assertThat(policy.decide(new Situation(false, Set.of(), false, false, 3, 0, List.of(), SURE, null)))
        .isInstanceOf(Choice.Reply.class);
  }

  @Test
  void signalsComeBeforeTheTurnLimit() {
    var situation = new Situation(false, Set.of(), true, false, 9, 0, List.of(), SURE, null);

    assertThat(reasons(situation)).containsExactly(HandoverReason.ANGER);
  }

  @Test
  void answeringWithTheSameArticleAgainIsALoop() {
    var situation = new Situation(false, Set.of(), false, false, 1, 0, List.of("refunds"), SURE, null);

    var choice = policy.decide(situation);

    assertThat(choice).isInstanceOfSatisfying(Choice.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly(HandoverReason.LOOP);
      assertThat(h.routingGroup()).isEqualTo("Payments");
    });
    assertThat(policy.decide(new Situation(false, Set.of(), false, false, 1, 0, List.of("shipping"), SURE, null)))
        .isEqualTo(new Choice.Reply(SURE, false));
  }

  @Test
  void lowConfidenceClarifiesThenHandsOver() {
    var first = policy.decide(quiet(UNSURE));
    var second = policy.decide(new Situation(false, Set.of(), false, false, 1, 1, List.of(), UNSURE, null));

    assertThat(first).isEqualTo(new Choice.Clarify(UNSURE, false));
    assertThat(second).isInstanceOfSatisfying(Choice.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly(HandoverReason.LOW_CONFIDENCE);
      assertThat(h.routingGroup()).isEqualTo("Logistics");
    });
  }

  @Test
  void moreClarificationsAreAskedUpToTheLimit() {
    var patient = new EscalationPolicy(0.55, 9, 3, true, GROUPS);

    for (int asked = 0; asked < 3; asked++) {
      assertThat(patient.decide(new Situation(false, Set.of(), false, false, asked, asked, List.of(), WEAK, null)))
          .isInstanceOf(Choice.Clarify.class);
    }
    assertThat(patient.decide(new Situation(false, Set.of(), false, false, 3, 3, List.of(), WEAK, null)))
        .isInstanceOf(Choice.Handover.class);
  }

  @Test
  void withoutClarifyingLowConfidenceHandsOverAtOnceToTheDefaultGroupBelowTheRoutingConfidence() {
    var direct = new EscalationPolicy(0.55, 4, 1, false, GROUPS);

    var choice = direct.decide(quiet(WEAK));

    assertThat(choice).isInstanceOfSatisfying(Choice.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly(HandoverReason.LOW_CONFIDENCE);
      assertThat(h.routingGroup()).isEmpty();
    });
  }

  @Test
  void noMatchAtAllClarifiesThenHandsOverToTheDefaultGroup() {
    assertThat(policy.decide(quiet(null))).isEqualTo(new Choice.Clarify(null, false));
    assertThat(policy.decide(new Situation(false, Set.of(), false, false, 1, 1, List.of(), null, null)))
        .isEqualTo(new Choice.Handover(Set.of(HandoverReason.LOW_CONFIDENCE), "", null, false));
  }

  @Test
  void aConfidentSentenceReplacesAnUnsureWholeText() {
    var sentence = new Match("refunds", 0.8, "Payments");

    var choice = policy.decide(new Situation(false, Set.of(), false, false, 0, 0, List.of(), UNSURE, sentence));

    assertThat(choice).isEqualTo(new Choice.Reply(sentence, true));
  }

  @Test
  void anUnsureSentenceStillReplacesTheWholeTextForTheClarificationAndTheRouting() {
    var sentence = new Match("returns", 0.3, "Returns");

    assertThat(policy.decide(new Situation(false, Set.of(), false, false, 0, 0, List.of(), UNSURE, sentence)))
        .isEqualTo(new Choice.Clarify(sentence, true));
    var handover = policy.decide(new Situation(false, Set.of(), false, false, 1, 1, List.of(), UNSURE, sentence));
    assertThat(handover).isEqualTo(new Choice.Handover(Set.of(HandoverReason.LOW_CONFIDENCE), "", sentence, true));
  }

  @Test
  void theSentenceIsIgnoredWhenTheWholeTextIsConfidentOrASignalHandsOver() {
    var sentence = new Match("returns", 0.99, "Returns");

    assertThat(policy.decide(new Situation(false, Set.of(), false, false, 0, 0, List.of(), SURE, sentence)))
        .isEqualTo(new Choice.Reply(SURE, false));
    assertThat(policy.decide(new Situation(true, Set.of(), false, false, 0, 0, List.of(), UNSURE, sentence)))
        .isEqualTo(new Choice.Handover(Set.of(HandoverReason.HUMAN_REQUEST), "Logistics", UNSURE, false));
  }

  @Test
  void aLoopIsDetectedOnTheSentencesArticleToo() {
    var sentence = new Match("refunds", 0.8, "Payments");

    var choice = policy.decide(new Situation(false, Set.of(), false, false, 1, 0, List.of("refunds"), UNSURE,
        sentence));

    assertThat(choice).isEqualTo(new Choice.Handover(Set.of(HandoverReason.LOOP), "Payments", sentence, true));
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new EscalationPolicy(1.2, 4, 1, true, GROUPS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new EscalationPolicy(0.5, 0, 1, true, GROUPS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBotTurns");
    assertThatThrownBy(() -> new EscalationPolicy(0.5, 4, -1, true, GROUPS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxClarifications");
  }

  private Set<HandoverReason> reasons(Situation situation) {
    var choice = policy.decide(situation);
    assertThat(choice).isInstanceOf(Choice.Handover.class);
    return ((Choice.Handover) choice).reasons();
  }

  private String group(Situation situation) {
    var choice = policy.decide(situation);
    assertThat(choice).isInstanceOf(Choice.Handover.class);
    return ((Choice.Handover) choice).routingGroup();
  }
}
