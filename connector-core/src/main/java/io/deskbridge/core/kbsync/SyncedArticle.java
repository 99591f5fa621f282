package io.deskbridge.core.kbsync;

import io.deskbridge.core.knowledge.Article;
import java.util.List;
import java.util.Objects;

/**
 * One language of a synced article as stored: what the bot reads.
 *
 * @param installation the installation whose help center it came from
 * @param sourceId     the vendor's article id
 * @param locale       the ISO 639-1 language
 * @param title        the title
 * @param body         the body as text (see {@link ArticleHtml})
 * @param url          the public page; empty when none
 * @param labels       the vendor's labels
 * @param hash         SHA-256 (hex) of the fields above the bot reads, to tell an unchanged article
 */
public record SyncedArticle(String installation, String sourceId, String locale, String title, String body,
    String url, List<String> labels, String hash) {
  public SyncedArticle {
    Objects.requireNonNull(installation, "installation");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    url = url == null ? "" : url;
    labels = List.copyOf(labels);
    Objects.requireNonNull(hash, "hash");
  }

  /**
   * The article id the bot knows it by: {@code <installation>:<vendor id>}, so two help centers' ids never collide
   * with each other or with the file knowledge base's ids.
   */
  public String articleId() {
    return installation + ":" + sourceId;
  }

  /** As the bot's article: the title is its sample question, the labels its tags. */
  public Article article() {
    return new Article(articleId(), locale, title, body, url, List.of(), "", labels);
  }
}
