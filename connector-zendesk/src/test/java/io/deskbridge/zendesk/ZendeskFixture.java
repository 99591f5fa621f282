package io.deskbridge.zendesk;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The contract kit's view of the Zendesk fake. */
final class ZendeskFixture implements VendorFixture {
  static final String SECRET = "webhook-signing-secret-for-tests";

  final ZendeskFake fake;
  private final OffsetClock clock = new OffsetClock();
  private final Set<Capability> withheld;

  ZendeskFixture() {
    this(Set.of());
  }

  /**
   * A fixture whose connectors declare Zendesk's capabilities minus {@code withheld}, so that the kit's tests for
   * vendors without them run against Zendesk's real client and fake (the client itself is unchanged).
   */
  ZendeskFixture(Set<Capability> withheld) {
    this.withheld = Set.copyOf(withheld);
    this.fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock)
        .withDelivery(Duration.ofSeconds(5), 5, Duration.ofMillis(200)));
  }

  private Connector declaring(Connector connector) {
    if (withheld.isEmpty()) {
      return connector;
    }
    var supported = EnumSet.noneOf(Capability.class);
    supported.addAll(connector.capabilities().supported());
    supported.removeAll(withheld);
    var capabilities = new Capabilities(supported, connector.capabilities().maxNoteChars());
    return new Connector() {
      @Override
      public String vendor() {
        return connector.vendor();
      }

      @Override
      public WebhookEndpoint webhook() {
        return connector.webhook();
      }

      @Override
      public HelpdeskClient client() {
        return connector.client();
      }

      @Override
      public Capabilities capabilities() {
        return capabilities;
      }

      @Override
      public ErrorMapper errorMapper() {
        return connector.errorMapper();
      }

      @Override
      public int requestsPerMinute() {
        return connector.requestsPerMinute();
      }

      @Override
      public void close() {
        connector.close();
      }
    };
  }

  @Override
  public void passTime(Duration duration) {
    clock.advance(duration);
  }

  static Settings settings(ZendeskFake fake, String token) {
    return Settings.of("installations[test].settings", Map.of(
        "url", fake.baseUrl(),
        "email", fake.config().agentEmail(),
        "apiToken", Secret.of(token),
        "webhookSecret", Secret.of(SECRET),
        "requestTimeout", "5s"));
  }

  @Override
  public Connector connector(String installationId, Clock clock) {
    return declaring(new ZendeskConnectorFactory().create(
        new ConnectorContext(installationId, settings(fake, fake.config().apiToken()), clock)));
  }

  @Override
  public Connector connectorWithWrongCredentials(String installationId, Clock clock) {
    return declaring(
        new ZendeskConnectorFactory().create(new ConnectorContext(installationId, settings(fake, "wrong"), clock)));
  }

  @Override
  public Routing routing() {
    Map<String, String> groups = fake.groups().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    return new Routing(groups.get("General"), groups, "deskbridge_handover");
  }

  @Override
  public void subscribe(URI webhookUrl) {
    fake.registerEventWebhook(webhookUrl, SECRET, List.of(ZendeskFake.TICKET_STATUS_CHANGED,
        ZendeskFake.TICKET_AGENT_ASSIGNMENT_CHANGED, ZendeskFake.TICKET_TAGS_CHANGED));
  }

  @Override
  public String botUserId() {
    return String.valueOf(fake.botUserId());
  }

  @Override
  public String customerOpens(String subject, String text, Set<String> tags) {
    return String.valueOf(fake.customerCreatesTicket("ann@example.com", "Ann Customer", subject, text, List.copyOf(tags)));
  }

  @Override
  public void customerWrites(String conversationId, String text) {
    fake.customerComments(Long.parseLong(conversationId), text);
  }

  @Override
  public void agentWrites(String conversationId, String text) {
    fake.agentComments(Long.parseLong(conversationId), fake.humanAgentId(), text, true);
  }

  /**
   * Zendesk: the agent adds the approval tag ({@code deskbridge_approve}); when the ticket carries it from an earlier
   * approval, the agent removes it first, as they would to approve a later draft.
   */
  @Override
  public void agentApprovesDraft(String conversationId) {
    long id = Long.parseLong(conversationId);
    String tag = io.deskbridge.zendesk.internal.webhook.ZendeskWebhookEndpoint.DRAFT_APPROVAL_TAG;
    if (fake.ticket(id).orElseThrow().tags().contains(tag)) {
      fake.agentRemovesTags(id, fake.humanAgentId(), List.of(tag));
    }
    fake.agentAddsTags(id, fake.humanAgentId(), List.of(tag));
  }

  /** Zendesk: the agent assigns the ticket to themself. */
  @Override
  public void agentTakes(String conversationId) {
    fake.agentAssigns(Long.parseLong(conversationId), fake.humanAgentId(), fake.humanAgentId());
  }

  /** Zendesk: the agent removes the handover tag (and any assignee), which is how a view gives it back. */
  @Override
  public void agentReleasesToBot(String conversationId) {
    long id = Long.parseLong(conversationId);
    if (fake.ticket(id).orElseThrow().assigneeId() != null) {
      fake.agentAssigns(id, fake.humanAgentId(), null);
    }
    fake.agentRemovesTags(id, fake.humanAgentId(), List.of(routing().handoverTag()));
  }

  @Override
  public void agentSolves(String conversationId) {
    fake.agentSetsStatus(Long.parseLong(conversationId), fake.humanAgentId(), "solved");
  }

  /** Zendesk: the handover tag, or an assignee other than the bot. */
  @Override
  public boolean ownedByPeople(String conversationId) {
    var ticket = fake.ticket(Long.parseLong(conversationId)).orElseThrow();
    return ticket.tags().contains(routing().handoverTag())
        || ticket.assigneeId() != null && ticket.assigneeId() != fake.botUserId();
  }

  @Override
  public int refusedCalls() {
    return fake.injectedFailures();
  }

  @Override
  public Fault rateLimit(Duration retryAfter) {
    return new Fault.HttpStatus(429, Optional.of(retryAfter));
  }

  @Override
  public Fault outage() {
    return new Fault.HttpStatus(503, Optional.empty());
  }

  private static Fault.HttpStatus http(Fault fault) {
    if (fault instanceof Fault.HttpStatus h) {
      return h;
    }
    throw new IllegalArgumentException("Zendesk's API answers with HTTP statuses, not " + fault);
  }

  private static Integer seconds(Fault.HttpStatus h) {
    return h.retryAfter().map(d -> (int) d.toSeconds()).orElse(null);
  }

  @Override
  public void failNextCalls(int count, Fault fault) {
    var h = http(fault);
    fake.failNext(count, h.status(), seconds(h));
  }

  @Override
  public void failNthWrite(int nth, Fault fault) {
    var h = http(fault);
    fake.failNthWrite(nth, h.status(), seconds(h));
  }

  @Override
  public void redeliverAll(String conversationId) {
    long id = Long.parseLong(conversationId);
    fake.deliveries().stream().filter(d -> d.ticketId() == id).sorted(java.util.Comparator.comparing(
        io.deskbridge.mock.zendesk.DeliveryRecord::sentAt)).map(io.deskbridge.mock.zendesk.DeliveryRecord::eventId)
        .distinct().toList().forEach(fake::redeliver);
  }

  @Override
  public void shuffleDeliveries(boolean on) {
    fake.chaos(on ? new ZendeskFake.Chaos(1, Duration.ofMillis(400), Duration.ZERO) : ZendeskFake.Chaos.NONE);
  }

  @Override
  public List<FakeMessage> messages(String conversationId) {
    long id = Long.parseLong(conversationId);
    long requester = fake.ticket(id).orElseThrow().requesterId();
    return fake.comments(id).stream().map(c -> new FakeMessage(
        c.authorId() == fake.botUserId() ? FakeMessage.BOT : c.authorId() == requester ? FakeMessage.CUSTOMER
            : FakeMessage.AGENT, c.isPublic(), c.body())).toList();
  }

  @Override
  public String groupOf(String conversationId) {
    Long group = fake.ticket(Long.parseLong(conversationId)).orElseThrow().groupId();
    return group == null ? "" : group.toString();
  }

  @Override
  public Set<String> tagsOf(String conversationId) {
    return new LinkedHashSet<>(fake.ticket(Long.parseLong(conversationId)).orElseThrow().tags());
  }

  @Override
  public void duplicateNextDelivery(int times) {
    fake.duplicateNextDelivery(times);
  }

  @Override
  public int apiCalls(String conversationId) {
    return fake.apiCalls(Long.parseLong(conversationId));
  }

  @Override
  public void awaitDeliveries(Duration timeout) {
    if (!fake.awaitIdle(timeout)) {
      throw new AssertionError("the fake still has webhook deliveries pending after " + timeout);
    }
  }

  @Override
  public Map<String, String> signedHeaders(byte[] body) {
    String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return Map.of("x-zendesk-webhook-signature-timestamp", timestamp,
        "x-zendesk-webhook-signature", ZendeskFake.sign(SECRET, timestamp, body),
        "x-zendesk-webhook-id", "01F1KRFQ6BG29CNWFR60NK5FNY");
  }

  /** Signed like Zendesk does, but with a secret that is not the webhook's. */
  @Override
  public Map<String, String> forgedHeaders(byte[] body) {
    String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return Map.of("x-zendesk-webhook-signature-timestamp", timestamp,
        "x-zendesk-webhook-signature", ZendeskFake.sign("not-the-webhook-secret", timestamp, body),
        "x-zendesk-webhook-id", "01F1KRFQ6BG29CNWFR60NK5FNY");
  }

  @Override
  public WebhookBody sampleWebhook(String conversationId) {
    return new WebhookBody(sampleWebhookBody(conversationId), "application/json");
  }

  /** A Zendesk event cut off in the middle. */
  @Override
  public WebhookBody malformedWebhook() {
    return new WebhookBody("{\"type\": \"zen:event-type:ticket.comment_added\", ".getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  byte[] sampleWebhookBody(String conversationId) {
    return ("{\"type\":\"zen:event-type:ticket.comment_added\",\"account_id\":123456,"
        + "\"id\":\"d8551ba3-4243-433c-8629-aa79dc3e7182\",\"time\":\"" + Instant.now() + "\","
        + "\"zendesk_event_version\":\"2022-11-06\",\"subject\":\"zen:ticket:" + conversationId + "\","
        + "\"detail\":{\"id\":\"" + conversationId + "\",\"status\":\"OPEN\",\"requester_id\":\"1\",\"tags\":[],"
        + "\"via\":{\"channel\":\"web\"}},"
        + "\"event\":{\"comment\":{\"id\":\"777\",\"body\":\"What are your opening hours?\",\"is_public\":true,"
        + "\"author\":{\"id\":\"1\",\"name\":\"Ann\",\"is_staff\":false}}}}").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    fake.close();
  }
}
