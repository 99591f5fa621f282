package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.app.eval.HistoryReplay.Outcome;
import io.deskbridge.app.eval.ReplyComparison.Verdict;
import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.spi.HistoryReader.PastConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The replay of one solved conversation: the first customer message decided with no history, later runs of customer
 * messages with the conversation so far and the bot's earlier turns, stopping at a handover; answers compared with
 * the next agent reply. The decider here is a scripted stand-in recording its inputs, so the replay's own logic is
 * what is tested (the real bot: {@code SimulateIT}).
 */
class HistoryReplayTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private final KnowledgeBase kb = KnowledgeBase.of(List.of(
      new Article("returns", "en", "Returns", "Return within 30 days.", "https://shop.example/help/returns", List.of(),
          "", List.of(), List.of(), ""),
      new Article("delivery", "en", "Delivery", "Two days.", "https://shop.example/help/delivery", List.of(), "",
          List.of(), List.of(), "")));
  private final List<BotInput> inputs = new ArrayList<>();

  private static Message customer(String id, String text, int minute) {
    return new Message(id, AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text, T0.plusSeconds(60L * minute));
  }

  private static Message agent(String id, String text, int minute) {
    return new Message(id, AuthorRole.AGENT, Visibility.PUBLIC, "a1", text, T0.plusSeconds(60L * minute));
  }

  private static PastConversation past(Map<String, List<String>> links, Message... messages) {
    var conversation = new Conversation(new ConversationKey("zendesk", "acme", "42"), Channel.WEB_FORM, "Subject",
        new Customer("c1", "Ann", "ann@example.com"), "", "", Set.of(), true, List.of(messages));
    return new PastConversation(conversation, T0.plusSeconds(3600), links);
  }

  private static Decision reply(String article, double confidence) {
    return new Decision.Reply(article.equals("delivery") ? "It takes two days to deliver." : "Return within 30 days.",
        "en", List.of("confident_match"),
        new Scores(confidence, article, Map.of()));
  }

  private static Decision clarify() {
    return new Decision.Clarify("Could you tell me more?", "en", List.of("low_confidence"),
        new Scores(0.3, "returns", Map.of()));
  }

  private static Decision handover(HandoverReason reason) {
    return new Decision.Handover("", "A colleague will continue.", new HandoverSummary(Set.of(reason), "en",
        "neutral", "", List.of(), List.of(), 0.2), List.of(reason.code()), new Scores(0.2, "", Map.of()));
  }

  private HistoryReplay replay(Decision... script) {
    var next = new java.util.ArrayDeque<>(List.of(script));
    return new HistoryReplay(input -> {
      inputs.add(input);
      return next.removeFirst();
    }, new ReplyComparison(kb));
  }

  @Test
  void anAnswerIsComparedWithTheNextAgentReplyAndItsLinks() {
    var replayed = replay(reply("returns", 0.9)).replay(past(
        Map.of("m2", List.of("https://shop.example/help/returns")),
        customer("m1", "Can I return shoes?", 0), agent("m2", "Sure, see the link.", 5)));

    assertThat(replayed.turns()).hasSize(1);
    var turn = replayed.turns().get(0);
    assertThat(turn.outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(turn.agentReply()).isEqualTo("Sure, see the link.");
    assertThat(turn.agentArticle()).isEqualTo("returns");
    assertThat(turn.compared().orElseThrow().verdict()).isEqualTo(Verdict.SAME_ARTICLE);
    assertThat(replayed.deflected()).isTrue();
    assertThat(replayed.risky()).isFalse();
    assertThat(inputs.get(0).conversation().messages()).extracting(Message::id).containsExactly("m1");
    assertThat(inputs.get(0).botTurns()).isZero();
  }

  @Test
  void laterMessagesAreDecidedWithTheConversationSoFarUntilAHandover() {
    var replayed = replay(clarify(), reply("delivery", 0.8), handover(HandoverReason.HUMAN_REQUEST)).replay(past(
        Map.of(), customer("m1", "Hi, a question.", 0), customer("m2", "About my parcel.", 1),
        agent("m3", "What is it about?", 5), customer("m4", "When does it come?", 6),
        agent("m5", "It takes two days.", 9), customer("m6", "I want a person.", 10),
        agent("m7", "I am here.", 12), customer("m8", "Thanks!", 13)));

    assertThat(replayed.turns()).extracting(HistoryReplay.Turn::outcome)
        .containsExactly(Outcome.CLARIFIED, Outcome.ANSWERED, Outcome.HANDED_OVER);
    assertThat(inputs).hasSize(3); // nothing after the handover: people had the conversation
    assertThat(inputs.get(0).newMessages()).extracting(Message::id).containsExactly("m1", "m2");
    assertThat(inputs.get(1).newMessages()).extracting(Message::id).containsExactly("m4");
    assertThat(inputs.get(1).conversation().messages()).extracting(Message::id)
        .containsExactly("m1", "m2", "m3", "m4");
    assertThat(inputs.get(1).botTurns()).isEqualTo(1);
    assertThat(inputs.get(1).clarificationsAsked()).isEqualTo(1);
    assertThat(inputs.get(1).pendingText()).isEqualTo("Hi, a question.\nAbout my parcel.");
    assertThat(inputs.get(2).answeredArticleIds()).containsExactly("delivery");
    assertThat(inputs.get(2).clarificationsAsked()).isZero();
    // the answer on m4 is compared with m5, not with the reply to the clarification
    assertThat(replayed.turns().get(1).agentReply()).isEqualTo("It takes two days.");
    assertThat(replayed.turns().get(1).compared().orElseThrow().verdict()).isEqualTo(Verdict.SIMILAR_TEXT);
    assertThat(replayed.deciding().orElseThrow().outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(replayed.turns().get(0).compared()).isEmpty();
  }

  @Test
  void internalNotesAreNotTheAgentsReplyAndAnAnswerWithoutReplyIsUnverified() {
    var note = new Message("n1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "internal", T0.plusSeconds(60));
    var replayed = replay(reply("returns", 0.9)).replay(past(Map.of(), customer("m1", "Return?", 0), note));

    var turn = replayed.turns().get(0);
    assertThat(turn.agentReply()).isEmpty();
    assertThat(turn.compared().orElseThrow().verdict()).isEqualTo(Verdict.NO_AGENT_REPLY);
    assertThat(replayed.deflected()).isFalse();
    assertThat(replayed.risky()).isFalse();
    assertThat(inputs.get(0).conversation().messages()).extracting(Message::id).containsExactly("m1");
  }

  @Test
  void aConversationWithoutACustomerMessageHasNoTurns() {
    var replayed = replay().replay(past(Map.of(), agent("m1", "We contacted you about your order.", 0)));

    assertThat(replayed.turns()).isEmpty();
    assertThat(replayed.deciding()).isEmpty();
    assertThat(inputs).isEmpty();
  }
}
