package io.deskbridge.core.error;

/**
 * A mistake in the configuration or the set-up that the admin can fix: a setting, a file or an environment
 * variable. The message is one line that names what is wrong and how to fix it, and never contains a secret; the
 * command line prints it as {@code error: <message>} with exit code 2 and no stack trace.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final boolean fromEnvironment;

  public ConfigException(String message) {
    this(message, null, false);
  }

  public ConfigException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private ConfigException(String message, Throwable cause, boolean fromEnvironment) {
    super(message, cause);
    this.fromEnvironment = fromEnvironment;
  }

  /** A bad value that came from an environment variable overriding a setting; the message names the variable. */
  public static ConfigException fromEnvironment(String message) {
    return new ConfigException(message, null, true);
  }

  /** Whether the bad value came from an environment variable rather than from the file (then no file is named). */
  public boolean fromEnvironment() {
    return fromEnvironment;
  }
}
