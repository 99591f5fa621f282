package io.deskbridge.zendesk.internal.knowledge;

import io.deskbridge.core.spi.KnowledgeSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.hc.Article;

/**
 * Zendesk Help Center articles through zendesk-java-client:
 *
 * <ul>
 *   <li>{@link #changes}: the incremental article export ({@code GET /api/v2/help_center/incremental/articles.json
 *       ?start_time=}, agent or admin only), at most {@value #PAGE} articles a page (the export's own page size, so
 *       one page is one request). The cursor is the epoch second of the last article's {@code updated_at} and the
 *       ids read in it ({@link Cursor}); the next export starts at that second (inclusive, so nothing changed in it
 *       later is missed) and skips the ids already read. For every public article its translations ({@code GET /api/v2/help_center/articles/
 *       {id}/translations.json}), each with its own draft flag.
 *   <li>An article with a {@code user_segment_id} is visible only to a user segment (signed-in users, agents), so it
 *       is {@link KnowledgeSource.Visibility#INTERNAL internal} and never answers customers; its translations are not
 *       read.
 *   <li>The export leaves archived articles out, so {@link #liveIds} lists the Help Center's articles ({@code GET
 *       /api/v2/help_center/articles.json}, which has no archived ones) and core removes the rest.
 *   <li>Sections are reported by id and, when the installation filters by a section name, by name too ({@code GET
 *       /api/v2/help_center/sections.json}, once per page).
 * </ul>
 *
 * SDK exceptions propagate (the connector's error mapper maps them). Thread-safe: no state besides the client.
 */
public final class ZendeskKnowledgeSource implements KnowledgeSource {
  static final int PAGE = 1000;

  private final Zendesk zendesk;
  private final Clock clock;

  /** {@code clock} tells whether the last second read is over (see {@link Cursor}). */
  public ZendeskKnowledgeSource(Zendesk zendesk, Clock clock) {
    this.zendesk = zendesk;
    this.clock = clock;
  }

  @Override
  public Page changes(Optional<String> cursor, Filter filter) {
    var from = Cursor.parse(cursor.orElse(""));
    Map<Long, String> sectionNames = filter.sections().stream().anyMatch(s -> !s.chars().allMatch(Character::isDigit))
        ? sectionNames() : Map.of();
    var out = new ArrayList<SourceArticle>();
    long last = from.second();
    Set<String> atLast = new HashSet<>(from.ids());
    int consumed = 0;
    for (Article a : zendesk.getArticlesIncrementally(new Date(from.second() * 1000))) {
      consumed++;
      long second = a.getUpdatedAt() == null ? 0 : a.getUpdatedAt().getTime() / 1000;
      String id = String.valueOf(a.getId());
      boolean seen = second == from.second() && from.ids().contains(id);
      if (!seen) { // read in the previous export's last second: unchanged since, no translations call
        out.add(article(a, sectionNames));
      }
      if (second > last) {
        last = second;
        atLast.clear();
      }
      if (second == last) {
        atLast.add(id);
      }
      if (consumed == PAGE) {
        break;
      }
    }
    // ids are kept only for a second that is over: an edit later in the current second must not be skipped
    var next = new Cursor(last, last < clock.instant().getEpochSecond() - 1 ? atLast : Set.of());
    return new Page(out, next.toString(), consumed == PAGE && !next.equals(from));
  }

  /**
   * Where the next export starts: the epoch second of the last change read ({@code start_time}, which the export
   * treats as inclusive) and, when they fit in the cursor and that second was over when they were read (by this
   * process's clock, allowing a second of skew), the ids already read in it, so that an unchanged article is not read
   * (with its translations) again; written {@code 1733480000} or {@code 1733480000:12,13}.
   */
  record Cursor(long second, Set<String> ids) {
    private static final int MAX_LENGTH = 500;

    static Cursor parse(String text) {
      int colon = text.indexOf(':');
      try {
        long second = Long.parseLong(colon < 0 ? text : text.substring(0, colon));
        Set<String> ids = colon < 0 || colon == text.length() - 1 ? Set.of()
            : new HashSet<>(List.of(text.substring(colon + 1).split(",")));
        return new Cursor(second, ids);
      } catch (NumberFormatException e) {
        return new Cursor(0, Set.of()); // empty, or not ours: start over
      }
    }

    @Override
    public String toString() {
      String withIds = second + ":" + String.join(",", new java.util.TreeSet<>(ids));
      return ids.isEmpty() || withIds.length() > MAX_LENGTH ? Long.toString(second) : withIds;
    }
  }

  @Override
  public Optional<Set<String>> liveIds(Filter filter) {
    Set<String> ids = new HashSet<>();
    for (Article a : zendesk.getArticles()) {
      ids.add(String.valueOf(a.getId()));
    }
    return Optional.of(ids);
  }

  private SourceArticle article(Article a, Map<Long, String> sectionNames) {
    var visibility = a.getUserSegmentId() == null ? Visibility.PUBLIC : Visibility.INTERNAL;
    var sections = new ArrayList<String>();
    if (a.getSectionId() != null) {
      sections.add(String.valueOf(a.getSectionId()));
      Optional.ofNullable(sectionNames.get(a.getSectionId())).ifPresent(sections::add);
    }
    var translations = new ArrayList<KnowledgeSource.Translation>();
    if (visibility == Visibility.PUBLIC) {
      for (org.zendesk.client.v2.model.hc.Translation t : zendesk.getArticleTranslations(a.getId())) {
        translations.add(new KnowledgeSource.Translation(t.getLocale(), t.getTitle(), t.getBody(),
            t.getHtmlUrl() == null ? a.getHtmlUrl() : t.getHtmlUrl(), t.isDraft()));
      }
      if (translations.isEmpty() && a.getLocale() != null) { // no translations listed: the article's own locale
        translations.add(new KnowledgeSource.Translation(a.getLocale(), a.getTitle(), a.getBody(), a.getHtmlUrl(),
            Boolean.TRUE.equals(a.getDraft())));
      }
    }
    Instant updated = a.getUpdatedAt() == null ? Instant.EPOCH : a.getUpdatedAt().toInstant();
    return new SourceArticle(String.valueOf(a.getId()), Status.PUBLISHED, visibility,
        a.getLabelNames() == null ? List.of() : a.getLabelNames(), sections, updated, translations);
  }

  private Map<Long, String> sectionNames() {
    var names = new HashMap<Long, String>();
    zendesk.getSections().forEach(s -> names.put(s.getId(), s.getName()));
    return names;
  }

  private static long seconds(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      return 0; // not ours (another vendor's, an old format): start over
    }
  }
}
