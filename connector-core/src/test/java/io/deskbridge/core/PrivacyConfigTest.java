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

/** The {@code privacy} section: LLM prompt redaction on by default, the retention off by default and checked. */
class PrivacyConfigTest {
  @TempDir
  Path dir;

  private DeskbridgeConfig load(String privacy) throws Exception {
    var file = Files.writeString(dir.resolve("deskbridge.yaml"), privacy + """
        knowledge: kb
        installations:
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
            settings:
              url: https://acme.zendesk.com
              apiToken: {env: ZD_TOKEN}
        """);
    return ConfigLoader.load(file, name -> name.equals("XDG_DATA_HOME") ? dir.resolve("xdg").toString() : name.equals("ZD_TOKEN") ? "t" : null,
        Connectors.of(ConfigLoaderTest.ZENDESK));
  }

  @Test
  void promptsAreRedactedAndTheHistoryKeptByDefault() throws Exception {
    var config = load("");
    assertThat(config.privacy().redactLlmPrompts()).isTrue();
    assertThat(config.privacy().retention()).isZero();
    assertThat(config.engine().historyRetention()).isZero();
  }

  @Test
  void theRetentionReachesTheEngineAndRedactionCanBeTurnedOff() throws Exception {
    var config = load("privacy: {redactLlmPrompts: false, retention: 365d}\n");
    assertThat(config.privacy().redactLlmPrompts()).isFalse();
    assertThat(config.engine().historyRetention()).isEqualTo(Duration.ofDays(365));
  }

  @Test
  void aRetentionShorterThanTheDeduplicationWindowOrAMisspeltKeyIsOneLineNamingIt() {
    assertThatThrownBy(() -> load("privacy: {retention: 2d}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("privacy.retention").hasMessageContaining("engine.retention (7d");
    assertThatThrownBy(() -> load("privacy: {retentionDays: 30}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("retentionDays");
  }
}
