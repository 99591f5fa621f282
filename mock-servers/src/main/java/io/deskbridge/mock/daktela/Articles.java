package io.deskbridge.mock.daktela;

import io.deskbridge.mock.daktela.ModelRecords.Article;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The knowledge base's articles as tests write them (publish, edit, publish or hide, make public or internal,
 * delete); the API reads them through {@link Model#list} and {@link Model#one}. Names are {@code articles_<n>} from
 * the model's shared id counter. An unknown article is an {@link IllegalArgumentException}.
 *
 * <p>Called only with the model's lock held; not thread-safe on its own.
 */
final class Articles {
  private final Map<String, Article> articles = new LinkedHashMap<>();
  private final LongSupplier ids;
  private final Supplier<Instant> now;

  /** {@code ids} and {@code now} are the model's id counter and (second-truncated) clock. */
  Articles(LongSupplier ids, Supplier<Instant> now) {
    this.ids = ids;
    this.now = now;
  }

  void reset() {
    articles.clear();
  }

  Collection<Article> all() {
    return articles.values();
  }

  Optional<Article> find(String name) {
    return Optional.ofNullable(articles.get(name));
  }

  String publish(String folder, String language, String title, String html, List<String> tags) {
    Article a = new Article();
    a.name = "articles_" + ids.getAsLong();
    a.folder = folder;
    a.language = language;
    a.title = title;
    a.content = html;
    a.tags = List.copyOf(tags);
    a.published = true;
    a.isPublic = true;
    a.created = now.get();
    a.edited = a.created;
    articles.put(a.name, a);
    return a.name;
  }

  void edit(String name, String title, String html) {
    Article a = article(name);
    a.title = title;
    a.content = html;
    a.edited = now.get();
  }

  void setPublished(String name, boolean published) {
    Article a = article(name);
    a.published = published;
    a.edited = now.get();
  }

  void setPublic(String name, boolean isPublic) {
    Article a = article(name);
    a.isPublic = isPublic;
    a.edited = now.get();
  }

  void delete(String name) {
    article(name);
    articles.remove(name);
  }

  private Article article(String name) {
    Article a = articles.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no article " + name);
    }
    return a;
  }
}
