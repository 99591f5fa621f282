package io.deskbridge.mock.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * Reading a fake's control-endpoint input: the JSON object body with only the allowed fields, and its typed fields.
 * Every mistake is a {@link BadRequest} whose one-line message the control endpoint answers with 400.
 *
 * <p>Thread-safe: stateless.
 */
public final class ControlInput {
  /** Where every fake's control endpoints live: this path and the paths under it. */
  public static final String PREFIX = "/__control";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ControlInput() {}

  /** Whether {@code path} is {@link #PREFIX} or under it: a control request, not a vendor API call. */
  public static boolean isControlPath(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  /** Bad control input: the fake answers 400 with the message. */
  public static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The body as a JSON object whose fields are all in {@code allowed}. An empty body is an empty object when {@code
   * emptyAllowed}, else a {@link BadRequest}.
   */
  public static JsonNode body(byte[] raw, boolean emptyAllowed, String... allowed) {
    if (raw == null || raw.length == 0) {
      if (emptyAllowed) {
        return JSON.createObjectNode();
      }
      throw new BadRequest("a JSON object body is required");
    }
    JsonNode b;
    try {
      b = JSON.readTree(raw);
    } catch (IOException e) {
      throw new BadRequest("the body is not valid JSON");
    }
    if (b == null || !b.isObject()) {
      throw new BadRequest("the body must be a JSON object");
    }
    Set<String> known = Set.of(allowed);
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw new BadRequest("unknown field \"" + field + "\"; known: " + String.join(", ", allowed));
      }
    }
    return b;
  }

  /** The non-blank string {@code field}; null when absent or null and not {@code required}. */
  public static String string(JsonNode b, String field, boolean required) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequest("\"" + field + "\" is required");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new BadRequest("\"" + field + "\" must be a non-blank string");
    }
    return v.asText();
  }

  /** The whole number {@code field}; 0 when absent or null and not {@code required}. */
  public static int integer(JsonNode b, String field, boolean required) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequest("\"" + field + "\" is required");
      }
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new BadRequest("\"" + field + "\" must be a whole number");
    }
    return v.asInt();
  }

  /** The boolean {@code field}; false when absent. */
  public static boolean bool(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v != null && !v.isBoolean()) {
      throw new BadRequest("\"" + field + "\" must be true or false");
    }
    return v != null && v.asBoolean();
  }

  // ---------------------------------------------------------------- the fault endpoints' common fields

  /** The required HTTP {@code status} field of an injected fault: 4xx or 5xx. */
  public static int status(JsonNode b) {
    int s = integer(b, "status", true);
    if (s < 400 || s > 599) {
      throw new BadRequest("\"status\" must be 4xx or 5xx, was " + s);
    }
    return s;
  }

  /** The required {@code share} field of {@code /faults/fail-share}: a number (the fake checks it is 0 to 1). */
  public static double share(JsonNode b) {
    if (!b.path("share").isNumber()) {
      throw new BadRequest("\"share\" must be a number from 0 to 1");
    }
    return b.get("share").asDouble();
  }

  /** The required {@code millis} field of {@code /faults/delay}, at least 0, as a duration. */
  public static Duration delay(JsonNode b) {
    int millis = integer(b, "millis", true);
    if (millis < 0) {
      throw new BadRequest("\"millis\" must be >= 0");
    }
    return Duration.ofMillis(millis);
  }

  /** The optional {@code retry_after} field (whole seconds) as a duration; null when absent or null. */
  public static Duration retryAfter(JsonNode b) {
    return b.hasNonNull("retry_after") ? Duration.ofSeconds(integer(b, "retry_after", true)) : null;
  }

  /** The first line of {@code text}, stripped and cut at 80 characters. */
  public static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 80) : line;
  }
}
