package io.deskbridge.mock.daktela.chat;

import static io.deskbridge.mock.base.ControlInput.integer;
import static io.deskbridge.mock.base.ControlInput.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.RequestLine;
import io.deskbridge.mock.base.ControlInput.BadRequest;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.Faults;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Choice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension of the web-chat fake: the {@code response_url}s ({@code POST /external-bot/response/{chat}},
 * journaled, subject to injected faults) and the control endpoints under {@code /__control} (not part of Daktela; no
 * authentication, JSON in and out, never journaled or failed; bad input 400, an unknown chat 404, a closed chat 409).
 * The REST API: realtime sessions ({@link DaktelaChatRealtime}); the rest of {@code /api/v6/} is passed to the ticket
 * fake behind the same base URL ({@link DaktelaChatTickets}). Anything else is a loud 404.
 *
 * <p>Thread-safe: answers are served one at a time under this object's monitor; control requests outside it.
 */
final class DaktelaChatServer implements ResponseDefinitionTransformerV2 {
  private static final Logger LOG = LoggerFactory.getLogger(DaktelaChatServer.class);
  private static final String CONTROL = ControlInput.PREFIX;
  private static final Pattern RESPONSE = Pattern.compile(Pattern.quote(DaktelaChatFake.RESPONSE_PATH)
      + "(activitiesWeb_[0-9a-f]{13})");
  private static final Pattern CHAT = Pattern.compile(CONTROL + "/chats/(activitiesWeb_[0-9a-f]{13})(/[a-z]+)?");

  record Reply(int status, byte[] body, Map<String, String> headers) {
    Reply(int status, byte[] body) {
      this(status, body, Map.of());
    }
  }

  private final DaktelaChatFake fake;
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();

  DaktelaChatServer(DaktelaChatFake fake) {
    this.fake = fake;
  }

  @Override
  public String getName() {
    return "deskbridge-daktela-chat-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    RequestLine line = RequestLine.of(request);
    String url = line.url();
    String path = line.path();
    String method = line.method();
    Reply reply;
    Duration wait = Duration.ZERO;
    if (ControlInput.isControlPath(path)) {
      reply = control(method, path, request.getBody());
    } else if (DaktelaChatRealtime.serves(path)) {
      reply = fake.realtime().answer(method, line.query(), request::getHeader,
          java.time.LocalDateTime.ofInstant(fake.config().clock().instant(), fake.config().zone()));
    } else if (DaktelaChatTickets.serves(path)) {
      reply = fake.tickets().forward(method, url, request::getHeader, request.getBody());
    } else {
      synchronized (this) {
        Duration[] late = {Duration.ZERO};
        reply = response(method, path, line.query(), request.getBody(), late);
        wait = late[0];
      }
    }
    if (reply == null) {
      journal.unmatched(method + " " + url);
      LOG.warn("Daktela web-chat fake: unmatched request {} {}", method, url);
      reply = new Reply(404, DaktelaChatWire.error("the Daktela web-chat fake does not serve " + method + " " + url));
    }
    return FakeServer.response(reply.status(), "application/json; charset=utf-8", reply.body(), wait,
        reply.headers());
  }

  RequestJournal journal() {
    return journal;
  }

  void failNext(int count, int status) {
    faults.failNext(count, new Fault.Status(status, status == 429 ? 1 : null));
  }

  /** The next {@code count} answers are served (the state changes) and sent {@code delay} late. */
  void delayNext(int count, Duration delay) {
    faults.failNext(count, new Fault.Delay(delay));
  }

  /** The {@code nth} answer from now on is served and sent {@code delay} late. */
  void delayNth(int nth, Duration delay) {
    faults.add(io.deskbridge.mock.base.FaultRule.next(new Fault.Delay(delay)).nth(nth));
  }

  void clearFaults() {
    faults.clear();
  }

  synchronized void reset() {
    faults.clear();
    journal.clear();
  }

  private Reply response(String method, String path, String query, byte[] raw, Duration[] late) {
    Matcher m = RESPONSE.matcher(path);
    if (!m.matches() || !method.equals("POST")) {
      return null;
    }
    Fault fault = faults.next(method, path).orElse(null);
    Reply reply;
    if (fault instanceof Fault.Delay d) {
      late[0] = d.delay();
      reply = fake.answer(m.group(1), raw);
    } else if (fault instanceof Fault.Status f) {
      reply = new Reply(f.status(), DaktelaChatWire.error("injected " + f.status()),
          f.retryAfterSeconds() == null ? Map.of() : Map.of("Retry-After", String.valueOf(f.retryAfterSeconds())));
    } else {
      reply = fake.answer(m.group(1), raw);
    }
    journal.record(fake.config().clock().instant(), method, path, query, m.group(1), reply.status(), fault,
        raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
    return reply;
  }

  // ---------------------------------------------------------------- control

  private Reply control(String method, String path, byte[] raw) {
    try {
      return route(method, path, raw);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(e.getMessage().startsWith("no chat") ? 404 : 400, e.getMessage());
    }
  }

  private Reply route(String method, String path, byte[] raw) {
    switch (method + " " + path) {
      case "POST " + CONTROL + "/bot": {
        JsonNode b = ControlInput.body(raw, false, "url", "token", "header");
        URI url;
        try {
          url = URI.create(string(b, "url", true));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("\"url\" is not a URL");
        }
        fake.connectBot(new DaktelaChatFake.BotEndpoint(url, string(b, "token", true), string(b, "header", false)));
        return ok(obj().put("connected", url.toString()));
      }
      case "POST " + CONTROL + "/chats": {
        JsonNode b = ControlInput.body(raw, false, "name", "email", "text");
        String chat = fake.customerStarts(string(b, "name", false), string(b, "email", false),
            string(b, "text", true));
        return json(201, obj().put("chat", chat).put("response_url", fake.responseUrl(chat)));
      }
      case "GET " + CONTROL + "/chats": {
        ObjectNode out = obj();
        ArrayNode list = out.putArray("chats");
        fake.chats().forEach(c -> list.add(chatJson(c)));
        return ok(out);
      }
      case "POST " + CONTROL + "/faults/fail-next": {
        JsonNode b = ControlInput.body(raw, false, "count", "status");
        fake.failNextAnswers(integer(b, "count", true), ControlInput.status(b));
        return ok(obj().set("fail-next", b));
      }
      case "POST " + CONTROL + "/faults/delay-next": {
        JsonNode b = ControlInput.body(raw, false, "count", "millis");
        fake.delayNextAnswers(integer(b, "count", true), ControlInput.delay(b));
        return ok(obj().set("delay-next", b));
      }
      case "DELETE " + CONTROL + "/faults":
        fake.clearFaults();
        return ok(obj().put("faults", "cleared"));
      case "GET " + CONTROL + "/deliveries": {
        ObjectNode out = obj().put("pending", fake.pendingDeliveries());
        ArrayNode list = out.putArray("deliveries");
        fake.deliveries().forEach(d -> list.addObject().put("message", d.messageId()).put("chat", d.conversation())
            .put("attempt", d.attempt()).put("status", d.statusCode()).put("body", d.body()));
        return ok(out);
      }
      case "GET " + CONTROL + "/state": {
        ObjectNode out = obj().put("answers", journal.count()).put("pending_deliveries", fake.pendingDeliveries());
        ArrayNode u = out.putArray("unmatched_requests");
        journal.unmatched().forEach(u::add);
        return ok(out);
      }
      case "POST " + CONTROL + "/reset":
        fake.reset();
        return ok(obj().put("reset", true));
      default:
        return chatRoute(method, path, raw);
    }
  }

  private Reply chatRoute(String method, String path, byte[] raw) {
    Matcher m = CHAT.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String chat = m.group(1);
    String action = m.group(2) == null ? "" : m.group(2);
    switch (method + " " + action) {
      case "GET ":
        return ok(chatJson(fake.chat(chat).orElseThrow(() -> new IllegalArgumentException("no chat " + chat))));
      case "POST /messages": {
        JsonNode b = ControlInput.body(raw, false, "text", "quickreply", "button");
        String name;
        if (b.has("button")) {
          name = fake.customerClicks(chat, string(b, "button", true));
        } else if (b.has("quickreply")) {
          name = fake.customerChooses(chat, string(b, "quickreply", true), string(b, "text", true));
        } else {
          name = fake.customerSends(chat, string(b, "text", true));
        }
        return json(201, obj().put("message", name));
      }
      case "POST /end":
        ControlInput.body(raw, true);
        fake.customerEnds(chat);
        return ok(obj().put("ended", chat));
      default:
        return null;
    }
  }

  private static ObjectNode chatJson(DaktelaChatFake.Chat c) {
    ObjectNode n = obj().put("name", c.name()).put("customer", c.customer()).put("email", c.email())
        .put("state", c.state());
    if (c.queue() == null) {
      n.putNull("queue");
    } else {
      n.put("queue", c.queue());
    }
    ArrayNode messages = n.putArray("messages");
    for (DaktelaChatFake.Message msg : c.messages()) {
      ObjectNode o = messages.addObject().put("name", msg.name()).put("direction", msg.direction())
          .put("text", msg.text());
      if (msg.inbound() != null) {
        o.put("kind", msg.inbound().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
      }
      if (msg.reply() != null) {
        choices(o.putArray("quickreply"), msg.reply().quickReplies());
        choices(o.putArray("button"), msg.reply().buttons());
      }
    }
    ArrayNode refused = n.putArray("refused");
    c.refused().forEach(r -> refused.addObject().put("status", r.status()).put("reason", r.reason())
        .put("body", r.body()));
    return n;
  }

  private static void choices(ArrayNode out, List<Choice> choices) {
    choices.forEach(c -> out.addObject().put("text", c.text()).put("name", c.name()).put("url", c.url()));
  }

  private static ObjectNode obj() {
    return DaktelaChatWire.JSON.createObjectNode();
  }

  private static Reply ok(JsonNode body) {
    return json(200, body);
  }

  private static Reply json(int status, JsonNode body) {
    return new Reply(status, DaktelaChatWire.bytes(body));
  }

  private static Reply error(int status, String message) {
    return json(status, obj().put("error", message));
  }
}
