package io.deskbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.engine.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), yaml);
  }

  private static final String VALID = """
      server: {port: 9090}
      knowledge: kb
      bot: {thresholdPercent: 70, keywords: {en: {legal: [lawsuit]}}}
      installations:
        - id: acme
          vendor: zendesk
          mode: auto
          routing: {defaultGroup: "1", groups: {Billing: "2"}}
          retry: {maxAttempts: 3, initialDelay: 100ms, maxDelay: 5s}
          settings:
            url: https://acme.zendesk.com
            apiToken: {env: ZD_TOKEN}
      """;

  @Test
  void readsTheFileWithDefaultsAndResolvesPathsAgainstIt() throws Exception {
    var config = ConfigLoader.load(write(VALID), Map.of("ZD_TOKEN", "tok-1")::get);

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.knowledge()).isEqualTo(dir.resolve("kb"));
    assertThat(config.cache()).isEqualTo(dir.resolve("deskbridge-data/cache"));
    assertThat(config.calibrationCases()).as("none unless set").isNull();
    var acme = config.installations().get(0);
    assertThat(acme.mode()).isEqualTo(Mode.AUTO);
    assertThat(acme.routing().groupFor("Billing")).isEqualTo("2");
    assertThat(acme.routing().groupFor("Unknown")).isEqualTo("1");
    assertThat(acme.retry().initialDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(acme.settings().secret("apiToken").reveal()).isEqualTo("tok-1");
    var bot = BotSettings.from(config.bot());
    assertThat(bot.thresholdPercent()).isEqualTo(70);
    assertThat(bot.keywords().get("en").get("legal")).containsExactly("lawsuit");
    assertThat(bot.keywords().get("cs")).as("built-in languages stay").isNotEmpty();
  }

  @Test
  void theWebhookServersClientLimitsHaveDefaultsAndCanBeSet() throws Exception {
    var defaults = ConfigLoader.load(write(VALID), Map.of("ZD_TOKEN", "t")::get).server();
    assertThat(defaults.maxConnections()).isEqualTo(1000);
    assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(10));

    var set = ConfigLoader.load(write(VALID.replace("server: {port: 9090}",
        "server: {port: 9090, maxConnections: 50, idleTimeout: 3s}")), Map.of("ZD_TOKEN", "t")::get).server();
    assertThat(set.limits().maxConnections()).isEqualTo(50);
    assertThat(set.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(3));

    assertThatThrownBy(() -> ConfigLoader.load(write(VALID.replace("server: {port: 9090}",
        "server: {port: 9090, idleTimeout: 0s}")), Map.of("ZD_TOKEN", "t")::get))
        .hasMessageContaining("idleTimeout").hasMessageContaining("must be positive");
  }

  @Test
  void labelledCalibrationCasesAreAPathBesideTheFile() throws Exception {
    var config = ConfigLoader.load(write(VALID.replace("bot: {thresholdPercent: 70,",
        "bot: {thresholdPercent: 70, calibrationCases: labelled/traffic.jsonl,")), Map.of("ZD_TOKEN", "t")::get);

    assertThat(config.calibrationCases()).isEqualTo(dir.resolve("labelled/traffic.jsonl"));
    assertThat(BotSettings.from(config.bot()).thresholdPercent()).isEqualTo(70);
  }

  @Test
  void environmentOverridesScalarSettings() throws Exception {
    var config = ConfigLoader.load(write(VALID),
        Map.of("DESKBRIDGE_SERVER_PORT", "7070", "DESKBRIDGE_BOT_THRESHOLDPERCENT", "90")::get);

    assertThat(config.server().port()).isEqualTo(7070);
    assertThat(BotSettings.from(config.bot()).thresholdPercent()).isEqualTo(90);
  }

  @Test
  void theDefaultModeIsDraft() throws Exception {
    var config = ConfigLoader.load(write(VALID.replace("mode: auto", "")), Map.<String, String>of()::get);
    assertThat(config.installations().get(0).mode()).isEqualTo(Mode.DRAFT);
  }

  @Test
  void errorsNameTheFileAndTheSetting() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(write(VALID.replace("port: 9090", "port: 99999")), k -> null))
        .hasMessageContaining("deskbridge.yaml").hasMessageContaining("server.port must be between 0 and 65535");
    assertThatThrownBy(() -> ConfigLoader.load(write(VALID.replace("mode: auto", "mode: loud")), k -> null))
        .hasMessageContaining("installations[acme].mode").hasMessageContaining("auto, draft or shadow");
    assertThatThrownBy(() -> ConfigLoader.load(write(VALID.replace("defaultGroup: \"1\", ", "")), k -> null))
        .hasMessageContaining("installations[acme].routing.defaultGroup is required");
    assertThatThrownBy(() -> ConfigLoader.load(write("knowledge: kb\n"), k -> null))
        .hasMessageContaining("at least one");
  }

  @Test
  void theBotSectionIsValidatedWithItsPath() throws Exception {
    var config = ConfigLoader.load(write(VALID.replace("thresholdPercent: 70", "thresholdPercent: 170")), k -> null);
    assertThatThrownBy(() -> BotSettings.from(config.bot())).hasMessageContaining("bot.thresholdPercent");
  }

  @Test
  void secretsPrintRedacted() {
    var secret = Secret.of("very-secret-value");
    assertThat(secret.toString()).doesNotContain("very-secret-value").contains("****");
    var settings = Settings.of("s", Map.of("token", secret));
    assertThat(settings.toString()).doesNotContain("very-secret-value");
  }
}
