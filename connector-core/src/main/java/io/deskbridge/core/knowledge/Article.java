package io.deskbridge.core.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One approved help article in one language. The same {@code id} may exist in several locales; together they
 * are one article translated.
 *
 * @param id        stable identifier, the same in every locale; never blank
 * @param locale    ISO 639-1 language code in lower case, e.g. {@code en}, {@code cs}, {@code pl}
 * @param title     the article's title in this locale; never blank
 * @param body      the answer text (plain text or Markdown); never blank
 * @param url       where the customer can read more; empty when none
 * @param questions sample customer phrasings of the question this article answers; may be empty
 * @param group     the routing group name of the experts for this topic; empty means the default group
 * @param tags      free labels; may be empty
 */
public record Article(
    String id,
    String locale,
    String title,
    String body,
    String url,
    List<String> questions,
    String group,
    List<String> tags) {

  private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");

  /** @throws IllegalArgumentException when a required field is missing or the locale is not ISO 639-1 */
  public Article {
    id = required(id, "id", null);
    locale = required(locale, "locale", id);
    if (!LOCALE.matcher(locale).matches()) {
      throw new IllegalArgumentException(
          "article '" + id + "': locale must be an ISO 639-1 code in lower case like 'en', got '" + locale + "'");
    }
    title = required(title, "title", id);
    body = required(body, "body", id);
    url = url == null ? "" : url.strip();
    questions = clean(questions);
    group = group == null ? "" : group.strip();
    tags = clean(tags);
  }

  private static String required(String value, String name, String id) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          (id == null ? "article" : "article '" + id + "'") + ": '" + name + "' is required");
    }
    return value.strip();
  }

  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
