package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaktelaChatConfigTest {
  private static final String TOKEN = "b0t-token-0123456789abcdef";

  private static Settings settings(Map<String, Object> more) {
    var values = new HashMap<String, Object>(Map.of("url", "https://acme.daktela.com", "botToken", Secret.of(TOKEN)));
    values.putAll(more);
    return Settings.of("installations[webchat].settings", values);
  }

  @Test
  void defaultsAndTheTokenRedacted() {
    var config = DaktelaChatConfig.from(settings(Map.of()));

    assertThat(config.tokenHeader()).isEqualTo("X-Deskbridge-Token");
    assertThat(config.summaryInChat()).isTrue();
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.toString()).doesNotContain(TOKEN).contains("https://acme.daktela.com");
  }

  @Test
  void everySettingIsRead() {
    var config = DaktelaChatConfig.from(settings(Map.of("tokenHeader", "X-Bot-Token", "summaryInChat", "false",
        "requestTimeout", "3s")));

    assertThat(config.tokenHeader()).isEqualTo("X-Bot-Token");
    assertThat(config.summaryInChat()).isFalse();
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void mistakesNameTheSettingAndTheFix() {
    assertThatThrownBy(() -> DaktelaChatConfig.from(settings(Map.of("botToken", Secret.of("short")))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[webchat].settings.botToken must be at least 16 characters")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> DaktelaChatConfig.from(settings(Map.of("botToken", Secret.of(TOKEN + "/x")))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("settings.botToken");
    assertThatThrownBy(() -> DaktelaChatConfig.from(settings(Map.of("url", "ftp://acme.daktela.com"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("installations[webchat].settings.url");
    assertThatThrownBy(() -> DaktelaChatConfig.from(settings(Map.of("tokenHeader", "X Bot"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("settings.tokenHeader");
    assertThatThrownBy(() -> DaktelaChatConfig.from(Settings.of("installations[webchat].settings",
        Map.of("url", "https://acme.daktela.com"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("botToken");
  }
}
