package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A helpdesk as {@code demo}, {@code bench} and the chaos tests drive it: its fake (from mock-servers, which ships in
 * the optional {@code lib-demo/} folder), the installation that points a connector at it, what customers and agents
 * do there, and what the agent then sees on a conversation, all counted from the fake's own state. One implementation
 * per vendor; the scripts and counts above it are the same for every vendor. Public for the chaos tests (package
 * {@code io.deskbridge.app.chaos}). Thread-safe as the fakes are. Closing stops the fake.
 */
public interface DemoVendor extends AutoCloseable {
  /** The webhook signing secret of the demo's installations (a constant: the fake and the connector both know it). */
  String SECRET = "demo-webhook-signing-secret";

  /** What a vendor's conversations are: tickets (e-mail, web forms) or chats; the demo plays one script per channel. */
  enum Channel { TICKET, CHAT }

  /**
   * The vendors, as {@code --vendor} names them ({@link #id()}), each with its {@link Channel}. A variant runs a vendor
   * another way (Daktela polled instead of sending webhooks); {@code all} means the ticket vendors, not their variants
   * (the demo adds the chat vendors itself). A chat vendor's {@link #start} returns a {@link ChatDemoVendor}.
   */
  enum Kind {
    zendesk("zendesk", "Zendesk", false, Channel.TICKET),
    salesforce("salesforce", "Salesforce", false, Channel.TICKET),
    daktela("daktela", "Daktela", false, Channel.TICKET),
    /** Daktela without the Events module: the connector polls tickets and activities (every 0.25 s here). */
    daktelaPolling("daktela-polling", "Daktela (polling)", true, Channel.TICKET),
    /** Zendesk messaging: Sunshine Conversations' switchboard and batched webhooks. */
    zendeskMessaging("zendesk-messaging", "Zendesk messaging", false, Channel.CHAT),
    /** Daktela web chat: the connector as the chat routing's external bot. */
    daktelaChat("daktela-chat", "Daktela web chat", false, Channel.CHAT);

    private final String id;
    private final String title;
    private final boolean variant;
    private final Channel channel;

    Kind(String id, String title, boolean variant, Channel channel) {
      this.id = id;
      this.title = title;
      this.variant = variant;
      this.channel = channel;
    }

    /** The name {@code --vendor} takes. */
    public String id() {
      return id;
    }

    /** The vendor's name for people. */
    public String title() {
      return title;
    }

    /** Tickets or chats. */
    public Channel channel() {
      return channel;
    }

    /** The ticket vendors themselves, without their variants: what {@code all} means. */
    public static List<Kind> vendors() {
      return vendors(Channel.TICKET);
    }

    /** The vendors of a channel, without their variants. */
    public static List<Kind> vendors(Channel channel) {
      return java.util.Arrays.stream(values()).filter(k -> !k.variant && k.channel == channel).toList();
    }

    /** Every kind of a channel, variants included. */
    public static List<Kind> all(Channel channel) {
      return java.util.Arrays.stream(values()).filter(k -> k.channel == channel).toList();
    }

    /**
     * Starts this vendor's fake, delivering webhooks with {@code deliveryTimeout} per attempt and retrying failed
     * deliveries every 200 ms (a few times, or, where the vendor itself keeps retrying, as long as it does).
     */
    public DemoVendor start(Duration deliveryTimeout) {
      return switch (this) {
        case zendesk -> ZendeskDemoVendor.start(deliveryTimeout);
        case salesforce -> SalesforceDemoVendor.start(deliveryTimeout);
        case daktela -> DaktelaDemoVendor.start(deliveryTimeout, DaktelaDemoVendor.Events.webhooks);
        case daktelaPolling -> DaktelaDemoVendor.start(deliveryTimeout, DaktelaDemoVendor.Events.polling);
        case zendeskMessaging -> ZendeskMessagingDemoVendor.start(deliveryTimeout);
        case daktelaChat -> DaktelaChatDemoVendor.start(deliveryTimeout);
      };
    }

    /**
     * Starts a chat vendor's fake, as {@link #start}.
     *
     * @throws IllegalStateException for a ticket vendor
     */
    public ChatDemoVendor startChat(Duration deliveryTimeout) {
      if (channel != Channel.CHAT) {
        throw new IllegalStateException(id + " is a ticket vendor, not a chat vendor");
      }
      return (ChatDemoVendor) start(deliveryTimeout);
    }

    /** {@code all} is every vendor (not the variants); otherwise the named ones. */
    static List<Kind> parse(String names) {
      if (names.strip().equalsIgnoreCase("all")) {
        return vendors();
      }
      return java.util.Arrays.stream(names.split(",")).map(String::strip).map(n -> java.util.Arrays.stream(values())
          .filter(k -> k.id.equalsIgnoreCase(n)).findFirst().orElseThrow(() -> new IllegalArgumentException(
              "--vendor: '" + n + "' is not a vendor; use one of " + ids() + " or all")))
          .distinct().toList();
    }

    /** Every {@code --vendor} name. */
    static List<String> ids() {
      return java.util.Arrays.stream(values()).map(Kind::id).toList();
    }
  }

  /** Who wrote an entry on a conversation. */
  enum Author { CUSTOMER, BOT, AGENT }

  /**
   * One message or note on a conversation, as the fake holds it.
   *
   * @param isPublic whether the customer sees it (a reply, an e-mail, a published comment); false for internal notes
   * @param at       when the fake stored it, at the full precision of the fake's clock (for latency measurements)
   */
  record Entry(Author author, boolean isPublic, String body, Instant at) {}

  /**
   * One webhook delivery attempt.
   *
   * @param conversations the conversations its events are about
   * @param events        how many events it carried (Salesforce batches up to 100 notifications in one message)
   * @param status        the connector's HTTP status, -1 when none came
   * @param acknowledged  whether the vendor counts it as delivered
   * @param sentAt        when the fake handed it to its HTTP client
   * @param elapsed       until the answer arrived: the acknowledgement latency as the vendor sees it
   */
  record Attempt(List<String> conversations, int events, int status, boolean acknowledged, Instant sentAt,
      Duration elapsed) {
    public Attempt {
      conversations = List.copyOf(conversations);
    }
  }

  Kind kind();

  /** The fake's base URL. */
  String baseUrl();

  /** An installation of a connector in this JVM pointed at the fake. */
  DeskbridgeConfig.InstallationConfig installation(String id, Mode mode, RetryPolicy retry, int requestsPerMinute);

  /**
   * The vendor's part of an installation in a {@code serve} configuration file: the {@code vendor}, {@code routing}
   * and {@code settings} keys, each line starting with {@code indent}; secrets are written into files in
   * {@code secrets} and referenced as {@code {file: …}}.
   */
  String installationYaml(String indent, Path secrets) throws java.io.IOException;

  /**
   * Sends the fake's webhooks (events about conversations) to the first endpoint; with more than one, every delivery
   * attempt to the next in turn, as a load balancer in front of several connector instances.
   */
  void deliverTo(List<URI> endpoints);

  /** A customer opens a conversation with {@code text} as its first message; its id. */
  String customerOpens(String email, String name, String subject, String text);

  /** The customer writes again on the conversation. */
  void customerWrites(String conversation, String text);

  /** A human agent answers the customer publicly (and so takes the conversation over). */
  void agentAnswers(String conversation, String text);

  /**
   * A human agent marks the conversation solved or closed, as history replay ({@code simulate}) reads it; ticket
   * vendors whose history the replay reads implement it.
   *
   * @throws UnsupportedOperationException for a vendor without such a state here
   */
  default void agentSolves(String conversation) {
    throw new UnsupportedOperationException(kind() + ": the demo cannot solve a conversation");
  }

  /** The conversation's messages and notes in the order the fake stored them (the opening message included). */
  List<Entry> entries(String conversation);

  /** The name of the group or queue the conversation is in, or {@code ""} when none. */
  String queue(String conversation);

  /** Every webhook delivery attempt so far. */
  List<Attempt> deliveries();

  /** Waits until no webhook delivery is pending; false on timeout. */
  boolean awaitIdle(Duration timeout);

  /** API calls the connector made so far, all of them. */
  int apiCalls();

  /** API calls about this conversation (those whose request names it or one of its parts). */
  int apiCalls(String conversation);

  /** Requests the fake could not serve; a correct connector makes none. */
  List<String> unmatchedRequests();

  /** Chaos: every event is delivered {@code copies} times in all, each copy after a random wait up to {@code jitter}. */
  void duplicateAndReorder(int copies, Duration jitter);

  /** Chaos: a delivery that finds no connector listening is tried again for up to {@code window} (a restart). */
  void redeliverWhileUnreachable(Duration window);

  /** Chaos: each API call fails with the vendor's "server unavailable" (5xx) with probability {@code share}. */
  void failRandomly(double share);

  /** Chaos: the next {@code calls} API calls hit the vendor's rate limit. */
  void rateLimitBurst(int calls);

  /**
   * How long the connector holds back after a rate-limit answer: zero when the vendor says to retry within seconds
   * (Zendesk's {@code Retry-After}); minutes when the limit is a rolling daily allocation (Salesforce). A test that
   * storms the limit moves the connector's clock on by this much once the storm's answers are in.
   */
  Duration rateLimitPause();

  /** API calls answered with the vendor's rate-limit answer so far (from the fake's journal). */
  int rateLimitAnswers();

  /** Stops the faults {@link #failRandomly} and {@link #rateLimitBurst} started. */
  void clearFaults();

  @Override
  void close();
}
