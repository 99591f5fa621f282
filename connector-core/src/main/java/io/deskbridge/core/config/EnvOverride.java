package io.deskbridge.core.config;

/**
 * A setting's value taken from an environment variable ({@code DESKBRIDGE_SERVER_PORT} for {@code server.port}),
 * kept as such so that an error about it names the variable rather than the file.
 *
 * @param variable the environment variable's name
 * @param value    its value
 */
public record EnvOverride(String variable, String value) {
  @Override
  public String toString() {
    return value;
  }
}
