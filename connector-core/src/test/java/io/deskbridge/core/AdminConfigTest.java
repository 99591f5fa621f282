package io.deskbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code admin} section: the dashboard off without a token, the token a secret, the resolution window checked. */
class AdminConfigTest {
  @TempDir
  Path dir;

  private DeskbridgeConfig load(String admin) throws Exception {
    var file = Files.writeString(dir.resolve("deskbridge.yaml"), admin + """
        knowledge: kb
        installations:
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
            settings:
              url: https://acme.zendesk.com
              apiToken: {env: ZD_TOKEN}
        """);
    return ConfigLoader.load(file, name -> switch (name) {
      case "XDG_DATA_HOME" -> dir.resolve("xdg").toString();
      case "ZD_TOKEN" -> "t";
      case "ADMIN_TOKEN" -> "s3cret-admin";
      default -> null;
    }, Connectors.of(ConfigLoaderTest.ZENDESK));
  }

  @Test
  void withoutATokenTheDashboardIsOffWithTheDefaultWindow() throws Exception {
    var config = load("");
    assertThat(config.admin().enabled()).isFalse();
    assertThat(config.admin().resolutionWindow()).isEqualTo(Duration.ofHours(72));
    assertThat(config.admin().satisfactionEvery()).isEqualTo(Duration.ofHours(1));
    assertThat(config.admin().humanReplyEvery()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theHumanReplyPollIntervalIsReadAndMustBeAtLeastAMinute() throws Exception {
    var config = load("admin: {token: {env: ADMIN_TOKEN}, humanReplyEvery: 5m}\n");
    assertThat(config.admin().humanReplyEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> load("admin: {token: {env: ADMIN_TOKEN}, humanReplyEvery: 10s}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("admin.humanReplyEvery")
        .hasMessageContaining("at least 1m");
    assertThatThrownBy(() -> load("admin: {token: {env: ADMIN_TOKEN}, humanReplyEvry: 5m}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("humanReplyEvry");
  }

  @Test
  void theSatisfactionPollIntervalIsReadAndMustBeAtLeastAMinute() throws Exception {
    var config = load("admin: {token: {env: ADMIN_TOKEN}, satisfactionEvery: 15m}\n");
    assertThat(config.admin().satisfactionEvery()).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> load("admin: {token: {env: ADMIN_TOKEN}, satisfactionEvery: 30s}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("admin.satisfactionEvery")
        .hasMessageContaining("at least 1m");
    assertThatThrownBy(() -> load("admin: {token: {env: ADMIN_TOKEN}, satisfactionEvery: soon}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("admin.satisfactionEvery");
  }

  @Test
  void theTokenIsReadAsASecretAndNeverPrinted() throws Exception {
    var config = load("admin: {token: {env: ADMIN_TOKEN}, resolutionWindow: 48h}\n");
    assertThat(config.admin().enabled()).isTrue();
    assertThat(config.admin().token().reveal()).isEqualTo("s3cret-admin");
    assertThat(config.admin().resolutionWindow()).isEqualTo(Duration.ofHours(48));
    assertThat(config.toString()).doesNotContain("s3cret-admin");
  }

  @Test
  void aTokenWrittenInTheFileAMissingVariableOrAMisspeltKeyIsOneLineNamingIt() {
    assertThatThrownBy(() -> load("admin: {token: plain}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.token").hasMessageContaining("{env: NAME}");
    assertThatThrownBy(() -> load("admin: {token: {env: NOT_SET}}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.token").hasMessageContaining("NOT_SET");
    assertThatThrownBy(() -> load("admin: {tokn: {env: ADMIN_TOKEN}}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("tokn");
    assertThatThrownBy(() -> load("admin: {token: {env: ADMIN_TOKEN}, resolutionWindow: 0h}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("admin.resolutionWindow");
  }
}
