package io.deskbridge.core.contract;

import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a vendor module gives the contract tests: a connector pointed at its fake, the fake's state seen from
 * the outside, the people's actions on the vendor's side, and the vendor's own shape of bad input and faults.
 * Every count and assertion in the kit comes from the fake's own state; nothing here names a vendor's detail
 * the kit would assert on.
 */
public interface VendorFixture extends AutoCloseable {

  /** A message as the fake stores it. */
  record FakeMessage(String author, boolean isPublic, String text) {
    /** Authors as the kit names them. */
    public static final String CUSTOMER = "customer";
    public static final String BOT = "bot";
    public static final String AGENT = "agent";
  }

  /** A failure as the vendor's API sends it, so that the fake can inject it. */
  sealed interface Fault {
    /** An HTTP status, with a {@code Retry-After} when present. */
    record HttpStatus(int status, Optional<Duration> retryAfter) implements Fault {}

    /** A SOAP fault with the vendor's fault code (for example {@code REQUEST_LIMIT_EXCEEDED}). */
    record SoapFault(String code) implements Fault {}

    /** The wait the vendor asks for, when it says one. */
    default Optional<Duration> retryAfter() {
      return this instanceof HttpStatus h ? h.retryAfter() : Optional.empty();
    }
  }

  /**
   * What an agent sees first when a handed-over conversation reaches them.
   *
   * @param transcript the texts of the conversation's messages shown to the agent, oldest first
   * @param summary    the bot's handover summary as the agent reads it, empty when there is none
   */
  record AgentView(List<String> transcript, String summary) {
    public AgentView {
      transcript = List.copyOf(transcript);
      summary = summary == null ? "" : summary;
    }
  }

  /** A webhook request as the vendor sends it: the body and its content type. */
  record WebhookBody(byte[] body, String contentType) {}

  // ---------------------------------------------------------------- the connector

  /** Builds the vendor's connector for an installation, configured against the fake. */
  Connector connector(String installationId, Clock clock);

  /** The same connector with a wrong API credential, to check that authentication failures map right. */
  Connector connectorWithWrongCredentials(String installationId, Clock clock);

  /** Routing with the fake's ids: routing group names to group, queue or category ids, and a default one. */
  Routing routing();

  /** Makes the fake deliver its webhooks (every kind the connector decodes) to this URL, authenticated. */
  void subscribe(URI webhookUrl);

  /** The vendor's id of the user the connector authenticates as. */
  String botUserId();

  // ---------------------------------------------------------------- people on the vendor's side

  /** A customer opens a conversation with tags (ignored by vendors without tags); returns its id. */
  String customerOpens(String subject, String text, Set<String> tags);

  /** A customer opens a conversation; returns its id. The fake sends its webhook. */
  default String customerOpens(String subject, String text) {
    return customerOpens(subject, text, Set.of());
  }

  /** The customer writes again in a conversation (in a solved one, this reopens it). */
  void customerWrites(String conversationId, String text);

  /**
   * The customer's side sends an e-mail with these headers into the conversation (an auto-reply, a bounce: what a
   * mail system sends on its own). Only for a connector that declares
   * {@link io.deskbridge.core.spi.Capability#EMAIL_HEADERS}; the default refuses, so such a fixture must override it.
   */
  default void customerEmails(String conversationId, String text, Map<String, String> headers) {
    throw new UnsupportedOperationException(
        "a fixture whose connector declares EMAIL_HEADERS sends e-mails with headers");
  }

  /** A human agent writes publicly in a conversation. */
  void agentWrites(String conversationId, String text);

  /**
   * A human agent approves the bot's draft in the conversation the way the vendor lets them (Zendesk: adds the
   * approval tag, removing it first when it is there from an earlier approval), for a connector that declares
   * {@link io.deskbridge.core.spi.Capability#DRAFT_APPROVAL}; the default refuses, so a fixture whose connector
   * declares it must override this.
   */
  default void agentApprovesDraft(String conversationId) {
    throw new UnsupportedOperationException("the connector does not declare DRAFT_APPROVAL; its agents approve a "
        + "draft by sending it themselves");
  }

  /** A human agent takes the conversation without writing (assigns it to themself, or takes ownership). */
  void agentTakes(String conversationId);

  /** A human agent gives the conversation back to the bot, as the vendor's routing does it. */
  void agentReleasesToBot(String conversationId);

  /** A human agent marks the conversation solved (or closes a chat). */
  void agentSolves(String conversationId);

  /**
   * The vendor stops reporting any agent as online (everyone logged out or away), for a connector that declares
   * {@link io.deskbridge.core.spi.Capability#AGENT_AVAILABILITY}; the default refuses, so a fixture whose connector
   * declares it must override this.
   */
  default void noAgentsOnline() {
    throw new UnsupportedOperationException("the connector declares AGENT_AVAILABILITY; its fixture must let the "
        + "kit take every agent offline");
  }

  /**
   * The descriptions of the tickets the conversation was kept as for a follow-up, oldest first, as the people who
   * follow it up read them, for a connector that declares {@link io.deskbridge.core.spi.Capability#FOLLOW_UP_TICKET};
   * the default refuses, so a fixture whose connector declares it must override this.
   */
  default List<String> followUpsOf(String conversationId) {
    throw new UnsupportedOperationException("the connector declares FOLLOW_UP_TICKET; its fixture must show the "
        + "kit the follow-up tickets");
  }

  /**
   * Lets time pass on the vendor's side, so that the next change gets a new version (vendors stamp versions
   * with a clock of limited precision; Zendesk's is one second).
   */
  void passTime(Duration duration);

  // ---------------------------------------------------------------- the fake's state

  /** The conversation's messages, oldest first. */
  List<FakeMessage> messages(String conversationId);

  /**
   * The agent's first view of a handed-over conversation. The default reads it from {@link #messages}: every public
   * message, and the bot's last internal note as the summary (a ticket's thread); a vendor whose agent sees another
   * transcript (a chat's handover carries where it starts) overrides this.
   */
  default AgentView agentView(String conversationId) {
    var all = messages(conversationId);
    var notes = all.stream().filter(m -> !m.isPublic() && m.author().equals(FakeMessage.BOT)).toList();
    return new AgentView(all.stream().filter(FakeMessage::isPublic).map(FakeMessage::text).toList(),
        notes.isEmpty() ? "" : notes.get(notes.size() - 1).text());
  }

  /**
   * Whether the vendor has no agent-only note, so that the connector posts the handover summary as one of the bot's
   * public messages (the agent reads it in the conversation, and so does the customer). The default is false: the
   * summary is an internal note. Where true, the kit treats the bot's public messages whose text is the
   * {@link #agentView agent's summary} as the summary rather than as messages to the customer, and asserts in every
   * handover test that the summary was indeed posted publicly, exactly once.
   */
  default boolean summaryIsPublic() {
    return false;
  }

  /** The id the conversation is routed to (group, queue or category), empty when none. */
  String groupOf(String conversationId);

  /** Whether the vendor shows the conversation as owned by people (handed over, taken, assigned to a person). */
  boolean ownedByPeople(String conversationId);

  /** The conversation's tags; empty for vendors without tags. */
  Set<String> tagsOf(String conversationId);

  /** Authenticated API calls made about the conversation so far, the refused ones included. */
  int apiCalls(String conversationId);

  /** API calls the fake refused with an injected fault so far (all conversations). */
  int refusedCalls();

  /**
   * Calls of an undisturbed answer that the engine makes only on a best-effort basis (a chat's typing indicator) and
   * skips while the vendor's circuit is open: an answer given after an outage may lack them.
   */
  default int bestEffortCallsPerAnswer() {
    return 0;
  }

  // ---------------------------------------------------------------- faults

  /** The vendor's way to say "too many requests": for HTTP vendors 429 with this Retry-After. */
  Fault rateLimit(Duration retryAfter);

  /** The vendor's way to say "down, nothing was done": for HTTP vendors 503. */
  Fault outage();

  /** The next {@code count} API calls fail with {@code fault}, without touching state. */
  void failNextCalls(int count, Fault fault);

  /** The {@code nth} next call that writes (not a read) fails once with {@code fault}; the others pass. */
  void failNthWrite(int nth, Fault fault);

  // ---------------------------------------------------------------- webhook delivery

  /** The next webhook is delivered {@code times} times in all, with the same event id. */
  void duplicateNextDelivery(int times);

  /**
   * Every webhook already sent about the conversation is delivered again, oldest first, each with the event id
   * it had (as the vendor's own late retries do).
   */
  void redeliverAll(String conversationId);

  /** While on, the fake delivers webhooks out of order (each after its own random delay). */
  void shuffleDeliveries(boolean on);

  /** Waits until the fake has no webhook delivery pending. */
  void awaitDeliveries(Duration timeout);

  // ---------------------------------------------------------------- webhook requests made by the kit

  /** Headers that make {@code body} an authentic webhook request for the connector. */
  Map<String, String> signedHeaders(byte[] body);

  /** Headers for {@code body} that fail the connector's signature or authentication check. */
  Map<String, String> forgedHeaders(byte[] body);

  /** A request the vendor could send for a new customer message in a conversation. */
  WebhookBody sampleWebhook(String conversationId);

  /**
   * A request for a new customer message that the connector must refuse as not authentic, sent with
   * {@link #forgedHeaders}: by default the sample itself (vendors that sign or authenticate in headers); a vendor
   * that authenticates in the body (Salesforce's OrganizationId) gives a body as someone else would send it.
   */
  default WebhookBody forgedWebhook(String conversationId) {
    return sampleWebhook(conversationId);
  }

  /**
   * An id shaped like the vendor's conversation ids that names no conversation (Zendesk: a number; Salesforce: an
   * 18-character Case id), so that loading it is "not found" rather than "not an id".
   */
  default String unknownConversationId() {
    return "999999999";
  }

  /** A request in the vendor's content type whose body is cut off (not parseable). */
  WebhookBody malformedWebhook();
}
