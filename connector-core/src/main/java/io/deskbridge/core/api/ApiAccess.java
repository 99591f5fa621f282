package io.deskbridge.core.api;

import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.ApiConversation;
import io.deskbridge.core.store.ConversationApiStore.ApiKey;
import io.deskbridge.core.webhook.WebhookRequest;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who may call the Conversation API and how often: a request's API key is authenticated (and must belong to an api
 * installation this engine serves), each key is rate limited by its installation's setting, and a conversation is
 * served only to keys of the installation it belongs to. Every refusal is a {@link Problem} (401, 403, 404, 429)
 * for {@link ConversationApi} to answer with. Thread-safe.
 */
final class ApiAccess {
  private final Engine engine;
  private final ConversationApiStore store;
  private final ApiKeys keys;
  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

  ApiAccess(Engine engine, ConversationApiStore store, Clock clock) {
    this.engine = engine;
    this.store = store;
    this.keys = new ApiKeys(store, clock);
  }

  /**
   * The API key the request's {@code Authorization: Bearer} header carries.
   *
   * @throws Problem 401 when the header is missing or the key unknown or revoked; 403 when the key's installation is
   *                 not a Conversation API installation of this server
   */
  ApiKey authenticate(WebhookRequest request) {
    var header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Problem.of(401, "unauthorized", "Unauthorized", "send an API key: Authorization: Bearer <key> "
          + "(made with 'deskbridge api-key create')").withHeader("WWW-Authenticate", "Bearer");
    }
    var key = keys.authenticate(header.substring(7).strip()).orElseThrow(() -> Problem.of(401, "unauthorized",
        "Unauthorized", "the API key is not valid (unknown or revoked)")
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    if (connector(key.installation()).isEmpty()) {
      throw Problem.of(403, "forbidden", "Forbidden", "the API key's installation '" + key.installation()
          + "' is not a Conversation API installation (vendor: api) of this server");
    }
    return key;
  }

  /** The installation's connector, when it is a Conversation API installation (vendor {@code api}) of this engine. */
  Optional<ApiConnector> connector(String installation) {
    return engine.installation(installation).map(i -> i.connector())
        .filter(ApiConnector.class::isInstance).map(ApiConnector.class::cast);
  }

  /** The settings of the key's installation; the defaults when it is no longer served. */
  ApiSettings settings(ApiKey key) {
    return connector(key.installation()).map(ApiConnector::settings).orElse(ApiSettings.DEFAULT);
  }

  /**
   * Takes one request from the key's budget ({@link ApiSettings#rateLimitPerMinute()}, one limiter per key and
   * limit, so a changed limit starts afresh).
   *
   * @throws Problem 429 with {@code Retry-After} (whole seconds, at least 1) when the budget is spent
   */
  void rateLimit(ApiKey key) {
    int perMinute = settings(key).rateLimitPerMinute();
    var limiter = limiters.computeIfAbsent(key.id() + "/" + perMinute, id -> RateLimiter.of("api-key-" + id,
        RateLimiterConfig.custom().limitForPeriod(perMinute).limitRefreshPeriod(Duration.ofMinutes(1))
            .timeoutDuration(Duration.ZERO).build()));
    if (!limiter.acquirePermission()) {
      long nanos = limiter instanceof AtomicRateLimiter a ? a.getDetailedMetrics().getNanosToWait()
          : TimeUnit.MINUTES.toNanos(1);
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
      throw Problem.of(429, "rate-limited", "Too Many Requests", "the API key may make " + perMinute
          + " requests per minute (installation setting rateLimitPerMinute)")
          .withHeader("Retry-After", Long.toString(seconds));
    }
  }

  /**
   * The conversation, which must exist and belong to the key's installation.
   *
   * @throws Problem 404 when there is no such conversation; 403 when it belongs to another installation
   */
  ApiConversation owned(ApiKey key, String conversationId) {
    var conversation = store.conversation(conversationId).orElseThrow(() -> Problem.of(404, "not-found",
        "Not Found", "no conversation " + conversationId));
    forbidOthers(key, conversation.installation());
    return conversation;
  }

  /** @throws Problem 403 unless {@code installation} is the key's */
  static void forbidOthers(ApiKey key, String installation) {
    if (!installation.equals(key.installation())) {
      throw Problem.of(403, "forbidden", "Forbidden", "the conversation belongs to another installation than the "
          + "API key's");
    }
  }
}
