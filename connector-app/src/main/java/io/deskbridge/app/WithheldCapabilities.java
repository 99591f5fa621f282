package io.deskbridge.app;

import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.EventPoller;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import java.net.URL;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The connectors on the class path, each declaring fewer capabilities than its vendor has, so that a benchmark runs
 * core's path for vendors that lack them (for example the re-read before a public write without
 * {@link Capability#CONDITIONAL_WRITES}) against a fake that has them.
 */
final class WithheldCapabilities {
  private WithheldCapabilities() {}

  /** {@link Connectors#discover()}, with {@code withheld} removed from every connector's capabilities. */
  static Connectors discover(Set<Capability> withheld) {
    if (withheld.isEmpty()) {
      return Connectors.discover();
    }
    var discovered = Connectors.discover();
    return Connectors.of(discovered.vendors().stream().map(discovered::forVendor)
        .map(f -> (ConnectorFactory) new Factory(f, withheld)).toArray(ConnectorFactory[]::new));
  }

  private record Factory(ConnectorFactory delegate, Set<Capability> withheld) implements ConnectorFactory {
    @Override
    public String vendor() {
      return delegate.vendor();
    }

    @Override
    public Optional<URL> settingsSchema() {
      return delegate.settingsSchema();
    }

    @Override
    public Connector create(ConnectorContext context) {
      return new Withholding(delegate.create(context), withheld);
    }
  }

  private record Withholding(Connector delegate, Set<Capability> withheld) implements Connector {
    @Override
    public String vendor() {
      return delegate.vendor();
    }

    @Override
    public WebhookEndpoint webhook() {
      return delegate.webhook();
    }

    @Override
    public HelpdeskClient client() {
      return delegate.client();
    }

    @Override
    public Capabilities capabilities() {
      var has = delegate.capabilities();
      var kept = has.supported().isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(has.supported());
      kept.removeAll(withheld);
      return new Capabilities(kept, has.maxNoteChars());
    }

    @Override
    public ErrorMapper errorMapper() {
      return delegate.errorMapper();
    }

    @Override
    public Optional<EventPoller> poller() {
      return delegate.poller(); // a polled installation stays polled
    }

    @Override
    public int requestsPerMinute() {
      return delegate.requestsPerMinute();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
