package io.deskbridge.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The helpdesk's own knowledge base, read incrementally (issue #16 item 3). Core owns the sync: it asks for the
 * articles changed since its cursor, one page at a time, keeps the published and public ones and drops the others,
 * and stores the cursor after each page. Implementations keep no state between calls except through the cursor,
 * report every article they see whatever its status or visibility (core decides what is used), throw the SDK's
 * exceptions (the connector's {@link ErrorMapper} maps them) and are thread-safe.
 */
public interface KnowledgeSource {

  /**
   * One page of the articles changed since {@code cursor}.
   *
   * @param cursor where the previous page ended, as returned in {@link Page#cursor()}; empty for a full export
   * @param filter what the installation asked for; a source applies what its API can filter and may return more
   *               (core filters again)
   * @return the changed articles, in the vendor's order, and the cursor to pass next
   */
  Page changes(Optional<String> cursor, Filter filter);

  /**
   * The ids of every article the vendor still has, whatever its status; empty (the default) when the vendor's
   * incremental export reports removals itself. Core calls it after a sync and removes the stored articles whose id
   * is not listed: the vendors whose export leaves archived or deleted articles out.
   */
  default Optional<java.util.Set<String>> liveIds(Filter filter) {
    return Optional.empty();
  }

  /**
   * What the installation syncs (key {@code knowledge.sync}).
   *
   * @param labels     only articles carrying at least one of these labels; empty means every article
   * @param sections   only articles in one of these sections (the vendor's section id or name); empty means all
   * @param bodyFields the fields that hold the body, for vendors with configurable article types (Salesforce);
   *                   empty means the vendor's default
   */
  record Filter(List<String> labels, List<String> sections, List<String> bodyFields) {
    /** Everything, with the default body. */
    public static final Filter ALL = new Filter(List.of(), List.of(), List.of());

    public Filter {
      labels = List.copyOf(labels);
      sections = List.copyOf(sections);
      bodyFields = List.copyOf(bodyFields);
    }
  }

  /**
   * One page.
   *
   * @param articles the articles changed, each with all its translations
   * @param cursor   where the next page starts; opaque to core, at most 512 characters
   * @param more     whether another page follows now (false: the export is at its end for the moment)
   */
  record Page(List<SourceArticle> articles, String cursor, boolean more) {
    public Page {
      articles = List.copyOf(articles);
      Objects.requireNonNull(cursor, "cursor");
      if (cursor.length() > 512) {
        throw new IllegalArgumentException("cursor longer than 512 characters");
      }
    }
  }

  /** Where an article is in its life. Only {@link #PUBLISHED} articles are used. */
  enum Status { PUBLISHED, DRAFT, ARCHIVED, DELETED }

  /** Who may read an article. Only {@link #PUBLIC} articles are used to answer customers. */
  enum Visibility { PUBLIC, INTERNAL }

  /**
   * One article as the vendor has it.
   *
   * @param id           the vendor's id, stable across translations
   * @param status       the article's status (a translation may add its own draft flag)
   * @param visibility   whether customers may read it
   * @param labels       the vendor's labels or tags
   * @param sections     the sections (or categories) it is filed in, by id and, where known, name
   * @param updatedAt    the vendor's last change
   * @param translations the article in each locale it exists in; an article's locales not listed here are gone
   */
  record SourceArticle(String id, Status status, Visibility visibility, List<String> labels, List<String> sections,
      Instant updatedAt, List<Translation> translations) {
    public SourceArticle {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("article id is required");
      }
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(visibility, "visibility");
      labels = List.copyOf(labels);
      sections = List.copyOf(sections);
      Objects.requireNonNull(updatedAt, "updatedAt");
      translations = List.copyOf(translations);
    }
  }

  /**
   * One locale of an article.
   *
   * @param locale the vendor's locale, e.g. {@code en-us}, {@code cs}; core keeps its language part
   * @param title  the title
   * @param html   the body, HTML
   * @param url    the public page, empty when none
   * @param draft  whether this translation is unpublished
   */
  record Translation(String locale, String title, String html, String url, boolean draft) {
    public Translation {
      Objects.requireNonNull(locale, "locale");
      title = title == null ? "" : title;
      html = html == null ? "" : html;
      url = url == null ? "" : url;
    }
  }
}
