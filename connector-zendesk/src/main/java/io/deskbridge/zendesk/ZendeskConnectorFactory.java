package io.deskbridge.zendesk;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;

/** Builds Zendesk connectors; registered for {@link java.util.ServiceLoader} under vendor {@code zendesk}. */
public final class ZendeskConnectorFactory implements ConnectorFactory {
  @Override
  public String vendor() {
    return ZendeskConnector.VENDOR;
  }

  @Override
  public Connector create(ConnectorContext context) {
    return new ZendeskConnector(context.installationId(), ZendeskConfig.from(context.settings()), context.clock());
  }
}
