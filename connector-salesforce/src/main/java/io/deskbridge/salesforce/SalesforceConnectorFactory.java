package io.deskbridge.salesforce;

import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.net.URL;
import java.util.Optional;

/** Builds Salesforce connectors; registered for {@link java.util.ServiceLoader} under vendor {@code salesforce}. */
public final class SalesforceConnectorFactory implements ConnectorFactory {
  @Override
  public String vendor() {
    return SalesforceConnector.VENDOR;
  }

  /** {@code salesforce.schema.json}: the keys of {@link SalesforceConfig#from}. */
  @Override
  public Optional<URL> settingsSchema() {
    return Optional.of(SalesforceConnectorFactory.class.getResource("salesforce.schema.json"));
  }

  /**
   * Reads the settings and builds the connector; no vendor call. Its start-up calls fail with a message that names
   * the setting to fix: the {@code auth} keys for refused credentials, {@code organizationId} for another org's,
   * {@code botQueue}, {@code reply.fromAddress} and the routing targets for a queue or address Salesforce lacks.
   */
  @Override
  public Connector create(ConnectorContext context) {
    return new SalesforceConnector(context.installationId(), SalesforceConfig.from(context.settings()),
        context.settings().path(), context.clock(), true);
  }

  /**
   * Deploys the metadata package that registers the installation in the org and assigns the permission set (or,
   * with {@code install.deploy: false} or without Metadata API access, writes it with the sf lines to deploy it).
   */
  @Override
  public Optional<io.deskbridge.core.spi.Installer> installer() {
    return Optional.of(new SalesforceInstaller());
  }
}
