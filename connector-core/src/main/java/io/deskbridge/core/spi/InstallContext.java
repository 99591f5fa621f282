package io.deskbridge.core.spi;

import io.deskbridge.core.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link Installer} works from.
 *
 * @param installationId the installation's id; names made at the vendor carry it ({@link #name()})
 * @param settings       the installation's vendor settings, as the factory reads them (secrets not yet required:
 *                       install may be what writes a secret file)
 * @param publicUrl      where the helpdesk reaches Deskbridge ({@code server.publicUrl}), without a trailing slash;
 *                       empty when not configured, and an installer that registers a webhook then fails naming the
 *                       setting
 * @param outputDirectory where generated files go (a vendor's metadata package, a template to paste), one folder per
 *                       installation, e.g. {@code <config folder>/install/acme}
 * @param handoverTag    the installation's handover tag ({@code routing.handoverTag})
 * @param dryRun         read only: report what would be done, change nothing at the vendor or on disk
 * @param testDelivery   for {@link Installer#check}: also ask the vendor to send a test delivery to the webhook URL
 *                       (only useful while Deskbridge serves at {@code publicUrl})
 * @param clock          the clock
 */
public record InstallContext(String installationId, Settings settings, Optional<URI> publicUrl, Path outputDirectory,
    String handoverTag, boolean dryRun, boolean testDelivery, Clock clock) {
  public InstallContext {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(clock, "clock");
    handoverTag = handoverTag == null || handoverTag.isBlank() ? ConnectorContext.DEFAULT_HANDOVER_TAG : handoverTag;
  }

  /** The name of what install makes at the vendor, found again by it: {@code Deskbridge <installation id>}. */
  public String name() {
    return "Deskbridge " + installationId;
  }

  /**
   * The URL the vendor's webhooks go to, {@code <publicUrl>/webhooks/<installation id>}.
   *
   * @throws IllegalArgumentException naming {@code server.publicUrl} when it is not configured
   */
  public URI webhookUrl() {
    return URI.create(publicUrl.orElseThrow(() -> new IllegalArgumentException("server.publicUrl is not set: write "
        + "the address your helpdesk reaches Deskbridge at, e.g. publicUrl: https://deskbridge.acme.com, under server"))
        + "/webhooks/" + installationId);
  }
}
