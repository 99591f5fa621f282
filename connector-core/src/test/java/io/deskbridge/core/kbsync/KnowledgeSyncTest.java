package io.deskbridge.core.kbsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.spi.KnowledgeSource;
import io.deskbridge.core.spi.KnowledgeSource.SourceArticle;
import io.deskbridge.core.spi.KnowledgeSource.Status;
import io.deskbridge.core.spi.KnowledgeSource.Translation;
import io.deskbridge.core.spi.KnowledgeSource.Visibility;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sync against the real store (H2) and a scripted source with paging by a counter cursor. */
class KnowledgeSyncTest {
  private static final KnowledgeSyncConfig ALL = new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of(),
      List.of());
  private final JdbcStore store = JdbcStore.open(StoreConfig.h2Memory("kbsync-" + System.nanoTime()));
  private final KnowledgeSync sync = new KnowledgeSync(store.syncedKnowledge(),
      Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
  private final Source source = new Source();

  @AfterEach
  void close() {
    store.close();
  }

  /** An export in change order; the cursor is the number of changes read; pages of two. */
  static final class Source implements KnowledgeSource {
    final List<SourceArticle> changes = new ArrayList<>();
    final Map<String, SourceArticle> live = new LinkedHashMap<>();
    boolean listsLiveIds;
    int calls;

    void change(SourceArticle a) {
      changes.add(a);
      live.put(a.id(), a);
    }

    @Override
    public Page changes(Optional<String> cursor, Filter filter) {
      calls++;
      int from = cursor.map(Integer::parseInt).orElse(0);
      int to = Math.min(changes.size(), from + 2);
      return new Page(changes.subList(from, to), Integer.toString(to), to < changes.size());
    }

    @Override
    public Optional<Set<String>> liveIds(Filter filter) {
      return listsLiveIds ? Optional.of(live.keySet()) : Optional.empty();
    }
  }

  private static SourceArticle article(String id, Status status, Visibility visibility, String body) {
    return new SourceArticle(id, status, visibility, List.of(), List.of(), Instant.EPOCH,
        List.of(new Translation("en-us", "Question " + id, "<p>" + body + "</p>", "https://hc/" + id, false)));
  }

  private List<String> stored() {
    return store.syncedKnowledge().articles().stream().map(a -> a.articleId() + "=" + a.body()).toList();
  }

  @Test
  void pagesAreMergedTheCursorKeptAndAnUnchangedSyncChangesNothing() {
    for (int i = 1; i <= 5; i++) {
      source.change(article(String.valueOf(i), Status.PUBLISHED, Visibility.PUBLIC, "answer " + i));
    }
    var pages = new ArrayList<KnowledgeSync.Result>();
    var first = sync.run("acme", source, ALL, pages::add);
    assertThat(first).extracting(KnowledgeSync.Result::added, KnowledgeSync.Result::read, KnowledgeSync.Result::pages,
        KnowledgeSync.Result::full).containsExactly(5, 5, 3, true);
    assertThat(pages).extracting(KnowledgeSync.Result::read).containsExactly(2, 4, 5, 5);
    assertThat(stored()).hasSize(5).contains("acme:3=answer 3");
    long revision = store.syncedKnowledge().revision();

    var again = sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    assertThat(again.changed()).isFalse();
    assertThat(again.full()).isFalse();
    assertThat(again.read()).isZero();
    assertThat(store.syncedKnowledge().revision()).isEqualTo(revision);
  }

  @Test
  void changedArchivedAndInternalArticlesAreUpdatedAndRemovedAtTheNextSync() {
    for (int i = 1; i <= 4; i++) {
      source.change(article(String.valueOf(i), Status.PUBLISHED, Visibility.PUBLIC, "answer " + i));
    }
    sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    source.change(article("1", Status.PUBLISHED, Visibility.PUBLIC, "answer 1, revised"));
    source.change(article("2", Status.ARCHIVED, Visibility.PUBLIC, "answer 2"));
    source.change(article("3", Status.PUBLISHED, Visibility.INTERNAL, "answer 3"));
    source.change(article("9", Status.PUBLISHED, Visibility.INTERNAL, "agents only"));
    var result = sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    assertThat(result).extracting(KnowledgeSync.Result::added, KnowledgeSync.Result::updated,
        KnowledgeSync.Result::removed).containsExactly(0, 1, 2);
    assertThat(stored()).containsExactly("acme:1=answer 1, revised", "acme:4=answer 4");
  }

  @Test
  void aSourceListingItsLiveIdsHasVanishedArticlesRemoved() {
    source.listsLiveIds = true;
    source.change(article("1", Status.PUBLISHED, Visibility.PUBLIC, "one"));
    source.change(article("2", Status.PUBLISHED, Visibility.PUBLIC, "two"));
    sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    source.live.remove("2"); // archived: the export no longer mentions it
    var result = sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    assertThat(result.removed()).isEqualTo(1);
    assertThat(stored()).containsExactly("acme:1=one");
  }

  @Test
  void aChangedScopeStartsOverAndDropsWhatItNoLongerCovers() {
    source.change(new SourceArticle("1", Status.PUBLISHED, Visibility.PUBLIC, List.of("faq"), List.of(),
        Instant.EPOCH, List.of(new Translation("en", "Q1", "one", "", false))));
    source.change(new SourceArticle("2", Status.PUBLISHED, Visibility.PUBLIC, List.of("howto"), List.of(),
        Instant.EPOCH, List.of(new Translation("en", "Q2", "two", "", false))));
    sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    var faqOnly = new KnowledgeSyncConfig(Duration.ofHours(1), List.of("faq"), List.of(), List.of());
    var result = sync.run("acme", source, faqOnly, KnowledgeSync.Progress.NONE);
    assertThat(result.full()).isTrue();
    assertThat(result.removed()).isEqualTo(1);
    assertThat(stored()).containsExactly("acme:1=one");
  }

  @Test
  void installationsAreKeptApart() {
    source.change(article("1", Status.PUBLISHED, Visibility.PUBLIC, "one"));
    sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    sync.run("globex", source, ALL, KnowledgeSync.Progress.NONE);
    source.change(article("1", Status.DELETED, Visibility.PUBLIC, "one"));
    sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    assertThat(stored()).containsExactly("globex:1=one");
  }

  @Test
  void aFailedPageKeepsWhatWasStoredBeforeIt() {
    for (int i = 1; i <= 4; i++) {
      source.change(article(String.valueOf(i), Status.PUBLISHED, Visibility.PUBLIC, "answer " + i));
    }
    KnowledgeSource failing = new KnowledgeSource() {
      @Override
      public Page changes(Optional<String> cursor, Filter filter) {
        if (cursor.isPresent()) {
          throw new IllegalStateException("503 from the vendor");
        }
        return source.changes(cursor, filter);
      }
    };
    assertThatThrownBy(() -> sync.run("acme", failing, ALL, KnowledgeSync.Progress.NONE))
        .hasMessageContaining("503");
    assertThat(stored()).hasSize(2);
    var resumed = sync.run("acme", source, ALL, KnowledgeSync.Progress.NONE);
    assertThat(resumed.full()).isFalse();
    assertThat(resumed.added()).isEqualTo(2);
    assertThat(stored()).hasSize(4);
  }

  @Test
  void theSettingIsReadWithItsPathInErrors() {
    var knowledge = Settings.of("installations[acme].knowledge", Map.of("sync", Map.of("every", "30m",
        "labels", List.of("faq"))));
    assertThat(KnowledgeSyncConfig.from(knowledge)).hasValueSatisfying(c -> {
      assertThat(c.every()).isEqualTo(Duration.ofMinutes(30));
      assertThat(c.labels()).containsExactly("faq");
    });
    assertThat(KnowledgeSyncConfig.from(Settings.of("installations[acme].knowledge", Map.of()))).isEmpty();
    assertThatThrownBy(() -> KnowledgeSyncConfig.from(Settings.of("installations[acme].knowledge",
        Map.of("sync", Map.of("every", "10s"))))).isInstanceOf(ConfigException.class)
        .hasMessage("installations[acme].knowledge.sync.every must be between 1m and 7d, e.g. 1h");
  }
}
