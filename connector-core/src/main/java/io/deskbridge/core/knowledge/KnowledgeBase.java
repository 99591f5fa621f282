package io.deskbridge.core.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of approved articles: each article id in one or more locales, at most one article per
 * (id, locale). Only approved articles are ever in a knowledge base: {@link KnowledgeLoader} skips the ones
 * marked {@code approved: false}, so everything here may be shown to customers. Thread-safe.
 */
public final class KnowledgeBase {

  private final List<Article> articles;
  private final Map<String, Map<String, Article>> byId; // id -> locale -> article, both in insertion order

  private KnowledgeBase(List<Article> articles, Map<String, Map<String, Article>> byId) {
    this.articles = articles;
    this.byId = byId;
  }

  /**
   * A knowledge base of these articles, in this order.
   *
   * @throws IllegalArgumentException when two articles share an id and a locale
   */
  public static KnowledgeBase of(Collection<Article> articles) {
    var index = new LinkedHashMap<String, Map<String, Article>>();
    for (var a : articles) {
      var locales = index.computeIfAbsent(a.id(), id -> new LinkedHashMap<>());
      if (locales.putIfAbsent(a.locale(), a) != null) {
        throw new IllegalArgumentException(
            "duplicate article id '" + a.id() + "' in locale '" + a.locale() + "'");
      }
    }
    index.replaceAll((id, locales) -> Collections.unmodifiableMap(locales));
    return new KnowledgeBase(List.copyOf(articles), Collections.unmodifiableMap(index));
  }

  /** An empty knowledge base. */
  public static KnowledgeBase empty() {
    return of(List.of());
  }

  /** All articles in all locales, in load order. */
  public List<Article> articles() {
    return articles;
  }

  /** The distinct article ids, in load order. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /** Every locale of the article with this id; empty when there is none. */
  public List<Article> byId(String id) {
    var locales = byId.get(id);
    return locales == null ? List.of() : List.copyOf(locales.values());
  }

  /** The article with this id in exactly this locale. */
  public Optional<Article> find(String id, String locale) {
    return Optional.ofNullable(byId.getOrDefault(id, Map.of()).get(locale));
  }

  /** The locales the article with this id exists in, in load order; empty when there is none. */
  public Set<String> locales(String id) {
    return byId.getOrDefault(id, Map.of()).keySet();
  }

  /** How many articles there are, counting each locale separately. */
  public int size() {
    return articles.size();
  }

  /** Article counts per locale, for logging at start. */
  public Map<String, Integer> countByLocale() {
    var counts = new TreeMap<String, Integer>();
    articles.forEach(a -> counts.merge(a.locale(), 1, Integer::sum));
    return counts;
  }

  /** This knowledge base with the other's articles appended. */
  public KnowledgeBase plus(KnowledgeBase other) {
    var all = new ArrayList<>(articles);
    all.addAll(other.articles);
    return of(all);
  }

  @Override
  public String toString() {
    return "KnowledgeBase" + countByLocale();
  }
}
