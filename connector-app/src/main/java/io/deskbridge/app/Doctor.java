package io.deskbridge.app;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The checks of {@code doctor}: everything {@code serve} needs, checked one by one without serving, each reported as
 * a {@link Finding}: {@code OK} for what passed, {@code WARN} for what works but deserves a look, {@code FAIL} for a
 * problem, each problem in one line naming the setting, the file, the variable or the article, and the fix.
 *
 * <p>The checks run in the order of {@link #CHECKS}; a configuration that does not load stops them. This class loads
 * the configuration and reads its secrets; the other areas are package-private classes: {@link
 * DoctorInstallationChecks} (each installation's credentials and registration, with its connector), {@link
 * DoctorStoreChecks} (the store and the disk), {@link DoctorKnowledgeChecks} (the embedding model and the knowledge
 * base; building the bot embeds what the knowledge cache lacks and keeps it there, as {@code serve} would).
 *
 * <p>Not thread-safe: one run.
 */
final class Doctor {

  /** How a check came out. */
  enum Status { OK, WARN, FAIL }

  /**
   * One line of the report.
   *
   * @param check   the area: {@code configuration}, {@code secrets}, {@code credentials}, {@code registration},
   *                {@code store}, {@code disk}, {@code embedding}, {@code knowledge}
   * @param subject the setting, file or article it is about; empty when none
   * @param message what was found and, for a problem, the fix
   */
  record Finding(Status status, String check, String subject, String message) {}

  /** One check; it adds its findings through {@code out}. */
  @FunctionalInterface
  interface Check {
    void run(Doctor doctor, Consumer<Finding> out);
  }

  /** The checks, in order. */
  static final List<Check> CHECKS = List.of(Doctor::configuration, Doctor::secrets, DoctorInstallationChecks::run,
      DoctorStoreChecks::store, DoctorStoreChecks::disk, DoctorKnowledgeChecks::run);

  /** Below this many bytes free where the store and the knowledge cache live, a warning. */
  static final long DEFAULT_MIN_FREE_BYTES = 1024L * 1024 * 1024;

  private final Path file;
  private final Function<String, String> env;
  private final String onlyInstallation;
  private final long minFreeBytes;
  private final boolean testDelivery;
  private final Clock clock;
  private DeskbridgeConfig config;

  /**
   * @param onlyInstallation the one installation to check; null checks all
   */
  Doctor(Path file, Function<String, String> env, String onlyInstallation, long minFreeBytes, Clock clock) {
    this(file, env, onlyInstallation, minFreeBytes, false, clock);
  }

  /**
   * @param onlyInstallation the one installation to check; null checks all
   * @param testDelivery     also ask each helpdesk that offers one for a test delivery of its webhook (Deskbridge must
   *                         be serving at {@code server.publicUrl})
   */
  Doctor(Path file, Function<String, String> env, String onlyInstallation, long minFreeBytes, boolean testDelivery,
      Clock clock) {
    this.testDelivery = testDelivery;
    this.file = file;
    this.env = env;
    this.onlyInstallation = onlyInstallation;
    this.minFreeBytes = minFreeBytes;
    this.clock = clock;
  }

  /** Runs every check in order, handing each finding to {@code out} as it is made; the findings, in order. */
  List<Finding> run(Consumer<Finding> out) {
    var findings = new ArrayList<Finding>();
    Consumer<Finding> both = f -> {
      findings.add(f);
      out.accept(f);
    };
    for (var check : CHECKS) {
      check.run(this, both);
      if (config == null) {
        break; // nothing else can be checked without the configuration
      }
    }
    return findings;
  }

  /** The configuration file. */
  Path file() {
    return file;
  }

  /** The loaded configuration; set by the first check, which stops the run when it does not load. */
  DeskbridgeConfig config() {
    return config;
  }

  Clock clock() {
    return clock;
  }

  /** Whether to ask the helpdesks for a test delivery of their webhooks. */
  boolean testDelivery() {
    return testDelivery;
  }

  /** Below this many bytes free, a warning. */
  long minFreeBytes() {
    return minFreeBytes;
  }

  /** The installations checked: the one asked for, or all. */
  List<DeskbridgeConfig.InstallationConfig> installations() {
    return config.installations().stream()
        .filter(i -> onlyInstallation == null || i.id().equals(onlyInstallation)).toList();
  }

  // --- configuration ---

  private void configuration(Consumer<Finding> out) {
    try {
      config = ConfigLoader.load(file, env);
    } catch (IllegalArgumentException e) { // ConfigException included: one line naming the file and the setting
      out.accept(fail("configuration", file.toString(), e.getMessage()));
      return;
    }
    if (onlyInstallation != null
        && config.installations().stream().noneMatch(i -> i.id().equals(onlyInstallation))) {
      var ids = config.installations().stream().map(DeskbridgeConfig.InstallationConfig::id).toList();
      out.accept(fail("configuration", "--installation", "installation '" + onlyInstallation + "' is not in " + file
          + " (configured: " + String.join(", ", ids) + "): pass one of those ids or leave --installation out"));
      config = null;
      return;
    }
    out.accept(ok("configuration", file.toString(), file + " loads and validates: " + config.installations().size()
        + " installation(s), knowledge " + config.knowledge() + ", store " + config.store().describe()));
  }

  /** Every secret of the checked installations, and the store's password: which variable or file it is read from. */
  private void secrets(Consumer<Finding> out) {
    for (var installation : installations()) {
      walkSecrets(installation.settings(), out);
    }
    if (config.store().password() != null) {
      out.accept(ok("secrets", "store.password", "store.password: read (" + config.store().password() + ")"));
    }
  }

  private void walkSecrets(Settings settings, Consumer<Finding> out) {
    for (var key : settings.keys()) {
      var setting = settings.path() + "." + key;
      if (settings.raw(key) instanceof Map<?, ?> m && m.size() == 1 && (m.containsKey("env") || m.containsKey("file"))) {
        var problem = settings.secretProblem(key);
        if (problem.isPresent()) {
          out.accept(fail("secrets", setting, setting + " " + problem.get()));
        } else {
          out.accept(ok("secrets", setting, setting + ": read from " + (m.containsKey("env")
              ? "the environment variable " + m.get("env") : "the file " + m.get("file"))));
        }
      } else if (settings.raw(key) instanceof Map<?, ?>) {
        walkSecrets(settings.section(key), out);
      }
    }
  }

  static Finding ok(String check, String subject, String message) {
    return new Finding(Status.OK, check, subject, message);
  }

  static Finding warn(String check, String subject, String message) {
    return new Finding(Status.WARN, check, subject, message);
  }

  static Finding fail(String check, String subject, String message) {
    return new Finding(Status.FAIL, check, subject, message);
  }
}
