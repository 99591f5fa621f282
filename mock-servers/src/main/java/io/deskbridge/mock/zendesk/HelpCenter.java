package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The fake's Help Center (Guide) knowledge base: sections, articles with translations, labels, user segments, drafts,
 * archiving and deletion, served as Zendesk serves them (contract §4, §9.6):
 *
 * <ul>
 *   <li>{@code GET /api/v2/help_center/incremental/articles?start_time=} (agent or admin): the articles whose
 *       {@code updated_at} is at or after {@code start_time} (epoch seconds, required: 400 without it), oldest change
 *       first, at most {@link #incrementalPageSize()} a page, each in its source locale, with {@code count},
 *       {@code end_time} (the last article's change) and {@code next_page} (the same call with {@code start_time}
 *       set to {@code end_time}, null on a short page). Drafts and segment-restricted articles are included; archived
 *       and deleted ones are not.
 *   <li>{@code GET /api/v2/help_center/articles}: every article but the archived and deleted ones, by id, offset
 *       pages ({@code page}, {@code per_page} default 30, at most 100; {@code next_page}, {@code previous_page},
 *       {@code count}, {@code page_count}).
 *   <li>{@code GET /api/v2/help_center/articles/{id}/translations}: the article's translations (404
 *       {@code RecordNotFound} for an unknown, archived or deleted article).
 *   <li>{@code GET /api/v2/help_center/sections}: the sections.
 * </ul>
 *
 * Every change sets the article's {@code updated_at} to the fake's clock. Public methods are what tests call to act as
 * the Help Center's authors. Thread-safe: every method synchronises on this object (the API too).
 */
public final class HelpCenter {
  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final Map<Long, Section> sections = new TreeMap<>();
  private final Map<Long, Art> articles = new TreeMap<>();
  private long nextId = 360_000_001L;
  private int incrementalPageSize = 1000;

  private static final class Section {
    final long id;
    final String name;

    Section(long id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private static final class Tr {
    final long id;
    String title;
    String body;
    boolean draft;
    Instant updatedAt;

    Tr(long id, String title, String body, boolean draft, Instant updatedAt) {
      this.id = id;
      this.title = title;
      this.body = body;
      this.draft = draft;
      this.updatedAt = updatedAt;
    }
  }

  private static final class Art {
    final long id;
    final String sourceLocale;
    long sectionId;
    List<String> labels;
    Long userSegmentId;
    boolean archived;
    final Instant createdAt;
    Instant updatedAt;
    final Map<String, Tr> translations = new LinkedHashMap<>();

    Art(long id, String sourceLocale, long sectionId, List<String> labels, Instant now) {
      this.id = id;
      this.sourceLocale = sourceLocale;
      this.sectionId = sectionId;
      this.labels = List.copyOf(labels);
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  HelpCenter(Clock clock, Supplier<String> baseUrl) {
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  // ---------------------------------------------------------------- authors' actions (tests)

  /** Creates a section; returns its id. */
  public synchronized long createSection(String name) {
    long id = nextId++;
    sections.put(id, new Section(id, Objects.requireNonNull(name, "name")));
    return id;
  }

  /** Publishes a new article in {@code locale} (its source locale), visible to everyone; returns its id. */
  public synchronized long publishArticle(long sectionId, String locale, String title, String html,
      List<String> labels) {
    if (!sections.containsKey(sectionId)) {
      throw new IllegalArgumentException("no section " + sectionId);
    }
    long id = nextId++;
    var now = clock.instant();
    var a = new Art(id, locale, sectionId, labels, now);
    a.translations.put(locale, new Tr(nextId++, title, html, false, now));
    articles.put(id, a);
    return id;
  }

  /** Adds or replaces the article's translation in {@code locale}. */
  public synchronized void translate(long articleId, String locale, String title, String html, boolean draft) {
    var a = live(articleId);
    var now = clock.instant();
    var t = a.translations.get(locale);
    if (t == null) {
      a.translations.put(locale, new Tr(nextId++, title, html, draft, now));
    } else {
      t.title = title;
      t.body = html;
      t.draft = draft;
      t.updatedAt = now;
    }
    a.updatedAt = now;
  }

  /** Marks one translation a draft (unpublished) or published again. */
  public synchronized void setDraft(long articleId, String locale, boolean draft) {
    var a = live(articleId);
    var t = a.translations.get(locale);
    if (t == null) {
      throw new IllegalArgumentException("article " + articleId + " has no translation " + locale);
    }
    t.draft = draft;
    t.updatedAt = clock.instant();
    a.updatedAt = t.updatedAt;
  }

  /** Restricts the article to a user segment (e.g. agents only), or opens it to everyone with null. */
  public synchronized void restrictTo(long articleId, Long userSegmentId) {
    var a = live(articleId);
    a.userSegmentId = userSegmentId;
    a.updatedAt = clock.instant();
  }

  /** Replaces the article's labels. */
  public synchronized void label(long articleId, List<String> labels) {
    var a = live(articleId);
    a.labels = List.copyOf(labels);
    a.updatedAt = clock.instant();
  }

  /** Archives the article: it leaves the lists and the export, its translations answer 404. */
  public synchronized void archive(long articleId) {
    live(articleId).archived = true;
  }

  /** Deletes the article for good. */
  public synchronized void delete(long articleId) {
    live(articleId);
    articles.remove(articleId);
  }

  /**
   * Publishes {@code count} articles in {@code locale} in one section, numbered from 1, written one a minute up to
   * now (as a help center grows, not all in one second); returns their ids.
   */
  public synchronized List<Long> seed(int count, String locale) {
    long section = createSection("Seeded");
    var ids = new ArrayList<Long>();
    var now = clock.instant();
    for (int i = 1; i <= count; i++) {
      long id = publishArticle(section, locale, "Seeded question number " + i + " about topic " + (i % 37),
          "<p>Answer number " + i + ". See <a href=\"/hc/" + locale + "/articles/" + i + "\">the details</a>.</p>"
              + "<ul><li>step one for " + i + "</li><li>step two</li></ul>", List.of("seed", "topic-" + (i % 37)));
      var a = articles.get(id);
      a.updatedAt = now.minusSeconds(60L * (count - i));
      a.translations.values().forEach(t -> t.updatedAt = a.updatedAt);
      ids.add(id);
    }
    return ids;
  }

  /** The export's page size (Zendesk: 1000); smaller values exercise paging in tests. */
  public synchronized void incrementalPageSize(int size) {
    if (size < 1 || size > 1000) {
      throw new IllegalArgumentException("page size must be 1 to 1000");
    }
    incrementalPageSize = size;
  }

  synchronized int incrementalPageSize() {
    return incrementalPageSize;
  }

  // ---------------------------------------------------------------- API (called by ZendeskApi)

  synchronized ObjectNode incremental(Map<String, String> query) {
    String raw = query.get("start_time");
    long start;
    try {
      start = Long.parseLong(Objects.requireNonNull(raw));
    } catch (RuntimeException e) {
      throw ApiError.badRequest("start_time is required: an epoch time in seconds");
    }
    if (start < 0 || start > clock.instant().getEpochSecond()) {
      throw ApiError.badRequest("start_time must be between 0 and now");
    }
    var changed = articles.values().stream().filter(a -> !a.archived && a.updatedAt.getEpochSecond() >= start)
        .sorted(Comparator.comparing((Art a) -> a.updatedAt).thenComparingLong(a -> a.id))
        .limit(incrementalPageSize).toList();
    var out = obj();
    ArrayNode list = out.putArray("articles");
    changed.forEach(a -> list.add(articleJson(a)));
    long end = changed.isEmpty() ? start : changed.get(changed.size() - 1).updatedAt.getEpochSecond();
    out.put("count", changed.size());
    out.put("end_time", end);
    if (changed.size() == incrementalPageSize) {
      out.put("next_page", baseUrl.get() + "/api/v2/help_center/incremental/articles.json?start_time=" + end);
    } else {
      out.putNull("next_page");
    }
    return out;
  }

  synchronized ObjectNode list(Map<String, String> query) {
    int page = QueryNumbers.number(query, "page", 1, Integer.MAX_VALUE, 1);
    int perPage = QueryNumbers.number(query, "per_page", 1, 100, 30);
    var live = articles.values().stream().filter(a -> !a.archived).toList();
    int pages = Math.max(1, (live.size() + perPage - 1) / perPage);
    var out = obj();
    ArrayNode list = out.putArray("articles");
    live.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(a -> list.add(articleJson(a)));
    String self = baseUrl.get() + "/api/v2/help_center/articles.json?per_page=" + perPage + "&page=";
    if (page < pages) {
      out.put("next_page", self + (page + 1));
    } else {
      out.putNull("next_page");
    }
    if (page > 1) {
      out.put("previous_page", self + (page - 1));
    } else {
      out.putNull("previous_page");
    }
    out.put("count", live.size());
    out.put("page", page);
    out.put("per_page", perPage);
    out.put("page_count", pages);
    return out;
  }

  synchronized ObjectNode translations(long articleId) {
    var a = articles.get(articleId);
    if (a == null || a.archived) {
      throw ApiError.notFound();
    }
    var out = obj();
    ArrayNode list = out.putArray("translations");
    a.translations.forEach((locale, t) -> list.add(translationJson(a, locale, t)));
    out.putNull("next_page");
    out.putNull("previous_page");
    out.put("count", a.translations.size());
    return out;
  }

  synchronized ObjectNode sectionsJson() {
    var out = obj();
    ArrayNode list = out.putArray("sections");
    sections.values().forEach(s -> list.addObject().put("id", s.id).put("name", s.name).put("locale", "en-us")
        .put("html_url", baseUrl.get() + "/hc/en-us/sections/" + s.id));
    out.putNull("next_page");
    out.put("count", sections.size());
    return out;
  }

  private Art live(long id) {
    var a = articles.get(id);
    if (a == null || a.archived) {
      throw new IllegalArgumentException("no live article " + id);
    }
    return a;
  }

  private JsonNode articleJson(Art a) {
    var t = a.translations.get(a.sourceLocale);
    var out = obj();
    out.put("id", a.id);
    out.put("url", baseUrl.get() + "/api/v2/help_center/" + a.sourceLocale + "/articles/" + a.id + ".json");
    out.put("html_url", htmlUrl(a, a.sourceLocale));
    out.put("author_id", 1L);
    out.put("comments_disabled", false);
    out.put("draft", t.draft);
    out.put("promoted", false);
    out.put("position", 0);
    out.put("vote_sum", 0);
    out.put("vote_count", 0);
    out.put("section_id", a.sectionId);
    out.put("created_at", Json.iso(a.createdAt));
    out.put("updated_at", Json.iso(a.updatedAt));
    out.put("edited_at", Json.iso(t.updatedAt));
    out.put("title", t.title);
    out.put("body", t.body);
    out.put("source_locale", a.sourceLocale);
    out.put("locale", a.sourceLocale);
    out.put("outdated", false);
    out.putArray("outdated_locales");
    out.put("permission_group_id", 1L);
    if (a.userSegmentId == null) {
      out.putNull("user_segment_id");
    } else {
      out.put("user_segment_id", a.userSegmentId);
    }
    var segments = out.putArray("user_segment_ids");
    if (a.userSegmentId != null) {
      segments.add(a.userSegmentId);
    }
    out.set("label_names", Json.arr(a.labels));
    out.putArray("content_tag_ids");
    return out;
  }

  private JsonNode translationJson(Art a, String locale, Tr t) {
    return obj().put("id", t.id)
        .put("url", baseUrl.get() + "/api/v2/help_center/articles/" + a.id + "/translations/" + locale + ".json")
        .put("html_url", htmlUrl(a, locale)).put("source_id", a.id).put("source_type", "Article")
        .put("locale", locale).put("title", t.title).put("body", t.body).put("outdated", false)
        .put("draft", t.draft).put("hidden", false).put("created_at", Json.iso(a.createdAt))
        .put("updated_at", Json.iso(t.updatedAt)).put("updated_by_id", 1L).put("created_by_id", 1L);
  }

  private String htmlUrl(Art a, String locale) {
    return baseUrl.get() + "/hc/" + locale + "/articles/" + a.id;
  }
}
