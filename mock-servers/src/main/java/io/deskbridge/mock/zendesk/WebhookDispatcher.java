package io.deskbridge.mock.zendesk;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed webhook requests the way Zendesk does (§1.3–§1.5): asynchronously, in production
 * order per (webhook, ticket), retrying 409 up to 3 times, 429/503 with {@code Retry-After} under
 * 60 s and timeouts up to {@code maxRetries} times; other failures are not retried.
 *
 * <p>Thread-safe: switches and the pending count are guarded by this object's monitor, the rest
 * lives in concurrent structures.
 */
final class WebhookDispatcher implements AutoCloseable {
  static final String STATIC_TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  /** One produced event (or rendered trigger body) for one webhook; kept for redelivery. */
  private record Event(Model.Webhook webhook, long ticketId, String eventId, byte[] body) {}

  /** One invocation: an event plus the test switches that apply to all its attempts. */
  private record Job(Event event, long invocationId, boolean staticSecret, boolean corrupt,
      Duration skew, long epoch) {}

  private final ZendeskFake.Config config;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final HttpClient http;
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final Map<String, Event> events = new ConcurrentHashMap<>();
  // appended on every delivery: a copy-on-write list would copy all records each time
  private final Queue<DeliveryRecord> records = new ConcurrentLinkedQueue<>();
  private final AtomicLong invocationIds = new AtomicLong(5_000_000_001L);
  private volatile long epoch;
  private int pending;
  private boolean nextStaticSecret;
  private boolean nextCorrupt;
  private int nextDuplicates;
  private Duration nextSkew = Duration.ZERO;
  private volatile ZendeskFake.Chaos chaos = ZendeskFake.Chaos.NONE;
  private volatile List<java.net.URI> route = List.of();
  private final AtomicLong routed = new AtomicLong();

  WebhookDispatcher(ZendeskFake.Config config) {
    this.config = config;
    this.executor = Executors.newCachedThreadPool(daemon("zendesk-fake-webhook"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("zendesk-fake-retry"));
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.deliveryTimeout()).executor(executor).build();
  }

  /** Queues a produced event; the pending one-shot switches apply to it. */
  synchronized void enqueue(Model.Webhook webhook, long ticketId, String eventId, byte[] body) {
    Event event = new Event(webhook, ticketId, eventId, body);
    events.put(eventId, event);
    int copies = Math.max(nextDuplicates + 1, chaos.copies());
    for (int copy = 0; copy < copies; copy++) {
      schedule(new Job(event, invocationIds.getAndIncrement(), nextStaticSecret, nextCorrupt,
          nextSkew, epoch));
    }
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
    schedule(new Job(event, invocationIds.getAndIncrement(), false, false, Duration.ZERO, epoch));
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
    this.chaos = chaos;
  }

  void route(List<java.net.URI> endpoints) {
    this.route = List.copyOf(endpoints);
  }

  List<DeliveryRecord> records() {
    return List.copyOf(records);
  }

  synchronized int pending() {
    return pending;
  }

  synchronized boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (pending > 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Forgets events, records and switches; deliveries still in flight are dropped unrecorded. */
  synchronized void reset() {
    epoch++;
    tails.clear();
    events.clear();
    records.clear();
    nextStaticSecret = false;
    nextCorrupt = false;
    nextDuplicates = 0;
    nextSkew = Duration.ZERO;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    scheduler.shutdownNow();
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

  // guarded by this
  private void schedule(Job job) {
    pending++;
    var mayhem = chaos;
    if (!mayhem.jitter().isZero()) { // out of order: each copy on its own after a random delay
      long delay = java.util.concurrent.ThreadLocalRandom.current().nextLong(mayhem.jitter().toMillis() + 1);
      later(Duration.ofMillis(delay)).thenComposeAsync(v -> attempt(job, 1), executor).handle(this::done);
      return;
    }
    String key = job.event().webhook().id() + "/" + job.event().ticketId();
    tails.compute(key, (k, tail) -> (tail == null ? DONE : tail)
        .thenComposeAsync(v -> attempt(job, 1), executor)
        .handle(this::done));
  }

  private Void done(Void v, Throwable error) {
    if (error != null && !executor.isShutdown()) {
      LOG.warn("webhook delivery failed unexpectedly", error);
    }
    finished();
    return null;
  }

  /** The endpoint of one attempt: the webhook's own, or the next of the route (a load balancer). */
  private java.net.URI endpoint(Event e) {
    var endpoints = route;
    return endpoints.isEmpty() ? e.webhook().endpoint()
        : endpoints.get((int) (routed.getAndIncrement() % endpoints.size()));
  }

  private synchronized void finished() {
    pending--;
    notifyAll();
  }

  private CompletableFuture<Void> attempt(Job job, int attempt) {
    if (job.epoch() != epoch) {
      return DONE;
    }
    Event e = job.event();
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(
        config.clock().instant().plus(job.skew()).truncatedTo(ChronoUnit.SECONDS));
    String secret = job.staticSecret() ? STATIC_TEST_SECRET : e.webhook().secret();
    String signature = sign(job.corrupt() ? secret + "-corrupted" : secret, timestamp,
        hasBody(e) ? e.body() : new byte[0]);
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(e))
        .timeout(config.deliveryTimeout())
        .method(e.webhook().httpMethod(), hasBody(e) ? HttpRequest.BodyPublishers.ofByteArray(e.body())
            : HttpRequest.BodyPublishers.noBody())
        .header("Content-Type", "application/json")
        .header("User-Agent", "Zendesk Webhook")
        .header("x-zendesk-account-id", String.valueOf(config.accountId()))
        .header("x-zendesk-webhook-id", e.webhook().id())
        .header("x-zendesk-webhook-invocation-id", String.valueOf(job.invocationId()))
        .header("x-zendesk-webhook-signature-timestamp", timestamp)
        .header("x-zendesk-webhook-signature", signature);
    e.webhook().authHeaders().forEach(request::header);
    Instant sentAt = config.clock().instant();
    long sentNanos = System.nanoTime();
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .handle((response, error) -> {
          Duration elapsed = Duration.ofNanos(System.nanoTime() - sentNanos);
          if (job.epoch() != epoch) {
            return DONE;
          }
          int status = response == null ? -1 : response.statusCode();
          records.add(new DeliveryRecord(e.webhook().id(), e.eventId(), job.invocationId(), attempt,
              status, Json.utf8(e.body()), e.ticketId(), sentAt, elapsed));
          Duration delay = retryDelay(attempt, response, error);
          if (delay == null && response == null && unreachable(error)
              && attempt * config.retryBackoff().toMillis() <= chaos.retryUnreachableFor().toMillis()) {
            delay = config.retryBackoff(); // as a load balancer holding requests while a backend restarts
          }
          if (delay == null) {
            if (status < 200 || status > 299) {
              LOG.info("webhook {} event {} attempt {} ended with {}", e.webhook().id(),
                  e.eventId(), attempt, status == -1 ? String.valueOf(error) : status);
            }
            return DONE;
          }
          return later(delay).thenCompose(v -> attempt(job, attempt + 1));
        })
        .thenCompose(f -> f);
  }

  /** §1.5 retry rules; {@code null} means no retry. */
  private Duration retryDelay(int attempt, HttpResponse<?> response, Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      return cause instanceof HttpTimeoutException && attempt <= config.maxRetries()
          ? config.retryBackoff() : null;
    }
    int status = response.statusCode();
    if (status == 409) {
      return attempt <= 3 ? config.retryBackoff() : null;
    }
    if ((status == 429 || status == 503) && attempt <= config.maxRetries()) {
      long retryAfter;
      try {
        retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(Long.MAX_VALUE);
      } catch (NumberFormatException notSeconds) {
        return null;
      }
      if (retryAfter < 60) {
        Duration wait = Duration.ofSeconds(retryAfter);
        return wait.compareTo(config.retryBackoff()) < 0 ? wait : config.retryBackoff();
      }
    }
    return null;
  }

  private static boolean unreachable(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof java.net.ConnectException || cause instanceof java.io.IOException;
  }

  private CompletableFuture<Void> later(Duration delay) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    scheduler.schedule(() -> f.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
    return f;
  }

  private static boolean hasBody(Event e) {
    return !List.of("GET", "DELETE").contains(e.webhook().httpMethod());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
