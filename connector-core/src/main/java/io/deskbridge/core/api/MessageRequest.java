package io.deskbridge.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.webhook.WebhookRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /api/v1/conversations/{id}/messages} body.
 *
 * @param text     the customer's message
 * @param channel  {@code chat}, {@code email} or {@code voice}
 * @param language a language tag, or empty
 * @param customer the customer's id, email, phone and name, those given
 * @param metadata the client's metadata as JSON, or empty
 * @param body     the body as sent (its canonical form is the Idempotency-Key's request hash)
 */
record MessageRequest(String text, String channel, String language, Map<String, String> customer, String metadata,
    JsonNode body) {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_METADATA = 8_192;
  private static final Set<String> FIELDS = Set.of("text", "channel", "language", "customer", "metadata");
  private static final Map<String, Integer> CUSTOMER_FIELDS = Map.of("id", 255, "email", 320, "phone", 64, "name", 255);

  /** The message's author id in the transcript: the customer's id, else e-mail, else phone. */
  String author() {
    return "customer:" + customer.getOrDefault("id", customer.getOrDefault("email", customer.getOrDefault("phone", "")));
  }

  /**
   * Reads and validates the body: 415 for another media type, 400 naming every bad field (RFC 9457 problem with
   * JSON pointers) otherwise.
   */
  static MessageRequest parse(WebhookRequest request, ObjectMapper json) {
    var contentType = request.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
    if (!contentType.startsWith("application/json")) {
      throw Problem.of(415, "unsupported-media-type", "Unsupported Media Type", "send the message as application/json");
    }
    JsonNode body;
    try {
      body = json.readTree(request.body());
    } catch (IOException e) {
      throw Problem.invalid("#/", "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (body == null || !body.isObject()) {
      throw new Problem(400, "invalid-request", "Invalid request", "the body must be a JSON object",
          List.of(new Problem.FieldError("#", "must be a JSON object")), Map.of());
    }
    var errors = new ArrayList<Problem.FieldError>();
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        errors.add(new Problem.FieldError("#/" + f, "is not a field (fields: text, channel, language, customer, "
            + "metadata)"));
      }
    });
    var text = body.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      errors.add(new Problem.FieldError("#/text", "is required: the customer's message, a non-empty string"));
    } else if (text.asText().length() > MAX_TEXT) {
      errors.add(new Problem.FieldError("#/text", "is longer than " + MAX_TEXT + " characters"));
    }
    var channel = body.get("channel");
    if (channel == null || !channel.isTextual() || !Set.of("chat", "email", "voice").contains(channel.asText())) {
      errors.add(new Problem.FieldError("#/channel", "is required: one of chat, email, voice"));
    }
    var language = body.get("language");
    if (language != null && !language.isNull()
        && (!language.isTextual() || !LANGUAGE.matcher(language.asText()).matches())) {
      errors.add(new Problem.FieldError("#/language", "must be a language tag such as en or pt-BR"));
    }
    var customer = new TreeMap<String, String>();
    var c = body.get("customer");
    if (c != null && !c.isNull()) {
      if (!c.isObject()) {
        errors.add(new Problem.FieldError("#/customer", "must be an object with id, email, phone, name"));
      } else {
        c.fields().forEachRemaining(e -> {
          Integer max = CUSTOMER_FIELDS.get(e.getKey());
          String pointer = "#/customer/" + e.getKey();
          if (max == null) {
            errors.add(new Problem.FieldError(pointer, "is not a field (fields: id, email, phone, name)"));
          } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
            errors.add(new Problem.FieldError(pointer, "must be a non-empty string"));
          } else if (e.getValue().asText().length() > max) {
            errors.add(new Problem.FieldError(pointer, "is longer than " + max + " characters"));
          } else if (e.getKey().equals("email") && !e.getValue().asText().matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(new Problem.FieldError(pointer, "must be an e-mail address"));
          } else {
            customer.put(e.getKey(), e.getValue().asText());
          }
        });
      }
    }
    var metadata = body.get("metadata");
    String metadataJson = "";
    if (metadata != null && !metadata.isNull()) {
      if (!metadata.isObject()) {
        errors.add(new Problem.FieldError("#/metadata", "must be an object"));
      } else if (metadata.toString().length() > MAX_METADATA) {
        errors.add(new Problem.FieldError("#/metadata", "is larger than " + MAX_METADATA + " characters as JSON"));
      } else {
        metadataJson = metadata.toString();
      }
    }
    if (!errors.isEmpty()) {
      var first = errors.get(0);
      throw new Problem(400, "invalid-request", "Invalid request",
          first.pointer().substring(2).replace('/', '.') + " " + first.detail()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors, Map.of());
    }
    return new MessageRequest(text.asText(), channel.asText(),
        language == null || language.isNull() ? "" : language.asText(), customer, metadataJson, body);
  }
}
