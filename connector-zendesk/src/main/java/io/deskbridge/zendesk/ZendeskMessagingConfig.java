package io.deskbridge.zendesk;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Zendesk messaging installation's settings: one Sunshine Conversations (SunCo) app. {@link #toString()} shows
 * secrets redacted.
 *
 * @param url                the SunCo API base, e.g. {@code https://{subdomain}.zendesk.com/sc} (paths
 *                           {@code /v2/apps/{appId}/...} go below it)
 * @param appId              the SunCo app's id
 * @param keyId              the app key's id ({@code app_...})
 * @param keySecret          the app key's secret
 * @param auth               how the key authenticates: Basic ({@code keyId:keySecret}) or an HS256 app JWT
 * @param webhookSecret      the webhook's secret, which SunCo sends as {@code X-API-Key}
 * @param botIntegrationId   the connector's switchboard integration: its id, its name, or the id of the custom
 *                           integration behind it; the bot acts only while it is the active one
 * @param handoverTarget     where a handover passes control: a switchboard integration's id, name or integration
 *                           type, or {@code next}
 * @param aiSubtype          whether the bot's messages carry the author subtype {@code AI} (Zendesk then shows an AI
 *                           disclaimer)
 * @param summaryTicketField the id of a custom ticket field that receives the handover summary
 *                           ({@code dataCapture.ticketField.<id>}); empty: the summary goes in the metadata key
 *                           {@code deskbridge_summary}
 * @param botName            the display name of the bot's messages
 * @param requestTimeout     the timeout of one API request
 * @param support            the Zendesk Support API of the same account, for a handover summary over SunCo's 4 KB
 *                           metadata: it goes in full as an internal note on the messaging ticket; empty: such a
 *                           summary is cut to fit
 */
public record ZendeskMessagingConfig(URI url, String appId, String keyId, Secret keySecret, Auth auth,
    Secret webhookSecret, String botIntegrationId, String handoverTarget, boolean aiSubtype,
    Optional<String> summaryTicketField, String botName, Duration requestTimeout, Optional<Support> support) {
  /** Zendesk's built-in agent workspace switchboard integration, by its integration type. */
  public static final String DEFAULT_HANDOVER_TARGET = "zd:agentWorkspace";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final String DEFAULT_BOT_NAME = "Assistant";

  /**
   * The Support API of the account, named as a Zendesk ticket installation names it ({@link ZendeskConfig}).
   * {@link #toString()} shows the secrets redacted.
   *
   * @param url                the account's URL, e.g. {@code https://acme.zendesk.com}
   * @param email              the agent the API token authenticates as; the notes are written as this user
   * @param apiToken           the API token ({@code {email}/token} Basic auth)
   * @param webhookSecret      the signing secret of the Support webhook that sends
   *                           {@code zen:event-type:messaging_ticket.message_added} to this installation
   * @param signatureTolerance how far a Support webhook's signature timestamp may be from now
   */
  public record Support(URI url, String email, Secret apiToken, Secret webhookSecret, Duration signatureTolerance) {
    public Support {
      Objects.requireNonNull(url, "url");
      if (email == null || !email.contains("@")) {
        throw new IllegalArgumentException("support.email must be the agent's e-mail address, was '" + email + "'");
      }
      Objects.requireNonNull(apiToken, "apiToken");
      Objects.requireNonNull(webhookSecret, "webhookSecret");
      if (signatureTolerance.isNegative() || signatureTolerance.isZero()) {
        throw new IllegalArgumentException("support.signatureTolerance must be positive");
      }
    }
  }

  /** A configuration without the Support API: a summary over the metadata limit is cut. */
  public ZendeskMessagingConfig(URI url, String appId, String keyId, Secret keySecret, Auth auth,
      Secret webhookSecret, String botIntegrationId, String handoverTarget, boolean aiSubtype,
      Optional<String> summaryTicketField, String botName, Duration requestTimeout) {
    this(url, appId, keyId, keySecret, auth, webhookSecret, botIntegrationId, handoverTarget, aiSubtype,
        summaryTicketField, botName, requestTimeout, Optional.empty());
  }

  /** How the app key authenticates (zendesk.md §3.1). */
  public enum Auth {
    /** {@code Authorization: Basic base64(keyId:keySecret)}. */
    BASIC,
    /** {@code Authorization: Bearer <JWT>}: HS256 with {@code kid} = key id and the claim {@code scope: app}. */
    JWT
  }

  public ZendeskMessagingConfig {
    Objects.requireNonNull(url, "url");
    requireText(appId, "appId must be the SunCo app's id (Admin Center > Apps and integrations > APIs > Conversations API)");
    requireText(keyId, "keyId must be the app key's id (app_...)");
    Objects.requireNonNull(keySecret, "keySecret");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    requireText(botIntegrationId, "botIntegrationId must name the bot's switchboard integration (id or name)");
    requireText(handoverTarget, "handoverTarget must name a switchboard integration, an integration type or next");
    summaryTicketField = summaryTicketField == null ? Optional.empty() : summaryTicketField;
    summaryTicketField.ifPresent(f -> {
      if (!f.matches("[0-9]{1,20}")) {
        throw new IllegalArgumentException("summaryTicketField must be a custom ticket field's numeric id, was '" + f + "'");
      }
    });
    botName = botName == null || botName.isBlank() ? DEFAULT_BOT_NAME : botName;
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    support = support == null ? Optional.empty() : support;
  }

  private static void requireText(String value, String problem) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Reads {@code url}, {@code appId}, {@code keyId}, {@code keySecret} and {@code webhookSecret} (secrets as
   * {@code {env: NAME}} or {@code {file: PATH}}), {@code auth} ({@code basic}, the default, or {@code jwt}),
   * {@code botIntegrationId}, {@code handoverTarget} (default {@code zd:agentWorkspace}), {@code aiSubtype} (default
   * true), {@code summaryTicketField}, {@code botName}, {@code requestTimeout} (default 10s) and the optional section
   * {@code support}: {@code url}, {@code email}, {@code apiToken} and {@code webhookSecret} (secrets as above; all four
   * when the section is there) and {@code signatureTolerance} (default 5m).
   */
  public static ZendeskMessagingConfig from(Settings settings) {
    var url = settings.uri("url");
    String appId = settings.string("appId");
    String keyId = settings.string("keyId");
    var keySecret = settings.secret("keySecret");
    String authName = settings.string("auth", "basic").toLowerCase(Locale.ROOT);
    Auth auth = switch (authName) {
      case "basic" -> Auth.BASIC;
      case "jwt" -> Auth.JWT;
      default -> throw settings.invalid("auth", "must be basic or jwt, was '" + authName + "'");
    };
    var webhookSecret = settings.secret("webhookSecret");
    String bot = settings.string("botIntegrationId");
    String target = settings.string("handoverTarget", DEFAULT_HANDOVER_TARGET);
    boolean ai = settings.bool("aiSubtype", true);
    var field = settings.optionalString("summaryTicketField");
    String name = settings.string("botName", DEFAULT_BOT_NAME);
    var timeout = settings.duration("requestTimeout", DEFAULT_TIMEOUT);
    var supportSettings = settings.section("support");
    Optional<Support> support = Optional.empty();
    if (!supportSettings.keys().isEmpty()) {
      var supportUrl = supportSettings.uri("url");
      String email = supportSettings.string("email");
      var token = supportSettings.secret("apiToken");
      var supportSecret = supportSettings.secret("webhookSecret");
      var tolerance = supportSettings.duration("signatureTolerance", ZendeskConfig.DEFAULT_TOLERANCE);
      try {
        support = Optional.of(new Support(supportUrl, email, token, supportSecret, tolerance));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(settings.path() + "." + e.getMessage(), e);
      }
    }
    try {
      return new ZendeskMessagingConfig(url, appId, keyId, keySecret, auth, webhookSecret, bot, target, ai, field,
          name, timeout, support);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(settings.path() + "." + e.getMessage(), e); // the messages start with the key
    }
  }
}
