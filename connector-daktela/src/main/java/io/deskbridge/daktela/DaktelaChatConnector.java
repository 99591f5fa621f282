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
import java.time.Clock;
import java.util.EnumSet;

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

  DaktelaChatConnector(String installationId, DaktelaChatConfig config, String settingsPath, Clock clock) {
    this.client = new DaktelaChatClient(installationId, config, settingsPath, clock);
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
   */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(EnumSet.of(Capability.CHAT, Capability.HANDOVER_ENDS_BOT_WRITES), MAX_NOTE_CHARS);
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
