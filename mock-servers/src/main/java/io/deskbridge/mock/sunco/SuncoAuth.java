package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SunCo's server-to-server authentication (zendesk.md §3.1; the spec's "Authentication" section) for the one app
 * key the fake holds: Basic with the key id as user and the secret as password, or {@code Bearer} an HS256 JWT whose
 * header names the key id as {@code kid} and whose payload has {@code scope: "app"}. Everything else is refused with a
 * 401 in SunCo's error shape: no or another scheme, a wrong key id or secret, an unsigned or otherwise signed token, a
 * bad signature, another scope ({@code account} needs an account key, which an app key is not), or an {@code exp} in
 * the past (the fake's choice: SunCo requires no {@code exp}, but a token that carries one is checked against it).
 *
 * <p>Secrets are compared in constant time. Thread-safe: immutable.
 */
final class SuncoAuth {
  private final String keyId;
  private final byte[] secret;
  private final Clock clock;

  SuncoAuth(String keyId, String secret, Clock clock) {
    this.keyId = keyId;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /**
   * Checks the {@code Authorization} header.
   *
   * @throws SuncoError 401 when it does not authenticate as the app key
   */
  void check(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized("Authorization is required");
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String value = space < 0 ? "" : authorization.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Basic")) {
      basic(value);
    } else if (scheme.equalsIgnoreCase("Bearer")) {
      jwt(value);
    } else {
      throw unauthorized("Authorization is required");
    }
  }

  private void basic(String value) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("Invalid Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !equal(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8),
        keyId.getBytes(StandardCharsets.UTF_8))
        || !equal(decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8), secret)) {
      throw unauthorized("Invalid Basic credentials");
    }
  }

  private void jwt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw unauthorized("Invalid JWT");
    }
    JsonNode header = part(parts[0]);
    JsonNode payload = part(parts[1]);
    if (!"HS256".equals(header.path("alg").asText())) {
      throw unauthorized("Invalid JWT: the algorithm must be HS256");
    }
    if (!keyId.equals(header.path("kid").asText())) {
      throw unauthorized("Invalid JWT: unknown key id (kid)");
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw unauthorized("Invalid JWT signature");
    }
    if (!equal(signature, hmac(parts[0] + "." + parts[1]))) {
      throw unauthorized("Invalid JWT signature");
    }
    if (!"app".equals(payload.path("scope").asText())) {
      throw unauthorized("Invalid JWT: an app key signs only tokens with scope app");
    }
    if (payload.has("exp") && (!payload.get("exp").isNumber()
        || payload.get("exp").asLong() <= clock.instant().getEpochSecond())) {
      throw unauthorized("Invalid JWT: expired");
    }
  }

  private static JsonNode part(String b64) {
    try {
      JsonNode n = SuncoJson.MAPPER.readTree(Base64.getUrlDecoder().decode(b64));
      if (n == null || !n.isObject()) {
        throw unauthorized("Invalid JWT");
      }
      return n;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw unauthorized("Invalid JWT");
    }
  }

  private byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  private static SuncoError unauthorized(String title) {
    return new SuncoError(401, "unauthorized", title);
  }
}
