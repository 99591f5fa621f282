package io.deskbridge.salesforce.internal.client;

import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.bind.XmlObject;
import io.deskbridge.core.spi.KnowledgeCursor;
import io.deskbridge.core.spi.KnowledgeSource;
import io.deskbridge.salesforce.internal.mapping.SalesforceMapping;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Salesforce Knowledge (Lightning Knowledge's {@code Knowledge__kav}, one record per article version and language)
 * through the partner API's {@code query}/{@code queryMore}:
 *
 * <ul>
 *   <li>{@link #changes}: the online versions changed since the cursor ({@code PublishStatus = 'Online' AND
 *       SystemModstamp >= <second>}; Salesforce requires a {@code PublishStatus} or id filter on {@code __kav}),
 *       every batch read through {@code queryMore} into one page; then every online version of the changed articles
 *       ({@code KnowledgeArticleId IN (…)}, {@value #IN_CHUNK} ids a query), so an article comes with all its
 *       languages. The cursor is a {@link KnowledgeCursor} on the versions' {@code SystemModstamp} ({@code >=}
 *       its second) and {@code Id}s, so an unchanged knowledge base reads nothing again.
 *   <li>An article is {@code KnowledgeArticleId}; each online version visible in the public knowledge base or the
 *       customer portal ({@code IsVisibleInPkb}, {@code IsVisibleInCsp}) is one translation in its {@code Language}
 *       ({@code en_US} is {@code en}); an article with no such version is {@link Visibility#INTERNAL internal}. The
 *       body is the HTML of the {@code bodyFields} joined (default {@value #DEFAULT_BODY_FIELD}, a rich-text custom
 *       field); no URL (an org's public site address is not in the API).
 *   <li>An archived or deleted article has no online version: {@link #liveIds} lists the online articles'
 *       {@code KnowledgeArticleId}s and core removes the rest.
 *   <li>Data categories are not read: {@code labels} and {@code sections} match nothing.
 * </ul>
 *
 * Thread-safe: no state besides the client.
 */
final class SalesforceKnowledgeSource implements KnowledgeSource {
  /** The body field when {@code knowledge.sync.bodyFields} is empty. */
  static final String DEFAULT_BODY_FIELD = "Answer__c";
  /** Article ids in one {@code IN} list (SOQL's statement length stays far below its 100,000 characters). */
  static final int IN_CHUNK = 200;
  private static final String OBJECT = "Knowledge__kav";

  private final SalesforceHistoryReader.Calls calls;
  private final Clock clock;

  SalesforceKnowledgeSource(SalesforceHistoryReader.Calls calls, Clock clock) {
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public Page changes(Optional<String> cursor, Filter filter) {
    var from = KnowledgeCursor.parse(cursor.orElse(""));
    List<String> body = filter.bodyFields().isEmpty() ? List.of(DEFAULT_BODY_FIELD) : filter.bodyFields();
    var changed = all("query changed Knowledge__kav", "SELECT Id, KnowledgeArticleId, SystemModstamp FROM " + OBJECT
        + " WHERE PublishStatus = 'Online' AND SystemModstamp >= " + Instant.ofEpochSecond(from.second())
        + " ORDER BY SystemModstamp ASC");
    var reading = from.reading();
    var articleIds = new java.util.LinkedHashSet<String>();
    for (XmlObject v : changed) {
      long second = SalesforceMapping.time(v, "SystemModstamp").getEpochSecond();
      if (reading.read(second, SalesforceMapping.str(v, "Id"))) {
        articleIds.add(SalesforceMapping.str(v, "KnowledgeArticleId"));
      }
    }
    var out = new ArrayList<SourceArticle>();
    var ids = new ArrayList<>(articleIds);
    for (int i = 0; i < ids.size(); i += IN_CHUNK) {
      var chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
      Map<String, List<XmlObject>> versions = new LinkedHashMap<>();
      chunk.forEach(id -> versions.put(id, new ArrayList<>()));
      for (XmlObject v : all("query Knowledge__kav versions", "SELECT Id, KnowledgeArticleId, Title, Language, "
          + "IsVisibleInPkb, IsVisibleInCsp, SystemModstamp, " + String.join(", ", body) + " FROM " + OBJECT
          + " WHERE PublishStatus = 'Online' AND KnowledgeArticleId IN ("
          + chunk.stream().map(SalesforceMapping::literal).collect(Collectors.joining(", ")) + ")")) {
        versions.computeIfAbsent(SalesforceMapping.str(v, "KnowledgeArticleId"), k -> new ArrayList<>()).add(v);
      }
      versions.forEach((id, vs) -> {
        if (!vs.isEmpty()) { // archived since the first query: liveIds removes it
          out.add(article(id, vs, body));
        }
      });
    }
    return new Page(out, reading.next(clock.instant()).text(), false);
  }

  @Override
  public Optional<Set<String>> liveIds(Filter filter) {
    Set<String> ids = new HashSet<>();
    for (XmlObject v : all("query online Knowledge__kav", "SELECT KnowledgeArticleId FROM " + OBJECT
        + " WHERE PublishStatus = 'Online'")) {
      ids.add(SalesforceMapping.str(v, "KnowledgeArticleId"));
    }
    return Optional.of(ids);
  }

  private static SourceArticle article(String id, List<XmlObject> versions, List<String> bodyFields) {
    var translations = new ArrayList<Translation>();
    Instant updated = Instant.EPOCH;
    for (XmlObject v : versions) {
      Instant stamp = SalesforceMapping.time(v, "SystemModstamp");
      updated = stamp.isAfter(updated) ? stamp : updated;
      boolean visible = Boolean.parseBoolean(SalesforceMapping.str(v, "IsVisibleInPkb"))
          || Boolean.parseBoolean(SalesforceMapping.str(v, "IsVisibleInCsp"));
      if (!visible) {
        continue;
      }
      String html = bodyFields.stream().map(f -> SalesforceMapping.str(v, f)).filter(s -> !s.isBlank())
          .collect(Collectors.joining("\n"));
      translations.add(new Translation(SalesforceMapping.str(v, "Language"), SalesforceMapping.str(v, "Title"),
          html, "", false));
    }
    return new SourceArticle(id, Status.PUBLISHED, translations.isEmpty() ? Visibility.INTERNAL : Visibility.PUBLIC,
        List.of(), List.of(), updated, translations);
  }

  /** Every record of a query, its batches read through {@code queryMore}. */
  private List<XmlObject> all(String what, String soql) {
    var records = new ArrayList<XmlObject>();
    QueryResult result = calls.call(what, pc -> pc.query(soql));
    while (result != null) {
      if (result.getRecords() != null) {
        records.addAll(List.of(result.getRecords()));
      }
      if (result.isDone() || result.getQueryLocator() == null) {
        break;
      }
      String locator = result.getQueryLocator();
      result = calls.call("queryMore " + what.substring(what.indexOf(' ') + 1), pc -> pc.queryMore(locator));
    }
    return records;
  }
}
