package io.deskbridge.mock.sunco;

import static io.deskbridge.mock.base.ControlInput.bool;
import static io.deskbridge.mock.base.ControlInput.integer;
import static io.deskbridge.mock.base.ControlInput.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.ControlInput.BadRequest;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.sunco.SuncoViews.Conversation;
import io.deskbridge.mock.sunco.SuncoViews.Handover;
import io.deskbridge.mock.sunco.SuncoViews.Message;
import io.deskbridge.mock.sunco.SuncoViews.Webhook;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's own endpoints under {@code /__control} (not part of SunCo): act as customers and agents, subscribe
 * webhooks, hold, duplicate and redeliver deliveries, inject API faults, read state. No authentication, JSON in and
 * out, never journaled, failed or delayed. Bad input is a 400 with the reason (unknown fields included), an unknown
 * conversation 404, an agent action while the agent workspace is not in control 409; an unknown path is unmatched
 * (loud 404). They call the same {@link SuncoFake} methods as Java callers; {@link SuncoFakeControl} is their client.
 *
 * <p>Thread-safe: stateless; the fake's methods are thread-safe.
 */
final class SuncoControl {
  static final String PREFIX = ControlInput.PREFIX;
  private static final Pattern CONVERSATION = Pattern.compile(PREFIX + "/conversations/([0-9a-f]{24})(/[a-z]+)?");
  private static final Pattern REDELIVER = Pattern.compile(PREFIX + "/events/([0-9a-f]{24})/redeliver");

  private final SuncoFake fake;

  SuncoControl(SuncoFake fake) {
    this.fake = fake;
  }

  /** The reply, or null when no control endpoint has this method and path. */
  SuncoApi.Reply handle(String method, String path, byte[] raw) {
    try {
      return route(method, path, raw);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    } catch (IllegalArgumentException e) {
      boolean notFound = e.getCause() instanceof SuncoError s && s.status == 404;
      return error(notFound ? 404 : 400, e.getMessage());
    }
  }

  private SuncoApi.Reply route(String method, String path, byte[] raw) {
    switch (method + " " + path) {
      case "GET " + PREFIX:
        return ok(account());
      case "POST " + PREFIX + "/webhooks": {
        JsonNode b = ControlInput.body(raw, false, "target", "triggers", "include_full_user");
        URI target;
        try {
          target = URI.create(string(b, "target", true));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("\"target\" is not a URL");
        }
        List<String> triggers = new ArrayList<>(SuncoFake.DEFAULT_TRIGGERS);
        if (b.has("triggers")) {
          if (!b.get("triggers").isArray() || b.get("triggers").isEmpty()) {
            throw new BadRequest("\"triggers\" must be a non-empty array of trigger names");
          }
          triggers.clear();
          b.get("triggers").forEach(t -> triggers.add(t.asText()));
        }
        Webhook w = fake.subscribe(target, triggers, bool(b, "include_full_user"));
        return json(201, SuncoJson.obj().put("id", w.id()).put("secret", w.secret()));
      }
      case "POST " + PREFIX + "/conversations": {
        JsonNode b = ControlInput.body(raw, false, "name", "email", "text");
        SuncoFake.Started s = fake.customerStarts(string(b, "name", true), string(b, "email", false),
            string(b, "text", false));
        ObjectNode out = SuncoJson.obj().put("conversation_id", s.conversationId()).put("user_id", s.userId());
        out.put("message_id", s.messageId());
        return json(201, out);
      }
      case "GET " + PREFIX + "/conversations": {
        ObjectNode out = SuncoJson.obj();
        ArrayNode list = out.putArray("conversations");
        fake.conversations().forEach(c -> list.add(conversationJson(c)));
        return ok(out);
      }
      case "GET " + PREFIX + "/handovers": {
        ObjectNode out = SuncoJson.obj();
        ArrayNode list = out.putArray("handovers");
        fake.handovers().forEach(h -> list.add(handoverJson(h)));
        return ok(out);
      }
      case "POST " + PREFIX + "/faults/fail-next": {
        JsonNode b = ControlInput.body(raw, false, "count", "status", "retry_after");
        fake.failNext(integer(b, "count", true), ControlInput.status(b), ControlInput.retryAfter(b));
        return ok(SuncoJson.obj().set("fail-next", b));
      }
      case "POST " + PREFIX + "/faults/fail-share": {
        JsonNode b = ControlInput.body(raw, false, "share", "status");
        fake.failRandomly(ControlInput.share(b), ControlInput.status(b));
        return ok(SuncoJson.obj().set("fail-share", b));
      }
      case "POST " + PREFIX + "/faults/delay": {
        JsonNode b = ControlInput.body(raw, false, "millis");
        fake.delayResponses(ControlInput.delay(b));
        return ok(SuncoJson.obj().set("delay", b));
      }
      case "DELETE " + PREFIX + "/faults":
        fake.clearFaults();
        return ok(SuncoJson.obj().put("faults", "cleared"));
      case "GET " + PREFIX + "/deliveries": {
        ObjectNode out = SuncoJson.obj().put("pending", fake.pendingDeliveries());
        ArrayNode list = out.putArray("deliveries");
        fake.deliveries().forEach(d -> list.add(deliveryJson(d)));
        return ok(out);
      }
      case "POST " + PREFIX + "/deliveries/next": {
        JsonNode b = ControlInput.body(raw, false, "duplicates");
        fake.duplicateNextDelivery(integer(b, "duplicates", true));
        return ok(SuncoJson.obj().set("next_delivery", b));
      }
      case "POST " + PREFIX + "/deliveries/hold":
        ControlInput.body(raw, true);
        fake.holdDeliveries();
        return ok(SuncoJson.obj().put("holding", true));
      case "POST " + PREFIX + "/deliveries/release":
        ControlInput.body(raw, true);
        return ok(SuncoJson.obj().put("posts", fake.releaseDeliveries()));
      case "POST " + PREFIX + "/deliveries/shuffle": {
        JsonNode b = ControlInput.body(raw, false, "on");
        fake.shuffleDeliveries(bool(b, "on"));
        return ok(SuncoJson.obj().put("shuffle", bool(b, "on")));
      }
      case "GET " + PREFIX + "/journal": {
        ObjectNode out = SuncoJson.obj();
        ArrayNode list = out.putArray("calls");
        fake.journal().calls().forEach(c -> list.addObject().put("seq", c.seq()).put("method", c.method())
            .put("path", c.path()).put("query", c.query()).put("conversation", c.conversation())
            .put("status", c.status()).put("fault", c.fault() == null ? null : c.fault().toString()));
        return ok(out);
      }
      case "GET " + PREFIX + "/state": {
        ObjectNode out = SuncoJson.obj().put("api_calls", fake.apiCalls())
            .put("injected_failures", fake.injectedFailures()).put("pending_deliveries", fake.pendingDeliveries());
        ArrayNode u = out.putArray("unmatched_requests");
        fake.unmatchedRequests().forEach(u::add);
        return ok(out);
      }
      case "POST " + PREFIX + "/reset":
        fake.reset();
        return ok(SuncoJson.obj().put("reset", true));
      default:
        return conversationRoute(method, path, raw);
    }
  }

  private SuncoApi.Reply conversationRoute(String method, String path, byte[] raw) {
    Matcher r = REDELIVER.matcher(path);
    if (r.matches() && method.equals("POST")) {
      ControlInput.body(raw, true);
      fake.redeliver(r.group(1));
      return json(202, SuncoJson.obj().put("redelivering", r.group(1)));
    }
    Matcher m = CONVERSATION.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String id = m.group(1);
    String action = m.group(2) == null ? "" : m.group(2);
    switch (method + " " + action) {
      case "GET ": {
        Conversation c = fake.conversation(id).orElseThrow(() -> new IllegalArgumentException(
            "no conversation " + id, SuncoError.conversationNotFound()));
        return ok(conversationJson(c));
      }
      case "POST /messages": {
        JsonNode b = ControlInput.body(raw, false, "text", "as", "agent");
        String as = b.has("as") ? string(b, "as", true) : "customer";
        String text = string(b, "text", true);
        String messageId = switch (as) {
          case "customer" -> {
            if (b.has("agent")) {
              throw new BadRequest("\"agent\" is only for \"as\": \"agent\"");
            }
            yield fake.customerSends(id, text);
          }
          case "agent" -> fake.agentReplies(id, b.has("agent") ? string(b, "agent", true) : "Alice", text);
          default -> throw new BadRequest("\"as\" must be customer or agent");
        };
        return json(201, SuncoJson.obj().put("message_id", messageId));
      }
      case "POST /release": {
        JsonNode b = ControlInput.body(raw, true, "reason");
        fake.agentReleases(id, reason(b));
        return ok(SuncoJson.obj().put("released", id));
      }
      case "POST /close":
        ControlInput.body(raw, true);
        fake.agentClosesTicket(id);
        return ok(SuncoJson.obj().put("released", id).put("reason", "ticketClosed"));
      case "POST /pass": {
        JsonNode b = ControlInput.body(raw, true, "target", "reason");
        String target = b.has("target") ? string(b, "target", true) : "next";
        fake.agentPassesControl(id, target, reason(b));
        return ok(SuncoJson.obj().put("passed", id).put("target", target));
      }
      default:
        return null;
    }
  }

  private static String reason(JsonNode b) {
    String reason = string(b, "reason", false);
    if (reason != null && !reason.equals("ticketClosed") && !reason.equals("transferToEmail")) {
      throw new BadRequest("\"reason\" must be ticketClosed or transferToEmail");
    }
    return reason;
  }

  private ObjectNode account() {
    SuncoFake.Config c = fake.config();
    ObjectNode out = SuncoJson.obj().put("api_url", fake.apiUrl()).put("app_id", c.appId())
        .put("key_id", c.keyId()).put("key_secret", c.keySecret()).put("switchboard_id", fake.switchboardId());
    ArrayNode si = out.putArray("switchboard_integrations");
    si.add(SuncoFake.BOT).add(SuncoFake.AGENT_WORKSPACE);
    ArrayNode hooks = out.putArray("webhooks");
    fake.webhooks().forEach(w -> hooks.addObject().put("id", w.id()).put("target", w.target().toString()));
    return out;
  }

  static ObjectNode conversationJson(Conversation c) {
    ObjectNode out = SuncoJson.obj().put("id", c.id()).put("user_id", c.userId()).put("active", c.active())
        .put("pending", c.pending());
    out.set("metadata", SuncoJson.MAPPER.valueToTree(c.metadata()));
    ObjectNode counts = out.putObject("counts").put("user", c.messagesBy("user").size())
        .put("business", c.messagesBy("business").size()).put("api_replies", c.apiReplies().size())
        .put("api_replies_out_of_turn", c.apiRepliesOutOfTurn(SuncoFake.BOT).size());
    counts.put("agent", c.messages().stream().filter(Message::isAgent).count());
    ArrayNode messages = out.putArray("messages");
    c.messages().forEach(m -> messages.add(messageJson(m)));
    ArrayNode activities = out.putArray("activities");
    c.activities().forEach(a -> activities.addObject().put("at", SuncoJson.time(a.at()))
        .put("author_type", a.authorType()).put("type", a.type()));
    ArrayNode history = out.putArray("control_history");
    c.controlHistory().forEach(h -> {
      ObjectNode n = history.addObject().put("at", SuncoJson.time(h.at())).put("action", h.action())
          .put("from", h.from()).put("to", h.to()).put("reason", h.reason()).put("by", h.by());
      n.set("metadata", SuncoJson.MAPPER.valueToTree(h.metadata()));
    });
    return out;
  }

  private static ObjectNode messageJson(Message m) {
    ObjectNode n = SuncoJson.obj().put("id", m.id()).put("received", SuncoJson.time(m.received()))
        .put("author_type", m.authorType()).put("display_name", m.displayName()).put("content_type", m.contentType())
        .put("text", m.text()).put("source_type", m.sourceType()).put("active", m.activeWhenReceived());
    n.set("subtypes", SuncoJson.MAPPER.valueToTree(m.subtypes()));
    n.set("metadata", SuncoJson.MAPPER.valueToTree(m.metadata()));
    return n;
  }

  private static ObjectNode handoverJson(Handover h) {
    ObjectNode n = SuncoJson.obj().put("ticket_id", h.ticketId()).put("conversation_id", h.conversationId())
        .put("at", SuncoJson.time(h.at())).put("first_message_id", h.firstMessageId())
        .put("first_message_found", h.firstMessageFound());
    ArrayNode t = n.putArray("transcript");
    h.transcript().forEach(m -> t.add(messageJson(m)));
    n.set("fields", SuncoJson.MAPPER.valueToTree(h.fields()));
    n.set("metadata", SuncoJson.MAPPER.valueToTree(h.metadata()));
    return n;
  }

  private static ObjectNode deliveryJson(DeliveryAttempt d) {
    return SuncoJson.obj().put("webhook", d.target()).put("message", d.messageId())
        .put("conversation", d.conversation()).put("invocation", d.invocationId()).put("attempt", d.attempt())
        .put("status", d.statusCode()).put("acknowledged", d.acknowledged()).put("body", d.body())
        .put("sent_at", SuncoJson.time(d.sentAt())).put("elapsed_ms", d.elapsed().toMillis());
  }

  private static SuncoApi.Reply ok(JsonNode body) {
    return json(200, body);
  }

  private static SuncoApi.Reply json(int status, JsonNode body) {
    return new SuncoApi.Reply(status, SuncoJson.bytes(body), Map.of());
  }

  private static SuncoApi.Reply error(int status, String message) {
    return json(status, SuncoJson.obj().put("error", message));
  }
}
