package io.deskbridge.mock.daktela;

import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.VendorFake;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stateful fake of the Daktela v6 REST API (the parts Deskbridge uses) on WireMock, which also sends the webhooks
 * an admin sets up in Daktela's Events module. It follows {@code shared/vendors/daktela.md} ("What a faithful mock
 * must do" §1–8, §10) and {@code dk-contract.md} (identities and wire shapes).
 *
 * <p>Served under {@code /api/v6} (the {@code .json} suffix is required): {@code GET} lists and records of
 * {@code tickets}, {@code activities}, {@code users}, {@code queues}, {@code ticketsCategories}, {@code statuses};
 * {@code POST tickets.json}, {@code PUT|DELETE tickets/{name}.json}, {@code POST activities.json},
 * {@code GET tickets/{name}/activities.json} and {@code GET whoim.json}. Lists take {@code skip}, {@code take}
 * (default 100, at most 1000), {@code fields[]}, {@code sort[i][...]}, {@code q} and Kendo filters ({@link Query}).
 * Every other request gets a loud 404 and is listed by {@link #unmatchedRequests()}. Auth: the configured token in
 * {@code X-AUTH-TOKEN} or {@code ?accessToken=}, as the API user; anything else is 401 with an empty body.
 *
 * <p>Seeded (dk-contract "Identities"): users {@code deskbridge} (the API user), {@code alice}, {@code bob};
 * e-mail queues 3001–3003 and call queue 3100; categories {@code categories_support} (3001, the intake),
 * {@code categories_billing} (3002), {@code categories_tech} (3003); statuses {@code statuses_open},
 * {@code statuses_done}. Ticket names are integers from 1001. Times are {@code yyyy-MM-dd HH:mm:ss} in the configured
 * zone, from the configured clock.
 *
 * <p>Webhooks ({@link #subscribe}): after every ticket or activity change, API writes by the connector included (the
 * real Events module fires on every change; the connector recognises its own echoes), each subscription whose
 * templates name the event gets the rendered body. Events: {@code ticket_create}, {@code ticket_update} (a change of
 * the ticket's fields: category, user, stage, ...), {@code activity_create}. <b>Assumptions:</b> the opening e-mail of
 * a ticket a customer creates fires no {@code activity_create} of its own (as the Zendesk fake's first comment); an
 * activity bumps the ticket's {@code edited} without a {@code ticket_update}; delivery is 3 attempts 1 s apart.
 *
 * <p>Thread-safe: all methods may be called from any thread; state sits behind internal locks taken in a fixed
 * order (API → model → events). Views are immutable snapshots.
 */
public final class DaktelaFake implements VendorFake {
  /**
   * Configuration; immutable. Start from {@link #defaults()}.
   *
   * @param apiLogin the API user's login (the connector's identity)
   * @param accessToken the token that authenticates as the API user
   * @param zone the instance's time zone: every timestamp is local time there
   * @param clock time source for timestamps and the webhook retries' waits (a
   *     {@link io.deskbridge.mock.base.SteppedClock} makes them wait for its steps)
   * @param port the HTTP port, 0 for a free one
   * @param delivery the Events module's delivery policy (assumed: 3 attempts 1 s apart)
   */
  public record Config(String apiLogin, String accessToken, ZoneId zone, Clock clock, int port,
      RetryPolicy delivery) {
    public Config {
      Objects.requireNonNull(apiLogin, "apiLogin");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(delivery, "delivery");
      if (port < 0 || port > 65535 || apiLogin.isBlank() || accessToken.isBlank()) {
        throw new IllegalArgumentException("invalid Daktela fake configuration: port " + port
            + ", apiLogin and accessToken must not be blank");
      }
    }

    /** With the assumed delivery policy. */
    public Config(String apiLogin, String accessToken, ZoneId zone, Clock clock, int port) {
      this(apiLogin, accessToken, zone, clock, port, EventsModule.defaultPolicy());
    }

    /** {@code deskbridge} / {@code fake-daktela-token}, Europe/Prague, the system clock, a free port. */
    public static Config defaults() {
      return new Config("deskbridge", "fake-daktela-token", ZoneId.of("Europe/Prague"), Clock.systemUTC(), 0);
    }

    public Config withClock(Clock c) {
      return new Config(apiLogin, accessToken, zone, c, port, delivery);
    }

    public Config withPort(int p) {
      return new Config(apiLogin, accessToken, zone, clock, p, delivery);
    }

    public Config withDelivery(RetryPolicy p) {
      return new Config(apiLogin, accessToken, zone, clock, port, p);
    }

    public Config withZone(ZoneId z) {
      return new Config(apiLogin, accessToken, z, clock, port, delivery);
    }

    public Config withApiUser(String login, String token) {
      return new Config(login, token, zone, clock, port, delivery);
    }

    @Override
    public String toString() {
      return "Config[apiLogin=" + apiLogin + ", accessToken=***, zone=" + zone + ", port=" + port + "]";
    }
  }

  /**
   * A ticket as the fake holds it.
   *
   * @param user the assigned agent's login, "" when none
   * @param email the customer's e-mail, "" when none
   * @param created local time {@code yyyy-MM-dd HH:mm:ss}
   */
  public record TicketView(String name, String title, String category, String user, String stage, String email,
      String created, String edited) {}

  /**
   * An activity.
   *
   * @param type {@code EMAIL}, {@code COMMENT} or another Daktela type ({@code ""} for a plain note)
   * @param direction {@code in} or {@code out} for an e-mail, "" otherwise
   * @param user the author's login, "" for the customer
   * @param text the e-mail's text, or the comment's description
   * @param time local time, whole seconds as Daktela stamps it; {@code at} when the fake stored it, at the clock's full
   *             precision (for latency measurements)
   */
  public record ActivityView(String name, String ticket, String type, String direction, String user, String title,
      String text, String time, Instant at) {}

  /**
   * An Events-module subscription: an HTTP request action to {@code url} for each event whose name has a template.
   *
   * @param secretHeader the header carrying {@code secret}; null or blank: the secret goes as query {@code ?secret=}
   * @param secret the shared secret, or null for none
   * @param form true: {@code application/x-www-form-urlencoded} bodies (values URL-encoded); false: JSON (values
   *     JSON-escaped)
   * @param templates event name ({@code ticket_create}, {@code ticket_update}, {@code activity_create}) → body
   *     template with {@code {{ticket.name}}}, {@code {{ticket.user}}}, {@code {{ticket.stage}}},
   *     {@code {{ticket.edited}}}, {@code {{activity.name}}}, {@code {{activity.ticket}}}, {@code {{activity.user}}},
   *     {@code {{event}}} and the like
   */
  public record Webhook(URI url, String secretHeader, String secret, boolean form, Map<String, String> templates) {
    public Webhook {
      Objects.requireNonNull(url, "url");
      templates = Map.copyOf(templates);
    }

    /** The README's templates, the secret in {@code X-Webhook-Secret}. */
    public static Webhook of(URI url, String secret, boolean form) {
      return new Webhook(url, "X-Webhook-Secret", secret, form, defaultTemplates(form));
    }
  }

  private final Config config;
  private final EventsModule events;
  private final Model model;
  private final DaktelaApi api;
  private final FakeServer server;

  private DaktelaFake(Config config) {
    this.config = config;
    this.events = new EventsModule(config);
    this.model = new Model(config, events);
    this.api = new DaktelaApi(config, model, new DaktelaControl(this));
    this.server = new FakeServer(config.port(), api);
  }

  /** Starts a fake with {@link Config#defaults()}. */
  public static DaktelaFake start() {
    return start(Config.defaults());
  }

  /** Starts a fake on its own HTTP port; close it when done. */
  public static DaktelaFake start(Config config) {
    DaktelaFake fake = new DaktelaFake(config);
    return fake.server.startFor(fake);
  }

  /** E.g. {@code http://localhost:34567}; the connector's {@code url} (the API is under {@code /api/v6}). */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  public Config config() {
    return config;
  }

  /** A client for this fake's {@code /__control} endpoints (what another process uses). */
  public DaktelaFakeControl control() {
    return DaktelaFakeControl.at(baseUrl());
  }

  // ---------------------------------------------------------------- simulated people

  /**
   * A customer e-mails the support address: a ticket in {@code categories_support}, no user, stage OPEN, priority
   * MEDIUM, with the customer as contact, and an incoming EMAIL activity (queue 3001). Fires {@code ticket_create}.
   *
   * @param name the customer's display name, or null for the e-mail
   * @return the ticket's name
   */
  public String customerCreatesTicket(String email, String name, String title, String text) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    return model.customerCreatesTicket(email, name, title, text);
  }

  /**
   * The customer e-mails again: an incoming EMAIL activity ({@code activity_create}); a CLOSE ticket becomes OPEN
   * ({@code ticket_update}).
   *
   * @return the activity's name
   * @throws IllegalArgumentException for an unknown ticket
   */
  public String customerEmails(String ticket, String text) {
    return model.customerEmails(ticket, Objects.requireNonNull(text, "text"), Map.of());
  }

  /**
   * The customer's side e-mails with these headers (an auto-reply, a bounce): they come back in the activity's
   * {@code item.options.headers} after {@code to}, {@code cc} and {@code bcc}. The doc names only those and the
   * threading headers there; that an incoming e-mail's other headers are there too is an assumption (daktela.md).
   *
   * @return the activity's name
   */
  public String customerEmails(String ticket, String text, Map<String, String> headers) {
    return model.customerEmails(ticket, Objects.requireNonNull(text, "text"), Map.copyOf(headers));
  }

  /** An agent replies by e-mail (outgoing, state SENT); returns the activity's name. */
  public String agentEmails(String ticket, String login, String text) {
    return model.agentEmails(ticket, login, Objects.requireNonNull(text, "text"));
  }

  /** An agent adds an internal COMMENT; returns the activity's name. */
  public String agentComments(String ticket, String login, String text) {
    return model.agentComments(ticket, login, Objects.requireNonNull(text, "text"));
  }

  /** Alice (the seeded agent) assigns the ticket to {@code loginOrNull} (null unassigns); fires ticket_update. */
  public void agentAssigns(String ticket, String loginOrNull) {
    model.agentEdits(ticket, null, true, loginOrNull, null);
  }

  /** Alice moves the ticket to another category; fires ticket_update. */
  public void agentSetsCategory(String ticket, String category) {
    model.agentEdits(ticket, Objects.requireNonNull(category, "category"), false, null, null);
  }

  /** Alice closes the ticket (stage CLOSE, {@code closed} set); fires ticket_update. */
  public void agentCloses(String ticket) {
    model.agentEdits(ticket, null, false, null, "CLOSE");
  }

  /** Alice sets the ticket's stage (OPEN, WAIT, CLOSE, ARCHIVE); fires ticket_update. */
  public void agentSetsStage(String ticket, String stage) {
    if (!Model.STAGES.contains(stage)) {
      throw new IllegalArgumentException("stage must be one of " + Model.STAGES + ", was " + stage);
    }
    model.agentEdits(ticket, null, false, null, stage);
  }

  // ---------------------------------------------------------------- state

  public Optional<TicketView> ticket(String name) {
    return model.ticketView(name);
  }

  /** Every ticket, by name. */
  public List<TicketView> tickets() {
    return model.ticketViews();
  }

  /** The ticket's activities in creation order; empty for an unknown ticket. */
  public List<ActivityView> activities(String ticket) {
    return model.activityViews(ticket);
  }

  // ---------------------------------------------------------------- knowledge base

  /**
   * An admin publishes a public knowledge-base article ({@code articles}, served by {@code GET articles.json} with
   * the list query and {@code GET articles/{name}.json}): {@code edited} is now.
   *
   * @param folder   the folder's title (rendered as an {@code articlesFolders} reference)
   * @param language its locale, e.g. {@code en}, {@code cs}
   * @return the article's name
   */
  public String publishArticle(String folder, String language, String title, String html, List<String> tags) {
    return model.publishArticle(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(language, "language"),
        Objects.requireNonNull(title, "title"), Objects.requireNonNull(html, "html"), tags);
  }

  /** The article's title and body change; {@code edited} is now. @throws IllegalArgumentException when unknown */
  public void editArticle(String name, String title, String html) {
    model.editArticle(name, Objects.requireNonNull(title, "title"), Objects.requireNonNull(html, "html"));
  }

  /** The article is published or taken back to a draft; {@code edited} is now. */
  public void setArticlePublished(String name, boolean published) {
    model.setArticlePublished(name, published);
  }

  /** The article is made public or internal (agents only); {@code edited} is now. */
  public void setArticlePublic(String name, boolean isPublic) {
    model.setArticlePublic(name, isPublic);
  }

  /** The article is deleted: gone from every list, 404 by name. */
  public void deleteArticle(String name) {
    model.deleteArticle(name);
  }

  // ---------------------------------------------------------------- calls and faults

  /** Authenticated API calls served (injected failures included) since start or reset. */
  public int apiCalls() {
    return api.apiCalls();
  }

  /**
   * Authenticated API calls about the ticket: its path names it ({@code tickets/{name}...}, or an activity of it),
   * a POSTed activity names it, or a filter {@code ticket eq} it.
   */
  public int apiCalls(String ticket) {
    return api.apiCalls(ticket);
  }

  /** Every authenticated API call, with the ticket as the conversation (see {@link #apiCalls(String)}). */
  public RequestJournal journal() {
    return api.journal();
  }

  @Override
  public List<String> unmatchedRequests() {
    return api.unmatched();
  }

  /**
   * The next {@code count} authenticated API calls get {@code status} without touching state: 429 always with
   * {@code Retry-After} (default 1 s), 401/403/404 with an empty body, others {@code {"error":[...],"result":null}}.
   */
  public void failNext(int count, int status, Duration retryAfterOrNull) {
    api.failNext(count, status, retryAfterOrNull);
  }

  /** That share of authenticated API calls gets {@code status} (seeded, so a run repeats); 0 stops it. */
  public void failRandomly(double share, int status) {
    api.failRandomly(share, status);
  }

  /**
   * The {@code nth} next write (POST, PUT, DELETE) gets {@code status} once, without touching state; writes struck by
   * another fault are not counted. 429 carries {@code Retry-After: 1}.
   */
  public void failNthWrite(int nth, int status) {
    api.failNthWrite(nth, status);
  }

  /** Adds a fault rule (paths as sent, e.g. {@code /api/v6/activities.json}); {@link #failNext} goes first. */
  public void injectFault(FaultRule rule) {
    api.inject(rule);
  }

  /** Every later API answer comes {@code delay} late (null or zero: not). */
  public void delayResponses(Duration delay) {
    api.delay(delay);
  }

  /** API calls answered with an injected failure so far. */
  public int injectedFailures() {
    return api.injectedFailures();
  }

  /** Stops every injected fault and delay. */
  public void clearFaults() {
    api.clearFaults();
  }

  /** A 429 fault with {@code Retry-After}, for {@link #injectFault}. */
  public static Fault rateLimited(int retryAfterSeconds) {
    return new Fault.Status(429, retryAfterSeconds);
  }

  // ---------------------------------------------------------------- Events module webhooks

  /** Adds an Events-module subscription; returns its id. */
  public String subscribe(Webhook webhook) {
    return events.subscribe(Objects.requireNonNull(webhook, "webhook"));
  }

  /** The README's templates (dk-contract "Events"), JSON or form. */
  public static Map<String, String> defaultTemplates(boolean form) {
    return EventsModule.defaultTemplates(form);
  }

  /** The next produced message is sent {@code times} more times. */
  public void duplicateNextDelivery(int times) {
    events.duplicateNext(times);
  }

  /** Sends every message produced so far about the ticket again, byte for byte. */
  public void redeliverAll(String ticket) {
    events.redeliverAll(ticket);
  }

  /**
   * Each message waits a random time up to 200 ms before its first attempt, so messages arrive out of order (on a
   * {@link io.deskbridge.mock.base.SteppedClock} they wait for steps); false restores production order.
   */
  public void shuffleDeliveries(boolean on) {
    events.shuffle(on);
  }

  /**
   * Every message from now on is sent {@code copies} times in all, each copy after a random wait up to {@code jitter}
   * (so deliveries of one ticket arrive out of order); {@code chaos(1, Duration.ZERO)} stops it.
   */
  public void chaos(int copies, Duration jitter) {
    events.chaos(copies, jitter);
  }

  /** Waits (real time) until no delivery is pending; false on timeout. */
  public boolean awaitDeliveries(Duration timeout) {
    return events.awaitIdle(timeout);
  }

  /** Deliveries queued, in flight or waiting to retry. */
  public int pendingDeliveries() {
    return events.pending();
  }

  /** Each attempt goes to the next of these endpoints in turn (a load balancer); empty restores the URLs. */
  public void routeDeliveriesTo(List<URI> endpoints) {
    events.route(endpoints);
  }

  /**
   * A delivery that gets no answer (refused, reset, timed out) is retried every back-off for up to {@code window}, as a
   * load balancer holding requests while a backend restarts; zero restores the plain policy.
   */
  public void redeliverWhileUnreachable(Duration window) {
    events.redeliverWhileUnreachable(window);
  }

  /** Every delivery attempt so far, in completion order (target: the subscription id; conversation: the ticket). */
  public List<DeliveryAttempt> deliveries() {
    return events.attempts();
  }

  // ---------------------------------------------------------------- lifecycle

  /** Back to the seeded state: no tickets, subscriptions, deliveries, counters, faults or unmatched requests. */
  @Override
  public void reset() {
    api.reset();
    events.reset();
    model.reset();
  }

  /** Stops WireMock and the delivery threads. */
  @Override
  public void close() {
    server.stop();
    events.close();
  }
}
