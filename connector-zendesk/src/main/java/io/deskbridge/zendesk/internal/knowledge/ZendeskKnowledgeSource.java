package io.deskbridge.zendesk.internal.knowledge;

import io.deskbridge.core.spi.KnowledgeCursor;
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
 *       one page is one request). The cursor is a {@link KnowledgeCursor} on the articles' {@code updated_at} and
 *       ids: the next export starts at its second ({@code start_time} is inclusive) and skips the ids already read
 *       in it. For every public article its translations ({@code GET /api/v2/help_center/articles/
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

  /** {@code clock} tells whether the last second read is over (see {@link KnowledgeCursor}). */
  public ZendeskKnowledgeSource(Zendesk zendesk, Clock clock) {
    this.zendesk = zendesk;
    this.clock = clock;
  }

  @Override
  public Page changes(Optional<String> cursor, Filter filter) {
    var from = KnowledgeCursor.parse(cursor.orElse(""));
    Map<Long, String> sectionNames = filter.sections().stream().anyMatch(s -> !s.chars().allMatch(Character::isDigit))
        ? sectionNames() : Map.of();
    var out = new ArrayList<SourceArticle>();
    var reading = from.reading();
    int consumed = 0;
    for (Article a : zendesk.getArticlesIncrementally(new Date(from.second() * 1000))) {
      consumed++;
      long second = a.getUpdatedAt() == null ? 0 : a.getUpdatedAt().getTime() / 1000;
      if (reading.read(second, String.valueOf(a.getId()))) { // else unchanged since: no translations call
        out.add(article(a, sectionNames));
      }
      if (consumed == PAGE) {
        break;
      }
    }
    var next = reading.next(clock.instant());
    return new Page(out, next.text(), consumed == PAGE && !next.equals(from));
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
}
