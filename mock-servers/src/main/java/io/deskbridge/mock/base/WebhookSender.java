package io.deskbridge.mock.base;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a fake's webhook messages the way its vendor does, by a {@link RetryPolicy}: asynchronously, one copy per
 * invocation id, retried on the fake's clock (see {@link SteppedClock}), in production order per key (target and
 * conversation) when the policy is ordered. Every attempt is recorded ({@link #attempts()}).
 *
 * <p>Thread-safe: the pending count and the policy are guarded by this object's monitor, the rest lives in
 * concurrent structures.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  /** One copy of a message: its invocation id and when the message was produced. */
  private record Copy(Delivery delivery, long invocationId, Instant producedAt, long epoch) {}

  private final Clock clock;
  private final ExecutorService executor;
  private final Scheduler scheduler;
  private final HttpClient http;
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  // appended on every attempt: a copy-on-write list would copy all records each time
  private final Queue<DeliveryAttempt> attempts = new ConcurrentLinkedQueue<>();
  private final AtomicLong invocationIds = new AtomicLong(5_000_000_001L);
  private final AtomicLong routed = new AtomicLong();
  private volatile RetryPolicy policy;
  private volatile List<URI> route = List.of();
  private volatile long epoch;
  private int pending;

  /**
   * @param name the threads' name prefix (e.g. {@code zendesk-fake-webhook})
   * @param clock the fake's clock: attempt times, and the waits (a {@link SteppedClock} makes them wait for steps)
   */
  public WebhookSender(String name, RetryPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Executors.newCachedThreadPool(Scheduler.daemon(name));
    this.scheduler = new Scheduler(clock, name + "-retry");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(policy.timeout()).executor(executor).build();
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** Replaces the policy for copies sent from now on (the attempt timeout stays the first policy's for connecting). */
  public void policy(RetryPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Sends {@code delivery} as the policy says ({@link RetryPolicy#copies()} copies). */
  public void send(Delivery delivery) {
    send(delivery, 1);
  }

  /** Sends {@code delivery} in {@code copies} copies, or the policy's number of copies when that is larger. */
  public synchronized void send(Delivery delivery, int copies) {
    RetryPolicy p = policy;
    Instant producedAt = clock.instant();
    for (int i = 0, n = Math.max(copies, p.copies()); i < n; i++) {
      schedule(new Copy(delivery, invocationIds.getAndIncrement(), producedAt, epoch), p);
    }
  }

  /**
   * Sends every attempt to the next of these endpoints in turn instead of the delivery's own, as a load balancer in
   * front of several receivers; an empty list restores each delivery's endpoint.
   */
  public void route(List<URI> endpoints) {
    this.route = List.copyOf(endpoints);
  }

  /** Every attempt so far, in completion order. */
  public List<DeliveryAttempt> attempts() {
    return List.copyOf(attempts);
  }

  /** Copies queued, in flight or waiting to retry. */
  public synchronized int pending() {
    return pending;
  }

  /** Waits (real time) until no copy is pending; {@code false} on timeout. Waits on a stepped clock need steps. */
  public synchronized boolean awaitIdle(Duration timeout) {
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

  /** Forgets the attempts and the order; copies still in flight or waiting are dropped unrecorded. */
  public synchronized void reset() {
    epoch++;
    tails.clear();
    attempts.clear();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    scheduler.close();
  }

  // guarded by this
  private void schedule(Copy copy, RetryPolicy p) {
    pending++;
    if (!p.jitter().isZero()) { // out of order: each copy on its own after a random wait
      long wait = ThreadLocalRandom.current().nextLong(p.jitter().toMillis() + 1);
      scheduler.after(Duration.ofMillis(wait)).thenComposeAsync(v -> attempt(copy, 1), executor)
          .handle(this::done);
      return;
    }
    if (!p.ordered()) {
      CompletableFuture.supplyAsync(() -> attempt(copy, 1), executor).thenCompose(f -> f).handle(this::done);
      return;
    }
    Delivery d = copy.delivery();
    tails.compute(d.target() + "/" + d.conversation(), (k, tail) -> (tail == null ? DONE : tail)
        .thenComposeAsync(v -> attempt(copy, 1), executor)
        .handle(this::done));
  }

  private Void done(Void v, Throwable error) {
    if (error != null && !executor.isShutdown()) {
      LOG.warn("webhook delivery failed unexpectedly", error);
    }
    finished();
    return null;
  }

  private synchronized void finished() {
    pending--;
    notifyAll();
  }

  /** The endpoint of one attempt: the delivery's own, or the next of the route. */
  private URI endpoint(Delivery d) {
    List<URI> endpoints = route;
    return endpoints.isEmpty() ? d.endpoint()
        : endpoints.get((int) (routed.getAndIncrement() % endpoints.size()));
  }

  private CompletableFuture<Void> attempt(Copy copy, int attempt) {
    if (copy.epoch() != epoch) {
      return DONE;
    }
    RetryPolicy p = policy;
    Delivery d = copy.delivery();
    Instant sentAt = clock.instant();
    byte[] body = d.bodyAt(sentAt);
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(d)).timeout(p.timeout())
        .method(d.method(), d.hasBody() ? HttpRequest.BodyPublishers.ofByteArray(body)
            : HttpRequest.BodyPublishers.noBody())
        .header("Content-Type", d.contentType());
    d.headers().of(copy.invocationId(), sentAt).forEach(request::header);
    long sentNanos = System.nanoTime();
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .handle((response, error) -> {
          Duration elapsed = Duration.ofNanos(System.nanoTime() - sentNanos);
          if (copy.epoch() != epoch) {
            return DONE;
          }
          RetryPolicy.Outcome outcome = response != null
              ? new RetryPolicy.Outcome.Response(response.statusCode(), response.headers(), response.body())
              : failed(error);
          int status = response == null ? -1 : response.statusCode();
          boolean delivered = p.delivered(outcome);
          attempts.add(new DeliveryAttempt(d.target(), d.messageId(), d.conversation(), copy.invocationId(),
              attempt, status, delivered, new String(body, StandardCharsets.UTF_8), sentAt, elapsed));
          Optional<Duration> wait = p.retryAfter(attempt, outcome);
          if (wait.isPresent() && p.maxAge() != null
              && Duration.between(copy.producedAt(), clock.instant().plus(wait.get())).compareTo(p.maxAge()) > 0) {
            LOG.info("webhook {} message {} dropped: older than {}", d.target(), d.messageId(), p.maxAge());
            return DONE;
          }
          if (wait.isEmpty()) {
            if (!delivered) {
              LOG.info("webhook {} message {} attempt {} ended with {}", d.target(), d.messageId(), attempt,
                  outcome instanceof RetryPolicy.Outcome.Failed f ? f.reason() : status);
            }
            return DONE;
          }
          return scheduler.after(wait.get()).thenComposeAsync(v -> attempt(copy, attempt + 1), executor);
        })
        .thenCompose(f -> f);
  }

  private static RetryPolicy.Outcome failed(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return new RetryPolicy.Outcome.Failed(cause instanceof HttpTimeoutException, String.valueOf(cause));
  }
}
