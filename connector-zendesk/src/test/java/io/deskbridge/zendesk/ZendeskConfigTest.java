package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskConfigTest {
  private static Settings settings(Map<String, ?> values, Map<String, String> env) {
    return new Settings("installations[acme].settings", values, env::get);
  }

  @Test
  void readsSecretsFromTheEnvironmentAndPrintsThemRedacted() {
    var config = ZendeskConfig.from(settings(Map.of("url", "https://acme.zendesk.com", "email", "bot@acme.com",
        "apiToken", Map.of("env", "ZD_TOKEN"), "webhookSecret", Map.of("env", "ZD_SECRET")),
        Map.of("ZD_TOKEN", "tok-123456", "ZD_SECRET", "sec-abcdef")));

    assertThat(config.apiToken().reveal()).isEqualTo("tok-123456");
    assertThat(config.toString()).doesNotContain("tok-123456").doesNotContain("sec-abcdef").contains("****");
    assertThat(config.signatureTolerance()).isEqualTo(ZendeskConfig.DEFAULT_TOLERANCE);
  }

  @Test
  void refusesASecretWrittenIntoTheFile() {
    assertThatThrownBy(() -> ZendeskConfig.from(settings(Map.of("url", "https://acme.zendesk.com",
        "email", "bot@acme.com", "apiToken", "tok-123456", "webhookSecret", Map.of("env", "X")), Map.of("X", "s"))))
        .hasMessageContaining("installations[acme].settings.apiToken")
        .hasMessageContaining("environment or a file")
        .hasMessageNotContaining("tok-123456");
  }

  @Test
  void namesAMissingEnvironmentVariable() {
    assertThatThrownBy(() -> ZendeskConfig.from(settings(Map.of("url", "https://acme.zendesk.com",
        "email", "bot@acme.com", "apiToken", Map.of("env", "ZD_TOKEN"), "webhookSecret", Map.of("env", "ZD_SECRET")),
        Map.of("ZD_SECRET", "s"))))
        .hasMessageContaining("the environment variable ZD_TOKEN, which is not set: export it");
  }

  @Test
  void refusesABadUrl() {
    assertThatThrownBy(() -> ZendeskConfig.from(settings(Map.of("url", "acme", "email", "bot@acme.com"), Map.of())))
        .hasMessageContaining("settings.url");
  }
}
