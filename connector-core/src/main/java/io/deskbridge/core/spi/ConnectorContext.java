package io.deskbridge.core.spi;

import io.deskbridge.core.config.Settings;
import java.time.Clock;
import java.util.Objects;

/**
 * What a factory builds a connector from.
 *
 * @param installationId the installation's id from the configuration
 * @param settings       the installation's vendor settings
 * @param clock          the clock for timestamps and signature windows
 */
public record ConnectorContext(String installationId, Settings settings, Clock clock) {
  public ConnectorContext {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
  }
}
