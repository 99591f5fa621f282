package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.salesforce.internal.auth.SalesforceAuth;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceConfigTest {
  private static final Map<String, String> ENV = Map.of("SF_SECRET", "cs-9f8e7d6c5b4a", "SF_PASSWORD", "pw-s3cr3t!",
      "SF_TOKEN", "tok-abcdef123", "SF_HOOK", "hook-777777");

  @TempDir
  Path dir;

  private static Map<String, Object> base() {
    var m = new HashMap<String, Object>();
    m.put("instanceUrl", "https://acme.my.salesforce.com");
    m.put("organizationId", "00D5g000000ABCDEAA");
    m.put("botQueue", "Bot_Intake");
    m.put("auth", Map.of("flow", "client-credentials", "clientId", "3MVG9abc", "clientSecret", Map.of("env", "SF_SECRET")));
    return m;
  }

  private static SalesforceConfig from(Map<String, Object> values) {
    return SalesforceConfig.from(new Settings("installations[acme].settings", values, ENV::get));
  }

  @Test
  void readsTheDefaultsAndPrintsEverySecretRedacted() {
    var values = base();
    values.put("webhook", Map.of("pathToken", Map.of("env", "SF_HOOK"), "allowFrom", List.of("13.108.0.0/14")));
    var config = from(values);

    assertThat(config.apiVersion()).isEqualTo("64.0");
    assertThat(config.replyVia()).isEqualTo(SalesforceConfig.ReplyVia.AUTO);
    assertThat(config.notes()).isEqualTo(SalesforceConfig.Notes.COMMENT);
    assertThat(config.apiShare()).isEqualTo(0.5);
    assertThat(config.dailyApiRequests()).isZero();
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.organizationId15()).isEqualTo("00D5g000000ABCD");
    assertThat(config.auth()).isInstanceOf(SalesforceAuth.ClientCredentials.class);
    assertThat(config.auth().loginUrl()).as("the login host defaults to the My Domain URL")
        .isEqualTo(URI.create("https://acme.my.salesforce.com"));
    assertThat(((SalesforceAuth.ClientCredentials) config.auth()).clientSecret().reveal()).isEqualTo("cs-9f8e7d6c5b4a");
    assertThat(config.webhookPathToken().orElseThrow().reveal()).isEqualTo("hook-777777");
    assertThat(config.toString()).doesNotContain("cs-9f8e7d6c5b4a").doesNotContain("hook-777777").contains("****");
  }

  @Test
  void passwordFlowSecretsAreRedactedToo() {
    var values = base();
    values.put("auth", Map.of("flow", "password", "username", "bot@acme.com", "password", Map.of("env", "SF_PASSWORD"),
        "securityToken", Map.of("env", "SF_TOKEN"), "loginUrl", "https://login.salesforce.com"));
    var config = from(values);

    assertThat(config.auth()).isInstanceOf(SalesforceAuth.Password.class);
    assertThat(config.auth().loginUrl()).isEqualTo(URI.create("https://login.salesforce.com"));
    assertThat(config.toString()).doesNotContain("pw-s3cr3t!").doesNotContain("tok-abcdef123");
  }

  @Test
  void jwtBearerReadsThePrivateKeyFileWithoutPrintingIt() throws Exception {
    var pem = io.deskbridge.salesforce.internal.auth.SalesforceJwtAssertionTest.pem(
        io.deskbridge.salesforce.internal.auth.SalesforceJwtAssertionTest.KEYS.getPrivate());
    Path key = Files.writeString(dir.resolve("salesforce.key"), pem);
    var values = base();
    values.put("auth", Map.of("flow", "jwt-bearer", "clientId", "3MVG9abc", "username", "bot@acme.com",
        "privateKeyFile", key.toString(), "loginUrl", "https://login.salesforce.com"));
    var config = from(values);

    assertThat(config.auth()).isInstanceOf(SalesforceAuth.JwtBearer.class);
    assertThat(config.toString()).doesNotContain(pem.lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void aKeyFileThatIsNotAPkcs8KeyIsNamedWithTheFix() throws Exception {
    Path key = Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");
    var values = base();
    values.put("auth", Map.of("flow", "jwt-bearer", "clientId", "3MVG9abc", "username", "bot@acme.com",
        "privateKeyFile", key.toString()));

    assertThatThrownBy(() -> from(values)).isInstanceOf(ConfigException.class)
        .hasMessage("installations[acme].settings.auth.privateKeyFile is a PKCS#1 key; convert it to PKCS#8 with "
            + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem'");
  }

  @Test
  void passwordLoginAtApi65IsRefusedNamingTheSettingAndTheWayOut() {
    var values = base();
    values.put("apiVersion", "65.0");
    values.put("auth", Map.of("flow", "password", "username", "bot@acme.com", "password", Map.of("env", "SF_PASSWORD")));

    assertThatThrownBy(() -> from(values)).isInstanceOf(ConfigException.class)
        .hasMessage("installations[acme].settings.apiVersion 65.0 cannot log in with auth.flow password: Salesforce's "
            + "SOAP login() is not available from API 65.0; set apiVersion to 64.0 or use auth.flow client-credentials "
            + "or jwt-bearer");
  }

  @Test
  void eachBadSettingIsOneLineNamingIt() {
    record Case(String key, Object value, String message) {}
    var cases = List.of(
        new Case("organizationId", "00X5g000000ABCD", "installations[acme].settings.organizationId must be the org's id"),
        new Case("apiVersion", "v64", "installations[acme].settings.apiVersion must look like 64.0, was 'v64'"),
        new Case("apiShare", "2", "installations[acme].settings.apiShare must be more than 0 and at most 1"),
        new Case("notes", "chatter", "installations[acme].settings.notes must be comment or feed, was 'chatter'"),
        new Case("reply", Map.of("via", "sms"), "installations[acme].settings.reply.via must be auto, email or comment, "
            + "was 'sms'"),
        new Case("auth", Map.of("flow", "saml"), "installations[acme].settings.auth.flow must be client-credentials, "
            + "jwt-bearer or password, was 'saml'"),
        new Case("auth", Map.of("flow", "client-credentials", "clientId", "x"), "installations[acme].settings.auth"
            + ".clientSecret is required for auth.flow client-credentials: write {env: NAME} or {file: PATH}"),
        new Case("auth", Map.of("clientId", "x", "clientSecret", "cs-in-the-file"), "installations[acme].settings.auth"
            + ".clientSecret must come from the environment or a file"),
        new Case("botQueue", "", "installations[acme].settings.botQueue is required"));
    for (var c : cases) {
      var values = base();
      values.put(c.key(), c.value());
      assertThatThrownBy(() -> from(values)).as(c.key() + "=" + c.value()).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(c.message()).hasMessageNotContaining("\n").hasMessageNotContaining("cs-in-the-file");
    }
  }
}
