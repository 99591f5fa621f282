package io.deskbridge.mock.daktela;

import static io.deskbridge.mock.daktela.FormChecks.activityAction;
import static io.deskbridge.mock.daktela.FormChecks.activityType;
import static io.deskbridge.mock.daktela.FormChecks.checkEnum;
import static io.deskbridge.mock.daktela.FormChecks.emailDirection;
import static io.deskbridge.mock.daktela.FormChecks.required;
import static io.deskbridge.mock.daktela.FormChecks.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.daktela.ModelRecords.Activity;
import io.deskbridge.mock.daktela.ModelRecords.Category;
import io.deskbridge.mock.daktela.ModelRecords.Queue;
import io.deskbridge.mock.daktela.ModelRecords.Status;
import io.deskbridge.mock.daktela.ModelRecords.Ticket;
import io.deskbridge.mock.daktela.ModelRecords.User;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fake's state and every operation on it, under this object's monitor: seeded users, queues, categories and
 * statuses (dk-contract "Identities"), tickets, activities and articles (the types are {@link ModelRecords}).
 * Writes validate as Daktela does ({@link FormChecks}: required fields, enums, foreign keys → 400 form error on the
 * field), maintain the ticket's {@code created}, {@code edited}, {@code edited_by}, {@code closed},
 * {@code last_activity} and {@code interaction_activity_count}, and tell {@link Changes} what happened (the Events
 * module's webhooks, with the variables {@link ChangeEvents} fills in), while still holding the lock so events leave
 * in production order. The knowledge base's articles, which tests write, are kept by {@link Articles}.
 *
 * <p>Records are rendered expanded by {@link ModelJson}: references as nested objects, times as local-time strings
 * in the configured zone, {@code _sys.model} on each, {@code customFields} {@code []} when empty.
 */
final class Model {
  static final Set<String> STAGES = Set.of("OPEN", "WAIT", "CLOSE", "ARCHIVE");
  static final Set<String> PRIORITIES = Set.of("LOW", "MEDIUM", "HIGH");
  static final Set<String> ACTIVITY_TYPES = Set.of("", "COMMENT", "EMAIL", "CHAT", "CALL", "SMS", "CUSTOM");
  static final Set<String> ACTIONS = Set.of("", "OPEN", "WAIT", "POSTPONE", "CLOSE");
  static final String INTAKE_CATEGORY = "categories_support";
  static final int FIRST_TICKET = 1001;

  /** What the Events module hears: an event name, its template variables and the ticket it is about. */
  interface Changes {
    void changed(String event, Map<String, String> variables, String ticket);
  }

  private final DaktelaFake.Config config;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<Integer, Queue> queues = new LinkedHashMap<>();
  private final Map<String, Category> categories = new LinkedHashMap<>();
  private final Map<String, Status> statuses = new LinkedHashMap<>();
  private final Map<Integer, Ticket> tickets = new LinkedHashMap<>();
  private final Map<String, Activity> activities = new LinkedHashMap<>();
  private final Articles articles = new Articles(this::nextId, this::now);
  private final ModelJson render;
  private final FormChecks checks;
  private final ChangeEvents events;
  private int nextTicket;
  private long nextId;

  Model(DaktelaFake.Config config, Changes changes) {
    this.config = config;
    this.render = new ModelJson(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(config.zone()), users,
        queues, categories, statuses, tickets);
    this.checks = new FormChecks(users, queues, categories, statuses);
    this.events = new ChangeEvents(changes, this::time);
    reset();
  }

  synchronized void reset() {
    users.clear();
    queues.clear();
    categories.clear();
    statuses.clear();
    tickets.clear();
    activities.clear();
    articles.reset();
    nextTicket = FIRST_TICKET;
    nextId = 1;
    users.put(config.apiLogin(), new User(config.apiLogin(), "Deskbridge bot", "bot@deskbridge.example"));
    users.put("alice", new User("alice", "Alice Agent", "alice@acme.example"));
    users.put("bob", new User("bob", "Bob Agent", "bob@acme.example"));
    queues.put(3001, new Queue(3001, "Support e-mail", "email"));
    queues.put(3002, new Queue(3002, "Billing e-mail", "email"));
    queues.put(3003, new Queue(3003, "Technical e-mail", "email"));
    queues.put(3100, new Queue(3100, "Inbound calls", "in"));
    categories.put("categories_support", new Category("categories_support", "Support", "sla_standard", 3001));
    categories.put("categories_billing", new Category("categories_billing", "Billing", "sla_standard", 3002));
    categories.put("categories_tech", new Category("categories_tech", "Technical", "sla_standard", 3003));
    statuses.put("statuses_open", new Status("statuses_open", "Open"));
    statuses.put("statuses_done", new Status("statuses_done", "Done"));
  }

  String time(Instant t) {
    return render.time(t);
  }

  Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }

  // ---------------------------------------------------------------- reads (rendered)

  synchronized List<ObjectNode> list(String model) {
    List<ObjectNode> out = new ArrayList<>();
    switch (model) {
      case "tickets" -> tickets.values().forEach(t -> out.add(render.ticketJson(t)));
      case "activities" -> activities.values().forEach(a -> out.add(render.activityJson(a)));
      case "users" -> users.values().forEach(u -> out.add(render.userJson(u, true)));
      case "queues" -> queues.values().forEach(q -> out.add(render.queueJson(q)));
      case "ticketsCategories" -> categories.values().forEach(c -> out.add(render.categoryJson(c)));
      case "statuses" -> statuses.values().forEach(s -> out.add(render.statusJson(s)));
      case "articles" -> articles.all().forEach(a -> out.add(render.articleJson(a)));
      default -> throw new IllegalArgumentException("no model " + model);
    }
    return out;
  }

  /** One record rendered. @throws DaktelaError 404 when it does not exist */
  synchronized ObjectNode one(String model, String name) {
    ObjectNode out = switch (model) {
      case "tickets" -> ticketNumber(name).map(tickets::get).map(render::ticketJson).orElse(null);
      case "activities" -> Optional.ofNullable(activities.get(name)).map(render::activityJson).orElse(null);
      case "users" -> Optional.ofNullable(users.get(name)).map(u -> render.userJson(u, true)).orElse(null);
      case "queues" -> ticketNumber(name).map(queues::get).map(render::queueJson).orElse(null);
      case "ticketsCategories" -> Optional.ofNullable(categories.get(name)).map(render::categoryJson).orElse(null);
      case "statuses" -> Optional.ofNullable(statuses.get(name)).map(render::statusJson).orElse(null);
      case "articles" -> articles.find(name).map(render::articleJson).orElse(null);
      default -> throw new IllegalArgumentException("no model " + model);
    };
    if (out == null) {
      throw DaktelaError.notFound(model + " " + name);
    }
    return out;
  }

  /** The ticket's activities rendered, in creation order. @throws DaktelaError 404 for an unknown ticket */
  synchronized List<ObjectNode> ticketActivities(String name) {
    Ticket t = ticket(name);
    List<ObjectNode> out = new ArrayList<>();
    activities.values().stream().filter(a -> a.ticket == t.name).forEach(a -> out.add(render.activityJson(a)));
    return out;
  }

  /** The ticket an activity belongs to, or empty. */
  synchronized Optional<String> activityTicket(String activity) {
    return Optional.ofNullable(activities.get(activity)).map(a -> String.valueOf(a.ticket));
  }

  synchronized ObjectNode whoAmI() {
    ObjectNode out = Json.obj();
    out.set("user", render.userJson(users.get(config.apiLogin()), true));
    out.put("version", "6");
    return out;
  }

  synchronized List<DaktelaFake.TicketView> ticketViews() {
    return tickets.values().stream().map(this::view).toList();
  }

  synchronized Optional<DaktelaFake.TicketView> ticketView(String name) {
    return ticketNumber(name).map(tickets::get).map(this::view);
  }

  synchronized List<DaktelaFake.ActivityView> activityViews(String ticket) {
    Optional<Integer> n = ticketNumber(ticket);
    if (n.isEmpty()) {
      return List.of();
    }
    return activities.values().stream().filter(a -> a.ticket == n.get()).map(this::view).toList();
  }

  private DaktelaFake.TicketView view(Ticket t) {
    return new DaktelaFake.TicketView(String.valueOf(t.name), t.title, t.category, t.user == null ? "" : t.user,
        t.stage, t.email == null ? "" : t.email, time(t.created), time(t.edited));
  }

  private DaktelaFake.ActivityView view(Activity a) {
    return new DaktelaFake.ActivityView(a.name, String.valueOf(a.ticket), a.type,
        a.direction == null ? "" : a.direction, a.user == null ? "" : a.user, a.title == null ? "" : a.title,
        a.text != null ? a.text : a.description == null ? "" : a.description, time(a.time), a.storedAt == null ? a.time : a.storedAt);
  }

  // ---------------------------------------------------------------- people (Java API)

  synchronized String customerCreatesTicket(String email, String name, String title, String text) {
    Instant now = now();
    Ticket t = new Ticket();
    t.name = nextTicket++;
    t.title = title;
    t.category = INTAKE_CATEGORY;
    t.email = email;
    t.contactName = "contacts_" + hex();
    t.contactTitle = name == null || name.isBlank() ? email : name;
    t.stage = "OPEN";
    t.priority = "MEDIUM";
    t.description = text;
    t.created = now;
    t.edited = now;
    tickets.put(t.name, t);
    events.ticket("ticket_create", t);
    Activity a = email(t, null, "in", title, text, now);
    addActivity(t, a, false); // assumption: the opening e-mail fires no activity_create of its own
    return String.valueOf(t.name);
  }

  synchronized String customerEmails(String ticket, String text, Map<String, String> headers) {
    Ticket t = ticket(ticket);
    boolean reopen = t.stage.equals("CLOSE");
    Activity a = email(t, null, "in", "Re: " + t.title, text, now());
    a.headers = headers;
    addActivity(t, a, true);
    if (reopen) {
      t.stage = "OPEN";
      events.ticket("ticket_update", t);
    }
    return a.name;
  }

  synchronized String agentEmails(String ticket, String login, String text) {
    Ticket t = ticket(ticket);
    Activity a = email(t, user(login).login(), "out", "Re: " + t.title, text, now());
    addActivity(t, a, true);
    return a.name;
  }

  synchronized String agentComments(String ticket, String login, String text) {
    Ticket t = ticket(ticket);
    Activity a = comment(t, user(login).login(), "Comment", text, now());
    addActivity(t, a, true);
    return a.name;
  }

  /** An agent (Alice, the seeded human) edits the ticket in the UI. */
  synchronized void agentEdits(String ticket, String category, boolean setUser, String user, String stage) {
    Ticket t = ticket(ticket);
    if (category != null) {
      t.category = category(category).name();
    }
    if (setUser) {
      t.user = user == null || user.isEmpty() ? null : user(user).login();
    }
    if (stage != null) {
      setStage(t, stage, now());
    }
    touch(t, "alice");
    events.ticket("ticket_update", t);
  }

  // ---------------------------------------------------------------- API writes

  /** {@code POST tickets.json}. */
  synchronized ObjectNode createTicket(String apiUser, JsonNode body) {
    ObjectNode echo = body.isObject() ? ((ObjectNode) body).deepCopy() : Json.obj();
    for (String required : List.of("title", "category", "stage", "priority")) {
      if (text(body, required) == null) {
        throw DaktelaError.form(required, "Entry is required", echo);
      }
    }
    Ticket t = new Ticket();
    t.title = text(body, "title");
    t.category = checks.checkCategory(text(body, "category"), echo);
    t.stage = checkEnum("stage", text(body, "stage"), STAGES, echo);
    t.priority = checkEnum("priority", text(body, "priority"), PRIORITIES, echo);
    t.user = checks.checkUser(body, echo);
    t.statuses = checks.checkStatuses(body, echo, List.of());
    t.email = text(body, "email");
    t.description = text(body, "description");
    if (body.path("customFields").isObject()) {
      t.customFields = ((ObjectNode) body.get("customFields")).deepCopy();
    }
    Instant now = now();
    t.name = nextTicket++;
    t.created = now;
    t.edited = now;
    t.editedBy = apiUser;
    if (t.stage.equals("CLOSE")) {
      t.closed = now;
    }
    tickets.put(t.name, t);
    events.ticket("ticket_create", t);
    return render.ticketJson(t);
  }

  /** {@code PUT tickets/{name}.json}: merges the fields given; {@code comment} adds a COMMENT activity. */
  synchronized ObjectNode updateTicket(String name, String apiUser, JsonNode body) {
    Ticket t = ticket(name);
    if (!body.isObject()) {
      throw DaktelaError.bad("The body must be a JSON object");
    }
    ObjectNode echo = render.ticketJson(t);
    body.fields().forEachRemaining(e -> echo.set(e.getKey(), e.getValue()));
    // validate everything before changing anything
    String title = body.has("title") ? required(body, "title", echo) : t.title;
    String category = body.has("category") ? checks.checkCategory(required(body, "category", echo), echo) : t.category;
    String stage = body.has("stage") ? checkEnum("stage", required(body, "stage", echo), STAGES, echo) : t.stage;
    String priority = body.has("priority")
        ? checkEnum("priority", required(body, "priority", echo), PRIORITIES, echo) : t.priority;
    String user = body.has("user") ? checks.checkUser(body, echo) : t.user;
    List<String> sts = checks.checkStatuses(body, echo, t.statuses);
    String comment = body.has("comment") && !body.get("comment").isNull() ? body.get("comment").asText() : null;
    Instant now = now();
    t.title = title;
    t.category = category;
    t.priority = priority;
    t.user = user;
    t.statuses = sts;
    if (body.has("description")) {
      t.description = text(body, "description");
    }
    if (body.path("customFields").isObject()) {
      t.customFields = ((ObjectNode) body.get("customFields")).deepCopy();
    }
    setStage(t, stage, now);
    touch(t, apiUser);
    events.ticket("ticket_update", t);
    if (comment != null && !comment.isBlank()) {
      addActivity(t, comment(t, apiUser, "Comment", comment, now), true);
    }
    return render.ticketJson(t);
  }

  synchronized void deleteTicket(String name) {
    Ticket t = ticket(name);
    tickets.remove(t.name);
    activities.values().removeIf(a -> a.ticket == t.name);
  }

  /** {@code POST activities.json} (dk-contract: reply and comment bodies). */
  synchronized ObjectNode createActivity(String apiUser, JsonNode body) {
    if (!body.isObject()) {
      throw DaktelaError.bad("The body must be a JSON object");
    }
    ObjectNode echo = ((ObjectNode) body).deepCopy();
    String ticketName = text(body, "ticket");
    if (ticketName == null) {
      throw DaktelaError.form("ticket", "Entry is required", echo);
    }
    Optional<Ticket> found = ticketNumber(ticketName).map(tickets::get);
    if (found.isEmpty()) {
      throw DaktelaError.form("ticket", "Ticket " + ticketName + " does not exist", echo);
    }
    Ticket t = found.get();
    String type = activityType(body, echo);
    String action = activityAction(body, echo);
    String user = body.has("user") ? checks.checkUser(body, echo) : apiUser;
    Integer queue = checks.checkQueue(body, type, echo);
    Instant now = now();
    Activity a;
    if (type.equals("EMAIL")) {
      JsonNode item = body.path("item");
      String direction = emailDirection(item, echo);
      String title = text(item, "title") != null ? text(item, "title")
          : text(body, "title") != null ? text(body, "title") : "Re: " + t.title;
      a = email(t, user, direction, title, text(item, "text"), now);
      a.address = text(item, "address");
      if (queue != null) {
        a.queue = queue;
      }
      if (text(body, "title") != null) {
        a.title = text(body, "title");
      }
    } else {
      a = comment(t, user, text(body, "title"), text(body, "description"), now);
      a.type = type;
      a.queue = queue;
    }
    a.action = action;
    if (text(body, "name") != null) {
      if (activities.containsKey(text(body, "name"))) {
        throw DaktelaError.form("name", "Activity " + text(body, "name") + " already exists", echo);
      }
      a.name = text(body, "name");
    }
    addActivity(t, a, true);
    return render.activityJson(a);
  }

  // ---------------------------------------------------------------- helpers

  private Activity email(Ticket t, String user, String direction, String title, String text, Instant at) {
    Activity a = new Activity();
    a.name = "activities_" + hex();
    a.ticket = t.name;
    a.type = "EMAIL";
    a.title = title;
    a.user = user;
    a.time = at;
    a.action = "CLOSE";
    a.queue = categories.get(t.category).emailQueue();
    a.itemName = "activitiesEmail_" + hex();
    a.direction = direction;
    a.address = t.email;
    a.text = text;
    return a;
  }

  private Activity comment(Ticket t, String user, String title, String description, Instant at) {
    Activity a = new Activity();
    a.name = "activities_" + hex();
    a.ticket = t.name;
    a.type = "COMMENT";
    a.title = title == null ? "" : title;
    a.description = description;
    a.user = user;
    a.time = at;
    a.action = "";
    return a;
  }

  /** Stores the activity and bumps its ticket; fires activity_create when {@code fire}. */
  private void addActivity(Ticket t, Activity a, boolean fire) {
    a.storedAt = config.clock().instant();
    activities.put(a.name, a);
    t.edited = a.time;
    t.editedBy = a.user;
    t.lastActivity = a.time;
    t.activityCount++;
    if (fire) {
      events.activityCreated(t, a);
    }
  }

  private void setStage(Ticket t, String stage, Instant now) {
    if (stage.equals("CLOSE") && !t.stage.equals("CLOSE")) {
      t.closed = now;
    }
    t.stage = stage;
  }

  private void touch(Ticket t, String by) {
    t.edited = now();
    t.editedBy = by;
  }

  /** @throws IllegalArgumentException for an unknown ticket, with a 404 {@link DaktelaError} as its cause */
  private Ticket ticket(String name) {
    return ticketNumber(name).map(tickets::get)
        .orElseThrow(() -> new IllegalArgumentException("no ticket " + name, DaktelaError.notFound("ticket " + name)));
  }

  private User user(String login) {
    User u = users.get(login);
    if (u == null) {
      throw new IllegalArgumentException("no user " + login + "; known: " + users.keySet());
    }
    return u;
  }

  private Category category(String name) {
    Category c = categories.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no category " + name + "; known: " + categories.keySet());
    }
    return c;
  }

  static Optional<Integer> ticketNumber(String name) {
    if (name == null || !name.matches("\\d{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(name));
  }

  private String hex() {
    return String.format("%08x%06x", config.clock().instant().getEpochSecond(), nextId++);
  }

  /** The next of the ids that activity, item and article names share; each call takes one. */
  private long nextId() {
    return nextId++;
  }

  // ---------------------------------------------------------------- knowledge base (test side, see Articles)

  synchronized String publishArticle(String folder, String language, String title, String html, List<String> tags) {
    return articles.publish(folder, language, title, html, tags);
  }

  synchronized void editArticle(String name, String title, String html) {
    articles.edit(name, title, html);
  }

  synchronized void setArticlePublished(String name, boolean published) {
    articles.setPublished(name, published);
  }

  synchronized void setArticlePublic(String name, boolean isPublic) {
    articles.setPublic(name, isPublic);
  }

  synchronized void deleteArticle(String name) {
    articles.delete(name);
  }
}
