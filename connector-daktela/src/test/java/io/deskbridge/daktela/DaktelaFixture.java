package io.deskbridge.daktela;

import static org.awaitility.Awaitility.await;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.daktela.DaktelaFake;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract kit's view of the Daktela fake: tickets are conversations, their activities the messages (an EMAIL is
 * public, a COMMENT internal; no user is the customer, the API user {@code deskbridge} the bot, any other user an
 * agent), categories the routing groups. Events come in one of two ways, as an installation chooses
 * ({@code events} setting):
 *
 * <ul>
 *   <li>{@link Events#WEBHOOKS}: the fake's Events module posts the README's trigger templates (JSON, or
 *       form-encoded with {@link #withFormTriggers()}) with the secret in {@value #SECRET_HEADER} to the harness;
 *   <li>{@link Events#POLLING}: nothing is subscribed; core polls through the connector's poller every
 *       {@value #POLL_INTERVAL} with a {@value #POLL_OVERLAP} overlap; {@link #subscribe} waits until the poller has
 *       set its watermark, and the kit's harness waits for a poll before it waits for the engine.
 * </ul>
 *
 * <p><b>Who owns a ticket</b> ({@link #ownedByPeople}): the ticket's {@code user} decides when it is set (the API user:
 * the bot, as a release to the AI coworker assigns it; anyone else: people); when nobody is assigned, the category
 * decides: the bot's intake {@value #INTAKE} is the bot's, any other category is a team's queue the ticket was
 * handed over to. The connector's own rule (contract: {@code user} set and not the API user is a person) is the first
 * half; the second is what the agents see in Daktela after a handover to a category without an agent. A release
 * assigns the ticket to the API user, so a released ticket shows as the bot's whatever category it is in.
 *
 * <p>Faults are HTTP statuses (429 with Retry-After, 503). In polling mode {@link #failNextCalls} strikes only calls
 * about one ticket and who-am-i (not the poller's list reads of {@code tickets.json} and {@code activities.json},
 * nor the reply and note POSTs to {@code activities.json}, which share the list's path): the kit counts the refused
 * calls against the conversation's, and a refused poll belongs to no conversation.
 */
final class DaktelaFixture implements VendorFixture {
  /** How the installation learns of changes. */
  enum Events { WEBHOOKS, POLLING }

  static final String SECRET = "daktela-webhook-secret-for-tests";
  static final String SECRET_HEADER = "X-Webhook-Secret";
  static final String INTAKE = "categories_support";
  static final String AGENT = "alice";
  static final String CUSTOMER_EMAIL = "ann@example.com";
  static final String POLL_INTERVAL = "PT0.1S";
  static final String POLL_OVERLAP = "PT2S";
  /** The poller's list reads: every ticket edited since, every activity since. */
  private static final String POLL_PATH = "/api/v6/(tickets|activities)\\.json";

  final DaktelaFake fake;
  final OffsetClock clock = new OffsetClock();
  final Events events;
  private final Map<String, Object> overrides = new LinkedHashMap<>();
  private volatile boolean formTriggers;
  private volatile boolean subscribing = true;
  private volatile Routing routing;
  /** The engine's clock, when the kit's harness gave the connector its {@link OffsetClock}: see {@link #passTime}. */
  private volatile OffsetClock engineClock;

  /** Webhooks, JSON triggers. */
  DaktelaFixture() {
    this(Events.WEBHOOKS);
  }

  DaktelaFixture(Events events) {
    this(events, DaktelaFake.Config.defaults());
  }

  DaktelaFixture(Events events, DaktelaFake.Config config) {
    this.events = events;
    this.fake = DaktelaFake.start(config.withClock(clock));
  }

  /** Polling instead of webhooks. */
  static DaktelaFixture polling() {
    return new DaktelaFixture(Events.POLLING);
  }

  /** The Events module posts form-encoded triggers ({@code event=...&ticket=...}) instead of JSON. */
  DaktelaFixture withFormTriggers() {
    formTriggers = true;
    return this;
  }

  /** No webhook subscription: the test posts the triggers itself. */
  DaktelaFixture withoutSubscription() {
    subscribing = false;
    return this;
  }

  /** A connector setting replacing the fixture's (top-level key), for the connectors built from now on. */
  DaktelaFixture withSetting(String key, Object value) {
    overrides.put(key, value);
    return this;
  }

  /** Routing of this installation instead of {@link #routing()}'s default. */
  DaktelaFixture withRouting(Routing other) {
    routing = other;
    return this;
  }

  // ---------------------------------------------------------------- the connector

  /** The connector's settings on this fake, as an admin writes them. */
  Map<String, Object> settingsMap(String accessToken) {
    var values = new LinkedHashMap<String, Object>();
    values.put("url", fake.baseUrl());
    values.put("accessToken", Secret.of(accessToken));
    if (events == Events.POLLING) {
      values.put("events", "polling");
      values.put("pollInterval", POLL_INTERVAL);
      values.put("pollOverlap", POLL_OVERLAP);
    } else {
      values.put("events", "webhooks");
      values.put("webhookSecret", Secret.of(SECRET));
      values.put("webhookSecretHeader", SECRET_HEADER);
    }
    values.putAll(overrides);
    return values;
  }

  Settings settings(String accessToken) {
    return Settings.of("installations[test].settings", settingsMap(accessToken));
  }

  @Override
  public Connector connector(String installationId, Clock clock) {
    if (clock instanceof OffsetClock harnessClock) {
      engineClock = harnessClock;
    }
    return new DaktelaConnectorFactory().create(
        new ConnectorContext(installationId, settings(fake.config().accessToken()), clock));
  }

  @Override
  public Connector connectorWithWrongCredentials(String installationId, Clock clock) {
    return new DaktelaConnectorFactory().create(
        new ConnectorContext(installationId, settings("not-the-access-token"), clock));
  }

  /**
   * The kit's routing groups (the contract-kb articles name Billing, Shipping and Accounts) to the fake's categories;
   * the default is {@code categories_tech}, never the bot's intake {@value #INTAKE}.
   */
  @Override
  public Routing routing() {
    if (routing != null) {
      return routing;
    }
    return new Routing("categories_tech", Map.of("Billing", "categories_billing", "Shipping", "categories_tech",
        "Accounts", "categories_tech"), "deskbridge_handover");
  }

  /**
   * Webhooks: the Events module's HTTP action for tickets and activities, with the README's templates and the
   * secret header. Polling: nothing to subscribe; waits until the poller has run (its first poll only sets the
   * watermark to the server's time, so a ticket created before it would never be read).
   */
  @Override
  public void subscribe(URI webhookUrl) {
    if (events == Events.POLLING) {
      awaitFirstPolls(WAIT_FOR_POLLS);
      return;
    }
    if (subscribing) {
      fake.subscribe(new DaktelaFake.Webhook(webhookUrl, SECRET_HEADER, SECRET, formTriggers,
          DaktelaFake.defaultTemplates(formTriggers)));
    }
  }

  private static final Duration WAIT_FOR_POLLS = Duration.ofSeconds(30);

  @Override
  public String botUserId() {
    return fake.config().apiLogin();
  }

  // ---------------------------------------------------------------- people on the vendor's side

  /** Daktela tickets have no tags: {@code tags} are ignored. The ticket lands in {@value #INTAKE}, unassigned. */
  @Override
  public String customerOpens(String subject, String text, Set<String> tags) {
    return fake.customerCreatesTicket(CUSTOMER_EMAIL, "Ann Customer", subject, text);
  }

  /** An incoming e-mail on the ticket (it reopens a closed one). */
  @Override
  public void customerWrites(String conversationId, String text) {
    fake.customerEmails(conversationId, text);
  }

  /** An incoming e-mail whose activity carries these headers in {@code item.options.headers}. */
  @Override
  public void customerEmails(String conversationId, String text, Map<String, String> headers) {
    fake.customerEmails(conversationId, text, headers);
  }

  /** The agent's outgoing e-mail. */
  @Override
  public void agentWrites(String conversationId, String text) {
    fake.agentEmails(conversationId, AGENT, text);
  }

  /** The agent assigns the ticket to themself. */
  @Override
  public void agentTakes(String conversationId) {
    fake.agentAssigns(conversationId, AGENT);
  }

  /** The agent assigns the ticket to the API user, which is how Daktela hands a ticket to an AI coworker. */
  @Override
  public void agentReleasesToBot(String conversationId) {
    fake.agentAssigns(conversationId, fake.config().apiLogin());
  }

  /**
   * The agent closes the ticket (stage CLOSE), assigning it to themself first when no person has it: an agent closes
   * the tickets they work, so the closed ticket is the people's (as the kit's "stays with the people who solved it"
   * and Salesforce's fixture, where the agent accepts a queue's Case before closing it).
   */
  @Override
  public void agentSolves(String conversationId) {
    String user = ticket(conversationId).user();
    if (user == null || user.isEmpty() || user.equals(fake.config().apiLogin())) {
      fake.agentAssigns(conversationId, AGENT);
    }
    fake.agentCloses(conversationId);
  }

  /**
   * Time passes for Daktela and for the engine alike: the fake stamps the next change later (its timestamps have a
   * one-second resolution), and the engine's load is older by as much, so that its re-read before a public write is
   * not skipped as fresh.
   */
  @Override
  public void passTime(Duration duration) {
    clock.advance(duration);
    if (engineClock != null) {
      engineClock.advance(duration);
    }
  }

  // ---------------------------------------------------------------- the fake's state

  /** The ticket's activities by time (the fake's order within a second): EMAILs public, everything else internal. */
  @Override
  public List<FakeMessage> messages(String conversationId) {
    var activities = new ArrayList<>(fake.activities(conversationId));
    activities.sort(Comparator.comparing(DaktelaFake.ActivityView::at));
    return activities.stream().map(a -> new FakeMessage(author(a.user()), "EMAIL".equals(a.type()), a.text()))
        .toList();
  }

  private String author(String user) {
    if (user == null || user.isEmpty()) {
      return FakeMessage.CUSTOMER;
    }
    return user.equals(fake.config().apiLogin()) ? FakeMessage.BOT : FakeMessage.AGENT;
  }

  private DaktelaFake.TicketView ticket(String conversationId) {
    return fake.ticket(conversationId).orElseThrow(() -> new AssertionError("no ticket " + conversationId));
  }

  /** The ticket's category name. */
  @Override
  public String groupOf(String conversationId) {
    String category = ticket(conversationId).category();
    return category == null ? "" : category;
  }

  /** See the class comment: an assigned user other than the API user, or no user and a category not the intake. */
  @Override
  public boolean ownedByPeople(String conversationId) {
    var ticket = ticket(conversationId);
    String user = ticket.user() == null ? "" : ticket.user();
    if (!user.isEmpty()) {
      return !user.equals(fake.config().apiLogin());
    }
    return !INTAKE.equals(ticket.category());
  }

  @Override
  public Set<String> tagsOf(String conversationId) {
    return Set.of();
  }

  @Override
  public int apiCalls(String conversationId) {
    return fake.apiCalls(conversationId);
  }

  @Override
  public int refusedCalls() {
    return fake.injectedFailures();
  }

  /** The calls the fake journaled about the ticket, as {@code METHOD path?query}. */
  List<String> operations(String conversationId) {
    return fake.journal().calls(conversationId).stream()
        .map(c -> c.method() + " " + c.path() + (c.query().isEmpty() ? "" : "?" + c.query())).toList();
  }

  // ---------------------------------------------------------------- faults

  @Override
  public Fault rateLimit(Duration retryAfter) {
    return new Fault.HttpStatus(429, Optional.of(retryAfter));
  }

  @Override
  public Fault outage() {
    return new Fault.HttpStatus(503, Optional.empty());
  }

  private static Fault.HttpStatus http(Fault fault) {
    if (fault instanceof Fault.HttpStatus h) {
      return h;
    }
    throw new IllegalArgumentException("Daktela's API answers with HTTP statuses, not " + fault);
  }

  @Override
  public void failNextCalls(int count, Fault fault) {
    var h = http(fault);
    if (events == Events.POLLING) {
      Integer seconds = h.retryAfter().map(d -> (int) d.toSeconds()).orElse(null);
      fake.injectFault(new FaultRule(null, java.util.regex.Pattern.compile("(?!" + POLL_PATH + "$).*"), 1, count,
          new io.deskbridge.mock.base.Fault.Status(h.status(), seconds)));
    } else {
      fake.failNext(count, h.status(), h.retryAfter().orElse(null));
    }
  }

  @Override
  public void failNthWrite(int nth, Fault fault) {
    fake.failNthWrite(nth, http(fault).status());
  }

  // ---------------------------------------------------------------- deliveries

  /** The kit counts the deliveries in all, the fake the copies beyond the first. */
  @Override
  public void duplicateNextDelivery(int times) {
    fake.duplicateNextDelivery(times - 1);
  }

  @Override
  public void redeliverAll(String conversationId) {
    fake.redeliverAll(conversationId);
  }

  @Override
  public void shuffleDeliveries(boolean on) {
    fake.shuffleDeliveries(on);
  }

  /**
   * Webhooks: until the fake has no delivery pending. Polling: nothing to wait for here; the kit's harness waits for
   * a poll that started after its call ({@code Engine.awaitPolled}) before it waits for the engine to be idle.
   */
  @Override
  public void awaitDeliveries(Duration timeout) {
    if (events == Events.POLLING) {
      return;
    }
    if (!fake.awaitDeliveries(timeout)) {
      throw new AssertionError("the fake still has webhook deliveries pending after " + timeout);
    }
  }

  /**
   * Waits until the poller has answered three list reads of every kind it makes ({@code tickets.json},
   * {@code activities.json}) since the start: its first poll only reads the server's time (one small
   * {@code tickets.json} read) and sets the watermark, and core starts a poll only after storing the previous one's
   * cursor, so the third read of each kind shows that the watermark is stored and the poller reads changes.
   */
  private void awaitFirstPolls(Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
      var polls = fake.journal().calls().stream()
          .filter(c -> c.method().equals("GET") && c.path().matches(POLL_PATH) && c.status() < 300).toList();
      Map<String, Long> byKind = polls.stream()
          .collect(Collectors.groupingBy(RequestJournal.Call::path, HashMap::new, Collectors.counting()));
      return byKind.size() == 2 && byKind.values().stream().allMatch(n -> n >= 3);
    });
  }

  // ---------------------------------------------------------------- webhook requests made by the kit

  /** The secret in the configured header, as the Events module's HTTP action sends it. */
  @Override
  public Map<String, String> signedHeaders(byte[] body) {
    return Map.of(SECRET_HEADER, SECRET);
  }

  /** Another secret in the same header. */
  @Override
  public Map<String, String> forgedHeaders(byte[] body) {
    return Map.of(SECRET_HEADER, "not-the-webhook-secret");
  }

  /** A new customer e-mail on the ticket, as the activity template renders it (JSON, or form-encoded). */
  @Override
  public WebhookBody sampleWebhook(String conversationId) {
    return trigger(Map.of("event", "activity_create", "ticket", conversationId, "activity",
        "activities_5a3c0de0000001", "user", ""));
  }

  /** A trigger with these fields in the fixture's content type (JSON or form-encoded). */
  WebhookBody trigger(Map<String, String> fields) {
    var ordered = new LinkedHashMap<String, String>();
    for (String key : List.of("event", "ticket", "activity", "user", "stage", "edited")) {
      if (fields.containsKey(key)) {
        ordered.put(key, fields.get(key));
      }
    }
    fields.forEach(ordered::putIfAbsent);
    return formTriggers ? form(ordered) : json(ordered);
  }

  static WebhookBody json(Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
    return new WebhookBody(body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  static WebhookBody form(Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return new WebhookBody(body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }

  /** JSON: a trigger cut off in the middle. Form-encoded: a trigger without its ticket. */
  @Override
  public WebhookBody malformedWebhook() {
    if (formTriggers) {
      return new WebhookBody("event=activity_create&tick".getBytes(StandardCharsets.UTF_8),
          "application/x-www-form-urlencoded");
    }
    return new WebhookBody("{\"event\":\"activity_create\",\"ticket\":".getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  /** A ticket number the fake has not given out. */
  @Override
  public String unknownConversationId() {
    return "999999999";
  }

  @Override
  public void close() {
    fake.close();
  }
}
