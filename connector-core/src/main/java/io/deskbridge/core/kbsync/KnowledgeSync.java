package io.deskbridge.core.kbsync;

import io.deskbridge.core.spi.KnowledgeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of an installation's help center into the store: reads the source's pages from the stored cursor,
 * merges each article by {@link KnowledgeMerge}'s rules and stores each page's changes with the page's cursor in one
 * transaction (a crash repeats at most one page, and repeating one changes nothing). The first sync, and the first
 * after the installation's labels, sections or body fields changed, starts from the beginning and afterwards removes
 * the stored articles it did not see; a source that lists its live ids ({@link KnowledgeSource#liveIds}) has the
 * articles it no longer has removed after every sync. Not thread-safe for one installation: one sync at a time.
 */
public final class KnowledgeSync {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSync.class);
  /** A source that keeps answering "more" without moving its cursor is stopped after this many such pages. */
  private static final int MAX_STUCK_PAGES = 3;

  private final SyncedKnowledgeStore store;
  private final Clock clock;

  public KnowledgeSync(SyncedKnowledgeStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a sync did, counting articles (all languages of one article count once).
   *
   * @param added     articles the bot did not have and now has
   * @param updated   articles it had and now has changed (a language added, changed or removed)
   * @param removed   articles it had and no longer has (archived, deleted, unpublished, made internal, out of scope)
   * @param read      articles the source returned
   * @param pages     pages read
   * @param full      whether this sync started from the beginning
   */
  public record Result(int added, int updated, int removed, int read, int pages, boolean full) {
    /** Whether the bot's knowledge changed. */
    public boolean changed() {
      return added + updated + removed > 0;
    }

    @Override
    public String toString() {
      return "added " + added + ", updated " + updated + ", removed " + removed + " (" + read + " read in " + pages
          + " page(s)" + (full ? ", full sync" : "") + ")";
    }
  }

  /** Told after every page: the counts so far. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = r -> {};

    void page(Result soFar);
  }

  /** Syncs {@code installation} from {@code source}. Exceptions from the source propagate; stored pages stay. */
  public Result run(String installation, KnowledgeSource source, KnowledgeSyncConfig config, Progress progress) {
    var state = store.state(installation);
    boolean full = state.cursor().isEmpty() || !state.scope().equals(config.scope());
    Optional<String> cursor = full ? Optional.empty() : state.cursor();
    Map<String, Map<String, String>> hashes = new HashMap<>(store.hashes(installation));
    Set<String> before = new HashSet<>(hashes.keySet());
    Set<String> touched = new HashSet<>();
    Set<String> seen = new HashSet<>();
    int read = 0;
    int pages = 0;
    int stuck = 0;
    String lastCursor = cursor.orElse("");
    while (true) {
      var page = source.changes(cursor, config.filter());
      pages++;
      var upserts = new ArrayList<SyncedArticle>();
      var removals = new ArrayList<SyncedKnowledgeStore.Key>();
      for (var article : page.articles()) {
        read++;
        seen.add(article.id());
        var change = KnowledgeMerge.merge(installation, article, hashes.getOrDefault(article.id(), Map.of()),
            config);
        if (change.outcome() != KnowledgeMerge.Outcome.UNCHANGED) {
          touched.add(article.id());
        }
        apply(hashes, article.id(), change.upserts(), change.removals());
        upserts.addAll(change.upserts());
        removals.addAll(change.removals());
      }
      store.apply(installation, upserts, removals, page.cursor(), config.scope(), clock.instant());
      progress.page(count(before, hashes, touched, read, pages, full));
      stuck = page.cursor().equals(lastCursor) && page.articles().isEmpty() ? stuck + 1 : 0;
      lastCursor = page.cursor();
      cursor = Optional.of(page.cursor());
      if (!page.more()) {
        break;
      }
      if (stuck >= MAX_STUCK_PAGES) {
        log.warn("knowledge sync of {}: the source says more pages follow but its cursor stays at {}; stopping",
            installation, page.cursor());
        break;
      }
    }
    Set<String> gone = new HashSet<>();
    if (full) {
      hashes.keySet().stream().filter(id -> !seen.contains(id)).forEach(gone::add);
    }
    source.liveIds(config.filter()).ifPresent(live ->
        hashes.keySet().stream().filter(id -> !live.contains(id)).forEach(gone::add));
    if (!gone.isEmpty()) {
      var removals = new ArrayList<SyncedKnowledgeStore.Key>();
      for (var id : gone) {
        hashes.get(id).keySet().forEach(l -> removals.add(new SyncedKnowledgeStore.Key(id, l)));
        hashes.remove(id);
        touched.add(id);
      }
      store.apply(installation, List.of(), removals, lastCursor, config.scope(), clock.instant());
    }
    var result = count(before, hashes, touched, read, pages, full);
    progress.page(result);
    log.info("knowledge sync of {}: {}", installation, result);
    return result;
  }

  private static void apply(Map<String, Map<String, String>> hashes, String id, List<SyncedArticle> upserts,
      List<SyncedKnowledgeStore.Key> removals) {
    if (upserts.isEmpty() && removals.isEmpty()) {
      return;
    }
    var languages = new HashMap<>(hashes.getOrDefault(id, Map.of()));
    upserts.forEach(a -> languages.put(a.locale(), a.hash()));
    removals.forEach(k -> languages.remove(k.locale()));
    if (languages.isEmpty()) {
      hashes.remove(id);
    } else {
      hashes.put(id, languages);
    }
  }

  private static Result count(Set<String> before, Map<String, Map<String, String>> now, Set<String> touched, int read,
      int pages, boolean full) {
    int added = 0;
    int updated = 0;
    int removed = 0;
    for (var id : touched) {
      boolean was = before.contains(id);
      boolean is = now.containsKey(id);
      if (!was && is) {
        added++;
      } else if (was && is) {
        updated++;
      } else if (was) {
        removed++;
      }
    }
    return new Result(added, updated, removed, read, pages, full);
  }
}
