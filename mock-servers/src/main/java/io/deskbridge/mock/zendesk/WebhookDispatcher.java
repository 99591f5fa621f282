package io.deskbridge.mock.zendesk;

import io.deskbridge.mock.base.Delivery;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import io.deskbridge.mock.base.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends signed webhook requests the way Zendesk does (§1.3–§1.5) through a {@link WebhookSender}: asynchronously, in
 * production order per (webhook, ticket), retrying 409 up to 3 times, 429/503 with {@code Retry-After} under 60 s and
 * timeouts up to {@code maxRetries} times; other failures are not retried ({@link #policy}). This class adds Zendesk's
 * headers and signature, and the one-shot test switches.
 *
 * <p>Thread-safe: switches are guarded by this object's monitor, the rest lives in the sender and concurrent maps.
 */
final class WebhookDispatcher implements AutoCloseable {
  static final String STATIC_TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

  /** One produced event (or rendered trigger body) for one webhook; kept for redelivery. */
  private record Event(Model.Webhook webhook, long ticketId, String eventId, byte[] body) {}

  private final ZendeskFakeConfig config;
  private final WebhookSender sender;
  private final Map<String, Event> events = new ConcurrentHashMap<>();
  private boolean nextStaticSecret;
  private boolean nextCorrupt;
  private int nextDuplicates;
  private Duration nextSkew = Duration.ZERO;

  WebhookDispatcher(ZendeskFakeConfig config) {
    this.config = config;
    this.sender = new WebhookSender("zendesk-fake-webhook", policy(config, ZendeskFake.Chaos.NONE), config.clock());
  }

  /**
   * Zendesk's retry rules (§1.5) with the configured timeout, retries and back-off (a shorter Retry-After wins), plus
   * the chaos: copies, jitter, and retrying unreachable receivers every back-off for a while (a load balancer holding
   * requests while a backend restarts; plain Zendesk would give up).
   */
  static RetryPolicy policy(ZendeskFakeConfig config, ZendeskFake.Chaos chaos) {
    List<Retry> retries = new ArrayList<>(List.of(
        Retry.statuses(4, 409),
        Retry.statuses(config.maxRetries() + 1, 429, 503).onlyWithRetryAfterBelow(Duration.ofSeconds(60)),
        Retry.timeouts(config.maxRetries() + 1)));
    if (!chaos.retryUnreachableFor().isZero()) {
      long backoff = config.retryBackoff().toMillis();
      long attempts = backoff == 0 ? Integer.MAX_VALUE : chaos.retryUnreachableFor().toMillis() / backoff + 1;
      retries.add(Retry.unanswered((int) Math.min(Integer.MAX_VALUE, attempts)));
    }
    return RetryPolicy.of(config.deliveryTimeout(), Backoff.fixed(config.retryBackoff()), retries)
        .withChaos(chaos.copies(), chaos.jitter());
  }

  /** Queues a produced event; the pending one-shot switches apply to it. */
  synchronized void enqueue(Model.Webhook webhook, long ticketId, String eventId, byte[] body) {
    Event event = new Event(webhook, ticketId, eventId, body);
    events.put(eventId, event);
    sender.send(delivery(event, nextStaticSecret, nextCorrupt, nextSkew), nextDuplicates + 1);
    nextStaticSecret = false;
    nextCorrupt = false;
    nextDuplicates = 0;
    nextSkew = Duration.ZERO;
  }

  synchronized void redeliver(String eventId) {
    Event event = events.get(eventId);
    if (event == null) {
      throw new IllegalArgumentException("unknown event id " + eventId);
    }
    sender.send(delivery(event, false, false, Duration.ZERO), 1);
  }

  synchronized void staticSecretNext() {
    nextStaticSecret = true;
  }

  synchronized void corruptNext() {
    nextCorrupt = true;
  }

  synchronized void duplicateNext(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    nextDuplicates = times;
  }

  synchronized void skewNext(Duration skew) {
    nextSkew = skew;
  }

  void chaos(ZendeskFake.Chaos chaos) {
    sender.policy(policy(config, chaos));
  }

  void route(List<URI> endpoints) {
    sender.route(endpoints);
  }

  List<DeliveryRecord> records() {
    return sender.attempts().stream().map(a -> new DeliveryRecord(a.target(), a.messageId(), a.invocationId(),
        a.attempt(), a.statusCode(), a.body(), Long.parseLong(a.conversation()), a.sentAt(), a.elapsed())).toList();
  }

  int pending() {
    return sender.pending();
  }

  boolean awaitIdle(Duration timeout) {
    return sender.awaitIdle(timeout);
  }

  /** Forgets events, records and switches; deliveries still in flight are dropped unrecorded. */
  synchronized void reset() {
    sender.reset();
    events.clear();
    nextStaticSecret = false;
    nextCorrupt = false;
    nextDuplicates = 0;
    nextSkew = Duration.ZERO;
  }

  @Override
  public void close() {
    sender.close();
  }

  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The event as a delivery whose every attempt is signed at its own time, with the switches given. */
  private Delivery delivery(Event e, boolean staticSecret, boolean corrupt, Duration skew) {
    Model.Webhook w = e.webhook();
    boolean hasBody = !List.of("GET", "DELETE").contains(w.httpMethod());
    return new Delivery(w.id(), e.eventId(), String.valueOf(e.ticketId()), w.endpoint(), w.httpMethod(),
        "application/json", e.body(), (invocationId, now) -> {
          String timestamp = DateTimeFormatter.ISO_INSTANT.format(
              now.plus(skew).truncatedTo(ChronoUnit.SECONDS));
          String secret = staticSecret ? STATIC_TEST_SECRET : w.secret();
          String signature = sign(corrupt ? secret + "-corrupted" : secret, timestamp,
              hasBody ? e.body() : new byte[0]);
          Map<String, String> h = new LinkedHashMap<>();
          h.put("User-Agent", "Zendesk Webhook");
          h.put("x-zendesk-account-id", String.valueOf(config.accountId()));
          h.put("x-zendesk-webhook-id", w.id());
          h.put("x-zendesk-webhook-invocation-id", String.valueOf(invocationId));
          h.put("x-zendesk-webhook-signature-timestamp", timestamp);
          h.put("x-zendesk-webhook-signature", signature);
          h.putAll(w.authHeaders());
          return h;
        });
  }
}
