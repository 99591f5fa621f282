package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Zendesk Support through {@link ZendeskFake}: tickets, comments (public, or internal notes), groups; signed event
 * webhooks for ticket creation and comments. Public for the Zendesk-only chaos tests, which reach the fake itself.
 */
public final class ZendeskDemoVendor implements DemoVendor {
  private final ZendeskFake fake;
  private ZendeskFake.Chaos chaos = ZendeskFake.Chaos.NONE;

  /** Wraps a running fake (closing this closes it). */
  public ZendeskDemoVendor(ZendeskFake fake) {
    this.fake = fake;
  }

  static ZendeskDemoVendor start(Duration deliveryTimeout) {
    return new ZendeskDemoVendor(ZendeskFake.start(ZendeskFakeConfig.defaults().withPerMinuteBudget(100_000_000)
        .withDelivery(deliveryTimeout, 5, Duration.ofMillis(200))));
  }

  /** The fake, for what only Zendesk has. */
  public ZendeskFake fake() {
    return fake;
  }

  @Override
  public Kind kind() {
    return Kind.zendesk;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  private Map<String, String> groups() {
    return fake.groups().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
  }

  @Override
  public DeskbridgeConfig.InstallationConfig installation(String id, Mode mode, RetryPolicy retry,
      int requestsPerMinute) {
    var settings = Settings.of("installations[" + id + "].settings", Map.of(
        "url", fake.baseUrl(), "email", fake.config().agentEmail(),
        "apiToken", Secret.of(fake.config().apiToken()), "webhookSecret", Secret.of(SECRET)));
    var groups = groups();
    return new DeskbridgeConfig.InstallationConfig(id, "zendesk", mode,
        new Routing(groups.get("General"), groups, "deskbridge_handover"), retry, requestsPerMinute, settings);
  }

  @Override
  public String installationYaml(String indent, Path secrets) throws IOException {
    Path token = Files.writeString(secrets.resolve("zendesk-api-token"), fake.config().apiToken());
    Path secret = Files.writeString(secrets.resolve("zendesk-webhook-secret"), SECRET);
    var groups = groups();
    String map = groups.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> BenchRig.yamlString(e.getKey()) + ": " + BenchRig.yamlString(e.getValue())).collect(Collectors.joining(", "));
    return indent + "vendor: zendesk\n"
        + indent + "routing: {defaultGroup: " + BenchRig.yamlString(groups.get("General")) + ", groups: {" + map + "}}\n"
        + indent + "settings:\n"
        + indent + "  url: " + BenchRig.yamlString(fake.baseUrl()) + "\n"
        + indent + "  email: " + BenchRig.yamlString(fake.config().agentEmail()) + "\n"
        + indent + "  apiToken: {file: " + BenchRig.yamlString(token.toString()) + "}\n"
        + indent + "  webhookSecret: {file: " + BenchRig.yamlString(secret.toString()) + "}\n";
  }

  @Override
  public void deliverTo(List<URI> endpoints) {
    fake.registerEventWebhook(endpoints.get(0), SECRET);
    if (endpoints.size() > 1) {
      fake.routeDeliveriesTo(endpoints);
    }
  }

  @Override
  public String customerOpens(String email, String name, String subject, String text) {
    return String.valueOf(fake.customerCreatesTicket(email, name, subject, text));
  }

  @Override
  public void customerWrites(String conversation, String text) {
    fake.customerComments(Long.parseLong(conversation), text);
  }

  @Override
  public void agentAnswers(String conversation, String text) {
    fake.agentComments(Long.parseLong(conversation), fake.humanAgentId(), text, true);
  }

  @Override
  public List<Entry> entries(String conversation) {
    long bot = fake.botUserId();
    long agent = fake.humanAgentId();
    return fake.comments(Long.parseLong(conversation)).stream().map(c -> new Entry(
        c.authorId() == bot ? Author.BOT : c.authorId() == agent ? Author.AGENT : Author.CUSTOMER,
        c.isPublic(), c.body(), c.storedAt())).toList();
  }

  @Override
  public String queue(String conversation) {
    Long groupId = fake.ticket(Long.parseLong(conversation)).orElseThrow().groupId();
    return groupId == null ? "" : fake.groups().entrySet().stream().filter(e -> e.getValue().equals(groupId))
        .map(Map.Entry::getKey).findFirst().orElse(groupId.toString());
  }

  @Override
  public List<Attempt> deliveries() {
    return fake.deliveries().stream().map(d -> new Attempt(List.of(String.valueOf(d.ticketId())), 1, d.statusCode(),
        d.statusCode() >= 200 && d.statusCode() < 300, d.sentAt(), d.elapsed())).toList();
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    return fake.awaitIdle(timeout);
  }

  @Override
  public int apiCalls() {
    return fake.apiCalls();
  }

  @Override
  public int apiCalls(String conversation) {
    return fake.apiCalls(Long.parseLong(conversation));
  }

  @Override
  public List<String> unmatchedRequests() {
    return fake.unmatchedRequests();
  }

  @Override
  public synchronized void duplicateAndReorder(int copies, Duration jitter) {
    chaos = new ZendeskFake.Chaos(copies, jitter, chaos.retryUnreachableFor());
    fake.chaos(chaos);
  }

  @Override
  public synchronized void redeliverWhileUnreachable(Duration window) {
    chaos = new ZendeskFake.Chaos(chaos.copies(), chaos.jitter(), window);
    fake.chaos(chaos);
  }

  @Override
  public void failRandomly(double share) {
    fake.failRandomly(share, 500, null);
  }

  @Override
  public void rateLimitBurst(int calls) {
    fake.failNext(calls, 429, 1);
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
    fake.failRandomly(0, 500, null);
    fake.clearFaults();
  }

  @Override
  public void close() {
    fake.close();
  }
}
