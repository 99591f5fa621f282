package io.deskbridge.core.email;

import java.util.Map;
import java.util.TreeMap;

/**
 * An e-mail's header block as text (RFC 5322 section 2.2: "Name: value" lines, a line starting with white space
 * continuing the previous one), as some vendors store it (Salesforce's {@code EmailMessage.Headers}). Stateless and
 * thread-safe.
 */
public final class MailHeaders {

  private MailHeaders() {}

  /**
   * The headers of a block: names compared without regard to case, folded values unfolded, a repeated header's values
   * joined by {@code ", "}. Reading stops at the first empty line (the body). Lines without a colon are skipped.
   *
   * @param block the header text; null or blank gives an empty map
   */
  public static Map<String, String> parse(String block) {
    var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
    if (block == null || block.isBlank()) {
      return headers;
    }
    String name = null;
    var value = new StringBuilder();
    for (var line : block.replace("\r\n", "\n").split("\n", -1)) {
      if (line.isEmpty() && name != null) {
        break;
      }
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      put(headers, name, value);
      name = null;
      value.setLength(0);
      int colon = line.indexOf(':');
      if (colon > 0 && !line.substring(0, colon).contains(" ")) {
        name = line.substring(0, colon).strip();
        value.append(line.substring(colon + 1).strip());
      }
    }
    put(headers, name, value);
    return headers;
  }

  private static void put(Map<String, String> headers, String name, StringBuilder value) {
    if (name != null && !name.isEmpty()) {
      headers.merge(name, value.toString().strip(), (a, b) -> a + ", " + b);
    }
  }
}
