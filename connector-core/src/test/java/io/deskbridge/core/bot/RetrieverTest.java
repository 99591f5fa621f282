package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrieverTest {

  private static final Retriever DEMO = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);

  @Test
  void indexesTitleEverySampleQuestionAndTheBodysSentences() {
    int expected = SharedModel.demoKb().articles().stream()
        .mapToInt(a -> 1 + a.questions().size() + Retriever.bodySentences(a).size()).sum();

    assertThat(DEMO.size()).isEqualTo(expected);
    assertThat(SharedModel.demoKb().articles()).allMatch(a -> !Retriever.bodySentences(a).isEmpty());
  }

  @Test
  void theBodyIsSplitIntoPlainSentencesWithoutRepeatsOrMarkdown() {
    var article = new Article("a", "en", "Change the address", "Change the address.\n\nYou can change it in **My "
        + "account → Orders** until it ships. If the parcel is on its way,\nuse the [carrier's link](https://x.example)"
        + " to redirect it!\n\n- Where is my order?\n- Pick-up points too\n\nThanks.", "",
        List.of("Where is my order?"), "", List.of());

    assertThat(Retriever.bodySentences(article)).containsExactly(
        "You can change it in My account → Orders until it ships.",
        "If the parcel is on its way, use the carrier's link to redirect it!", "Pick-up points too");
    var many = new Article("b", "en", "T", "One two. ".repeat(3) + "Three four. Five six. ".repeat(20), "", List.of(),
        "", List.of());
    assertThat(Retriever.bodySentences(many)).containsExactly("One two.", "Three four.", "Five six.");
    var long_ = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      long_.append("Sentence number ").append(i).append(". ");
    }
    assertThat(Retriever.bodySentences(new Article("c", "en", "T", long_.toString(), "", List.of(), "", List.of())))
        .hasSize(Retriever.BODY_SENTENCES);
  }

  @Test
  void aWordOnlyTheBodyHoldsFindsTheArticle() {
    var kb = KnowledgeBase.of(List.of(
        new Article("damaged", "pl", "Uszkodzony produkt", "Zrób zdjęcie opakowania i stłuczonego towaru.", "",
            List.of("Produkt przyszedł uszkodzony"), "", List.of()),
        new Article("delivery", "pl", "Czas dostawy", "Wysyłamy w ciągu dnia.", "", List.of("Ile trwa dostawa?"), "",
            List.of())));
    var retriever = new Retriever(kb, SharedModel.model(), null);

    assertThat(search(retriever, "kubek jest stłuczony", 2).get(0).articleId()).isEqualTo("damaged");
  }

  @Test
  void ranksArticlesOnceEachWithTheBestMatchingLocale() {
    var hits = search(DEMO, "Gdzie znajdę fakturę VAT?", 3);

    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).articleId()).isEqualTo("invoices");
    assertThat(hits.get(0).locale()).isEqualTo("pl");
    assertThat(hits).extracting(Retriever.Hit::articleId).doesNotHaveDuplicates();
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isGreaterThanOrEqualTo(hits.get(2).score());
  }

  @Test
  void inflectedCzechMeetsTheArticle() {
    assertThat(search(DEMO, "Potřebuji fakturu na firmu.", 1).get(0).articleId()).isEqualTo("invoices");
    assertThat(search(DEMO, "Kdy mi vrátíte peníze za vrácené boty?", 1).get(0).articleId()).isEqualTo("returns");
  }

  @Test
  void leavingTextsOutRemovesThemFromBothHalves() {
    var kb = KnowledgeBase.of(List.of(
        new Article("a", "en", "Reset your password", "Click the link.", "", List.of("I forgot my password"), "",
            List.of()),
        new Article("b", "en", "Opening hours", "Mon to Fri.", "", List.of("When are you open"), "", List.of())));
    var retriever = new Retriever(kb, SharedModel.model(), null);
    var skip = new boolean[retriever.size()];
    retriever.markArticle(0, skip);

    var hits = retriever.search("I forgot my password", retriever.vector(1), 2, skip);

    assertThat(hits).extracting(Retriever.Hit::articleId).containsExactly("b");
    assertThat(hits.get(0).lexical()).isZero();
  }

  @Test
  void theCentroidCosineIsTakenToTheArticlesMeanWithoutTheTextsLeftOut() {
    var kb = KnowledgeBase.of(List.of(
        new Article("a", "en", "Reset your password", "Link.", "",
            List.of("I forgot my password", "How do I change my login"), "", List.of()),
        new Article("b", "en", "Opening hours", "Weekdays.", "", List.of("When are you open"), "", List.of())));
    var retriever = new Retriever(kb, SharedModel.model(), null);
    var message = retriever.vector(1);

    var all = retriever.search("I forgot my password", message, 1).get(0);
    var skip = new boolean[retriever.size()];
    skip[1] = true;
    var without = retriever.search("I forgot my password", message, 1, skip).get(0);

    assertThat(all.articleId()).isEqualTo(without.articleId()).isEqualTo("a");
    assertThat(all.centroid()).isCloseTo(cosine(message, mean(retriever, 0, 1, 2)), within(1e-4));
    assertThat(without.centroid()).isCloseTo(cosine(message, mean(retriever, 0, 2)), within(1e-4))
        .isLessThan(all.centroid());
    double spread = (cosine(retriever.vector(0), mean(retriever, 0, 1, 2))
        + cosine(retriever.vector(1), mean(retriever, 0, 1, 2)) + cosine(retriever.vector(2), mean(retriever, 0, 1, 2))) / 3;
    assertThat(all.spread()).isCloseTo(spread, within(1e-4)).isEqualTo(without.spread());
  }

  private static float[] mean(Retriever retriever, int... texts) {
    var sum = new float[retriever.vector(0).length];
    for (int t : texts) {
      var v = retriever.vector(t);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += v[d];
      }
    }
    return sum;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
      na += a[d] * a[d];
      nb += b[d] * b[d];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void theVoteFavoursTheArticleWithMoreCloseNeighbours() {
    var hits = search(DEMO, "I forgot my password and cannot log in", 2);

    assertThat(hits.get(0).vote()).isGreaterThan(hits.get(1).vote());
    assertThat(hits.stream().mapToDouble(Retriever.Hit::vote).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
  }

  @Test
  void blankTextOrEmptyIndexFindNothing() {
    assertThat(search(DEMO, "  ", 5)).isEmpty();
    assertThat(new Retriever(KnowledgeBase.empty(), SharedModel.model(), null).search("password", new float[384], 5)).isEmpty();
  }

  @Test
  void worksWithArticlesWithoutQuestions() {
    var kb = KnowledgeBase.of(List.of(
        new Article("a", "en", "Reset your password", "Click the link.", "", List.of(), "", List.of()),
        new Article("b", "en", "Opening hours", "Mon to Fri.", "", List.of(), "", List.of())));

    assertThat(new Retriever(kb, SharedModel.model(), null).search("forgot my password", SharedModel.model().embed("forgot my password").content().vector(), 2))
        .extracting(Retriever.Hit::articleId).containsExactly("a", "b");
  }

  @Test
  void withManyArticlesOnlyTheClosestAndTheLexicallyMatchedAreScannedAndTheBestStillWins() {
    var articles = new java.util.ArrayList<Article>();
    var topics = List.of("password", "invoice", "delivery", "refund", "opening hours", "address change", "gift card",
        "warranty", "discount code", "newsletter", "account deletion", "payment failed", "order status",
        "size guide", "store locations", "shipping costs", "returns label", "damaged item", "loyalty points",
        "price match", "pre-order", "backorder", "careers", "press", "privacy policy", "cookie settings",
        "two-factor login", "email change", "phone number", "invoice address", "bulk order", "gift wrapping",
        "student discount", "repair service", "trade-in");
    for (int i = 0; i < topics.size(); i++) {
      articles.add(new Article("t" + i, "en", "About " + topics.get(i), "Body.", "",
          List.of("I have a question about " + topics.get(i), "Help with " + topics.get(i)), "", List.of()));
    }
    var retriever = new Retriever(KnowledgeBase.of(articles), SharedModel.model(), null);

    assertThat(topics.size()).isGreaterThan(Retriever.CANDIDATE_GROUPS);
    assertThat(search(retriever, "how do I use my discount code", 3).get(0).articleId()).isEqualTo("t8");
    assertThat(search(retriever, "trade-in of my old phone", 3).get(0).articleId()).isEqualTo("t34");
    assertThat(search(retriever, "trade-in of my old phone", 40)).hasSizeLessThan(topics.size());
  }

  private static List<Retriever.Hit> search(Retriever retriever, String text, int k) {
    return retriever.search(text, text.isBlank() ? new float[384] : retriever.embed(text), k);
  }
}
