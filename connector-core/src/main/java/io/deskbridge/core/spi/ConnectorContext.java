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
 * @param handoverTag    the tag the installation's handovers add ({@code routing.handoverTag}); a vendor that has
 *                       tags reports a conversation carrying it as owned by people, and its removal as a release
 */
public record ConnectorContext(String installationId, Settings settings, Clock clock, String handoverTag) {
  /** The default handover tag. */
  public static final String DEFAULT_HANDOVER_TAG = "deskbridge_handover";

  public ConnectorContext {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    handoverTag = handoverTag == null || handoverTag.isBlank() ? DEFAULT_HANDOVER_TAG : handoverTag;
  }

  /** A context with the default handover tag. */
  public ConnectorContext(String installationId, Settings settings, Clock clock) {
    this(installationId, settings, clock, DEFAULT_HANDOVER_TAG);
  }
}
