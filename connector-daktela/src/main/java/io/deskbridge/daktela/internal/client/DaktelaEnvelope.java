package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Daktela's response envelope: {@code {"error":…,"result":…,"_time":"…"}}. A single record (GET, POST, PUT) is
 * {@code result} itself; a list is {@code result.data}, an array or an object keyed by record name, with
 * {@code result.total} a number or a numeric string. {@code error} is {@code []}, a list of strings, a string,
 * {@code {"primary":[…]}}, {@code {"form":{field: message | {…} | […]}}} or both. Stateless.
 */
final class DaktelaEnvelope {
  private DaktelaEnvelope() {}

  /**
   * One page of a list.
   *
   * @param data  the records, in the order Daktela sent them
   * @param total the number of records matching the query, or -1 when Daktela did not say
   * @param time  the envelope's {@code _time} (else {@code _serverTime}), empty when absent
   */
  record Page(List<JsonNode> data, long total, String time) {
    Page {
      data = List.copyOf(data);
    }
  }

  /**
   * An error's text and the first form field it names.
   *
   * @param message the messages joined by {@code "; "}, form messages as {@code field: message}; empty when none
   * @param field   the first form field (nested as {@code customFields.email}), empty when none
   */
  record Problem(String message, String field) {}

  /** The record of a single-record answer: {@code result}; a missing node when absent or null. */
  static JsonNode record(JsonNode envelope) {
    JsonNode result = envelope == null ? null : envelope.get("result");
    return result == null || result.isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : result;
  }

  /** The page of a list answer. */
  static Page page(JsonNode envelope) {
    JsonNode result = record(envelope);
    JsonNode data = result.path("data");
    var records = new ArrayList<JsonNode>();
    if (data.isArray()) {
      data.forEach(records::add);
    } else if (data.isObject()) {
      data.fields().forEachRemaining(e -> records.add(e.getValue()));
    }
    return new Page(records, total(result.get("total")), time(envelope));
  }

  /** The envelope's server time: {@code _time}, else {@code _serverTime}; empty when neither is there. */
  static String time(JsonNode envelope) {
    if (envelope == null) {
      return "";
    }
    for (String field : new String[] {"_time", "_serverTime"}) {
      JsonNode t = envelope.get(field);
      if (t != null && t.isTextual() && !t.asText().isBlank()) {
        return t.asText().strip();
      }
    }
    return "";
  }

  /** The error of an answer's body; an empty problem when it has none (or is empty or not JSON). */
  static Problem problem(JsonNode body) {
    JsonNode error = body == null ? null : body.get("error");
    var messages = new ArrayList<String>();
    var fields = new ArrayList<String>();
    collect(error, "", messages, fields, true);
    return new Problem(String.join("; ", messages), fields.isEmpty() ? "" : fields.get(0));
  }

  private static void collect(JsonNode error, String field, List<String> messages, List<String> fields, boolean top) {
    if (error == null || error.isNull() || error.isMissingNode()) {
      return;
    }
    if (error.isValueNode()) {
      String text = error.asText("").strip();
      if (!text.isEmpty()) {
        messages.add(field.isEmpty() ? text : field + ": " + text);
        if (!field.isEmpty()) {
          fields.add(field);
        }
      }
    } else if (error.isArray()) {
      error.forEach(e -> collect(e, field, messages, fields, false));
    } else if (error.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = error.fields(); it.hasNext();) {
        var e = it.next();
        String key = e.getKey();
        if (top && (key.equals("form") || key.equals("primary"))) {
          collect(e.getValue(), "", messages, fields, false); // form: {field: …}; primary: […]
        } else {
          collect(e.getValue(), field.isEmpty() ? key : field + "." + key, messages, fields, false);
        }
      }
    }
  }

  private static long total(JsonNode total) {
    if (total == null || total.isNull() || total.isBoolean()) {
      return -1;
    }
    if (total.isNumber()) {
      return total.asLong();
    }
    try {
      return Long.parseLong(total.asText().strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
