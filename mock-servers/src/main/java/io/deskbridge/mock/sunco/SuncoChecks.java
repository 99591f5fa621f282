package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of what callers send the model: a control action's target and metadata, a message's content, the text
 * the simulated people write. A bad request body is a {@link SuncoError} 400 with SunCo's title, raised before
 * anything changes. Stateless and thread-safe.
 */
final class SuncoChecks {
  /** Metadata limit (the spec: "limited to 4KB"), counted on the UTF-8 JSON of the object. */
  static final int METADATA_LIMIT = 4096;
  static final int TEXT_LIMIT = 4096;
  private static final Set<String> SUBTYPES_IN = Set.of("AI", "activity");
  private static final Set<String> ACTIVITIES = Set.of("conversation:read", "typing:start", "typing:stop");

  private SuncoChecks() {}

  /** The action's {@code switchboardIntegration}; 400 when it is missing. */
  static String target(JsonNode body) {
    String t = SuncoJson.textOrNull(body, "switchboardIntegration");
    if (t == null) {
      throw SuncoError.badRequest("switchboardIntegration is required");
    }
    return t;
  }

  /** The action's {@code metadata} ({@link #metadata}), or an empty object when it has none. */
  static ObjectNode metadataOf(JsonNode body) {
    return body.has("metadata") && !body.get("metadata").isNull() ? metadata(body.get("metadata")) : SuncoJson.obj();
  }

  /**
   * Metadata as the spec allows it: a flat object of strings, numbers and booleans, at most 4 KB (4096 bytes of its
   * UTF-8 JSON). The error's title follows the spec's app metadata example ("limited to 4096 bytes in size").
   */
  static ObjectNode metadata(JsonNode m) {
    if (!m.isObject()) {
      throw SuncoError.badRequest("metadata must be a flat object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
        throw SuncoError.badRequest("metadata must be a flat object of strings, numbers and booleans; "
            + e.getKey() + " is " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (SuncoJson.bytes(m).length > METADATA_LIMIT) {
      throw SuncoError.badRequest("Metadata is limited to " + METADATA_LIMIT + " bytes in size.");
    }
    return (ObjectNode) m.deepCopy();
  }

  /** A posted message's {@code content}: a type, and a text of at most {@link #TEXT_LIMIT} characters; 400 else. */
  static ObjectNode checkContent(JsonNode content) {
    String type = content.path("type").asText("");
    if (type.isEmpty()) {
      throw SuncoError.badRequest("content.type is required");
    }
    if (type.equals("text")) {
      JsonNode text = content.get("text");
      boolean alternative = content.has("actions") || content.has("htmlText") || content.has("markdownText");
      if ((text == null || !text.isTextual() || text.asText().isEmpty()) && !alternative) {
        throw SuncoError.badRequest("content.text is required");
      }
      if (text != null && text.asText().length() > TEXT_LIMIT) {
        throw SuncoError.badRequest("content.text must be at most " + TEXT_LIMIT + " characters");
      }
    }
    return (ObjectNode) content.deepCopy();
  }

  /** A text the simulated people send; {@link IllegalArgumentException} when empty or too long. */
  static void checkText(String text) {
    if (text == null || text.isBlank() || text.length() > TEXT_LIMIT) {
      throw new IllegalArgumentException("a message text must be 1 to " + TEXT_LIMIT + " characters");
    }
  }

  /** A posted author's {@code type}, business or user; 400 else. */
  static String authorType(JsonNode author) {
    String type = author.path("type").asText("");
    if (!type.equals("business") && !type.equals("user")) {
      throw SuncoError.badRequest("author.type must be business or user");
    }
    return type;
  }

  /** A posted message author's {@code subtypes}: none, or one of AI and activity (agent and bot only in answers). */
  static List<String> subtypes(JsonNode author) {
    List<String> subtypes = new ArrayList<>();
    if (author.has("subtypes")) {
      JsonNode s = author.get("subtypes");
      if (!s.isArray() || s.size() != 1 || !SUBTYPES_IN.contains(s.get(0).asText())) {
        throw SuncoError.badRequest("author.subtypes must be an array of one of " + SUBTYPES_IN
            + " (agent and bot are available in responses only)");
      }
      subtypes.add(s.get(0).asText());
    }
    return subtypes;
  }

  /** A posted activity's {@code type}: conversation:read, typing:start or typing:stop; a user only reads. 400 else. */
  static String activityType(String authorType, JsonNode body) {
    String type = body.path("type").asText("");
    if (!ACTIVITIES.contains(type)) {
      throw SuncoError.badRequest("type must be one of " + ACTIVITIES);
    }
    if (authorType.equals("user") && !type.equals("conversation:read")) {
      throw SuncoError.badRequest("If the author type is user, only conversation:read is supported");
    }
    return type;
  }
}
