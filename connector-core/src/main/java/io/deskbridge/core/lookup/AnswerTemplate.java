package io.deskbridge.core.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an answer's {@code {{name.field}}} placeholders from looked-up records: {@code name} is the lookup's name,
 * {@code field} a dot path into its JSON record ({@code {{order.status}}}, {@code {{order.delivery.eta}}}). All or
 * nothing: when any placeholder cannot be filled (an unknown name, a missing, null or structured field), there is
 * no text at all, so a raw template or a guessed value never reaches a customer. Values are inserted as plain text
 * (control characters removed); nothing else of the record appears.
 *
 * <p>A template library was not used: Mustache (the nearest) renders a missing field as an empty string and
 * HTML-escapes by default, both wrong here, and would need the Jackson tree converted to maps; this is the
 * placeholder syntax alone, over the Jackson tree the lookup already holds. Stateless and thread-safe.
 */
final class AnswerTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");

  /** What filling gave. */
  sealed interface Result {
    /** Every placeholder filled. */
    record Filled(String text) implements Result {}

    /** The first placeholder that could not be filled, as written in the template (without the braces). */
    record Unfilled(String placeholder) implements Result {}
  }

  private AnswerTemplate() {}

  /** Whether the text holds any {@code {{...}}} placeholder. */
  static boolean hasPlaceholders(String text) {
    return PLACEHOLDER.matcher(text).find();
  }

  /**
   * The text with every placeholder replaced from {@code records} (lookup name → record).
   *
   * @return {@link Result.Filled}, or {@link Result.Unfilled} naming the first placeholder that could not be filled
   */
  static Result fill(String text, Map<String, JsonNode> records) {
    Matcher m = PLACEHOLDER.matcher(text);
    var out = new StringBuilder();
    while (m.find()) {
      String placeholder = m.group(1);
      int dot = placeholder.indexOf('.');
      if (dot < 1 || !JsonFields.PATH.matcher(placeholder).matches()) {
        return new Result.Unfilled(placeholder);
      }
      JsonNode record = records.get(placeholder.substring(0, dot));
      var value = record == null ? java.util.Optional.<String>empty()
          : JsonFields.text(record, placeholder.substring(dot + 1));
      if (value.isEmpty()) {
        return new Result.Unfilled(placeholder);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(CONTROL.matcher(value.get()).replaceAll("")));
    }
    m.appendTail(out);
    return new Result.Filled(out.toString());
  }
}
