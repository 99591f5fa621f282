package io.deskbridge.salesforce.internal.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.webhook.WebhookRejectedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the JSON form a Flow HTTP Callout sends for the same events:
 * {@code {"organizationId":"00D…","notifications":[{"id":"04l…","sObject":{"type":"Case","Id":"500…",…}}]}}.
 * Field values may be strings, numbers or booleans (read as their text); {@code null} is a field not sent; the
 * type may also come from the {@code attributes.type} Apex puts on a serialized record; a nested object is a
 * relationship ({@code Relationship.Field}). Anything else is refused with 400 and a reason. Thread-safe.
 */
final class SalesforceJsonParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  SalesforceOutboundMessage parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw WebhookRejectedException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookRejectedException.badRequest("body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw WebhookRejectedException.badRequest("body must be a JSON object");
    }
    String organizationId = text(root.get("organizationId"));
    if (organizationId.isEmpty()) {
      throw WebhookRejectedException.badRequest("missing field 'organizationId'");
    }
    JsonNode notifications = root.path("notifications");
    if (!notifications.isArray()) {
      throw WebhookRejectedException.badRequest("'notifications' must be an array");
    }
    if (notifications.size() > SalesforceOutboundMessage.MAX_NOTIFICATIONS) {
      throw WebhookRejectedException.badRequest("more than " + SalesforceOutboundMessage.MAX_NOTIFICATIONS
          + " notifications in one message");
    }
    var list = new ArrayList<SalesforceOutboundMessage.Notification>();
    for (JsonNode n : notifications) {
      String where = "notifications[" + list.size() + "]";
      if (!n.isObject() || !n.path("sObject").isObject()) {
        throw WebhookRejectedException.badRequest(where + " must be an object with an 'sObject' object");
      }
      JsonNode sObject = n.get("sObject");
      String type = text(sObject.get("type"));
      if (type.isEmpty()) {
        type = text(sObject.path("attributes").get("type"));
      }
      if (type.isEmpty()) {
        throw WebhookRejectedException.badRequest(where + ".sObject has no 'type'");
      }
      var fields = new LinkedHashMap<String, String>();
      fields(sObject, "", fields);
      fields.remove("type");
      list.add(new SalesforceOutboundMessage.Notification(text(n.get("id")), type, fields));
    }
    return new SalesforceOutboundMessage(organizationId, list);
  }

  private static void fields(JsonNode object, String prefix, Map<String, String> into) {
    object.fields().forEachRemaining(f -> {
      JsonNode value = f.getValue();
      if (value.isValueNode() && !value.isNull()) {
        into.putIfAbsent(prefix + f.getKey(), value.asText());
      } else if (value.isObject() && prefix.isEmpty() && !f.getKey().equals("attributes")) {
        fields(value, f.getKey() + ".", into);
      }
    });
  }

  private static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
  }
}
