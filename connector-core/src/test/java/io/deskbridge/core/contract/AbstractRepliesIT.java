package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Replies in auto mode: the bot answers from the knowledge base, publicly, once, and follows up. */
public abstract class AbstractRepliesIT extends AbstractConnectorIT {

  @Test
  void answersAQuestionFromTheKnowledgeBase() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(bot(id, false)).isEmpty();
    assertThat(harness.audit(id)).anySatisfy(r -> {
      assertThat(r.decision()).isEqualTo("reply");
      assertThat(r.articleId()).isEqualTo("password-reset");
    });
  }

  @Test
  @EnabledIf("supportsOpeningInEvent")
  void aNewConversationIsAnsweredWithOneCallWhenTheEventCarriesTheOpening() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    assertThat(bot(id, true)).hasSize(1);
    assertThat(fixture.apiCalls(id)).as("the reply only: no read for a new conversation").isEqualTo(1);
  }

  @Test
  void answersAFollowUpQuestionInTheSameConversation() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    fixture.customerWrites(id, "Thanks. And how can I return an item?");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).hasSize(2);
    assertThat(decisions(id, "reply")).hasSize(2);
    assertThat(fixture.messages(id)).last().satisfies(m -> assertThat(m.author()).isEqualTo("bot"));
  }
}
