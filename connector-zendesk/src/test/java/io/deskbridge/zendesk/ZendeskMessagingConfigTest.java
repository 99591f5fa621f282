package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskMessagingConfigTest {
  private static Settings settings(Map<String, Object> more) {
    var values = new HashMap<String, Object>(Map.of("url", "https://acme.zendesk.com/sc", "appId", "5f1e",
        "keyId", "app_5f1e", "keySecret", Secret.of("key-secret-value"), "webhookSecret", Secret.of("hook-secret"),
        "botIntegrationId", "deskbridge"));
    values.putAll(more);
    return Settings.of("installations[chat].settings", values);
  }

  @Test
  void defaults() {
    var config = ZendeskMessagingConfig.from(settings(Map.of()));

    assertThat(config.auth()).isEqualTo(ZendeskMessagingConfig.Auth.BASIC);
    assertThat(config.handoverTarget()).isEqualTo("zd:agentWorkspace");
    assertThat(config.aiSubtype()).isTrue();
    assertThat(config.summaryTicketField()).isEmpty();
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.toString()).doesNotContain("key-secret-value", "hook-secret");
    assertThat(config.support()).as("no Support API: a long summary is cut").isEmpty();
  }

  private static Map<String, Object> support(Map<String, Object> more) {
    var values = new HashMap<String, Object>(Map.of("url", "https://acme.zendesk.com", "email", "bot@acme.example",
        "apiToken", Secret.of("support-token-value"), "webhookSecret", Secret.of("support-signing-secret")));
    values.putAll(more);
    return values;
  }

  @Test
  void theSupportSectionIsReadWithItsSecretsRedacted() {
    var config = ZendeskMessagingConfig.from(settings(Map.of("support", support(Map.of()))));

    var support = config.support().orElseThrow();
    assertThat(support.url()).hasToString("https://acme.zendesk.com");
    assertThat(support.email()).isEqualTo("bot@acme.example");
    assertThat(support.apiToken().reveal()).isEqualTo("support-token-value");
    assertThat(support.webhookSecret().reveal()).isEqualTo("support-signing-secret");
    assertThat(support.signatureTolerance()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.toString()).contains("bot@acme.example")
        .doesNotContain("support-token-value", "support-signing-secret");
    var tolerant = ZendeskMessagingConfig.from(settings(Map.of("support", support(Map.of("signatureTolerance", "2m")))));
    assertThat(tolerant.support().orElseThrow().signatureTolerance()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void anIncompleteSupportSectionNamesTheMissingSetting() {
    var noToken = support(Map.of());
    noToken.remove("apiToken");
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(settings(Map.of("support", noToken))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[chat].settings.support.apiToken");
    var noSecret = support(Map.of());
    noSecret.remove("webhookSecret");
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(settings(Map.of("support", noSecret))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[chat].settings.support.webhookSecret");
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(settings(Map.of("support",
        support(Map.of("email", "bot")))))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[chat].settings.support.email");
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(settings(Map.of("support", "yes"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[chat].settings.support");
  }

  @Test
  void everySettingIsRead() {
    var config = ZendeskMessagingConfig.from(settings(Map.of("auth", "JWT", "handoverTarget", "next",
        "aiSubtype", "false", "summaryTicketField", "7787437179547", "botName", "Acme", "requestTimeout", "3s")));

    assertThat(config.auth()).isEqualTo(ZendeskMessagingConfig.Auth.JWT);
    assertThat(config.handoverTarget()).isEqualTo("next");
    assertThat(config.aiSubtype()).isFalse();
    assertThat(config.summaryTicketField()).contains("7787437179547");
    assertThat(config.botName()).isEqualTo("Acme");
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void mistakesNameTheSetting() {
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(settings(Map.of("auth", "oauth"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[chat].settings.auth");
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(settings(Map.of("summaryTicketField", "summary"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[chat].settings.summaryTicketField");
    var values = new HashMap<String, Object>(Map.of("url", "https://acme.zendesk.com/sc", "appId", "5f1e",
        "keyId", "app_5f1e", "keySecret", Secret.of("k"), "webhookSecret", Secret.of("w")));
    assertThatThrownBy(() -> ZendeskMessagingConfig.from(Settings.of("installations[chat].settings", values)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("botIntegrationId");
  }
}
