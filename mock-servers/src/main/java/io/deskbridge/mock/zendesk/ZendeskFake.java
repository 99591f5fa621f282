package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.VendorFake;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful fake of the Zendesk Support API (the parts Deskbridge uses) on WireMock, which also
 * sends webhooks the way Zendesk does. It follows {@code shared/vendors/zendesk.md} §9.
 *
 * <p>Served under {@code /api/v2} ({@code .json} optional): {@code users/me}, {@code users/{id}},
 * {@code groups[/{id}]}, {@code POST tickets}, {@code GET|PUT tickets/{id}},
 * {@code GET tickets/{id}/comments} (offset and cursor paging), {@code PUT|POST|DELETE
 * tickets/{id}/tags}, and the webhooks registry ({@code webhooks[/{id}[/signing_secret]]}). Every
 * other request gets a 404 {@code UnmatchedRequest} and is listed by {@link #unmatchedRequests()}.
 *
 * <p>Auth: {@code Basic base64("{email}/token:{token}")} for either seeded agent, or
 * {@code Bearer {token}} (as the bot). The authenticated user is the updater, Zendesk's
 * {@code current_user}: the {@code actor_id} of the events for what it makes, so a ticket created through the
 * API with the bot's credentials is the bot's own whoever the requester is. {@code POST tickets} takes
 * {@code requester_id} or {@code requester}, and {@code submitter_id} and {@code comment.author_id}, which
 * change who is shown as the first comment's author (the submitter by default) but not the actor.
 *
 * <p>Webhooks: event webhooks get one {@code zen:event-type:ticket.created} per new ticket and one
 * {@code zen:event-type:ticket.comment_added} per later comment, including comments the bot posts
 * through the API (loop realism). <b>Assumption (unverified):</b> the first comment of a new ticket
 * does not produce a comment_added event. Trigger webhooks stand for one built-in trigger
 * (public comment, not made via the API) with the body in the Javadoc of
 * {@link #registerTriggerWebhook(URI, String)}. Changes without a comment (status, tags, group)
 * produce no events.
 *
 * <p>Messaging: linked to a {@link io.deskbridge.mock.sunco.SuncoFake} by {@link #takeMessagingHandovers}, each
 * handover to the agent workspace opens a messaging ticket and sends one
 * {@code zen:event-type:messaging_ticket.message_added} per transcript message to the webhooks subscribed to it
 * ({@link #registerEventWebhookFor}). <b>Assumption (unverified):</b> the transcript is the ticket's first comment,
 * one line per message.
 *
 * <p>Control: the fake's own endpoints under {@code /__control} (no authentication, outside the API's
 * budget and faults) act as customers and agents, inject API faults and read state by calling this class's
 * methods; {@link ZendeskFakeControl} is their client and the mock-servers README lists them. Run
 * standalone by {@code ZendeskFakeLauncher} ({@code mock-servers/target/zendesk-fake.jar}).
 *
 * <p>Thread-safety: all methods may be called from any thread; state sits behind internal locks,
 * taken in a fixed order, and concurrent structures. Views are immutable snapshots.
 */
public final class ZendeskFake implements VendorFake {
  /**
   * Chaos for resilience tests, applied to every delivery until changed: each event is delivered
   * {@code copies} times in all (same event id); with a positive {@code jitter} every copy is sent on its
   * own after a random delay up to it, so deliveries of one ticket arrive out of order; a delivery that
   * cannot connect is retried every {@code retryBackoff} for up to {@code retryUnreachableFor}, as a load
   * balancer holding requests while a backend restarts (plain Zendesk would give up).
   */
  public record Chaos(int copies, Duration jitter, Duration retryUnreachableFor) {
    public static final Chaos NONE = new Chaos(1, Duration.ZERO, Duration.ZERO);

    public Chaos {
      if (copies < 1 || jitter.isNegative() || retryUnreachableFor.isNegative()) {
        throw new IllegalArgumentException("invalid chaos " + copies + ", " + jitter + ", " + retryUnreachableFor);
      }
    }
  }

  /** The static secret Zendesk signs test deliveries with (§1.4). */
  public static final String STATIC_TEST_SECRET = WebhookDispatcher.STATIC_TEST_SECRET;

  private final ZendeskFakeConfig config;
  private final WebhookDispatcher dispatcher;
  private final Model model;
  private final ZendeskApi api;
  private final FakeServer server;
  private final HelpCenter helpCenter;
  private final SatisfactionRatings satisfaction;

  private ZendeskFake(ZendeskFakeConfig config) {
    this.config = config;
    this.dispatcher = new WebhookDispatcher(config);
    this.model = new Model(config, dispatcher);
    this.api = new ZendeskApi(config, model, new ControlApi(this));
    this.server = new FakeServer(config.port(), api);
    this.helpCenter = new HelpCenter(config.clock(), this::baseUrl);
    api.helpCenter(helpCenter);
    this.satisfaction = new SatisfactionRatings(config.clock(), this::baseUrl, model::ticket);
    api.satisfaction(satisfaction);
  }

  /** The tickets' satisfaction ratings: tests offer the survey and rate as the requester. */
  public SatisfactionRatings satisfaction() {
    return satisfaction;
  }

  /** The Help Center's knowledge base: sections and articles that tests publish, change, archive and delete. */
  public HelpCenter helpCenter() {
    return helpCenter;
  }

  /**
   * Signs a webhook as Zendesk does: base64 of HMAC-SHA256 keyed with the secret's UTF-8 bytes, over the
   * timestamp followed by the raw body. For tests that craft their own deliveries.
   */
  public static String sign(String secret, String timestamp, byte[] body) {
    return WebhookDispatcher.sign(secret, timestamp, body);
  }

  /** Starts a fake with {@link ZendeskFakeConfig#defaults()}. */
  public static ZendeskFake start() {
    return start(ZendeskFakeConfig.defaults());
  }

  /** Starts a fake on its own HTTP port; close it when done. */
  public static ZendeskFake start(ZendeskFakeConfig config) {
    ZendeskFake fake = new ZendeskFake(config);
    return fake.server.startFor(fake, () -> fake.model.baseUrl(fake.baseUrl()));
  }

  /** E.g. {@code http://localhost:34567}; the Zendesk client's "url" (it appends /api/v2). */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  public ZendeskFakeConfig config() {
    return config;
  }

  /** The Basic {@code Authorization} header value for the bot agent. */
  public String botAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (config.agentEmail() + "/token:" + config.apiToken()).getBytes(StandardCharsets.UTF_8));
  }

  public long botUserId() {
    return model.botId();
  }

  /** The seeded human agent, "Alice Agent" (alice@acme.example), who can also authenticate. */
  public long humanAgentId() {
    return model.humanId();
  }

  /** Group names to ids, in configuration order. */
  public Map<String, Long> groups() {
    return model.groups();
  }

  // ---------------------------------------------------------------- simulated people

  /**
   * A customer opens a ticket in the web form: creates the end user if needed, a ticket in status
   * {@code new} whose first comment is public, authored by the customer via {@code web}; fires
   * ticket.created (event webhooks) and the trigger (trigger webhooks).
   *
   * @return the new ticket id
   */
  public long customerCreatesTicket(String requesterEmail, String requesterName, String subject,
      String body) {
    return customerCreatesTicket(requesterEmail, requesterName, subject, body, List.of());
  }

  /** As {@link #customerCreatesTicket(String, String, String, String)}, with initial tags. */
  public long customerCreatesTicket(String requesterEmail, String requesterName, String subject,
      String body, List<String> tags) {
    return ApiError.call(() -> model.customerCreatesTicket(requesterEmail, requesterName, subject, body, tags));
  }

  /**
   * The ticket's requester adds a public comment via {@code web}; a non-new ticket becomes open.
   *
   * @return the new comment's id
   * @throws IllegalArgumentException for an unknown ticket
   * @throws IllegalStateException for a closed ticket
   */
  public long customerComments(long ticketId, String body) {
    return ApiError.call(() -> model.customerComments(ticketId, body));
  }

  /**
   * An agent comments in the agent workspace ({@code web}); a new ticket becomes open.
   *
   * @return the new comment's id
   * @throws IllegalArgumentException for an unknown ticket or a user who is not an agent
   * @throws IllegalStateException for a closed ticket
   */
  public long agentComments(long ticketId, long agentId, String body, boolean isPublic) {
    return ApiError.call(() -> model.agentComments(ticketId, agentId, body, isPublic));
  }

  /**
   * A human agent replies from the agent UI's rich-text editor: {@code html_body} is {@code html} (links as
   * {@code <a href>}), {@code body} its text without the markup, as Zendesk keeps both; otherwise as
   * {@link #agentComments}.
   *
   * @return the new comment's id
   */
  public long agentCommentsHtml(long ticketId, long agentId, String html, boolean isPublic) {
    return ApiError.call(() -> model.agentCommentsHtml(ticketId, agentId, html, isPublic));
  }

  /**
   * A human agent changes the ticket's status in the agent UI (for example to {@code solved}); event webhooks
   * subscribed to {@link #TICKET_STATUS_CHANGED} get the change.
   *
   * @throws IllegalArgumentException for an unknown ticket or status, or a user who is not an agent
   * @throws IllegalStateException for a closed ticket
   */
  public void agentSetsStatus(long ticketId, long agentId, String status) {
    ApiError.run(() -> model.agentSetsStatus(ticketId, agentId, status));
  }

  /** A human agent assigns the ticket to an agent (null unassigns); see {@link #TICKET_AGENT_ASSIGNMENT_CHANGED}. */
  public void agentAssigns(long ticketId, long agentId, Long assigneeId) {
    ApiError.run(() -> model.agentAssigns(ticketId, agentId, assigneeId));
  }

  /** A human agent adds tags to the ticket; see {@link #TICKET_TAGS_CHANGED} (sent only when the tags changed). */
  public void agentAddsTags(long ticketId, long agentId, List<String> tags) {
    ApiError.run(() -> model.agentAddsTags(ticketId, agentId, tags));
  }

  /** A human agent removes tags from the ticket; see {@link #TICKET_TAGS_CHANGED}. */
  public void agentRemovesTags(long ticketId, long agentId, List<String> tags) {
    ApiError.run(() -> model.agentRemovesTags(ticketId, agentId, tags));
  }

  /**
   * A client for this fake's HTTP control endpoints ({@code /__control/...}), which call the same methods
   * as this class: what the demo and a separate process use to act as customers and inject faults.
   */
  public ZendeskFakeControl control() {
    return ZendeskFakeControl.at(baseUrl());
  }

  // ---------------------------------------------------------------- views and counters

  public Optional<TicketView> ticket(long id) {
    return model.ticket(id);
  }

  /** Every ticket, by id. */
  public List<TicketView> tickets() {
    return model.tickets();
  }

  /** The ticket's comments in creation order; empty for an unknown ticket. */
  public List<CommentView> comments(long ticketId) {
    return model.comments(ticketId);
  }

  /** Authenticated API requests served (including injected failures) since start or reset. */
  public int apiCalls() {
    return api.apiCalls();
  }

  /** Authenticated API requests whose path is under {@code /api/v2/tickets/{ticketId}}. */
  public int apiCalls(long ticketId) {
    return api.apiCalls(ticketId);
  }

  /** {@code "METHOD url"} of every request the fake does not serve; tests assert it is empty. */
  @Override
  public List<String> unmatchedRequests() {
    return api.unmatched();
  }

  /**
   * Every authenticated API call served since start or reset, in order (injected failures included), with the
   * ticket id as the conversation for paths under {@code /api/v2/tickets/{id}}; and the unmatched requests.
   */
  public RequestJournal journal() {
    return api.journal();
  }

  // ---------------------------------------------------------------- faults

  /**
   * The next {@code count} authenticated API requests get {@code status} without touching state.
   * 429 always carries {@code Retry-After} (default 1) and alternates text/plain and JSON
   * {@code APIRateLimitExceeded} bodies; other statuses carry it only when given.
   */
  public void failNext(int count, int status, Integer retryAfterSeconds) {
    api.failNext(count, status, retryAfterSeconds);
  }

  /**
   * Adds a fault rule for authenticated API calls, after the earlier ones: e.g. the second ticket update fails once
   * with {@code FaultRule.on("PUT", "/api/v2/tickets/\\d+(\\.json)?", Fault.status(503)).nth(2)}. Paths are matched
   * as sent (without the query). A {@link io.deskbridge.mock.base.Fault.Status} is answered as {@link #failNext}
   * answers it, a SOAP fault as HTTP 500 {@code text/xml}, a delay serves the call and answers late.
   * {@link #failNext} takes precedence while it lasts.
   */
  public void injectFault(FaultRule rule) {
    api.inject(rule);
  }

  /**
   * The {@code nth} next ticket update ({@code PUT}, the connector's writes) gets {@code status} once,
   * without touching state; reads and earlier writes pass. Counted after {@link #failNext} faults.
   */
  public void failNthWrite(int nth, int status, Integer retryAfterSeconds) {
    api.failNthWrite(nth, status, retryAfterSeconds);
  }

  /** API requests answered with an injected failure so far ({@link #failNext}, {@link #failNthWrite}, {@link #failRandomly}). */
  public int injectedFailures() {
    return api.injectedFailures();
  }

  /** Stops {@link #failNext}, {@link #injectFault}, {@link #failNthWrite}, {@link #failRandomly} and {@link #delayResponses} faults. */
  public void clearFaults() {
    api.clearFaults();
  }

  /** Delays every later response by {@code delay} (zero or null turns it off). */
  public void delayResponses(Duration delay) {
    api.delay(delay);
  }

  // ---------------------------------------------------------------- webhooks

  /**
   * Registers an active event webhook subscribed to {@code zen:event-type:ticket.created} and
   * {@code zen:event-type:ticket.comment_added}.
   *
   * @return the webhook id (26 characters, ULID-like)
   */
  public String registerEventWebhook(URI endpoint, String signingSecret) {
    return register(endpoint, signingSecret,
        List.of(Model.EVENT_CREATED, Model.EVENT_COMMENT));
  }

  /** Event type of a ticket status change, for {@link #registerEventWebhook(URI, String, List)}. */
  public static final String TICKET_STATUS_CHANGED = Model.EVENT_STATUS;
  /** Event type of a ticket (re)assignment to an agent. */
  public static final String TICKET_AGENT_ASSIGNMENT_CHANGED = Model.EVENT_ASSIGNEE;
  /** Event type of a change of a ticket's tags. */
  public static final String TICKET_TAGS_CHANGED = Model.EVENT_TAGS;

  /**
   * Registers an active event webhook subscribed to {@code ticket.created}, {@code ticket.comment_added} and
   * the given further event types (the change events this fake produces).
   */
  public String registerEventWebhook(URI endpoint, String signingSecret, List<String> moreEventTypes) {
    var subscriptions = new java.util.ArrayList<>(List.of(Model.EVENT_CREATED, Model.EVENT_COMMENT));
    subscriptions.addAll(moreEventTypes);
    return register(endpoint, signingSecret, subscriptions);
  }

  /** Event type of a message added to a messaging ticket (§1.7), which carries the SunCo conversation id. */
  public static final String MESSAGING_TICKET_MESSAGE_ADDED = Model.EVENT_MESSAGING;

  /**
   * Registers an active event webhook subscribed to exactly {@code eventTypes} (for example only
   * {@link #MESSAGING_TICKET_MESSAGE_ADDED}, as a Zendesk messaging installation's Support webhook).
   */
  public String registerEventWebhookFor(URI endpoint, String signingSecret, List<String> eventTypes) {
    return register(endpoint, signingSecret, List.copyOf(eventTypes));
  }

  /**
   * Makes this account's agent workspace take the SunCo fake's handovers (§3.4, §9.7: "passControl to
   * zd:agentWorkspace should create a Support-mock ticket"): each {@code passControl} (or accepted offer) to the
   * agent workspace opens a messaging ticket ({@link #messagingTicketOf}) with the transcript, the group and the
   * tags of its {@code dataCapture.*} metadata, and sends {@link #MESSAGING_TICKET_MESSAGE_ADDED} for each transcript
   * message to the webhooks subscribed to it.
   */
  public void takeMessagingHandovers(io.deskbridge.mock.sunco.SuncoFake sunco) {
    sunco.onHandover(h -> {
      String customer = h.transcript().stream().filter(m -> !m.isBusiness()).map(m -> m.displayName())
          .filter(n -> n != null && !n.isBlank()).findFirst().orElse("Customer");
      var transcript = h.transcript().stream()
          .map(m -> new String[] {m.id(), m.displayName() == null ? "" : m.displayName(),
              m.isBusiness() ? "business" : "user", m.text() == null ? "" : m.text()})
          .toList();
      ApiError.call(() -> model.messagingTicket(h.conversationId(), customer, transcript, h.fields()));
    });
  }

  /** The messaging ticket opened for a SunCo conversation's handover, if any ({@link #takeMessagingHandovers}). */
  public Optional<Long> messagingTicketOf(String conversationId) {
    return model.messagingTicketOf(conversationId);
  }

  /**
   * Registers an active {@code conditional_ticket_events} webhook, connected to a built-in trigger
   * that fires for public comments not made via the API (ticket creation included) with body
   * {@code {"ticket_id":"{{ticket.id}}","updater_id":"{{current_user.id}}",
   * "comment_id":"{{ticket.latest_comment.id}}","via":"{{ticket.via}}","tags":"{{ticket.tags}}"}}
   * (via renders "Web Form" or "Web Service", tags space-separated). Webhooks of this kind created
   * through {@code POST /api/v2/webhooks} are connected to the same trigger.
   */
  public String registerTriggerWebhook(URI endpoint, String signingSecret) {
    return register(endpoint, signingSecret, List.of(Model.CONDITIONAL));
  }

  /** Every delivery attempt so far, in completion order. */
  public List<DeliveryRecord> deliveries() {
    return dispatcher.records();
  }

  /** Deliveries queued, in flight or waiting to retry. */
  public int pendingDeliveries() {
    return dispatcher.pending();
  }

  /** Waits until no delivery is pending; {@code false} on timeout. */
  public boolean awaitIdle(Duration timeout) {
    return dispatcher.awaitIdle(timeout);
  }

  /** The next produced event is signed with {@link #STATIC_TEST_SECRET}. */
  public void deliverNextWithStaticTestSecret() {
    dispatcher.staticSecretNext();
  }

  /** Applies chaos to every delivery from now on ({@link Chaos#NONE} to stop). */
  public void chaos(Chaos chaos) {
    dispatcher.chaos(chaos);
  }

  /**
   * Sends every delivery attempt to the next of these endpoints in turn instead of the webhook's own, as a
   * load balancer in front of several connector instances; an empty list restores the webhook's endpoint.
   */
  public void routeDeliveriesTo(List<URI> endpoints) {
    dispatcher.route(endpoints);
  }

  /**
   * From now on, answers each authenticated API request with {@code status} (and Retry-After when given)
   * with probability {@code share}, without changing state; 0 stops it.
   */
  public void failRandomly(double share, int status, Integer retryAfterSeconds) {
    api.failRandomly(share, status, retryAfterSeconds);
  }

  /** The next produced event carries a wrong signature. */
  public void corruptNextSignature() {
    dispatcher.corruptNext();
  }

  /** The next produced event is sent {@code times} more times: same event id, new invocation ids. */
  public void duplicateNextDelivery(int times) {
    dispatcher.duplicateNext(times);
  }

  /** The next produced event's signature timestamp is shifted by {@code skew} (signed correctly). */
  public void skewNextTimestamp(Duration skew) {
    dispatcher.skewNext(skew);
  }

  /** Sends an earlier event again, byte for byte, with a new invocation id. */
  public void redeliver(String eventId) {
    dispatcher.redeliver(eventId);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Back to the seeded state: no tickets, end users, webhooks, deliveries, counters, faults or
   * unmatched requests. Deliveries still in flight are dropped.
   */
  @Override
  public void reset() {
    api.reset();
    model.reset();
    satisfaction.reset();
    dispatcher.reset();
  }

  /** Stops WireMock and the delivery threads. */
  @Override
  public void close() {
    server.stop();
    dispatcher.close();
  }

  private String register(URI endpoint, String secret, List<String> subscriptions) {
    ObjectNode w = Json.obj().put("name", "deskbridge").put("status", "active")
        .put("endpoint", endpoint.toString()).put("http_method", "POST").put("request_format", "json");
    w.set("subscriptions", Json.arr(subscriptions));
    return ApiError.call(() -> model.createWebhook(w, model.bot(), secret).id());
  }

  /** The signing secret of a registered webhook (the generated one when none was given). */
  String signingSecret(String webhookId) {
    return model.webhook(webhookId).secret();
  }
}
