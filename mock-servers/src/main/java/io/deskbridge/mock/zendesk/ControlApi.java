package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.base.ControlInput.bool;
import static io.deskbridge.mock.base.ControlInput.firstLine;
import static io.deskbridge.mock.base.ControlInput.integer;
import static io.deskbridge.mock.base.ControlInput.string;
import static io.deskbridge.mock.zendesk.Json.iso;
import static io.deskbridge.mock.zendesk.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.ControlInput.BadRequest;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The fake's own HTTP control endpoints under {@value #PREFIX}: not part of Zendesk, so they need no
 * authentication and are never counted, rate limited, failed or delayed by the API faults. Each
 * operation calls the same {@link ZendeskFake} method a Java caller would, so the HTTP and the Java
 * controls cannot drift apart; {@link ZendeskFakeControl} is the client the demo and tests use.
 *
 * <p>Bad input gets 400 with a reason (unknown fields included), an unknown ticket 404, a closed one 422,
 * all as {@code {"error":..., "description":...}}. A path under the prefix that is not listed here is
 * treated like any unmatched request: a loud 404, listed by {@link ZendeskFake#unmatchedRequests()}.
 *
 * <p>Thread-safe: stateless; the fake's methods are thread-safe.
 */
final class ControlApi {
  static final String PREFIX = ControlInput.PREFIX;
  private static final Pattern TICKET = Pattern.compile(PREFIX + "/tickets/(\\d{1,18})");
  private static final Pattern COMMENTS = Pattern.compile(PREFIX + "/tickets/(\\d{1,18})/comments");
  private static final Pattern SATISFACTION = Pattern.compile(PREFIX + "/tickets/(\\d{1,18})/satisfaction");
  private static final Pattern REDELIVER = Pattern.compile(PREFIX + "/deliveries/([^/]{1,64})/redeliver");

  private final ZendeskFake fake;

  ControlApi(ZendeskFake fake) {
    this.fake = fake;
  }

  /** The reply, or null when no control endpoint has this method and path. */
  ZendeskApi.Reply handle(String method, String path, byte[] rawBody) {
    try {
      return route(method, path, rawBody);
    } catch (BadRequest e) {
      return ZendeskApi.Reply.json(400, Json.error("InvalidControlRequest", e.getMessage()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e.getCause() instanceof ApiError api) {
        return ZendeskApi.Reply.json(api.status, api.body);
      }
      return ZendeskApi.Reply.json(400, Json.error("InvalidControlRequest", e.getMessage()));
    }
  }

  private ZendeskApi.Reply route(String method, String path, byte[] rawBody) {
    Matcher m;
    switch (method + " " + path) {
      case "GET " + PREFIX:
        return ok(account());
      case "POST " + PREFIX + "/tickets":
        return createTicket(body(rawBody, "requester_email", "requester_name", "subject", "body", "tags"));
      case "GET " + PREFIX + "/tickets": {
        ObjectNode out = obj();
        ArrayNode list = out.putArray("tickets");
        fake.tickets().forEach(t -> list.add(ticketJson(t)));
        return ok(out);
      }
      case "POST " + PREFIX + "/faults/fail-next": {
        JsonNode b = body(rawBody, "count", "status", "retry_after");
        fake.failNext(integer(b, "count", true), integer(b, "status", true), optionalInt(b, "retry_after"));
        return ok(faults(b, "fail-next"));
      }
      case "POST " + PREFIX + "/faults/fail-share": {
        JsonNode b = body(rawBody, "share", "status", "retry_after");
        fake.failRandomly(ControlInput.share(b), integer(b, "status", true), optionalInt(b, "retry_after"));
        return ok(faults(b, "fail-share"));
      }
      case "POST " + PREFIX + "/faults/delay": {
        JsonNode b = body(rawBody, "millis");
        fake.delayResponses(ControlInput.delay(b));
        return ok(faults(b, "delay"));
      }
      case "POST " + PREFIX + "/faults/rule": {
        JsonNode b = body(rawBody, "method", "path", "nth", "times", "status", "retry_after", "delay_millis",
            "faultcode", "faultstring", "namespace");
        fake.injectFault(faultRule(b));
        return ok(faults(b, "rule"));
      }
      case "GET " + PREFIX + "/journal": {
        ArrayNode list = obj().arrayNode();
        fake.journal().calls().forEach(c -> list.add(callJson(c)));
        ObjectNode out = obj();
        out.set("calls", list);
        return ok(out);
      }
      case "DELETE " + PREFIX + "/faults":
        fake.clearFaults();
        return ok(obj().put("faults", "cleared"));
      case "GET " + PREFIX + "/deliveries": {
        ObjectNode out = obj().put("pending", fake.pendingDeliveries());
        ArrayNode list = out.putArray("deliveries");
        fake.deliveries().forEach(d -> list.add(deliveryJson(d)));
        return ok(out);
      }
      case "POST " + PREFIX + "/deliveries/next":
        return nextDelivery(body(rawBody, "corrupt_signature", "static_test_secret", "duplicates",
            "skew_seconds"));
      case "GET " + PREFIX + "/state": {
        ObjectNode out = obj().put("api_calls", fake.apiCalls())
            .put("pending_deliveries", fake.pendingDeliveries());
        out.set("unmatched_requests", Json.arr(fake.unmatchedRequests()));
        return ok(out);
      }
      case "POST " + PREFIX + "/reset":
        fake.reset();
        return ok(obj().put("reset", true));
      default:
        break;
    }
    if (method.equals("GET") && (m = TICKET.matcher(path)).matches()) {
      long id = Long.parseLong(m.group(1));
      TicketView t = fake.ticket(id).orElseThrow(() -> new IllegalArgumentException("no ticket",
          ApiError.notFound()));
      ObjectNode out = obj();
      out.set("ticket", ticketJson(t));
      ArrayNode list = out.putArray("comments");
      fake.comments(id).forEach(c -> list.add(commentJson(c)));
      return ok(out);
    }
    if (method.equals("POST") && (m = COMMENTS.matcher(path)).matches()) {
      return comment(Long.parseLong(m.group(1)), body(rawBody, "body", "as", "agent_id", "public"));
    }
    if (method.equals("POST") && (m = SATISFACTION.matcher(path)).matches()) {
      JsonNode b = body(rawBody, "score", "comment");
      String score = string(b, "score", true);
      if (!score.equals("good") && !score.equals("bad")) {
        throw new BadRequest("\"score\" must be \"good\" or \"bad\", was \"" + score + "\"");
      }
      long ticket = Long.parseLong(m.group(1));
      long id = fake.satisfaction().rate(ticket, score.equals("good"), string(b, "comment", false));
      return ok(obj().put("satisfaction_rating_id", id).put("ticket_id", ticket).put("score", score));
    }
    if (method.equals("POST") && (m = REDELIVER.matcher(path)).matches()) {
      fake.redeliver(m.group(1));
      return ZendeskApi.Reply.json(202, obj().put("redelivering", m.group(1)));
    }
    return null;
  }

  private ObjectNode account() {
    ObjectNode out = obj().put("base_url", fake.baseUrl()).put("api_url", fake.baseUrl() + "/api/v2")
        .put("account_id", fake.config().accountId());
    out.putObject("connector").put("user_id", fake.botUserId()).put("email", fake.config().agentEmail())
        .put("api_token", fake.config().apiToken())
        .put("note", "the bot agent's credentials, for Deskbridge only: anything created with them is "
            + "authored by the bot and ignored by the connector as its own");
    out.putObject("human_agent").put("user_id", fake.humanAgentId()).put("email", "alice@acme.example");
    ObjectNode groups = out.putObject("groups");
    fake.groups().forEach(groups::put);
    out.put("customers", "POST " + PREFIX + "/tickets and " + PREFIX + "/tickets/{id}/comments");
    return out;
  }

  private ZendeskApi.Reply createTicket(JsonNode b) {
    String email = string(b, "requester_email", true);
    if (!email.matches("[^@\\s]+@[^@\\s]+")) {
      throw new BadRequest("\"requester_email\" must be an e-mail address, was \"" + email + "\"");
    }
    String body = string(b, "body", true);
    String subject = string(b, "subject", false);
    List<String> tags = new ArrayList<>();
    if (b.has("tags")) {
      if (!b.get("tags").isArray()) {
        throw new BadRequest("\"tags\" must be an array of strings");
      }
      b.get("tags").forEach(t -> tags.add(t.asText()));
    }
    long id = fake.customerCreatesTicket(email, string(b, "requester_name", false),
        subject == null ? firstLine(body) : subject, body, tags);
    TicketView t = fake.ticket(id).orElseThrow();
    ObjectNode out = obj().put("ticket_id", id).put("requester_id", t.requesterId())
        .put("comment_id", fake.comments(id).get(0).id());
    out.set("ticket", ticketJson(t));
    return ZendeskApi.Reply.json(201, out);
  }

  private ZendeskApi.Reply comment(long ticketId, JsonNode b) {
    String body = string(b, "body", true);
    String as = b.has("as") ? string(b, "as", true) : "customer";
    long commentId;
    switch (as) {
      case "customer" -> {
        if (b.has("agent_id") || b.has("public")) {
          throw new BadRequest("\"agent_id\" and \"public\" apply to \"as\": \"agent\" only; a customer's "
              + "comment is always public and authored by the ticket's requester");
        }
        commentId = fake.customerComments(ticketId, body);
      }
      case "agent" -> {
        long agent = b.has("agent_id") ? integer(b, "agent_id", true) : fake.humanAgentId();
        if (b.has("public") && !b.get("public").isBoolean()) {
          throw new BadRequest("\"public\" must be true or false");
        }
        commentId = fake.agentComments(ticketId, agent, body, b.path("public").asBoolean(true));
      }
      default -> throw new BadRequest("\"as\" must be \"customer\" or \"agent\", was \"" + as + "\"");
    }
    CommentView c = fake.comments(ticketId).stream().filter(x -> x.id() == commentId).findFirst()
        .orElseThrow();
    ObjectNode out = obj().put("ticket_id", ticketId).put("comment_id", commentId);
    out.set("comment", commentJson(c));
    return ZendeskApi.Reply.json(201, out);
  }

  private ZendeskApi.Reply nextDelivery(JsonNode b) {
    if (b.size() == 0) {
      throw new BadRequest("give at least one of corrupt_signature, static_test_secret, duplicates, "
          + "skew_seconds");
    }
    if (bool(b, "corrupt_signature")) {
      fake.corruptNextSignature();
    }
    if (bool(b, "static_test_secret")) {
      fake.deliverNextWithStaticTestSecret();
    }
    if (b.has("duplicates")) {
      fake.duplicateNextDelivery(integer(b, "duplicates", true));
    }
    if (b.has("skew_seconds")) {
      fake.skewNextTimestamp(Duration.ofSeconds(integer(b, "skew_seconds", true)));
    }
    ObjectNode out = obj();
    out.set("next_delivery", b);
    return ok(out);
  }

  /** A fault rule from its JSON: exactly one of {@code status}, {@code delay_millis} or {@code faultcode}. */
  private static FaultRule faultRule(JsonNode b) {
    int kinds = (b.has("status") ? 1 : 0) + (b.has("delay_millis") ? 1 : 0) + (b.has("faultcode") ? 1 : 0);
    if (kinds != 1) {
      throw new BadRequest("give exactly one of status, delay_millis, faultcode");
    }
    Fault fault;
    if (b.has("status")) {
      fault = new Fault.Status(integer(b, "status", true), optionalInt(b, "retry_after"));
    } else if (b.has("delay_millis")) {
      int millis = integer(b, "delay_millis", true);
      if (millis < 0) {
        throw new BadRequest("\"delay_millis\" must be >= 0");
      }
      fault = new Fault.Delay(Duration.ofMillis(millis));
    } else {
      fault = new Fault.SoapFault(string(b, "faultcode", true), string(b, "faultstring", true),
          string(b, "namespace", false), null);
    }
    String path = string(b, "path", false);
    try {
      return FaultRule.on(string(b, "method", false), path, fault)
          .nth(b.has("nth") ? integer(b, "nth", true) : 1).times(b.has("times") ? integer(b, "times", true) : 1);
    } catch (PatternSyntaxException e) {
      throw new BadRequest("\"path\" is not a regular expression: " + e.getDescription());
    }
  }

  private static ZendeskApi.Reply ok(JsonNode body) {
    return ZendeskApi.Reply.json(200, body);
  }

  private static ObjectNode faults(JsonNode b, String kind) {
    ObjectNode out = obj();
    out.set(kind, b);
    return out;
  }

  // ---------------------------------------------------------------- JSON of the views

  static ObjectNode ticketJson(TicketView t) {
    ObjectNode n = obj().put("id", t.id()).put("subject", t.subject()).put("status", t.status())
        .put("priority", t.priority()).put("type", t.type()).put("requester_id", t.requesterId())
        .put("submitter_id", t.submitterId()).put("assignee_id", t.assigneeId())
        .put("group_id", t.groupId());
    n.set("tags", Json.arr(t.tags()));
    return n.put("via", t.viaChannel()).put("created_at", iso(t.createdAt()))
        .put("updated_at", iso(t.updatedAt()));
  }

  static ObjectNode commentJson(CommentView c) {
    return obj().put("id", c.id()).put("author_id", c.authorId()).put("body", c.body())
        .put("public", c.isPublic()).put("via", c.via()).put("created_at", iso(c.createdAt()))
        .put("stored_at", c.storedAt().toString());
  }

  static ObjectNode callJson(RequestJournal.Call c) {
    ObjectNode n = obj().put("seq", c.seq()).put("at", c.at().toString()).put("method", c.method())
        .put("path", c.path()).put("query", c.query()).put("ticket_id", c.conversation())
        .put("status", c.status());
    return c.fault() == null ? n.putNull("fault") : n.put("fault", c.fault().toString());
  }

  static ObjectNode deliveryJson(DeliveryRecord d) {
    return obj().put("webhook_id", d.webhookId()).put("event_id", d.eventId())
        .put("invocation_id", d.invocationId()).put("attempt", d.attempt()).put("status", d.statusCode())
        .put("ticket_id", d.ticketId()).put("sent_at", d.sentAt().toString())
        .put("elapsed_ms", d.elapsed().toMillis()).put("body", d.body());
  }

  // ---------------------------------------------------------------- input

  private static JsonNode body(byte[] raw, String... allowed) {
    return ControlInput.body(raw, false, allowed);
  }

  private static Integer optionalInt(JsonNode b, String field) {
    return b.hasNonNull(field) ? integer(b, field, true) : null;
  }
}
