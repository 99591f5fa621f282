package io.deskbridge.core.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.csat.SatisfactionStore;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.hosting.ApiRoutes;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.DashboardRows;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Everything under {@code /admin}: the static page and its assets (no authentication: they hold no data) and the JSON
 * API under {@code /admin/api/} (the admin token as {@code Authorization: Bearer TOKEN}, or HTTP basic with the token
 * as the password; otherwise 401 with a reason). Off (404 with the reason) when no token is configured.
 *
 * <ul>
 *   <li>{@code GET /admin/api/figures?from&to&installation&channel&language}: the period's figures ({@link Dashboard})
 *       and its CSAT ({@code csat}, {@link Csat});
 *       {@code from}/{@code to} are dates ({@code 2026-11-01}, UTC) or instants, default the last 30 days; every
 *       figure has a {@code query}, the URL of its conversations;</li>
 *   <li>{@code GET /admin/api/conversations?…&figure=TAG&offset&limit}: the conversations behind a figure (the
 *       {@code csat:} figures' from {@link Csat}, the others' from {@link Dashboard});</li>
 *   <li>{@code GET /admin/api/conversation?installation&id}: one conversation's decision trail: messages, every audit
 *       record (scores, reasons, signals, actions, outcome) and its vendor writes with their status;</li>
 *   <li>{@code POST /admin/api/try} {@code {"installation", "text", "channel"?}}: what the installation's bot would
 *       decide on the message, computed in memory: no helpdesk call, nothing stored.</li>
 * </ul>
 * Thread-safe.
 */
public final class AdminApi implements ApiRoutes {
  private static final int DEFAULT_DAYS = 30;
  /** The bundled uPlot (org.webjars.npm:uplot in connector-core's pom). */
  static final String UPLOT = "1.6.30";
  private static final int MAX_LIMIT = 500;
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
  /** The static files: path under /admin to classpath resource. */
  private static final Map<String, String> ASSETS = Map.of(
      "", "io/deskbridge/core/admin/index.html",
      "app.js", "io/deskbridge/core/admin/app.js",
      "app.css", "io/deskbridge/core/admin/app.css",
      "lib/uPlot.iife.min.js", "META-INF/resources/webjars/uplot/" + UPLOT + "/dist/uPlot.iife.min.js",
      "lib/uPlot.min.css", "META-INF/resources/webjars/uplot/" + UPLOT + "/dist/uPlot.min.css");

  private final AdminSettings settings;
  private final DashboardRows rows;
  private final Dashboard dashboard;
  private final Csat csat;
  private final BiFunction<String, String, List<AuditRecord>> audit;
  private final Function<ConversationKey, Optional<ConversationState>> state;
  private final Decider decider;
  private final Map<String, String> vendors;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> assets = new LinkedHashMap<>();

  /**
   * @param settings  the token and the resolution window
   * @param rows      the store's dashboard reads
   * @param audit     one conversation's audit records by installation and conversation id
   * @param state     a conversation's saved state (its transcript)
   * @param decider   the bot as the engine runs it, for "try the bot"
   * @param vendors   installation id to vendor
   * @param threshold the bot's confidence threshold in [0, 1]
   */
  public AdminApi(AdminSettings settings, DashboardRows rows, BiFunction<String, String, List<AuditRecord>> audit,
      Function<ConversationKey, Optional<ConversationState>> state, Decider decider, Map<String, String> vendors,
      double threshold, Clock clock) {
    this(settings, rows, audit, state, decider, vendors, threshold, clock, (from, to) -> List.of(), Set.of());
  }

  /**
   * As {@link #AdminApi(AdminSettings, DashboardRows, BiFunction, Function, Decider, Map, double, Clock)}, with CSAT.
   *
   * @param ratings      the satisfaction ratings given in {@code [from, to)} (the store's)
   * @param csatProvided the installations whose connector provides satisfaction ratings
   */
  public AdminApi(AdminSettings settings, DashboardRows rows, BiFunction<String, String, List<AuditRecord>> audit,
      Function<ConversationKey, Optional<ConversationState>> state, Decider decider, Map<String, String> vendors,
      double threshold, Clock clock, BiFunction<Instant, Instant, List<SatisfactionStore.RatedConversation>> ratings,
      Set<String> csatProvided) {
    this.csat = new Csat(ratings, vendors, csatProvided);
    this.settings = settings;
    this.rows = rows;
    this.audit = audit;
    this.state = state;
    this.decider = decider;
    this.vendors = Map.copyOf(vendors);
    this.clock = clock;
    this.dashboard = new Dashboard(rows, clock, threshold, settings.resolutionWindow());
    ASSETS.forEach((path, resource) -> assets.put(path, read(resource)));
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    if (!settings.enabled()) {
      return WebhookResponse.error(404, "the admin dashboard is off: set admin.token ({env: NAME} or {file: PATH}) "
          + "in the configuration");
    }
    String path = request.path().replaceFirst("^/admin/?", "");
    if (!path.startsWith("api/")) {
      String body = assets.get(path);
      if (body == null || !"GET".equals(request.method())) {
        return WebhookResponse.error(404, "no such page: " + request.path());
      }
      String ext = path.isEmpty() ? "html" : path.substring(path.lastIndexOf('.') + 1);
      return new WebhookResponse(200, TYPES.get(ext), body, path.startsWith("lib/")
          ? Map.of("Cache-Control", "public, max-age=86400") : Map.of("Cache-Control", "no-cache"));
    }
    var denied = authenticate(request);
    if (denied.isPresent()) {
      return denied.get();
    }
    try {
      return switch (request.method() + " " + path) {
        case "GET api/figures" -> {
          var period = period(request);
          var figures = new LinkedHashMap<>(dashboard.figures(period, filter(request), tag -> listQuery(request, tag)));
          figures.put("csat", csat.figure(period, filter(request), tag -> listQuery(request, tag))); // CSAT
          yield ok(figures);
        }
        case "GET api/conversations" -> {
          String figure = param(request, "figure");
          if (figure.isEmpty()) {
            throw new BadRequest("figure is required, e.g. figure=handed_over (each figure's query names it)");
          }
          int offset = integer(request, "offset", 0, 0, Integer.MAX_VALUE);
          int limit = integer(request, "limit", 50, 1, MAX_LIMIT);
          yield ok(Csat.owns(figure) ? csat.conversations(period(request), filter(request), figure, offset, limit) // CSAT
              : dashboard.conversations(period(request), filter(request), figure, offset, limit));
        }
        case "GET api/conversation" -> conversation(param(request, "installation"), param(request, "id"));
        case "POST api/try" -> tryBot(request);
        default -> WebhookResponse.error(404, "no such admin API call: " + request.method() + " " + request.path());
      };
    } catch (BadRequest e) {
      return WebhookResponse.error(400, e.getMessage());
    }
  }

  private Optional<WebhookResponse> authenticate(WebhookRequest request) {
    String header = header(request, "authorization");
    if (header == null || header.isBlank()) {
      return Optional.of(unauthorized("the admin API needs the admin token: Authorization: Bearer TOKEN (or basic "
          + "auth with the token as the password)"));
    }
    String given;
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = header.substring(7).strip();
    } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        given = decoded.substring(decoded.indexOf(':') + 1);
      } catch (IllegalArgumentException e) {
        return Optional.of(unauthorized("the basic credentials are not valid Base64"));
      }
    } else {
      return Optional.of(unauthorized("unsupported Authorization scheme: use Bearer or Basic"));
    }
    boolean same = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        settings.token().reveal().getBytes(StandardCharsets.UTF_8));
    return same ? Optional.empty() : Optional.of(unauthorized("the admin token is wrong (admin.token)"));
  }

  private static WebhookResponse unauthorized(String reason) {
    var e = WebhookResponse.error(401, reason);
    return new WebhookResponse(401, e.contentType(), e.body(), Map.of("WWW-Authenticate", "Bearer realm=\"deskbridge-admin\""));
  }

  private static String header(WebhookRequest request, String name) {
    return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
  }

  private WebhookResponse conversation(String installation, String id) {
    if (installation.isEmpty() || id.isEmpty()) {
      throw new BadRequest("installation and id are required");
    }
    var records = audit.apply(installation, id);
    var key = rows.key(installation, id);
    if (records.isEmpty() && key.isEmpty()) {
      return WebhookResponse.error(404, "no conversation " + id + " in installation " + installation);
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("installation", installation);
    out.put("conversationId", id);
    // a Conversation API conversation's own transcript has the bot's and the agents' messages too; a helpdesk
    // conversation's is the one last loaded from the vendor
    var messages = new ArrayList<Map<String, Object>>(rows.apiMessages(installation, id));
    var transcript = key.flatMap(state).flatMap(ConversationState::transcript);
    transcript.ifPresent(t -> {
      out.put("channel", t.channel().name());
      out.put("subject", t.subject());
      if (!messages.isEmpty()) {
        return;
      }
      for (var m : t.messages()) {
        var row = new LinkedHashMap<String, Object>();
        row.put("role", m.role().name());
        row.put("visibility", m.visibility().name());
        row.put("text", m.text());
        row.put("at", m.createdAt() == null ? "" : m.createdAt().toString());
        messages.add(row);
      }
    });
    out.put("messages", messages);
    var decisions = new ArrayList<Map<String, Object>>();
    for (var r : records) {
      var row = new LinkedHashMap<String, Object>();
      row.put("at", r.at() == null ? "" : r.at().toString());
      row.put("eventId", r.eventId());
      row.put("episode", r.episode());
      row.put("mode", r.mode());
      row.put("decision", r.decision());
      row.put("reasons", r.reasons());
      row.put("confidence", r.confidence());
      row.put("article", r.articleId());
      row.put("signals", r.signals());
      row.put("input", r.input());
      row.put("actions", r.actions());
      row.put("outcome", r.outcome());
      row.put("detail", r.detail());
      decisions.add(row);
    }
    out.put("decisions", decisions);
    var writes = new ArrayList<Map<String, Object>>();
    for (var w : rows.writes(installation, id)) {
      var row = new LinkedHashMap<String, Object>();
      row.put("id", w.id());
      row.put("eventId", w.eventId());
      row.put("actions", parse(w.actionsJson()));
      row.put("status", w.status());
      row.put("attempts", w.attempts());
      row.put("lastError", w.lastError());
      writes.add(row);
    }
    out.put("writes", writes);
    return ok(out);
  }

  private WebhookResponse tryBot(WebhookRequest request) {
    JsonNode body;
    try {
      body = json.readTree(request.body());
    } catch (IOException e) {
      throw new BadRequest("the body must be JSON: {\"installation\": \"ID\", \"text\": \"...\"}");
    }
    if (body == null || !body.isObject()) {
      throw new BadRequest("the body must be a JSON object: {\"installation\": \"ID\", \"text\": \"...\"}");
    }
    String installation = body.path("installation").asText("");
    String text = body.path("text").asText("");
    String vendor = vendors.get(installation);
    if (vendor == null) {
      throw new BadRequest("installation '" + installation + "' is not configured; one of " + vendors.keySet());
    }
    if (text.isBlank()) {
      throw new BadRequest("text must not be empty");
    }
    if (text.length() > 10_000) {
      throw new BadRequest("text must be at most 10000 characters");
    }
    Channel channel;
    try {
      channel = Channel.valueOf(body.path("channel").asText("CHAT").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("channel must be one of EMAIL, WEB_FORM, CHAT, VOICE_TRANSCRIPT");
    }
    var now = clock.instant();
    var message = new Message("try-1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "admin-try", text, now);
    var conversation = new Conversation(new ConversationKey(vendor, installation, "admin-try-" + UUID.randomUUID()),
        channel, "", Customer.UNKNOWN, "", "", Set.of(), false, List.of(message));
    Decision decision = decider.decide(new BotInput(conversation, List.of(message), 0, 0, List.of(), ""));
    var out = new LinkedHashMap<String, Object>();
    out.put("installation", installation);
    out.put("decision", decision.kind());
    out.put("reasons", decision.reasons());
    out.put("confidence", decision.scores().confidence());
    out.put("article", decision.scores().articleId());
    out.put("signals", decision.scores().signals());
    if (decision instanceof Decision.Reply r) {
      out.put("text", r.text());
    } else if (decision instanceof Decision.Draft d) {
      out.put("text", d.text());
    } else if (decision instanceof Decision.Clarify c) {
      out.put("text", c.question());
    } else if (decision instanceof Decision.Handover h) {
      out.put("text", h.customerMessage());
      out.put("routingGroup", h.routingGroup());
    } else {
      out.put("text", "");
    }
    return ok(out);
  }

  private Dashboard.Period period(WebhookRequest request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant to = instant(request, "to", now, true);
    Instant from = instant(request, "from", to.minus(Duration.ofDays(DEFAULT_DAYS)), false);
    if (!from.isBefore(to)) {
      throw new BadRequest("from must be before to");
    }
    return new Dashboard.Period(from, to);
  }

  private static Dashboard.Filter filter(WebhookRequest request) {
    return new Dashboard.Filter(param(request, "installation"), param(request, "channel"), param(request, "language"));
  }

  /** A date is its UTC midnight; as {@code to}, the midnight after it (the day is included). */
  private static Instant instant(WebhookRequest request, String name, Instant otherwise, boolean endOfDay) {
    String value = param(request, name);
    if (value.isEmpty()) {
      return otherwise;
    }
    try {
      if (value.length() == 10) {
        var day = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        return endOfDay ? day.plus(Duration.ofDays(1)) : day;
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be a date (2026-11-01) or an instant (2026-11-01T08:00:00Z), was '" + value
          + "'");
    }
  }

  private static int integer(WebhookRequest request, String name, int otherwise, int min, int max) {
    String value = param(request, name);
    if (value.isEmpty()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new BadRequest(name + " must be between " + min + " and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number, was '" + value + "'");
    }
  }

  private static String param(WebhookRequest request, String name) {
    var values = request.query().get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
  }

  /** The list query of a figure: the same period and filters, the figure's tag. */
  private static String listQuery(WebhookRequest request, String tag) {
    var q = new StringBuilder("/admin/api/conversations?figure=").append(encode(tag));
    for (String name : List.of("from", "to", "installation", "channel", "language")) {
      String value = param(request, name);
      if (!value.isEmpty()) {
        q.append('&').append(name).append('=').append(encode(value));
      }
    }
    return q.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Object parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private WebhookResponse ok(Object body) {
    try {
      return new WebhookResponse(200, "application/json", json.writeValueAsString(body),
          Map.of("Cache-Control", "no-store"));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = AdminApi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the admin page's file " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request the admin must fix: 400 with the message. */
  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
