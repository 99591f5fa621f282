package io.deskbridge.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A secret value (API token, signing secret). {@link #toString()} never shows it, so a configuration record
 * that holds one prints it redacted. Secrets come from the environment or from files, never from the YAML.
 */
public final class Secret {
  private final String value;
  private final String source;

  private Secret(String value, String source) {
    this.value = Objects.requireNonNull(value);
    this.source = source;
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret from " + source + " is empty");
    }
  }

  /** A secret given in code (tests, the demo). */
  public static Secret of(String value) {
    return new Secret(value, "code");
  }

  /** Reads an environment variable through {@code env}; fails naming the variable, not the value. */
  public static Secret fromEnv(String variable, java.util.function.Function<String, String> env) {
    String value = env.apply(variable);
    if (value == null) {
      throw new IllegalArgumentException("environment variable " + variable + " is not set");
    }
    return new Secret(value, "env " + variable);
  }

  /** Reads a file's content, trimmed of surrounding white space (as Docker and Kubernetes secrets are). */
  public static Secret fromFile(Path file) {
    try {
      return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip(), "file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret file " + file, e);
    }
  }

  /** The value; pass it only to the code that needs it, never to a log. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[" + source + ", ****]";
  }
}
