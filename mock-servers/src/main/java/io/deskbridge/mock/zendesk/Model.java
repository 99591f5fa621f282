package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.iso;
import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;

import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory Zendesk account: users, groups, tickets, comments and webhooks.
 *
 * <p>Thread-safe: every method is {@code synchronized} on this model. Events are handed to the
 * {@link WebhookDispatcher} while the lock is held, so their order per ticket is production order.
 * Lock order is always API → model → dispatcher.
 */
final class Model {
  private static final Logger LOG = LoggerFactory.getLogger(Model.class);
  static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
  private static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");
  private static final Set<String> TYPES = Set.of("problem", "incident", "question", "task");
  static final String EVENT_CREATED = "zen:event-type:ticket.created";
  static final String EVENT_COMMENT = "zen:event-type:ticket.comment_added";
  static final String EVENT_TAGS = "zen:event-type:ticket.tags_changed";
  static final String EVENT_STATUS = "zen:event-type:ticket.status_changed";
  static final String CONDITIONAL = "conditional_ticket_events";
  /** Body of the fake's built-in trigger, the one recommended in the contract report (§1.6). */
  static final String TRIGGER_BODY =
      "{\"ticket_id\":\"{{ticket.id}}\",\"updater_id\":\"{{current_user.id}}\","
          + "\"comment_id\":\"{{ticket.latest_comment.id}}\",\"via\":\"{{ticket.via}}\","
          + "\"tags\":\"{{ticket.tags}}\"}";
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  record User(long id, String name, String email, String role, Instant createdAt) {
    boolean staff() {
      return !"end-user".equals(role);
    }
  }

  /** {@code storedAt} is the clock's full-precision time of storing; {@code createdAt} is truncated. */
  record Comment(long id, long authorId, String body, String htmlBody, boolean isPublic,
      String channel, Instant createdAt, long auditId, Instant storedAt) {}

  record Webhook(String id, String name, String status, URI endpoint, String httpMethod,
      String requestFormat, List<String> subscriptions, String secret,
      Map<String, String> authHeaders, ObjectNode authentication, long createdBy, Instant createdAt) {
    boolean conditional() {
      return subscriptions.contains(CONDITIONAL);
    }
  }

  private static final class Ticket {
    final long id;
    String subject;
    String status = "new";
    String priority;
    String type;
    long requesterId;
    long submitterId;
    Long assigneeId;
    Long groupId;
    List<String> tags = new ArrayList<>();
    final Map<Long, JsonNode> customFields = new LinkedHashMap<>();
    String channel;
    Instant createdAt;
    Instant updatedAt;
    final List<Comment> comments = new ArrayList<>();

    Ticket(long id) {
      this.id = id;
    }
  }

  private final ZendeskFake.Config config;
  private final WebhookDispatcher dispatcher;
  private final Map<Long, User> users = new LinkedHashMap<>();
  private final Map<String, Long> groups = new LinkedHashMap<>();
  private final Map<Long, Ticket> tickets = new TreeMap<>();
  private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
  private final long botId;
  private final long humanId;
  private final Instant seededAt;
  private String baseUrl = "http://localhost";
  private long nextTicketId;
  private long nextUserId;
  private long nextCommentId;
  private long nextAuditId;

  Model(ZendeskFake.Config config, WebhookDispatcher dispatcher) {
    this.config = config;
    this.dispatcher = dispatcher;
    this.seededAt = now();
    this.botId = 90_000_001L;
    this.humanId = 90_000_002L;
    long groupId = 36_000_001L;
    for (String name : config.groupNames()) {
      groups.put(name, groupId++);
    }
    reset();
  }

  synchronized void reset() {
    users.keySet().removeIf(id -> id != botId && id != humanId);
    users.put(botId, new User(botId, "Deskbridge Bot", config.agentEmail(), "agent", seededAt));
    users.put(humanId, new User(humanId, "Alice Agent", "alice@acme.example", "agent", seededAt));
    tickets.clear();
    webhooks.clear();
    nextTicketId = 1;
    nextUserId = 90_000_100L;
    nextCommentId = 58_000_000_001L;
    nextAuditId = 77_000_000_001L;
  }

  synchronized void baseUrl(String url) {
    this.baseUrl = url;
  }

  long botId() {
    return botId;
  }

  long humanId() {
    return humanId;
  }

  synchronized Map<String, Long> groups() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /** The staff user with this email (case-insensitive), as API-token auth resolves it. */
  synchronized Optional<User> agentByEmail(String email) {
    return users.values().stream()
        .filter(u -> u.staff() && u.email().equalsIgnoreCase(email)).findFirst();
  }

  synchronized User bot() {
    return users.get(botId);
  }

  // ---------------------------------------------------------------- Java control API

  synchronized long customerCreatesTicket(String email, String name, String subject, String body,
      List<String> tags) {
    User customer = endUser(email, name);
    ObjectNode spec = obj().put("subject", subject);
    spec.putObject("comment").put("body", body).put("public", true);
    spec.set("tags", Json.arr(tags));
    return createTicket(customer, customer, customer, spec, "web");
  }

  synchronized long customerComments(long ticketId, String body) {
    Ticket t = find(ticketId);
    requireOpen(t);
    User customer = users.get(t.requesterId);
    Instant now = now();
    Comment c = addComment(t, customer.id(), body, null, true, "web", now, nextAuditId++);
    if (!"new".equals(t.status)) {
      t.status = "open";
    }
    t.updatedAt = now;
    emit(t, customer, c, false, false);
    return c.id();
  }

  /** An agent changes ticket fields as in {@code PUT /tickets/{id}} (for example tags or status). */
  synchronized void agentUpdates(long ticketId, long agentId, JsonNode ticket) {
    User agent = users.get(agentId);
    if (agent == null || !agent.staff()) {
      throw new IllegalArgumentException("not an agent: " + agentId);
    }
    updateTicket(ticketId, agent, ticket);
  }

  synchronized long agentComments(long ticketId, long agentId, String body, boolean isPublic) {
    User agent = users.get(agentId);
    if (agent == null || !agent.staff()) {
      throw new IllegalArgumentException("not an agent: " + agentId);
    }
    Ticket t = find(ticketId);
    requireOpen(t);
    Instant now = now();
    Comment c = addComment(t, agentId, body, null, isPublic, "web", now, nextAuditId++);
    if ("new".equals(t.status)) {
      t.status = "open";
    }
    t.updatedAt = now;
    emit(t, agent, c, false, false);
    return c.id();
  }

  /** Every ticket, by id. */
  synchronized List<TicketView> tickets() {
    return tickets.keySet().stream().map(id -> ticket(id).orElseThrow()).toList();
  }

  synchronized Optional<TicketView> ticket(long id) {
    Ticket t = tickets.get(id);
    return Optional.ofNullable(t).map(x -> new TicketView(x.id, x.subject, x.status, x.priority,
        x.type, x.requesterId, x.submitterId, x.assigneeId, x.groupId, List.copyOf(x.tags),
        x.channel, x.createdAt, x.updatedAt));
  }

  synchronized List<CommentView> comments(long ticketId) {
    Ticket t = tickets.get(ticketId);
    return t == null ? List.of() : t.comments.stream().map(c -> new CommentView(c.id(),
        c.authorId(), c.body(), c.isPublic(), c.createdAt(), c.channel(), c.storedAt())).toList();
  }

  // ---------------------------------------------------------------- REST API operations

  synchronized ObjectNode userJson(long id) {
    User u = users.get(id);
    if (u == null) {
      throw ApiError.notFound();
    }
    ObjectNode n = obj().put("id", u.id()).put("url", baseUrl + "/api/v2/users/" + u.id() + ".json")
        .put("name", u.name()).put("email", u.email()).put("created_at", iso(u.createdAt()))
        .put("updated_at", iso(u.createdAt())).put("time_zone", "UTC")
        .put("iana_time_zone", "Etc/UTC").put("locale", "en-US").put("locale_id", 1)
        .put("role", u.role()).put("verified", true).put("active", true).put("shared", false)
        .put("suspended", false).put("restricted_agent", false).put("moderator", u.staff())
        .put("only_private_comments", false);
    n.putNull("organization_id");
    n.putArray("tags");
    n.putObject("user_fields");
    return n;
  }

  synchronized ObjectNode ticketJson(long id) {
    return ticketJson(find(id));
  }

  synchronized ObjectNode createTicketViaApi(User updater, JsonNode spec) {
    User requester = updater;
    if (spec.hasNonNull("requester_id")) {
      requester = users.get(spec.get("requester_id").asLong());
      if (requester == null) {
        throw ApiError.invalid("requester", "Requester: cannot be blank");
      }
    } else if (spec.path("requester").hasNonNull("email")) {
      JsonNode r = spec.get("requester");
      requester = endUser(r.get("email").asText(), text(r, "name"));
    }
    User submitter = updater;
    if (spec.hasNonNull("submitter_id")) {
      submitter = users.get(spec.get("submitter_id").asLong());
      if (submitter == null) {
        throw ApiError.invalid("submitter", "Submitter: is invalid");
      }
    }
    if (spec.path("comment").hasNonNull("author_id")
        && !users.containsKey(spec.path("comment").get("author_id").asLong())) {
      throw ApiError.invalid("comment", "Comment: author_id is invalid");
    }
    return ticketJson(find(createTicket(requester, submitter, updater, spec, "api")));
  }

  /**
   * Creates a ticket; {@code spec} is a REST {@code ticket} object. The first comment's author is
   * {@code comment.author_id} or else the submitter; the {@code actor} (the authenticated user, Zendesk's
   * {@code current_user}) is the event's {@code actor_id} whoever the requester is. Fires ticket.created.
   */
  private long createTicket(User requester, User submitter, User actor, JsonNode spec,
      String channel) {
    JsonNode c = spec.path("comment");
    String body = text(c, "body");
    String html = text(c, "html_body");
    if (body == null && html == null) {
      body = text(spec, "description");
    }
    if ((body == null || body.isBlank()) && (html == null || html.isBlank())) {
      throw ApiError.invalid("description", "Description: cannot be blank");
    }
    validate(spec);
    Ticket t = new Ticket(nextTicketId++);
    Instant now = now();
    t.subject = Optional.ofNullable(text(spec, "subject")).orElse(firstLine(body, html));
    t.requesterId = requester.id();
    t.submitterId = submitter.id();
    t.channel = channel;
    t.createdAt = now;
    t.updatedAt = now;
    t.priority = text(spec, "priority");
    t.type = text(spec, "type");
    t.assigneeId = spec.hasNonNull("assignee_id") ? spec.get("assignee_id").asLong() : null;
    t.groupId = spec.hasNonNull("group_id") ? spec.get("group_id").asLong() : null;
    t.status = Optional.ofNullable(text(spec, "status")).orElse(t.assigneeId == null ? "new" : "open");
    if (spec.has("tags")) {
      t.tags = distinct(Json.strings(spec.get("tags")));
    }
    spec.path("custom_fields").forEach(f -> t.customFields.put(f.path("id").asLong(), f.get("value")));
    long author = c.hasNonNull("author_id") ? c.get("author_id").asLong() : submitter.id();
    tickets.put(t.id, t);
    Comment first = addComment(t, author, body, html, c.path("public").asBoolean(true), channel, now,
        nextAuditId++);
    emit(t, actor, first, "api".equals(channel), true);
    return t.id;
  }

  /** PUT /tickets/{id} (§2.3, §9.2): merge, append the comment, answer ticket and audit. */
  synchronized ObjectNode updateTicket(long id, User updater, JsonNode in) {
    Ticket t = find(id);
    requireOpen(t);
    if (in.path("safe_update").asBoolean(false) && in.hasNonNull("updated_stamp")
        && !parseInstant(in.get("updated_stamp").asText()).equals(t.updatedAt)) {
      throw new ApiError(409, Json.error("UpdateConflict", "Safe Update prevented the update due "
          + "to outdated ticket data. Please fetch the latest ticket data and try again."));
    }
    validate(in);
    JsonNode c = in.hasNonNull("comment") ? in.get("comment") : null;
    String body = c == null ? null : text(c, "body");
    String html = c == null ? null : text(c, "html_body");
    if (c != null && (body == null || body.isBlank()) && (html == null || html.isBlank())) {
      throw ApiError.invalid("comment", "Comment: value cannot be blank");
    }
    long author = c != null && c.hasNonNull("author_id") ? c.get("author_id").asLong() : updater.id();
    if (!users.containsKey(author)) {
      throw ApiError.invalid("comment", "Comment: author_id is invalid");
    }
    Instant now = now();
    long auditId = nextAuditId++;
    ObjectNode audit = obj().put("id", auditId).put("ticket_id", t.id)
        .put("created_at", iso(now)).put("author_id", updater.id());
    audit.putObject("via").put("channel", "api");
    ArrayNode events = audit.putArray("events");
    Comment comment = null;
    if (c != null) {
      comment = addComment(t, author, body, html, c.path("public").asBoolean(true), "api", now,
          auditId);
      events.add(commentJson(comment).put("id", comment.id()));
    }
    String statusBefore = t.status;
    List<String> tagsBefore = List.copyOf(t.tags);
    // an agent update moves a New ticket to Open unless a status is given
    String status = Optional.ofNullable(text(in, "status"))
        .orElse("new".equals(t.status) ? "open" : t.status);
    change(events, "status", t.status, status);
    t.status = status;
    if (in.has("priority")) {
      change(events, "priority", t.priority, t.priority = text(in, "priority"));
    }
    if (in.has("type")) {
      change(events, "type", t.type, t.type = text(in, "type"));
    }
    if (in.has("subject")) {
      change(events, "subject", t.subject, t.subject = text(in, "subject"));
    }
    if (in.has("assignee_id")) {
      Long v = in.get("assignee_id").isNull() ? null : in.get("assignee_id").asLong();
      change(events, "assignee_id", t.assigneeId, v);
      t.assigneeId = v;
    }
    if (in.has("group_id")) {
      Long v = in.get("group_id").isNull() ? null : in.get("group_id").asLong();
      change(events, "group_id", t.groupId, v);
      t.groupId = v;
    }
    List<String> tags = new ArrayList<>(t.tags);
    if (in.has("tags")) {
      tags = distinct(Json.strings(in.get("tags")));
    }
    if (in.has("additional_tags") || in.has("remove_tags")) {
      LOG.warn("additional_tags/remove_tags on PUT /tickets/{id} are unverified for single-ticket "
          + "updates (documented only for update_many); prefer the /tags endpoints");
      tags.addAll(Json.strings(in.path("additional_tags")));
      tags.removeAll(Json.strings(in.path("remove_tags")));
      tags = distinct(tags);
    }
    if (!tags.equals(t.tags)) {
      events.addObject().put("id", nextAuditId++).put("type", "Change").put("field_name", "tags")
          .<ObjectNode>set("value", Json.arr(tags)).set("previous_value", Json.arr(t.tags));
      t.tags = tags;
    }
    in.path("custom_fields").forEach(f -> t.customFields.put(f.path("id").asLong(), f.get("value")));
    if (in.has("custom_status_id")) {
      LOG.debug("custom_status_id accepted and ignored");
    }
    t.updatedAt = now;
    if (comment != null) {
      emit(t, updater, comment, true, false);
    }
    if (!status.equals(statusBefore)) {
      emitChange(t, updater, EVENT_STATUS, TextNode.valueOf(upper(statusBefore)), TextNode.valueOf(upper(status)));
    }
    if (!t.tags.equals(tagsBefore)) {
      emitChange(t, updater, EVENT_TAGS, Json.arr(tagsBefore), Json.arr(t.tags));
    }
    ObjectNode out = obj();
    out.set("ticket", ticketJson(t));
    out.set("audit", audit);
    return out;
  }

  /** Tags endpoints: PUT adds, POST sets, DELETE removes (§2.3). */
  synchronized List<String> tags(long id, String method, List<String> given) {
    Ticket t = find(id);
    requireOpen(t);
    List<String> tags = new ArrayList<>(t.tags);
    switch (method) {
      case "PUT" -> tags.addAll(given);
      case "POST" -> tags = new ArrayList<>(given);
      default -> tags.removeAll(given);
    }
    t.tags = distinct(tags);
    t.updatedAt = now();
    return List.copyOf(t.tags);
  }

  /** Offset ({@code page}, {@code per_page}, {@code sort_order}) or cursor ({@code page[...]}) paging (§2.2). */
  synchronized ObjectNode commentsPage(long id, Map<String, String> q) {
    Ticket t = find(id);
    String base = baseUrl + "/api/v2/tickets/" + id + "/comments.json";
    boolean desc = "desc".equals(q.get("sort_order")) || "-created_at".equals(q.get("sort"));
    List<Comment> ordered = new ArrayList<>(t.comments);
    if (desc) {
      Collections.reverse(ordered);
    }
    ObjectNode out = obj();
    ArrayNode items = out.putArray("comments");
    if (q.keySet().stream().anyMatch(k -> k.startsWith("page["))) {
      int size = intParam(q, "page[size]", 100);
      if (size < 1 || size > 100) {
        throw new ApiError(400, Json.error("InvalidPaginationParameter",
            "page[size] must be between 1 and 100"));
      }
      int from = 0;
      int to;
      if (q.containsKey("page[before]")) {
        to = indexOf(ordered, decodeCursor(q.get("page[before]")));
        from = Math.max(0, to - size);
      } else {
        if (q.containsKey("page[after]")) {
          from = indexOf(ordered, decodeCursor(q.get("page[after]"))) + 1;
        }
        to = Math.min(ordered.size(), from + size);
      }
      List<Comment> page = ordered.subList(from, to);
      page.forEach(c -> items.add(commentJson(c)));
      boolean hasMore = q.containsKey("page[before]") ? from > 0 : to < ordered.size();
      String after = page.isEmpty() ? null : cursor(page.get(page.size() - 1).id());
      String before = page.isEmpty() ? null : cursor(page.get(0).id());
      String sort = desc ? "&sort=-created_at" : "";
      String link = base + "?page%5Bsize%5D=" + size + sort;
      out.putObject("meta").put("has_more", hasMore).put("after_cursor", after)
          .put("before_cursor", before);
      out.putObject("links")
          .put("next", hasMore && after != null ? link + "&page%5Bafter%5D=" + after : null)
          .put("prev", before != null && from > 0 ? link + "&page%5Bbefore%5D=" + before : null);
    } else {
      int perPage = Math.max(1, Math.min(100, intParam(q, "per_page", 100)));
      int page = Math.max(1, intParam(q, "page", 1));
      int from = Math.min(ordered.size(), (page - 1) * perPage);
      int to = Math.min(ordered.size(), from + perPage);
      ordered.subList(from, to).forEach(c -> items.add(commentJson(c)));
      String link = base + "?per_page=" + perPage + "&sort_order=" + (desc ? "desc" : "asc")
          + "&page=";
      out.put("next_page", to < ordered.size() ? link + (page + 1) : null);
      out.put("previous_page", page > 1 ? link + (page - 1) : null);
      out.put("count", ordered.size());
    }
    return out;
  }

  synchronized ObjectNode groupsJson() {
    ObjectNode out = obj();
    ArrayNode list = out.putArray("groups");
    groups.values().forEach(id -> list.add(groupJson(id)));
    out.putNull("next_page");
    out.putNull("previous_page");
    out.put("count", groups.size());
    return out;
  }

  synchronized ObjectNode groupJson(long id) {
    String name = groups.entrySet().stream().filter(e -> e.getValue() == id)
        .map(Map.Entry::getKey).findFirst().orElseThrow(ApiError::notFound);
    return obj().put("id", id).put("url", baseUrl + "/api/v2/groups/" + id + ".json")
        .put("name", name).put("description", "").put("default", id == groups.values().iterator().next())
        .put("deleted", false).put("is_public", true)
        .put("created_at", iso(seededAt)).put("updated_at", iso(seededAt));
  }

  // ---------------------------------------------------------------- webhooks registry

  /** Validates and stores a webhook from its REST shape (§1.1); errors are 400 {@code errors[]} [I]. */
  synchronized Webhook createWebhook(JsonNode w, User creator, String secret) {
    for (String field : List.of("name", "status", "endpoint", "http_method", "request_format")) {
      if (text(w, field) == null || text(w, field).isBlank()) {
        throw webhookError("MissingField", field + " is required", field);
      }
    }
    String status = oneOf(w, "status", "active", "inactive");
    String method = oneOf(w, "http_method", "GET", "POST", "PUT", "PATCH", "DELETE");
    String format = oneOf(w, "request_format", "json", "xml", "form_encoded");
    URI endpoint;
    try {
      endpoint = URI.create(text(w, "endpoint"));
    } catch (IllegalArgumentException e) {
      throw webhookError("InvalidValue", "endpoint is not a URL", "endpoint");
    }
    if (!Set.of("http", "https").contains(String.valueOf(endpoint.getScheme()))) {
      throw webhookError("InvalidValue", "endpoint must be an http(s) URL", "endpoint");
    }
    if (!w.path("subscriptions").isArray() || w.get("subscriptions").isEmpty()) {
      throw webhookError("MissingField", "subscriptions is required", "subscriptions");
    }
    List<String> subs = Json.strings(w.get("subscriptions"));
    if (subs.contains(CONDITIONAL) && subs.size() > 1) {
      throw webhookError("InvalidValue", "conditional_ticket_events must be the only subscription",
          "subscriptions");
    }
    if (!subs.contains(CONDITIONAL) && (!"POST".equals(method) || !"json".equals(format))) {
      throw webhookError("InvalidValue", "event subscriptions require POST and json", "http_method");
    }
    ObjectNode auth = w.path("authentication").isObject() ? (ObjectNode) w.get("authentication")
        : null;
    Map<String, String> headers = authHeaders(auth);
    Webhook hook = new Webhook(ulid(), text(w, "name"), status, endpoint, method, format,
        List.copyOf(subs), secret != null ? secret : randomSecret(), headers, auth, creator.id(),
        now());
    webhooks.put(hook.id(), hook);
    return hook;
  }

  synchronized Webhook webhook(String id) {
    Webhook w = webhooks.get(id);
    if (w == null) {
      throw new ApiError(404, webhookErrors("WebhookNotFound", "Webhook not found", null));
    }
    return w;
  }

  synchronized void deleteWebhook(String id) {
    webhooks.remove(webhook(id).id());
  }

  synchronized ObjectNode webhooksJson() {
    ObjectNode out = obj();
    ArrayNode list = out.putArray("webhooks");
    webhooks.values().forEach(w -> list.add(webhookJson(w)));
    out.putObject("meta").put("has_more", false).putNull("after_cursor").putNull("before_cursor");
    out.putObject("links").putNull("next").putNull("prev");
    return out;
  }

  ObjectNode webhookJson(Webhook w) {
    ObjectNode n = obj().put("id", w.id()).put("name", w.name()).put("status", w.status())
        .put("endpoint", w.endpoint().toString()).put("http_method", w.httpMethod())
        .put("request_format", w.requestFormat());
    n.set("subscriptions", Json.arr(w.subscriptions()));
    if (w.authentication() != null) {
      n.putObject("authentication").put("type", text(w.authentication(), "type"))
          .put("add_position", "header");
    }
    n.putObject("signing_secret").put("algorithm", "sha256").putNull("secret");
    return n.put("created_at", iso(w.createdAt())).put("created_by", String.valueOf(w.createdBy()))
        .put("updated_at", iso(w.createdAt())).put("updated_by", String.valueOf(w.createdBy()));
  }

  // ---------------------------------------------------------------- events

  /**
   * Produces outbound webhook events for a ticket creation or a later comment. Event webhooks get
   * one {@code ticket.created} (creation) or one {@code ticket.comment_added} (later comment); the
   * first comment of a new ticket deliberately does <em>not</em> produce comment_added (assumption,
   * unverified against Zendesk). Trigger webhooks get the rendered {@link #TRIGGER_BODY} when the
   * comment is public and the change was not made through the API ({@code current_via_id} ≠ 5).
   */
  private void emit(Ticket t, User actor, Comment c, boolean viaApi, boolean created) {
    for (Webhook w : webhooks.values()) {
      if (!"active".equals(w.status())) {
        continue;
      }
      if (w.conditional()) {
        if (c.isPublic() && !viaApi) {
          String body = TRIGGER_BODY.replace("{{ticket.id}}", String.valueOf(t.id))
              .replace("{{current_user.id}}", String.valueOf(actor.id()))
              .replace("{{ticket.latest_comment.id}}", String.valueOf(c.id()))
              .replace("{{ticket.via}}", "web".equals(t.channel) ? "Web Form" : "Web Service")
              .replace("{{ticket.tags}}", String.join(" ", t.tags));
          dispatcher.enqueue(w, t.id, UUID.randomUUID().toString(),
              body.getBytes(StandardCharsets.UTF_8));
        }
        continue;
      }
      String type = created ? EVENT_CREATED : EVENT_COMMENT;
      if (!w.subscriptions().contains(type)) {
        continue;
      }
      String eventId = UUID.randomUUID().toString();
      ObjectNode env = obj().put("type", type).put("account_id", config.accountId())
          .put("id", eventId).put("time", Json.isoNanos(config.clock().instant()))
          .put("zendesk_event_version", "2022-11-06").put("subject", "zen:ticket:" + t.id);
      env.set("detail", detail(t, actor, viaApi));
      ObjectNode event = env.putObject("event");
      if (!created) {
        User author = users.get(c.authorId());
        ObjectNode ce = event.putObject("comment").put("id", String.valueOf(c.id()))
            .put("body", c.body()).put("html_body", c.htmlBody()).put("is_public", c.isPublic());
        ce.putObject("author").put("id", String.valueOf(author.id())).put("name", author.name())
            .put("is_staff", author.staff());
      }
      dispatcher.enqueue(w, t.id, eventId, Json.bytes(env));
    }
  }

  /**
   * A {@code ticket.tags_changed} or {@code ticket.status_changed} event, with {@code event.previous} and
   * {@code event.current}, for the event webhooks subscribed to it (made by ticket updates).
   */
  private void emitChange(Ticket t, User actor, String type, JsonNode previous, JsonNode current) {
    for (Webhook w : webhooks.values()) {
      if (!"active".equals(w.status()) || w.conditional() || !w.subscriptions().contains(type)) {
        continue;
      }
      String eventId = UUID.randomUUID().toString();
      ObjectNode env = obj().put("type", type).put("account_id", config.accountId())
          .put("id", eventId).put("time", Json.isoNanos(config.clock().instant()))
          .put("zendesk_event_version", "2022-11-06").put("subject", "zen:ticket:" + t.id);
      env.set("detail", detail(t, actor, true));
      ObjectNode event = env.putObject("event");
      event.set("previous", previous);
      event.set("current", current);
      dispatcher.enqueue(w, t.id, eventId, Json.bytes(env));
    }
  }

  /** The event {@code detail}: string ids, UPPERCASE enums, {@code web_service} for API changes. */
  private ObjectNode detail(Ticket t, User actor, boolean viaApi) {
    ObjectNode d = obj().put("actor_id", String.valueOf(actor.id()))
        .put("assignee_id", idOrNull(t.assigneeId)).putNull("brand_id")
        .put("created_at", iso(t.createdAt)).putNull("custom_status")
        .put("description", t.comments.get(0).body()).putNull("external_id").putNull("form_id")
        .put("group_id", idOrNull(t.groupId)).put("id", String.valueOf(t.id))
        .put("is_public", t.comments.get(0).isPublic()).putNull("organization_id")
        .put("priority", upper(t.priority)).put("requester_id", String.valueOf(t.requesterId))
        .put("status", upper(t.status)).put("subject", t.subject)
        .put("submitter_id", String.valueOf(t.submitterId));
    d.set("tags", Json.arr(t.tags));
    d.put("type", upper(t.type)).put("updated_at", iso(t.updatedAt));
    d.putObject("via").put("channel", viaApi ? "web_service" : "web");
    return d;
  }

  // ---------------------------------------------------------------- helpers

  private ObjectNode ticketJson(Ticket t) {
    Comment first = t.comments.get(0);
    ObjectNode n = obj().put("id", t.id).put("url", baseUrl + "/api/v2/tickets/" + t.id + ".json");
    n.putNull("external_id");
    n.set("via", via(t.channel));
    n.put("created_at", iso(t.createdAt)).put("updated_at", iso(t.updatedAt)).put("type", t.type)
        .put("subject", t.subject).put("raw_subject", t.subject).put("description", first.body())
        .put("priority", t.priority).put("status", t.status).putNull("recipient")
        .put("requester_id", t.requesterId).put("submitter_id", t.submitterId)
        .put("assignee_id", t.assigneeId).putNull("organization_id").put("group_id", t.groupId);
    n.putArray("collaborator_ids");
    n.putArray("follower_ids");
    n.putArray("email_cc_ids");
    n.putNull("problem_id");
    n.put("has_incidents", false).put("is_public", first.isPublic()).putNull("due_at");
    n.set("tags", Json.arr(t.tags));
    ArrayNode cf = n.putArray("custom_fields");
    t.customFields.forEach((id, value) -> cf.addObject().put("id", id).set("value", value));
    n.putArray("sharing_agreement_ids");
    n.putArray("followup_ids");
    n.putNull("ticket_form_id");
    n.putNull("brand_id");
    return n.put("allow_channelback", false).put("allow_attachments", true)
        .put("from_messaging_channel", false);
  }

  private ObjectNode commentJson(Comment c) {
    ObjectNode n = obj().put("id", c.id()).put("type", "Comment").put("author_id", c.authorId())
        .put("body", c.body()).put("html_body", c.htmlBody()).put("plain_body", c.body())
        .put("public", c.isPublic());
    n.putArray("attachments");
    n.put("audit_id", c.auditId());
    n.set("via", via(c.channel()));
    n.putObject("metadata");
    return n.put("created_at", iso(c.createdAt()));
  }

  private static ObjectNode via(String channel) {
    ObjectNode via = obj().put("channel", channel);
    ObjectNode source = via.putObject("source");
    source.putObject("from");
    source.putObject("to");
    source.putNull("rel");
    return via;
  }

  private Comment addComment(Ticket t, long authorId, String body, String html, boolean isPublic,
      String channel, Instant now, long auditId) {
    String text = body != null ? body : stripHtml(html);
    String htmlBody = html != null ? html : "<div class=\"zd-comment\" dir=\"auto\"><p dir=\"auto\">"
        + escapeHtml(body).replace("\n", "<br>") + "</p></div>";
    Comment c = new Comment(nextCommentId++, authorId, text, htmlBody, isPublic, channel, now,
        auditId, config.clock().instant());
    t.comments.add(c);
    return c;
  }

  private void validate(JsonNode in) {
    String status = text(in, "status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiError.invalid("status", "Status: " + status + " is not valid");
    }
    String priority = text(in, "priority");
    if (priority != null && !PRIORITIES.contains(priority)) {
      throw ApiError.invalid("priority", "Priority: " + priority + " is not valid");
    }
    String type = text(in, "type");
    if (type != null && !TYPES.contains(type)) {
      throw ApiError.invalid("type", "Type: " + type + " is not valid");
    }
    if (in.hasNonNull("group_id") && !groups.containsValue(in.get("group_id").asLong())) {
      throw ApiError.invalid("group_id", "Group: " + in.get("group_id").asText() + " is invalid");
    }
    if (in.hasNonNull("assignee_id")) {
      User a = users.get(in.get("assignee_id").asLong());
      if (a == null || !a.staff()) {
        throw ApiError.invalid("assignee_id", "Assignee: " + in.get("assignee_id") + " is invalid");
      }
    }
  }

  private User endUser(String email, String name) {
    return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst()
        .orElseGet(() -> {
          User u = new User(nextUserId++, name != null ? name : email.replaceAll("@.*", ""), email,
              "end-user", now());
          users.put(u.id(), u);
          return u;
        });
  }

  private Ticket find(long id) {
    Ticket t = tickets.get(id);
    if (t == null) {
      throw ApiError.notFound();
    }
    return t;
  }

  private static void requireOpen(Ticket t) {
    if ("closed".equals(t.status)) {
      throw ApiError.invalid("status", "Status: closed prevents ticket update");
    }
  }

  private void change(ArrayNode events, String field, Object before, Object after) {
    if (after != null && !after.equals(before) || after == null && before != null) {
      ObjectNode e = events.addObject().put("id", nextAuditId++).put("type", "Change")
          .put("field_name", field);
      e.set("value", after == null ? null : Json.MAPPER.valueToTree(after));
      e.set("previous_value", before == null ? null : Json.MAPPER.valueToTree(before));
    }
  }

  private Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant parseInstant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("updated_stamp", "updated_stamp is not a timestamp: " + s);
    }
  }

  private static int intParam(Map<String, String> q, String key, int dflt) {
    try {
      return q.containsKey(key) ? Integer.parseInt(q.get(key)) : dflt;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(key + " must be a number");
    }
  }

  private static String cursor(long commentId) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("c" + commentId).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodeCursor(String cursor) {
    try {
      return Long.parseLong(Json.utf8(Base64.getUrlDecoder().decode(cursor)).substring(1));
    } catch (RuntimeException e) {
      throw new ApiError(400, Json.error("InvalidPaginationParameter", "invalid cursor"));
    }
  }

  private static int indexOf(List<Comment> comments, long id) {
    for (int i = 0; i < comments.size(); i++) {
      if (comments.get(i).id() == id) {
        return i;
      }
    }
    throw new ApiError(400, Json.error("InvalidPaginationParameter", "invalid cursor"));
  }

  private static List<String> distinct(List<String> tags) {
    return new ArrayList<>(new LinkedHashSet<>(tags.stream()
        .map(s -> s.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).filter(s -> !s.isEmpty())
        .toList()));
  }

  private static String idOrNull(Long id) {
    return id == null ? null : id.toString();
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static String firstLine(String body, String html) {
    String text = body != null ? body : stripHtml(html);
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 80) : line;
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String stripHtml(String html) {
    return html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
        .strip();
  }

  private static Map<String, String> authHeaders(ObjectNode auth) {
    if (auth == null) {
      return Map.of();
    }
    JsonNode data = auth.path("data");
    return switch (String.valueOf(text(auth, "type"))) {
      case "bearer_token" -> Map.of("Authorization", "Bearer " + data.path("token").asText());
      case "basic_auth" -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (data.path("username").asText() + ":" + data.path("password").asText())
              .getBytes(StandardCharsets.UTF_8)));
      case "api_key" -> Map.of(data.path("name").asText(), data.path("value").asText());
      default -> throw webhookError("InvalidValue", "unknown authentication type", "authentication");
    };
  }

  private static String oneOf(JsonNode w, String field, String... allowed) {
    String value = text(w, field);
    if (!List.of(allowed).contains(value)) {
      throw webhookError("InvalidValue", field + " must be one of " + List.of(allowed), field);
    }
    return value;
  }

  private static ApiError webhookError(String code, String detail, String field) {
    return new ApiError(400, webhookErrors(code, detail, field));
  }

  private static ObjectNode webhookErrors(String code, String detail, String field) {
    ObjectNode body = obj();
    ObjectNode e = body.putArray("errors").addObject().put("code", code).put("title", detail);
    if (field != null) {
      e.putObject("source").put("pointer", "/webhook/" + field);
    }
    return body;
  }

  /** A ULID-like id: 10 Crockford base32 characters of time, then 16 random ones. */
  private String ulid() {
    StringBuilder sb = new StringBuilder(26);
    long time = config.clock().millis();
    for (int i = 9; i >= 0; i--) {
      sb.append(CROCKFORD.charAt((int) (time >>> (5 * i)) & 31));
    }
    for (int i = 0; i < 16; i++) {
      sb.append(CROCKFORD.charAt(RANDOM.nextInt(32)));
    }
    return sb.toString();
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
