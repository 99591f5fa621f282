package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.engine.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Draft mode: the bot proposes, people send. The customer never sees a bot message; on vendors with internal
 * notes the proposal is one; on chat (no drafts) nothing is written.
 */
public abstract class AbstractDraftModeIT extends AbstractConnectorIT {

  @Override
  protected Mode mode() {
    return Mode.DRAFT;
  }

  @Test
  @DisabledIf("supportsChat")
  void anAnswerBecomesOneInternalNoteAndTheCustomerSeesNothing() {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    settleWhen(() -> !bot(id, false).isEmpty());

    assertThat(bot(id, true)).isEmpty();
    assertThat(bot(id, false)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "draft")).singleElement()
        .satisfies(r -> assertThat(r.articleId()).isEqualTo("password-reset"));
  }

  @Test
  @EnabledIf("supportsChat")
  void onChatADraftWritesNothing() {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    settleWhen(() -> !decisions(id, "draft").isEmpty());

    assertThat(bot(id, true)).isEmpty();
    assertThat(bot(id, false)).isEmpty();
  }

  @Test
  void aHandoverInDraftModeRoutesToPeopleWithoutACustomerMessage() {
    String id = handedOver();

    assertThat(bot(id, true)).as("no public message in draft mode").isEmpty();
    assertRouted(id);
    assertThat(fixture.ownedByPeople(id)).isTrue();
    if (!supportsChat()) {
      assertThat(bot(id, false)).singleElement().satisfies(n -> assertThat(n.text()).contains("48213"));
    }
  }
}
