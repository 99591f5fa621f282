package io.deskbridge.daktela;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One Daktela web chat installation's settings: the external bot of one web-chat routing. {@link #toString()} shows
 * secrets redacted.
 *
 * @param url            the Daktela instance, e.g. {@code https://acme.daktela.com}: every {@code response_url} must
 *                       be on its scheme, host and port (the connector posts nowhere else)
 * @param botToken       the secret the admin puts in the routing's bot URL, after the path
 *                       ({@code /webhooks/{installation}/{token}}) or in {@code tokenHeader}; Daktela signs nothing
 * @param tokenHeader    the header that may carry {@code botToken} instead of the path
 * @param summaryInChat  whether a handover posts the summary's customer-safe lines (request, key facts, what the bot
 *                       did) in the chat before the transfer, where the agent reads them with the transcript; the
 *                       protocol has no field for an agent-only note
 * @param requestTimeout the timeout of one call to a {@code response_url}
 */
public record DaktelaChatConfig(URI url, Secret botToken, String tokenHeader, boolean summaryInChat,
    Duration requestTimeout) {
  public static final String DEFAULT_TOKEN_HEADER = "X-Deskbridge-Token";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** The shortest token accepted: a guessable token would let anyone write as a customer. */
  public static final int MIN_TOKEN_CHARS = 16;

  public DaktelaChatConfig {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("url must be the Daktela instance's http(s) URL, e.g. "
          + "https://acme.daktela.com, was '" + url + "'");
    }
    Objects.requireNonNull(botToken, "botToken is required: write {env: NAME} or {file: PATH}");
    if (botToken.reveal().length() < MIN_TOKEN_CHARS || !botToken.reveal().matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException("botToken must be at least " + MIN_TOKEN_CHARS + " characters of letters, "
          + "digits and . _ ~ - (it goes in a URL path), e.g. the output of 'openssl rand -hex 24'");
    }
    if (tokenHeader == null || !tokenHeader.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("tokenHeader must be an HTTP header name such as " + DEFAULT_TOKEN_HEADER
          + ", was '" + tokenHeader + "'");
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /**
   * Reads {@code url}, {@code botToken} (as {@code {env: NAME}} or {@code {file: PATH}}), {@code tokenHeader}
   * (default {@value #DEFAULT_TOKEN_HEADER}), {@code summaryInChat} (default true) and {@code requestTimeout} (default
   * 10s).
   */
  public static DaktelaChatConfig from(Settings settings) {
    var url = settings.uri("url");
    var token = settings.secret("botToken");
    String header = settings.string("tokenHeader", DEFAULT_TOKEN_HEADER);
    boolean summary = settings.bool("summaryInChat", true);
    var timeout = settings.duration("requestTimeout", DEFAULT_TIMEOUT);
    try {
      return new DaktelaChatConfig(url, token, header, summary, timeout);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(settings.path() + "." + e.getMessage(), e); // the messages start with the key
    }
  }
}
