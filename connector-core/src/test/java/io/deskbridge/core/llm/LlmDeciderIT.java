package io.deskbridge.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.bot.LanguageDetector;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.mock.openai.OpenAiFake;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * answer.mode llm end to end below the engine: the Decider's reply is rewritten by the real client against the fake
 * when the draft keeps the guardrails, and stays extractive, with the reasons for the audit, when it does not or the
 * endpoint fails. The wrapped Decider stands in for the bot: what it decides is the input here.
 */
class LlmDeciderIT {
  private static final String BODY = "Returns are free within 30 days of delivery.";
  private static final KnowledgeBase KB = KnowledgeBase.of(List.of(new Article("42", "en", "Returns", BODY,
      "https://shop.example/returns", List.of("return shoes"), "", List.of())));
  private final OpenAiFake fake = OpenAiFake.start(OpenAiFake.Config.defaults());
  private final LlmSettings settings = LlmSettings.of(fake.v1Url(), "gpt-fake", Secret.of(fake.config().apiKey()))
      .withTimeout(Duration.ofMillis(800)).withAttempts(1);
  private final LlmAnswerWriter writer = new LlmAnswerWriter(settings,
      new AnswerGuardrails(new LanguageDetector("en")), LlmAnswerWriter.openAi(settings), new SimpleMeterRegistry());
  private final Decision.Reply extractive = new Decision.Reply(BODY, "en", List.of("confident_match"),
      new Scores(0.9, "42", Map.of()));
  private final Decider bot = input -> extractive;
  private final LlmDecider decider = new LlmDecider(bot, KB, writer);

  @AfterEach
  void close() {
    fake.close();
  }

  private static BotInput input(String text) {
    Message m = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text,
        Instant.parse("2026-12-06T01:00:00Z"));
    Message note = new Message("n1", AuthorRole.AGENT, Visibility.INTERNAL, "a1",
        "Careful, this customer already got two goodwill refunds this year", Instant.parse("2026-12-05T01:00:00Z"));
    Conversation c = new Conversation(new ConversationKey("test", "demo", "1"), Channel.EMAIL, "",
        new Customer("c1", "Jan", "jan@example.com"), "", "", Set.of(), false, List.of(note, m));
    return new BotInput(c, List.of(m), 0, 0, List.of(), "");
  }

  @Test
  void aGuardedLlmAnswerReplacesTheExtractiveTextWithTheCitedArticlesLink() {
    fake.script("{\"answer\":\"Yes, you can send the shoes back for free within 30 days of delivery.\","
        + "\"articleIds\":[\"42\"]}");

    Decision d = decider.decide(input("Hello, can I still return the shoes I bought last week?"));

    Decision.Reply r = (Decision.Reply) d;
    assertThat(r.text()).startsWith("Yes, you can send the shoes back").endsWith("https://shop.example/returns");
    assertThat(r.reasons()).containsExactly("confident_match", "llm_ok");
  }

  @Test
  void aRefusedOrFailedDraftFallsBackToTheExtractiveReplyWithTheReasons() {
    fake.adversarial(OpenAiFake.Attack.INVENT_URL);
    Decision.Reply refused = (Decision.Reply) decider.decide(input("Hello, can I still return the shoes I bought?"));
    assertThat(refused.text()).isEqualTo(BODY);
    assertThat(refused.reasons()).containsExactly("confident_match", LlmDecider.FALLBACK, "llm_unsupported_fact");

    fake.failNext(1, 503, 0);
    Decision.Reply failed = (Decision.Reply) decider.decide(input("Hello, can I still return the shoes I bought?"));
    assertThat(failed.text()).isEqualTo(BODY);
    assertThat(failed.reasons()).containsExactly("confident_match", LlmDecider.FALLBACK, "llm_server_error");
  }

  private static final KnowledgeBase THREE = KnowledgeBase.of(List.of(
      new Article("42", "en", "Returns", BODY, "https://shop.example/returns", List.of("return shoes"), "", List.of()),
      new Article("43", "en", "Refunds", "Refunds reach your account within 5 working days.",
          "https://shop.example/refunds", List.of("refund"), "", List.of()),
      new Article("44", "en", "Gift cards", "Gift cards are valid for 3 years.", "https://shop.example/gift-cards",
          List.of("gift card"), "", List.of())));

  @Test
  void theModelGetsThePassagesOfEveryApprovedArticleUpToKAndMayCiteOnlyThose() {
    LlmDecider.Ranking approved = (input, limit) -> List.of("43", "42").subList(0, Math.min(2, limit));
    LlmDecider several = new LlmDecider(bot, THREE, writer, approved);
    fake.script("{\"answer\":\"Yes, within 30 days; the refund reaches your account within 5 working days.\","
        + "\"articleIds\":[\"42\",\"43\"]}");

    Decision.Reply r = (Decision.Reply) several.decide(input("Can I return the shoes, and when is my money back?"));

    assertThat(r.reasons()).containsExactly("confident_match", "llm_ok");
    assertThat(r.text()).endsWith("https://shop.example/returns\n\nhttps://shop.example/refunds");
    String sent = fake.journal().calls().get(0).body();
    assertThat(sent).contains("[article 42] Returns").contains("[article 43] Refunds").doesNotContain("[article 44]");
    assertThat(sent.indexOf("[article 42]")).as("the reply's article first").isLessThan(sent.indexOf("[article 43]"));

    fake.script("{\"answer\":\"Gift cards are valid for 3 years.\",\"articleIds\":[\"44\"]}");
    Decision.Reply foreign = (Decision.Reply) several.decide(input("Can I return the shoes?"));
    assertThat(foreign.text()).isEqualTo(BODY);
    assertThat(foreign.reasons()).contains(LlmDecider.FALLBACK, "llm_unknown_citation");
  }

  @Test
  void topPassagesLimitsWhatTheModelIsGiven() {
    LlmSettings one = settings.withTopPassages(1);
    LlmAnswerWriter w = new LlmAnswerWriter(one, new AnswerGuardrails(new LanguageDetector("en")),
        LlmAnswerWriter.openAi(one), new SimpleMeterRegistry());
    LlmDecider single = new LlmDecider(bot, THREE, w, (input, limit) -> List.of("43", "44"));
    fake.script("{\"answer\":\"Yes, you can send the shoes back for free within 30 days.\",\"articleIds\":[\"42\"]}");

    single.decide(input("Can I return the shoes?"));

    String sent = fake.journal().calls().get(0).body();
    assertThat(sent).contains("[article 42]").doesNotContain("[article 43]").doesNotContain("[article 44]");
  }

  @Test
  void theBrandsToneIsInThePromptItsGreetingAndSignOffAroundTheAnswerAndAnAvoidedWordIsRefused() {
    Tone tone = new Tone(io.deskbridge.core.bot.AddressForm.INFORMAL, Map.of("en", "Hi there,"), Map.of("en", "The Acme team"),
        List.of("unfortunately"));
    LlmDecider toned = new LlmDecider(bot, KB, writer, LlmDecider.Ranking.NONE, tone);
    fake.script("{\"answer\":\"Sure, send the shoes back for free within 30 days of delivery.\","
        + "\"articleIds\":[\"42\"]}");

    Decision.Reply r = (Decision.Reply) toned.decide(input("Hello, can I still return the shoes I bought?"));

    assertThat(r.reasons()).containsExactly("confident_match", "llm_ok");
    assertThat(r.text()).isEqualTo("Hi there,\n\nSure, send the shoes back for free within 30 days of delivery."
        + "\n\nhttps://shop.example/returns\n\nThe Acme team");
    String sent = fake.journal().calls().get(0).body();
    assertThat(sent).contains("Address the customer informally").contains("Never use these words: unfortunately")
        .contains("Write no greeting and no sign-off");

    fake.script("{\"answer\":\"Unfortunately you can only send the shoes back within 30 days of delivery.\","
        + "\"articleIds\":[\"42\"]}");
    Decision.Reply refused = (Decision.Reply) toned.decide(input("Hello, can I still return the shoes I bought?"));
    assertThat(refused.text()).isEqualTo(BODY);
    assertThat(refused.reasons()).contains(LlmDecider.FALLBACK, "llm_avoided_word");
  }

  @Test
  void clarificationsAndHandoversPassThroughWithoutCallingTheModel() {
    Decision.Clarify clarify = new Decision.Clarify("Could you say more?", "en", List.of("low_confidence"),
        Scores.NONE);
    LlmDecider passing = new LlmDecider(input -> clarify, KB, writer);
    assertThat(passing.decide(input("hm"))).isSameAs(clarify);
    assertThat(fake.journal().count()).isZero();
  }
}
