package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each finding of {@link KnowledgeHealth} on a small crafted knowledge base: it appears when planted and is gone once
 * the knowledge base is fixed.
 */
class KnowledgeHealthTest {

  private static Article article(String id, String locale, String title, String body, String... questions) {
    return new Article(id, locale, title, body, "", List.of(questions), "", List.of());
  }

  /** Four clearly separate topics in English, two of them also in Czech. */
  private static List<Article> healthy() {
    return new ArrayList<>(List.of(
        article("hours", "en", "Opening hours", "We are open from 8 to 18 on weekdays and closed at weekends.",
            "When are you open?", "What are your opening hours?", "Are you open on Saturday?"),
        article("returns", "en", "Returning an item", "Send the item back within 30 days with the return form.",
            "How do I return an item?", "Can I send back something I bought?", "What is your return policy?"),
        article("password", "en", "Resetting your password", "Click 'Forgot password' on the login page.",
            "I forgot my password", "How do I reset my password?", "I cannot log in to my account"),
        article("payment", "en", "Payment methods", "We accept cards, bank transfer and PayPal.",
            "Which payment methods do you accept?", "Can I pay with PayPal?", "Do you take credit cards?"),
        article("hours", "cs", "Otevírací doba", "Máme otevřeno ve všední dny od 8 do 18.",
            "Kdy máte otevřeno?", "Jaká je vaše otevírací doba?", "Máte otevřeno v sobotu?"),
        article("returns", "cs", "Vrácení zboží", "Zboží pošlete zpět do 30 dnů s formulářem.",
            "Jak vrátím zboží?", "Chci poslat zboží zpět", "Do kolika dnů lze zboží vrátit?"),
        article("password", "cs", "Obnovení hesla", "Na přihlašovací stránce klikněte na 'Zapomenuté heslo'.",
            "Zapomněl jsem heslo", "Jak obnovím heslo?", "Nemůžu se přihlásit k účtu"),
        article("payment", "cs", "Způsoby platby", "Přijímáme karty, bankovní převod a PayPal.",
            "Jaké způsoby platby přijímáte?", "Platíte přes PayPal?", "Berete platební karty?")));
  }

  private static KnowledgeHealth.Report check(List<Article> articles, int thresholdPercent) {
    var bot = Bot.create(KnowledgeBase.of(articles), BotConfig.defaults().withThresholdPercent(thresholdPercent),
        SharedModel.model());
    return KnowledgeHealth.check(bot, Set.of("en", "cs"));
  }

  private static KnowledgeHealth.Report check(List<Article> articles) {
    return check(articles, BotConfig.DEFAULT_THRESHOLD);
  }

  @Test
  void theHealthyKnowledgeBaseHasNoFinding() {
    var report = check(healthy());

    assertThat(report.articles()).isEqualTo(4);
    assertThat(report.withoutQuestions()).isEmpty();
    assertThat(report.missingLocales()).isEmpty();
    assertThat(report.nearDuplicates()).isEmpty();
    assertThat(report.confusions()).isEmpty();
    assertThat(report.coverage().questions()).isEqualTo(24);
    assertThat(report.coverage().topOneRight()).isEqualTo(24);
  }

  @Test
  void anArticleWithoutSampleQuestionsIsNamedWithItsLocale() {
    var planted = healthy();
    planted.add(article("shipping", "en", "Delivery times", "Parcels arrive within two working days."));
    planted.add(article("shipping", "cs", "Doba doručení", "Balíky doručujeme do dvou pracovních dnů.",
        "Kdy dorazí můj balík?", "Jak dlouho trvá doručení?"));

    assertThat(check(planted).withoutQuestions()).containsExactly(new KnowledgeHealth.NoQuestions("shipping", "en"));

    planted.set(planted.size() - 2, article("shipping", "en", "Delivery times", "Parcels arrive within two working "
        + "days.", "When will my parcel arrive?", "How long does delivery take?"));
    assertThat(check(planted).withoutQuestions()).isEmpty();
  }

  @Test
  void anArticleMissingInAConfiguredLanguageIsNamedWithTheLanguages() {
    var planted = healthy();
    planted.add(article("invoice", "en", "Getting an invoice", "Download the invoice from your order page.",
        "Where do I find my invoice?", "Can I get an invoice for my order?", "I need a VAT invoice"));

    var report = check(planted);
    assertThat(report.missingLocales()).containsExactly(new KnowledgeHealth.MissingLocales("invoice", List.of("cs")));

    planted.add(article("invoice", "cs", "Faktura", "Fakturu stáhnete na stránce objednávky.",
        "Kde najdu fakturu?", "Můžu dostat fakturu k objednávce?", "Potřebuji daňový doklad"));
    assertThat(check(planted).missingLocales()).isEmpty();
  }

  @Test
  void nearDuplicateQuestionsOfDifferentArticlesAreFound() {
    var planted = healthy();
    planted.add(article("account", "en", "Your account", "Manage your account under Settings.",
        "How do I reset my password?", "How do I delete my account?", "Where are my account settings?"));
    planted.add(article("account", "cs", "Váš účet", "Účet spravujete v Nastavení.",
        "Jak obnovím heslo?", "Jak smažu účet?", "Kde najdu nastavení účtu?"));

    var duplicates = check(planted).nearDuplicates();
    assertThat(duplicates).extracting(KnowledgeHealth.NearDuplicate::locale).containsExactlyInAnyOrder("en", "cs");
    assertThat(duplicates).allSatisfy(d -> {
      assertThat(Set.of(d.firstArticle(), d.secondArticle())).isEqualTo(Set.of("password", "account"));
      assertThat(d.firstQuestion()).isEqualTo(d.secondQuestion());
      assertThat(d.similarity()).isCloseTo(1.0, within(1e-3));
    });

    planted.set(planted.size() - 2, article("account", "en", "Your account", "Manage your account under Settings.",
        "How do I change my e-mail address?", "How do I delete my account?", "Where are my account settings?"));
    planted.set(planted.size() - 1, article("account", "cs", "Váš účet", "Účet spravujete v Nastavení.",
        "Jak změním e-mailovou adresu?", "Jak smažu účet?", "Kde najdu nastavení účtu?"));
    assertThat(check(planted).nearDuplicates()).isEmpty();
  }

  @Test
  void twoArticlesOnOneTopicAreTheMostConfusedPair() {
    var planted = healthy();
    planted.add(article("send-back", "en", "Sending goods back", "Pack the goods and post them to our warehouse.",
        "How can I return a product?", "I want to send back what I bought", "What are the rules for returns?"));
    planted.add(article("send-back", "cs", "Vrácení zásilky", "Zboží zabalte a pošlete do našeho skladu.",
        "Jak můžu vrátit výrobek?", "Chci poslat zpět, co jsem koupil", "Jaká jsou pravidla vracení?"));

    var report = check(planted);
    assertThat(report.confusions()).isNotEmpty();
    var worst = report.confusions().get(0);
    assertThat(Set.of(worst.firstArticle(), worst.secondArticle())).isEqualTo(Set.of("returns", "send-back"));
    assertThat(worst.confused()).isPositive().isLessThanOrEqualTo(worst.questions());
    assertThat(worst.questions()).isEqualTo(12);
    assertThat(report.coverage().topOneRight()).isEqualTo(report.coverage().questions() - report.confusions().stream()
        .mapToInt(KnowledgeHealth.Confusion::confused).sum());

    // fixed by merging the two into one article
    assertThat(check(healthy()).confusions()).isEmpty();
  }

  @Test
  void coverageIsTheShareAnsweredAtTheThreshold() {
    var lenient = check(healthy(), 5).coverage();
    var strict = check(healthy(), 99).coverage();

    assertThat(lenient.thresholdPercent()).isEqualTo(5);
    assertThat(lenient.questions()).isEqualTo(24);
    assertThat(lenient.answered()).isGreaterThan(strict.answered());
    assertThat(lenient.coverage()).isEqualTo(lenient.answered() / 24.0);
    assertThat(lenient.answeredRight()).isLessThanOrEqualTo(lenient.answered());
    assertThat(strict.precision()).isEqualTo(strict.answered() == 0 ? 1 : strict.answeredRight() / (double) strict.answered());
  }

  @Test
  void theShippedDemoKnowledgeBaseHasNoProblem() {
    var bot = SharedModel.demoBot();
    var report = KnowledgeHealth.check(bot, Set.of("en", "cs", "pl", "sk", "sl"));

    assertThat(report.withoutQuestions()).isEmpty();
    assertThat(report.missingLocales()).isEmpty();
    assertThat(report.nearDuplicates()).isEmpty();
  }
}
