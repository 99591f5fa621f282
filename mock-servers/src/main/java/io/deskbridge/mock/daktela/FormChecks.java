package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.daktela.ModelRecords.Category;
import io.deskbridge.mock.daktela.ModelRecords.Queue;
import io.deskbridge.mock.daktela.ModelRecords.Status;
import io.deskbridge.mock.daktela.ModelRecords.User;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A write's fields checked as Daktela v6 checks them, before the model changes anything: required fields, enum
 * values, and references to the seeded users, queues, categories and statuses. Each failure is a 400 form error on the field
 * ({@link DaktelaError#form}) carrying {@code echo}, the record as it would have been. It reads the model's reference
 * maps, so the caller holds the model's lock; the static helpers need no state.
 */
final class FormChecks {
  private final Map<String, User> users;
  private final Map<Integer, Queue> queues;
  private final Map<String, Category> categories;
  private final Map<String, Status> statuses;

  /** The maps are the model's own (seeded on reset, never replaced), read at each check. */
  FormChecks(Map<String, User> users, Map<Integer, Queue> queues, Map<String, Category> categories,
      Map<String, Status> statuses) {
    this.users = users;
    this.queues = queues;
    this.categories = categories;
    this.statuses = statuses;
  }

  /** The category's name, when it exists; otherwise a 400 on {@code category}. */
  String checkCategory(String name, ObjectNode echo) {
    if (!categories.containsKey(name)) {
      throw DaktelaError.form("category", "Category " + name + " does not exist", echo);
    }
    return name;
  }

  /** The {@code user} field: null or "" unassigns (null); a login (or an object with its name) must exist. */
  String checkUser(JsonNode body, ObjectNode echo) {
    JsonNode u = body.get("user");
    if (u == null || u.isNull() || u.asText().isEmpty()) {
      return null;
    }
    String login = u.isObject() ? u.path("name").asText() : u.asText();
    if (!users.containsKey(login)) {
      throw DaktelaError.form("user", "User " + login + " does not exist", echo);
    }
    return login;
  }

  /**
   * An activity's {@code queue} field: null when absent; else the queue's number, which must exist and, for an
   * {@code EMAIL} activity, be an e-mail queue.
   */
  Integer checkQueue(JsonNode body, String type, ObjectNode echo) {
    if (text(body, "queue") == null) {
      return null;
    }
    Queue q = Model.ticketNumber(text(body, "queue")).map(queues::get).orElse(null);
    if (q == null) {
      throw DaktelaError.form("queue", "Queue " + text(body, "queue") + " does not exist", echo);
    }
    if (type.equals("EMAIL") && !q.type().equals("email")) {
      throw DaktelaError.form("queue", "Queue " + q.name() + " is not an e-mail queue", echo);
    }
    return q.name();
  }

  /**
   * The {@code statuses} field (null clears; a name, an object with a name, or an array of them), each of which must
   * exist; {@code current} when the field is absent.
   */
  List<String> checkStatuses(JsonNode body, ObjectNode echo, List<String> current) {
    if (!body.has("statuses")) {
      return current;
    }
    JsonNode s = body.get("statuses");
    List<String> out = new ArrayList<>();
    if (s.isNull()) {
      return out;
    }
    Iterator<JsonNode> it = s.isArray() ? s.elements() : List.of(s).iterator();
    while (it.hasNext()) {
      JsonNode n = it.next();
      String name = n.isObject() ? n.path("name").asText() : n.asText();
      if (!statuses.containsKey(name)) {
        throw DaktelaError.form("statuses", "Status " + name + " does not exist", echo);
      }
      out.add(name);
    }
    return out;
  }

  /** An activity's {@code type}: required (a string, or null for ""), one of {@link Model#ACTIVITY_TYPES}. */
  static String activityType(JsonNode body, ObjectNode echo) {
    if (!body.has("type") || !(body.get("type").isTextual() || body.get("type").isNull())) {
      throw DaktelaError.form("type", "Entry is required", echo);
    }
    String type = body.get("type").isNull() ? "" : body.get("type").asText();
    if (!Model.ACTIVITY_TYPES.contains(type)) {
      throw DaktelaError.form("type", "Invalid value " + type, echo);
    }
    return type;
  }

  /** An activity's {@code action}, "" when absent; one of {@link Model#ACTIONS}. */
  static String activityAction(JsonNode body, ObjectNode echo) {
    String action = text(body, "action") == null ? "" : text(body, "action");
    if (!Model.ACTIONS.contains(action)) {
      throw DaktelaError.form("action", "Invalid value " + action, echo);
    }
    return action;
  }

  /** An EMAIL activity's {@code item}: {@code address} and {@code text} required; its direction, in or out (default). */
  static String emailDirection(JsonNode item, ObjectNode echo) {
    if (text(item, "address") == null) {
      throw DaktelaError.form("item", "item.address is required for an EMAIL activity", echo);
    }
    if (text(item, "text") == null) {
      throw DaktelaError.form("item", "item.text is required for an EMAIL activity", echo);
    }
    String direction = text(item, "direction") == null ? "out" : text(item, "direction");
    if (!direction.equals("in") && !direction.equals("out")) {
      throw DaktelaError.form("item", "item.direction must be in or out", echo);
    }
    return direction;
  }

  /** The value, when it is one of {@code allowed}; otherwise a 400 on {@code field} naming them. */
  static String checkEnum(String field, String value, Set<String> allowed, ObjectNode echo) {
    if (!allowed.contains(value)) {
      throw DaktelaError.form(field, "Invalid value " + value + "; allowed: " + String.join(", ",
          allowed.stream().sorted().toList()), echo);
    }
    return value;
  }

  /** The field's {@link #text}; without one a 400 "Entry is required" on the field. */
  static String required(JsonNode body, String field, ObjectNode echo) {
    String v = text(body, field);
    if (v == null) {
      throw DaktelaError.form(field, "Entry is required", echo);
    }
    return v;
  }

  /** A non-blank text (or number) field, else null; an object counts by its {@code name}. */
  static String text(JsonNode body, String field) {
    JsonNode v = body == null ? null : body.get(field);
    if (v == null || v.isNull() || v.isArray()) {
      return null;
    }
    if (v.isObject()) {
      v = v.get("name");
      if (v == null || v.isNull()) {
        return null;
      }
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
