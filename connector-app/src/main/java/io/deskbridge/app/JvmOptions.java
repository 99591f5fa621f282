package io.deskbridge.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The launcher's {@code jvm.options}, read the way the launcher script {@code deskbridge} reads it, so that
 * {@code bench} starts its connector processes with exactly what production runs. Format: one entry per line, trimmed;
 * blank lines and lines starting with {@code #} are skipped; a line starting with {@code -} is a JVM option;
 * {@code NAME=value} is an environment variable (set only when not already set); anything else is an error.
 *
 * @param options     JVM options in file order
 * @param environment environment variables in file order
 */
record JvmOptions(List<String> options, Map<String, String> environment) {
  /** The file's name, next to the jar and the launcher. */
  static final String FILE = "jvm.options";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  JvmOptions {
    options = List.copyOf(options);
    environment = Map.copyOf(environment);
  }

  /** The file next to the running jar (or {@code target/} when running from the classes, after {@code package}). */
  static Path shipped() {
    return DemoLibraries.home().resolve(FILE);
  }

  /** Reads a file; {@link IllegalArgumentException} naming the file and line for a line that is neither. */
  static JvmOptions read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is missing; it ships next to deskbridge.jar (mvn package copies "
          + "connector-app/src/main/dist/" + FILE + " to connector-app/target/)");
    }
    return parse(file.toString(), Files.readAllLines(file));
  }

  static JvmOptions parse(String source, List<String> lines) {
    var options = new ArrayList<String>();
    var environment = new LinkedHashMap<String, String>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("-")) {
        options.add(line);
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": '" + line
            + "' is neither a JVM option (-...) nor NAME=value");
      }
      String name = line.substring(0, eq);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": '" + name
            + "' is not an environment variable name");
      }
      environment.putIfAbsent(name, line.substring(eq + 1));
    }
    return new JvmOptions(options, environment);
  }

  /** Applies the environment to a child process's: each variable unless the child's environment already has it. */
  void applyTo(Map<String, String> childEnvironment) {
    environment.forEach(childEnvironment::putIfAbsent);
  }
}
