package io.deskbridge.salesforce.internal.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RS256 JWT of Salesforce's JWT bearer flow ({@code iss} the consumer key, {@code sub} the username, {@code aud}
 * the login URL, {@code exp} three minutes ahead, Salesforce's maximum), signed with {@code java.security}. Pure.
 */
public final class SalesforceJwtAssertion {
  /** How long an assertion is valid; Salesforce accepts at most three minutes. */
  static final Duration LIFETIME = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private SalesforceJwtAssertion() {}

  /** The signed assertion {@code header.claims.signature}. */
  public static String sign(String clientId, String username, String audience, Instant now, PrivateKey key) {
    try {
      var claims = new LinkedHashMap<String, Object>();
      claims.put("iss", clientId);
      claims.put("sub", username);
      claims.put("aud", audience);
      claims.put("exp", now.plus(LIFETIME).getEpochSecond());
      String unsigned = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256"))) + "."
          + B64.encodeToString(JSON.writeValueAsBytes(claims));
      var rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
      return unsigned + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot sign the JWT assertion: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a PKCS#8 PEM RSA private key ({@code -----BEGIN PRIVATE KEY-----}).
   *
   * @throws IllegalArgumentException naming what is wrong (a PKCS#1 key says how to convert it), never the key
   */
  public static PrivateKey privateKey(String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException("is a PKCS#1 key; convert it to PKCS#8 with "
          + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem'");
    }
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException("is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)");
    }
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("is not a readable PKCS#8 RSA private key", e);
    }
  }
}
