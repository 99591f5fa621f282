package io.deskbridge.daktela;

import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.EventPoller;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.daktela.internal.client.DaktelaHelpdeskClient;
import io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper;
import io.deskbridge.daktela.internal.poll.DaktelaPoller;
import io.deskbridge.daktela.internal.webhook.DaktelaWebhookEndpoint;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A Daktela v6 installation (tickets and their e-mail activities): Events-module webhooks or polling in, the REST
 * API through Feign out. Thread-safe.
 */
final class DaktelaConnector implements Connector {
  static final String VENDOR = "daktela";

  private final DaktelaConfig config;
  private final DaktelaHelpdeskClient client;
  private final DaktelaWebhookEndpoint webhook;
  private final Optional<EventPoller> poller;
  private final DaktelaErrorMapper errors = new DaktelaErrorMapper();
  private final io.deskbridge.core.spi.KnowledgeSource knowledge;

  /** {@code settingsPath} names the settings in start-up errors, e.g. {@code installations[acme].settings}. */
  DaktelaConnector(String installationId, DaktelaConfig config, String settingsPath, Clock clock) {
    this.config = config;
    this.client = new DaktelaHelpdeskClient(installationId, config, settingsPath, clock);
    this.webhook = new DaktelaWebhookEndpoint(config.webhookSecret(), config.webhookSecretHeader(), client.botLogin(),
        clock);
    this.poller = config.events() == DaktelaConfig.Events.POLLING
        ? Optional.of(new DaktelaPoller(client.changes(), client.time(), config.pollInterval(), config.pollOverlap(),
            client.botLogin()))
        : Optional.empty();
    this.knowledge = client.knowledge(clock);
  }

  /** The knowledge base's {@code articles} (see the connector README for the assumed record shape). */
  @Override
  public Optional<io.deskbridge.core.spi.KnowledgeSource> knowledgeSource() {
    return Optional.of(knowledge);
  }

  @Override
  public String vendor() {
    return VENDOR;
  }

  /** The Events module's webhooks; with {@code events: polling} and no {@code webhookSecret} it refuses every request. */
  @Override
  public WebhookEndpoint webhook() {
    return webhook;
  }

  @Override
  public HelpdeskClient client() {
    return client;
  }

  /** With {@code events: polling}, the poller core runs over the REST API; else empty. */
  @Override
  public Optional<EventPoller> poller() {
    return poller;
  }

  /**
   * One ticket update carries the handover note ({@code comment}) with the category, user and stage (ATOMIC_UPDATE);
   * agents work tickets through comments, so an agent's comment takes a ticket over (AGENT_NOTES_TAKE_OVER). No
   * conditional writes (core re-reads before a public write), no tags, no signed webhooks (a shared secret), no
   * opening in the event (the trigger carries ids only), no chat. Comments take long texts; 65,000 characters.
   */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(Set.of(Capability.ATOMIC_UPDATE, Capability.AGENT_NOTES_TAKE_OVER,
        Capability.EMAIL_HEADERS), 65_000); // EMAIL_HEADERS: an incoming e-mail's options.headers
  }

  /** Closed tickets through {@code tickets.json} and each ticket's activities. */
  @Override
  public Optional<io.deskbridge.core.spi.HistoryReader> history() {
    return Optional.of(client.history());
  }

  @Override
  public ErrorMapper errorMapper() {
    return errors;
  }

  /** The {@code requestsPerMinute} setting (default 300): Daktela publishes no limit, so the default is cautious. */
  @Override
  public int requestsPerMinute() {
    return config.requestsPerMinute();
  }
}
