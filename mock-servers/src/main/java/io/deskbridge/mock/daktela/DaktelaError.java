package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer other than success, in Daktela's shapes: 401/403/404 with an empty body, 400 with {@code error} as a list
 * of strings or as {@code {"form":{field:message}}} with the unsaved record echoed in {@code result}.
 */
final class DaktelaError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  /** The body, or null for an empty one. */
  final transient JsonNode body;

  DaktelaError(int status, JsonNode body, String message) {
    super(message, null, false, false);
    this.status = status;
    this.body = body;
  }

  static DaktelaError notFound(String what) {
    return new DaktelaError(404, null, what + " does not exist");
  }

  /** 400 {@code {"error":[message],"result":null}}. */
  static DaktelaError bad(String message) {
    ObjectNode b = Json.obj();
    b.putArray("error").add(message);
    b.putNull("result");
    return new DaktelaError(400, b, message);
  }

  /** 400 {@code {"error":{"form":{field:message}},"result":echo}}. */
  static DaktelaError form(String field, String message, JsonNode echo) {
    ObjectNode b = Json.obj();
    b.putObject("error").putObject("form").put(field, message);
    b.set("result", echo == null ? Json.obj() : echo);
    return new DaktelaError(400, b, field + ": " + message);
  }
}
