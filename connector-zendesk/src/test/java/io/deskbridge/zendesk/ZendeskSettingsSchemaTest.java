package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory's settings schema makes a misspelt Zendesk setting an error when the configuration is loaded. */
class ZendeskSettingsSchemaTest {
  @TempDir
  Path dir;

  private Path config(String settings) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
            settings:
        %s""".formatted(settings.indent(6)));
  }

  @Test
  void everyDocumentedSettingIsAccepted() throws Exception {
    var file = config("""
        url: https://acme.zendesk.com
        email: bot@acme.com
        apiToken: {env: T}
        webhookSecret: {env: S}
        signatureTolerance: 5m
        requestTimeout: 10s""");
    var config = ConfigLoader.load(file, Map.of("T", "t", "S", "s")::get, Connectors.of(new ZendeskConnectorFactory()));
    assertThat(ZendeskConfig.from(config.installations().get(0).settings()).email()).isEqualTo("bot@acme.com");
  }

  @Test
  void aMisspeltSettingNamesTheClosestOne() throws Exception {
    var file = config("""
        url: https://acme.zendesk.com
        email: bot@acme.com
        apiTokn: {env: T}
        webhookSecret: {env: S}""");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("T", "t", "S", "s")::get,
        Connectors.of(new ZendeskConnectorFactory())))
        .hasMessage(file + ": installations[acme].settings.apiTokn is not a setting; did you mean 'apiToken'? "
            + "(known in installations[acme].settings: url, email, apiToken, webhookSecret, signatureTolerance, "
            + "requestTimeout)");
  }
}
