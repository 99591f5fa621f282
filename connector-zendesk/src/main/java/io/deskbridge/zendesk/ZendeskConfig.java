package io.deskbridge.zendesk;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One Zendesk installation's settings. {@link #toString()} shows secrets redacted.
 *
 * @param url                the account's URL, e.g. {@code https://acme.zendesk.com}
 * @param email              the bot agent's e-mail; the API token authenticates as this user
 * @param apiToken           the API token ({@code {email}/token} Basic auth)
 * @param webhookSecret      the webhook's signing secret
 * @param signatureTolerance how far a webhook's signature timestamp may be from now
 * @param requestTimeout     the timeout of one API request
 */
public record ZendeskConfig(
    URI url, String email, Secret apiToken, Secret webhookSecret, Duration signatureTolerance, Duration requestTimeout) {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public ZendeskConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(email, "email");
    if (!email.contains("@")) {
      throw new IllegalArgumentException("email must be the bot agent's e-mail address, was '" + email + "'");
    }
    Objects.requireNonNull(apiToken, "apiToken");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    if (signatureTolerance.isNegative() || signatureTolerance.isZero()) {
      throw new IllegalArgumentException("signatureTolerance must be positive");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /**
   * Reads the settings {@code url}, {@code email}, {@code apiToken} and {@code webhookSecret} (each
   * {@code {env: NAME}} or {@code {file: PATH}}), {@code signatureTolerance} (default 5m) and
   * {@code requestTimeout} (default 10s).
   */
  public static ZendeskConfig from(Settings settings) {
    var url = settings.uri("url");
    String email = settings.string("email");
    var apiToken = settings.secret("apiToken");
    var webhookSecret = settings.secret("webhookSecret");
    var tolerance = settings.duration("signatureTolerance", DEFAULT_TOLERANCE);
    var timeout = settings.duration("requestTimeout", DEFAULT_TIMEOUT);
    try {
      return new ZendeskConfig(url, email, apiToken, webhookSecret, tolerance, timeout);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(settings.path() + "." + e.getMessage(), e); // the messages start with the key
    }
  }
}
