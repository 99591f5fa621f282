package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.deskbridge.mock.base.ControlInput;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension serving {@code /api/v2}: routing, authentication (§6), rate limiting and
 * its headers (§5), fault injection ({@link Faults}), the journal of calls ({@link RequestJournal}), and the loud
 * 404 for anything not faked. Faults and the journal apply to authenticated API calls only.
 *
 * <p>Thread-safe: requests are handled one at a time under this object's monitor (WireMock applies
 * the configured delay afterwards, outside the lock).
 */
final class ZendeskApi implements ResponseDefinitionTransformerV2 {
  private static final Logger LOG = LoggerFactory.getLogger(ZendeskApi.class);
  private static final Pattern TICKET_PATH = Pattern.compile("^/api/v2/tickets/(\\d{1,18})(/.*)?$");

  record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Reply json(int status, JsonNode body) {
      return new Reply(status, "application/json; charset=utf-8", Json.bytes(body), Map.of());
    }
  }

  private record Call(String method, Model.User user, Matcher path, Map<String, String> query, JsonNode body) {
    long id() {
      return Long.parseLong(path.group(1));
    }

    JsonNode field(String name) {
      JsonNode n = body.path(name);
      if (!n.isObject()) {
        throw ApiError.badRequest("body must be a JSON object with a \"" + name + "\" object");
      }
      return n;
    }
  }

  @FunctionalInterface
  private interface Handler {
    Reply handle(Call call);
  }

  private record Route(String methods, Pattern path, Handler handler) {}

  /** A reply and the extra delay an injected {@link Fault.Delay} gives it. */
  private record Served(Reply reply, Duration delay) {}

  private final ZendeskFakeConfig config;
  private final Model model;
  private final ControlApi control;
  private final WebhookTests webhookTests;
  private final List<Route> routes = new ArrayList<>();
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();
  private int injected429s;
  private long windowMinute = Long.MIN_VALUE;
  private int usedInWindow;

  ZendeskApi(ZendeskFakeConfig config, Model model, ControlApi control) {
    this.config = config;
    this.model = model;
    this.control = control;
    this.webhookTests = new WebhookTests(config);
    route("GET", "users/me", c -> ok(wrap("user", model.userJson(c.user().id()))));
    route("GET", "users/(\\d{1,18})", c -> ok(wrap("user", model.userJson(c.id()))));
    route("GET", "groups", c -> ok(model.groupsJson()));
    route("GET", "groups/(\\d{1,18})", c -> ok(wrap("group", model.groupJson(c.id()))));
    route("POST", "tickets",
        c -> Reply.json(201, wrap("ticket", model.createTicketViaApi(c.user(), c.field("ticket")))));
    route("GET", "tickets/(\\d{1,18})", c -> ok(wrap("ticket", model.ticketJson(c.id()))));
    route("PUT", "tickets/(\\d{1,18})",
        c -> ok(model.updateTicket(c.id(), c.user(), c.field("ticket"))));
    route("GET", "tickets/(\\d{1,18})/comments", c -> ok(model.commentsPage(c.id(), c.query())));
    route("GET", "incremental/tickets/cursor", c -> ok(model.incrementalTickets(c.query())));
    route("PUT|POST|DELETE", "tickets/(\\d{1,18})/tags", this::tags);
    route("GET", "webhooks", c -> ok(model.webhooksJson(c.query().get("filter[name_contains]"))));
    route("POST", "webhooks/test", c -> ok(webhookTests.send(c.query().containsKey("webhook_id")
        ? model.webhook(c.query().get("webhook_id")) : null, c.body())));
    route("PUT", "webhooks/(\\w{26})", c -> ok(wrap("webhook",
        ModelJson.webhookJson(model.replaceWebhook(c.path().group(1), c.field("webhook"), c.user())))));
    route("GET", "triggers", c -> ok(model.triggersJson(c.query())));
    route("POST", "triggers", c -> Reply.json(201, wrap("trigger", model.createTrigger(c.field("trigger")))));
    route("GET", "triggers/(\\d{1,18})", c -> ok(wrap("trigger", model.trigger(c.id()))));
    route("PUT", "triggers/(\\d{1,18})", c -> ok(wrap("trigger", model.updateTrigger(c.id(), c.field("trigger")))));
    route("DELETE", "triggers/(\\d{1,18})", c -> {
      model.deleteTrigger(c.id());
      return new Reply(204, "application/json", new byte[0], Map.of());
    });
    route("POST", "webhooks", c -> Reply.json(201,
        wrap("webhook", ModelJson.webhookJson(model.createWebhook(c.field("webhook"), c.user(), null)))));
    route("GET", "webhooks/(\\w{26})",
        c -> ok(wrap("webhook", ModelJson.webhookJson(model.webhook(c.path().group(1))))));
    route("DELETE", "webhooks/(\\w{26})", c -> {
      model.deleteWebhook(c.path().group(1));
      return new Reply(204, "application/json", new byte[0], Map.of());
    });
    route("GET", "webhooks/(\\w{26})/signing_secret", c -> {
      ObjectNode out = obj();
      out.putObject("signing_secret").put("algorithm", "sha256")
          .put("secret", model.webhook(c.path().group(1)).secret());
      return ok(out);
    });
  }

  /** The Help Center's knowledge base routes (see {@link HelpCenter}). */
  void helpCenter(HelpCenter hc) {
    route("GET", "help_center/incremental/articles", c -> ok(hc.incremental(c.query())));
    route("GET", "help_center/articles", c -> ok(hc.list(c.query())));
    route("GET", "help_center/articles/(\\d{1,18})/translations", c -> ok(hc.translations(c.id())));
    route("GET", "help_center/sections", c -> ok(hc.sectionsJson()));
  }

  /** The satisfaction ratings route (see {@link SatisfactionRatings}). */
  void satisfaction(SatisfactionRatings ratings) {
    route("GET", "satisfaction_ratings", c -> ok(ratings.list(c.query())));
  }

  @Override
  public String getName() {
    return "deskbridge-zendesk-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String path = request.getUrl().replaceFirst("\\?.*", "");
    if (ControlInput.isControlPath(path)) {
      // the fake's own controls: outside the API's lock, budget, faults and delay
      Reply reply = control.handle(request.getMethod().getName(), path, request.getBody());
      return build(reply == null ? unmatched(request) : reply, Map.of(), Duration.ZERO);
    }
    Served served;
    Duration wait;
    Map<String, String> rateHeaders;
    synchronized (this) {
      served = handle(request);
      wait = faults.delay().plus(served.delay());
      rateHeaders = rateHeaders();
    }
    return build(served.reply(), rateHeaders, wait);
  }

  private static ResponseDefinition build(Reply reply, Map<String, String> rateHeaders, Duration wait) {
    return FakeServer.response(reply.status(), reply.contentType(), reply.body(), wait, rateHeaders,
        reply.headers());
  }

  // ---------------------------------------------------------------- control (called by ZendeskFake)

  int apiCalls() {
    return journal.count();
  }

  int apiCalls(long ticketId) {
    return journal.count(String.valueOf(ticketId));
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

  void failNext(int count, int status, Integer retryAfterSeconds) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException("count must be >= 0 and status 4xx/5xx");
    }
    faults.failNext(count, new Fault.Status(status, retryAfterSeconds));
  }

  void failRandomly(double share, int status, Integer retryAfterSeconds) {
    if (share < 0 || share > 1 || status < 400 || status > 599) {
      throw new IllegalArgumentException("share must be in [0, 1] and status 4xx/5xx");
    }
    faults.failRandomly(share, new Fault.Status(status, retryAfterSeconds));
  }

  void inject(FaultRule rule) {
    faults.add(rule);
  }

  void failNthWrite(int nth, int status, Integer retryAfterSeconds) {
    if (nth < 1 || status < 400 || status > 599) {
      throw new IllegalArgumentException("nth must be >= 1 and status 4xx/5xx");
    }
    faults.add(FaultRule.on("PUT", null, new Fault.Status(status, retryAfterSeconds)).nth(nth));
  }

  /** Stops every injected failure and delay. */
  void clearFaults() {
    faults.clear();
  }

  void delay(Duration d) {
    faults.delayAll(d);
  }

  synchronized void reset() {
    faults.clear();
    journal.clear();
    injected429s = 0;
    usedInWindow = 0;
  }

  // ---------------------------------------------------------------- request handling

  private Served handle(Request r) {
    String url = r.getUrl();
    String method = r.getMethod().getName();
    int q = url.indexOf('?');
    String sentPath = q < 0 ? url : url.substring(0, q);
    String path = sentPath.endsWith(".json") ? sentPath.substring(0, sentPath.length() - 5) : sentPath;
    Route route = null;
    Matcher m = null;
    for (Route candidate : routes) {
      m = candidate.path().matcher(path);
      if (m.matches() && method.matches(candidate.methods())) {
        route = candidate;
        break;
      }
    }
    if (route == null) {
      return new Served(unmatched(r), Duration.ZERO);
    }
    Model.User user = authenticate(r.getHeader("Authorization"));
    if (user == null) {
      return new Served(Reply.json(401, obj().put("error", "Couldn't authenticate you")), Duration.ZERO);
    }
    Matcher ticket = TICKET_PATH.matcher(path);
    String conversation = ticket.matches() ? ticket.group(1) : "";
    Fault fault = faults.next(method, sentPath).orElse(null);
    Reply reply = fault instanceof Fault.Delay || fault == null ? serve(r, method, route, m, user, q, url)
        : injectedFailure(fault);
    journal.record(config.clock().instant(), method, sentPath, q < 0 ? "" : url.substring(q + 1), conversation,
        reply.status(), fault, r.getBody() == null ? "" : Json.utf8(r.getBody()));
    return new Served(reply, fault instanceof Fault.Delay d ? d.delay() : Duration.ZERO);
  }

  /** An authenticated call without an injected failure: the rate limit, then the route's handler. */
  private Reply serve(Request r, String method, Route route, Matcher m, Model.User user, int q, String url) {
    rollWindow();
    if (++usedInWindow > config.perMinuteBudget()) {
      return rateLimited(secondsToReset());
    }
    JsonNode body = obj();
    byte[] raw = r.getBody();
    if (raw != null && raw.length > 0) {
      try {
        body = Json.parse(raw);
      } catch (IOException e) {
        return Reply.json(400, Json.error("InvalidJSON", "The request body is not valid JSON"));
      }
    }
    try {
      String query = q < 0 ? "" : url.substring(q + 1);
      return route.handler().handle(new Call(method, user, m, query(query), body));
    } catch (ApiError e) {
      return Reply.json(e.status, e.body);
    }
  }

  /** Records the request as unmatched and answers the loud 404. */
  private synchronized Reply unmatched(Request r) {
    String line = r.getMethod().getName() + " " + r.getUrl();
    journal.unmatched(line);
    LOG.warn("Zendesk fake: unmatched request {}", line);
    return Reply.json(404, Json.error("UnmatchedRequest", line + " is not faked"));
  }

  /** {@code Basic base64("{email}/token:{token}")} for a staff user, or {@code Bearer {token}} (bot). */
  private Model.User authenticate(String header) {
    if (header == null) {
      return null;
    }
    if (header.startsWith("Bearer ")) {
      return header.substring(7).trim().equals(config.apiToken()) ? model.bot() : null;
    }
    if (!header.startsWith("Basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded = Json.utf8(Base64.getDecoder().decode(header.substring(6).trim()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !decoded.substring(0, colon).endsWith("/token")
        || !decoded.substring(colon + 1).equals(config.apiToken())) {
      return null; // email+password Basic auth was removed (§6)
    }
    return model.agentByEmail(decoded.substring(0, colon - "/token".length())).orElse(null);
  }

  private Reply tags(Call c) {
    JsonNode tags = c.body().path("tags");
    if (!tags.isArray()) {
      throw ApiError.badRequest("body must be {\"tags\":[...]}");
    }
    return ok(wrap("tags", Json.arr(model.tags(c.id(), c.method(), Json.strings(tags)))));
  }

  private Reply injectedFailure(Fault fault) {
    if (fault instanceof Fault.Status s) {
      return injectedFailure(s.status(), s.retryAfterSeconds());
    }
    Fault.SoapFault soap = (Fault.SoapFault) fault;
    return new Reply(soap.status(), Fault.SoapFault.CONTENT_TYPE, soap.body(), Map.of());
  }

  private Reply injectedFailure(int failStatus, Integer failRetryAfter) {
    Map<String, String> headers = failRetryAfter == null ? Map.of()
        : Map.of("Retry-After", String.valueOf(failRetryAfter));
    return switch (failStatus) {
      case 429 -> rateLimited(failRetryAfter == null ? 1 : failRetryAfter);
      case 503 -> new Reply(503, "text/plain; charset=utf-8",
          "Service Unavailable".getBytes(StandardCharsets.UTF_8), headers);
      default -> new Reply(failStatus, "application/json; charset=utf-8", Json.bytes(
          Json.error("InternalError", "Injected failure " + failStatus)), headers);
    };
  }

  /** 429 alternating between a text/plain and a JSON body, as both occur (§2.6). */
  private Reply rateLimited(long retryAfter) {
    Map<String, String> headers = Map.of("Retry-After", String.valueOf(retryAfter));
    if (injected429s++ % 2 == 0) {
      return new Reply(429, "text/plain; charset=utf-8",
          "Too Many Requests".getBytes(StandardCharsets.UTF_8), headers);
    }
    return new Reply(429, "application/json; charset=utf-8", Json.bytes(Json.error(
        "APIRateLimitExceeded", "Number of allowed API requests per minute exceeded")), headers);
  }

  private void rollWindow() {
    long minute = Math.floorDiv(config.clock().millis(), 60_000L);
    if (minute != windowMinute) {
      windowMinute = minute;
      usedInWindow = 0;
    }
  }

  private long secondsToReset() {
    return Math.max(1, 60 - Math.floorMod(config.clock().millis(), 60_000L) / 1000);
  }

  private Map<String, String> rateHeaders() {
    rollWindow();
    String limit = String.valueOf(config.perMinuteBudget());
    String remaining = String.valueOf(Math.max(0, config.perMinuteBudget() - usedInWindow));
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Rate-Limit", limit);
    h.put("X-Rate-Limit-Remaining", remaining);
    h.put("ratelimit-limit", limit);
    h.put("ratelimit-remaining", remaining);
    h.put("ratelimit-reset", String.valueOf(secondsToReset()));
    return h;
  }

  private void route(String methods, String path, Handler handler) {
    routes.add(new Route(methods, Pattern.compile("/api/v2/" + path), handler));
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Reply ok(JsonNode body) {
    return Reply.json(200, body);
  }

  private static ObjectNode wrap(String name, JsonNode value) {
    ObjectNode out = obj();
    out.set(name, value);
    return out;
  }
}
