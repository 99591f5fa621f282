package io.deskbridge.core.spi;

/**
 * One installation's connection to a helpdesk: its webhook endpoint, its API client and its error mapper.
 * Implementations are thread-safe.
 */
public interface Connector extends AutoCloseable {

  /** The vendor id, as {@link ConnectorFactory#vendor()}. */
  String vendor();

  /** Verifies and decodes the vendor's webhooks. */
  WebhookEndpoint webhook();

  /** Reads and writes conversations through the vendor's API. Calls may throw any SDK exception. */
  HelpdeskClient client();

  /** What the vendor's API can do; core adapts to what it lacks. */
  Capabilities capabilities();

  /** Maps the client's failures to core's exceptions. */
  ErrorMapper errorMapper();

  /**
   * The poller core runs for this installation instead of (or besides) waiting for webhooks; empty (the default)
   * when the installation receives webhooks only.
   */
  default java.util.Optional<EventPoller> poller() {
    return java.util.Optional.empty();
  }

  /**
   * Reads the helpdesk's solved conversations for history replay ({@code simulate}); empty (the default) when the
   * connector cannot.
   */
  default java.util.Optional<HistoryReader> history() {
    return java.util.Optional.empty();
  }

  /**
   * The helpdesk's own knowledge base, which core syncs into the bot's knowledge when the installation configures
   * {@code knowledge.sync}; empty (the default) when the vendor has none or the connector does not read it.
   */
  default java.util.Optional<KnowledgeSource> knowledgeSource() {
    return java.util.Optional.empty();
  }

  /**
   * The helpdesk's customer satisfaction ratings, which core polls for the admin dashboard's CSAT
   * ({@code admin.satisfactionEvery}); empty (the default) when the vendor has none or the connector does not read
   * them, and the dashboard then says CSAT is not provided by that helpdesk.
   */
  default java.util.Optional<SatisfactionSource> satisfaction() {
    return java.util.Optional.empty();
  }

  /**
   * The vendor's documented API budget for one account, in requests per minute; core's rate limiter uses it
   * unless the installation configures its own. The default, 0, means no limit. Core asks before the start-up calls
   * and again after {@link HelpdeskClient#whoAmI()} and {@link HelpdeskClient#checkRoutes}, so a connector may
   * derive it from what those calls told it (Salesforce: the org's daily allocation).
   */
  default int requestsPerMinute() {
    return 0;
  }

  /** Releases HTTP clients and threads; the default does nothing. */
  @Override
  default void close() {}
}
