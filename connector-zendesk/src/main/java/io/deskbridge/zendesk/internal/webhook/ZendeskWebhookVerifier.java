package io.deskbridge.zendesk.internal.webhook;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code X-Zendesk-Webhook-Signature}: base64 of HMAC-SHA256, keyed with the signing secret's
 * UTF-8 bytes, over the {@code X-Zendesk-Webhook-Signature-Timestamp} value followed by the raw body. A
 * timestamp further than the tolerance from now is refused, which bounds replays. Used by the ticket installations'
 * webhooks and by the Support webhooks a messaging installation receives. Thread-safe.
 */
public final class ZendeskWebhookVerifier {
  public static final String SIGNATURE = "x-zendesk-webhook-signature";
  static final String TIMESTAMP = "x-zendesk-webhook-signature-timestamp";

  private final Secret secret;
  private final Duration tolerance;
  private final Clock clock;

  public ZendeskWebhookVerifier(Secret secret, Duration tolerance, Clock clock) {
    this.secret = secret;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** @throws WebhookRejectedException (401) with the reason when the signature is missing, stale or wrong */
  public void verify(WebhookRequest request) {
    String signature = request.header(SIGNATURE)
        .orElseThrow(() -> WebhookRejectedException.unauthorized("missing " + SIGNATURE + " header"));
    String timestamp = request.header(TIMESTAMP)
        .orElseThrow(() -> WebhookRejectedException.unauthorized("missing " + TIMESTAMP + " header"));
    Instant at;
    try {
      at = Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw WebhookRejectedException.unauthorized(TIMESTAMP + " is not an ISO-8601 UTC time");
    }
    if (Duration.between(at, clock.instant()).abs().compareTo(tolerance) > 0) {
      throw WebhookRejectedException.unauthorized("signature timestamp " + timestamp + " is outside the "
          + tolerance.toSeconds() + " s window");
    }
    byte[] expected = sign(timestamp, request.body());
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.strip());
    } catch (IllegalArgumentException e) {
      throw WebhookRejectedException.unauthorized("signature is not base64");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw WebhookRejectedException.unauthorized("signature does not match");
    }
  }

  byte[] sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
