package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;
import static io.deskbridge.mock.zendesk.Model.CONDITIONAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.zendesk.Model.User;
import io.deskbridge.mock.zendesk.Model.Webhook;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The webhooks registry's REST shapes (§1.1): validating a new webhook, its errors. Stateless. */
final class Webhooks {
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Webhooks() {}

  /**
   * A webhook from its REST shape (§1.1), validated; errors are 400 {@code errors[]} [I]. Without a
   * {@code secret} a random one is generated.
   */
  static Webhook parse(JsonNode w, User creator, String secret, Clock clock) {
    for (String field : List.of("name", "status", "endpoint", "http_method", "request_format")) {
      if (text(w, field) == null || text(w, field).isBlank()) {
        throw webhookError("MissingField", field + " is required", field);
      }
    }
    String status = oneOf(w, "status", "active", "inactive");
    String method = oneOf(w, "http_method", "GET", "POST", "PUT", "PATCH", "DELETE");
    String format = oneOf(w, "request_format", "json", "xml", "form_encoded");
    URI endpoint;
    try {
      endpoint = URI.create(text(w, "endpoint"));
    } catch (IllegalArgumentException e) {
      throw webhookError("InvalidValue", "endpoint is not a URL", "endpoint");
    }
    if (!Set.of("http", "https").contains(String.valueOf(endpoint.getScheme()))) {
      throw webhookError("InvalidValue", "endpoint must be an http(s) URL", "endpoint");
    }
    if (!w.path("subscriptions").isArray() || w.get("subscriptions").isEmpty()) {
      throw webhookError("MissingField", "subscriptions is required", "subscriptions");
    }
    List<String> subs = Json.strings(w.get("subscriptions"));
    if (subs.contains(CONDITIONAL) && subs.size() > 1) {
      throw webhookError("InvalidValue", "conditional_ticket_events must be the only subscription",
          "subscriptions");
    }
    if (!subs.contains(CONDITIONAL) && (!"POST".equals(method) || !"json".equals(format))) {
      throw webhookError("InvalidValue", "event subscriptions require POST and json", "http_method");
    }
    ObjectNode auth = w.path("authentication").isObject() ? (ObjectNode) w.get("authentication")
        : null;
    Map<String, String> headers = authHeaders(auth);
    return new Webhook(ulid(clock), text(w, "name"), status, endpoint, method, format,
        List.copyOf(subs), secret != null ? secret : randomSecret(), headers, auth, creator.id(),
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** 404 for an unknown webhook id. */
  static ApiError notFound() {
    return new ApiError(404, webhookErrors("WebhookNotFound", "Webhook not found", null));
  }

  static Map<String, String> authHeaders(ObjectNode auth) {
    if (auth == null) {
      return Map.of();
    }
    JsonNode data = auth.path("data");
    return switch (String.valueOf(text(auth, "type"))) {
      case "bearer_token" -> Map.of("Authorization", "Bearer " + data.path("token").asText());
      case "basic_auth" -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (data.path("username").asText() + ":" + data.path("password").asText())
              .getBytes(StandardCharsets.UTF_8)));
      case "api_key" -> Map.of(data.path("name").asText(), data.path("value").asText());
      default -> throw webhookError("InvalidValue", "unknown authentication type", "authentication");
    };
  }

  static String oneOf(JsonNode w, String field, String... allowed) {
    String value = text(w, field);
    if (!List.of(allowed).contains(value)) {
      throw webhookError("InvalidValue", field + " must be one of " + List.of(allowed), field);
    }
    return value;
  }

  static ApiError webhookError(String code, String detail, String field) {
    return new ApiError(400, webhookErrors(code, detail, field));
  }

  static ObjectNode webhookErrors(String code, String detail, String field) {
    ObjectNode body = obj();
    ObjectNode e = body.putArray("errors").addObject().put("code", code).put("title", detail);
    if (field != null) {
      e.putObject("source").put("pointer", "/webhook/" + field);
    }
    return body;
  }

  /** A ULID-like id: 10 Crockford base32 characters of time, then 16 random ones. */
  static String ulid(Clock clock) {
    StringBuilder sb = new StringBuilder(26);
    long time = clock.millis();
    for (int i = 9; i >= 0; i--) {
      sb.append(CROCKFORD.charAt((int) (time >>> (5 * i)) & 31));
    }
    for (int i = 0; i < 16; i++) {
      sb.append(CROCKFORD.charAt(RANDOM.nextInt(32)));
    }
    return sb.toString();
  }

  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
