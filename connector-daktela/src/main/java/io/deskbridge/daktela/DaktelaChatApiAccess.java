package io.deskbridge.daktela;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional REST API access of a Daktela web chat installation, named as the Daktela ticket installation names
 * it: with it the connector asks Daktela whether any agent is online at a handover, and with a
 * {@code followUpCategory} a chat handed over while nobody can answer also becomes a ticket; without it the connector
 * declares neither {@code AGENT_AVAILABILITY} nor {@code FOLLOW_UP_TICKET}. The API is on the installation's {@code url} (the same instance), under
 * {@code /api/v6}. {@link #toString()} shows the token redacted.
 *
 * @param accessToken the API user's access token; the user needs read access to realtime sessions
 * @param authIn      where the token goes: the {@code X-AUTH-TOKEN} header or the {@code accessToken} query
 * @param followUpCategory the ticket category ({@code categories_...}) of the ticket a chat becomes when it is handed
 *                    over while nobody can answer (outside business hours, or nobody online); empty: no ticket. The
 *                    API user then also needs to read and create tickets in it
 */
public record DaktelaChatApiAccess(Secret accessToken, DaktelaConfig.AuthIn authIn,
    Optional<String> followUpCategory) {
  public DaktelaChatApiAccess {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(authIn, "authIn");
    Objects.requireNonNull(followUpCategory, "followUpCategory");
  }

  /** Without follow-up tickets. */
  public DaktelaChatApiAccess(Secret accessToken, DaktelaConfig.AuthIn authIn) {
    this(accessToken, authIn, Optional.empty());
  }

  /**
   * Reads {@code accessToken} ({@code {env: NAME}} or {@code {file: PATH}}), {@code authIn} ({@code header}, the
   * default, or {@code query}) and {@code followUpCategory} (optional); empty when there is no {@code accessToken}.
   *
   * @throws io.deskbridge.core.error.ConfigException {@code authIn} or {@code followUpCategory} without
   *         {@code accessToken}, an unknown {@code authIn}, or a category that is not a name, naming the setting
   */
  public static Optional<DaktelaChatApiAccess> from(Settings settings) {
    if (settings.raw("accessToken") == null) {
      for (String key : java.util.List.of("authIn", "followUpCategory")) {
        if (settings.raw(key) != null) {
          throw settings.invalid(key, "has no effect without accessToken: add accessToken ({env: NAME} or "
              + "{file: PATH} holding the API user's access token) or remove " + key);
        }
      }
      return Optional.empty();
    }
    Secret token = settings.secret("accessToken");
    String in = settings.string("authIn", "header");
    DaktelaConfig.AuthIn authIn = switch (in.toLowerCase(Locale.ROOT)) {
      case "header" -> DaktelaConfig.AuthIn.HEADER;
      case "query" -> DaktelaConfig.AuthIn.QUERY;
      default -> throw settings.invalid("authIn", "must be header or query, was '" + in + "'");
    };
    Optional<String> category = Optional.empty();
    if (settings.raw("followUpCategory") != null) {
      String name = settings.string("followUpCategory", "").strip();
      if (!name.matches("[A-Za-z0-9_.-]{1,255}")) {
        throw settings.invalid("followUpCategory", "must be a Daktela ticket category's name (Manage > Tickets > "
            + "Categories, e.g. categories_618a1b2c3d4e5), was '" + name + "'");
      }
      category = Optional.of(name);
    }
    return Optional.of(new DaktelaChatApiAccess(token, authIn, category));
  }
}
