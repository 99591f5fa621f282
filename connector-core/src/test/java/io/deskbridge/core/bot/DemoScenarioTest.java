package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.KeyFact;
import io.deskbridge.core.escalation.KeyFact.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo script against the shipped sample knowledge base and the default configuration: what the demo shows must
 * stay true when the knowledge base, the signals or the confidence constants change.
 */
class DemoScenarioTest {

  private final Bot bot = SharedModel.demoBot();

  private Decision decide(Inputs inputs) {
    return bot.decide(inputs.build());
  }

  private Decision decide(String text) {
    return decide(Inputs.message(text));
  }

  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource(delimiter = '|', textBlock = """
      How can I reset my password? I can't log in.                    | password-reset | en
      Jak dlouho trvá doručení do Brna?                               | delivery       | cs
      Jak mogę zwrócić towar?                                         | returns        | pl
      Where is my order #48213? It was supposed to arrive yesterday.  | order-status   | en
      Do you have an invoice for me?                                  | invoices       | en
      Kiedy jesteście otwarci w sobotę?                               | opening-hours  | pl
      """)
  void answersFromTheKnowledgeBaseInTheCustomersLanguage(String text, String articleId, String language) {
    var article = SharedModel.demoKb().find(articleId, language).orElseThrow();

    assertThat(decide(text)).isInstanceOfSatisfying(Decision.Reply.class, reply -> {
      assertThat(reply.language()).isEqualTo(language);
      assertThat(reply.text()).startsWith(article.body())
          .endsWith("\n\n" + Phrases.more(language) + " " + article.url());
      assertThat(reply.reasons()).containsExactly("confident_match");
      assertThat(reply.scores().articleId()).isEqualTo(articleId);
      assertThat(reply.scores().confidence()).isGreaterThanOrEqualTo(0.55);
    });
  }

  @Test
  void theShippedIndexListsEveryArticleFile() throws Exception {
    var resources = SharedModel.DEMO_KB.getParent().toUri().toURL();
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {resources}, null)) {
      var fromClasspath = io.deskbridge.core.knowledge.KnowledgeLoader.loadFromClasspath(loader, "demo-kb");

      assertThat(fromClasspath.articles()).containsExactlyInAnyOrderElementsOf(SharedModel.demoKb().articles());
    }
    assertThat(SharedModel.demoKb().ids()).hasSize(9)
        .allSatisfy(id -> assertThat(SharedModel.demoKb().locales(id)).containsExactlyInAnyOrder("en", "cs", "pl", "sk", "sl"));
  }

  @Test
  void localizesTheMoreLink() {
    var reply = (Decision.Reply) decide("Jak dlouho trvá doručení do Brna?");

    assertThat(reply.text()).endsWith("\n\nVíce: https://shop.example/cs/help/delivery");
  }

  @Test
  void vagueMessageGetsOneClarifyingQuestionThenAHandover() {
    var vague = "Hi, I have a problem with something.";

    var first = decide(vague);
    assertThat(first).isInstanceOfSatisfying(Decision.Clarify.class, clarify -> {
      assertThat(clarify.question()).startsWith("Could you tell me a bit more? Is your question about \"");
      assertThat(clarify.language()).isEqualTo("en");
      assertThat(clarify.scores().confidence()).isLessThan(0.55);
    });

    var second = decide(Inputs.message("I don't know, it's complicated.").pending(vague).botTurns(1)
        .clarificationsAsked(1));
    assertThat(second).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.summary().reasons()).containsExactly(HandoverReason.LOW_CONFIDENCE);
      assertThat(handover.reasons()).containsExactly("low_confidence");
      assertThat(handover.summary().botAnswers()).containsExactly("asked a clarifying question");
      assertThat(handover.routingGroup()).isEmpty();
      assertThat(handover.customerMessage()).startsWith("Thank you, I am passing your request");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Hi, I have a problem with something.       | I don't know, it's complicated.
      Hi, I have a problem with something.       | Can you help me please?
      Hi, I have a problem with something.       | I'm not sure how to explain it.
      Dobrý den, mám problém.                    | Potřebuji pomoc.
      Dzień dobry, mam problem.                  | Potrzebuję pomocy z czymś.
      """)
  void vagueFollowUpsStayBelowTheThreshold(String first, String second) {
    assertThat(decide(first)).isInstanceOf(Decision.Clarify.class);
    assertThat(decide(Inputs.message(second).pending(first).botTurns(1).clarificationsAsked(1)))
        .isInstanceOfSatisfying(Decision.Handover.class,
            h -> assertThat(h.summary().reasons()).containsExactly(HandoverReason.LOW_CONFIDENCE));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      I want to talk to a real person, please. | en
      Chci mluvit s operátorem.                | cs
      """)
  void explicitRequestForAPersonHandsOver(String text, String language) {
    assertThat(decide(text)).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.summary().reasons()).containsExactly(HandoverReason.HUMAN_REQUEST);
      assertThat(handover.summary().language()).isEqualTo(language);
      assertThat(handover.reasons()).containsExactly("human_request");
    });
  }

  @Test
  void czechHandoverMessageIsCzech() {
    var handover = (Decision.Handover) decide("Chci mluvit s operátorem.");

    assertThat(handover.customerMessage()).startsWith("Děkuji, předávám váš požadavek");
  }

  @Test
  void angerHandsOverWithTheToneForTheAgent() {
    var text = "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless.";

    assertThat(decide(text)).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.summary().reasons()).contains(HandoverReason.ANGER);
      assertThat(handover.summary().tone()).isEqualTo("angry");
      assertThat(handover.scores().signals().get("anger")).isGreaterThanOrEqualTo(0.5);
      assertThat(handover.routingGroup()).isEqualTo("Shipping");
    });
  }

  @Test
  void cancellationHandsOverToBillingWithTheOrderNumber() {
    var text = "Please cancel my order 55120 immediately, I found it cheaper elsewhere.";

    assertThat(decide(text)).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.summary().reasons()).containsExactly(HandoverReason.CANCELLATION);
      assertThat(handover.summary().keyFacts()).contains(new KeyFact(Type.ORDER_NUMBER, "55120"));
      assertThat(handover.routingGroup()).isEqualTo("Billing");
      assertThat(HandoverNotes.render(handover.summary()))
          .contains("Why: cancellation", "Key facts: order #55120", "Request: " + text);
    });
  }

  @Test
  void czechComplaintHandsOver() {
    assertThat(decide("Chtěl bych podat reklamaci, bota se rozpadla po týdnu."))
        .isInstanceOfSatisfying(Decision.Handover.class, handover -> {
          assertThat(handover.summary().reasons()).containsExactly(HandoverReason.COMPLAINT);
          assertThat(handover.summary().language()).isEqualTo("cs");
          assertThat(handover.routingGroup()).isEqualTo("Complaints");
        });
  }

  @Test
  void legalThreatHandsOverWithAmountAndDate() {
    assertThat(decide("I will contact my lawyer about the charge of 249 EUR on 12 May 2024."))
        .isInstanceOfSatisfying(Decision.Handover.class, handover -> {
          assertThat(handover.summary().reasons()).containsExactly(HandoverReason.LEGAL);
          assertThat(handover.summary().keyFacts())
              .containsExactly(new KeyFact(Type.AMOUNT, "249 EUR"), new KeyFact(Type.DATE, "12 May 2024"));
          assertThat(handover.routingGroup()).isEqualTo("Complaints");
        });
  }

  @Test
  void sameArticleAgainIsALoop() {
    var input = Inputs.message("I still can't log in, how do I reset my password?")
        .earlier("How can I reset my password? I can't log in.").answered("password-reset").botTurns(1);

    assertThat(decide(input)).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.summary().reasons()).containsExactly(HandoverReason.LOOP);
      assertThat(handover.summary().botAnswers()).containsExactly("answered \"Reset your password\"");
      assertThat(handover.routingGroup()).isEqualTo("Accounts");
      assertThat(HandoverNotes.render(handover.summary())).contains("Why: loop", "Bot already: answered");
    });
  }

  @Test
  void anotherArticleInTheSameEpisodeIsAnswered() {
    var input = Inputs.message("Do you have an invoice for me?").answered("password-reset").botTurns(1);

    assertThat(decide(input)).isInstanceOf(Decision.Reply.class);
  }

  @Test
  void tooManyBotTurnsHandOver() {
    var input = Inputs.message("Do you have an invoice for me?").botTurns(4);

    assertThat(decide(input)).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.summary().reasons()).containsExactly(HandoverReason.MAX_TURNS);
      assertThat(handover.routingGroup()).isEqualTo("Billing");
    });
  }

  @Test
  void summaryCarriesFactsFromEarlierMessages() {
    var input = Inputs.message("I want to talk to a real person, please.")
        .earlier("Where is my order #48213? Write to jan@example.com or call +420 777 123 456.");

    var summary = ((Decision.Handover) decide(input)).summary();
    assertThat(summary.keyFacts()).containsExactly(
        new KeyFact(Type.ORDER_NUMBER, "48213"), new KeyFact(Type.EMAIL, "jan@example.com"),
        new KeyFact(Type.PHONE, "+420 777 123 456"));
    assertThat(summary.request()).isEqualTo("I want to talk to a real person, please.");
    assertThat(HandoverNotes.render(summary))
        .contains("Key facts: order #48213; jan@example.com; phone +420 777 123 456");
  }
}
