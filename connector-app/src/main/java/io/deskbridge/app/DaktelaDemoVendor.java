package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.mock.daktela.DaktelaFake;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Daktela through {@link DaktelaFake}: tickets that customers open by e-mail into the bot's intake category
 * ({@code categories_support}), the bot's replies as outgoing EMAIL activities, its notes as COMMENT activities,
 * handovers to a category (and, for complaints, to the agent Alice); events either as webhooks from the Events module
 * with the templates the connector's README gives the admin, or, without it, by the connector polling tickets and
 * activities. Public for the chaos tests.
 */
public final class DaktelaDemoVendor implements DemoVendor {
  /** How the connector learns of changes. */
  enum Events { webhooks, polling }

  /**
   * The poll interval of the polling variant: short, so that the demo's 17 steps do not wait long for it (the
   * connector's default is 5 s); the overlap stays the connector's default.
   */
  static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  /** The fake's categories (name to title); new tickets land in the first, the bot's intake. */
  private static final Map<String, String> CATEGORIES = Map.of("categories_support", "Support",
      "categories_billing", "Billing", "categories_tech", "Technical");
  /**
   * Routing group (the demo knowledge base's and the bot's) to Daktela routing target: a category, optionally
   * {@code /login} to assign an agent as well.
   */
  private static final Map<String, String> GROUPS = routingGroups();
  /** The poller's list reads, which no ticket names. */
  private static final String POLL_PATH = "/api/v6/(tickets|activities)\\.json";

  private final DaktelaFake fake;
  private final Events events;

  private DaktelaDemoVendor(DaktelaFake fake, Events events) {
    this.fake = fake;
    this.events = events;
  }

  private static Map<String, String> routingGroups() {
    var groups = new LinkedHashMap<String, String>();
    groups.put("General", "categories_support");
    groups.put("Billing", "categories_billing");
    groups.put("Shipping", "categories_support");
    groups.put("Accounts", "categories_tech");
    groups.put("Complaints", "categories_support/alice");
    return groups;
  }

  static DaktelaDemoVendor start(Duration deliveryTimeout, Events events) {
    var delivery = io.deskbridge.mock.base.RetryPolicy.of(deliveryTimeout,
        io.deskbridge.mock.base.RetryPolicy.Backoff.fixed(Duration.ofMillis(200)),
        List.of(io.deskbridge.mock.base.RetryPolicy.Retry.anyFailure(5)));
    return new DaktelaDemoVendor(DaktelaFake.start(DaktelaFake.Config.defaults().withDelivery(delivery)), events);
  }

  /** The fake, for what only Daktela has. */
  public DaktelaFake fake() {
    return fake;
  }

  @Override
  public Kind kind() {
    return events == Events.webhooks ? Kind.daktela : Kind.daktelaPolling;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public DeskbridgeConfig.InstallationConfig installation(String id, Mode mode, RetryPolicy retry,
      int requestsPerMinute) {
    var values = new LinkedHashMap<String, Object>();
    values.put("url", fake.baseUrl());
    values.put("accessToken", Secret.of(fake.config().accessToken()));
    values.put("events", events.name());
    if (events == Events.webhooks) {
      values.put("webhookSecret", Secret.of(SECRET));
    } else {
      values.put("pollInterval", POLL_INTERVAL.toString());
    }
    var settings = Settings.of("installations[" + id + "].settings", values);
    return new DeskbridgeConfig.InstallationConfig(id, "daktela", mode,
        new Routing(GROUPS.get("General"), GROUPS, "deskbridge_handover"), retry, requestsPerMinute, settings);
  }

  @Override
  public String installationYaml(String indent, Path secrets) throws IOException {
    Path token = Files.writeString(secrets.resolve("daktela-access-token"), fake.config().accessToken());
    String map = GROUPS.entrySet().stream().map(e -> BenchRig.yamlString(e.getKey()) + ": "
        + BenchRig.yamlString(e.getValue())).collect(Collectors.joining(", "));
    var yaml = new StringBuilder()
        .append(indent).append("vendor: daktela\n")
        .append(indent).append("routing: {defaultGroup: ").append(BenchRig.yamlString(GROUPS.get("General")))
        .append(", groups: {").append(map).append("}}\n")
        .append(indent).append("settings:\n")
        .append(indent).append("  url: ").append(BenchRig.yamlString(fake.baseUrl())).append('\n')
        .append(indent).append("  accessToken: {file: ").append(BenchRig.yamlString(token.toString())).append("}\n")
        .append(indent).append("  events: ").append(events.name()).append('\n');
    if (events == Events.webhooks) {
      Path secret = Files.writeString(secrets.resolve("daktela-webhook-secret"), SECRET);
      yaml.append(indent).append("  webhookSecret: {file: ").append(BenchRig.yamlString(secret.toString()))
          .append("}\n");
    } else {
      yaml.append(indent).append("  pollInterval: ").append(POLL_INTERVAL).append('\n');
    }
    return yaml.toString();
  }

  /** Subscribes the endpoints to the Events module's webhooks (JSON bodies); nothing to do when polled. */
  @Override
  public void deliverTo(List<URI> endpoints) {
    if (events == Events.polling) {
      return;
    }
    fake.subscribe(DaktelaFake.Webhook.of(endpoints.get(0), SECRET, false)); // the README's templates and header
    if (endpoints.size() > 1) {
      fake.routeDeliveriesTo(endpoints);
    }
  }

  @Override
  public String customerOpens(String email, String name, String subject, String text) {
    return fake.customerCreatesTicket(email, name, subject, text);
  }

  @Override
  public void customerWrites(String conversation, String text) {
    fake.customerEmails(conversation, text);
  }

  @Override
  public void agentAnswers(String conversation, String text) {
    fake.agentEmails(conversation, "alice", text);
  }

  /** The agent closes the Case or ticket. */
  @Override
  public void agentSolves(String conversation) {
    fake.agentAssigns(conversation, "alice");
    fake.agentCloses(conversation);
  }

  /**
   * The ticket's activities: e-mails are public (the customer's incoming, the bot's or an agent's outgoing),
   * comments internal; the API user's are the bot's, those without a user the customer's.
   */
  @Override
  public List<Entry> entries(String conversation) {
    String bot = fake.config().apiLogin();
    return fake.activities(conversation).stream().map(a -> new Entry(
        a.user().isEmpty() ? Author.CUSTOMER : a.user().equals(bot) ? Author.BOT : Author.AGENT,
        "EMAIL".equals(a.type()), a.text(), a.at())).toList();
  }

  /** The ticket's category title, and the agent it is assigned to if any (other than the bot). */
  @Override
  public String queue(String conversation) {
    var ticket = fake.ticket(conversation).orElseThrow();
    String category = ticket.category() == null ? "" : CATEGORIES.getOrDefault(ticket.category(), ticket.category());
    String user = ticket.user() == null || ticket.user().equals(fake.config().apiLogin()) ? "" : ticket.user();
    return user.isEmpty() ? category : category + " (" + user + ")";
  }

  @Override
  public List<Attempt> deliveries() {
    return fake.deliveries().stream().map(d -> new Attempt(List.of(d.conversation()), 1, d.statusCode(),
        d.acknowledged(), d.sentAt(), d.elapsed())).toList();
  }

  /**
   * Webhooks: until no delivery is pending. Polling: until the connector has made three list reads (tickets or
   * activities) after this call began, so that one whole poll began after it and whatever changed before was seen.
   */
  @Override
  public boolean awaitIdle(Duration timeout) {
    if (events == Events.webhooks) {
      return fake.awaitDeliveries(timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int from = polls();
    while (polls() < from + 3) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    return true;
  }

  private int polls() {
    return fake.journal().count("GET", POLL_PATH);
  }

  @Override
  public int apiCalls() {
    return fake.apiCalls();
  }

  @Override
  public int apiCalls(String conversation) {
    return fake.apiCalls(conversation);
  }

  @Override
  public List<String> unmatchedRequests() {
    return fake.unmatchedRequests();
  }

  @Override
  public void duplicateAndReorder(int copies, Duration jitter) {
    fake.chaos(copies, jitter);
  }

  @Override
  public void redeliverWhileUnreachable(Duration window) {
    fake.redeliverWhileUnreachable(window);
  }

  @Override
  public void failRandomly(double share) {
    fake.failRandomly(share, 503);
  }

  @Override
  public void rateLimitBurst(int calls) {
    fake.failNext(calls, 429, Duration.ofSeconds(1));
  }

  @Override
  public Duration rateLimitPause() {
    return Duration.ZERO; // 429 with Retry-After: 1
  }

  @Override
  public int rateLimitAnswers() {
    return fake.journal().injectedStatus(429);
  }

  @Override
  public void clearFaults() {
    fake.failRandomly(0, 503);
    fake.clearFaults();
  }

  @Override
  public void close() {
    fake.close();
  }
}
