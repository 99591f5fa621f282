package io.deskbridge.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.webhook.WebhookResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: {@code application/problem+json} with {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} and, for invalid input, {@code errors} (each a {@code detail} and a JSON
 * {@code pointer} to the field, e.g. {@code #/customer/email}).
 */
final class Problem extends RuntimeException {
  static final String TYPES = "https://deskbridge.io/problems/";

  final int status;
  final String type;
  final String title;
  final List<FieldError> errors;
  final Map<String, String> headers;

  /** One invalid field. */
  record FieldError(String pointer, String detail) {}

  Problem(int status, String type, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail, List.of(), Map.of());
  }

  /** 400 naming the field with a JSON pointer. */
  static Problem invalid(String pointer, String detail) {
    return new Problem(400, "invalid-request", "Invalid request", pointer.substring(2).replace('/', '.') + ": " + detail,
        List.of(new FieldError(pointer, detail)), Map.of());
  }

  Problem withHeader(String name, String value) {
    var h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Problem(status, type, title, getMessage(), errors, h);
  }

  WebhookResponse response(ObjectMapper json, String instance) {
    ObjectNode body = json.createObjectNode();
    body.put("type", TYPES + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", getMessage());
    body.put("instance", instance);
    if (!errors.isEmpty()) {
      var list = body.putArray("errors");
      errors.forEach(e -> list.addObject().put("detail", e.detail()).put("pointer", e.pointer()));
    }
    return new WebhookResponse(status, "application/problem+json", body.toString(), headers);
  }
}
