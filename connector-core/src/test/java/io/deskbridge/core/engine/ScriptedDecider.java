package io.deskbridge.core.engine;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.Scores;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A decider for engine tests, without the ONNX model: a keyword picks an article and its answer; "human" asks for a
 * handover; an article answered before in the episode is a loop (a handover); anything else gets a clarifying
 * question. Records every input it was given. Thread-safe.
 */
final class ScriptedDecider implements Decider {
  /** Keyword (lower case) to article id and answer. */
  private static final Map<String, String[]> ARTICLES = Map.of(
      "password", new String[] {"password-reset", "Use Forgot password on the sign-in page."},
      "delivery", new String[] {"delivery-times", "Delivery takes 2-3 working days."},
      "return", new String[] {"returns", "You can return an item within 30 days."});

  final List<BotInput> inputs = new CopyOnWriteArrayList<>();

  @Override
  public Decision decide(BotInput input) {
    inputs.add(input);
    String text = input.newMessages().get(input.newMessages().size() - 1).text().toLowerCase(Locale.ROOT);
    if (text.contains("human")) {
      return handover(HandoverReason.HUMAN_REQUEST, input, "");
    }
    for (var e : ARTICLES.entrySet()) {
      if (text.contains(e.getKey())) {
        String article = e.getValue()[0];
        if (input.answeredArticleIds().contains(article)) {
          return handover(HandoverReason.LOOP, input, article);
        }
        return new Decision.Reply(e.getValue()[1], "en", List.of("confident_match"),
            new Scores(0.9, article, Map.of()));
      }
    }
    return new Decision.Clarify("Could you tell me more?", "en", List.of("low_confidence"), new Scores(0.2, "", Map.of()));
  }

  private static Decision handover(HandoverReason reason, BotInput input, String article) {
    var summary = new HandoverSummary(Set.of(reason), "en", "neutral", input.text(), List.of(), List.of(), 0.5);
    return new Decision.Handover("", "A colleague will take over.", summary, List.of(reason.code()),
        new Scores(0.5, article, Map.of()));
  }
}
