package io.deskbridge.daktela;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Daktela installation's settings. {@link #toString()} shows secrets redacted.
 *
 * @param url                 the instance's URL, e.g. {@code https://acme.daktela.com}; the API is under
 *                            {@code /api/v6}
 * @param accessToken         the API user's access token; its activities are the bot's own
 * @param authIn              where the token goes: the {@code X-AUTH-TOKEN} header or the {@code accessToken} query
 * @param timeZone            the instance's time zone (Daktela's timestamps carry no offset)
 * @param events              how events come in: the Events module's webhooks or polling
 * @param webhookSecret       the shared secret the Events templates send; required with webhooks
 * @param webhookSecretHeader the header carrying the secret (the query parameter {@code secret} is accepted too)
 * @param pollInterval        how long core waits between polls
 * @param pollOverlap         how far each poll reads back before its cursor (timestamps have one-second resolution)
 * @param requestsPerMinute   the API budget core's rate limiter uses
 * @param draftTitle          the title of draft comments (Daktela's "recommended reply"); agents recognise drafts by it
 * @param connectTimeout      the connect timeout of one API request
 * @param readTimeout         the read timeout of one API request
 */
public record DaktelaConfig(
    URI url, Secret accessToken, AuthIn authIn, ZoneId timeZone, Events events, Optional<Secret> webhookSecret,
    String webhookSecretHeader, Duration pollInterval, Duration pollOverlap, int requestsPerMinute, String draftTitle,
    Duration connectTimeout, Duration readTimeout) {
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Prague");
  public static final String DEFAULT_SECRET_HEADER = "X-Webhook-Secret";
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(50);
  public static final Duration DEFAULT_POLL_OVERLAP = Duration.ofSeconds(2);
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 300;
  public static final String DEFAULT_DRAFT_TITLE = "Recommended reply (Deskbridge)";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** Where the access token goes. */
  public enum AuthIn {
    /** The {@code X-AUTH-TOKEN} header (the official SDKs' default). */
    HEADER,
    /** The {@code accessToken} query parameter. */
    QUERY
  }

  /** How events come in. */
  public enum Events {
    /** The Events module's HTTP action posts a trigger per ticket or activity change. */
    WEBHOOKS,
    /** Core polls tickets and activities by their {@code edited}/{@code time} watermark. */
    POLLING
  }

  public DaktelaConfig {
    Objects.requireNonNull(url, "url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be the instance's http(s) URL, e.g. https://acme.daktela.com, was '"
          + url + "'");
    }
    Objects.requireNonNull(accessToken, "accessToken is required: write {env: NAME} or {file: PATH}");
    Objects.requireNonNull(authIn, "authIn");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(events, "events");
    webhookSecret = webhookSecret == null ? Optional.empty() : webhookSecret;
    if (events == Events.WEBHOOKS && webhookSecret.isEmpty()) {
      throw new IllegalArgumentException("webhookSecret is required with events webhooks: write {env: NAME} or "
          + "{file: PATH} (the secret the Events templates send), or set events to polling");
    }
    if (webhookSecretHeader == null || !webhookSecretHeader.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("webhookSecretHeader must be an HTTP header name such as "
          + DEFAULT_SECRET_HEADER + ", was '" + webhookSecretHeader + "'");
    }
    if (pollInterval == null || pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
      throw new IllegalArgumentException("pollInterval must be at least PT0.05S, e.g. PT5S, was " + pollInterval);
    }
    if (pollOverlap == null || pollOverlap.isNegative()) {
      throw new IllegalArgumentException("pollOverlap must not be negative, e.g. PT2S, was " + pollOverlap);
    }
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be positive, e.g. " + DEFAULT_REQUESTS_PER_MINUTE
          + ", was " + requestsPerMinute);
    }
    if (draftTitle == null || draftTitle.isBlank()) {
      throw new IllegalArgumentException("draftTitle must not be blank, e.g. '" + DEFAULT_DRAFT_TITLE + "'");
    }
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, e.g. 10s, was " + connectTimeout);
    }
    if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive, e.g. 30s, was " + readTimeout);
    }
  }

  /**
   * Reads the settings (keys as in {@code daktela-settings.schema.json}). Secrets ({@code accessToken},
   * {@code webhookSecret}) are {@code {env: NAME}} or {@code {file: PATH}}.
   *
   * @throws ConfigException one line naming the setting and the fix
   */
  public static DaktelaConfig from(Settings settings) {
    URI url = settings.uri("url");
    if (settings.raw("accessToken") == null) {
      throw settings.invalid("accessToken", "is required: write {env: NAME} or {file: PATH} holding the API user's "
          + "access token (Manage > Users > the API user > Access token)");
    }
    Secret token = settings.secret("accessToken");
    AuthIn authIn = choice(settings, "authIn", "header", AuthIn.class);
    ZoneId zone = zone(settings);
    Events events = choice(settings, "events", "webhooks", Events.class);
    Optional<Secret> webhookSecret = settings.raw("webhookSecret") == null ? Optional.empty()
        : Optional.of(settings.secret("webhookSecret"));
    try {
      return new DaktelaConfig(url, token, authIn, zone, events, webhookSecret,
          settings.string("webhookSecretHeader", DEFAULT_SECRET_HEADER),
          settings.duration("pollInterval", DEFAULT_POLL_INTERVAL),
          settings.duration("pollOverlap", DEFAULT_POLL_OVERLAP),
          settings.integer("requestsPerMinute", DEFAULT_REQUESTS_PER_MINUTE, 1, 1_000_000),
          settings.string("draftTitle", DEFAULT_DRAFT_TITLE),
          settings.duration("connectTimeout", DEFAULT_CONNECT_TIMEOUT),
          settings.duration("readTimeout", DEFAULT_READ_TIMEOUT));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(settings.path() + "." + e.getMessage(), e); // the messages start with the key
    }
  }

  private static ZoneId zone(Settings settings) {
    String value = settings.string("timeZone", DEFAULT_TIME_ZONE.getId());
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw settings.invalid("timeZone", "must be the instance's time zone id such as Europe/Prague, was '" + value
          + "'");
    }
  }

  private static <E extends Enum<E>> E choice(Settings s, String key, String defaultValue, Class<E> type) {
    String value = s.string(key, defaultValue);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      var allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      throw s.invalid(key, "must be " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
          + allowed.get(allowed.size() - 1) + ", was '" + value + "'");
    }
  }
}
