package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.RequestLine;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.Faults;
import io.deskbridge.mock.base.RequestJournal;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension serving {@code /api/v6}: routing ({@code {model}.json}, {@code {model}/{name}.json},
 * {@code tickets/{name}/activities.json}; the {@code .json} suffix is required), authentication ({@code X-AUTH-TOKEN}
 * or {@code ?accessToken=}, else 401 with an empty body), the envelope, the query engine ({@link Query}), injected
 * faults ({@link Faults} plus the n-th write), the journal of authenticated calls ({@link RequestJournal}), and the
 * loud 404 for anything not faked. Request bodies are JSON or form-urlencoded (bracket notation).
 *
 * <p>Thread-safe: API requests are handled one at a time under this object's monitor (WireMock applies delays
 * afterwards, outside the lock); control requests go to {@link DaktelaControl} outside it.
 */
final class DaktelaApi implements ResponseDefinitionTransformerV2 {
  private static final Logger LOG = LoggerFactory.getLogger(DaktelaApi.class);
  private static final String PREFIX = "/api/v6/";
  static final Set<String> MODELS = Set.of("tickets", "activities", "users", "queues", "ticketsCategories",
      "statuses", "articles");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

  record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Reply json(int status, JsonNode body) {
      return new Reply(status, "application/json; charset=utf-8", Json.bytes(body), Map.of());
    }

    static Reply empty(int status) {
      return new Reply(status, "application/json; charset=utf-8", new byte[0], Map.of());
    }
  }

  /** A write fault: strikes the {@code nth} next write (after faults that struck earlier). */
  private static final class WriteFault {
    int left;
    final Fault.Status fault;

    WriteFault(int nth, Fault.Status fault) {
      this.left = nth;
      this.fault = fault;
    }
  }

  private final DaktelaFake.Config config;
  private final Model model;
  private final DaktelaControl control;
  private final Faults faults = new Faults();
  private final List<WriteFault> writeFaults = new ArrayList<>();
  private final RequestJournal journal = new RequestJournal();

  DaktelaApi(DaktelaFake.Config config, Model model, DaktelaControl control) {
    this.config = config;
    this.model = model;
    this.control = control;
  }

  @Override
  public String getName() {
    return "deskbridge-daktela-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    RequestLine line = RequestLine.of(request);
    String url = line.url();
    String path = line.path();
    String query = line.query();
    String method = line.method();
    if (ControlInput.isControlPath(path)) {
      Reply reply = control.handle(method, path, request.getBody());
      return build(reply == null ? unmatched(method, url) : reply, Duration.ZERO);
    }
    Reply reply;
    Duration wait;
    synchronized (this) {
      Duration[] extra = {Duration.ZERO};
      reply = handle(method, url, path, query, request, extra);
      wait = faults.delay().plus(extra[0]);
    }
    return build(reply, wait);
  }

  private static ResponseDefinition build(Reply reply, Duration wait) {
    return FakeServer.response(reply.status(), reply.body().length > 0 ? reply.contentType() : null, reply.body(),
        wait, reply.headers());
  }

  // ---------------------------------------------------------------- control (called by DaktelaFake)

  int apiCalls() {
    return journal.count();
  }

  int apiCalls(String ticket) {
    return journal.count(ticket);
  }

  int injectedFailures() {
    return journal.injectedFailures();
  }

  List<String> unmatched() {
    return journal.unmatched();
  }

  RequestJournal journal() {
    return journal;
  }

  void failNext(int count, int status, Duration retryAfter) {
    faults.failNext(count, status(status, retryAfter));
  }

  void failRandomly(double share, int status) {
    faults.failRandomly(share, status(status, status == 429 ? Duration.ofSeconds(1) : null));
  }

  synchronized void failNthWrite(int nth, int status) {
    if (nth < 1) {
      throw new IllegalArgumentException("nth must be >= 1, was " + nth);
    }
    writeFaults.add(new WriteFault(nth, status(status, status == 429 ? Duration.ofSeconds(1) : null)));
  }

  void inject(FaultRule rule) {
    faults.add(rule);
  }

  void delay(Duration d) {
    faults.delayAll(d);
  }

  synchronized void clearFaults() {
    faults.clear();
    writeFaults.clear();
  }

  synchronized void reset() {
    clearFaults();
    journal.clear();
  }

  private static Fault.Status status(int status, Duration retryAfter) {
    return new Fault.Status(status, retryAfter == null ? null : (int) Math.max(0, retryAfter.toSeconds()));
  }

  // ---------------------------------------------------------------- request handling

  private Reply handle(String method, String url, String path, String query, Request r, Duration[] extraDelay) {
    Route route = route(method, path);
    if (route == null) {
      return unmatched(method, url);
    }
    Map<String, Object> params = Brackets.parse(query);
    String apiUser = authenticate(r.getHeader("X-AUTH-TOKEN"), params.get("accessToken"));
    if (apiUser == null) {
      return Reply.empty(401);
    }
    byte[] raw = r.getBody();
    JsonNode body = null;
    Reply reply = null;
    if (raw != null && raw.length > 0) {
      try {
        body = parseBody(raw, r.getHeader("Content-Type"));
      } catch (IOException e) {
        reply = Reply.json(400, DaktelaError.bad("The request body is not valid JSON").body);
      }
    }
    Fault fault = faults.next(method, path).orElse(null);
    if (fault == null && WRITES.contains(method)) {
      fault = nextWriteFault();
    }
    if (fault instanceof Fault.Delay d) {
      extraDelay[0] = d.delay();
    }
    if (reply == null) {
      reply = fault == null || fault instanceof Fault.Delay
          ? serve(route, apiUser, params, body == null ? Json.obj() : body) : injected(fault);
    }
    journal.record(config.clock().instant(), method, path, query, conversation(route, params, body), reply.status(),
        fault, Json.utf8(raw));
    return reply;
  }

  private Fault nextWriteFault() {
    for (Iterator<WriteFault> it = writeFaults.iterator(); it.hasNext(); ) {
      WriteFault w = it.next();
      if (--w.left == 0) {
        it.remove();
        return w.fault;
      }
    }
    return null;
  }

  /** A matched route: the model, the record name and the relation (both may be null). */
  private record Route(String method, String model, String name, String relation) {}

  /** The route of a request, or null when the fake does not serve it. */
  private static Route route(String method, String path) {
    if (!path.startsWith(PREFIX) || !path.endsWith(".json")) {
      return null;
    }
    String[] parts = path.substring(PREFIX.length(), path.length() - 5).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
      if (parts[i].isEmpty()) {
        return null;
      }
    }
    if (parts.length == 1 && parts[0].equals("whoim")) {
      return method.equals("GET") ? new Route(method, "whoim", null, null) : null;
    }
    if (!MODELS.contains(parts[0]) || parts.length > 3) {
      return null;
    }
    Route route = new Route(method, parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
    boolean ok = switch (parts.length) {
      case 1 -> method.equals("GET") || method.equals("POST") && Set.of("tickets", "activities").contains(parts[0]);
      case 2 -> method.equals("GET") || parts[0].equals("tickets") && Set.of("PUT", "DELETE").contains(method);
      default -> method.equals("GET") && parts[0].equals("tickets") && parts[2].equals("activities");
    };
    return ok ? route : null;
  }

  private Reply serve(Route route, String apiUser, Map<String, Object> params, JsonNode body) {
    try {
      if (route.model().equals("whoim")) {
        return ok(model.whoAmI());
      }
      if (route.method().equals("GET") && route.name() == null) {
        return list(model.list(route.model()), params);
      }
      if (route.method().equals("GET") && route.relation() != null) {
        return list(model.ticketActivities(route.name()), params);
      }
      if (route.method().equals("GET")) {
        return ok(model.one(route.model(), route.name()));
      }
      return switch (route.method() + " " + route.model()) {
        case "POST tickets" -> created(model.createTicket(apiUser, body));
        case "POST activities" -> created(model.createActivity(apiUser, body));
        case "PUT tickets" -> ok(model.updateTicket(route.name(), apiUser, body));
        case "DELETE tickets" -> {
          model.deleteTicket(route.name());
          yield Reply.empty(204);
        }
        default -> throw new IllegalStateException("unrouted " + route);
      };
    } catch (Query.Invalid e) {
      return Reply.json(400, DaktelaError.bad(e.getMessage()).body);
    } catch (DaktelaError e) {
      return e.body == null ? Reply.empty(e.status) : Reply.json(e.status, e.body);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof DaktelaError d) {
        return d.body == null ? Reply.empty(d.status) : Reply.json(d.status, d.body);
      }
      throw e;
    }
  }

  private Reply list(List<ObjectNode> records, Map<String, Object> params) {
    Query.Page page = Query.of(params).apply(records);
    ObjectNode result = Json.obj();
    ArrayNode data = result.putArray("data");
    page.data().forEach(data::add);
    result.put("total", page.total());
    return ok(result);
  }

  private Reply ok(JsonNode result) {
    return Reply.json(200, envelope(result));
  }

  private Reply created(JsonNode result) {
    return Reply.json(201, envelope(result));
  }

  private ObjectNode envelope(JsonNode result) {
    ObjectNode out = Json.obj();
    out.putArray("error");
    out.set("result", result);
    out.put("_time", model.time(model.now()));
    return out;
  }

  /** An injected {@link Fault.Status}: 429 with Retry-After (default 1), 401/403/404 empty, else a JSON error list. */
  private static Reply injected(Fault fault) {
    if (!(fault instanceof Fault.Status s)) {
      Fault.SoapFault soap = (Fault.SoapFault) fault;
      return new Reply(soap.status(), Fault.SoapFault.CONTENT_TYPE, soap.body(), Map.of());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (s.retryAfterSeconds() != null || s.status() == 429) {
      headers.put("Retry-After", String.valueOf(s.retryAfterSeconds() == null ? 1 : s.retryAfterSeconds()));
    }
    if (Set.of(401, 403, 404).contains(s.status())) {
      return new Reply(s.status(), "application/json", new byte[0], headers);
    }
    ObjectNode body = Json.obj();
    body.putArray("error").add(s.status() == 429 ? "Too many requests" : "Injected failure " + s.status());
    body.putNull("result");
    return new Reply(s.status(), "application/json; charset=utf-8", Json.bytes(body), headers);
  }

  /** The ticket a call is about: named in the path, in a POSTed activity, or by a filter {@code ticket eq}. */
  private String conversation(Route route, Map<String, Object> params, JsonNode body) {
    if (route.model().equals("tickets") && route.name() != null) {
      return route.name();
    }
    if (route.model().equals("activities") && route.name() != null) {
      return model.activityTicket(route.name()).orElse("");
    }
    if (route.model().equals("activities") && route.method().equals("POST") && body != null) {
      String t = FormChecks.text(body, "ticket");
      if (t != null) {
        return t;
      }
    }
    String filtered = ticketFilter(params.get("filter"));
    return filtered == null ? "" : filtered;
  }

  private static String ticketFilter(Object node) {
    if (!(node instanceof Map<?, ?> m)) {
      return null;
    }
    if ("ticket".equals(m.get("field")) && (m.get("operator") == null || "eq".equals(m.get("operator")))
        && m.get("value") instanceof String v) {
      return v;
    }
    for (Object child : m.values()) {
      String found = ticketFilter(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private String authenticate(String header, Object queryToken) {
    String token = header != null ? header : queryToken instanceof String s ? s : null;
    return token != null && token.equals(config.accessToken()) ? config.apiLogin() : null;
  }

  private static JsonNode parseBody(byte[] raw, String contentType) throws IOException {
    if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return tree(Brackets.parse(Json.utf8(raw)));
    }
    return Json.parse(raw);
  }

  /** A bracket tree as JSON: index-keyed maps become arrays, leaves strings. */
  static JsonNode tree(Object node) {
    if (!(node instanceof Map<?, ?> m)) {
      return Json.MAPPER.getNodeFactory().textNode(String.valueOf(node));
    }
    if (Brackets.isList(m) && m.keySet().stream().allMatch(k -> Brackets.isIndex((String) k))) {
      ArrayNode a = Json.arr();
      Brackets.items(m).forEach(i -> a.add(tree(i)));
      return a;
    }
    ObjectNode o = Json.obj();
    m.forEach((k, v) -> o.set((String) k, tree(v)));
    return o;
  }

  /** Records the request as unmatched and answers the loud 404. */
  private synchronized Reply unmatched(String method, String url) {
    String line = method + " " + url;
    journal.unmatched(line);
    LOG.warn("Daktela fake: unmatched request {}", line);
    ObjectNode body = Json.obj();
    body.putArray("error").add(line + " is not faked by the Daktela fake");
    body.putNull("result");
    return Reply.json(404, body);
  }
}
