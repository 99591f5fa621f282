package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** The bot on long e-mails: what it reads, several requests in one e-mail, the reply cap. */
class EmailBotTest {

  private final Bot bot = SharedModel.demoBot();
  private final KnowledgeBase kb = SharedModel.demoKb();

  private static final String QUOTED_HUMAN_REQUEST = """

      Best regards,
      Jane

      On Mon, 30 Nov 2026 at 10:00, Jane Miller <jane@example.com> wrote:
      > This is useless, I want to speak to a human agent right now!
      """;

  @Test
  void theBotReadsTheCustomersOwnWordsNotTheQuotedHistory() {
    var text = "How do I reset my password? I forgot it." + QUOTED_HUMAN_REQUEST;

    var email = bot.decide(Inputs.message(text).build());
    assertThat(email).isInstanceOfSatisfying(Decision.Reply.class,
        r -> assertThat(r.scores().articleId()).isEqualTo("password-reset"));
    var webForm = bot.decide(Inputs.message(text).on(Channel.WEB_FORM).build());
    assertThat(webForm).as("the same text off e-mail is read whole").isInstanceOfSatisfying(Decision.Handover.class,
        h -> assertThat(h.reasons()).contains(HandoverReason.HUMAN_REQUEST.code()));
  }

  @Test
  void twoAnswerableRequestsAreAnsweredInOneReply() {
    var text = """
        Hello,

        I forgot my password and cannot log in. How do I reset my password?

        And which payment methods do you accept? Can I pay by card?

        Thanks,
        Jane

        On Mon, 30 Nov 2026 at 10:00, Shop <support@shop.example> wrote:
        > Thank you for your order.
        """;

    var decision = bot.decide(Inputs.message(text).build());

    assertThat(decision).isInstanceOfSatisfying(Decision.Reply.class, r -> {
      assertThat(r.reasons()).contains("confident_match", "multiple_requests");
      assertThat(r.text()).contains(kb.find("password-reset", "en").orElseThrow().body())
          .contains(kb.find("payment-methods", "en").orElseThrow().body());
      assertThat(r.scores().signals()).as("the password, the methods, the card").containsEntry("requests", 3.0);
      var payments = kb.find("payment-methods", "en").orElseThrow().body();
      assertThat(r.text().indexOf(payments)).as("two requests, one article: answered once")
          .isEqualTo(r.text().lastIndexOf(payments));
    });
  }

  @Test
  void whenOnlySomeRequestsAreAnswerableTheNoteListsEachAndWhatAnswersIt() {
    var text = """
        Hello,

        How do I reset my password? I forgot it.

        Also, could you recommend a good restaurant near your warehouse for my birthday dinner on Friday?
        """;

    var decision = bot.decide(Inputs.message(text).build());

    assertThat(decision).isInstanceOfSatisfying(Decision.Handover.class, h -> {
      assertThat(h.reasons()).contains("low_confidence", "multiple_requests");
      var requests = h.summary().requests();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0)).contains("How do I reset my password?").contains("answerable with")
          .contains("password-reset");
      assertThat(requests.get(1)).contains("restaurant").contains("not answered");
      assertThat(HandoverNotes.render(h.summary())).contains("Requests in this e-mail: 2", "1. \"", "2. \"");
    });
  }

  @Test
  void atTheReplyCapTheBotHandsOverInsteadOfAnswering() {
    var input = Inputs.message("How do I reset my password? I forgot it.");

    assertThat(bot.decide(input.build())).isInstanceOf(Decision.Reply.class);
    assertThat(bot.decide(input.replyCapReached().build())).isInstanceOfSatisfying(Decision.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly("reply_cap");
      assertThat(h.summary().reasons()).containsExactly(HandoverReason.REPLY_CAP);
    });
  }
}
