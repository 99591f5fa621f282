package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The fake's Jackson mapper and SunCo's timestamp format; stateless and thread-safe. */
final class SuncoJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** SunCo's {@code YYYY-MM-DDThh:mm:ss.SSSZ}. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private SuncoJson() {}

  static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String time(Instant at) {
    return TIME.format(at.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The field's text, or null when it is absent, null or not a string. */
  static String textOrNull(JsonNode b, String field) {
    JsonNode v = b.get(field);
    return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
  }
}
