package io.deskbridge.zendesk;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.base.Fault.Status;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.sunco.SuncoViews;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The contract kit's view of the SunCo fake (Zendesk messaging). A conversation is a chat: its subject is not kept,
 * its tags and group are what the last handover's metadata carried, people own it while an integration other than the
 * bot's is active. Webhook retries are compressed to 100 ms units.
 */
final class ZendeskMessagingFixture implements VendorFixture {
  /** The secret of the first webhook the fake makes (the harness subscribes once). */
  static final String WEBHOOK_SECRET = "fake-sunco-webhook-secret-1";
  static final String GROUP_ID_KEY = "dataCapture.systemField.group_id";
  static final String TAGS_KEY = "dataCapture.systemField.tags";
  static final String SUMMARY_KEY = "deskbridge_summary";

  /** The signing secret of the Support event webhook, with the Support API ({@link #withSupport()}). */
  static final String SUPPORT_SIGNING_SECRET = "fake-support-signing-secret";

  final SuncoFake fake;
  /** The account's Support API, which opens the messaging tickets; null without it. */
  final io.deskbridge.mock.zendesk.ZendeskFake support;
  private final OffsetClock clock = new OffsetClock();
  private final HttpClient http = HttpClient.newHttpClient();
  /** The engine's clock, when the kit's harness gave the connector its {@link OffsetClock}: see {@link #passTime}. */
  private volatile OffsetClock engineClock;

  ZendeskMessagingFixture() {
    this(false);
  }

  private ZendeskMessagingFixture(boolean withSupport) {
    this.fake = SuncoFake.start(SuncoFake.Config.defaults().withClock(clock).withRetryUnit(Duration.ofMillis(100))
        .withDeliveryTimeout(Duration.ofSeconds(5)));
    this.support = withSupport ? io.deskbridge.mock.zendesk.ZendeskFake.start() : null;
    if (support != null) {
      support.takeMessagingHandovers(fake);
    }
  }

  /**
   * A fixture whose installation has the Support API ({@code settings.support}) of a Zendesk fake, where each handover
   * to the agent workspace opens a messaging ticket and whose Support webhook sends
   * {@code messaging_ticket.message_added} to the installation.
   */
  static ZendeskMessagingFixture withSupport() {
    return new ZendeskMessagingFixture(true);
  }

  static Settings settings(SuncoFake fake, String keySecret, Map<String, Object> more) {
    var values = new HashMap<String, Object>(Map.of(
        "url", fake.apiUrl(),
        "appId", fake.config().appId(),
        "keyId", fake.config().keyId(),
        "keySecret", Secret.of(keySecret),
        "webhookSecret", Secret.of(WEBHOOK_SECRET),
        "botIntegrationId", SuncoFake.BOT,
        "requestTimeout", "5s"));
    values.putAll(more);
    return Settings.of("installations[test].settings", values);
  }

  /** The {@code support} section for the Zendesk fake's seeded bot agent. */
  static Map<String, Object> supportSettings(io.deskbridge.mock.zendesk.ZendeskFake zendesk) {
    return Map.of("url", zendesk.baseUrl(), "email", zendesk.config().agentEmail(),
        "apiToken", Secret.of(zendesk.config().apiToken()), "webhookSecret", Secret.of(SUPPORT_SIGNING_SECRET));
  }

  Connector connector(String installationId, Clock clock, Map<String, Object> more) {
    if (clock instanceof OffsetClock harnessClock) {
      engineClock = harnessClock;
    }
    var all = new HashMap<String, Object>(more);
    if (support != null) {
      all.putIfAbsent("support", supportSettings(support));
    }
    return new ZendeskMessagingConnectorFactory().create(new ConnectorContext(installationId,
        settings(fake, fake.config().keySecret(), all), clock));
  }

  @Override
  public Connector connector(String installationId, Clock clock) {
    return connector(installationId, clock, Map.of());
  }

  @Override
  public Connector connectorWithWrongCredentials(String installationId, Clock clock) {
    return new ZendeskMessagingConnectorFactory().create(new ConnectorContext(installationId,
        settings(fake, "not-the-key-secret", Map.of()), clock));
  }

  /** Zendesk group ids, as {@code dataCapture.systemField.group_id} takes them. */
  @Override
  public Routing routing() {
    Map<String, String> groups = Map.of("General", "36000001", "Billing", "36000002", "Shipping", "36000003",
        "Accounts", "36000004", "Complaints", "36000005");
    return new Routing(groups.get("General"), groups, "deskbridge_handover");
  }

  @Override
  public void subscribe(URI webhookUrl) {
    var webhook = fake.subscribe(webhookUrl);
    if (!webhook.secret().equals(WEBHOOK_SECRET)) {
      throw new IllegalStateException("the fake made another webhook secret than the connector's: " + webhook);
    }
    if (support != null) {
      support.registerEventWebhookFor(webhookUrl, SUPPORT_SIGNING_SECRET,
          List.of(io.deskbridge.mock.zendesk.ZendeskFake.MESSAGING_TICKET_MESSAGE_ADDED));
    }
  }

  /** The custom integration behind the bot's switchboard integration, as the connector's start-up call finds it. */
  @Override
  public String botUserId() {
    try (var connector = connector("probe", Clock.systemUTC())) {
      return connector.client().whoAmI().userId();
    }
  }

  // ---------------------------------------------------------------- people

  /** A chat has no subject: the customer's first line is the text. */
  @Override
  public String customerOpens(String subject, String text, Set<String> tags) {
    return fake.customerStarts("Ann Customer", "ann@example.com", text).conversationId();
  }

  @Override
  public void customerWrites(String conversationId, String text) {
    fake.customerSends(conversationId, text);
  }

  @Override
  public void agentWrites(String conversationId, String text) {
    fake.agentReplies(conversationId, "Petra Agent", text);
  }

  /**
   * SunCo: control passes to the agent workspace without the bot (a Zendesk trigger or another integration calls
   * {@code passControl} with the app's key).
   */
  @Override
  public void agentTakes(String conversationId) {
    String path = fake.apiUrl() + "/v2/apps/" + fake.config().appId() + "/conversations/" + conversationId
        + "/passControl";
    String auth = Base64.getEncoder().encodeToString((fake.config().keyId() + ":" + fake.config().keySecret())
        .getBytes(StandardCharsets.UTF_8));
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", "Basic " + auth)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"switchboardIntegration\":\"" + SuncoFake.AGENT_WORKSPACE
              + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("passControl answered " + response.statusCode() + ": " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SunCo: the agent workspace passes control back to the bot's integration. */
  @Override
  public void agentReleasesToBot(String conversationId) {
    fake.agentPassesControl(conversationId, SuncoFake.BOT, null);
  }

  /** SunCo: the agent solves the messaging ticket (taking the chat first if the bot has it), which releases control with {@code reason: ticketClosed}. */
  @Override
  public void agentSolves(String conversationId) {
    if (!ownedByPeople(conversationId)) {
      agentTakes(conversationId); // only a messaging ticket (the agent workspace in control) can be solved
    }
    fake.agentClosesTicket(conversationId);
  }

  @Override
  public void passTime(Duration duration) {
    clock.advance(duration);
    if (engineClock != null) {
      engineClock.advance(duration); // so a load before the pass is not fresh enough to skip the pre-write re-read
    }
  }

  // ---------------------------------------------------------------- state

  private SuncoViews.Conversation conversation(String id) {
    return fake.conversation(id).orElseThrow(() -> new AssertionError("no conversation " + id));
  }

  /**
   * The chat's messages, and at each handover to the agent workspace the summary its metadata carried, as an internal
   * bot message: that is where the agent reads it (SunCo has no internal notes).
   */
  @Override
  public List<FakeMessage> messages(String conversationId) {
    var out = new java.util.ArrayList<FakeMessage>();
    var handovers = new java.util.ArrayDeque<>(fake.handovers().stream()
        .filter(h -> h.conversationId().equals(conversationId)).toList());
    for (var m : conversation(conversationId).messages()) {
      while (!handovers.isEmpty() && handovers.peek().at().isBefore(m.received())) {
        summary(handovers.poll()).ifPresent(out::add);
      }
      out.add(new FakeMessage(!m.isBusiness() ? FakeMessage.CUSTOMER : m.isAgent() ? FakeMessage.AGENT
          : FakeMessage.BOT, true, m.text() == null ? "" : m.text()));
    }
    handovers.forEach(h -> summary(h).ifPresent(out::add));
    return out;
  }

  private static Optional<FakeMessage> summary(SuncoViews.Handover h) {
    return Optional.ofNullable(h.metadata().get(SUMMARY_KEY)).map(s -> new FakeMessage(FakeMessage.BOT, false,
        s.toString()));
  }

  private Optional<SuncoViews.Handover> lastHandover(String conversationId) {
    var all = fake.handovers().stream().filter(h -> h.conversationId().equals(conversationId)).toList();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The messaging ticket the last handover made: its transcript (from {@code first_message_id} on, else SunCo's last
   * ten messages) and the summary its metadata carried.
   */
  @Override
  public AgentView agentView(String conversationId) {
    var handover = lastHandover(conversationId).orElseThrow(() -> new AssertionError("no handover of "
        + conversationId));
    return new AgentView(handover.transcript().stream().map(m -> m.text() == null ? "" : m.text()).toList(),
        summary(handover).map(FakeMessage::text).orElse(""));
  }

  @Override
  public String groupOf(String conversationId) {
    return lastHandover(conversationId).map(h -> String.valueOf(h.fields().getOrDefault(GROUP_ID_KEY, "")))
        .orElse("");
  }

  /** While an integration other than the bot's is active (the agent workspace). */
  @Override
  public boolean ownedByPeople(String conversationId) {
    String active = conversation(conversationId).active();
    return active != null && !active.equals(SuncoFake.BOT);
  }

  @Override
  public Set<String> tagsOf(String conversationId) {
    return lastHandover(conversationId).map(h -> String.valueOf(h.fields().getOrDefault(TAGS_KEY, "")))
        .filter(s -> !s.isBlank()).map(s -> new LinkedHashSet<>(Arrays.asList(s.split(","))))
        .map(s -> (Set<String>) s).orElse(Set.of());
  }

  @Override
  public int apiCalls(String conversationId) {
    return fake.apiCalls(conversationId);
  }

  @Override
  public int refusedCalls() {
    return fake.injectedFailures();
  }

  /** The typing indicator ({@code POST …/activity}, {@code typing:start}). */
  @Override
  public int bestEffortCallsPerAnswer() {
    return 1;
  }

  // ---------------------------------------------------------------- faults

  @Override
  public Fault rateLimit(Duration retryAfter) {
    return new Fault.HttpStatus(429, Optional.of(retryAfter));
  }

  @Override
  public Fault outage() {
    return new Fault.HttpStatus(503, Optional.empty());
  }

  private static Status status(Fault fault) {
    if (fault instanceof Fault.HttpStatus h) {
      return new Status(h.status(), h.retryAfter().map(d -> (int) d.toSeconds()).orElse(null));
    }
    throw new IllegalArgumentException("SunCo answers with HTTP statuses, not " + fault);
  }

  @Override
  public void failNextCalls(int count, Fault fault) {
    var s = status(fault);
    fake.failNext(count, s.status(), s.retryAfterSeconds() == null ? null : Duration.ofSeconds(s.retryAfterSeconds()));
  }

  /** Writes are the POSTs of messages and switchboard actions. */
  @Override
  public void failNthWrite(int nth, Fault fault) {
    fake.injectFault(FaultRule.on("POST",
        "/sc/v2/apps/[^/]+/conversations/[^/]+/(messages|passControl|offerControl|acceptControl|releaseControl)",
        status(fault)).nth(nth));
  }

  // ---------------------------------------------------------------- deliveries

  @Override
  public void duplicateNextDelivery(int times) {
    fake.duplicateNextDelivery(times - 1);
  }

  @Override
  public void redeliverAll(String conversationId) {
    fake.eventIds(conversationId).forEach(fake::redeliver);
  }

  @Override
  public void shuffleDeliveries(boolean on) {
    fake.shuffleDeliveries(on);
  }

  @Override
  public void awaitDeliveries(Duration timeout) {
    if (!fake.awaitDeliveries(timeout)) {
      throw new AssertionError("the fake still has webhook deliveries pending after " + timeout);
    }
    if (support != null && !support.awaitIdle(timeout)) {
      throw new AssertionError("the Support fake still has webhook deliveries pending after " + timeout);
    }
  }

  // ---------------------------------------------------------------- requests made by the kit

  @Override
  public Map<String, String> signedHeaders(byte[] body) {
    return Map.of("X-API-Key", WEBHOOK_SECRET);
  }

  @Override
  public Map<String, String> forgedHeaders(byte[] body) {
    return Map.of("X-API-Key", "not-the-webhook-secret");
  }

  @Override
  public WebhookBody sampleWebhook(String conversationId) {
    return new WebhookBody(body(conversationId, "evt-" + UUID.randomUUID(), "msg-" + UUID.randomUUID(),
        "What are your opening hours?"), "application/json");
  }

  /** A SunCo envelope with one customer message, as the fake would send it. */
  static byte[] body(String conversationId, String eventId, String messageId, String text) {
    return ("{\"app\":{\"id\":\"app\"},\"webhook\":{\"id\":\"wh\",\"version\":\"v2\"},\"events\":[" + event(conversationId,
        eventId, messageId, text, "user") + "]}").getBytes(StandardCharsets.UTF_8);
  }

  static String event(String conversationId, String eventId, String messageId, String text, String authorType) {
    return "{\"id\":\"" + eventId + "\",\"type\":\"conversation:message\",\"createdAt\":\"" + Instant.now() + "\","
        + "\"payload\":{\"conversation\":{\"id\":\"" + conversationId + "\",\"type\":\"personal\"},"
        + "\"message\":{\"id\":\"" + messageId + "\",\"received\":\"" + Instant.now() + "\","
        + "\"author\":{\"type\":\"" + authorType + "\"" + (authorType.equals("user") ? ",\"userId\":\"u1\"" : "")
        + "},\"content\":{\"type\":\"text\",\"text\":\"" + text + "\"},\"source\":{\"type\":\"web\"}}}}";
  }

  @Override
  public String unknownConversationId() {
    return "0000000000000000deadbeef";
  }

  @Override
  public WebhookBody malformedWebhook() {
    return new WebhookBody("{\"app\":{\"id\":\"app\"},\"events\":[{\"id\":\"e1\",".getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  @Override
  public void close() {
    if (support != null) {
      support.close();
    }
    fake.close();
  }
}
