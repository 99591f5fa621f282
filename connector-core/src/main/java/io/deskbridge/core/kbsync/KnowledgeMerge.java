package io.deskbridge.core.kbsync;

import io.deskbridge.core.spi.KnowledgeSource.SourceArticle;
import io.deskbridge.core.spi.KnowledgeSource.Status;
import io.deskbridge.core.spi.KnowledgeSource.Visibility;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The merge rules: what one changed article from the helpdesk does to what is stored.
 *
 * <ul>
 *   <li>An article is used only when it is {@link Status#PUBLISHED published}, {@link Visibility#PUBLIC public} and
 *       within the installation's labels (any one) and sections (any one; id or name). Otherwise every stored
 *       language of it is removed: an archived, deleted, unpublished or internal-only article stops answering at the
 *       next sync.
 *   <li>Each translation that is not a draft and has a title and a body becomes one language: the part of the
 *       vendor's locale before {@code -} or {@code _} ({@code en-us} is {@code en}); the first translation of a
 *       language wins; locales that are not an ISO 639-1 code are skipped.
 *   <li>A stored language the article no longer has is removed; one whose title, text, URL and labels hash the same
 *       is left alone (so the embedding cache is not even asked).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class KnowledgeMerge {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private KnowledgeMerge() {}

  /**
   * What one article changes.
   *
   * @param upserts   the languages to write (new or changed)
   * @param removals  the stored languages to delete
   * @param outcome   for counting: the article was added, updated, removed or is unchanged
   */
  public record Change(List<SyncedArticle> upserts, List<SyncedKnowledgeStore.Key> removals, Outcome outcome) {}

  /** What happened to an article as a whole. */
  public enum Outcome { ADDED, UPDATED, REMOVED, UNCHANGED }

  /**
   * @param stored the installation's stored languages of this article: language to content hash; empty when none
   */
  public static Change merge(String installation, SourceArticle article, Map<String, String> stored,
      KnowledgeSyncConfig config) {
    var wanted = new LinkedHashMap<String, SyncedArticle>();
    if (usable(article, config)) {
      for (var t : article.translations()) {
        String language = language(t.locale());
        if (t.draft() || language == null || wanted.containsKey(language) || t.title().isBlank()) {
          continue;
        }
        String body = ArticleHtml.toText(t.html(), t.url());
        if (body.isBlank()) {
          continue;
        }
        String title = t.title().strip();
        wanted.put(language, new SyncedArticle(installation, article.id(), language, title, body, t.url().strip(),
            article.labels(), hash(title, body, t.url().strip(), article.labels())));
      }
    }
    var upserts = new ArrayList<SyncedArticle>();
    wanted.values().forEach(a -> {
      if (!a.hash().equals(stored.get(a.locale()))) {
        upserts.add(a);
      }
    });
    var removals = new ArrayList<SyncedKnowledgeStore.Key>();
    stored.keySet().stream().filter(l -> !wanted.containsKey(l))
        .forEach(l -> removals.add(new SyncedKnowledgeStore.Key(article.id(), l)));
    Outcome outcome;
    if (stored.isEmpty()) {
      outcome = wanted.isEmpty() ? Outcome.UNCHANGED : Outcome.ADDED;
    } else if (wanted.isEmpty()) {
      outcome = Outcome.REMOVED;
    } else {
      outcome = upserts.isEmpty() && removals.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
    }
    return new Change(upserts, removals, outcome);
  }

  /** Published, public, and within the configured labels and sections. */
  static boolean usable(SourceArticle a, KnowledgeSyncConfig config) {
    if (a.status() != Status.PUBLISHED || a.visibility() != Visibility.PUBLIC) {
      return false;
    }
    if (!config.labels().isEmpty()
        && a.labels().stream().noneMatch(l -> config.labels().stream().anyMatch(w -> w.equalsIgnoreCase(l)))) {
      return false;
    }
    return config.sections().isEmpty()
        || a.sections().stream().anyMatch(s -> config.sections().stream().anyMatch(w -> w.equalsIgnoreCase(s)));
  }

  /** {@code en-us} → {@code en}; null when the locale has no ISO 639-1 language. */
  static String language(String locale) {
    String l = locale.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return LANGUAGE.matcher(l).matches() ? l : null;
  }

  private static String hash(String title, String body, String url, List<String> labels) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var part : List.of(title, body, url, String.join("\u0001", labels))) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
