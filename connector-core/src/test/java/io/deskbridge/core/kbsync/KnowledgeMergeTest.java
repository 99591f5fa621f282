package io.deskbridge.core.kbsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.kbsync.KnowledgeMerge.Outcome;
import io.deskbridge.core.spi.KnowledgeSource.SourceArticle;
import io.deskbridge.core.spi.KnowledgeSource.Status;
import io.deskbridge.core.spi.KnowledgeSource.Translation;
import io.deskbridge.core.spi.KnowledgeSource.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeMergeTest {
  private static final KnowledgeSyncConfig ALL = new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of(),
      List.of());
  private static final Translation EN = new Translation("en-us", "How do I return goods?",
      "<p>Within 30 days.</p>", "https://hc/en-us/1", false);
  private static final Translation CS = new Translation("cs", "Jak vrátit zboží?", "<p>Do 30 dnů.</p>",
      "https://hc/cs/1", false);

  private static SourceArticle article(Status status, Visibility visibility, List<String> labels,
      Translation... translations) {
    return new SourceArticle("1", status, visibility, labels, List.of("77", "Returns"), Instant.EPOCH,
        List.of(translations));
  }

  @Test
  void aNewPublishedPublicArticleIsAddedInEachLanguage() {
    var change = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN, CS),
        Map.of(), ALL);
    assertThat(change.outcome()).isEqualTo(Outcome.ADDED);
    assertThat(change.upserts()).extracting(SyncedArticle::locale).containsExactly("en", "cs");
    var en = change.upserts().get(0);
    assertThat(en.articleId()).isEqualTo("acme:1");
    assertThat(en.body()).isEqualTo("Within 30 days.");
    assertThat(en.article().title()).isEqualTo("How do I return goods?");
  }

  @Test
  void anUnchangedArticleWritesNothingAndAChangedLanguageIsRewritten() {
    var first = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN, CS),
        Map.of(), ALL);
    var stored = new HashMap<String, String>();
    first.upserts().forEach(a -> stored.put(a.locale(), a.hash()));
    var again = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN, CS),
        stored, ALL);
    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.upserts()).isEmpty();
    assertThat(again.removals()).isEmpty();

    var edited = new Translation("cs", "Jak vrátit zboží?", "<p>Do 14 dnů.</p>", "https://hc/cs/1", false);
    var changed = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN, edited),
        stored, ALL);
    assertThat(changed.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(changed.upserts()).extracting(SyncedArticle::locale).containsExactly("cs");
  }

  @Test
  void archivedDeletedDraftAndInternalArticlesRemoveEveryStoredLanguage() {
    var stored = Map.of("en", "h1", "cs", "h2");
    for (var status : List.of(Status.ARCHIVED, Status.DELETED, Status.DRAFT)) {
      var change = KnowledgeMerge.merge("acme", article(status, Visibility.PUBLIC, List.of(), EN, CS), stored, ALL);
      assertThat(change.outcome()).as(status.name()).isEqualTo(Outcome.REMOVED);
      assertThat(change.upserts()).isEmpty();
      assertThat(change.removals()).extracting(SyncedKnowledgeStore.Key::locale).containsExactlyInAnyOrder("en", "cs");
    }
    var internal = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.INTERNAL, List.of(), EN, CS),
        stored, ALL);
    assertThat(internal.outcome()).isEqualTo(Outcome.REMOVED);
    var neverStored = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.INTERNAL, List.of(), EN),
        Map.of(), ALL);
    assertThat(neverStored.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(neverStored.upserts()).isEmpty();
  }

  @Test
  void aDraftTranslationIsDroppedAndTheOthersStay() {
    var draftCs = new Translation("cs", "Jak vrátit zboží?", "<p>Do 30 dnů.</p>", "", true);
    var change = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN, draftCs),
        Map.of("en", "old", "cs", "old"), ALL);
    assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(change.upserts()).extracting(SyncedArticle::locale).containsExactly("en");
    assertThat(change.removals()).containsExactly(new SyncedKnowledgeStore.Key("1", "cs"));
  }

  @Test
  void labelsAndSectionsFilterByAnyOneCaseInsensitive() {
    var faq = new KnowledgeSyncConfig(Duration.ofHours(1), List.of("FAQ", "bot"), List.of(), List.of());
    assertThat(KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of("faq"), EN),
        Map.of(), faq).outcome()).isEqualTo(Outcome.ADDED);
    assertThat(KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of("internal"), EN),
        Map.of("en", "h"), faq).outcome()).isEqualTo(Outcome.REMOVED);
    var returns = new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of("returns"), List.of());
    var byId = new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of("77"), List.of());
    var other = new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of("Billing"), List.of());
    assertThat(KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN), Map.of(),
        returns).outcome()).isEqualTo(Outcome.ADDED);
    assertThat(KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN), Map.of(),
        byId).outcome()).isEqualTo(Outcome.ADDED);
    assertThat(KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN), Map.of(),
        other).outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void localesBecomeLanguagesFirstWinsAndEmptyBodiesOrOddLocalesAreSkipped() {
    var gb = new Translation("en-GB", "Returns (UK)", "<p>UK text</p>", "", false);
    var odd = new Translation("x-klingon", "Title", "<p>text</p>", "", false);
    var empty = new Translation("de", "Rückgabe", "<p> </p>", "", false);
    var change = KnowledgeMerge.merge("acme", article(Status.PUBLISHED, Visibility.PUBLIC, List.of(), EN, gb, odd,
        empty), Map.of(), ALL);
    assertThat(change.upserts()).extracting(SyncedArticle::locale).containsExactly("en");
    assertThat(change.upserts().get(0).body()).isEqualTo("Within 30 days.");
    assertThat(KnowledgeMerge.language("pt_BR")).isEqualTo("pt");
  }

  @Test
  void configurationMistakesAreOneLine() {
    assertThatThrownBy(() -> new KnowledgeSyncConfig(Duration.ofSeconds(10), List.of(), List.of(), List.of()))
        .hasMessage("every must be between 1m and 7d, e.g. 1h");
    assertThatThrownBy(() -> new KnowledgeSyncConfig(Duration.ofHours(1), List.of(" "), List.of(), List.of()))
        .hasMessage("labels must not contain an empty entry");
    assertThatThrownBy(() -> new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of(), List.of("Answer c")))
        .hasMessage("bodyFields: 'Answer c' is not a field's API name; write names such as Answer__c");
  }
}
