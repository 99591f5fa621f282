package io.deskbridge.core.bot;

import static io.deskbridge.core.escalation.HandoverReason.ANGER;
import static io.deskbridge.core.escalation.HandoverReason.CANCELLATION;
import static io.deskbridge.core.escalation.HandoverReason.COMPLAINT;
import static io.deskbridge.core.escalation.HandoverReason.HUMAN_REQUEST;
import static io.deskbridge.core.escalation.HandoverReason.LEGAL;
import static io.deskbridge.core.escalation.HandoverReason.LOW_CONFIDENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The policy's branches beyond the demo script. */
class BotTest {

  private final Bot bot = SharedModel.demoBot();
  private final KnowledgeBase kb = SharedModel.demoKb();

  /** Embeddings and calibrations shared by the bots over variants of the demo knowledge base built below. */
  @org.junit.jupiter.api.io.TempDir
  static java.nio.file.Path cache;

  /** The demo knowledge base without the articles that match the filter. */
  private KnowledgeBase without(java.util.function.Predicate<io.deskbridge.core.knowledge.Article> dropped) {
    return KnowledgeBase.of(kb.articles().stream().filter(dropped.negate()).toList());
  }

  @Test
  void answersWithTheDefaultLanguageVersionAndSaysSoWhenTheCustomersIsMissing() {
    // Czech articles exist, only this one is missing in Czech (its Slovak version still matches the words)
    var noCzechPasswordArticle = Bot.create(
        without(a -> a.id().equals("password-reset") && a.locale().equals("cs")), BotConfig.defaults(),
        SharedModel.model(), cache);

    var decision = noCzechPasswordArticle.decide(Inputs.message("Zapomněl jsem heslo, jak si ho obnovím?").build());

    assertThat(decision).isInstanceOfSatisfying(Decision.Reply.class, reply -> {
      assertThat(reply.language()).isEqualTo("cs");
      assertThat(reply.text())
          .startsWith(Phrases.notInYourLanguage("cs") + "\n\n" + kb.find("password-reset", "en").orElseThrow().body())
          .endsWith("Více: https://shop.example/help/password-reset");
      assertThat(reply.reasons()).containsExactly("confident_match", "article_not_in_language");
    });
  }

  @Test
  void anEnglishOnlyModelNeverGuessesInALanguageWithoutArticles() {
    var noSlovak = without(a -> a.locale().equals("sk"));
    var message = Inputs.message("Zabudol som heslo, ako ho obnovím?").build();

    var englishOnly = Bot.create(noSlovak, BotConfig.defaults(), SharedModel.model(), cache);
    var clarifying = englishOnly.decide(message);
    assertThat(clarifying).isInstanceOfSatisfying(Decision.Clarify.class, clarify -> {
      assertThat(clarify.language()).isEqualTo("sk");
      assertThat(clarify.reasons()).containsExactly("low_confidence", Bot.LANGUAGE_NOT_COVERED);
      assertThat(clarify.scores().confidence()).isZero();
      assertThat(clarify.scores().signals()).containsEntry(Bot.LANGUAGE_NOT_COVERED, 1.0);
    });

    var handingOver = Bot.create(noSlovak, BotConfig.defaults().withLowConfidence(BotConfig.LowConfidence.HANDOVER),
        SharedModel.model(), cache).decide(message);
    assertThat(handingOver).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.reasons()).containsExactly(LOW_CONFIDENCE.code(), Bot.LANGUAGE_NOT_COVERED);
      assertThat(handover.summary().reasons()).containsExactly(LOW_CONFIDENCE);
    });

    var askingForAPerson =
        englishOnly.decide(Inputs.message("Zabudol som heslo. Chcem hovoriť s operátorom.").build());
    assertThat(askingForAPerson).as("not why it hands over").isInstanceOfSatisfying(Decision.Handover.class,
        handover -> assertThat(handover.reasons()).containsExactly(HUMAN_REQUEST.code()));

    // the same message with the Slovak articles present is answered
    assertThat(bot.decide(message)).isInstanceOf(Decision.Reply.class);
  }

  @Test
  void aModelDeclaredMultilingualMayAnswerAcrossLanguages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    // the shipped model from files, declared multilingual: the same vectors, only the declaration differs
    var loader = dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel.class
        .getClassLoader();
    var modelFile = dir.resolve("model.onnx");
    var tokenizerFile = dir.resolve("tokenizer.json");
    try (var model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
        var tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      java.nio.file.Files.copy(model, modelFile);
      java.nio.file.Files.copy(tokenizer, tokenizerFile);
    }
    var multilingual = Bot.embeddingModel(new EmbeddingModelConfig(modelFile, tokenizerFile,
        EmbeddingModelConfig.Pooling.MEAN, true, "", true), "bot.embedding");

    var decision = Bot.create(without(a -> a.locale().equals("sk")), BotConfig.defaults(), multilingual, cache)
        .decide(Inputs.message("Zabudol som heslo, ako ho obnovím?").build());

    assertThat(decision).isInstanceOfSatisfying(Decision.Reply.class, reply -> {
      assertThat(reply.reasons()).containsExactly("confident_match", "article_not_in_language");
      assertThat(reply.scores().signals()).doesNotContainKey(Bot.LANGUAGE_NOT_COVERED);
    });
  }

  @Test
  void clarifyingQuestionNamesTheTwoLikeliestTopicsInTheCustomersLanguage() {
    var decision = bot.decide(Inputs.message("Dobrý den, mám problém.").build());

    assertThat(decision).isInstanceOfSatisfying(Decision.Clarify.class, clarify -> {
      var best = kb.find(clarify.scores().articleId(), "cs").orElseThrow();
      assertThat(clarify.language()).isEqualTo("cs");
      assertThat(clarify.question()).startsWith("Můžete mi prosím napsat trochu víc? Jde vám o „" + best.title() + "“")
          .matches(".*„.+“, nebo o „.+“\\?");
      assertThat(clarify.reasons()).containsExactly("low_confidence");
    });
  }

  @Test
  void withoutClarificationsLowConfidenceHandsOverAtOnce() {
    var strict = Bot.create(kb, BotConfig.defaults().withMaxClarifications(0), SharedModel.model());

    assertThat(strict.decide(Inputs.message("Hi, I have a problem with something.").build()))
        .isInstanceOfSatisfying(Decision.Handover.class,
            h -> assertThat(h.summary().reasons()).containsExactly(LOW_CONFIDENCE));
  }

  @Test
  void theHandoverPolicyHandsOverBelowTheThresholdWithoutAsking() {
    var direct = Bot.create(kb, BotConfig.defaults().withLowConfidence(BotConfig.LowConfidence.HANDOVER),
        SharedModel.model());

    assertThat(direct.decide(Inputs.message("Hi, I have a problem with something.").build()))
        .isInstanceOfSatisfying(Decision.Handover.class,
            h -> assertThat(h.summary().reasons()).containsExactly(LOW_CONFIDENCE));
  }

  @Test
  void theRetryPolicyFindsTheQuestionBuriedInALongMessageOrAsksToRephrase() {
    var strict = BotConfig.defaults().withThresholdPercent(90);
    var clarify = Bot.create(kb, strict, SharedModel.model());
    var retry = Bot.create(kb, strict.withLowConfidence(BotConfig.LowConfidence.RETRY), SharedModel.model());
    var email = "Hello, I hope you are well. We moved offices last month and everything has been chaotic. "
        + "Our new address is Main Street 5 and the parcels now come to reception. How can I reset my password? "
        + "My colleague says hello.";

    assertThat(clarify.decide(Inputs.message(email).build())).isInstanceOf(Decision.Clarify.class);
    assertThat(retry.decide(Inputs.message(email).build())).isInstanceOfSatisfying(Decision.Reply.class,
        r -> assertThat(r.scores().articleId()).isEqualTo("password-reset"));
    assertThat(retry.decide(Inputs.message("Hi. I have a problem with something.").build()))
        .isInstanceOfSatisfying(Decision.Clarify.class, c -> {
          assertThat(c.question()).isEqualTo(Phrases.rephrase("en", false));
          assertThat(c.reasons()).containsExactly("low_confidence", "rephrase");
        });
  }

  @Test
  void aClarifiedAnswerIsReadTogetherWithTheOriginalMessage() {
    var question = "Co zrobić z towarem, który mi nie pasuje?";

    var first = bot.decide(Inputs.message(question).build());
    assertThat(first).isInstanceOfSatisfying(Decision.Clarify.class,
        c -> assertThat(c.question()).startsWith("Czy możesz napisać trochę więcej? Czy chodzi o „"
            + kb.find("returns", "pl").orElseThrow().title() + "”"));
    assertThat(bot.decide(Inputs.message("Tak, chodzi o zwrot towaru.").pending(question).botTurns(1)
        .clarificationsAsked(1).build())).isInstanceOfSatisfying(Decision.Reply.class,
            r -> assertThat(r.scores().articleId()).isEqualTo("returns"));
  }

  @Test
  void thresholdIsRespected() {
    var never = Bot.create(kb, BotConfig.defaults().withThresholdPercent(100), SharedModel.model());
    var always = Bot.create(kb, BotConfig.defaults().withThresholdPercent(0), SharedModel.model());

    assertThat(never.decide(Inputs.message("How can I reset my password?").build()))
        .isInstanceOf(Decision.Clarify.class);
    assertThat(always.decide(Inputs.message("Hi, I have a problem with something.").build()))
        .isInstanceOf(Decision.Reply.class);
  }

  @Test
  void emptyKnowledgeBaseAsksGenerallyThenHandsOverToTheDefaultGroup() {
    var empty = Bot.create(KnowledgeBase.empty(), BotConfig.defaults(), SharedModel.model());

    assertThat(empty.decide(Inputs.message("Where is my order?").build()))
        .isInstanceOfSatisfying(Decision.Clarify.class, c -> {
          assertThat(c.question()).isEqualTo("Could you tell me a bit more about what you need?");
          assertThat(c.scores().confidence()).isZero();
          assertThat(c.scores().articleId()).isEmpty();
        });
    assertThat(empty.decide(Inputs.message("Where is my order?").clarificationsAsked(1).build()))
        .isInstanceOfSatisfying(Decision.Handover.class, h -> assertThat(h.routingGroup()).isEmpty());
  }

  @Test
  void everySignalThatHoldsIsAReasonAndKeywordsRoute() {
    var text = "I want to talk to a human, your service is terrible and useless and I will cancel my order!!!";

    assertThat(bot.decide(Inputs.message(text).build())).isInstanceOfSatisfying(Decision.Handover.class, h -> {
      assertThat(h.reasons()).containsExactly("human_request", "cancellation", "anger");
      assertThat(h.summary().reasons()).containsExactlyInAnyOrder(HUMAN_REQUEST, CANCELLATION, ANGER);
      assertThat(h.scores().signals()).containsEntry("human_request", 1.0).containsEntry("cancellation", 1.0);
      assertThat(h.routingGroup()).isEqualTo("Billing");
    });
  }

  /**
   * The learned person-request signal beside the rules: it catches a request the rules miss, but not a question about
   * the bot nor a text that names no person, which it alone would flag (docs/quality.md, "Tenth round").
   */
  @Test
  void theLearnedPersonRequestHoldsOnlyWhereAPersonIsAskedFor() {
    var model = io.deskbridge.core.escalation.SignalModel.bundled();
    int c = io.deskbridge.core.escalation.SignalModel.index("human_request");
    var rules = new io.deskbridge.core.escalation.HumanRequestSignal(
        io.deskbridge.core.escalation.HumanRequestSignal.defaultPhrases());
    var request = "Could I be put in touch with one of your technicians?";
    var aboutTheBot = List.of("Am I chatting with a live agent right now?", "Píšu si s živým operátorem?");
    var noPerson = "Could you get back to me today, please?";
    for (var text : List.of(request, aboutTheBot.get(0), aboutTheBot.get(1), noPerson)) {
      assertThat(rules.matches(text)).as(text).isFalse();
      assertThat(model.holds(c, model.scores(text)[c])).as(text).isTrue();
    }

    assertThat(bot.decide(Inputs.message(request).build())).isInstanceOfSatisfying(Decision.Handover.class,
        h -> assertThat(h.reasons()).contains(HUMAN_REQUEST.code()));
    for (var text : List.of(aboutTheBot.get(0), aboutTheBot.get(1), noPerson)) {
      var decision = bot.decide(Inputs.message(text).build());
      if (decision instanceof Decision.Handover h) {
        assertThat(h.reasons()).as(text).doesNotContain(HUMAN_REQUEST.code());
      }
    }
  }

  @Test
  void legalRoutesBeforeComplaintAndGroupsAreConfigurable() {
    var text = "This is a formal complaint; my lawyer will contact you.";
    assertThat(bot.decide(Inputs.message(text).build())).isInstanceOfSatisfying(Decision.Handover.class, h -> {
      assertThat(h.summary().reasons()).containsExactlyInAnyOrder(COMPLAINT, LEGAL);
      assertThat(h.routingGroup()).isEqualTo("Complaints");
    });

    var config = new BotConfig(55, 1, 4, "en", null, null, Map.of("legal", "Legal", "complaint", "Care"), null, 20);
    var routed = Bot.create(kb, config, SharedModel.model());
    assertThat(((Decision.Handover) routed.decide(Inputs.message(text).build())).routingGroup()).isEqualTo("Legal");
  }

  @Test
  void languageComesFromEarlierMessagesWhenTheNewOneShowsNone() {
    var decision = bot.decide(Inputs.message("48213").earlier("Dobrý den, kde je moje objednávka?").build());

    assertThat(decision).isInstanceOfSatisfying(Decision.Clarify.class,
        c -> assertThat(c.language()).isEqualTo("cs"));
  }

  @Test
  void theBundledModelIsLoadedWithTelemetryOff() {
    assertThat(SharedModel.model()).isNotNull();
    assertThat(System.getProperty("OPT_OUT_TRACKING", System.getenv("OPT_OUT_TRACKING"))).isEqualTo("true");
  }

  @Test
  void decisionsArePureAndThreadSafe() {
    var texts = List.of("How can I reset my password? I can't log in.", "Jak dlouho trvá doručení do Brna?",
        "Hi, I have a problem with something.", "I want to talk to a real person, please.",
        "Kiedy jesteście otwarci w sobotę?", "Please cancel my order 55120 immediately.");
    var sequential = texts.stream().map(t -> bot.decide(Inputs.message(t).build())).toList();

    var parallel = IntStream.range(0, texts.size() * 4).parallel()
        .mapToObj(i -> bot.decide(Inputs.message(texts.get(i % texts.size())).build())).toList();

    for (int i = 0; i < parallel.size(); i++) {
      assertThat(parallel.get(i)).isEqualTo(sequential.get(i % texts.size()));
    }
  }

  @Test
  void onAChatTheHandoverClarifyingAndRephrasingLinesAreChatSized() {
    var empty = Bot.create(KnowledgeBase.empty(), BotConfig.defaults(), SharedModel.model());
    var retry = Bot.create(KnowledgeBase.empty(), BotConfig.defaults().withLowConfidence(BotConfig.LowConfidence.RETRY),
        SharedModel.model());
    var chat = io.deskbridge.core.conversation.Channel.CHAT;

    assertThat(empty.decide(Inputs.message("Where is my order?").on(chat).build()))
        .isInstanceOfSatisfying(Decision.Clarify.class, c -> assertThat(c.question())
            .isEqualTo("Could you tell me a bit more?"));
    assertThat(retry.decide(Inputs.message("Where is my order?").on(chat).build()))
        .isInstanceOfSatisfying(Decision.Clarify.class, c -> assertThat(c.question())
            .isEqualTo("Sorry, I didn't get that. Could you put it another way?"));
    assertThat(bot.decide(Inputs.message("I want to talk to a real person, please.").on(chat).build()))
        .isInstanceOfSatisfying(Decision.Handover.class, h -> assertThat(h.customerMessage())
            .isEqualTo("Thanks, a colleague will take over here. No need to repeat anything."));
    assertThat(bot.decide(Inputs.message("I want to talk to a real person, please.").build()))
        .as("an e-mail keeps the full sentence").isInstanceOfSatisfying(Decision.Handover.class,
            h -> assertThat(h.customerMessage()).startsWith("Thank you, I am passing your request"));
  }
}
