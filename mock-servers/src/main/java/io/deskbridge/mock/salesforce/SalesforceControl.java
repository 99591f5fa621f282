package io.deskbridge.mock.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.ControlInput.BadRequest;
import io.deskbridge.mock.base.DeliveryAttempt;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's own HTTP control endpoints under {@value #PREFIX} (not part of Salesforce: no session, never counted,
 * failed or delayed): act as customers and agents, inject faults, read state. Each calls the same
 * {@link SalesforceFake} method a Java caller would. Bad input is a 400 {@code {"error","description"}} naming the
 * field (unknown fields included), an unknown Case 404; a path not listed here is an unmatched request.
 *
 * <p>Thread-safe: stateless; the fake's methods are thread-safe.
 */
final class SalesforceControl {
  static final String PREFIX = ControlInput.PREFIX;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CASE = Pattern.compile(PREFIX + "/cases/([A-Za-z0-9]{15,18})(/[a-z-]+)?");

  /** A control answer. */
  record Reply(int status, byte[] body) {}

  private final SalesforceFake fake;

  SalesforceControl(SalesforceFake fake) {
    this.fake = fake;
  }

  /** The reply, or null when no control endpoint has this method and path. */
  Reply handle(String method, String path, byte[] raw) {
    try {
      return route(method, path, raw);
    } catch (BadRequest | IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    }
  }

  private Reply route(String method, String path, byte[] raw) {
    switch (method + " " + path) {
      case "GET " + PREFIX -> {
        SalesforceFakeConfig c = fake.config();
        ObjectNode o = JSON.createObjectNode().put("instanceUrl", fake.instanceUrl()).put("organizationId",
            fake.orgId()).put("clientId", c.clientId()).put("clientSecret", c.clientSecret())
            .put("username", c.integrationUsername()).put("integrationUserId", fake.integrationUserId())
            .put("agentUserId", fake.agentUserId()).put("orgWideAddressId", fake.orgWideAddressId());
        ObjectNode q = o.putObject("queues");
        fake.queues().forEach(q::put);
        return ok(o);
      }
      case "POST " + PREFIX + "/cases" -> {
        JsonNode b = body(raw, "email", "name", "subject", "description", "origin");
        String id = fake.customerCreatesCase(text(b, "email", true), text(b, "name", false),
            text(b, "subject", false), text(b, "description", false),
            b.has("origin") ? text(b, "origin", true) : "Web");
        return new Reply(201, bytes(JSON.createObjectNode().put("case_id", id)));
      }
      case "GET " + PREFIX + "/cases" -> {
        ArrayNode list = JSON.createArrayNode();
        fake.cases().forEach(c -> list.add(json(c)));
        return ok(JSON.createObjectNode().set("cases", list));
      }
      case "GET " + PREFIX + "/sent-emails" -> {
        ArrayNode list = JSON.createArrayNode();
        fake.sentEmails().forEach(s -> list.add(json(s)));
        return ok(JSON.createObjectNode().set("sent_emails", list));
      }
      case "GET " + PREFIX + "/deliveries" -> {
        ArrayNode list = JSON.createArrayNode();
        for (DeliveryAttempt a : fake.deliveries()) {
          list.add(json(a));
        }
        return ok(JSON.createObjectNode().put("pending", fake.pendingDeliveries()).set("deliveries", list));
      }
      case "GET " + PREFIX + "/state" -> {
        return ok(JSON.createObjectNode().put("api_calls", fake.apiCalls()).put("api_usage", fake.apiUsage())
            .put("pending_deliveries", fake.pendingDeliveries())
            .set("unmatched", JSON.valueToTree(fake.unmatchedRequests())));
      }
      case "POST " + PREFIX + "/faults/fail-next" -> {
        JsonNode b = body(raw, "count", "fault_code");
        fake.failNext(integer(b, "count"), text(b, "fault_code", true));
        return ok(JSON.createObjectNode().put("ok", true));
      }
      case "POST " + PREFIX + "/faults/fail-share" -> {
        JsonNode b = body(raw, "share", "fault_code");
        fake.failRandomly(ControlInput.share(b), text(b, "fault_code", true));
        return ok(JSON.createObjectNode().put("ok", true));
      }
      case "POST " + PREFIX + "/faults/api-usage" -> {
        fake.setApiUsage(integer(body(raw, "current"), "current"));
        return ok(JSON.createObjectNode().put("ok", true));
      }
      case "POST " + PREFIX + "/faults/expire-sessions" -> {
        fake.expireSessions();
        return ok(JSON.createObjectNode().put("ok", true));
      }
      case "DELETE " + PREFIX + "/faults" -> {
        fake.clearFaults();
        return ok(JSON.createObjectNode().put("ok", true));
      }
      case "POST " + PREFIX + "/reset" -> {
        fake.reset();
        return ok(JSON.createObjectNode().put("ok", true));
      }
      default -> {
        return caseRoute(method, path, raw);
      }
    }
  }

  private Reply caseRoute(String method, String path, byte[] raw) {
    Matcher m = CASE.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String id = m.group(1);
    String action = m.group(2) == null ? "" : m.group(2);
    if (fake.caseRecord(id).isEmpty()) {
      return error(404, "no Case " + id);
    }
    switch (method + " " + action) {
      case "GET " -> {
        ObjectNode o = (ObjectNode) json(fake.caseRecord(id).orElseThrow());
        o.set("comments", list(fake.comments(id)));
        o.set("emails", list(fake.emails(id)));
        o.set("feed_items", list(fake.feedItems(id)));
        return ok(o);
      }
      case "POST /emails" -> {
        JsonNode b = body(raw, "text", "as");
        String as = b.has("as") ? text(b, "as", true) : "customer";
        String made = switch (as) {
          case "customer" -> fake.customerEmails(id, text(b, "text", true));
          case "agent" -> fake.agentEmails(id, text(b, "text", true));
          default -> throw new BadRequest("as must be customer or agent, was " + as);
        };
        return new Reply(201, bytes(JSON.createObjectNode().put("email_message_id", made)));
      }
      case "POST /comments" -> {
        JsonNode b = body(raw, "text", "as", "published");
        String as = b.has("as") ? text(b, "as", true) : "customer";
        boolean published = !b.has("published") || b.path("published").asBoolean(true);
        String made = switch (as) {
          case "customer" -> fake.customerComments(id, text(b, "text", true));
          case "agent" -> fake.agentComments(id, text(b, "text", true), published);
          default -> throw new BadRequest("as must be customer or agent, was " + as);
        };
        return new Reply(201, bytes(JSON.createObjectNode().put("comment_id", made)));
      }
      case "POST /take" -> fake.agentTakes(id);
      case "POST /close" -> fake.agentCloses(id);
      case "POST /reopen" -> fake.agentReopens(id);
      case "POST /assign" -> fake.agentAssigns(id, text(body(raw, "owner_id"), "owner_id", true));
      default -> {
        return null;
      }
    }
    return ok(json(fake.caseRecord(id).orElseThrow()));
  }

  private static JsonNode body(byte[] raw, String... allowed) {
    return ControlInput.body(raw, true, allowed);
  }

  private static int integer(JsonNode b, String field) {
    return ControlInput.integer(b, field, true);
  }

  private static String text(JsonNode b, String field, boolean required) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequest("\"" + field + "\" is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new BadRequest("\"" + field + "\" must be a string");
    }
    return v.asText();
  }

  private static ArrayNode list(List<? extends Record> records) {
    ArrayNode out = JSON.createArrayNode();
    records.forEach(r -> out.add(json(r)));
    return out;
  }

  /** A view record as JSON: its components by name, instants as ISO text. */
  private static JsonNode json(Record r) {
    ObjectNode o = JSON.createObjectNode();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(r);
        o.set(c.getName(), v instanceof java.time.temporal.TemporalAccessor || v instanceof java.time.Duration
            ? JSON.getNodeFactory().textNode(v.toString()) : JSON.valueToTree(v));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return o;
  }

  private static Reply ok(JsonNode body) {
    return new Reply(200, bytes(body));
  }

  private static Reply error(int status, String description) {
    return new Reply(status, bytes(JSON.createObjectNode().put("error", status == 404 ? "NotFound"
        : "InvalidControlRequest").put("description", description)));
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
