package io.deskbridge.daktela;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional REST API access of a Daktela web chat installation, named as the Daktela ticket installation names
 * it: with it the connector asks Daktela whether any agent is online at a handover; without it the connector does
 * not declare {@code AGENT_AVAILABILITY}. The API is on the installation's {@code url} (the same instance), under
 * {@code /api/v6}. {@link #toString()} shows the token redacted.
 *
 * @param accessToken the API user's access token; the user needs read access to realtime sessions
 * @param authIn      where the token goes: the {@code X-AUTH-TOKEN} header or the {@code accessToken} query
 */
public record DaktelaChatApiAccess(Secret accessToken, DaktelaConfig.AuthIn authIn) {
  public DaktelaChatApiAccess {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(authIn, "authIn");
  }

  /**
   * Reads {@code accessToken} ({@code {env: NAME}} or {@code {file: PATH}}) and {@code authIn} ({@code header}, the
   * default, or {@code query}); empty when there is no {@code accessToken}.
   *
   * @throws io.deskbridge.core.error.ConfigException {@code authIn} without {@code accessToken}, or an unknown
   *         {@code authIn}, naming the setting
   */
  public static Optional<DaktelaChatApiAccess> from(Settings settings) {
    if (settings.raw("accessToken") == null) {
      if (settings.raw("authIn") != null) {
        throw settings.invalid("authIn", "has no effect without accessToken: add accessToken ({env: NAME} or "
            + "{file: PATH} holding the API user's access token) or remove authIn");
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
    return Optional.of(new DaktelaChatApiAccess(token, authIn));
  }
}
