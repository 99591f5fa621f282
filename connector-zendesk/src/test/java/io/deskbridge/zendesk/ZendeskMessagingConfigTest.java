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
