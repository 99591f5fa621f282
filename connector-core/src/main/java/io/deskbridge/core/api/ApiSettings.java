package io.deskbridge.core.api;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An api installation's settings.
 *
 * @param rateLimitPerMinute requests one API key may make per minute (key {@code rateLimitPerMinute}, default 600)
 * @param answerTimeout      how long a POST waits for the decision before answering 202 (key {@code answerTimeout},
 *                           default 10 s)
 * @param callback           where answers are also POSTed, signed; empty for none
 */
record ApiSettings(int rateLimitPerMinute, Duration answerTimeout, Optional<Callback> callback) {
  static final ApiSettings DEFAULT = new ApiSettings(600, Duration.ofSeconds(10), Optional.empty());

  ApiSettings {
    if (rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rateLimitPerMinute must be at least 1");
    }
    if (answerTimeout.isNegative() || answerTimeout.isZero()) {
      throw new IllegalArgumentException("answerTimeout must be positive");
    }
    callback = callback == null ? Optional.empty() : callback;
  }

  /**
   * The signed callback.
   *
   * @param url         where to POST (keys {@code callbackUrl})
   * @param secret      the HMAC-SHA256 key ({@code callbackSecret})
   * @param retryDelay  the first wait after a failure, doubled each time up to 10 minutes ({@code callbackRetryDelay},
   *                    default 1 s)
   * @param maxAttempts attempts before it is given up on ({@code callbackMaxAttempts}, default 8)
   */
  record Callback(URI url, Secret secret, Duration retryDelay, int maxAttempts) {
    Callback {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(retryDelay, "retryDelay");
    }
  }

  /** Reads the settings section; a wrong value is an error naming the setting. */
  static ApiSettings from(Settings s) {
    var timeout = s.duration("answerTimeout", DEFAULT.answerTimeout());
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw s.invalid("answerTimeout", "must be between 0 and 1 minute, e.g. 10s");
    }
    Optional<Callback> callback = Optional.empty();
    if (s.optionalString("callbackUrl").isPresent()) {
      var url = s.uri("callbackUrl");
      if (!url.getScheme().equals("https") && !url.getScheme().equals("http")) {
        throw s.invalid("callbackUrl", "must be an http(s) URL");
      }
      if (s.raw("callbackSecret") == null) {
        throw s.invalid("callbackSecret", "is required with callbackUrl: {env: NAME} or {file: PATH} holding the "
            + "HMAC key your receiver checks the signature with");
      }
      var delay = s.duration("callbackRetryDelay", Duration.ofSeconds(1));
      if (delay.isNegative() || delay.isZero()) {
        throw s.invalid("callbackRetryDelay", "must be positive, e.g. 1s");
      }
      callback = Optional.of(new Callback(url, s.secret("callbackSecret"), delay,
          s.integer("callbackMaxAttempts", 8, 1, 100)));
    }
    return new ApiSettings(s.integer("rateLimitPerMinute", DEFAULT.rateLimitPerMinute(), 1, 1_000_000), timeout,
        callback);
  }
}
