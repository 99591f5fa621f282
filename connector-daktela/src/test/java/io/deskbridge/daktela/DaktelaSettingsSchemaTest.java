package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory's settings schema makes a misspelt Daktela setting an error when the configuration is loaded. */
class DaktelaSettingsSchemaTest {
  @TempDir
  Path dir;

  private Path config(String settings) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: acme
            vendor: daktela
            routing: {defaultGroup: categories_support}
            settings:
        %s""".formatted(settings.indent(6)));
  }

  @Test
  void everyDocumentedSettingIsAccepted() throws Exception {
    var file = config("""
        url: https://acme.daktela.com
        accessToken: {env: T}
        authIn: header
        timeZone: Europe/Prague
        events: polling
        webhookSecret: {env: S}
        webhookSecretHeader: X-Webhook-Secret
        pollInterval: PT5S
        pollOverlap: PT2S
        requestsPerMinute: 300
        draftTitle: Recommended reply (Deskbridge)
        connectTimeout: 10s
        readTimeout: 30s""");
    var config = ConfigLoader.load(file, Map.of("T", "t", "S", "s")::get, Connectors.of(new DaktelaConnectorFactory()));
    assertThat(DaktelaConfig.from(config.installations().get(0).settings()).events())
        .isEqualTo(DaktelaConfig.Events.POLLING);
  }

  @Test
  void aMisspeltSettingNamesTheClosestOne() throws Exception {
    var file = config("""
        url: https://acme.daktela.com
        accessTokn: {env: T}
        webhookSecret: {env: S}""");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("T", "t", "S", "s")::get,
        Connectors.of(new DaktelaConnectorFactory())))
        .hasMessageStartingWith(file + ": installations[acme].settings.accessTokn is not a setting; did you mean "
            + "'accessToken'?");
  }
}
