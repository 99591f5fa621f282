package io.deskbridge.core.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dot paths into a JSON record ({@code customer.email}, {@code items.0.name}), the one syntax of the lookup
 * configuration and of the answer templates. Stateless and thread-safe.
 */
final class JsonFields {

  /** A dot path: identifiers or array indexes separated by dots. */
  static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

  private JsonFields() {}

  /**
   * The scalar at {@code path} as text: a string as it is, a number or boolean as JSON writes it. Empty when the
   * path is missing, null, an object or an array (a template never shows a structure), or a blank string.
   */
  static Optional<String> text(JsonNode record, String path) {
    JsonNode node = record;
    for (String step : path.split("\\.")) {
      if (node == null) {
        return Optional.empty();
      }
      node = node.isArray() && step.length() <= 6 && step.chars().allMatch(Character::isDigit)
          ? node.get(Integer.parseInt(step))
          : node.get(step);
    }
    if (node == null || !node.isValueNode() || node.isNull()) {
      return Optional.empty();
    }
    String text = node.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
