package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.RetryPolicy;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@link SalesforceFake}'s configuration; immutable, validated on construction. Start from {@link #defaults()}.
 *
 * @param orgId the 18-character org id (the 15-character form ends the server URLs)
 * @param queues queue DeveloperNames to seed; all accept Case unless listed in {@code queuesNotForCases}
 * @param defaultCaseOwnerQueue the queue new Cases land in (Web/Email-to-Case, and the default assignment rule)
 * @param dailyApiLimit the org's daily API allocation ({@code LimitInfoHeader} limit; past it every call faults)
 * @param outbound how Outbound Messages are delivered and retried
 * @param omForIntegrationUser whether the integration user's own writes fire Outbound Messages (the profile's
 *     "Send Outbound Messages" box)
 * @param loginRetiredFaultCode the fault code of {@code login()} at API 65.0 and later
 * @param sessionTimeout a session expires after this much inactivity on the fake's clock
 * @param outboundBatchWindow notifications queued within this time on the fake's clock go in one message (up to
 *     100); zero sends at once, batching only what is queued while a send is being prepared
 * @param port the HTTP port, 0 for a free one
 */
public record SalesforceFakeConfig(String orgId, String integrationUsername, String password, String securityToken,
    String clientId, String clientSecret, PublicKey jwtPublicKey, List<String> queues, Set<String> queuesNotForCases,
    String defaultCaseOwnerQueue, int dailyApiLimit, String orgWideAddress, Clock clock, int port,
    RetryPolicy outbound, boolean omForIntegrationUser, String loginRetiredFaultCode, Duration sessionTimeout,
    Duration outboundBatchWindow) {
  public SalesforceFakeConfig {
    queues = List.copyOf(queues);
    queuesNotForCases = Set.copyOf(queuesNotForCases);
    ConfigDraft.check(orgId, integrationUsername, password, securityToken, clientId, clientSecret, queues,
        defaultCaseOwnerQueue, dailyApiLimit, orgWideAddress, clock, port, outbound, loginRetiredFaultCode,
        sessionTimeout, outboundBatchWindow);
  }

  /**
   * Org {@code 00D5g000000ABCDEAA}; integration user {@code deskbridge@acme.example} / {@code test-password} +
   * {@code TESTTOKEN}; client {@code 3MVG9fake-client-id} / {@code fake-client-secret}; queues Bot_Intake (the
   * default), Tier1, Billing, Tier2; 15,000 API requests a day; {@code support@acme.example}; Salesforce's
   * Outbound Message schedule ({@link OutboundMessages#salesforcePolicy()}); 2-hour sessions.
   */
  public static SalesforceFakeConfig defaults() {
    return new SalesforceFakeConfig("00D5g000000ABCDEAA", "deskbridge@acme.example", "test-password", "TESTTOKEN",
        "3MVG9fake-client-id", "fake-client-secret", null, List.of("Bot_Intake", "Tier1", "Billing", "Tier2"),
        Set.of(), "Bot_Intake", 15_000, "support@acme.example", Clock.systemUTC(), 0,
        OutboundMessages.salesforcePolicy(), true, "INVALID_OPERATION", Duration.ofHours(2), Duration.ZERO);
  }

  public SalesforceFakeConfig withOrgId(String v) {
    return edit(d -> d.orgId = v);
  }

  /** The integration user's username, password and security token (login appends the token). */
  public SalesforceFakeConfig withIntegrationUser(String username, String pw, String token) {
    return edit(d -> d.integrationUser(username, pw, token));
  }

  public SalesforceFakeConfig withClient(String id, String secret) {
    return edit(d -> d.client(id, secret));
  }

  /** The certificate's key the JWT bearer flow verifies assertions with. */
  public SalesforceFakeConfig withJwtPublicKey(PublicKey v) {
    return edit(d -> d.jwtPublicKey = v);
  }

  /** The queues to seed; the first becomes the default owner of new Cases. */
  public SalesforceFakeConfig withQueues(String... names) {
    return edit(d -> d.queues(names));
  }

  /** This queue exists but has no QueueSobject for Case (a Case cannot be assigned to it). */
  public SalesforceFakeConfig withQueueNotForCases(String name) {
    return edit(d -> d.notForCases(name));
  }

  public SalesforceFakeConfig withDefaultCaseOwnerQueue(String v) {
    return edit(d -> d.defaultCaseOwnerQueue = v);
  }

  public SalesforceFakeConfig withDailyApiLimit(int v) {
    return edit(d -> d.dailyApiLimit = v);
  }

  public SalesforceFakeConfig withOrgWideAddress(String v) {
    return edit(d -> d.orgWideAddress = v);
  }

  /** Time for timestamps, sessions, JWT expiry and the Outbound Message waits (a SteppedClock makes them steps). */
  public SalesforceFakeConfig withClock(Clock v) {
    return edit(d -> d.clock = v);
  }

  public SalesforceFakeConfig withPort(int v) {
    return edit(d -> d.port = v);
  }

  /** The Outbound Message delivery policy (tests compress Salesforce's schedule). */
  public SalesforceFakeConfig outbound(RetryPolicy v) {
    return edit(d -> d.outbound = v);
  }

  /** Whether the integration user's writes fire Outbound Messages (false: the admin unticked it). */
  public SalesforceFakeConfig omForIntegrationUser(boolean v) {
    return edit(d -> d.omForIntegrationUser = v);
  }

  public SalesforceFakeConfig withLoginRetiredFaultCode(String v) {
    return edit(d -> d.loginRetiredFaultCode = v);
  }

  public SalesforceFakeConfig withSessionTimeout(Duration v) {
    return edit(d -> d.sessionTimeout = v);
  }

  public SalesforceFakeConfig withOutboundBatchWindow(Duration v) {
    return edit(d -> d.outboundBatchWindow = v);
  }

  private SalesforceFakeConfig edit(java.util.function.Consumer<ConfigDraft> change) {
    ConfigDraft d = new ConfigDraft(this);
    change.accept(d);
    return d.build();
  }

  /** Secrets redacted. */
  @Override
  public String toString() {
    return ConfigDraft.describe(this);
  }
}
