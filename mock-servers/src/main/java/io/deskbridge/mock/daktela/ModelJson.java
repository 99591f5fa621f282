package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.daktela.ModelRecords.Activity;
import io.deskbridge.mock.daktela.ModelRecords.Article;
import io.deskbridge.mock.daktela.ModelRecords.Category;
import io.deskbridge.mock.daktela.ModelRecords.Queue;
import io.deskbridge.mock.daktela.ModelRecords.Status;
import io.deskbridge.mock.daktela.ModelRecords.Ticket;
import io.deskbridge.mock.daktela.ModelRecords.User;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The API shapes of the model's records, rendered expanded as Daktela v6 answers them: references as nested objects
 * (a ticket's category with its SLA and e-mail queue, users, statuses, contact; an activity's ticket, queue and
 * e-mail item), times as {@code yyyy-MM-dd HH:mm:ss} in the configured zone, {@code _sys.model} on each record,
 * {@code customFields} {@code []} when empty. It keeps no state of its own: it reads the model's reference maps,
 * so the caller holds the model's lock.
 */
final class ModelJson {
  private final DateTimeFormatter format;
  private final Map<String, User> users;
  private final Map<Integer, Queue> queues;
  private final Map<String, Category> categories;
  private final Map<String, Status> statuses;
  private final Map<Integer, Ticket> tickets;

  /** The maps are the model's own (seeded on reset, never replaced), read at each rendering. */
  ModelJson(DateTimeFormatter format, Map<String, User> users, Map<Integer, Queue> queues,
      Map<String, Category> categories, Map<String, Status> statuses, Map<Integer, Ticket> tickets) {
    this.format = format;
    this.users = users;
    this.queues = queues;
    this.categories = categories;
    this.statuses = statuses;
    this.tickets = tickets;
  }

  /** The time as Daktela writes it (local time in the configured zone, whole seconds); null for null. */
  String time(Instant t) {
    return t == null ? null : format.format(t);
  }

  private static ObjectNode sys(ObjectNode n, String model) {
    n.putObject("_sys").put("model", model);
    return n;
  }

  ObjectNode userJson(User u, boolean full) {
    ObjectNode n = Json.obj().put("name", u.login()).put("title", u.title());
    if (full) {
      n.put("alias", u.login()).put("email", u.email()).put("deactivated", false).put("deleted", false);
    }
    return sys(n, "users");
  }

  private ObjectNode userRef(String login) {
    User u = users.get(login);
    return u == null ? sys(Json.obj().put("name", login).putNull("title"), "users") : userJson(u, false);
  }

  ObjectNode queueJson(Queue q) {
    return sys(Json.obj().put("name", q.name()).put("title", q.title()).put("type", q.type())
        .put("direction", q.type().equals("email") ? "in" : q.type()).put("deactivated", false), "queues");
  }

  ObjectNode categoryJson(Category c) {
    ObjectNode n = Json.obj().put("name", c.name()).put("title", c.title());
    sys(n.putObject("sla").put("name", c.sla()).put("title", "Standard SLA").put("unit", "HOURS"), "ticketsSla");
    n.set("email_queue", queueJson(queues.get(c.emailQueue())));
    n.putNull("call_queue");
    n.putNull("sms_queue");
    n.put("status_required", "never").put("multiple_statuses", false);
    return sys(n, "ticketsCategories");
  }

  ObjectNode articleJson(Article a) {
    ObjectNode n = Json.obj().put("name", a.name).put("title", a.title).put("content", a.content);
    String folderName = "articlesFolders_" + a.folder.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    sys(n.putObject("folder").put("name", folderName).put("title", a.folder), "articlesFolders");
    var tags = n.putArray("tags");
    a.tags.forEach(tags::add);
    n.put("language", a.language).put("published", a.published).put("public", a.isPublic);
    n.put("created", time(a.created)).put("edited", time(a.edited));
    return sys(n, "articles");
  }

  ObjectNode statusJson(Status s) {
    return sys(Json.obj().put("name", s.name()).put("title", s.title()).putNull("color"), "statuses");
  }

  ObjectNode ticketJson(Ticket t) {
    ObjectNode n = Json.obj().put("name", t.name).put("title", t.title);
    n.set("category", categoryJson(categories.get(t.category)));
    n.set("user", t.user == null ? null : userRef(t.user));
    if (t.contactName == null) {
      n.putNull("contact");
    } else {
      sys(n.putObject("contact").put("name", t.contactName).put("title", t.contactTitle).put("email", t.email),
          "contacts");
    }
    n.put("email", t.email).put("stage", t.stage).put("priority", t.priority);
    var sts = n.putArray("statuses");
    t.statuses.forEach(s -> sts.add(statusJson(statuses.get(s))));
    n.put("description", t.description).put("created", time(t.created)).put("edited", time(t.edited));
    n.set("edited_by", t.editedBy == null ? null : userRef(t.editedBy));
    n.put("closed", time(t.closed)).put("last_activity", time(t.lastActivity))
        .put("interaction_activity_count", t.activityCount);
    n.set("customFields", t.customFields.isEmpty() ? Json.arr() : t.customFields.deepCopy());
    return sys(n, "tickets");
  }

  ObjectNode activityJson(Activity a) {
    ObjectNode n = Json.obj().put("name", a.name);
    Ticket t = tickets.get(a.ticket);
    if (t == null) {
      n.put("ticket", a.ticket);
    } else {
      n.set("ticket", ticketJson(t));
    }
    n.put("type", a.type).put("title", a.title).put("description", a.description);
    n.set("user", a.user == null ? null : userRef(a.user));
    n.put("time", time(a.time)).put("action", a.action).put("important", false);
    n.set("queue", a.queue == null ? null : queueJson(queues.get(a.queue)));
    if (a.itemName == null) {
      n.putNull("item");
    } else {
      ObjectNode item = n.putObject("item").put("name", a.itemName).put("direction", a.direction)
          .put("address", a.address).put("title", a.title).put("text", a.text)
          .put("time", time(a.time));
      ObjectNode headers = item.putObject("options").putObject("headers");
      headers.set("to", Json.arr().add("in".equals(a.direction) ? "support@daktela.fake" : a.address));
      headers.set("cc", Json.arr());
      headers.set("bcc", Json.arr());
      a.headers.forEach(headers::put);
      if ("out".equals(a.direction)) {
        item.put("state", "SENT");
      } else {
        item.putNull("state");
      }
      sys(item, "activitiesEmail");
    }
    n.set("customFields", Json.arr());
    return sys(n, "activities");
  }
}
