package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.iso;
import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;
import static io.deskbridge.mock.zendesk.ModelJson.commentJson;
import static io.deskbridge.mock.zendesk.Text.distinct;
import static io.deskbridge.mock.zendesk.Text.escapeHtml;
import static io.deskbridge.mock.zendesk.Text.firstLine;
import static io.deskbridge.mock.zendesk.Text.stripHtml;

import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
  static final String EVENT_STATUS = "zen:event-type:ticket.status_changed";
  static final String EVENT_ASSIGNEE = "zen:event-type:ticket.agent_assignment_changed";
  static final String EVENT_TAGS = "zen:event-type:ticket.tags_changed";
  static final String EVENT_MESSAGING = "zen:event-type:messaging_ticket.message_added";
  static final String CONDITIONAL = "conditional_ticket_events";
  /** Body of the fake's built-in trigger, the one recommended in the contract report (§1.6). */
  static final String TRIGGER_BODY =
      "{\"ticket_id\":\"{{ticket.id}}\",\"updater_id\":\"{{current_user.id}}\","
          + "\"comment_id\":\"{{ticket.latest_comment.id}}\",\"via\":\"{{ticket.via}}\","
          + "\"tags\":\"{{ticket.tags}}\"}";

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

  /** A ticket's mutable state; only touched under the model's lock. */
  static final class Ticket {
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
  private final Triggers triggers;
  private final TicketEvents events;
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
    this.events = new TicketEvents(config, dispatcher, users, webhooks);
    this.triggers = new Triggers(config.clock(), webhooks::containsKey, () -> baseUrl);
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
    triggers.reset();
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

  /** The messaging tickets by their SunCo conversation id. */
  private final Map<String, Long> messagingTickets = new java.util.HashMap<>();

  /**
   * The agent workspace takes a handed-over messaging conversation (§3.4): a ticket via {@code native_messaging}
   * whose requester is the conversation's customer, with the group and tags from the handover's
   * {@code dataCapture.systemField.*}, its first comment the transcript (one line per message); then one
   * {@code messaging_ticket.message_added} event per transcript message (§1.7).
   *
   * @param transcript each message as {@code {id, author name, author type (user/business), text}}
   */
  synchronized long messagingTicket(String conversationId, String customerName, List<String[]> transcript,
      Map<String, Object> fields) {
    User customer = endUser("messaging-" + conversationId + "@messaging.invalid", customerName);
    ObjectNode spec = obj().put("subject", "Conversation with " + customerName);
    var lines = new StringBuilder();
    for (String[] m : transcript) {
      lines.append(m[1]).append(": ").append(m[3]).append('\n');
    }
    spec.putObject("comment").put("body", lines.length() == 0 ? "(no messages)" : lines.toString().strip())
        .put("public", true);
    Object group = fields.get("dataCapture.systemField.group_id");
    if (group != null) {
      spec.put("group_id", Long.parseLong(group.toString()));
    }
    Object tags = fields.get("dataCapture.systemField.tags");
    if (tags != null) {
      spec.set("tags", Json.arr(List.of(tags.toString().split(","))));
    }
    long id = createTicket(customer, customer, customer, spec, "native_messaging");
    messagingTickets.put(conversationId, id);
    Ticket t = tickets.get(id);
    for (String[] m : transcript) {
      boolean user = "user".equals(m[2]);
      events.emitMessaging(t, conversationId, m[0], m[3], user ? String.valueOf(customer.id()) : "zd:answerBot",
          m[1], user ? "end_user" : "system");
    }
    return id;
  }

  synchronized Optional<Long> messagingTicketOf(String conversationId) {
    return Optional.ofNullable(messagingTickets.get(conversationId));
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


  synchronized long agentComments(long ticketId, long agentId, String body, boolean isPublic) {
    return agentComment(ticketId, agentId, body, null, isPublic);
  }

  synchronized long agentCommentsHtml(long ticketId, long agentId, String html, boolean isPublic) {
    return agentComment(ticketId, agentId, null, html, isPublic);
  }

  private long agentComment(long ticketId, long agentId, String body, String html, boolean isPublic) {
    User agent = users.get(agentId);
    if (agent == null || !agent.staff()) {
      throw new IllegalArgumentException("not an agent: " + agentId);
    }
    Ticket t = find(ticketId);
    requireOpen(t);
    Instant now = now();
    Comment c = addComment(t, agentId, body, html, isPublic, "web", now, nextAuditId++);
    if ("new".equals(t.status)) {
      t.status = "open";
    }
    t.updatedAt = now;
    emit(t, agent, c, false, false);
    return c.id();
  }

  /**
   * An agent changes the ticket's status in the agent UI; subscribers get {@code ticket.status_changed}. Solving an
   * unassigned ticket assigns it to the agent, as the agent UI does.
   */
  synchronized void agentSetsStatus(long ticketId, long agentId, String status) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    User agent = staff(agentId);
    Ticket t = find(ticketId);
    requireOpen(t);
    ObjectNode event = obj().put("current", Text.upper(status)).put("previous", Text.upper(t.status));
    t.status = status;
    if (t.assigneeId == null && ("solved".equals(status) || "closed".equals(status))) {
      t.assigneeId = agentId; // the agent UI assigns an unassigned ticket to the agent who solves it
    }
    t.updatedAt = now();
    emitChange(t, agent, EVENT_STATUS, event);
  }

  /** An agent assigns the ticket (null: unassigns it); subscribers get {@code ticket.agent_assignment_changed}. */
  synchronized void agentAssigns(long ticketId, long agentId, Long assigneeId) {
    User agent = staff(agentId);
    Ticket t = find(ticketId);
    requireOpen(t);
    ObjectNode event = obj().put("current", Text.idOrNull(assigneeId)).put("previous", Text.idOrNull(t.assigneeId));
    t.assigneeId = assigneeId;
    t.updatedAt = now();
    emitChange(t, agent, EVENT_ASSIGNEE, event);
  }

  /** An agent removes tags from the ticket; subscribers get {@code ticket.tags_changed}. */
  synchronized void agentRemovesTags(long ticketId, long agentId, List<String> tags) {
    User agent = staff(agentId);
    Ticket t = find(ticketId);
    requireOpen(t);
    List<String> before = List.copyOf(t.tags);
    t.tags = distinct(t.tags.stream().filter(tag -> !tags.contains(tag)).toList());
    t.updatedAt = now();
    ObjectNode event = obj();
    event.set("previous", Json.arr(before));
    event.set("current", Json.arr(t.tags));
    emitChange(t, agent, EVENT_TAGS, event);
  }

  /**
   * An agent adds tags to the ticket (as Zendesk's ticket form or {@code PUT /tickets/{id}/tags} does); subscribers get
   * {@code ticket.tags_changed} with the lists before and after, when the tags changed.
   */
  synchronized void agentAddsTags(long ticketId, long agentId, List<String> tags) {
    User agent = staff(agentId);
    Ticket t = find(ticketId);
    requireOpen(t);
    List<String> before = List.copyOf(t.tags);
    var after = new java.util.ArrayList<>(t.tags);
    after.addAll(tags);
    t.tags = distinct(after);
    if (t.tags.equals(before)) {
      return;
    }
    t.updatedAt = now();
    ObjectNode event = obj();
    event.set("previous", Json.arr(before));
    event.set("current", Json.arr(t.tags));
    emitChange(t, agent, EVENT_TAGS, event);
  }

  private User staff(long agentId) {
    User agent = users.get(agentId);
    if (agent == null || !agent.staff()) {
      throw new IllegalArgumentException("not an agent: " + agentId);
    }
    return agent;
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
    return ModelJson.userJson(u, baseUrl);
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
      emitChange(t, updater, EVENT_STATUS, TextNode.valueOf(Text.upper(statusBefore)), TextNode.valueOf(Text.upper(status)));
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
    return ModelJson.commentsPage(find(id).comments, baseUrl + "/api/v2/tickets/" + id + "/comments.json", q);
  }

  /** The cursor-based incremental ticket export ({@link IncrementalTickets}). */
  synchronized ObjectNode incrementalTickets(Map<String, String> q) {
    return IncrementalTickets.page(tickets.values(), t -> ticketJson(t), now(), baseUrl, q);
  }

  synchronized ObjectNode groupsJson() {
    return ModelJson.groupsJson(groups, baseUrl, seededAt);
  }

  synchronized ObjectNode groupJson(long id) {
    return ModelJson.groupJson(groups, id, baseUrl, seededAt);
  }

  // ---------------------------------------------------------------- webhooks registry

  /** Validates and stores a webhook from its REST shape (§1.1); errors are 400 {@code errors[]} [I]. */
  synchronized Webhook createWebhook(JsonNode w, User creator, String secret) {
    Webhook hook = Webhooks.parse(w, creator, secret, config.clock());
    webhooks.put(hook.id(), hook);
    return hook;
  }

  synchronized Webhook webhook(String id) {
    Webhook w = webhooks.get(id);
    if (w == null) {
      throw Webhooks.notFound();
    }
    return w;
  }

  synchronized void deleteWebhook(String id) {
    webhooks.remove(webhook(id).id());
  }

  synchronized ObjectNode webhooksJson() {
    return ModelJson.webhooksJson(webhooks.values());
  }

  /** The list with {@code filter[name_contains]} (case-insensitive) applied when given. */
  synchronized ObjectNode webhooksJson(String nameContains) {
    return ModelJson.webhooksJson(nameContains == null ? webhooks.values() : webhooks.values().stream()
        .filter(w -> w.name().toLowerCase(java.util.Locale.ROOT)
            .contains(nameContains.toLowerCase(java.util.Locale.ROOT))).toList());
  }

  /**
   * {@code PUT /api/v2/webhooks/{id}}: the webhook as given replaces the stored one, keeping its id, signing secret
   * and creation; its connection method (trigger or event subscriptions) cannot change (400) [I].
   */
  synchronized Webhook replaceWebhook(String id, JsonNode w, User updater) {
    Webhook old = webhook(id);
    Webhook parsed = Webhooks.parse(w, updater, old.secret(), config.clock());
    if (parsed.conditional() != old.conditional()) {
      throw Webhooks.webhookError("InvalidValue", "a webhook's connection method (trigger or event subscriptions) "
          + "cannot change", "subscriptions");
    }
    Webhook replaced = new Webhook(old.id(), parsed.name(), parsed.status(), parsed.endpoint(), parsed.httpMethod(),
        parsed.requestFormat(), parsed.subscriptions(), old.secret(), parsed.authHeaders(), parsed.authentication(),
        old.createdBy(), old.createdAt());
    webhooks.put(id, replaced);
    return replaced;
  }

  // ---------------------------------------------------------------- triggers (§1.6), under this lock

  synchronized ObjectNode createTrigger(JsonNode t) {
    return triggers.create(t);
  }

  synchronized ObjectNode trigger(long id) {
    return triggers.get(id);
  }

  synchronized ObjectNode updateTrigger(long id, JsonNode t) {
    return triggers.update(id, t);
  }

  synchronized void deleteTrigger(long id) {
    triggers.delete(id);
  }

  synchronized ObjectNode triggersJson(Map<String, String> query) {
    return triggers.list(query);
  }

  // ---------------------------------------------------------------- events

  /** Hands the events of a ticket creation or a later comment to the dispatcher ({@link TicketEvents}). */
  private void emit(Ticket t, User actor, Comment c, boolean viaApi, boolean created) {
    events.emit(t, actor, c, viaApi, created);
  }

  /** Hands a ticket change event (status, assignment, tags) to the dispatcher ({@link TicketEvents#emitChange}). */
  private void emitChange(Ticket t, User actor, String type, ObjectNode event) {
    events.emitChange(t, actor, type, event, false);
  }

  /** A change made through the API ({@code PUT /tickets/{id}}): {@code event.previous} and {@code event.current}. */
  private void emitChange(Ticket t, User actor, String type, JsonNode previous, JsonNode current) {
    ObjectNode event = obj();
    event.set("previous", previous);
    event.set("current", current);
    events.emitChange(t, actor, type, event, true);
  }

  // ---------------------------------------------------------------- helpers

  private ObjectNode ticketJson(Ticket t) {
    return ModelJson.ticketJson(t, baseUrl);
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
















}
