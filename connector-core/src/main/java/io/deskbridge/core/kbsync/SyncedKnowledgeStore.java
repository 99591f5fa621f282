package io.deskbridge.core.kbsync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where synced articles and each installation's sync cursor are kept (the store's {@code kb_article} and
 * {@code kb_sync}). Thread-safe; every method is one transaction.
 */
public interface SyncedKnowledgeStore {

  /**
   * Where an installation's sync stands.
   *
   * @param cursor   where the next incremental sync starts; empty before the first completed page
   * @param scope    the {@link KnowledgeSyncConfig#scope() scope} the cursor belongs to
   * @param revision grows with every change to the installation's articles
   */
  record State(Optional<String> cursor, String scope, long revision) {}

  /** The installation's state; a fresh one (no cursor, empty scope, revision 0) before its first sync. */
  State state(String installation);

  /** The content hashes of the installation's stored articles: source id to language to hash. */
  Map<String, Map<String, String>> hashes(String installation);

  /**
   * Applies one page atomically: writes {@code upserts} (replacing the same source id and language), deletes
   * {@code removals} (source id and language), saves the cursor and scope, and raises the revision when anything
   * was written or deleted.
   */
  void apply(String installation, Collection<SyncedArticle> upserts, Collection<Key> removals, String cursor,
      String scope, Instant now);

  /** Every installation's synced articles, in installation, source id and language order. */
  List<SyncedArticle> articles();

  /** The sum of every installation's revision: changes whenever any synced article does. */
  long revision();

  /** A stored article's identity within its installation. */
  record Key(String sourceId, String locale) {}
}
