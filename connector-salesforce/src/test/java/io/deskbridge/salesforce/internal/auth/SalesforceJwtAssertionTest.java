package io.deskbridge.salesforce.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

public class SalesforceJwtAssertionTest {
  /** One RSA key pair for the module's tests. */
  public static final KeyPair KEYS = generate();
  private static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");

  private static KeyPair generate() {
    try {
      var g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key as a PKCS#8 PEM file holds it. */
  public static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void theAssertionVerifiesWithTheMatchingPublicKeyAndCarriesSalesforcesClaims() throws Exception {
    var key = SalesforceJwtAssertion.privateKey(pem(KEYS.getPrivate()));
    String jwt = SalesforceJwtAssertion.sign("3MVG9client", "bot@acme.com", "https://login.salesforce.com", NOW, key);

    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    var verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(KEYS.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    var json = new ObjectMapper();
    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText()).isEqualTo("RS256");
    var claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.get("iss").asText()).isEqualTo("3MVG9client");
    assertThat(claims.get("sub").asText()).isEqualTo("bot@acme.com");
    assertThat(claims.get("aud").asText()).isEqualTo("https://login.salesforce.com");
    assertThat(claims.get("exp").asLong()).isEqualTo(NOW.plus(SalesforceJwtAssertion.LIFETIME).getEpochSecond());
  }

  @Test
  void anotherKeyDoesNotVerifyIt() throws Exception {
    var other = generate();
    String jwt = SalesforceJwtAssertion.sign("c", "u", "https://login.salesforce.com", NOW, other.getPrivate());
    String[] parts = jwt.split("\\.");
    var verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(KEYS.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
  }

  @Test
  void aKeyThatIsNotPkcs8PemIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> SalesforceJwtAssertion.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIsecret\n-----END RSA PRIVATE KEY-----"))
        .hasMessageContaining("PKCS#1").hasMessageNotContaining("MIIsecret");
    assertThatThrownBy(() -> SalesforceJwtAssertion.privateKey("not a key")).hasMessageContaining("not a PEM private key");
    assertThatThrownBy(() -> SalesforceJwtAssertion.privateKey("-----BEGIN PRIVATE KEY-----\nAAAAsecret\n-----END PRIVATE KEY-----"))
        .hasMessage("is not a readable PKCS#8 RSA private key");
  }
}
