package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The fake's Jackson mapper and small helpers; stateless and thread-safe. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode arr() {
    return MAPPER.createArrayNode();
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(byte[] raw) throws IOException {
    return MAPPER.readTree(raw);
  }

  static JsonNode parse(String raw) throws IOException {
    return MAPPER.readTree(raw);
  }

  static String utf8(byte[] raw) {
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }

  /** The characters of {@code s} as they go between the quotes of a JSON string. */
  static String escape(String s) {
    String quoted;
    try {
      quoted = MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return quoted.substring(1, quoted.length() - 1);
  }
}
