package io.deskbridge.core.lookup;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An installation's back office: the company's API that articles' lookups read (key {@code backOffice} of an
 * installation). Validated when built; {@link #toString()} shows the credential redacted.
 *
 * @param baseUrl         the API's base URL; a lookup's path is appended to it ({@code https://shop.example/api} +
 *                        {@code /orders/10042})
 * @param authHeader      the header that carries the credential (key {@code authHeader}, default
 *                        {@code Authorization})
 * @param authValue       the header's whole value, e.g. {@code Bearer …} (key {@code authValue}, {@code {env: NAME}}
 *                        or {@code {file: PATH}}); null sends no credential
 * @param timeout         the most one lookup may take, connection included (key {@code timeout}, default 2s)
 * @param cacheTtl        how long a found record is reused for the same URL (key {@code cacheTtl}, default 30s; 0s
 *                        keeps nothing); the identity check runs on every use, cached or not
 * @param cacheSize       the most records kept (key {@code cacheSize}, default 1000)
 * @param circuitOpenFor  how long lookups are not tried after the back office failed repeatedly (key
 *                        {@code circuitOpenFor}, default 30s)
 * @param identity        which fields of a record name its customer (keys {@code identity.email},
 *                        {@code identity.id}: dot paths such as {@code customer.email}; at least one)
 */
public record BackOfficeConfig(URI baseUrl, String authHeader, Secret authValue, Duration timeout, Duration cacheTtl,
    int cacheSize, Duration circuitOpenFor, Identity identity) {

  /** The record's customer fields; each a dot path or null. At least one is set. */
  public record Identity(String emailPath, String idPath) {
    IdentityCheck check() {
      return new IdentityCheck(emailPath, idPath);
    }
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
  public static final int DEFAULT_CACHE_SIZE = 1000;
  public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(30);

  public BackOfficeConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(authHeader, "authHeader");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(circuitOpenFor, "circuitOpenFor");
    Objects.requireNonNull(identity, "identity");
    String url = baseUrl.toString();
    baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /**
   * The {@code backOffice} section of an installation; empty when the section is absent.
   *
   * @throws IllegalArgumentException one line naming the setting (e.g. {@code installations[shop].backOffice.baseUrl})
   *     and the fix
   */
  public static Optional<BackOfficeConfig> from(Settings s) {
    if (s.keys().isEmpty()) {
      return Optional.empty();
    }
    URI base = s.optionalString("baseUrl").map(u -> s.uri("baseUrl")).orElseThrow(() -> s.invalid("baseUrl",
        "is required: the back office API's base URL, e.g. https://shop.example/api"));
    if (!base.getScheme().equals("https") && !base.getScheme().equals("http")) {
      throw s.invalid("baseUrl", "must be an http(s) URL, was '" + base + "'");
    }
    if (base.getQuery() != null || base.getFragment() != null) {
      throw s.invalid("baseUrl", "must not have a query or fragment; put the path of each lookup in its article");
    }
    String header = s.string("authHeader", "Authorization");
    if (!header.matches("[A-Za-z0-9-]+")) {
      throw s.invalid("authHeader", "must be a header name like Authorization or X-Api-Key, was '" + header + "'");
    }
    Secret auth = s.raw("authValue") == null ? null : s.secret("authValue");
    var timeout = s.duration("timeout", DEFAULT_TIMEOUT);
    if (timeout.compareTo(Duration.ofMillis(50)) < 0 || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
      throw s.invalid("timeout", "must be between 50ms and 10s (a lookup holds the customer's answer), e.g. 2s");
    }
    var ttl = s.duration("cacheTtl", DEFAULT_CACHE_TTL);
    if (ttl.isNegative() || ttl.compareTo(Duration.ofHours(1)) > 0) {
      throw s.invalid("cacheTtl", "must be between 0s (no cache) and 1h, e.g. 30s");
    }
    int size = s.integer("cacheSize", DEFAULT_CACHE_SIZE, 1, 1_000_000);
    var open = s.duration("circuitOpenFor", DEFAULT_CIRCUIT_OPEN_FOR);
    if (open.compareTo(Duration.ofSeconds(1)) < 0) {
      throw s.invalid("circuitOpenFor", "must be at least 1s, e.g. 30s");
    }
    var id = s.section("identity");
    String email = path(id, "email");
    String customerId = path(id, "id");
    if (email == null && customerId == null) {
      throw s.invalid("identity", "needs email or id: the dot path of the record's customer e-mail or id, e.g. "
          + "identity: {email: customer.email}; without it nobody's record could be told from another's");
    }
    return Optional.of(new BackOfficeConfig(base, header, auth, timeout, ttl, size, open,
        new Identity(email, customerId)));
  }

  private static String path(Settings s, String key) {
    var value = s.optionalString(key);
    if (value.isPresent() && !JsonFields.PATH.matcher(value.get()).matches()) {
      throw s.invalid(key, "must be a dot path into the record such as customer.email, was '" + value.get() + "'");
    }
    return value.orElse(null);
  }
}
