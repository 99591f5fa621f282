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

  /** Maps the client's failures to core's exceptions. */
  ErrorMapper errorMapper();

  /** Releases HTTP clients and threads; the default does nothing. */
  @Override
  default void close() {}
}
