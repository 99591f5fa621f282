package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web chat factory's settings schema makes a misspelt setting an error when the configuration is loaded. */
class DaktelaChatSettingsSchemaTest {
  private static final Map<String, String> ENV = Map.of("B", "b0t-token-0123456789abcdef");
  @TempDir
  Path dir;

  private Path config(String settings) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: webchat
            vendor: daktela-chat
            routing: {defaultGroup: "3201"}
            chat: {debounce: 1500ms}
            settings:
        %s""".formatted(settings.indent(6)));
  }

  private static Connectors connectors() {
    return Connectors.of(new DaktelaConnectorFactory(), new DaktelaChatConnectorFactory());
  }

  @Test
  void everyDocumentedSettingIsAccepted() throws Exception {
    var file = config("""
        url: https://acme.daktela.com
        botToken: {env: B}
        tokenHeader: X-Bot-Token
        summaryInChat: false
        requestTimeout: 5s""");
    var config = ConfigLoader.load(file, ENV::get, connectors());
    var chat = DaktelaChatConfig.from(config.installations().get(0).settings());
    assertThat(chat.tokenHeader()).isEqualTo("X-Bot-Token");
    assertThat(chat.summaryInChat()).isFalse();
    assertThat(chat.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aMisspeltSettingNamesTheClosestOne() throws Exception {
    var file = config("""
        url: https://acme.daktela.com
        botToken: {env: B}
        tokenHeadr: X-Bot-Token""");
    assertThatThrownBy(() -> ConfigLoader.load(file, ENV::get, connectors()))
        .hasMessageContaining("installations[webchat].settings.tokenHeadr is not a setting; did you mean "
            + "'tokenHeader'?");
  }
}
