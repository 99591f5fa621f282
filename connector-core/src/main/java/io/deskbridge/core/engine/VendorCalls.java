package io.deskbridge.core.engine;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call to one installation's vendor through resilience4j: a retry around a circuit breaker
 * around a rate limiter, and the vendor's error mapper. Their state is exposed as meters tagged with
 * {@code name=vendor-<installation>}.
 *
 * <ul>
 *   <li>The circuit breaker (one per installation) opens when at least half of the last 20 calls failed
 *       because the vendor was unavailable or timed out, and stays open for the policy's
 *       {@code circuitOpenFor}. While it is open, or when the rate limiter has no permit within a second, calls
 *       fail at once with {@link VendorException.Kind#PAUSED}, which the engine treats as "wait",
 *       not as a failed attempt.</li>
 *   <li>The rate limiter spreads the vendor's per-minute budget over seconds (below 60 a minute, one call every
 *       {@code 60 / budget} seconds).</li>
 *   <li>Waits inside a call are bounded by the retry policy, so a worker holds a conversation's lease only
 *       briefly; a vendor asking for a longer pause (Retry-After) gets it through the engine scheduling the
 *       work again. Reads are retried on every retriable failure; writes only when the request was not
 *       processed (its kind is {@link VendorException.Kind#notProcessed()}: rate limited, not processed, paused): after any other failure nobody knows whether the write happened, so
 *       it goes back to the engine, which checks the vendor's state before writing again.</li>
 * </ul>
 * Thread-safe.
 */
final class VendorCalls {
  private static final Logger log = LoggerFactory.getLogger(VendorCalls.class);

  private final String installationId;
  private final ErrorMapper mapper;
  private final CircuitBreaker breaker;
  private final Duration openFor;
  private final RateLimiterRegistry limiters;
  private final String name;
  private volatile RateLimiter limiter;
  private final Retry reads;
  private final Retry writes;
  private final Duration bestEffortTimeout;
  /** Runs {@link #bestEffort} calls, so that the caller can stop waiting; daemon threads, none while idle. */
  private final ExecutorService bestEffortRunner;
  /** Best-effort calls of one installation that may run at once. */
  static final int BEST_EFFORT_AT_ONCE = 2;

  /**
   * @param requestsPerMinute the vendor budget to stay under; 0 for none
   * @param meters            where the breaker, limiter and retries report
   */
  VendorCalls(String installationId, ErrorMapper mapper, RetryPolicy policy, int requestsPerMinute, MeterRegistry meters) {
    this.installationId = installationId;
    this.mapper = mapper;
    this.name = "vendor-" + installationId;
    var breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(policy.circuitOpenFor())
        .permittedNumberOfCallsInHalfOpenState(3)
        // the vendor being down or slow opens the circuit; its rate limit is handled by Retry-After
        .recordException(e -> e instanceof VendorException v && (v.kind() == VendorException.Kind.UNAVAILABLE
            || v.kind() == VendorException.Kind.NOT_PROCESSED))
        .build());
    this.openFor = policy.circuitOpenFor();
    this.bestEffortTimeout = policy.bestEffortTimeout();
    var threads = new AtomicInteger();
    this.bestEffortRunner = new ThreadPoolExecutor(0, BEST_EFFORT_AT_ONCE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          var t = new Thread(r, "deskbridge-best-effort-" + installationId + "-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.breaker = breakers.circuitBreaker(name);
    breaker.getEventPublisher().onStateTransition(e -> log.warn("{}: circuit {}", installationId, e.getStateTransition()));
    this.limiters = RateLimiterRegistry.of(limit(requestsPerMinute));
    this.limiter = limiters.rateLimiter(name);
    var retries = RetryRegistry.ofDefaults();
    this.reads = retries.retry(name + "-read", retryConfig(policy,
        e -> e instanceof VendorException v && v.retriable() && shortWait(e, policy)));
    this.writes = retries.retry(name + "-write", retryConfig(policy, e -> notProcessed(e) && shortWait(e, policy)));
    for (var retry : new Retry[] {reads, writes}) {
      retry.getEventPublisher().onRetry(e -> log.warn("{}: {} after {} ms: {}", installationId, e.getName(),
          e.getWaitInterval().toMillis(), e.getLastThrowable().getMessage()));
    }
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
  }

  /**
   * The limiter for a per-minute budget: whole permits per second from 60 a minute, below that one permit every
   * {@code 60 / requestsPerMinute} seconds (a Salesforce org's share of its daily allocation can be 5 a minute).
   */
  static RateLimiterConfig limit(int requestsPerMinute) {
    var config = RateLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(1));
    if (requestsPerMinute <= 0) {
      return config.limitForPeriod(Integer.MAX_VALUE / 2).limitRefreshPeriod(Duration.ofSeconds(1)).build();
    }
    if (requestsPerMinute >= 60) {
      return config.limitForPeriod(requestsPerMinute / 60).limitRefreshPeriod(Duration.ofSeconds(1)).build();
    }
    return config.limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis(60_000L / requestsPerMinute)).build();
  }

  /** Sets the vendor budget anew, for example once the vendor's start-up calls told the connector its allocation. */
  void budget(int requestsPerMinute) {
    var config = limit(requestsPerMinute);
    if (!config.getLimitRefreshPeriod().equals(limiter.getRateLimiterConfig().getLimitRefreshPeriod())
        || config.getLimitForPeriod() != limiter.getRateLimiterConfig().getLimitForPeriod()) {
      var fresh = RateLimiter.of(name, config);
      limiters.replace(name, fresh); // the registry's meters follow the replacement
      limiter = fresh;
    }
  }

  /** Whether the request was not processed (refused by the vendor or never sent), so sending it again cannot duplicate it. */
  static boolean notProcessed(Throwable e) {
    return e instanceof VendorException v && v.notProcessed();
  }

  /** Whether the call was not made because the circuit is open or our rate limit is used up. */
  static boolean paused(Throwable e) {
    return e instanceof VendorException v && v.kind() == VendorException.Kind.PAUSED;
  }

  /**
   * Whether the work should wait without counting an attempt: our own pause, or the vendor's rate limit (a
   * Salesforce org over its daily allocation stays so for hours; counting those refusals would dead-letter every
   * message arriving meanwhile). Work that waits is never given up on; it goes on when the vendor takes calls again.
   */
  static boolean waitsWithoutCounting(Throwable e) {
    return e instanceof VendorException v
        && (v.kind() == VendorException.Kind.PAUSED || v.kind() == VendorException.Kind.RATE_LIMITED);
  }

  /** Whether the vendor's Retry-After (if any) is short enough to wait for in the call. */
  private static boolean shortWait(Throwable e, RetryPolicy policy) {
    return !(e instanceof VendorException v)
        || v.retryAfter().map(d -> d.compareTo(policy.maxDelay()) <= 0).orElse(true);
  }

  private static RetryConfig retryConfig(RetryPolicy policy, Predicate<Throwable> retryOn) {
    IntervalBiFunction<Object> interval = (attempt, outcome) -> {
      long base = policy.initialDelay().toMillis() << Math.min(attempt - 1, 16);
      long wait = ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(base, policy.maxDelay().toMillis())) + 1);
      if (outcome.isLeft() && outcome.getLeft() instanceof VendorException v && v.retryAfter().isPresent()) {
        wait = Math.max(wait, v.retryAfter().get().toMillis());
      }
      return Math.min(wait, policy.maxDelay().toMillis());
    };
    return RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(retryOn)
        .failAfterMaxAttempts(false)
        .build();
  }

  /**
   * Reads from the vendor, retrying retriable failures.
   *
   * @throws VendorException the last failure once retries are used up, or the first non-retriable one
   */
  <T> T read(String what, Supplier<T> call) {
    return reads.executeSupplier(() -> guarded(what, call));
  }

  /**
   * Writes to the vendor, retrying only failures the request was not processed in.
   *
   * @throws VendorException the last such failure once retries are used up, or any other failure at once
   */
  <T> T write(String what, Supplier<T> call) {
    return write(what, () -> {}, call);
  }

  /**
   * Writes to the vendor like {@link #write(String, Supplier)}, running {@code beforeEachAttempt} before every
   * attempt, retries included. Its exceptions are not the vendor's: they end the write at once, unmapped and not
   * counted by the circuit breaker.
   */
  <T> T write(String what, Runnable beforeEachAttempt, Supplier<T> call) {
    return writes.executeSupplier(() -> {
      beforeEachAttempt.run();
      return guarded(what, call);
    });
  }

  /**
   * A call whose result core can do without (the typing indicator, the agents' availability): one attempt, neither
   * retried nor recorded by the circuit breaker (its failures never pause the vendor's other calls). It is skipped,
   * without counting anything, while the breaker is open (the vendor is known to be down: waiting for it would only
   * delay the reply) or when no rate-limiter permit is free at once. It is bounded by the policy's
   * {@link RetryPolicy#bestEffortTimeout()}: the caller waits no longer, the call is interrupted and goes on without
   * its result. At most {@value #BEST_EFFORT_AT_ONCE} such calls of one installation run at once; while that many
   * still hang, further ones are skipped, so a hanging vendor never piles up threads.
   *
   * @return the call's result, or empty when it was skipped, failed or timed out (logged at debug level); never
   *     throws
   */
  <T> Optional<T> bestEffort(String what, Supplier<T> call) {
    var state = breaker.getState();
    if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
      log.debug("{}: {} skipped: the circuit is open", installationId, what);
      return Optional.empty();
    }
    if (limiter.getMetrics().getAvailablePermissions() < 1 || !limiter.acquirePermission()) {
      log.debug("{}: {} skipped: the vendor's calls are at their limit", installationId, what);
      return Optional.empty();
    }
    Future<T> future;
    try {
      future = bestEffortRunner.submit(() -> mapped(what, call));
    } catch (RejectedExecutionException e) {
      log.debug("{}: {} skipped: earlier ones are still waiting for the vendor", installationId, what);
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(future.get(bestEffortTimeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      future.cancel(true);
      log.debug("{}: {} took longer than {} ms, going on without it", installationId, what,
          bestEffortTimeout.toMillis());
      return Optional.empty();
    } catch (ExecutionException e) {
      log.debug("{}: {} failed, going on without it: {}", installationId, what, e.getCause().toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The circuit breaker, for tests. */
  CircuitBreaker breaker() {
    return breaker;
  }

  private <T> T guarded(String what, Supplier<T> call) {
    try {
      return breaker.executeSupplier(RateLimiter.decorateSupplier(limiter, () -> mapped(what, call)));
    } catch (CallNotPermittedException e) {
      throw new VendorException(VendorException.Kind.PAUSED,
          installationId + ": circuit open after repeated vendor failures", openFor, e);
    } catch (RequestNotPermitted e) {
      throw new VendorException(VendorException.Kind.PAUSED,
          installationId + ": own rate limit reached", limiter.getRateLimiterConfig().getLimitRefreshPeriod(), e);
    }
  }

  private <T> T mapped(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (VendorException e) {
      throw e;
    } catch (RuntimeException e) {
      VendorException mapped = mapper.map(e);
      log.debug("{}: {} failed: {}", installationId, what, mapped.getMessage());
      throw mapped;
    }
  }
}
