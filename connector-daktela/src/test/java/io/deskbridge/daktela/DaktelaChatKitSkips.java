package io.deskbridge.daktela;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, with the reason, the inherited kit tests that cannot apply to Daktela web chat's external-bot protocol. Keyed
 * by the test method's name, or by {@code name[display name]} for one invocation of a parameterized test.
 */
final class DaktelaChatKitSkips implements ExecutionCondition {
  private static final Map<String, String> SKIPS = Map.of(
      "webhooksDeliveredOutOfOrderNeverPutTheBotAfterTheAgent", DaktelaChatFixture.NO_AGENTS,
      "controlGivenBackStartsANewEpisodeInWhichTheBotAnswersAgain", DaktelaChatFixture.NO_AGENTS
          + "; DaktelaChatIT sends the message of a chat given back itself",
      "aHandoverPassesControlWithTheWholeTranscriptAndTheSummaryAndTheBotStaysSilent", "after the transfer the chat "
          + "is the queue's and Daktela sends the bot nothing more, so the bot never decides on the customer's later "
          + "lines and no 'human_owns_conversation' is audited; DaktelaChatIT checks that the bot writes nothing");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("a class");
    }
    String method = context.getRequiredTestMethod().getName();
    String reason = SKIPS.getOrDefault(method, SKIPS.get(method + "[" + context.getDisplayName() + "]"));
    return reason == null ? ConditionEvaluationResult.enabled("applies to Daktela web chat")
        : ConditionEvaluationResult.disabled("Daktela web chat: " + reason);
  }
}
