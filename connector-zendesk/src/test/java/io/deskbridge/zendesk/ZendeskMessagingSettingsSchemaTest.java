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

/** The messaging factory's settings schema makes a misspelt setting an error when the configuration is loaded. */
class ZendeskMessagingSettingsSchemaTest {
  @TempDir
  Path dir;

  private Path config(String settings) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: chat
            vendor: zendesk-messaging
            routing: {defaultGroup: "1"}
            chat: {debounce: 1500ms, sessionTimeout: 45m}
            settings:
        %s""".formatted(settings.indent(6)));
  }

  private static Connectors connectors() {
    return Connectors.of(new ZendeskConnectorFactory(), new ZendeskMessagingConnectorFactory());
  }

  @Test
  void everyDocumentedSettingIsAccepted() throws Exception {
    var file = config("""
        url: https://acme.zendesk.com/sc
        appId: 5f1e9c
        keyId: app_5f1e9c
        keySecret: {env: K}
        auth: jwt
        webhookSecret: {env: W}
        botIntegrationId: deskbridge
        handoverTarget: zd:agentWorkspace
        aiSubtype: true
        summaryTicketField: "7787437179547"
        botName: Acme Assistant
        requestTimeout: 10s
        support:
          url: https://acme.zendesk.com
          email: bot@acme.example
          apiToken: {env: T}
          webhookSecret: {env: S}
          signatureTolerance: 5m""");
    var config = ConfigLoader.load(file, Map.of("K", "k", "W", "w", "T", "t", "S", "s")::get, connectors());
    var messaging = ZendeskMessagingConfig.from(config.installations().get(0).settings());
    assertThat(messaging.auth()).isEqualTo(ZendeskMessagingConfig.Auth.JWT);
    assertThat(messaging.summaryTicketField()).contains("7787437179547");
    assertThat(messaging.support()).isPresent();
    assertThat(config.installations().get(0).chatSessionTimeout()).isEqualTo(java.time.Duration.ofMinutes(45));
  }

  @Test
  void aMisspeltSupportSettingIsAnError() throws Exception {
    var file = config("""
        url: https://acme.zendesk.com/sc
        appId: 5f1e9c
        keyId: app_5f1e9c
        keySecret: {env: K}
        webhookSecret: {env: W}
        botIntegrationId: deskbridge
        support:
          url: https://acme.zendesk.com
          email: bot@acme.example
          token: {env: T}
          webhookSecret: {env: S}""");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("K", "k", "W", "w", "T", "t", "S", "s")::get,
        connectors())).hasMessageContaining("installations[chat].settings.support.token");
  }

  @Test
  void aMisspeltSettingNamesTheClosestOne() throws Exception {
    var file = config("""
        url: https://acme.zendesk.com/sc
        appId: 5f1e9c
        keyId: app_5f1e9c
        keySecret: {env: K}
        webhookSecret: {env: W}
        botIntegrationID: deskbridge""");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("K", "k", "W", "w")::get, connectors()))
        .hasMessageContaining("installations[chat].settings.botIntegrationID is not a setting; did you mean "
            + "'botIntegrationId'?");
  }
}
