package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension serving the Conversations API v2 under {@code /sc/v2/apps/{appId}} (a Zendesk account's
 * host) and {@code /v2/apps/{appId}} (the legacy smooch.io hosts): routing, authentication ({@link SuncoAuth}), the
 * app id, injected faults, the journal of authenticated calls (the conversation is the one the path names), the 100 kb
 * JSON body limit, SunCo's error bodies, and the loud 404 for anything not faked.
 *
 * <p>Served: {@code GET} the app itself, {@code POST conversations}, {@code GET conversations/{id}}, {@code GET|POST conversations/{id}/messages},
 * {@code POST conversations/{id}/activity}, {@code POST conversations/{id}/passControl|offerControl|acceptControl|
 * releaseControl}, {@code GET switchboards}, {@code GET|POST switchboards/{id}/switchboardIntegrations},
 * {@code PATCH switchboards/{id}} (its default), {@code PATCH|DELETE switchboards/{id}/switchboardIntegrations/{id}},
 * and the custom integrations with their
 * webhooks ({@link SuncoIntegrations}).
 *
 * <p>Thread-safe: API requests are handled one at a time under this object's monitor (WireMock applies delays
 * afterwards, outside the lock); control requests go to {@link SuncoControl} outside it.
 */
final class SuncoApi implements ResponseDefinitionTransformerV2 {
  private static final Logger LOG = LoggerFactory.getLogger(SuncoApi.class);
  /** The spec's JSON request limit, 100 kb. */
  static final int BODY_LIMIT = 100 * 1024;
  private static final Pattern ROUTE = Pattern.compile("(?:/sc)?/v2/apps/([^/]+)(?:/(.+))?");
  private static final Pattern CONVERSATION = Pattern.compile("conversations/([^/]+)(?:/([A-Za-z]+))?");
  private static final Pattern SB_INTEGRATIONS =
      Pattern.compile("switchboards/([^/]+)/switchboardIntegrations(?:/([^/]+))?");
  private static final Pattern INTEGRATIONS = Pattern.compile("integrations(?:/([^/]+)(?:/webhooks(?:/([^/]+))?)?)?");

  record Reply(int status, byte[] body, Map<String, String> headers) {
    static Reply json(int status, JsonNode body) {
      return new Reply(status, SuncoJson.bytes(body), Map.of());
    }
  }

  private final SuncoFake.Config config;
  private final SuncoModel model;
  private final SuncoIntegrations integrations;
  private final SuncoControl control;
  private final SuncoAuth auth;
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();

  SuncoApi(SuncoFake.Config config, SuncoModel model, SuncoIntegrations integrations, SuncoControl control) {
    this.config = config;
    this.model = model;
    this.integrations = integrations;
    this.control = control;
    this.auth = new SuncoAuth(config.keyId(), config.keySecret(), config.clock());
  }

  @Override
  public String getName() {
    return "deskbridge-sunco-fake";
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
    return FakeServer.response(reply.status(), reply.body().length > 0 ? "application/json; charset=utf-8" : null,
        reply.body(), wait, reply.headers());
  }

  private Reply unmatched(String method, String url) {
    journal.unmatched(method + " " + url);
    LOG.warn("SunCo fake: unmatched request {} {}", method, url);
    return new Reply(404, SuncoJson.bytes(SuncoError.body("not_faked", "The SunCo fake does not serve " + method
        + " " + url + " (see SuncoFake's Javadoc for what it serves)")), Map.of());
  }

  // ---------------------------------------------------------------- faults and journal (called by SuncoFake)

  RequestJournal journal() {
    return journal;
  }

  void failNext(int count, int status, Duration retryAfter) {
    faults.failNext(count, status(status, retryAfter));
  }

  void failRandomly(double share, int status) {
    faults.failRandomly(share, status(status, status == 429 ? Duration.ofSeconds(1) : null));
  }

  void inject(FaultRule rule) {
    faults.add(rule);
  }

  void delay(Duration d) {
    faults.delayAll(d);
  }

  void clearFaults() {
    faults.clear();
  }

  synchronized void reset() {
    faults.clear();
    journal.clear();
  }

  /** A 429 always carries Retry-After (default 1 s). */
  private static Fault.Status status(int status, Duration retryAfter) {
    Duration r = retryAfter == null && status == 429 ? Duration.ofSeconds(1) : retryAfter;
    return new Fault.Status(status, r == null ? null : (int) Math.max(0, r.toSeconds()));
  }

  // ---------------------------------------------------------------- request handling

  /** {@code action}: a conversation action, or the first id below the app (switchboard, integration); {@code sub}: the second. */
  private record Route(String kind, String conversation, String action, String sub) {
    Route(String kind, String conversation, String action) {
      this(kind, conversation, action, null);
    }
  }

  private Reply handle(String method, String url, String path, String query, Request r, Duration[] extraDelay) {
    Matcher m = ROUTE.matcher(path);
    Route route = m.matches() ? route(method, m.group(2)) : null;
    if (route == null) {
      return unmatched(method, url);
    }
    try {
      auth.check(r.getHeader("Authorization"));
    } catch (SuncoError e) {
      return Reply.json(e.status, e.body());
    }
    byte[] raw = r.getBody();
    Fault fault = faults.next(method, path).orElse(null);
    if (fault instanceof Fault.Delay d) {
      extraDelay[0] = d.delay();
    }
    Reply reply;
    if (fault instanceof Fault.Status f) {
      reply = injected(f);
    } else if (fault != null && !(fault instanceof Fault.Delay)) {
      reply = Reply.json(500, SuncoError.body("internal_server_error", "Injected fault " + fault));
    } else {
      reply = serve(decode(m.group(1)), route, query, raw);
    }
    journal.record(config.clock().instant(), method, path, query, route.conversation() == null ? ""
        : route.conversation(), reply.status(), fault, raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
    return reply;
  }

  private static Reply injected(Fault.Status f) {
    String code = SuncoError.codeOf(f.status());
    Map<String, String> headers = f.retryAfterSeconds() == null ? Map.of()
        : Map.of("Retry-After", String.valueOf(f.retryAfterSeconds()));
    return new Reply(f.status(), SuncoJson.bytes(SuncoError.body(code, "Injected " + f.status())), headers);
  }

  private static Route route(String method, String rest) {
    if (rest == null) {
      return method.equals("GET") ? new Route("getApp", null, null) : null;
    }
    if (rest.equals("conversations")) {
      return method.equals("POST") ? new Route("createConversation", null, null) : null;
    }
    if (rest.equals("switchboards")) {
      return method.equals("GET") ? new Route("switchboards", null, null) : null;
    }
    if (rest.startsWith("switchboards/") && rest.indexOf('/', "switchboards/".length()) < 0) {
      return method.equals("PATCH") ? new Route("updateSwitchboard", null, decode(rest.substring(13))) : null;
    }
    Matcher sb = SB_INTEGRATIONS.matcher(rest);
    if (sb.matches()) {
      if (sb.group(2) != null) {
        String kind = switch (method) {
          case "PATCH" -> "updateSwitchboardIntegration";
          case "DELETE" -> "deleteSwitchboardIntegration";
          default -> null;
        };
        return kind == null ? null : new Route(kind, null, decode(sb.group(1)), decode(sb.group(2)));
      }
      return method.equals("GET") || method.equals("POST")
          ? new Route(method.equals("GET") ? "listSwitchboardIntegrations" : "createSwitchboardIntegration",
              null, decode(sb.group(1)))
          : null;
    }
    Matcher in = INTEGRATIONS.matcher(rest);
    if (in.matches()) {
      String integration = in.group(1) == null ? null : decode(in.group(1));
      String webhook = in.group(2) == null ? null : decode(in.group(2));
      String kind;
      if (integration == null) {
        kind = method.equals("GET") ? "listIntegrations" : method.equals("POST") ? "createIntegration" : null;
      } else if (!rest.contains("/webhooks")) {
        kind = method.equals("GET") ? "getIntegration" : method.equals("DELETE") ? "deleteIntegration" : null;
      } else if (webhook == null) {
        kind = method.equals("GET") ? "listWebhooks" : method.equals("POST") ? "createWebhook" : null;
      } else {
        kind = switch (method) {
          case "GET" -> "getWebhook";
          case "PATCH" -> "updateWebhook";
          case "DELETE" -> "deleteWebhook";
          default -> null;
        };
      }
      return kind == null ? null : new Route(kind, null, integration, webhook);
    }
    Matcher c = CONVERSATION.matcher(rest);
    if (!c.matches()) {
      return null;
    }
    String id = decode(c.group(1));
    String action = c.group(2);
    if (action == null) {
      return method.equals("GET") ? new Route("getConversation", id, null) : null;
    }
    return switch (action) {
      case "messages" -> method.equals("GET") ? new Route("listMessages", id, null)
          : method.equals("POST") ? new Route("postMessage", id, null) : null;
      case "activity", "passControl", "offerControl", "acceptControl", "releaseControl" ->
          method.equals("POST") ? new Route(action, id, null) : null;
      default -> null;
    };
  }

  private Reply serve(String appId, Route route, String query, byte[] raw) {
    try {
      if (!appId.equals(config.appId())) {
        // the fake's choice: an app key opens only its own app
        throw new SuncoError(403, "forbidden", "Forbidden");
      }
      if (raw != null && raw.length > BODY_LIMIT) {
        throw new SuncoError(413, "payload_too_large", "JSON bodies are limited to 100kb");
      }
      return switch (route.kind()) {
        case "getApp" -> Reply.json(200, app());
        case "createConversation" -> Reply.json(201, model.createConversation(body(raw, true)));
        case "getConversation" -> Reply.json(200, model.conversationJson(route.conversation()));
        case "postMessage" -> Reply.json(201, model.postMessage(route.conversation(), body(raw, true)));
        case "listMessages" -> {
          Map<String, String> params = params(query);
          yield Reply.json(200, model.listMessages(route.conversation(), params.get("page[before]"),
              params.get("page[after]")));
        }
        case "activity" -> {
          model.activity(route.conversation(), body(raw, true));
          yield Reply.json(200, SuncoJson.obj());
        }
        case "passControl" -> {
          model.passControl(route.conversation(), body(raw, true));
          yield Reply.json(200, SuncoJson.obj());
        }
        case "offerControl" -> {
          model.offerControl(route.conversation(), body(raw, true));
          yield Reply.json(200, SuncoJson.obj());
        }
        case "acceptControl" -> {
          model.acceptControl(route.conversation(), body(raw, false));
          yield Reply.json(200, SuncoJson.obj());
        }
        case "releaseControl" -> {
          model.releaseControl(route.conversation(), body(raw, false));
          yield Reply.json(200, SuncoJson.obj());
        }
        case "switchboards" -> Reply.json(200, model.switchboardsJson());
        case "listSwitchboardIntegrations" -> Reply.json(200, model.switchboardIntegrationsJson(route.action()));
        case "createSwitchboardIntegration" ->
            Reply.json(201, model.createSwitchboardIntegration(route.action(), body(raw, true)));
        case "updateSwitchboard" -> Reply.json(200, model.updateSwitchboard(route.action(), body(raw, true)));
        case "updateSwitchboardIntegration" -> Reply.json(200,
            model.updateSwitchboardIntegration(route.action(), route.sub(), body(raw, true)));
        case "deleteSwitchboardIntegration" -> {
          model.deleteSwitchboardIntegration(route.action(), route.sub());
          yield Reply.json(200, SuncoJson.obj());
        }
        case "listIntegrations" -> Reply.json(200, integrations.list());
        case "createIntegration" -> Reply.json(201, integrations.create(body(raw, true)));
        case "getIntegration" -> Reply.json(200, integrations.get(route.action()));
        case "deleteIntegration" -> {
          integrations.delete(route.action());
          yield Reply.json(200, SuncoJson.obj());
        }
        case "listWebhooks" -> Reply.json(200, integrations.listWebhooks(route.action()));
        case "createWebhook" -> Reply.json(201, integrations.createWebhook(route.action(), body(raw, true)));
        case "getWebhook" -> Reply.json(200, integrations.getWebhook(route.action(), route.sub()));
        case "updateWebhook" -> Reply.json(200,
            integrations.updateWebhook(route.action(), route.sub(), body(raw, true)));
        case "deleteWebhook" -> {
          integrations.deleteWebhook(route.action(), route.sub());
          yield Reply.json(200, SuncoJson.obj());
        }
        default -> throw new IllegalStateException(route.kind());
      };
    } catch (SuncoError e) {
      return Reply.json(e.status, e.body());
    }
  }

  /** {@code GET /v2/apps/{appId}}: the connector's "who am I" at start; the spec example's settings. */
  private ObjectNode app() {
    ObjectNode out = SuncoJson.obj();
    ObjectNode app = out.putObject("app").put("id", config.appId())
        .put("displayName", "Deskbridge fake app");
    app.putObject("settings").put("appLocalizationEnabled", false).put("echoPostback", false)
        .put("maskCreditCardNumbers", true).put("multiConvoEnabled", false).put("useAnimalNames", false);
    app.putNull("metadata");
    return out;
  }

  /** The JSON object body; an absent body is an empty object unless {@code required}. */
  private static JsonNode body(byte[] raw, boolean required) {
    if (raw == null || raw.length == 0) {
      if (required) {
        throw SuncoError.badRequest("A JSON request body is required");
      }
      return SuncoJson.obj();
    }
    try {
      JsonNode n = SuncoJson.MAPPER.readTree(raw);
      if (n == null || !n.isObject()) {
        throw SuncoError.badRequest("The request body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw SuncoError.badRequest("The request body is not valid JSON");
    }
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** For {@link SuncoFake#apiCalls()}. */
  int apiCalls() {
    return journal.count();
  }

  List<String> unmatched() {
    return journal.unmatched();
  }
}
