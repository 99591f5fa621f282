package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrieverTest {

  private static final Retriever DEMO = new Retriever(SharedModel.demoKb(), SharedModel.model());

  @Test
  void indexesTitleAndEverySampleQuestion() {
    int expected = SharedModel.demoKb().articles().stream().mapToInt(a -> 1 + a.questions().size()).sum();

    assertThat(DEMO.size()).isEqualTo(expected);
  }

  @Test
  void ranksArticlesOnceEachWithTheBestMatchingLocale() {
    var hits = DEMO.search("Gdzie znajdę fakturę VAT?", 3);

    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).articleId()).isEqualTo("invoices");
    assertThat(hits.get(0).locale()).isEqualTo("pl");
    assertThat(hits).extracting(Retriever.Hit::articleId).doesNotHaveDuplicates();
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isGreaterThanOrEqualTo(hits.get(2).score());
  }

  @Test
  void inflectedCzechMeetsTheArticleThroughTrigrams() {
    assertThat(DEMO.search("Potřebuji fakturu na firmu.", 1).get(0).articleId()).isEqualTo("invoices");
    assertThat(DEMO.search("Kdy mi vrátíte peníze za vrácené boty?", 1).get(0).articleId()).isEqualTo("returns");
  }

  @Test
  void trigramsSkipFrequentAndShortWordsAndFoldAccents() {
    assertThat(Retriever.trigrams("the problem is my Fakturu")).containsOnlyKeys(" fa", "fak", "akt", "ktu", "tur",
        "uru", "ru ");
    assertThat(Retriever.trigrams("Jak se máte?")).isEmpty();
  }

  @Test
  void blankTextOrEmptyIndexFindNothing() {
    assertThat(DEMO.search("  ", 5)).isEmpty();
    assertThat(new Retriever(KnowledgeBase.empty(), SharedModel.model()).search("password", 5)).isEmpty();
  }

  @Test
  void worksWithArticlesWithoutQuestions() {
    var kb = KnowledgeBase.of(List.of(
        new Article("a", "en", "Reset your password", "Click the link.", "", List.of(), "", List.of()),
        new Article("b", "en", "Opening hours", "Mon to Fri.", "", List.of(), "", List.of())));

    assertThat(new Retriever(kb, SharedModel.model()).search("forgot my password", 2))
        .extracting(Retriever.Hit::articleId).containsExactly("a", "b");
  }
}
