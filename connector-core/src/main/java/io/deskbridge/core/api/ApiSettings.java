package io.deskbridge.core.api;

import io.deskbridge.core.config.Settings;
import java.time.Duration;

/**
 * An api installation's settings.
 *
 * @param rateLimitPerMinute requests one API key may make per minute (key {@code rateLimitPerMinute}, default 600)
 * @param answerTimeout      how long a POST waits for the decision before answering 202 (key {@code answerTimeout},
 *                           default 10 s)
 */
record ApiSettings(int rateLimitPerMinute, Duration answerTimeout) {
  static final ApiSettings DEFAULT = new ApiSettings(600, Duration.ofSeconds(10));

  ApiSettings {
    if (rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rateLimitPerMinute must be at least 1");
    }
    if (answerTimeout.isNegative() || answerTimeout.isZero()) {
      throw new IllegalArgumentException("answerTimeout must be positive");
    }
  }

  /** Reads the settings section; a wrong value is an error naming the setting. */
  static ApiSettings from(Settings s) {
    var timeout = s.duration("answerTimeout", DEFAULT.answerTimeout());
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw s.invalid("answerTimeout", "must be between 0 and 1 minute, e.g. 10s");
    }
    return new ApiSettings(s.integer("rateLimitPerMinute", DEFAULT.rateLimitPerMinute(), 1, 1_000_000), timeout);
  }
}
