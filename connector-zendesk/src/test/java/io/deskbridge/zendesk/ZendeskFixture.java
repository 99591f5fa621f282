package io.deskbridge.zendesk;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The contract kit's view of the Zendesk fake. */
final class ZendeskFixture implements VendorFixture {
  static final String SECRET = "webhook-signing-secret-for-tests";

  final ZendeskFake fake;
  private final OffsetClock clock = new OffsetClock();

  ZendeskFixture() {
    this.fake = ZendeskFake.start(ZendeskFake.Config.defaults().withClock(clock)
        .withDelivery(Duration.ofSeconds(5), 5, Duration.ofMillis(200)));
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
    return new ZendeskConnectorFactory().create(
        new ConnectorContext(installationId, settings(fake, fake.config().apiToken()), clock));
  }

  @Override
  public Connector connectorWithWrongCredentials(String installationId, Clock clock) {
    return new ZendeskConnectorFactory().create(new ConnectorContext(installationId, settings(fake, "wrong"), clock));
  }

  @Override
  public Routing routing() {
    Map<String, String> groups = fake.groups().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    return new Routing(groups.get("General"), groups, "deskbridge_handover");
  }

  @Override
  public void subscribe(URI webhookUrl) {
    fake.registerEventWebhookWithChanges(webhookUrl, SECRET);
  }

  /** A person removes the handover tag: the ticket goes back to the bot. */
  void agentRemovesTag(String conversationId, String tag) {
    long id = Long.parseLong(conversationId);
    var tags = new LinkedHashSet<>(fake.ticket(id).orElseThrow().tags());
    tags.remove(tag);
    fake.agentUpdates(id, fake.humanAgentId(), "{\"tags\":[" + tags.stream().map(t -> "\"" + t + "\"")
        .collect(Collectors.joining(",")) + "]}");
  }

  /** A person sets the ticket's status, e.g. {@code solved}. */
  void agentSetsStatus(String conversationId, String status) {
    fake.agentUpdates(Long.parseLong(conversationId), fake.humanAgentId(), "{\"status\":\"" + status + "\"}");
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
  public void failNextCalls(int count, int status, int retryAfterSeconds) {
    fake.failNext(count, status, retryAfterSeconds > 0 ? retryAfterSeconds : null);
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

  @Override
  public byte[] sampleWebhookBody(String conversationId) {
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
