package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.Decision;
import org.junit.jupiter.api.Test;

/** The approved articles an LLM answer may be written from: ranked by retrieval, above the threshold, at most k. */
class ApprovedArticlesTest {
  private final Bot bot = SharedModel.demoBot();

  @Test
  void theAnsweredArticleComesFirstAndNoneIsListedTwice() {
    var input = Inputs.message("How can I reset my password?").build();
    var reply = (Decision.Reply) bot.decide(input);

    var approved = bot.approvedArticles(input, 3);

    assertThat(approved).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(approved.get(0)).isEqualTo(reply.scores().articleId());
    assertThat(bot.approvedArticles(input, 1)).containsExactly(approved.get(0));
  }

  @Test
  void onlyArticlesAboveTheThresholdAreApproved() {
    var input = Inputs.message("How can I reset my password?").build();
    var never = Bot.create(SharedModel.demoKb(), BotConfig.defaults().withThresholdPercent(100), SharedModel.model());
    var always = Bot.create(SharedModel.demoKb(), BotConfig.defaults().withThresholdPercent(0), SharedModel.model());

    assertThat(never.approvedArticles(input, 3)).isEmpty();
    assertThat(always.approvedArticles(input, 3)).hasSize(3);
    assertThat(bot.approvedArticles(input, 3).size()).as("the default threshold approves fewer than 0 %% does")
        .isLessThan(3);
  }
}
