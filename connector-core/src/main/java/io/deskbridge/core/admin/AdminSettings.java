package io.deskbridge.core.admin;

import io.deskbridge.core.config.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code admin} section of the configuration. Immutable; {@link #toString()} shows the token redacted.
 *
 * @param token             the admin token (key {@code token}, {@code {env: …}} or {@code {file: …}}); null turns the
 *                          dashboard off ({@code /admin} answers 404 saying so)
 * @param resolutionWindow  how long after the bot's last answer the customer must stay silent (no new message, no
 *                          reopen) for the answer to count as a resolution (key {@code resolutionWindow}, default
 *                          {@code 72h})
 * @param satisfactionEvery how often {@code serve} polls the helpdesks that provide satisfaction ratings for the CSAT
 *                          figure (key {@code satisfactionEvery}, default {@code 1h}, at least one minute)
 * @param humanReplyEvery   how often {@code serve} polls the helpdesks for the first human reply after recent
 *                          handovers, for the human first-response time (key {@code humanReplyEvery}, default
 *                          {@code 15m}, at least one minute)
 */
public record AdminSettings(Secret token, Duration resolutionWindow, Duration satisfactionEvery,
    Duration humanReplyEvery) {
  /** The default resolution window. */
  public static final Duration DEFAULT_RESOLUTION_WINDOW = Duration.ofHours(72);
  /** The default interval of the satisfaction ratings' poll. */
  public static final Duration DEFAULT_SATISFACTION_EVERY = Duration.ofHours(1);
  /** The shortest interval of the satisfaction ratings' poll. */
  public static final Duration MIN_SATISFACTION_EVERY = Duration.ofMinutes(1);
  /** The default interval of the first human reply's poll. */
  public static final Duration DEFAULT_HUMAN_REPLY_EVERY = Duration.ofMinutes(15);
  /** The shortest interval of the first human reply's poll. */
  public static final Duration MIN_HUMAN_REPLY_EVERY = Duration.ofMinutes(1);
  /** No dashboard. */
  public static final AdminSettings OFF = new AdminSettings(null, DEFAULT_RESOLUTION_WINDOW);

  public AdminSettings {
    Objects.requireNonNull(resolutionWindow, "resolutionWindow");
    if (resolutionWindow.isNegative() || resolutionWindow.isZero()) {
      throw new IllegalArgumentException("admin.resolutionWindow must be positive");
    }
    Objects.requireNonNull(satisfactionEvery, "satisfactionEvery");
    if (satisfactionEvery.compareTo(MIN_SATISFACTION_EVERY) < 0) {
      throw new IllegalArgumentException("admin.satisfactionEvery must be at least 1m");
    }
    Objects.requireNonNull(humanReplyEvery, "humanReplyEvery");
    if (humanReplyEvery.compareTo(MIN_HUMAN_REPLY_EVERY) < 0) {
      throw new IllegalArgumentException("admin.humanReplyEvery must be at least 1m");
    }
  }

  /** With the default human reply poll interval. */
  public AdminSettings(Secret token, Duration resolutionWindow, Duration satisfactionEvery) {
    this(token, resolutionWindow, satisfactionEvery, DEFAULT_HUMAN_REPLY_EVERY);
  }

  /** With the default poll intervals. */
  public AdminSettings(Secret token, Duration resolutionWindow) {
    this(token, resolutionWindow, DEFAULT_SATISFACTION_EVERY);
  }

  /** Whether the dashboard is served. */
  public boolean enabled() {
    return token != null;
  }
}
