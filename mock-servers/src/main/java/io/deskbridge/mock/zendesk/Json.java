package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** JSON and time helpers shared by the fake; stateless and thread-safe. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode arr(Iterable<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  static ObjectNode error(String error, String description) {
    return obj().put("error", error).put("description", description);
  }

  /** Zendesk REST timestamps: ISO-8601 UTC with seconds precision. */
  static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Event-envelope {@code time}: ISO-8601 UTC with nanoseconds. */
  static String isoNanos(Instant instant) {
    return NANOS.format(instant);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(byte[] body) throws java.io.IOException {
    return MAPPER.readTree(body);
  }

  static String utf8(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
