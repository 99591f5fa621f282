package io.deskbridge.core;

import io.deskbridge.core.DeskbridgeConfig.InstallationConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the installations' {@link Installer}s from a configuration: {@code install} and {@code uninstall} for one
 * installation or all of them, and the read-only {@link #check} that {@code doctor} calls. Generated files go to
 * {@code install/<installation id>/} beside the configuration file. An installation whose vendor has no installer
 * (the Conversation API) gets an empty list: there is nothing to register.
 *
 * <p>Thread-safe: stateless apart from its immutable inputs.
 */
public final class Installs {
  private final DeskbridgeConfig config;
  private final Path configFile;
  private final Connectors connectors;
  private final Clock clock;

  /**
   * What one installation's install or uninstall did.
   *
   * @param installationId the installation
   * @param vendor         its vendor
   * @param steps          each item handled, in order; empty when the vendor has nothing to register
   */
  public record Outcome(String installationId, String vendor, List<InstallStep> steps) {
    public Outcome {
      steps = List.copyOf(steps);
    }
  }

  /**
   * @param config     the loaded configuration
   * @param configFile the file it was loaded from; generated files go beside it
   * @param connectors the vendors' factories
   * @param clock      the clock the installers get
   */
  public Installs(DeskbridgeConfig config, Path configFile, Connectors connectors, Clock clock) {
    this.config = config;
    this.configFile = configFile.toAbsolutePath();
    this.connectors = connectors;
    this.clock = clock;
  }

  /**
   * Installs {@code installation} (an id), or every installation when empty.
   *
   * @throws IllegalArgumentException for an unknown installation id, or a setting the installer needs, named
   */
  public List<Outcome> install(Optional<String> installation, boolean dryRun) {
    return selected(installation).stream().map(i -> new Outcome(i.id(), i.vendor(),
        installer(i).map(x -> x.install(context(i, dryRun, false))).orElse(List.of()))).toList();
  }

  /** Removes what {@link #install} made, as it; the same errors. */
  public List<Outcome> uninstall(Optional<String> installation, boolean dryRun) {
    return selected(installation).stream().map(i -> new Outcome(i.id(), i.vendor(),
        installer(i).map(x -> x.uninstall(context(i, dryRun, false))).orElse(List.of()))).toList();
  }

  /**
   * The registration problems of one installation, read only (for {@code doctor}); empty when all is well or the
   * vendor has nothing to register.
   *
   * @param testDelivery also have the vendor send a test delivery, where it offers one (Deskbridge must be serving at
   *                     {@code server.publicUrl})
   * @throws IllegalArgumentException for an unknown installation id, or a setting the check needs, named
   */
  public List<InstallProblem> check(String installationId, boolean testDelivery) {
    var i = selected(Optional.of(installationId)).get(0);
    return installer(i).map(x -> x.check(context(i, true, testDelivery))).orElse(List.of());
  }

  /**
   * What the installation's registration has that {@link #check} cannot read, for a person to check by hand
   * ({@link Installer#unchecked}); empty when none or the vendor has nothing to register.
   *
   * @throws IllegalArgumentException for an unknown installation id
   */
  public List<String> unchecked(String installationId) {
    var i = selected(Optional.of(installationId)).get(0);
    return installer(i).map(x -> x.unchecked(context(i, true, false))).orElse(List.of());
  }

  /** Whether the installation's vendor registers anything (has an installer). */
  public boolean registers(String installationId) {
    return installer(selected(Optional.of(installationId)).get(0)).isPresent();
  }

  private Optional<Installer> installer(InstallationConfig i) {
    return connectors.forVendor(i.vendor()).installer();
  }

  private InstallContext context(InstallationConfig i, boolean dryRun, boolean testDelivery) {
    return new InstallContext(i.id(), i.settings(), config.server().publicUrlIfSet(),
        configFile.getParent().resolve("install").resolve(i.id()), i.routing().handoverTag(), dryRun, testDelivery,
        clock);
  }

  private List<InstallationConfig> selected(Optional<String> installation) {
    if (installation.isEmpty()) {
      return config.installations();
    }
    return config.installations().stream().filter(i -> i.id().equals(installation.get())).findFirst()
        .map(List::of).orElseThrow(() -> new IllegalArgumentException("--installation " + installation.get()
            + ": " + configFile + " has no installation with that id; it has " + config.installations().stream()
            .map(InstallationConfig::id).collect(Collectors.joining(", "))));
  }
}
