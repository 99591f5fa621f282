package io.deskbridge.salesforce;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.salesforce.internal.auth.SalesforceJwtAssertion;
import io.deskbridge.salesforce.internal.auth.SalesforceAuth;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Salesforce installation's settings. {@link #toString()} shows secrets redacted.
 *
 * @param instanceUrl       the org's My Domain URL, e.g. {@code https://acme.my.salesforce.com}
 * @param organizationId    the org's id (15 or 18 characters, {@code 00D…}); Outbound Messages from other orgs are refused
 * @param apiVersion        the partner API version, e.g. {@code 64.0}
 * @param auth              how the connector authenticates
 * @param botQueue          the queue (DeveloperName or {@code 00G} id) new Cases land in; Cases it owns are the bot's
 * @param replyVia          how public replies are written
 * @param fromAddress       the org-wide e-mail address replies are sent from, when set
 * @param notes             how internal notes (summaries, drafts) are written
 * @param handoverStatus    the Case Status set with a handover's owner change, when set
 * @param webhookPathToken  the secret last path segment Outbound Messages must carry, when set
 * @param webhookAllowFrom  the CIDR ranges Outbound Messages may come from; empty allows any
 * @param dailyApiRequests  the org's daily API allocation; 0 reads it from the LimitInfoHeader at start
 * @param apiShare          the share of the daily allocation the connector may use (0 to 1)
 * @param connectTimeout    the connect timeout of one API request
 * @param readTimeout       the read timeout of one API request
 */
public record SalesforceConfig(
    URI instanceUrl, String organizationId, String apiVersion, SalesforceAuth auth, String botQueue, ReplyVia replyVia,
    Optional<String> fromAddress, Notes notes, Optional<String> handoverStatus, Optional<Secret> webhookPathToken,
    List<String> webhookAllowFrom, int dailyApiRequests, double apiShare, Duration connectTimeout,
    Duration readTimeout) {
  public static final String DEFAULT_API_VERSION = "64.0";
  /** The highest API version whose SOAP login() Salesforce still serves. */
  static final double LAST_LOGIN_VERSION = 64.0;

  /** How public replies are written. */
  public enum ReplyVia {
    /** An e-mail when the Case came by e-mail (Origin Email), else a published CaseComment. */
    AUTO,
    /** Always an e-mail through {@code sendEmail}. */
    EMAIL,
    /** Always a published CaseComment. */
    COMMENT
  }

  /** How internal notes are written. */
  public enum Notes {
    /** Unpublished CaseComments (split over 4,000 bytes). */
    COMMENT,
    /** A FeedItem visible to internal users. */
    FEED
  }

  public SalesforceConfig {
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(auth, "auth");
    if (organizationId == null || !organizationId.matches("00D[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?")) {
      throw new IllegalArgumentException("organizationId must be the org's id, 15 or 18 characters starting with 00D "
          + "(Setup > Company Information), was '" + organizationId + "'");
    }
    if (apiVersion == null || !apiVersion.matches("\\d{2}\\.0")) {
      throw new IllegalArgumentException("apiVersion must look like 64.0, was '" + apiVersion + "'");
    }
    if (auth instanceof SalesforceAuth.Password && Double.parseDouble(apiVersion) > LAST_LOGIN_VERSION) {
      throw new IllegalArgumentException("apiVersion " + apiVersion + " cannot log in with auth.flow password: "
          + "Salesforce's SOAP login() is not available from API 65.0; set apiVersion to 64.0 or use auth.flow "
          + "client-credentials or jwt-bearer");
    }
    if (botQueue == null || botQueue.isBlank()) {
      throw new IllegalArgumentException("botQueue is required: the queue (DeveloperName or 00G id) new Cases land in, "
          + "e.g. Bot_Intake");
    }
    Objects.requireNonNull(replyVia, "replyVia");
    fromAddress = fromAddress == null ? Optional.empty() : fromAddress;
    Objects.requireNonNull(notes, "notes");
    handoverStatus = handoverStatus == null ? Optional.empty() : handoverStatus;
    webhookPathToken = webhookPathToken == null ? Optional.empty() : webhookPathToken;
    webhookAllowFrom = List.copyOf(webhookAllowFrom == null ? List.of() : webhookAllowFrom);
    if (dailyApiRequests < 0) {
      throw new IllegalArgumentException("dailyApiRequests must not be negative (0 reads it from Salesforce)");
    }
    if (!(apiShare > 0 && apiShare <= 1)) {
      throw new IllegalArgumentException("apiShare must be more than 0 and at most 1, was " + apiShare);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** The org id's first 15 characters (Salesforce ids compare case-sensitively on them). */
  public String organizationId15() {
    return organizationId.substring(0, 15);
  }

  /**
   * Reads the settings (keys as in {@code salesforce.schema.json}). Secrets ({@code auth.clientSecret},
   * {@code auth.password}, {@code auth.securityToken}, {@code webhook.pathToken}) are {@code {env: NAME}} or
   * {@code {file: PATH}}; {@code auth.privateKeyFile} is the path of a PKCS#8 PEM key.
   *
   * @throws ConfigException one line naming the setting and the fix
   */
  public static SalesforceConfig from(Settings settings) {
    URI instanceUrl = settings.uri("instanceUrl");
    String orgId = settings.string("organizationId");
    String apiVersion = settings.string("apiVersion", DEFAULT_API_VERSION);
    SalesforceAuth auth = auth(settings.section("auth"), instanceUrl);
    var reply = settings.section("reply");
    var webhook = settings.section("webhook");
    var timeouts = settings.section("timeouts");
    try {
      return new SalesforceConfig(instanceUrl, orgId, apiVersion, auth, settings.string("botQueue", ""),
          choice(reply, "via", "auto", ReplyVia.class), reply.optionalString("fromAddress"),
          choice(settings, "notes", "comment", Notes.class), settings.optionalString("handoverStatus"),
          webhook.raw("pathToken") == null ? Optional.empty() : Optional.of(webhook.secret("pathToken")),
          webhook.stringList("allowFrom"), settings.integer("dailyApiRequests", 0, 0, 100_000_000),
          share(settings), Duration.ofSeconds(timeouts.integer("connectSeconds", 10, 1, 600)),
          Duration.ofSeconds(timeouts.integer("readSeconds", 30, 1, 600)));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(settings.path() + "." + e.getMessage(), e); // the messages start with the key
    }
  }

  private static SalesforceAuth auth(Settings a, URI instanceUrl) {
    String flow = a.string("flow", "client-credentials");
    URI loginUrl = a.optionalString("loginUrl").isPresent() ? a.uri("loginUrl") : instanceUrl;
    switch (flow) {
      case "client-credentials":
        return new SalesforceAuth.ClientCredentials(loginUrl, required(a, "clientId", flow), secret(a, "clientSecret", flow));
      case "jwt-bearer": {
        String keyFile = required(a, "privateKeyFile", flow);
        Secret key;
        try {
          key = Secret.fromFile(Path.of(keyFile));
          SalesforceJwtAssertion.privateKey(key.reveal());
        } catch (RuntimeException e) {
          throw a.invalid("privateKeyFile", (e instanceof java.io.UncheckedIOException ? "cannot be read ("
              + Path.of(keyFile).toAbsolutePath() + "): write the path of the PKCS#8 PEM key" : e.getMessage()));
        }
        return new SalesforceAuth.JwtBearer(loginUrl, required(a, "clientId", flow), required(a, "username", flow), key);
      }
      case "password":
        return new SalesforceAuth.Password(loginUrl, required(a, "username", flow), secret(a, "password", flow),
            a.raw("securityToken") == null ? null : a.secret("securityToken"));
      default:
        throw a.invalid("flow", "must be client-credentials, jwt-bearer or password, was '" + flow + "'");
    }
  }

  private static String required(Settings a, String key, String flow) {
    return a.optionalString(key).orElseThrow(() -> a.invalid(key, "is required for auth.flow " + flow));
  }

  private static Secret secret(Settings a, String key, String flow) {
    if (a.raw(key) == null) {
      throw a.invalid(key, "is required for auth.flow " + flow + ": write {env: NAME} or {file: PATH}");
    }
    return a.secret(key);
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

  private static double share(Settings s) {
    var value = s.optionalString("apiShare");
    if (value.isEmpty()) {
      return 0.5;
    }
    try {
      double share = Double.parseDouble(value.get());
      if (!(share > 0 && share <= 1)) {
        throw s.invalid("apiShare", "must be more than 0 and at most 1, e.g. 0.5, was " + value.get());
      }
      return share;
    } catch (NumberFormatException e) {
      throw s.invalid("apiShare", "must be a number such as 0.5, was '" + value.get() + "'");
    }
  }
}
