package io.deskbridge.core.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.deskbridge.core.knowledge.ArticleLookup;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One installation's back office over HTTP: {@code GET baseUrl + path} with the configured credential header and
 * {@code Accept: application/json}, through the JDK's {@link HttpClient}.
 *
 * <ul>
 *   <li><b>Timeout</b>: a resilience4j {@link TimeLimiter} bounds each call by {@link BackOfficeConfig#timeout()}
 *       (and the request carries the same timeout, so the connection is given up too).
 *   <li><b>Circuit breaker</b>: a resilience4j {@link CircuitBreaker} on the engine's clock counts timeouts, I/O
 *       errors and 5xx answers; with half of the last 10 calls failed (at least 5) it opens for
 *       {@link BackOfficeConfig#circuitOpenFor()}, and lookups fail at once without a call.
 *   <li><b>Cache</b>: found records are kept by URL for {@link BackOfficeConfig#cacheTtl()} on the engine's clock
 *       (Caffeine, bounded by {@link BackOfficeConfig#cacheSize()}); nothing else is cached. resilience4j's own cache
 *       module needs a JCache provider and a second cache configuration for one map, so Caffeine is used directly.
 * </ul>
 *
 * <p>Never throws for the back office's behaviour: every outcome is a {@link Fetch}. Thread-safe. The credential
 * never reaches a log or a message.
 */
final class BackOffice {

  private static final Logger log = LoggerFactory.getLogger(BackOffice.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one lookup gave. */
  sealed interface Fetch {
    /** A JSON object was found. */
    record Found(JsonNode record) implements Fetch {}

    /** The back office says there is no such record (404 or 410). */
    record NotFound() implements Fetch {}

    /**
     * No answer to use.
     *
     * @param reason the decision's reason code: {@code lookup_timeout}, {@code lookup_circuit_open} or
     *               {@code lookup_error}
     * @param detail for the log: the status or the failure, never the credential
     */
    record Failed(String reason, String detail) implements Fetch {}
  }

  /** A 5xx answer or an unusable body: counted by the circuit breaker. */
  private static final class ServerFault extends Exception {
    private static final long serialVersionUID = 1L;

    ServerFault(String message) {
      super(message, null, false, false);
    }
  }

  private final String installation;
  private final BackOfficeConfig config;
  private final HttpClient http;
  private final TimeLimiter timeLimiter;
  private final CircuitBreaker breaker;
  private final Cache<String, JsonNode> cache;
  private final IdentityCheck identity;

  BackOffice(String installation, BackOfficeConfig config, Clock clock) {
    this.installation = Objects.requireNonNull(installation, "installation");
    this.config = Objects.requireNonNull(config, "config");
    this.identity = config.identity().check();
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(config.timeout())
        .cancelRunningFuture(true).build());
    this.breaker = CircuitBreaker.of("backOffice-" + installation, CircuitBreakerConfig.custom()
        .clock(clock)
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(config.circuitOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordExceptions(ServerFault.class, TimeoutException.class, IOException.class)
        .build());
    this.cache = Caffeine.newBuilder()
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run)
        .expireAfterWrite(config.cacheTtl())
        .maximumSize(config.cacheSize())
        .build();
  }

  /** Whose records these are: the installation's identity paths. */
  IdentityCheck identity() {
    return identity;
  }

  /** The circuit breaker's state, for tests and the log. */
  CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  /** Reads the record of {@code lookup} for {@code key} (URL-encoded here). */
  Fetch fetch(ArticleLookup lookup, String key) {
    String url = config.baseUrl() + lookup.path(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"));
    if (!config.cacheTtl().isZero()) {
      JsonNode cached = cache.getIfPresent(url);
      if (cached != null) {
        return new Fetch.Found(cached);
      }
    }
    Fetch fetch;
    try {
      fetch = breaker.executeCallable(() -> call(url));
    } catch (CallNotPermittedException e) {
      return new Fetch.Failed("lookup_circuit_open", "the circuit breaker is open");
    } catch (TimeoutException | HttpTimeoutException e) {
      fetch = new Fetch.Failed("lookup_timeout", "no answer within " + config.timeout().toMillis() + " ms");
    } catch (Exception e) {
      fetch = new Fetch.Failed("lookup_error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    if (fetch instanceof Fetch.Found found && !config.cacheTtl().isZero()) {
      cache.put(url, found.record());
    }
    if (fetch instanceof Fetch.Failed failed) {
      log.warn("installation {}: back-office lookup GET {} failed ({}): {}", installation, lookup.path(),
          failed.reason(), failed.detail());
    }
    return fetch;
  }

  private Fetch call(String url) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout()).GET()
        .header("Accept", "application/json").header("User-Agent", "Deskbridge");
    if (config.authValue() != null) {
      request.header(config.authHeader(), config.authValue().reveal());
    }
    HttpResponse<String> response;
    try {
      response = timeLimiter.executeFutureSupplier(
          () -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    int status = response.statusCode();
    if (status == 404 || status == 410) {
      return new Fetch.NotFound();
    }
    if (status >= 500) {
      throw new ServerFault("HTTP " + status);
    }
    if (status == 401 || status == 403) {
      return new Fetch.Failed("lookup_error", "HTTP " + status + ": the back office refused the credential; check "
          + "installations[" + installation + "].backOffice.authValue and authHeader");
    }
    if (status != 200) {
      return new Fetch.Failed("lookup_error", "HTTP " + status);
    }
    JsonNode record;
    try {
      record = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ServerFault("the answer is not JSON");
    }
    if (record == null || !record.isObject()) {
      throw new ServerFault("the answer is not a JSON object");
    }
    return new Fetch.Found(record);
  }
}
