package io.deskbridge.salesforce;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.salesforce.internal.auth.SalesforceAuth;
import io.deskbridge.salesforce.internal.client.SalesforceHelpdeskClient;
import io.deskbridge.salesforce.internal.mapping.SalesforceErrorMapper;
import io.deskbridge.salesforce.internal.webhook.SalesforceWebhookEndpoint;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Salesforce Service Cloud installation (Cases): Outbound Messages in, the partner SOAP API (force-wsc) out. Thread-safe. */
final class SalesforceConnector implements Connector {
  static final String VENDOR = "salesforce";
  private static final Logger log = LoggerFactory.getLogger(SalesforceConnector.class);

  private final SalesforceConfig config;
  private final SalesforceHelpdeskClient client;
  private final SalesforceWebhookEndpoint webhook;
  private final SalesforceErrorMapper errors = new SalesforceErrorMapper();
  private final io.deskbridge.core.spi.KnowledgeSource knowledge;

  /** {@code settingsPath} names the settings in start-up errors, e.g. {@code installations[acme].settings}. */
  SalesforceConnector(String installationId, SalesforceConfig config, String settingsPath, Clock clock,
      boolean compression) {
    this.config = config;
    if (config.auth() instanceof SalesforceAuth.Password) {
      log.warn("{}: {}.auth.flow password uses SOAP login(), which Salesforce is retiring (not available from API "
          + "65.0, off by default in orgs created from Winter '26): move to client-credentials or jwt-bearer",
          installationId, settingsPath);
    }
    this.client = new SalesforceHelpdeskClient(installationId, config, settingsPath, clock, compression);
    this.webhook = new SalesforceWebhookEndpoint(config.organizationId(), config.webhookPathToken().map(Secret::reveal),
        config.webhookAllowFrom(), client.ownership()::botOwnerIds);
    this.knowledge = client.knowledge(clock);
  }

  /** Salesforce Knowledge's online, publicly visible {@code Knowledge__kav} versions (SOQL query / queryMore). */
  @Override
  public java.util.Optional<io.deskbridge.core.spi.KnowledgeSource> knowledgeSource() {
    return java.util.Optional.of(knowledge);
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

  /**
   * None of core's capabilities: no conditional writes (core re-reads before a public write), one call per action,
   * no tags, Outbound Messages carry no signature, Cases are not chat, and their events carry no opening. Notes take
   * 4,000 characters as CaseComments (split by bytes when longer in UTF-8) and 10,000 as FeedItems.
   */
  @Override
  public Capabilities capabilities() {
    // EmailMessage.Headers is read with every load: the loop guard knows auto-replies and bounces by their headers;
    // Deskbridge_Approved_At__c in a Case's Outbound Message approves the pending draft
    return new Capabilities(Set.of(io.deskbridge.core.spi.Capability.EMAIL_HEADERS,
        io.deskbridge.core.spi.Capability.DRAFT_APPROVAL),
        config.notes() == SalesforceConfig.Notes.FEED ? 10_000 : 4_000);
  }

  /** Closed Cases through a SOQL query and queryMore. */
  @Override
  public java.util.Optional<io.deskbridge.core.spi.HistoryReader> history() {
    return java.util.Optional.of(client.history());
  }

  @Override
  public ErrorMapper errorMapper() {
    return errors;
  }

  /**
   * The share of the org's daily API allocation ({@code dailyApiRequests}, else the {@code LimitInfoHeader}'s limit
   * seen at start) spread over the day's minutes; 0 (no limit) until the allocation is known.
   */
  @Override
  public int requestsPerMinute() {
    return client.limits().requestsPerMinute();
  }

  @Override
  public void close() {
    client.close();
  }
}
