package io.deskbridge.zendesk;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.KnowledgeSource;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.zendesk.internal.client.ZendeskHelpdeskClient;
import io.deskbridge.zendesk.internal.knowledge.ZendeskKnowledgeSource;
import io.deskbridge.zendesk.internal.mapping.ZendeskErrorMapper;
import io.deskbridge.zendesk.internal.webhook.ZendeskWebhookEndpoint;
import java.time.Clock;
import java.util.Optional;

/** A Zendesk Support installation: signed webhooks in, zendesk-java-client out. Thread-safe. */
final class ZendeskConnector implements Connector {
  static final String VENDOR = "zendesk";

  private final ZendeskHelpdeskClient client;
  private final ZendeskWebhookEndpoint webhook;
  private final ZendeskErrorMapper errors = new ZendeskErrorMapper();
  private final ZendeskKnowledgeSource knowledge;
  private final io.deskbridge.core.spi.SatisfactionSource satisfaction;

  /** {@code settingsPath} names the settings in start-up errors, e.g. {@code installations[acme].settings}. */
  ZendeskConnector(String installationId, ZendeskConfig config, String settingsPath, Clock clock, String handoverTag) {
    this.client = new ZendeskHelpdeskClient(installationId, config.url(), config.email(), config.apiToken(),
        config.requestTimeout(), settingsPath, handoverTag);
    this.webhook = new ZendeskWebhookEndpoint(installationId, config.webhookSecret(), config.signatureTolerance(), clock,
        client.ownership());
    this.knowledge = new ZendeskKnowledgeSource(client.sdk(), clock);
    this.satisfaction = client.satisfaction();
  }

  /** The Help Center's articles: the incremental export with translations (see {@link ZendeskKnowledgeSource}). */
  @Override
  public Optional<KnowledgeSource> knowledgeSource() {
    return Optional.of(knowledge);
  }

  @Override
  public String vendor() {
    return VENDOR;
  }

  @Override
  public WebhookEndpoint webhook() {
    return webhook;
  }

  @Override
  public HelpdeskClient client() {
    return client;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(java.util.EnumSet.of(Capability.CONDITIONAL_WRITES, Capability.ATOMIC_UPDATE, Capability.TAGS,
        Capability.SIGNED_WEBHOOKS, Capability.OPENING_IN_EVENT, Capability.DRAFT_APPROVAL), 65_536);
  }

  /** The tickets' satisfaction ratings (legacy CSAT) for the dashboard (see the client's satisfaction source). */
  @Override
  public Optional<io.deskbridge.core.spi.SatisfactionSource> satisfaction() {
    return Optional.of(satisfaction);
  }

  /** Solved and closed tickets through the incremental ticket export and the comments. */
  @Override
  public java.util.Optional<io.deskbridge.core.spi.HistoryReader> history() {
    return java.util.Optional.of(client.history());
  }

  @Override
  public ErrorMapper errorMapper() {
    return errors;
  }

  /** Zendesk's smallest current plan allows 200 requests a minute per account (Suite Team); configure more. */
  @Override
  public int requestsPerMinute() {
    return 200;
  }

  @Override
  public void close() {
    client.close();
  }
}
