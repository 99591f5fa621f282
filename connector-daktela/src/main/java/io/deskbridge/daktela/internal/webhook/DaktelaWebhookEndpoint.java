package io.deskbridge.daktela.internal.webhook;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Daktela's webhook endpoint: an Events-module HTTP action whose body the admin templates (see the module README).
 * Events sends no signature, so {@link #verify} checks the shared secret the admin typed in, from the
 * configured header (any case) or else the {@code secret} query parameter (an empty value counts as none), compared
 * in constant time; missing or wrong is 401 and nothing is decoded. {@link #decode} reads the body as a
 * {@link DaktelaTrigger} (JSON or form-encoded) and maps it with {@link DaktelaEvents}; the acknowledgement is
 * core's default 200 JSON. Without a configured secret (an installation that polls) every request is refused.
 * Thread-safe; no I/O.
 */
public final class DaktelaWebhookEndpoint implements WebhookEndpoint {
  static final String QUERY = "secret";

  private final Optional<byte[]> secret;
  private final String secretHeader;
  private final Supplier<String> botLogin;
  private final Clock clock;

  /**
   * @param secret       the installation's {@code webhookSecret}; empty when it polls instead
   * @param secretHeader the header the secret comes in ({@code webhookSecretHeader})
   * @param botLogin     the API user's login, once known (empty before)
   * @param clock        the time of the events (Events sends none that can be trusted)
   */
  public DaktelaWebhookEndpoint(Optional<Secret> secret, String secretHeader, Supplier<String> botLogin,
      Clock clock) {
    this.secret = secret.map(s -> s.reveal().getBytes(StandardCharsets.UTF_8));
    this.secretHeader = Objects.requireNonNull(secretHeader, "secretHeader");
    this.botLogin = Objects.requireNonNull(botLogin, "botLogin");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void verify(WebhookRequest request) {
    if (secret.isEmpty()) {
      throw WebhookRejectedException.unauthorized("this installation has no webhookSecret (it polls); set "
          + "events: webhooks and webhookSecret to receive Daktela Events webhooks");
    }
    var given = request.header(secretHeader).filter(v -> !v.isEmpty())
        .or(() -> request.query(QUERY).filter(v -> !v.isEmpty()));
    if (given.isEmpty()) {
      throw WebhookRejectedException.unauthorized("missing webhook secret (header " + secretHeader
          + " or query parameter '" + QUERY + "')");
    }
    if (!MessageDigest.isEqual(secret.get(), given.get().getBytes(StandardCharsets.UTF_8))) {
      throw WebhookRejectedException.unauthorized("wrong webhook secret (header " + secretHeader
          + " or query parameter '" + QUERY + "')");
    }
  }

  @Override
  public List<InboundEvent> decode(WebhookRequest request) {
    var trigger = DaktelaTrigger.parse(request.header("Content-Type").orElse(""), request.body());
    String login = botLogin.get();
    return DaktelaEvents.toEvents(trigger, login == null ? "" : login, clock.instant(), installation(request.path()));
  }

  /** The installation segment of {@code /webhooks/{installation}}, for a snapshot's key. */
  private static String installation(String path) {
    String[] segments = path.split("/", -1);
    return segments.length >= 3 && !segments[2].isBlank() ? segments[2] : DaktelaEvents.UNKNOWN_INSTALLATION;
  }
}
