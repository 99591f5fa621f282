package io.deskbridge.core.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * @param lookups   back-office records read before this article is given as an answer where the installation has a
 *                  back office; may be empty; names are unique
 * @param answerTemplate the answer given instead of the body when the lookups succeed, with {@code {{name.field}}}
 *                  placeholders filled from the records (e.g. {@code Your order {{order.number}} is
 *                  {{order.status}}.}); required with lookups, empty without; each placeholder names a declared lookup
 */
public record Article(
    String id,
    String locale,
    String title,
    String body,
    String url,
    List<String> questions,
    String group,
    List<String> tags,
    List<ArticleLookup> lookups,
    String answerTemplate) {

  private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^.{}\\s]*)\\.?([^{}]*?)\\s*}}");

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
    lookups = lookups == null ? List.of() : List.copyOf(lookups);
    answerTemplate = answerTemplate == null ? "" : answerTemplate.strip();
    var names = lookups.stream().map(ArticleLookup::name).toList();
    if (Set.copyOf(names).size() != names.size()) {
      throw new IllegalArgumentException("article '" + id + "': two lookups have the same name");
    }
    if (lookups.isEmpty() != answerTemplate.isEmpty()) {
      throw new IllegalArgumentException("article '" + id + "': 'lookups' and 'answerTemplate' go together: the "
          + "template is the answer filled from the looked-up records, e.g. Your order {{order.number}} is "
          + "{{order.status}}.");
    }
    var placeholders = PLACEHOLDER.matcher(answerTemplate);
    while (placeholders.find()) {
      if (!names.contains(placeholders.group(1))) {
        throw new IllegalArgumentException("article '" + id + "': answerTemplate's {{" + placeholders.group(1)
            + "." + placeholders.group(2) + "}} names no lookup; declared: " + String.join(", ", names));
      }
    }
  }

  /** An article without lookups. */
  public Article(String id, String locale, String title, String body, String url, List<String> questions,
      String group, List<String> tags) {
    this(id, locale, title, body, url, questions, group, tags, List.of(), "");
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
