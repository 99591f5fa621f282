package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaktelaConfigTest {
  private static final Map<String, String> ENV = Map.of("DK_TOKEN", "tok-123456", "DK_SECRET", "sec-abcdef");

  private static Settings settings(Map<String, ?> values) {
    return new Settings("installations[acme].settings", values, ENV::get);
  }

  private static Map<String, Object> minimal() {
    var values = new HashMap<String, Object>();
    values.put("url", "https://acme.daktela.com");
    values.put("accessToken", Map.of("env", "DK_TOKEN"));
    values.put("webhookSecret", Map.of("env", "DK_SECRET"));
    return values;
  }

  private static Map<String, Object> with(String key, Object value) {
    var values = minimal();
    values.put(key, value);
    return values;
  }

  @Test
  void theDefaultsAreTheContracts() {
    var config = DaktelaConfig.from(settings(minimal()));

    assertThat(config.accessToken().reveal()).isEqualTo("tok-123456");
    assertThat(config.authIn()).isEqualTo(DaktelaConfig.AuthIn.HEADER);
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Prague"));
    assertThat(config.events()).isEqualTo(DaktelaConfig.Events.WEBHOOKS);
    assertThat(config.webhookSecretHeader()).isEqualTo("X-Webhook-Secret");
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.pollOverlap()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.requestsPerMinute()).isEqualTo(300);
    assertThat(config.draftTitle()).isEqualTo("Recommended reply (Deskbridge)");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void everySettingIsRead() {
    var values = minimal();
    values.put("authIn", "query");
    values.put("timeZone", "Europe/Warsaw");
    values.put("events", "polling");
    values.remove("webhookSecret");
    values.put("webhookSecretHeader", "X-Daktela-Secret");
    values.put("pollInterval", "PT0.05S");
    values.put("pollOverlap", "PT0S");
    values.put("requestsPerMinute", 120);
    values.put("draftTitle", "Návrh odpovědi");
    values.put("connectTimeout", "2s");
    values.put("readTimeout", "PT5S");

    var config = DaktelaConfig.from(settings(values));

    assertThat(config.authIn()).isEqualTo(DaktelaConfig.AuthIn.QUERY);
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
    assertThat(config.events()).isEqualTo(DaktelaConfig.Events.POLLING);
    assertThat(config.webhookSecret()).isEmpty();
    assertThat(config.webhookSecretHeader()).isEqualTo("X-Daktela-Secret");
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(config.pollOverlap()).isZero();
    assertThat(config.requestsPerMinute()).isEqualTo(120);
    assertThat(config.draftTitle()).isEqualTo("Návrh odpovědi");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void secretsArePrintedRedacted() {
    var config = DaktelaConfig.from(settings(minimal()));

    assertThat(config.toString()).doesNotContain("tok-123456").doesNotContain("sec-abcdef").contains("****");
  }

  @Test
  void aTokenWrittenIntoTheFileIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> DaktelaConfig.from(settings(with("accessToken", "tok-123456"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[acme].settings.accessToken")
        .hasMessageNotContaining("tok-123456");
  }

  @Test
  void eachBadValueIsOneLineNamingTheSettingAndTheFix() {
    var missingToken = minimal();
    missingToken.remove("accessToken");
    var missingSecret = minimal();
    missingSecret.remove("webhookSecret");
    assertOneLine(missingToken, "installations[acme].settings.accessToken is required: write {env: NAME}");
    assertOneLine(missingSecret, "installations[acme].settings.webhookSecret is required with events webhooks");
    assertOneLine(with("authIn", "cookie"), "installations[acme].settings.authIn must be header or query, was 'cookie'");
    assertOneLine(with("events", "push"), "installations[acme].settings.events must be webhooks or polling, was 'push'");
    assertOneLine(with("timeZone", "Prague"), "installations[acme].settings.timeZone must be the instance's time zone");
    assertOneLine(with("pollInterval", "10ms"), "installations[acme].settings.pollInterval must be at least PT0.05S");
    assertOneLine(with("pollOverlap", "PT-1S"), "installations[acme].settings.pollOverlap must not be negative");
    assertOneLine(with("requestsPerMinute", 0), "installations[acme].settings.requestsPerMinute must be between 1");
    assertOneLine(with("webhookSecretHeader", "X Secret"), "installations[acme].settings.webhookSecretHeader must be "
        + "an HTTP header name");
    assertOneLine(with("url", "acme"), "installations[acme].settings.url");
    assertOneLine(with("url", "ftp://acme.daktela.com"), "installations[acme].settings.url must be the instance's "
        + "http(s) URL");
    assertOneLine(with("readTimeout", "0s"), "installations[acme].settings.readTimeout must be positive");
  }

  private static void assertOneLine(Map<String, Object> values, String start) {
    assertThatThrownBy(() -> DaktelaConfig.from(settings(values)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(start)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
