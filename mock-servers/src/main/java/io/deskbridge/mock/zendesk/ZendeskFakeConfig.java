package io.deskbridge.mock.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ZendeskFake}'s configuration; immutable, validated on construction. Start from {@link #defaults()}.
 *
 * @param accountId the {@code account_id} in envelopes and the {@code x-zendesk-account-id} header
 * @param agentEmail the bot agent's email (the API user)
 * @param apiToken the API token every agent authenticates with
 * @param groupNames groups to seed, with ids 36000001, 36000002, ... in this order
 * @param perMinuteBudget authenticated requests per clock minute before 429
 * @param deliveryTimeout webhook request timeout (Zendesk: about 10 s)
 * @param maxRetries retries after a timeout or a 429/503 with Retry-After under 60 s (409 is
 *     always retried at most 3 times)
 * @param retryBackoff the wait before a retry; a shorter Retry-After wins. Real Zendesk waits
 *     the whole Retry-After: set this to a minute to behave so
 * @param clock time source for timestamps, the rate-limit window, signature timestamps and the webhook
 *     retries' waits (a {@link io.deskbridge.mock.base.SteppedClock} makes them wait for its steps)
 * @param port the HTTP port, 0 for a dynamic one
 */
public record ZendeskFakeConfig(long accountId, String agentEmail, String apiToken, List<String> groupNames,
    int perMinuteBudget, Duration deliveryTimeout, int maxRetries, Duration retryBackoff,
    Clock clock, int port) {
  public ZendeskFakeConfig {
    Objects.requireNonNull(agentEmail, "agentEmail");
    Objects.requireNonNull(apiToken, "apiToken");
    groupNames = List.copyOf(groupNames);
    Objects.requireNonNull(clock, "clock");
    if (perMinuteBudget < 1 || maxRetries < 0 || port < 0 || deliveryTimeout.isNegative()
        || deliveryTimeout.isZero() || retryBackoff.isNegative()) {
      throw new IllegalArgumentException("invalid fake configuration");
    }
  }

  /** Account 123456, bot@acme.example / test-token, five groups, 100 000 requests a minute. */
  public static ZendeskFakeConfig defaults() {
    return new ZendeskFakeConfig(123456L, "bot@acme.example", "test-token",
        List.of("General", "Billing", "Shipping", "Accounts", "Complaints"), 100_000,
        Duration.ofSeconds(10), 5, Duration.ofSeconds(1), Clock.systemUTC(), 0);
  }

  public ZendeskFakeConfig withAccountId(long v) {
    return new ZendeskFakeConfig(v, agentEmail, apiToken, groupNames, perMinuteBudget, deliveryTimeout,
        maxRetries, retryBackoff, clock, port);
  }

  public ZendeskFakeConfig withAgent(String email, String token) {
    return new ZendeskFakeConfig(accountId, email, token, groupNames, perMinuteBudget, deliveryTimeout,
        maxRetries, retryBackoff, clock, port);
  }

  public ZendeskFakeConfig withGroups(String... names) {
    return new ZendeskFakeConfig(accountId, agentEmail, apiToken, List.of(names), perMinuteBudget,
        deliveryTimeout, maxRetries, retryBackoff, clock, port);
  }

  public ZendeskFakeConfig withPerMinuteBudget(int v) {
    return new ZendeskFakeConfig(accountId, agentEmail, apiToken, groupNames, v, deliveryTimeout,
        maxRetries, retryBackoff, clock, port);
  }

  public ZendeskFakeConfig withDelivery(Duration timeout, int retries, Duration backoff) {
    return new ZendeskFakeConfig(accountId, agentEmail, apiToken, groupNames, perMinuteBudget, timeout,
        retries, backoff, clock, port);
  }

  public ZendeskFakeConfig withClock(Clock v) {
    return new ZendeskFakeConfig(accountId, agentEmail, apiToken, groupNames, perMinuteBudget,
        deliveryTimeout, maxRetries, retryBackoff, v, port);
  }

  public ZendeskFakeConfig withPort(int v) {
    return new ZendeskFakeConfig(accountId, agentEmail, apiToken, groupNames, perMinuteBudget,
        deliveryTimeout, maxRetries, retryBackoff, clock, v);
  }

  @Override
  public String toString() {
    return "Config[accountId=" + accountId + ", agentEmail=" + agentEmail + ", apiToken=***"
        + ", groups=" + groupNames + ", perMinuteBudget=" + perMinuteBudget + ", deliveryTimeout="
        + deliveryTimeout + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff
        + ", port=" + port + "]";
  }
}
