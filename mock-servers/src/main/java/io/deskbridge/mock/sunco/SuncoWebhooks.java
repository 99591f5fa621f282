package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.Delivery;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Outcome;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import io.deskbridge.mock.base.WebhookSender;
import io.deskbridge.mock.sunco.SuncoViews.Webhook;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * SunCo's webhooks (zendesk.md §3.2; the spec's "Webhooks" tag): each subscribed event goes to every webhook whose
 * triggers name it, as a POST of {@code {"app":{"id"},"webhook":{"id","version":"v2"},"events":[...]}} with the
 * webhook's secret in {@code X-API-Key}; each event has {@code id}, {@code type}, {@code createdAt} and
 * {@code payload}, and one event keeps its id in every webhook and every redelivery. Message events reach a webhook
 * of an integration on standby only when its switchboard integration delivers standby events.
 *
 * <p>Batches: an event is sent on its own as it happens, unless deliveries are held ({@link #hold}); then the held
 * events go out together at {@link #release}, one POST per webhook holding all of them (several conversations in one
 * body, as SunCo batches).
 *
 * <p>Retry policy ({@link #policy}): up to 5 attempts within a 15-minute window, the gaps doubling (1, 2, 4 and 8
 * minutes with the default unit of one minute, so the fifth attempt starts 15 minutes after the first); a 20 s
 * response timeout counts as a failure. Not retried: 400, 401, 403, 404 and 406 (the spec's "non-recoverable
 * errors"); every other answer but a 2xx, a timeout and a refused connection are retried, 429 and other 4xx included,
 * as the spec says. <b>Assumed</b> (the spec is silent): the gaps' exact lengths, and that one webhook's messages about
 * one conversation are sent in order, a message's retries before the next.
 *
 * <p>Thread-safe: subscriptions, held events and switches are guarded by this object's monitor; the sender is
 * thread-safe.
 */
final class SuncoWebhooks implements SuncoModel.Events, AutoCloseable {
  /** The spec's non-recoverable statuses. */
  static final Set<Integer> NON_RECOVERABLE = Set.of(400, 401, 403, 404, 406);
  static final Duration SHUFFLE_JITTER = Duration.ofMillis(200);

  /**
   * One produced event: its JSON, the copy with the author's full profile, and the webhooks it goes to, all decided
   * when it is produced (under the model's lock, so later sends never call back into the model).
   */
  private record Event(String id, String type, String conversationId, ObjectNode json, ObjectNode fullUserJson,
      Set<String> webhookIds) {}

  private record Sub(Webhook webhook) {}

  private final SuncoFake.Config config;
  private final SuncoIds ids;
  private final WebhookSender sender;
  private final List<Sub> subs = new ArrayList<>();
  private final Map<String, Event> produced = new LinkedHashMap<>();
  private final Map<String, List<Event>> held = new LinkedHashMap<>();
  private BiPredicate<String, String> deliversMessages = (conversation, integration) -> true;
  private UnaryOperator<ObjectNode> fullUser = UnaryOperator.identity();
  private boolean holding;
  private int nextDuplicates;
  private long batches;
  private int chaosCopies = 1;
  private Duration chaosJitter = Duration.ZERO;
  private Duration unreachableWindow = Duration.ZERO;

  SuncoWebhooks(SuncoFake.Config config, SuncoIds ids) {
    this.config = config;
    this.ids = ids;
    this.sender = new WebhookSender("sunco-fake-webhook", policy(config.retryUnit(), config.deliveryTimeout()),
        config.clock());
  }

  /**
   * The model's answers to "does this integration get message events now" and "the payload with the author's full
   * profile"; both are called only inside {@link #produce}, which the model calls under its lock.
   */
  synchronized void bind(BiPredicate<String, String> deliversMessages, UnaryOperator<ObjectNode> fullUser) {
    this.deliversMessages = deliversMessages;
    this.fullUser = fullUser;
  }

  /**
   * SunCo's retry policy with gaps of {@code unit}, 2, 4 and 8 units (the default unit, one minute, gives the
   * documented 5 attempts in 15 minutes; a test may compress it), and {@code timeout} per attempt.
   */
  static RetryPolicy policy(Duration unit, Duration timeout) {
    Retry recoverable = new Retry("recoverable (not 400/401/403/404/406)",
        o -> !(o instanceof Outcome.Response r && NON_RECOVERABLE.contains(r.status())), 5, null);
    // no age limit besides the 5 attempts: the gaps add up to the 15 minutes, the attempts' own time comes on top
    return RetryPolicy.of(timeout, Backoff.exponential(unit, unit.multipliedBy(8)), List.of(recoverable));
  }

  synchronized Webhook subscribe(URI target, List<String> triggers, boolean includeFullUser) {
    if (subs.size() >= 10) {
      throw new IllegalStateException("an app has at most 10 webhooks");
    }
    if (triggers.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs at least one trigger");
    }
    Webhook w = new Webhook(ids.next(), ids.fixed(SuncoIds.BOT_INTEGRATION), target, triggers,
        "fake-sunco-webhook-secret-" + (subs.size() + 1), includeFullUser, false);
    subs.add(new Sub(w));
    return w;
  }

  /**
   * A webhook made through the API ({@code POST .../integrations[/{id}/webhooks]}): a new id and a new secret (the
   * fake's: {@code fake-sunco-webhook-secret-} and 16 random hex digits). More than 10 in the app is a 400.
   */
  synchronized Webhook add(String integrationId, URI target, List<String> triggers, boolean includeFullUser,
      boolean includeFullSource) {
    if (subs.size() >= 10) {
      throw new SuncoError(400, "bad_request", "An app can have at most 10 webhooks");
    }
    Webhook w = new Webhook(ids.next(), integrationId, target, triggers, "fake-sunco-webhook-secret-"
        + String.format("%016x", new java.security.SecureRandom().nextLong()), includeFullUser, includeFullSource);
    subs.add(new Sub(w));
    return w;
  }

  /** The webhooks of one integration, in the order made. */
  synchronized List<Webhook> of(String integrationId) {
    return subs.stream().map(Sub::webhook).filter(w -> w.integrationId().equals(integrationId)).toList();
  }

  /** Puts {@code w} in place of the webhook with its id (its secret kept by the caller); false when there is none. */
  synchronized boolean replace(Webhook w) {
    for (int i = 0; i < subs.size(); i++) {
      if (subs.get(i).webhook().id().equals(w.id())) {
        subs.set(i, new Sub(w));
        return true;
      }
    }
    return false;
  }

  /** Removes a webhook (its held events are dropped); false when there is none. */
  synchronized boolean remove(String webhookId) {
    held.remove(webhookId);
    return subs.removeIf(s -> s.webhook().id().equals(webhookId));
  }

  synchronized List<Webhook> webhooks() {
    return subs.stream().map(Sub::webhook).toList();
  }

  @Override
  public synchronized void produce(String type, String conversationId, ObjectNode payload, boolean messageEvent) {
    ObjectNode json = SuncoJson.obj().put("id", ids.next()).put("type", type)
        .put("createdAt", SuncoJson.time(config.clock().instant()));
    json.set("payload", payload);
    ObjectNode full = json;
    if (messageEvent) {
      full = json.deepCopy();
      full.set("payload", fullUser.apply(payload));
    }
    Set<String> to = new java.util.HashSet<>();
    for (Sub s : subs) {
      if (s.webhook().triggers().contains(type)
          && (!messageEvent || deliversMessages.test(conversationId, s.webhook().integrationId()))) {
        to.add(s.webhook().id());
      }
    }
    Event e = new Event(json.get("id").asText(), type, conversationId, json, full, Set.copyOf(to));
    produced.put(e.id(), e);
    for (Sub s : subs) {
      if (!to.contains(s.webhook().id())) {
        continue;
      }
      if (holding) {
        held.computeIfAbsent(s.webhook().id(), k -> new ArrayList<>()).add(e);
      } else {
        send(s, List.of(e), nextDuplicates + 1);
        nextDuplicates = 0;
      }
    }
  }

  private void send(Sub s, List<Event> events, int copies) {
    Webhook w = s.webhook();
    ObjectNode body = SuncoJson.obj();
    body.putObject("app").put("id", config.appId());
    body.putObject("webhook").put("id", w.id()).put("version", "v2");
    ArrayNode list = body.putArray("events");
    for (Event e : events) {
      list.add(w.includeFullUser() ? e.fullUserJson() : e.json());
    }
    String conversation = events.stream().map(Event::conversationId).distinct().count() == 1
        ? events.get(0).conversationId() : "";
    String messageId = "batch-" + (++batches) + ":" + String.join(",", events.stream().map(Event::id).toList());
    Map<String, String> headers = Map.of("X-API-Key", w.secret(), "User-Agent", "Sunshine Conversations (fake)");
    sender.send(new Delivery(w.id(), messageId, conversation, w.target(), "POST", "application/json",
        SuncoJson.bytes(body), (inv, now) -> headers), copies);
  }

  /** From now on events wait, until {@link #release}. */
  synchronized void hold() {
    holding = true;
  }

  /** Sends the held events, one POST per webhook with all its held events, and stops holding. */
  synchronized int release() {
    holding = false;
    int n = 0;
    for (Sub s : subs) {
      List<Event> events = held.remove(s.webhook().id());
      if (events != null && !events.isEmpty()) {
        send(s, events, nextDuplicates + 1);
        nextDuplicates = 0;
        n++;
      }
    }
    held.clear();
    return n;
  }

  /** The next POST is sent {@code times} more times (same events, same ids). */
  synchronized void duplicateNext(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1, was " + times);
    }
    nextDuplicates = times;
  }

  /** Sends an earlier event again, alone, to every webhook that got it. */
  synchronized void redeliver(String eventId) {
    Event e = produced.get(eventId);
    if (e == null) {
      throw new IllegalArgumentException("unknown event id " + eventId);
    }
    for (Sub s : subs) {
      if (e.webhookIds().contains(s.webhook().id())) {
        send(s, List.of(e), 1);
      }
    }
  }

  /** Every POST from now on is sent {@code copies} times, each after a random wait up to {@code jitter}. */
  synchronized void chaos(int copies, Duration jitter) {
    chaosCopies = copies;
    chaosJitter = jitter;
    applyPolicy();
  }

  /**
   * A POST that gets no answer (refused, reset, timed out) is retried beyond the 5 attempts, every 8 units at most,
   * for up to {@code window}: a load balancer holding requests while a connector restarts (plain SunCo gives up).
   */
  synchronized void redeliverWhileUnreachable(Duration window) {
    unreachableWindow = window;
    applyPolicy();
  }

  void route(List<URI> endpoints) {
    sender.route(endpoints);
  }

  private void applyPolicy() {
    RetryPolicy p = policy(config.retryUnit(), config.deliveryTimeout());
    if (!unreachableWindow.isZero()) {
      long gap = config.retryUnit().multipliedBy(8).toMillis();
      long attempts = 5 + unreachableWindow.toMillis() / Math.max(1, gap) + 1;
      List<Retry> retries = new ArrayList<>(p.retries());
      retries.add(Retry.unanswered((int) Math.min(Integer.MAX_VALUE, attempts)));
      p = p.withRetries(retries);
    }
    sender.policy(p.withChaos(chaosCopies, chaosJitter));
  }

  synchronized List<String> eventIds(String conversationId) {
    return produced.values().stream().filter(e -> e.conversationId().equals(conversationId)).map(Event::id)
        .toList();
  }

  List<DeliveryAttempt> attempts() {
    return sender.attempts();
  }

  int pending() {
    return sender.pending();
  }

  boolean awaitIdle(Duration timeout) {
    return sender.awaitIdle(timeout);
  }

  synchronized void reset() {
    subs.clear();
    produced.clear();
    held.clear();
    holding = false;
    nextDuplicates = 0;
    batches = 0;
    chaosCopies = 1;
    chaosJitter = Duration.ZERO;
    unreachableWindow = Duration.ZERO;
    applyPolicy();
    sender.route(List.of());
    sender.reset();
  }

  @Override
  public void close() {
    sender.close();
  }
}
