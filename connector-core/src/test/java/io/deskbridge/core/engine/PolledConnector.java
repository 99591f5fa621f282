package io.deskbridge.core.engine;

import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.EventPoller;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import java.util.Optional;

/** A connector to a shared {@link InMemoryHelpdesk} that is polled through {@code poller}, as one process's would be. */
record PolledConnector(InMemoryHelpdesk helpdesk, EventPoller events) implements Connector {
  @Override
  public String vendor() {
    return helpdesk.vendor();
  }

  @Override
  public WebhookEndpoint webhook() {
    return helpdesk.webhook();
  }

  @Override
  public HelpdeskClient client() {
    return helpdesk;
  }

  @Override
  public Capabilities capabilities() {
    return helpdesk.capabilities();
  }

  @Override
  public ErrorMapper errorMapper() {
    return helpdesk.errorMapper();
  }

  @Override
  public Optional<EventPoller> poller() {
    return Optional.of(events);
  }
}
