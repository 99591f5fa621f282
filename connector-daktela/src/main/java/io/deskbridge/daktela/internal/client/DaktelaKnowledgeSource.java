package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.spi.KnowledgeSource;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Daktela knowledge-base articles through REST v6 {@code GET /api/v6/articles.json} (the record shape is an
 * assumption: Daktela documents the {@code articles} model but not its fields; see the connector README):
 *
 * <ul>
 *   <li>{@link #changes}: the articles with {@code edited gte} the cursor's time (the instance's time zone), sorted by
 *       {@code edited} then {@code name}, {@link #take} a page. The cursor is the last article's {@code edited} and,
 *       once that second is over by this process's clock (allowing a second of skew), the names already read in it
 *       ({@link Cursor}), so an unchanged knowledge base reads nothing again; a full export starts without a filter.
 *   <li>Each record is {@code name} (the id), {@code title}, {@code content} (HTML), {@code published} and
 *       {@code public} (booleans, also {@code 1}/{@code "1"}), {@code language} (a locale, default {@value
 *       #DEFAULT_LANGUAGE}), {@code folder} (an expanded {@code articlesFolders} reference, reported by name and
 *       title) and {@code tags} (strings, or references by name). Unpublished is {@link Status#DRAFT}; not public is
 *       {@link Visibility#INTERNAL}: core uses neither.
 *   <li>A deleted article is simply gone from the list, so {@link #liveIds} lists every article's {@code name} and
 *       core removes the rest.
 * </ul>
 *
 * Failures are {@link io.deskbridge.daktela.internal.mapping.DaktelaApiException} or Feign's (the connector's error
 * mapper maps them). Thread-safe: no state besides the client.
 */
final class DaktelaKnowledgeSource implements KnowledgeSource {
  /** The language of an article without {@code language}. */
  static final String DEFAULT_LANGUAGE = "en";

  private final DaktelaApi api;
  private final DaktelaTime time;
  private final Clock clock;
  private final int take;

  DaktelaKnowledgeSource(DaktelaApi api, DaktelaTime time, Clock clock, int take) {
    this.api = api;
    this.time = time;
    this.clock = clock;
    this.take = take;
  }

  @Override
  public Page changes(Optional<String> cursor, Filter filter) {
    var from = Cursor.parse(cursor.orElse(""));
    var query = DaktelaQuery.all();
    if (!from.edited().isEmpty()) {
      query = query.filter(DaktelaQuery.and(DaktelaQuery.gte("edited", from.edited())));
    }
    query = query.sort("edited", DaktelaQuery.Dir.ASC).sort("name", DaktelaQuery.Dir.ASC).take(take);
    var page = DaktelaEnvelope.page(api.articles(query.parameters()));
    var out = new ArrayList<SourceArticle>();
    String last = from.edited();
    Set<String> atLast = new HashSet<>(from.names());
    for (JsonNode record : page.data()) {
      String name = record.path("name").asText("");
      String edited = record.path("edited").asText("");
      if (name.isEmpty()) {
        continue;
      }
      boolean seen = edited.equals(from.edited()) && from.names().contains(name);
      if (!seen) { // read in the previous sync's last second and unchanged since
        out.add(article(name, edited, record));
      }
      if (edited.compareTo(last) > 0) {
        last = edited;
        atLast.clear();
      }
      if (edited.equals(last)) {
        atLast.add(name);
      }
    }
    boolean over = !last.isEmpty() && time.parse(last).isBefore(clock.instant().minusSeconds(1));
    var next = new Cursor(last, over ? atLast : Set.of());
    return new Page(out, next.toString(), page.data().size() == take && !next.equals(from));
  }

  @Override
  public Optional<Set<String>> liveIds(Filter filter) {
    Set<String> names = new HashSet<>();
    for (JsonNode record : DaktelaPages.all(api::articles, DaktelaQuery.all().fields("name")
        .sort("name", DaktelaQuery.Dir.ASC))) {
      String name = record.path("name").asText("");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return Optional.of(names);
  }

  private SourceArticle article(String name, String edited, JsonNode r) {
    var status = truthy(r.path("published")) ? Status.PUBLISHED : Status.DRAFT;
    var visibility = truthy(r.path("public")) ? Visibility.PUBLIC : Visibility.INTERNAL;
    var sections = new ArrayList<String>();
    JsonNode folder = r.path("folder");
    if (folder.isObject()) {
      addText(sections, folder.path("name"));
      addText(sections, folder.path("title"));
    } else {
      addText(sections, folder);
    }
    var labels = new ArrayList<String>();
    for (JsonNode tag : r.path("tags")) {
      addText(labels, tag.isObject() ? tag.path("name") : tag);
    }
    String language = r.path("language").asText("").strip();
    var translations = visibility == Visibility.PUBLIC
        ? List.of(new Translation(language.isEmpty() ? DEFAULT_LANGUAGE : language, r.path("title").asText(""),
            r.path("content").asText(""), "", status != Status.PUBLISHED))
        : List.<Translation>of();
    Instant updated = edited.isEmpty() ? Instant.EPOCH : time.parse(edited);
    return new SourceArticle(name, status, visibility, labels, sections, updated, translations);
  }

  private static void addText(List<String> to, JsonNode node) {
    String text = node.isValueNode() ? node.asText("").strip() : "";
    if (!text.isEmpty()) {
      to.add(text);
    }
  }

  /** {@code true}, {@code 1} or {@code "1"}/{@code "true"}: Daktela renders flags either way. */
  private static boolean truthy(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.intValue() != 0;
    }
    String text = node.asText("").strip();
    return text.equals("1") || text.equalsIgnoreCase("true");
  }

  /**
   * Where the next read starts: the last {@code edited} read (a Daktela timestamp; {@code gte}, so nothing changed
   * later in that second is missed) and the names read in that second once it is over, written
   * {@code 2026-12-06 10:30:00} or {@code 2026-12-06 10:30:00|12,13}; names that do not fit in 500 characters are
   * dropped (those articles are read again). Anything else, or empty, starts over.
   */
  record Cursor(String edited, Set<String> names) {
    private static final int MAX_LENGTH = 500;
    private static final java.util.regex.Pattern TIME =
        java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    static Cursor parse(String text) {
      int bar = text.indexOf('|');
      String edited = bar < 0 ? text : text.substring(0, bar);
      if (!TIME.matcher(edited).matches()) {
        return new Cursor("", Set.of());
      }
      Set<String> names = bar < 0 || bar == text.length() - 1 ? Set.of()
          : new HashSet<>(List.of(text.substring(bar + 1).split(",")));
      return new Cursor(edited, names);
    }

    @Override
    public String toString() {
      String withNames = edited + "|" + String.join(",", new TreeSet<>(names));
      return names.isEmpty() || withNames.length() > MAX_LENGTH ? edited : withNames;
    }
  }
}
