package io.deskbridge.daktela;

import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.daktela.internal.chat.DaktelaChatClient;
import io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper;
import io.deskbridge.daktela.internal.chat.DaktelaChatWebhookEndpoint;
import io.deskbridge.daktela.internal.chat.DaktelaChatAvailability;
import io.deskbridge.daktela.internal.client.DaktelaFollowUpTickets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A Daktela web chat installation: the external bot of a web-chat routing. Customers' messages come in with their
 * chat's {@code response_url} (checked against a secret token), and replies and the {@code transfer} to a queue go
 * back to it. The wire shapes are old and unverified ({@code DaktelaChatWire}). Thread-safe.
 */
final class DaktelaChatConnector implements Connector {
  /** The longest summary posted in the chat at a handover (Daktela's chat limit is not documented). */
  static final int MAX_NOTE_CHARS = 2000;

  private final DaktelaChatClient client;
  private final DaktelaChatWebhookEndpoint webhook;
  private final DaktelaErrorMapper errors = new DaktelaErrorMapper();
  private final boolean availability;
  private final boolean followUps;

  DaktelaChatConnector(String installationId, DaktelaChatConfig config, String settingsPath, Clock clock) {
    this(installationId, config, Optional.empty(), settingsPath, clock);
  }

  /** With {@code api}, the connector asks Daktela's realtime sessions whether anyone is online at a handover. */
  DaktelaChatConnector(String installationId, DaktelaChatConfig config, Optional<DaktelaChatApiAccess> api,
      String settingsPath, Clock clock) {
    this.availability = api.isPresent();
    this.followUps = api.flatMap(DaktelaChatApiAccess::followUpCategory).isPresent();
    this.client = new DaktelaChatClient(installationId, config, settingsPath, clock, api.map(a ->
        DaktelaChatAvailability.overRest(config.url(), a.authIn(), a.accessToken(), config.requestTimeout(), clock)),
        api.flatMap(a -> a.followUpCategory().map(c -> new DaktelaFollowUpTickets(config.url(), a.authIn(),
            a.accessToken(), config.requestTimeout(), clock, c))));
    this.webhook = client.webhookEndpoint(installationId);
  }

  @Override
  public String vendor() {
    return DaktelaChatClient.VENDOR;
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
   * {@code CHAT} (core debounces quick lines) and {@code HANDOVER_ENDS_BOT_WRITES}: after a {@code transfer} Daktela
   * refuses the bot's answers, so a handover's message to the customer goes before it. Nothing else holds: every
   * answer is one POST of one kind (no atomic update), the protocol has no versions, tags, signatures or agent notes.
   * With REST API access ({@code accessToken}), also {@code AGENT_AVAILABILITY} (realtime sessions), and with a
   * {@code followUpCategory} {@code FOLLOW_UP_TICKET} (a chat handed over while nobody can answer becomes a ticket).
   */
  @Override
  public Capabilities capabilities() {
    var capabilities = EnumSet.of(Capability.CHAT, Capability.HANDOVER_ENDS_BOT_WRITES,
        Capability.UNVERIFIABLE_WRITES);
    if (availability) {
      capabilities.add(Capability.AGENT_AVAILABILITY);
    }
    if (followUps) {
      capabilities.add(Capability.FOLLOW_UP_TICKET);
    }
    return new Capabilities(capabilities, MAX_NOTE_CHARS);
  }

  @Override
  public ErrorMapper errorMapper() {
    return errors;
  }

  @Override
  public void close() {
    client.close();
  }
}
