package io.deskbridge.mock.daktela;

import static io.deskbridge.mock.base.ControlInput.bool;
import static io.deskbridge.mock.base.ControlInput.firstLine;
import static io.deskbridge.mock.base.ControlInput.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.ControlInput.BadRequest;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.RequestJournal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's own endpoints under {@code /__control} (not part of Daktela): act as customers and agents, subscribe
 * webhooks, inject API faults, read state. No authentication, JSON in and out, never journaled, failed or delayed.
 * Bad input is a 400 with the reason, an unknown ticket 404; an unknown path is unmatched (loud 404). They call the
 * same {@link DaktelaFake} methods as Java callers; {@link DaktelaFakeControl} is their client.
 *
 * <p>Thread-safe: stateless; the fake's methods are thread-safe.
 */
final class DaktelaControl {
  static final String PREFIX = ControlInput.PREFIX;
  private static final Pattern TICKET = Pattern.compile(PREFIX + "/tickets/(\\d{1,9})(/[a-z-]+)?");

  private final DaktelaFake fake;

  DaktelaControl(DaktelaFake fake) {
    this.fake = fake;
  }

  /** The reply, or null when no control endpoint has this method and path. */
  DaktelaApi.Reply handle(String method, String path, byte[] raw) {
    try {
      return route(method, path, raw);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e.getCause() instanceof DaktelaError d && d.status == 404) {
        return error(404, e.getMessage());
      }
      return error(400, e.getMessage());
    }
  }

  private DaktelaApi.Reply route(String method, String path, byte[] raw) {
    switch (method + " " + path) {
      case "GET " + PREFIX:
        return ok(account());
      case "POST " + PREFIX + "/tickets": {
        JsonNode b = body(raw, "email", "name", "title", "text");
        String text = string(b, "text", true);
        String title = string(b, "title", false);
        String name = fake.customerCreatesTicket(string(b, "email", true), string(b, "name", false),
            title == null ? firstLine(text) : title, text);
        return json(201, ticketOut(name));
      }
      case "GET " + PREFIX + "/tickets": {
        ObjectNode out = Json.obj();
        ArrayNode list = out.putArray("tickets");
        fake.tickets().forEach(t -> list.add(ticketJson(t)));
        return ok(out);
      }
      case "POST " + PREFIX + "/webhooks": {
        JsonNode b = body(raw, "url", "secret", "secret_header", "form", "templates");
        boolean form = bool(b, "form");
        Map<String, String> templates = new LinkedHashMap<>(DaktelaFake.defaultTemplates(form));
        if (b.has("templates")) {
          if (!b.get("templates").isObject()) {
            throw new BadRequest("\"templates\" must be an object: event name → body template");
          }
          templates.clear();
          b.get("templates").fields().forEachRemaining(e -> templates.put(e.getKey(), e.getValue().asText()));
        }
        URI url;
        try {
          url = URI.create(string(b, "url", true));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("\"url\" is not a URL");
        }
        String header = b.has("secret_header") ? string(b, "secret_header", false) : "X-Webhook-Secret";
        String id = fake.subscribe(new DaktelaFake.Webhook(url, header, string(b, "secret", false), form,
            templates));
        return json(201, Json.obj().put("subscription", id));
      }
      case "POST " + PREFIX + "/faults/fail-next": {
        JsonNode b = body(raw, "count", "status", "retry_after");
        fake.failNext(integer(b, "count"), ControlInput.status(b), ControlInput.retryAfter(b));
        return ok(Json.obj().set("fail-next", b));
      }
      case "POST " + PREFIX + "/faults/fail-share": {
        JsonNode b = body(raw, "share", "status");
        fake.failRandomly(ControlInput.share(b), ControlInput.status(b));
        return ok(Json.obj().set("fail-share", b));
      }
      case "POST " + PREFIX + "/faults/fail-nth-write": {
        JsonNode b = body(raw, "nth", "status");
        fake.failNthWrite(integer(b, "nth"), ControlInput.status(b));
        return ok(Json.obj().set("fail-nth-write", b));
      }
      case "POST " + PREFIX + "/faults/delay": {
        JsonNode b = body(raw, "millis");
        fake.delayResponses(ControlInput.delay(b));
        return ok(Json.obj().set("delay", b));
      }
      case "DELETE " + PREFIX + "/faults":
        fake.clearFaults();
        return ok(Json.obj().put("faults", "cleared"));
      case "GET " + PREFIX + "/deliveries": {
        ObjectNode out = Json.obj().put("pending", fake.pendingDeliveries());
        ArrayNode list = out.putArray("deliveries");
        fake.deliveries().forEach(d -> list.add(deliveryJson(d)));
        return ok(out);
      }
      case "POST " + PREFIX + "/deliveries/next": {
        JsonNode b = body(raw, "duplicates");
        fake.duplicateNextDelivery(integer(b, "duplicates"));
        return ok(Json.obj().set("next_delivery", b));
      }
      case "POST " + PREFIX + "/deliveries/redeliver": {
        JsonNode b = body(raw, "ticket");
        fake.redeliverAll(string(b, "ticket", true));
        return json(202, Json.obj().put("redelivering", b.get("ticket").asText()));
      }
      case "GET " + PREFIX + "/journal": {
        ObjectNode out = Json.obj();
        ArrayNode list = out.putArray("calls");
        fake.journal().calls().forEach(c -> list.add(callJson(c)));
        return ok(out);
      }
      case "GET " + PREFIX + "/state": {
        ObjectNode out = Json.obj().put("api_calls", fake.apiCalls())
            .put("injected_failures", fake.injectedFailures()).put("pending_deliveries", fake.pendingDeliveries());
        ArrayNode u = out.putArray("unmatched_requests");
        fake.unmatchedRequests().forEach(u::add);
        return ok(out);
      }
      case "POST " + PREFIX + "/reset":
        fake.reset();
        return ok(Json.obj().put("reset", true));
      default:
        break;
    }
    Matcher m = TICKET.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String ticket = m.group(1);
    String action = m.group(2) == null ? "" : m.group(2);
    switch (method + " " + action) {
      case "GET ":
        return ok(ticketOut(ticket));
      case "POST /emails": {
        JsonNode b = body(raw, "text", "as", "login");
        String as = b.has("as") ? string(b, "as", true) : "customer";
        String text = string(b, "text", true);
        String activity = switch (as) {
          case "customer" -> {
            if (b.has("login")) {
              throw new BadRequest("\"login\" applies to \"as\": \"agent\" only");
            }
            yield fake.customerEmails(ticket, text);
          }
          case "agent" -> fake.agentEmails(ticket, b.has("login") ? string(b, "login", true) : "alice", text);
          default -> throw new BadRequest("\"as\" must be \"customer\" or \"agent\", was \"" + as + "\"");
        };
        return json(201, Json.obj().put("ticket", ticket).put("activity", activity));
      }
      case "POST /comments": {
        JsonNode b = body(raw, "text", "login");
        String activity = fake.agentComments(ticket, b.has("login") ? string(b, "login", true) : "alice",
            string(b, "text", true));
        return json(201, Json.obj().put("ticket", ticket).put("activity", activity));
      }
      case "POST /assign": {
        JsonNode b = body(raw, "user");
        if (!b.has("user")) {
          throw new BadRequest("\"user\" is required: a login, or null to unassign");
        }
        fake.agentAssigns(ticket, b.get("user").isNull() ? null : string(b, "user", true));
        return ok(ticketOut(ticket));
      }
      case "POST /category": {
        JsonNode b = body(raw, "category");
        fake.agentSetsCategory(ticket, string(b, "category", true));
        return ok(ticketOut(ticket));
      }
      case "POST /close":
        fake.agentCloses(ticket);
        return ok(ticketOut(ticket));
      case "POST /stage": {
        JsonNode b = body(raw, "stage");
        fake.agentSetsStage(ticket, string(b, "stage", true));
        return ok(ticketOut(ticket));
      }
      default:
        return null;
    }
  }

  private ObjectNode account() {
    DaktelaFake.Config c = fake.config();
    ObjectNode out = Json.obj().put("base_url", fake.baseUrl()).put("api_url", fake.baseUrl() + "/api/v6")
        .put("time_zone", c.zone().getId());
    out.putObject("connector").put("login", c.apiLogin()).put("accessToken", c.accessToken())
        .put("note", "the API user's token, for Deskbridge only: what is written with it is the bot's own");
    out.putArray("agents").add("alice").add("bob");
    out.putObject("categories").put("categories_support", 3001).put("categories_billing", 3002)
        .put("categories_tech", 3003);
    out.put("customers", "POST " + PREFIX + "/tickets and " + PREFIX + "/tickets/{name}/emails");
    return out;
  }

  private ObjectNode ticketOut(String name) {
    DaktelaFake.TicketView t = fake.ticket(name).orElseThrow(() -> new IllegalArgumentException(
        "no ticket " + name, DaktelaError.notFound("ticket " + name)));
    ObjectNode out = Json.obj();
    out.set("ticket", ticketJson(t));
    ArrayNode list = out.putArray("activities");
    fake.activities(name).forEach(a -> list.add(activityJson(a)));
    return out;
  }

  static ObjectNode ticketJson(DaktelaFake.TicketView t) {
    return Json.obj().put("name", t.name()).put("title", t.title()).put("category", t.category())
        .put("user", t.user()).put("stage", t.stage()).put("email", t.email()).put("created", t.created())
        .put("edited", t.edited());
  }

  static ObjectNode activityJson(DaktelaFake.ActivityView a) {
    return Json.obj().put("name", a.name()).put("ticket", a.ticket()).put("type", a.type())
        .put("direction", a.direction()).put("user", a.user()).put("title", a.title()).put("text", a.text())
        .put("time", a.time()).put("at", a.at().toString());
  }

  static ObjectNode deliveryJson(DeliveryAttempt d) {
    return Json.obj().put("subscription", d.target()).put("message_id", d.messageId()).put("ticket", d.conversation())
        .put("invocation_id", d.invocationId()).put("attempt", d.attempt()).put("status", d.statusCode())
        .put("acknowledged", d.acknowledged()).put("sent_at", d.sentAt().toString())
        .put("elapsed_ms", d.elapsed().toMillis()).put("body", d.body());
  }

  static ObjectNode callJson(RequestJournal.Call c) {
    ObjectNode n = Json.obj().put("seq", c.seq()).put("at", c.at().toString()).put("method", c.method())
        .put("path", c.path()).put("query", c.query()).put("ticket", c.conversation()).put("status", c.status());
    return c.fault() == null ? n.putNull("fault") : n.put("fault", c.fault().toString());
  }

  // ---------------------------------------------------------------- input

  private static JsonNode body(byte[] raw, String... allowed) {
    return ControlInput.body(raw, true, allowed);
  }

  private static int integer(JsonNode b, String field) {
    return ControlInput.integer(b, field, true);
  }

  private static DaktelaApi.Reply ok(JsonNode body) {
    return json(200, body);
  }

  private static DaktelaApi.Reply json(int status, JsonNode body) {
    return DaktelaApi.Reply.json(status, body);
  }

  private static DaktelaApi.Reply error(int status, String message) {
    return DaktelaApi.Reply.json(status, Json.obj().put("error", message));
  }
}
