package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.spi.KnowledgeCursor;
import io.deskbridge.core.spi.KnowledgeSource;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Daktela knowledge-base articles through REST v6 {@code GET /api/v6/articles.json} (the record shape is an
 * assumption: Daktela documents the {@code articles} model but not its fields; see the connector README):
 *
 * <ul>
 *   <li>{@link #changes}: the articles with {@code edited gte} the cursor's time (the instance's time zone), sorted by
 *       {@code edited} then {@code name}, {@link #take} a page. The cursor is a {@link KnowledgeCursor} on the
 *       articles' {@code edited} (read in the instance's time zone) and names, so an unchanged knowledge base reads
 *       nothing again; a full export starts without a filter.
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
  private static final Pattern OLD_CURSOR =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:\\|(.*))?");

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
    var from = cursor(cursor.orElse(""), time);
    var query = DaktelaQuery.all();
    if (!from.isStart()) {
      query = query.filter(DaktelaQuery.and(DaktelaQuery.gte("edited", time.format(Instant.ofEpochSecond(
          from.second())))));
    }
    query = query.sort("edited", DaktelaQuery.Dir.ASC).sort("name", DaktelaQuery.Dir.ASC).take(take);
    var page = DaktelaEnvelope.page(api.articles(query.parameters()));
    var out = new ArrayList<SourceArticle>();
    var reading = from.reading();
    for (JsonNode record : page.data()) {
      String name = record.path("name").asText("");
      String edited = record.path("edited").asText("");
      if (name.isEmpty()) {
        continue;
      }
      Instant updated = edited.isEmpty() ? Instant.EPOCH : time.parse(edited);
      if (reading.read(updated.getEpochSecond(), name)) { // else read in the previous sync's last second, unchanged
        out.add(article(name, updated, record));
      }
    }
    var next = reading.next(clock.instant());
    return new Page(out, next.text(), page.data().size() == take && !next.equals(from));
  }

  /**
   * The stored cursor. One written before the shared {@link KnowledgeCursor} ({@code 2026-12-06 10:30:00} or
   * {@code 2026-12-06 10:30:00|12,13}, the instance's local time) is read as the same second and names; anything
   * else {@link KnowledgeCursor#parse} does not read starts over.
   */
  static KnowledgeCursor cursor(String text, DaktelaTime time) {
    var old = OLD_CURSOR.matcher(text);
    if (!old.matches()) {
      return KnowledgeCursor.parse(text);
    }
    try {
      long second = time.parse(old.group(1)).getEpochSecond();
      return KnowledgeCursor.parse(second + (old.group(2) == null ? "" : ":" + old.group(2)));
    } catch (IllegalArgumentException e) { // not a date (month 13): start over
      return KnowledgeCursor.START;
    }
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

  private SourceArticle article(String name, Instant updated, JsonNode r) {
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
}
