package io.deskbridge.core.contract;

import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a vendor module gives the contract tests: a connector pointed at its fake, and the fake's state
 * seen from the outside. Every count and assertion in the kit comes from the fake's own state.
 */
public interface VendorFixture extends AutoCloseable {

  /** A message as the fake stores it. */
  record FakeMessage(String author, boolean isPublic, String text) {
    /** Authors as the kit names them. */
    public static final String CUSTOMER = "customer";
    public static final String BOT = "bot";
    public static final String AGENT = "agent";
  }

  /** Builds the vendor's connector for an installation, configured against the fake. */
  Connector connector(String installationId, Clock clock);

  /** The same connector with a wrong API credential, to check that authentication failures map right. */
  Connector connectorWithWrongCredentials(String installationId, Clock clock);

  /** Routing with the fake's group ids: routing group names to ids and a default group. */
  Routing routing();

  /** Makes the fake deliver its webhooks to this URL, signed as the connector expects. */
  void subscribe(URI webhookUrl);

  /** The vendor's id of the user the connector authenticates as. */
  String botUserId();

  /** A customer opens a conversation with tags; returns its id. The fake sends its webhook. */
  String customerOpens(String subject, String text, Set<String> tags);

  /** A customer opens a conversation; returns its id. The fake sends its webhook. */
  default String customerOpens(String subject, String text) {
    return customerOpens(subject, text, Set.of());
  }

  /** The customer writes again in a conversation. */
  void customerWrites(String conversationId, String text);

  /** A human agent writes publicly in a conversation. */
  void agentWrites(String conversationId, String text);

  /**
   * Lets time pass on the vendor's side, so that the next change gets a new version (vendors stamp versions
   * with a clock of limited precision; Zendesk's is one second).
   */
  void passTime(Duration duration);

  /** The conversation's messages, oldest first. */
  List<FakeMessage> messages(String conversationId);

  /** The id of the group the conversation is assigned to, empty when none. */
  String groupOf(String conversationId);

  /** The conversation's tags. */
  Set<String> tagsOf(String conversationId);

  /** The next {@code count} API calls fail with this status (and Retry-After seconds when positive). */
  void failNextCalls(int count, int status, int retryAfterSeconds);

  /** The next webhook is delivered {@code times} times in all, with the same event id. */
  void duplicateNextDelivery(int times);

  /** Authenticated API calls made about the conversation so far. */
  int apiCalls(String conversationId);

  /** Waits until the fake has no webhook delivery pending. */
  void awaitDeliveries(Duration timeout);

  /** Headers that make {@code body} an authentic webhook request for the connector. */
  Map<String, String> signedHeaders(byte[] body);

  /** A body the vendor could send for a new customer message in a conversation. */
  byte[] sampleWebhookBody(String conversationId);
}
