package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.sunco.SuncoViews;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Zendesk messaging through {@link SuncoFake} (Sunshine Conversations): customers write in the web widget, the bot is
 * the switchboard's default integration and hands over by passing control to the agent workspace, whose messaging
 * ticket is the agent's view ({@link #agentView}). SunCo's webhook retries are compressed to 200 ms units. Public for
 * the messaging chaos tests, which reach the fake itself.
 */
public final class ZendeskMessagingDemoVendor implements ChatDemoVendor {
  /** The Zendesk groups the installation routes to, as {@code dataCapture.systemField.group_id} takes them. */
  static final Map<String, String> GROUPS = groups();
  /** Where the handover summary goes when no ticket field is configured. */
  static final String SUMMARY_KEY = "deskbridge_summary";
  private static final String GROUP_KEY = "dataCapture.systemField.group_id";
  private static final String TAGS_KEY = "dataCapture.systemField.tags";

  private final SuncoFake fake;
  private final SuncoViews.Webhook webhook;

  /**
   * Wraps a running fake (closing this closes it) and subscribes the bot's webhook, whose target {@link #deliverTo}
   * sets: the secret, which SunCo makes, is then known before a connector starts.
   */
  public ZendeskMessagingDemoVendor(SuncoFake fake) {
    this.fake = fake;
    this.webhook = fake.subscribe(URI.create("http://127.0.0.1:9/not-yet-routed"));
  }

  static ZendeskMessagingDemoVendor start(Duration deliveryTimeout) {
    return new ZendeskMessagingDemoVendor(SuncoFake.start(SuncoFake.Config.defaults()
        .withRetryUnit(Duration.ofMillis(200)).withDeliveryTimeout(deliveryTimeout)));
  }

  private static Map<String, String> groups() {
    var groups = new LinkedHashMap<String, String>();
    String[] names = {"General", "Billing", "Shipping", "Accounts", "Complaints"};
    for (int i = 0; i < names.length; i++) {
      groups.put(names[i], String.valueOf(36000001 + i));
    }
    return Map.copyOf(groups);
  }

  /** The fake, for what only SunCo has (batches, redeliveries). */
  public SuncoFake fake() {
    return fake;
  }

  @Override
  public Kind kind() {
    return Kind.zendeskMessaging;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public DeskbridgeConfig.InstallationConfig installation(String id, Mode mode, RetryPolicy retry,
      int requestsPerMinute) {
    var settings = Settings.of("installations[" + id + "].settings", Map.of(
        "url", fake.apiUrl(), "appId", fake.config().appId(), "keyId", fake.config().keyId(),
        "keySecret", Secret.of(fake.config().keySecret()), "webhookSecret", Secret.of(webhook.secret()),
        "botIntegrationId", SuncoFake.BOT, "requestTimeout", "5s"));
    return new DeskbridgeConfig.InstallationConfig(id, "zendesk-messaging", mode,
        new Routing(GROUPS.get("General"), GROUPS, "deskbridge_handover"), retry, requestsPerMinute, settings);
  }

  @Override
  public String installationYaml(String indent, Path secrets) throws IOException {
    Path key = Files.writeString(secrets.resolve("sunco-key-secret"), fake.config().keySecret());
    Path secret = Files.writeString(secrets.resolve("sunco-webhook-secret"), webhook.secret());
    String map = GROUPS.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> BenchRig.yamlString(e.getKey()) + ": " + BenchRig.yamlString(e.getValue()))
        .collect(Collectors.joining(", "));
    return indent + "vendor: zendesk-messaging\n"
        + indent + "routing: {defaultGroup: " + BenchRig.yamlString(GROUPS.get("General")) + ", groups: {" + map + "}}\n"
        + indent + "settings:\n"
        + indent + "  url: " + BenchRig.yamlString(fake.apiUrl()) + "\n"
        + indent + "  appId: " + BenchRig.yamlString(fake.config().appId()) + "\n"
        + indent + "  keyId: " + BenchRig.yamlString(fake.config().keyId()) + "\n"
        + indent + "  keySecret: {file: " + BenchRig.yamlString(key.toString()) + "}\n"
        + indent + "  webhookSecret: {file: " + BenchRig.yamlString(secret.toString()) + "}\n"
        + indent + "  botIntegrationId: " + BenchRig.yamlString(SuncoFake.BOT) + "\n";
  }

  @Override
  public void deliverTo(List<URI> endpoints) {
    fake.routeDeliveriesTo(endpoints);
  }

  /** A chat has no subject: the customer's first line is {@code text}. */
  @Override
  public String customerOpens(String email, String name, String subject, String text) {
    return fake.customerStarts(name, email, text).conversationId();
  }

  @Override
  public void customerWrites(String conversation, String text) {
    fake.customerSends(conversation, text);
  }

  /**
   * An agent writes in the agent workspace. On messaging that does not move the switchboard: the connector ignores
   * business messages; people own a chat while the agent workspace has control (after a handover).
   */
  @Override
  public void agentAnswers(String conversation, String text) {
    fake.agentReplies(conversation, "Alice", text);
  }

  @Override
  public void agentReleases(String conversation) {
    fake.agentClosesTicket(conversation);
  }

  @Override
  public boolean releases() {
    return true;
  }

  /** The bot's switchboard integration gets standby events (SunCo's default). */
  @Override
  public boolean standby() {
    return true;
  }

  private SuncoViews.Conversation view(String conversation) {
    return fake.conversation(conversation).orElseThrow(() -> new IllegalArgumentException(
        "no SunCo conversation " + conversation));
  }

  private static Entry entry(SuncoViews.Message m) {
    Author author = !m.isBusiness() ? Author.CUSTOMER : m.isAgent() ? Author.AGENT : Author.BOT;
    return new Entry(author, true, m.text() == null ? "" : m.text(), m.received());
  }

  /** The messages, and at each handover one non-public bot entry: the summary the agent reads. */
  @Override
  public List<Entry> entries(String conversation) {
    var entries = new ArrayList<Entry>();
    view(conversation).messages().forEach(m -> entries.add(entry(m)));
    fake.handovers().stream().filter(h -> h.conversationId().equals(conversation))
        .forEach(h -> entries.add(new Entry(Author.BOT, false, summary(h), h.at())));
    entries.sort(Comparator.comparing(Entry::at)); // stable: a handover after the message of its instant
    return List.copyOf(entries);
  }

  private static String summary(SuncoViews.Handover h) {
    Object summary = h.metadata().get(SUMMARY_KEY);
    return summary == null ? "" : summary.toString();
  }

  private static String groupName(Object id) {
    return id == null ? "" : GROUPS.entrySet().stream().filter(e -> e.getValue().equals(id.toString()))
        .map(Map.Entry::getKey).findFirst().orElse(id.toString());
  }

  @Override
  public String queue(String conversation) {
    return agentView(conversation).map(AgentView::group).orElse("");
  }

  @Override
  public Optional<AgentView> agentView(String conversation) {
    return fake.handovers().stream().filter(h -> h.conversationId().equals(conversation)).reduce((a, b) -> b)
        .map(h -> new AgentView(conversation, "messaging ticket #" + h.ticketId(), h.at(),
            h.transcript().stream().map(ZendeskMessagingDemoVendor::entry).toList(), summary(h),
            groupName(h.fields().get(GROUP_KEY)), tags(h.fields().get(TAGS_KEY))));
  }

  private static List<String> tags(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return Arrays.stream(value.toString().split("[ ,]+")).filter(t -> !t.isBlank()).toList();
  }

  /** Events per POST from the batch's message id ({@code batch-n:id,id,...}). */
  @Override
  public List<Attempt> deliveries() {
    return fake.deliveries().stream().map(ZendeskMessagingDemoVendor::attempt).toList();
  }

  private static Attempt attempt(DeliveryAttempt d) {
    String ids = d.messageId().substring(d.messageId().indexOf(':') + 1);
    return new Attempt(d.conversation().isEmpty() ? List.of() : List.of(d.conversation()),
        ids.isEmpty() ? 0 : ids.split(",").length, d.statusCode(), d.acknowledged(), d.sentAt(), d.elapsed());
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    return fake.awaitDeliveries(timeout);
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
    fake.failRandomly(share, 500);
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
    fake.failRandomly(0, 500);
    fake.clearFaults();
  }

  @Override
  public void close() {
    fake.close();
  }
}
