package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The account's triggers (§1.6: {@code POST /api/v2/triggers}, {@code GET|PUT|DELETE /api/v2/triggers/{id}}, the list
 * with cursor paging as zendesk-java-client's {@code getTriggers()} reads it). A trigger needs a {@code title}, a
 * {@code conditions} object with {@code all} and/or {@code any} lists of {@code {field, operator, value}}, and at least
 * one action {@code {field, value}}; a {@code notification_webhook} action's value is the webhook id and the body, and
 * the webhook must exist. Mistakes are 422 {@code RecordInvalid} with {@code details} (§2.6), an unknown id 404
 * {@code RecordNotFound}. New triggers go last ({@code position}). The fake stores them and lists them; which
 * deliveries a trigger webhook gets is still the built-in trigger's rule ({@link ZendeskFake#registerTriggerWebhook}).
 *
 * <p>Thread-safety: none of its own; only touched under the {@link Model}'s lock.
 */
final class Triggers {
  private final Map<Long, ObjectNode> triggers = new LinkedHashMap<>();
  private final Clock clock;
  private final Predicate<String> webhookExists;
  private final java.util.function.Supplier<String> baseUrl;
  private long nextId = 360_000_100_001L;

  Triggers(Clock clock, Predicate<String> webhookExists, java.util.function.Supplier<String> baseUrl) {
    this.clock = clock;
    this.webhookExists = webhookExists;
    this.baseUrl = baseUrl;
  }

  ObjectNode create(JsonNode t) {
    long id = nextId++;
    ObjectNode stored = validated(t, id, triggers.size() + 1, null);
    triggers.put(id, stored);
    return stored.deepCopy();
  }

  ObjectNode get(long id) {
    return existing(id).deepCopy();
  }

  /** {@code PUT}: the fields given replace the stored ones; the result is validated as a whole. */
  ObjectNode update(long id, JsonNode t) {
    ObjectNode merged = existing(id).deepCopy();
    t.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
    ObjectNode stored = validated(merged, id, merged.path("position").asInt(), merged.path("created_at").asText());
    triggers.put(id, stored);
    return stored.deepCopy();
  }

  void delete(long id) {
    existing(id);
    triggers.remove(id);
  }

  /** Whether an active or inactive trigger sends to the webhook: Zendesk refuses to delete such a webhook. */
  boolean references(String webhookId) {
    return triggers.values().stream().anyMatch(t -> webhookIds(t).contains(webhookId));
  }

  /** The list, cursor-paged ({@code page[size]} ≤ 100, {@code page[after]}), or all of it without paging. */
  ObjectNode list(Map<String, String> q) {
    var all = new ArrayList<>(triggers.values());
    int size = 100;
    if (q.containsKey("page[size]")) {
      try {
        size = Integer.parseInt(q.get("page[size]"));
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > 100) {
        throw new ApiError(400, Json.error("InvalidPaginationParameter", "page[size] must be between 1 and 100"));
      }
    }
    int from = 0;
    if (q.containsKey("page[after]")) {
      long after = Long.parseLong(q.get("page[after]"));
      from = (int) all.stream().takeWhile(t -> t.path("id").asLong() != after).count() + 1;
    }
    int to = Math.min(all.size(), from + size);
    ObjectNode out = obj();
    ArrayNode items = out.putArray("triggers");
    all.subList(Math.min(from, to), to).forEach(t -> items.add(t.deepCopy()));
    boolean more = to < all.size();
    String after = to > from ? all.get(to - 1).path("id").asText() : null;
    out.putObject("meta").put("has_more", more).put("after_cursor", after).putNull("before_cursor");
    out.putObject("links").put("next", more ? baseUrl.get() + "/api/v2/triggers.json?page%5Bsize%5D=" + size
        + "&page%5Bafter%5D=" + after : null).putNull("prev");
    return out;
  }

  void reset() {
    triggers.clear();
  }

  private ObjectNode existing(long id) {
    ObjectNode t = triggers.get(id);
    if (t == null) {
      throw ApiError.notFound();
    }
    return t;
  }

  private ObjectNode validated(JsonNode t, long id, int position, String createdAt) {
    String title = text(t, "title");
    if (title == null || title.isBlank()) {
      throw ApiError.invalid("title", "Title: cannot be blank");
    }
    JsonNode conditions = t.path("conditions");
    if (!conditions.isObject() || (!conditions.path("all").isArray() && !conditions.path("any").isArray())) {
      throw ApiError.invalid("conditions", "Conditions: must have an all or any list");
    }
    for (String group : List.of("all", "any")) {
      for (JsonNode c : conditions.path(group)) {
        if (text(c, "field") == null || text(c, "operator") == null) {
          throw ApiError.invalid("conditions", "Conditions: each needs a field and an operator");
        }
      }
    }
    JsonNode actions = t.path("actions");
    if (!actions.isArray() || actions.isEmpty()) {
      throw ApiError.invalid("actions", "Actions: cannot be blank");
    }
    for (JsonNode a : actions) {
      if (text(a, "field") == null) {
        throw ApiError.invalid("actions", "Actions: each needs a field");
      }
      if ("notification_webhook".equals(text(a, "field"))) {
        JsonNode v = a.path("value");
        if (!v.isArray() || v.size() != 2 || !webhookExists.test(v.get(0).asText())) {
          throw ApiError.invalid("actions", "Notify active webhook: the webhook " + v.path(0).asText()
              + " does not exist (the value is [webhook id, body])");
        }
      }
    }
    String now = Json.iso(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    ObjectNode out = obj().put("id", id).put("url", baseUrl.get() + "/api/v2/triggers/" + id + ".json")
        .put("title", title).put("active", !t.has("active") || t.path("active").asBoolean())
        .put("position", position).put("description", t.path("description").asText(""));
    out.set("conditions", conditions.deepCopy());
    out.set("actions", actions.deepCopy());
    return out.put("created_at", createdAt != null ? createdAt : now).put("updated_at", now);
  }

  private static List<String> webhookIds(JsonNode t) {
    var ids = new ArrayList<String>();
    for (JsonNode a : t.path("actions")) {
      if ("notification_webhook".equals(text(a, "field")) && a.path("value").isArray()) {
        ids.add(a.path("value").path(0).asText());
      }
    }
    return ids;
  }
}
