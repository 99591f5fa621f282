package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.app.eval.ReplyComparison.Verdict;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the bot's answer is compared with the agent's real reply: by the article linked, else by the words. */
class ReplyComparisonTest {
  private static Article article(String id, String locale, String url, String body) {
    return new Article(id, locale, id, body, url, List.of(), "", List.of(), List.of(), "");
  }

  private final KnowledgeBase kb = KnowledgeBase.of(List.of(
      article("returns", "en", "https://acme.zendesk.com/hc/en-us/articles/360001-Returns",
          "You can return any item within 30 days of delivery for a full refund."),
      article("returns", "cs", "https://acme.zendesk.com/hc/cs/articles/360001-Vraceni", "Zboží lze vrátit do 30 dnů."),
      article("delivery", "en", "https://shop.example/help/delivery/", "Delivery takes two working days.")));
  private final ReplyComparison comparison = new ReplyComparison(kb);

  @Test
  void theSameArticleLinkedAgreesWhateverTheWordsAndTheLinksLocaleOrSlug() {
    var result = comparison.compare("returns", "You can return any item within 30 days of delivery.",
        Optional.of("Hi, here is how: link"), List.of("https://ACME.zendesk.com/hc/de/articles/360001?utm=mail#top"));

    assertThat(result.verdict()).isEqualTo(Verdict.SAME_ARTICLE);
    assertThat(result.verdict().agrees()).isTrue();
    assertThat(result.agentArticle()).isEqualTo("returns");
  }

  @Test
  void anotherArticleLinkedDisagreesEvenWithSimilarWords() {
    var result = comparison.compare("returns", "Delivery takes two working days.",
        Optional.of("Delivery takes two working days, see https://shop.example/help/delivery"),
        List.of("https://shop.example/help/delivery"));

    assertThat(result.verdict()).isEqualTo(Verdict.OTHER_ARTICLE);
    assertThat(result.verdict().disagrees()).isTrue();
    assertThat(result.agentArticle()).isEqualTo("delivery");
    assertThat(result.words()).isGreaterThan(0.5);
  }

  @Test
  void withoutAKnowledgeBaseLinkTheWordsDecide() {
    var similar = comparison.compare("returns", "You can return any item within 30 days of delivery for a full refund.",
        Optional.of("Hello Ann, you can return any item within 30 days of delivery and get a full refund. Best, Tom"),
        List.of("https://elsewhere.example/page"));
    var different = comparison.compare("returns", "You can return any item within 30 days of delivery for a full refund.",
        Optional.of("I have cancelled your order; nothing will be charged."), List.of());

    assertThat(similar.verdict()).isEqualTo(Verdict.SIMILAR_TEXT);
    assertThat(similar.words()).isGreaterThanOrEqualTo(ReplyComparison.SIMILAR_WORDS);
    assertThat(different.verdict()).isEqualTo(Verdict.DIFFERENT_TEXT);
    assertThat(different.words()).isLessThan(ReplyComparison.SIMILAR_WORDS);
    assertThat(different.agentArticle()).isEmpty();
  }

  @Test
  void noAgentReplyIsNeitherAgreementNorRisk() {
    var result = comparison.compare("returns", "text", Optional.empty(), List.of());

    assertThat(result.verdict()).isEqualTo(Verdict.NO_AGENT_REPLY);
    assertThat(result.verdict().agrees()).isFalse();
    assertThat(result.verdict().disagrees()).isFalse();
  }

  @Test
  void linksAreMatchedWithoutTrailingSlashQueryOrFragment() {
    assertThat(comparison.article("https://shop.example/help/delivery?x=1")).contains("delivery");
    assertThat(comparison.article("http://shop.example/help/delivery#costs")).contains("delivery");
    assertThat(comparison.article("https://shop.example/help/deliveries")).isEmpty();
    assertThat(comparison.article("not a url")).isEmpty();
  }
}
