package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.mock.base.SteppedClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SunCo's two ways to authenticate with an app key, and what is refused. */
class SuncoAuthTest {
  private static final String KID = "app_key1";
  private static final String SECRET = "s3cret";
  private static final Instant NOW = Instant.parse("2026-12-04T13:00:00Z");

  private final SuncoAuth auth = new SuncoAuth(KID, SECRET, new SteppedClock(NOW));

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String bearer(String header, String payload, String secret) {
    return "Bearer " + SuncoClient.jwt(header, payload, secret);
  }

  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}";

  @Test
  void basicWithTheKeyIdAndSecretAndAnAppScopedJwtAreAccepted() {
    assertThatCode(() -> auth.check(basic(KID, SECRET))).doesNotThrowAnyException();
    assertThatCode(() -> auth.check(bearer(HEADER, "{\"scope\":\"app\"}", SECRET))).doesNotThrowAnyException();
    assertThatCode(() -> auth.check(bearer(HEADER, "{\"scope\":\"app\",\"exp\":" + (NOW.getEpochSecond() + 60)
        + "}", SECRET))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "basic-wrong-secret", "basic-wrong-key", "basic-garbage", "other-scheme",
      "jwt-wrong-secret", "jwt-wrong-kid", "jwt-alg-none", "jwt-hs512", "jwt-account-scope", "jwt-no-scope",
      "jwt-expired", "jwt-two-parts", "jwt-not-json"})
  void everythingElseIsA401InSuncoShape(String kind) {
    String header = switch (kind) {
      case "none" -> null;
      case "basic-wrong-secret" -> basic(KID, "nope");
      case "basic-wrong-key" -> basic("app_other", SECRET);
      case "basic-garbage" -> "Basic %%%";
      case "other-scheme" -> "Token " + SECRET;
      case "jwt-wrong-secret" -> bearer(HEADER, "{\"scope\":\"app\"}", "other");
      case "jwt-wrong-kid" -> bearer(HEADER.replace(KID, "app_other"), "{\"scope\":\"app\"}", SECRET);
      case "jwt-alg-none" -> "Bearer " + SuncoClient.jwt(HEADER.replace("HS256", "none"), "{\"scope\":\"app\"}",
          SECRET).replaceAll("\\.[^.]*$", ".");
      case "jwt-hs512" -> bearer(HEADER.replace("HS256", "HS512"), "{\"scope\":\"app\"}", SECRET);
      case "jwt-account-scope" -> bearer(HEADER, "{\"scope\":\"account\"}", SECRET);
      case "jwt-no-scope" -> bearer(HEADER, "{}", SECRET);
      case "jwt-expired" -> bearer(HEADER, "{\"scope\":\"app\",\"exp\":" + NOW.getEpochSecond() + "}", SECRET);
      case "jwt-two-parts" -> "Bearer abc.def";
      case "jwt-not-json" -> "Bearer " + Base64.getUrlEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8))
          + ".e30.sig";
      default -> throw new AssertionError(kind);
    };
    assertThatThrownBy(() -> auth.check(header)).isInstanceOfSatisfying(SuncoError.class, e -> {
      org.assertj.core.api.Assertions.assertThat(e.status).isEqualTo(401);
      org.assertj.core.api.Assertions.assertThat(e.body().toString())
          .startsWith("{\"errors\":[{\"code\":\"unauthorized\",\"title\":");
    });
  }
}
