package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory's settings schema makes a misspelt Salesforce setting an error when the configuration is loaded. */
class SalesforceSettingsSchemaTest {
  @TempDir
  Path dir;

  private Path config(String settings) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: acme
            vendor: salesforce
            routing: {defaultGroup: Tier1}
            settings:
        %s""".formatted(settings.indent(6)));
  }

  @Test
  void everyDocumentedSettingIsAccepted() throws Exception {
    var file = config("""
        instanceUrl: https://acme.my.salesforce.com
        organizationId: 00D5g000000ABCDEAA
        apiVersion: "64.0"
        auth:
          flow: client-credentials
          clientId: 3MVG9abc
          clientSecret: {env: S}
          loginUrl: https://acme.my.salesforce.com
        botQueue: Bot_Intake
        reply: {via: auto, fromAddress: support@acme.com}
        notes: comment
        handoverStatus: Escalated
        webhook: {pathToken: {env: H}, allowFrom: ["13.108.0.0/14"]}
        dailyApiRequests: 0
        apiShare: 0.5
        timeouts: {connectSeconds: 10, readSeconds: 30}""");
    var config = ConfigLoader.load(file, Map.of("S", "s", "H", "h")::get,
        Connectors.of(new SalesforceConnectorFactory()));
    var sf = SalesforceConfig.from(config.installations().get(0).settings());
    assertThat(sf.botQueue()).isEqualTo("Bot_Intake");
    assertThat(sf.handoverStatus()).contains("Escalated");
    assertThat(sf.fromAddress()).contains("support@acme.com");
  }

  @Test
  void aMisspeltNestedSettingNamesTheClosestOne() throws Exception {
    var file = config("""
        instanceUrl: https://acme.my.salesforce.com
        organizationId: 00D5g000000ABCDEAA
        botQueue: Bot_Intake
        auth: {flow: client-credentials, clientId: x, clientSecrt: {env: S}}""");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("S", "s")::get,
        Connectors.of(new SalesforceConnectorFactory())))
        .hasMessageStartingWith(file + ": installations[acme].settings.auth.clientSecrt is not a setting; did you mean "
            + "'clientSecret'?")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMisspeltTopLevelSettingNamesTheClosestOne() throws Exception {
    var file = config("""
        instanceUrl: https://acme.my.salesforce.com
        organizationId: 00D5g000000ABCDEAA
        botQeue: Bot_Intake""");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.<String, String>of()::get, Connectors.of(new SalesforceConnectorFactory())))
        .hasMessageContaining("installations[acme].settings.botQeue is not a setting; did you mean 'botQueue'?");
  }
}
