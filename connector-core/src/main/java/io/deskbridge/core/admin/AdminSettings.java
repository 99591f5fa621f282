package io.deskbridge.core.admin;

import io.deskbridge.core.config.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code admin} section of the configuration. Immutable; {@link #toString()} shows the token redacted.
 *
 * @param token            the admin token (key {@code token}, {@code {env: …}} or {@code {file: …}}); null turns the
 *                         dashboard off ({@code /admin} answers 404 saying so)
 * @param resolutionWindow how long after the bot's last answer the customer must stay silent (no new message, no
 *                         reopen) for the answer to count as a resolution (key {@code resolutionWindow}, default
 *                         {@code 72h})
 */
public record AdminSettings(Secret token, Duration resolutionWindow) {
  /** The default resolution window. */
  public static final Duration DEFAULT_RESOLUTION_WINDOW = Duration.ofHours(72);
  /** No dashboard. */
  public static final AdminSettings OFF = new AdminSettings(null, DEFAULT_RESOLUTION_WINDOW);

  public AdminSettings {
    Objects.requireNonNull(resolutionWindow, "resolutionWindow");
    if (resolutionWindow.isNegative() || resolutionWindow.isZero()) {
      throw new IllegalArgumentException("admin.resolutionWindow must be positive");
    }
  }

  /** Whether the dashboard is served. */
  public boolean enabled() {
    return token != null;
  }
}
