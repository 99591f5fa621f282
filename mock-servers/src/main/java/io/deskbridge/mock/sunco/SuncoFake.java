package io.deskbridge.mock.sunco;

import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.VendorFake;
import io.deskbridge.mock.sunco.SuncoViews.Conversation;
import io.deskbridge.mock.sunco.SuncoViews.Handover;
import io.deskbridge.mock.sunco.SuncoViews.Webhook;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stateful fake of Sunshine Conversations, the API behind Zendesk messaging, on WireMock: what a bot on the
 * switchboard uses (zendesk.md §3.1–3.4 and §9.7; the official spec {@code sunshine-conversations-api-spec} 17.12.1
 * where the contract is silent).
 *
 * <p><b>API</b> under {@code /sc/v2/apps/{appId}} ({@link #apiUrl()}, a Zendesk account's {@code /sc} host) and
 * {@code /v2/apps/{appId}}: the app (get), conversations (create, get), messages (post as {@code business} or {@code user}, list with
 * cursor paging), the typing activity, the four switchboard actions, switchboards and switchboard integrations (list,
 * create). Auth: Basic with the app key's id and secret, or a {@code Bearer} HS256 JWT with {@code kid} and
 * {@code scope: app} ({@link SuncoAuth}); otherwise 401. Errors are {@code {"errors":[{"code","title"}]}}: 400
 * {@code bad_request} (validation, metadata over 4 KB), 403 (another app id), 404 {@code conversation_not_found},
 * 413 (over 100 kb), 423 {@code locked} (message limit). Every other request gets a loud 404 and is listed by
 * {@link #unmatchedRequests()}.
 *
 * <p><b>Seeded</b>: one app with one key, a switchboard whose default integration is {@link #BOT} (the connector's
 * custom integration, {@code next}: the agent workspace, standby events delivered) and {@link #AGENT_WORKSPACE}
 * ({@code integrationType} {@code zd:agentWorkspace}, {@code next}: the bot). A {@code passControl} (or an accepted
 * offer) to the agent workspace makes a {@link Handover}: the messaging ticket with the transcript from the metadata's
 * {@code first_message_id} (else the last 10 messages) and its {@code dataCapture.*} fields.
 *
 * <p><b>Webhooks</b> ({@link #subscribe}): see {@link SuncoWebhooks}: batched events with {@code X-API-Key}, both the
 * customers' and the business's {@code conversation:message} (the connector must ignore its own), the switchboard
 * events with their metadata and {@code reason}, SunCo's retry policy (5 attempts in 15 minutes, none after
 * 400/401/403/404/406) on the configured clock: with a {@link io.deskbridge.mock.base.SteppedClock} the retries wait
 * for its steps, and {@link Config#withRetryUnit} compresses the schedule.
 *
 * <p><b>Integrations</b>: custom integrations and their webhooks through the API ({@link SuncoIntegrations}:
 * create, list, update, delete; a webhook's secret only in the answer to its creation), next to {@link #subscribe}
 * for the seeded bot's integration; switchboard integrations can be made, listed, updated and deleted, and the
 * switchboard's default changed ({@code PATCH switchboards/{id}}).
 *
 * <p><b>Left out</b>: users, clients, other integration types, participants, attachments, message deletion,
 * conversation updates, {@code sdkGroup} conversations, postbacks and the other triggers, rate limits by themselves (inject 429s instead).
 *
 * <p>Thread-safe: all methods may be called from any thread; state sits behind internal locks taken in a fixed order
 * (API → model → webhooks; API → integrations → webhooks). Views are immutable snapshots.
 */
public final class SuncoFake implements VendorFake {
  /** The connector's switchboard integration, the default one. */
  public static final String BOT = "deskbridge";
  /** Zendesk's built-in agent workspace switchboard integration. */
  public static final String AGENT_WORKSPACE = "zd-agentWorkspace";
  public static final String AGENT_WORKSPACE_TYPE = "zd:agentWorkspace";
  /** The triggers {@link #subscribe(URI)} subscribes. */
  public static final List<String> DEFAULT_TRIGGERS = List.of("conversation:message", "switchboard:passControl",
      "switchboard:offerControl", "switchboard:acceptControl", "switchboard:releaseControl",
      "switchboard:passControl:failure", "switchboard:offerControl:failure", "switchboard:acceptControl:failure");

  /**
   * Configuration; immutable. Start from {@link #defaults()}.
   *
   * @param appId the app's id (24 hex digits)
   * @param keyId the app key's id ({@code app_...}): the Basic user, the JWT's {@code kid}
   * @param keySecret the app key's secret: the Basic password, the JWT's HS256 key
   * @param clock timestamps, JWT expiry, and the webhook retries' waits (a
   *     {@link io.deskbridge.mock.base.SteppedClock} makes them wait for its steps)
   * @param port the HTTP port, 0 for a free one
   * @param retryUnit the first retry's gap; later gaps double (SunCo: 1 min, so 5 attempts span 15 min)
   * @param deliveryTimeout a webhook attempt's response timeout (SunCo: 20 s)
   * @param maxMessages messages a conversation holds before posting answers 423 (SunCo: 30,000)
   * @param botStandbyEvents the bot's switchboard integration's {@code deliverStandbyEvents} (SunCo's default: true):
   *     false, and its webhooks get no {@code conversation:message} while another integration has control
   */
  public record Config(String appId, String keyId, String keySecret, Clock clock, int port, Duration retryUnit,
      Duration deliveryTimeout, int maxMessages, boolean botStandbyEvents) {
    public Config {
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(keySecret, "keySecret");
      Objects.requireNonNull(clock, "clock");
      if (port < 0 || port > 65535 || appId.isBlank() || keyId.isBlank() || keySecret.isBlank()
          || retryUnit.isNegative() || retryUnit.isZero() || deliveryTimeout.isNegative() || deliveryTimeout.isZero()
          || maxMessages < 1) {
        throw new IllegalArgumentException("invalid SunCo fake configuration: port " + port + ", retryUnit "
            + retryUnit + ", deliveryTimeout " + deliveryTimeout + ", maxMessages " + maxMessages
            + "; appId, keyId and keySecret must not be blank");
      }
    }

    /** App {@code 6560a1b2...0001}, key {@code app_fake-sunco-key} / {@code fake-sunco-secret}, SunCo's policy. */
    public static Config defaults() {
      return new Config(new SuncoIds().fixed(SuncoIds.APP), "app_fake-sunco-key", "fake-sunco-secret",
          Clock.systemUTC(), 0, Duration.ofMinutes(1), Duration.ofSeconds(20), 30_000, true);
    }

    public Config withClock(Clock c) {
      return new Config(appId, keyId, keySecret, c, port, retryUnit, deliveryTimeout, maxMessages, botStandbyEvents);
    }

    public Config withPort(int p) {
      return new Config(appId, keyId, keySecret, clock, p, retryUnit, deliveryTimeout, maxMessages, botStandbyEvents);
    }

    /** The retry schedule scaled: gaps of {@code unit}, 2, 4, 8 units, given up after 15 units. */
    public Config withRetryUnit(Duration unit) {
      return new Config(appId, keyId, keySecret, clock, port, unit, deliveryTimeout, maxMessages, botStandbyEvents);
    }

    public Config withDeliveryTimeout(Duration t) {
      return new Config(appId, keyId, keySecret, clock, port, retryUnit, t, maxMessages, botStandbyEvents);
    }

    public Config withMaxMessages(int n) {
      return new Config(appId, keyId, keySecret, clock, port, retryUnit, deliveryTimeout, n, botStandbyEvents);
    }

    public Config withBotStandbyEvents(boolean on) {
      return new Config(appId, keyId, keySecret, clock, port, retryUnit, deliveryTimeout, maxMessages, on);
    }

    public Config withKey(String id, String secret) {
      return new Config(appId, id, secret, clock, port, retryUnit, deliveryTimeout, maxMessages, botStandbyEvents);
    }

    @Override
    public String toString() {
      return "Config[appId=" + appId + ", keyId=" + keyId + ", keySecret=***, port=" + port + ", retryUnit="
          + retryUnit + ", deliveryTimeout=" + deliveryTimeout + ", maxMessages=" + maxMessages
          + ", botStandbyEvents=" + botStandbyEvents + "]";
    }
  }

  /** What {@link #customerStarts} made. */
  public record Started(String conversationId, String userId, String messageId) {}

  private final Config config;
  private final SuncoIds ids = new SuncoIds();
  private final SuncoWebhooks webhooks;
  private final SuncoModel model;
  private final SuncoIntegrations integrations;
  private final SuncoApi api;
  private final FakeServer server;

  private SuncoFake(Config config) {
    this.config = config;
    this.webhooks = new SuncoWebhooks(config, ids);
    this.model = new SuncoModel(config, ids, webhooks);
    webhooks.bind(model::deliversMessages, model::withFullUser);
    this.integrations = new SuncoIntegrations(ids, webhooks);
    this.api = new SuncoApi(config, model, integrations, new SuncoControl(this));
    this.server = new FakeServer(config.port(), api);
  }

  /** Starts a fake with {@link Config#defaults()}. */
  public static SuncoFake start() {
    return start(Config.defaults());
  }

  /** Starts a fake on its own HTTP port; close it when done. */
  public static SuncoFake start(Config config) {
    SuncoFake fake = new SuncoFake(config);
    return fake.server.startFor(fake);
  }

  /** E.g. {@code http://localhost:34567}. */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The connector's API base: {@code baseUrl() + "/sc"}, as {@code https://{subdomain}.zendesk.com/sc}. */
  public String apiUrl() {
    return baseUrl() + "/sc";
  }

  public Config config() {
    return config;
  }

  /** A client for this fake's {@code /__control} endpoints (what another process uses). */
  public SuncoFakeControl control() {
    return SuncoFakeControl.at(baseUrl());
  }

  // ---------------------------------------------------------------- simulated people

  /**
   * A new customer opens the web widget: a user, a conversation with the bot in control, {@code conversation:create}
   * and, when {@code text} is not null, the first message ({@code conversation:message}).
   *
   * @param email shown in the user's profile with {@code includeFullUser}; may be null
   */
  public Started customerStarts(String displayName, String email, String text) {
    String[] made = model.customerStarts(displayName, null, email, text);
    return new Started(made[0], made[1], made[2]);
  }

  /**
   * The customer writes ({@code conversation:message}, author {@code user}); returns the message id. In a released
   * conversation the default integration (the bot) takes control first.
   *
   * @throws IllegalArgumentException for an empty text or an unknown conversation
   */
  public String customerSends(String conversationId, String text) {
    return call(() -> model.customerSends(conversationId, text));
  }

  /** An agent in the agent workspace replies: a {@code business} message with subtype {@code agent}. */
  public String agentReplies(String conversationId, String agentName, String text) {
    return call(() -> model.agentReplies(conversationId, agentName, text));
  }

  /**
   * The agent workspace releases control ({@code switchboard:releaseControl}) with {@code reason} (null, or
   * {@code ticketClosed} / {@code transferToEmail}).
   *
   * @throws IllegalStateException when the agent workspace is not in control
   */
  public void agentReleases(String conversationId, String reason) {
    call(() -> {
      model.agentReleases(conversationId, reason);
      return null;
    });
  }

  /** The agent solves the messaging ticket: the agent workspace releases control with reason {@code ticketClosed}. */
  public void agentClosesTicket(String conversationId) {
    agentReleases(conversationId, "ticketClosed");
  }

  /**
   * The agent workspace passes control to {@code target} (a name, id, integration type, or {@code next}: the bot)
   * with {@code reason} ({@code switchboard:passControl}).
   */
  public void agentPassesControl(String conversationId, String target, String reason) {
    call(() -> {
      model.agentPasses(conversationId, target, reason);
      return null;
    });
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (SuncoError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- state

  public Optional<Conversation> conversation(String id) {
    return model.view(id);
  }

  /** Every conversation, in creation order. */
  public List<Conversation> conversations() {
    return model.views();
  }

  /** Every handover to the agent workspace, in order. */
  public List<Handover> handovers() {
    return model.handovers();
  }

  /** Calls {@code listener} (under the fake's lock: keep it short) at each handover, e.g. to open a Support ticket. */
  public void onHandover(Consumer<Handover> listener) {
    model.onHandover(Objects.requireNonNull(listener, "listener"));
  }

  /** The switchboard's id. */
  public String switchboardId() {
    return model.switchboardId();
  }

  // ---------------------------------------------------------------- calls and faults

  /** Authenticated API calls served (injected failures included) since start or reset. */
  public int apiCalls() {
    return api.apiCalls();
  }

  /** Authenticated API calls about one conversation (its id in the path). */
  public int apiCalls(String conversationId) {
    return api.journal().count(conversationId);
  }

  /** Every authenticated API call, with the conversation its path names. */
  public RequestJournal journal() {
    return api.journal();
  }

  @Override
  public List<String> unmatchedRequests() {
    return api.unmatched();
  }

  /**
   * The next {@code count} authenticated API calls get {@code status} in SunCo's error shape without touching state;
   * 429 always with {@code Retry-After} (default 1 s).
   */
  public void failNext(int count, int status, Duration retryAfterOrNull) {
    api.failNext(count, status, retryAfterOrNull);
  }

  /** That share of authenticated API calls gets {@code status} (seeded, so a run repeats); 0 stops it. */
  public void failRandomly(double share, int status) {
    api.failRandomly(share, status);
  }

  /** Adds a fault rule (paths as sent, e.g. {@code /sc/v2/apps/.+/conversations/.+/messages}). */
  public void injectFault(FaultRule rule) {
    api.inject(rule);
  }

  /** Every later API answer comes {@code delay} late (null or zero: not). */
  public void delayResponses(Duration delay) {
    api.delay(delay);
  }

  /** API calls answered with an injected failure so far. */
  public int injectedFailures() {
    return api.journal().injectedFailures();
  }

  public void clearFaults() {
    api.clearFaults();
  }

  /** A 429 fault with {@code Retry-After}, for {@link #injectFault}. */
  public static Fault rateLimited(int retryAfterSeconds) {
    return new Fault.Status(429, retryAfterSeconds);
  }

  // ---------------------------------------------------------------- webhooks

  /** A webhook of the bot's integration to {@code target} with {@link #DEFAULT_TRIGGERS}. */
  public Webhook subscribe(URI target) {
    return subscribe(target, DEFAULT_TRIGGERS, false);
  }

  /** A webhook of the bot's integration (at most 10 per app); its {@code secret} is the {@code X-API-Key}. */
  public Webhook subscribe(URI target, List<String> triggers, boolean includeFullUser) {
    return webhooks.subscribe(Objects.requireNonNull(target, "target"), triggers, includeFullUser);
  }

  public List<Webhook> webhooks() {
    return webhooks.webhooks();
  }

  /** From now on events are held, until {@link #releaseDeliveries()} sends them as one batch per webhook. */
  public void holdDeliveries() {
    webhooks.hold();
  }

  /** Sends the held events, one POST per webhook with all of them; returns the number of POSTs. */
  public int releaseDeliveries() {
    return webhooks.release();
  }

  /** The next POST is sent {@code times} more times (same body, same event ids). */
  public void duplicateNextDelivery(int times) {
    webhooks.duplicateNext(times);
  }

  /** Sends an earlier event again, alone, with the same event id. */
  public void redeliver(String eventId) {
    webhooks.redeliver(eventId);
  }

  /** The ids of the events produced about a conversation, in order. */
  public List<String> eventIds(String conversationId) {
    return webhooks.eventIds(conversationId);
  }

  /**
   * Each POST waits a random time up to 200 ms before its first attempt, so they arrive out of order (on a stepped
   * clock they wait for steps); false restores production order.
   */
  public void shuffleDeliveries(boolean on) {
    webhooks.chaos(1, on ? SuncoWebhooks.SHUFFLE_JITTER : Duration.ZERO);
  }

  /** Every POST from now on is sent {@code copies} times in all, each after a random wait up to {@code jitter}. */
  public void chaos(int copies, Duration jitter) {
    webhooks.chaos(copies, jitter);
  }

  /**
   * A POST that gets no answer is retried beyond SunCo's 5 attempts for up to {@code window} (a load balancer holding
   * requests while a connector restarts); zero restores SunCo's policy.
   */
  public void redeliverWhileUnreachable(Duration window) {
    webhooks.redeliverWhileUnreachable(Objects.requireNonNull(window, "window"));
  }

  /** Each attempt goes to the next of these endpoints in turn (a load balancer); empty restores the targets. */
  public void routeDeliveriesTo(List<URI> endpoints) {
    webhooks.route(endpoints);
  }

  /**
   * Every delivery attempt so far, in completion order (target: the webhook id; message id: {@code batch-n:} and the
   * event ids; conversation: the batch's conversation, empty for several).
   */
  public List<DeliveryAttempt> deliveries() {
    return webhooks.attempts();
  }

  /** Deliveries queued, in flight or waiting to retry (held events not counted). */
  public int pendingDeliveries() {
    return webhooks.pending();
  }

  /** Waits (real time) until no delivery is pending; false on timeout. */
  public boolean awaitDeliveries(Duration timeout) {
    return webhooks.awaitIdle(timeout);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Back to the seeded state: no conversations, webhooks, deliveries, counters, faults or unmatched requests. */
  @Override
  public void reset() {
    api.reset();
    webhooks.reset();
    model.reset();
    integrations.reset();
    ids.reset();
  }

  /** Stops WireMock and the delivery threads. */
  @Override
  public void close() {
    server.stop();
    webhooks.close();
  }
}
