package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;
import static io.deskbridge.mock.zendesk.Text.distinct;
import static io.deskbridge.mock.zendesk.Text.escapeHtml;
import static io.deskbridge.mock.zendesk.Text.firstLine;
import static io.deskbridge.mock.zendesk.Text.stripHtml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-memory Zendesk account: users, groups, tickets, comments and webhooks.
 *
 * <p>Thread-safe: every method is {@code synchronized} on this model. Events are handed to the
 * {@link WebhookDispatcher} while the lock is held, so their order per ticket is production order.
 * Lock order is always API → model → dispatcher. What the simulated people do is in {@link People}, the REST
 * API's ticket writes in {@link TicketWrites}; both run under this lock, called from the synchronized methods
 * here, and only they use the unsynchronized helpers at the end.
 */
final class Model {
  static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
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

  private final ZendeskFakeConfig config;
  private final WebhookDispatcher dispatcher;
  private final Map<Long, User> users = new LinkedHashMap<>();
  private final Map<String, Long> groups = new LinkedHashMap<>();
  private final Map<Long, Ticket> tickets = new TreeMap<>();
  private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
  private final Triggers triggers;
  private final People people;
  private final TicketWrites writes = new TicketWrites(this);
  private final TicketEvents events;
  private final long botId;
  private final long humanId;
  private final Instant seededAt;
  private String baseUrl = "http://localhost";
  private long nextTicketId;
  private long nextUserId;
  private long nextCommentId;
  private long nextAuditId;

  Model(ZendeskFakeConfig config, WebhookDispatcher dispatcher) {
    this.config = config;
    this.dispatcher = dispatcher;
    this.events = new TicketEvents(config, dispatcher, users, webhooks);
    this.people = new People(this, events);
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

  // ---------------------------------------------------------------- Java control API (see People)

  synchronized long customerCreatesTicket(String email, String name, String subject, String body,
      List<String> tags) {
    return people.customerCreatesTicket(email, name, subject, body, tags);
  }

  /** The agent workspace takes a handed-over messaging conversation ({@link People#messagingTicket}). */
  synchronized long messagingTicket(String conversationId, String customerName, List<String[]> transcript,
      Map<String, Object> fields) {
    return people.messagingTicket(conversationId, customerName, transcript, fields);
  }

  synchronized Optional<Long> messagingTicketOf(String conversationId) {
    return people.messagingTicketOf(conversationId);
  }

  synchronized long customerComments(long ticketId, String body) {
    return people.customerComments(ticketId, body);
  }

  synchronized long agentComments(long ticketId, long agentId, String body, boolean isPublic) {
    return people.agentComments(ticketId, agentId, body, isPublic);
  }

  synchronized long agentCommentsHtml(long ticketId, long agentId, String html, boolean isPublic) {
    return people.agentCommentsHtml(ticketId, agentId, html, isPublic);
  }

  synchronized void agentSetsStatus(long ticketId, long agentId, String status) {
    people.agentSetsStatus(ticketId, agentId, status);
  }

  synchronized void agentAssigns(long ticketId, long agentId, Long assigneeId) {
    people.agentAssigns(ticketId, agentId, assigneeId);
  }

  synchronized void agentRemovesTags(long ticketId, long agentId, List<String> tags) {
    people.agentRemovesTags(ticketId, agentId, tags);
  }

  synchronized void agentAddsTags(long ticketId, long agentId, List<String> tags) {
    people.agentAddsTags(ticketId, agentId, tags);
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

  /** POST /tickets ({@link TicketWrites#create}). */
  synchronized ObjectNode createTicketViaApi(User updater, JsonNode spec) {
    return writes.create(updater, spec);
  }

  /**
   * Creates a ticket; {@code spec} is a REST {@code ticket} object. The first comment's author is
   * {@code comment.author_id} or else the submitter; the {@code actor} (the authenticated user, Zendesk's
   * {@code current_user}) is the event's {@code actor_id} whoever the requester is. Fires ticket.created.
   */
  long createTicket(User requester, User submitter, User actor, JsonNode spec,
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
    writes.validate(spec);
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

  /** PUT /tickets/{id} (§2.3, §9.2; {@link TicketWrites#update}). */
  synchronized ObjectNode updateTicket(long id, User updater, JsonNode in) {
    return writes.update(id, updater, in);
  }

  /** Tags endpoints: PUT adds, POST sets, DELETE removes (§2.3). */
  synchronized List<String> tags(long id, String method, List<String> given) {
    return writes.tags(id, method, given);
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
  void emit(Ticket t, User actor, Comment c, boolean viaApi, boolean created) {
    events.emit(t, actor, c, viaApi, created);
  }

  /** Hands a ticket change event (status, assignment, tags) to the dispatcher ({@link TicketEvents#emitChange}). */
  void emitChange(Ticket t, User actor, String type, ObjectNode event) {
    events.emitChange(t, actor, type, event, false);
  }

  /** A change made through the API ({@code PUT /tickets/{id}}): {@code event.previous} and {@code event.current}. */
  void emitChange(Ticket t, User actor, String type, JsonNode previous, JsonNode current) {
    ObjectNode event = obj();
    event.set("previous", previous);
    event.set("current", current);
    events.emitChange(t, actor, type, event, true);
  }

  // ---------------------------------------------------------------- helpers, also for People and TicketWrites

  ObjectNode ticketJson(Ticket t) {
    return ModelJson.ticketJson(t, baseUrl);
  }

  Comment addComment(Ticket t, long authorId, String body, String html, boolean isPublic,
      String channel, Instant now, long auditId) {
    String text = body != null ? body : stripHtml(html);
    String htmlBody = html != null ? html : "<div class=\"zd-comment\" dir=\"auto\"><p dir=\"auto\">"
        + escapeHtml(body).replace("\n", "<br>") + "</p></div>";
    Comment c = new Comment(nextCommentId++, authorId, text, htmlBody, isPublic, channel, now,
        auditId, config.clock().instant());
    t.comments.add(c);
    return c;
  }

  User endUser(String email, String name) {
    return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst()
        .orElseGet(() -> {
          User u = new User(nextUserId++, name != null ? name : email.replaceAll("@.*", ""), email,
              "end-user", now());
          users.put(u.id(), u);
          return u;
        });
  }

  /** The user with this id, or null. */
  User user(long id) {
    return users.get(id);
  }

  boolean hasGroup(long groupId) {
    return groups.containsValue(groupId);
  }

  /** The next audit (and audit event) id; each call takes one. */
  long nextAuditId() {
    return nextAuditId++;
  }

  /** The ticket with this id; 404 when there is none. */
  Ticket find(long id) {
    Ticket t = tickets.get(id);
    if (t == null) {
      throw ApiError.notFound();
    }
    return t;
  }

  /** 422 on a closed ticket, which takes no update. */
  static void requireOpen(Ticket t) {
    if ("closed".equals(t.status)) {
      throw ApiError.invalid("status", "Status: closed prevents ticket update");
    }
  }

  /** The clock's time, truncated to seconds as Zendesk stores it. */
  Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
