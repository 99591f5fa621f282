package io.deskbridge.core;

import io.deskbridge.core.config.DidYouMean;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.deskbridge.core.bot.EmbeddingModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  /** A vendor "zendesk" that declares its settings with a schema, as a vendor module does; never started here. */
  static final ConnectorFactory ZENDESK = new ConnectorFactory() {
    @Override
    public String vendor() {
      return "zendesk";
    }

    @Override
    public Optional<URL> settingsSchema() {
      return Optional.of(ConfigLoaderTest.class.getResource("test-vendor-settings.schema.json"));
    }

    @Override
    public Connector create(ConnectorContext context) {
      throw new UnsupportedOperationException("not started in this test");
    }
  };

  private static final Connectors VENDORS = Connectors.of(ZENDESK, new ConnectorFactory() {
    @Override
    public String vendor() {
      return "salesforce";
    }

    @Override
    public Connector create(ConnectorContext context) {
      throw new UnsupportedOperationException("not started in this test");
    }
  });

  private DeskbridgeConfig load(Path file, Function<String, String> env) {
    return ConfigLoader.load(file, name -> name.equals("XDG_DATA_HOME") ? dir.resolve("xdg").toString() : env.apply(name),
        VENDORS);
  }

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
    var config = load(write(VALID), Map.of("ZD_TOKEN", "tok-1")::get);

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.knowledge()).isEqualTo(dir.resolve("kb"));
    assertThat(config.cache()).as("in the data directory, never beside the file").isEqualTo(dir.resolve("xdg/deskbridge/cache"));
    assertThat(config.store().describe()).isEqualTo("H2 file " + dir.resolve("xdg/deskbridge/store/deskbridge") + ".mv.db");
    assertThat(config.calibrationCases()).as("none unless set").isNull();
    var acme = config.installations().get(0);
    assertThat(acme.mode()).isEqualTo(Mode.AUTO);
    assertThat(acme.routing().groupFor("Billing")).isEqualTo("2");
    assertThat(acme.routing().groupFor("Unknown")).isEqualTo("1");
    assertThat(acme.retry().initialDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(acme.retry().bestEffortTimeout()).isEqualTo(RetryPolicy.DEFAULT_BEST_EFFORT_TIMEOUT);
    assertThat(load(write(VALID.replace("maxDelay: 5s", "maxDelay: 5s, bestEffortTimeout: 300ms")),
        Map.of("ZD_TOKEN", "tok-1")::get).installations().get(0).retry().bestEffortTimeout())
        .isEqualTo(Duration.ofMillis(300));
    assertThat(acme.settings().secret("apiToken").reveal()).isEqualTo("tok-1");
    var bot = BotSettings.from(config.bot());
    assertThat(bot.thresholdPercent()).isEqualTo(70);
    assertThat(bot.keywords().get("en").get("legal")).containsExactly("lawsuit");
    assertThat(bot.keywords().get("cs")).as("built-in languages stay").isNotEmpty();
  }

  @Test
  void theWebhookServersClientLimitsHaveDefaultsAndCanBeSet() throws Exception {
    var defaults = load(write(VALID), Map.of("ZD_TOKEN", "t")::get).server();
    assertThat(defaults.maxConnections()).isEqualTo(1000);
    assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(10));

    var set = load(write(VALID.replace("server: {port: 9090}",
        "server: {port: 9090, maxConnections: 50, idleTimeout: 3s}")), Map.of("ZD_TOKEN", "t")::get).server();
    assertThat(set.maxConnections()).isEqualTo(50);
    assertThat(set.idleTimeout()).isEqualTo(Duration.ofSeconds(3));

    assertThatThrownBy(() -> load(write(VALID.replace("server: {port: 9090}",
        "server: {port: 9090, idleTimeout: 0s}")), Map.of("ZD_TOKEN", "t")::get))
        .hasMessageContaining("idleTimeout").hasMessageContaining("must be positive");
  }

  @Test
  void labelledCalibrationCasesAreAPathBesideTheFile() throws Exception {
    var config = load(write(VALID.replace("bot: {thresholdPercent: 70,",
        "bot: {thresholdPercent: 70, calibrationCases: labelled/traffic.jsonl,")), Map.of("ZD_TOKEN", "t")::get);

    assertThat(config.calibrationCases()).isEqualTo(dir.resolve("labelled/traffic.jsonl"));
    assertThat(BotSettings.from(config.bot()).thresholdPercent()).isEqualTo(70);
  }

  @Test
  void theEmbeddingModelsFilesAreBesideTheFile() throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("models/model.onnx"), "weights");
    Files.writeString(dir.resolve("models/tokenizer.json"), "{}");
    var config = load(write(VALID.replace("bot: {thresholdPercent: 70,", "bot: {thresholdPercent: 70, embedding: "
        + "{modelFile: models/model.onnx, tokenizerFile: models/tokenizer.json, pooling: cls, prefix: 'query: ', "
        + "multilingual: true},")), Map.of("ZD_TOKEN", "t")::get);

    var embedding = BotSettings.embeddingModel(config.bot());
    assertThat(embedding.modelFile()).isEqualTo(dir.resolve("models/model.onnx"));
    assertThat(embedding.tokenizerFile()).isEqualTo(dir.resolve("models/tokenizer.json"));
    assertThat(embedding.pooling()).isEqualTo(EmbeddingModelConfig.Pooling.CLS);
    assertThat(embedding.prefix()).isEqualTo("query: ");
    assertThat(embedding.multilingual()).isTrue();
    assertThat(BotSettings.embeddingModel(load(write(VALID), Map.of("ZD_TOKEN", "t")::get).bot()))
        .as("none named: the bundled model").isEqualTo(EmbeddingModelConfig.bundled());
  }

  @Test
  void aMissingModelFileOrAnIncompleteEmbeddingSectionIsOneLineNamingTheSetting() throws Exception {
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    var missing = write(VALID.replace("bot: {thresholdPercent: 70,", "bot: {thresholdPercent: 70, embedding: "
        + "{modelFile: e5/model.onnx, tokenizerFile: tokenizer.json},"));
    assertThatThrownBy(() -> load(missing, Map.of("ZD_TOKEN", "t")::get)).isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": bot.embedding.modelFile " + dir.resolve("e5/model.onnx") + " does not exist; download "
            + "the model's files (README, \"Embedding models\") or remove bot.embedding to use the bundled English "
            + "model");

    var alone = write(VALID.replace("bot: {thresholdPercent: 70,", "bot: {thresholdPercent: 70, embedding: "
        + "{tokenizerFile: tokenizer.json},"));
    assertThatThrownBy(() -> load(alone, Map.of("ZD_TOKEN", "t")::get)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(alone + ": bot.embedding.modelFile is missing");

    var pooling = write(VALID.replace("bot: {thresholdPercent: 70,", "bot: {thresholdPercent: 70, embedding: "
        + "{pooling: max},"));
    assertThatThrownBy(() -> load(pooling, Map.of("ZD_TOKEN", "t")::get))
        .hasMessage(pooling + ": bot.embedding.pooling must be mean or cls, was 'max'");

    var typo = write(VALID.replace("bot: {thresholdPercent: 70,", "bot: {thresholdPercent: 70, embedding: "
        + "{modelFil: x.onnx},"));
    assertThatThrownBy(() -> load(typo, Map.of("ZD_TOKEN", "t")::get))
        .hasMessageContaining("bot.embedding.modelFil is not a setting; did you mean 'modelFile'?");
  }

  @Test
  void environmentOverridesScalarSettings() throws Exception {
    var config = load(write(VALID),
        Map.of("DESKBRIDGE_SERVER_PORT", "7070", "DESKBRIDGE_BOT_THRESHOLDPERCENT", "90")::get);

    assertThat(config.server().port()).isEqualTo(7070);
    assertThat(BotSettings.from(config.bot()).thresholdPercent()).isEqualTo(90);
  }

  @Test
  void businessHoursAreReadWithTheirZoneGroupsAndClosedDays() throws Exception {
    var config = load(write(VALID.replace("groups: {Billing: \"2\"}}", """
        groups: {Billing: "2"},
                    hours: {zone: Europe/Prague, week: "Mon-Fri 08:00-17:00", groups: {Billing: "Mon-Sun 06:00-22:00"},
                            closed: [2026-12-24, "2026-12-25"]}}""")), Map.of("ZD_TOKEN", "t")::get);

    var hours = config.installations().get(0).routing().hours();
    assertThat(hours.zone()).isEqualTo(java.time.ZoneId.of("Europe/Prague"));
    assertThat(hours.closed()).extracting(Object::toString).containsExactlyInAnyOrder("2026-12-24", "2026-12-25");
    var saturdayNoon = java.time.Instant.parse("2026-12-05T11:00:00Z");
    assertThat(hours.nextOpening("Billing", saturdayNoon)).isEmpty();
    assertThat(hours.nextOpening("", saturdayNoon)).map(Object::toString)
        .contains("2026-12-07T08:00+01:00[Europe/Prague]");
    assertThat(load(write(VALID), Map.of("ZD_TOKEN", "t")::get).installations().get(0).routing().hours())
        .as("none set: people are always there").isSameAs(io.deskbridge.core.engine.BusinessHours.ALWAYS);
  }

  @Test
  void badBusinessHoursAreOneLineNamingTheSetting() throws Exception {
    java.util.function.Function<String, String> hours = h -> VALID.replace("groups: {Billing: \"2\"}}",
        "groups: {Billing: \"2\"}, hours: " + h + "}");
    Function<String, String> env = Map.of("ZD_TOKEN", "t")::get;

    assertThatThrownBy(() -> load(write(hours.apply("{week: \"Mon-Fri 08:00-17:00\"}")), env))
        .hasMessageContaining("installations[acme].routing.hours.zone is required when hours are set");
    assertThatThrownBy(() -> load(write(hours.apply("{zone: Europe/Brno, week: \"Mon-Fri 08:00-17:00\"}")), env))
        .hasMessageContaining("installations[acme].routing.hours.zone 'Europe/Brno' is not a time zone");
    assertThatThrownBy(() -> load(write(hours.apply("{zone: UTC, week: \"Mon-Fri 8-17\"}")), env))
        .hasMessageContaining("installations[acme].routing.hours.week '8' is not a time of day");
    assertThatThrownBy(() -> load(write(hours.apply("{zone: UTC, week: \"Mon 08:00-17:00\", groups: {Biling: "
        + "\"Mon 08:00-09:00\"}}")), env))
        .hasMessageContaining("installations[acme].routing.hours.groups.Biling is not a routing group")
        .hasMessageContaining("Billing");
    assertThatThrownBy(() -> load(write(hours.apply("{zone: UTC, week: \"Mon 08:00-17:00\", closed: [Christmas]}")),
        env)).hasMessageContaining("installations[acme].routing.hours.closed 'Christmas' is not a date");
  }

  @Test
  void theDefaultModeIsDraft() throws Exception {
    var config = load(write(VALID.replace("mode: auto", "")), Map.<String, String>of()::get);
    assertThat(config.installations().get(0).mode()).isEqualTo(Mode.DRAFT);
  }

  @Test
  void aReplyToASolvedConversationStartsAnEpisodeOnlyWhenTheInstallationSaysSo() throws Exception {
    assertThat(load(write(VALID), Map.of("ZD_TOKEN", "t")::get).installations().get(0).reopenStartsEpisode()).isFalse();
    var set = load(write(VALID.replace("mode: auto", "mode: auto\n    reopenStartsEpisode: true")),
        Map.of("ZD_TOKEN", "t")::get);
    assertThat(set.installations().get(0).reopenStartsEpisode()).isTrue();
    assertThatThrownBy(() -> load(write(VALID.replace("mode: auto", "mode: auto\n    reopenStartsEpisode: maybe")),
        Map.of("ZD_TOKEN", "t")::get)).hasMessageContaining("reopenStartsEpisode");
  }

  @Test
  void aChatsSessionTimeoutDefaultsToHalfAnHourAndIsCheckedWithItsPath() throws Exception {
    assertThat(load(write(VALID), Map.of("ZD_TOKEN", "t")::get).installations().get(0).chatSessionTimeout())
        .isEqualTo(java.time.Duration.ofMinutes(30));
    var set = load(write(VALID.replace("mode: auto", "mode: auto\n    chat: {sessionTimeout: 2h}")),
        Map.of("ZD_TOKEN", "t")::get);
    assertThat(set.installations().get(0).chatSessionTimeout()).isEqualTo(java.time.Duration.ofHours(2));
    var off = load(write(VALID.replace("mode: auto", "mode: auto\n    chat: {sessionTimeout: 0s}")),
        Map.of("ZD_TOKEN", "t")::get);
    assertThat(off.installations().get(0).chatSessionTimeout()).isZero();
    assertThatThrownBy(() -> load(write(VALID.replace("mode: auto", "mode: auto\n    chat: {sessionTimeout: 5s}")),
        Map.of("ZD_TOKEN", "t")::get)).hasMessageContaining("chat.sessionTimeout")
        .hasMessageContaining("between 1m and 30d");
  }

  @Test
  void theEmailReplyCapDefaultsToFiveAndIsCheckedInOneLineNamingIt() throws Exception {
    assertThat(load(write(VALID), Map.of("ZD_TOKEN", "t")::get).installations().get(0).emailMaxRepliesPerDay())
        .isEqualTo(5);
    var set = load(write(VALID.replace("mode: auto", "mode: auto\n    email: {maxRepliesPerDay: 2}")),
        Map.of("ZD_TOKEN", "t")::get);
    assertThat(set.installations().get(0).emailMaxRepliesPerDay()).isEqualTo(2);
    assertThatThrownBy(() -> load(write(VALID.replace("mode: auto", "mode: auto\n    email: {maxRepliesPerDay: 0}")),
        Map.of("ZD_TOKEN", "t")::get)).hasMessageContaining("email.maxRepliesPerDay must be between 1 and 1000, was 0")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> load(write(VALID.replace("mode: auto", "mode: auto\n    email: {maxReplies: 3}")),
        Map.of("ZD_TOKEN", "t")::get)).hasMessageContaining("maxReplies");
  }

  @Test
  void readsAnInstallationsBackOfficeAndNamesItsMistakes() throws Exception {
    var yaml = VALID.replace("    settings:\n", "    backOffice:\n      baseUrl: https://shop.example/api\n"
        + "      authValue: {env: SHOP_AUTH}\n      timeout: 1500ms\n      identity: {email: customer.email}\n"
        + "    settings:\n");
    assertThat(yaml).contains("backOffice");
    var config = load(write(yaml), Map.of("ZD_TOKEN", "t", "SHOP_AUTH", "Bearer s3cret")::get);
    var backOffice = config.installations().get(0).backOffice();
    assertThat(backOffice.baseUrl()).hasToString("https://shop.example/api");
    assertThat(backOffice.timeout()).isEqualTo(java.time.Duration.ofMillis(1500));
    assertThat(backOffice.authValue().reveal()).isEqualTo("Bearer s3cret");
    assertThat(config.toString()).doesNotContain("s3cret");
    assertThat(load(write(VALID), Map.of("ZD_TOKEN", "t")::get).installations().get(0).backOffice()).isNull();

    var misspelt = write(yaml.replace("identity:", "identiy:"));
    assertThatThrownBy(() -> load(misspelt, Map.of("ZD_TOKEN", "t", "SHOP_AUTH", "x")::get))
        .hasMessageContaining("installations[acme].backOffice.identiy is not a setting; did you mean 'identity'?");
    var unset = write(yaml);
    assertThatThrownBy(() -> load(unset, Map.of("ZD_TOKEN", "t")::get))
        .hasMessageContaining("installations[acme].backOffice.authValue reads the environment variable SHOP_AUTH, "
            + "which is not set");
  }

  @Test
  void didYouMeanPicksTheClosestNameOnlyWhenItIsClose() {
    assertThat(DidYouMean.closest("apiTokn", java.util.List.of("url", "email", "apiToken"))).contains("apiToken");
    assertThat(DidYouMean.closest("THRESHOLDPERCENT", java.util.List.of("thresholdPercent"))).contains("thresholdPercent");
    assertThat(DidYouMean.closest("colour", java.util.List.of("host", "port"))).isEmpty();
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void errorsNameTheFileAndTheSetting() throws Exception {
    assertThatThrownBy(() -> load(write(VALID.replace("port: 9090", "port: 99999")), k -> null))
        .hasMessageContaining("deskbridge.yaml").hasMessageContaining("server.port must be between 0 and 65535");
    assertThatThrownBy(() -> load(write(VALID.replace("mode: auto", "mode: loud")), k -> null))
        .hasMessageContaining("installations[acme].mode").hasMessageContaining("auto, draft or shadow");
    assertThatThrownBy(() -> load(write(VALID.replace("defaultGroup: \"1\", ", "")), k -> null))
        .hasMessageContaining("installations[acme].routing.defaultGroup is required");
    assertThatThrownBy(() -> load(write("knowledge: kb\n"), k -> null))
        .hasMessageContaining("at least one");
  }

  @Test
  void theBotSectionIsValidatedWithItsPathAndTheFile() throws Exception {
    var file = write(VALID.replace("thresholdPercent: 70", "thresholdPercent: 170"));
    assertThatThrownBy(() -> load(file, k -> null)).isInstanceOf(ConfigException.class)
        .hasMessage(file + ": bot.thresholdPercent must be between 0 and 100, was 170");
  }

  @Test
  void aMisspeltKeyIsAnErrorWithTheClosestSetting() throws Exception {
    var file = write(VALID.replace("thresholdPercent: 70", "thresholdPercnt: 70"));
    assertThatThrownBy(() -> load(file, k -> null)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": bot.thresholdPercnt is not a setting; did you mean 'thresholdPercent'? "
            + "(known in bot: thresholdPercent, uncoveredPercent, calibrationCases,");

    var top = write(VALID.replace("knowledge: kb", "knowlege: kb"));
    assertThatThrownBy(() -> load(top, k -> null))
        .hasMessageStartingWith(top + ": knowlege is not a setting; did you mean 'knowledge'? (known top-level keys: ");

    var deep = write(VALID.replace("maxDelay: 5s", "maxDelay: 5s, circuitOpen: 30s"));
    assertThatThrownBy(() -> load(deep, k -> null)).hasMessageContaining(
        "installations[acme].retry.circuitOpen is not a setting; did you mean 'circuitOpenFor'?");
  }

  @Test
  void aMisspeltVendorSettingIsCheckedByTheVendorsSchema() throws Exception {
    var file = write(VALID.replace("apiToken: {env: ZD_TOKEN}", "apiTokn: {env: ZD_TOKEN}"));
    assertThatThrownBy(() -> load(file, Map.of("ZD_TOKEN", "t")::get)).isInstanceOf(ConfigException.class)
        .hasMessage(file + ": installations[acme].settings.apiTokn is not a setting; did you mean 'apiToken'? "
            + "(known in installations[acme].settings: url, email, apiToken, webhookSecret)");
  }

  @Test
  void severalMisspeltKeysAreReportedTogetherAndFarOffNamesGetNoGuess() throws Exception {
    var file = write(VALID.replace("server: {port: 9090}", "server: {port: 9090, colour: blue}")
        .replace("mode: auto", "mood: auto"));
    assertThatThrownBy(() -> load(file, k -> null))
        .hasMessageContaining("server.colour is not a setting (known in server: host, port, maxBodyBytes, maxConnections, idleTimeout, publicUrl)")
        .hasMessageContaining("; installations[acme].mood is not a setting; did you mean 'mode'?");
  }

  @Test
  void anUnknownVendorNamesTheSettingAndTheKnownVendors() throws Exception {
    var file = write(VALID.replace("vendor: zendesk", "vendor: zendsk"));
    assertThatThrownBy(() -> load(file, k -> null)).isInstanceOf(ConfigException.class)
        .hasMessage(file + ": installations[acme].vendor 'zendsk' is not a known vendor; did you mean 'zendesk'? "
            + "(known: salesforce, zendesk)");
  }

  @Test
  void aBadEnvironmentOverrideNamesTheVariableNotTheFile() throws Exception {
    var file = write(VALID);
    assertThatThrownBy(() -> load(file, Map.of("DESKBRIDGE_SERVER_PORT", "abc")::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage("DESKBRIDGE_SERVER_PORT (overrides server.port) must be a whole number, was 'abc'");
    assertThatThrownBy(() -> load(file, Map.of("DESKBRIDGE_BOT_THRESHOLDPERCENT", "101")::get))
        .hasMessage("DESKBRIDGE_BOT_THRESHOLDPERCENT (overrides bot.thresholdPercent) must be between 0 and 100, was 101");
    assertThatThrownBy(() -> load(write(VALID.replace("port: 9090", "port: abc")), k -> null))
        .as("the same mistake in the file names the file").hasMessage(file + ": server.port must be a whole number, was 'abc'");
  }

  @Test
  void aMissingOrBrokenFileIsOneLineNamingIt() throws Exception {
    var missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> load(missing, k -> null)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(missing + ": no such file").hasMessageContaining("--config");
    var broken = write("server:\n  port: 1\n bad: [\n");
    assertThatThrownBy(() -> load(broken, k -> null)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(broken + ": not valid YAML at line ").message().doesNotContain("\n");
  }

  @Test
  void everyUnreadableSecretIsReportedAtOnce() throws Exception {
    var config = load(write(VALID.replace("apiToken: {env: ZD_TOKEN}",
        "apiToken: {env: ZD_TOKEN}\n      webhookSecret: {file: secrets/none.txt}")), k -> null);
    var problems = config.installations().get(0).settings().secretProblems();
    assertThat(problems).containsExactly(
        "installations[acme].settings.apiToken reads the environment variable ZD_TOKEN, which is not set: export it",
        "installations[acme].settings.webhookSecret reads the secret file " + dir.resolve("secrets/none.txt")
            + ", which does not exist: create it or correct the path (relative paths are relative to the "
            + "configuration file's folder)");
    assertThatThrownBy(config::requireSecrets).isInstanceOf(ConfigException.class)
        .hasMessage("2 secrets cannot be read: " + problems.get(0) + "; " + problems.get(1));
  }

  @Test
  void secretFilesAndTheDataDirectoryAreRelativeToTheFile() throws Exception {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/token.txt"), "tok-2\n");
    var config = load(write("dataDirectory: var\n" + VALID.replace("apiToken: {env: ZD_TOKEN}",
        "apiToken: {file: secrets/token.txt}")), k -> null);

    assertThat(config.installations().get(0).settings().secret("apiToken").reveal()).isEqualTo("tok-2");
    assertThat(config.cache()).isEqualTo(dir.resolve("var/cache"));
    assertThat(config.store().describe()).isEqualTo("H2 file " + dir.resolve("var/store/deskbridge") + ".mv.db");
  }

  @Test
  void theDraftVerdictsFileIsInTheDataDirectoryUnlessSetRelativeToTheFile() throws Exception {
    var byDefault = load(write("dataDirectory: var\n" + VALID), k -> null);
    assertThat(byDefault.engine().draftVerdicts()).contains(dir.resolve("var/draft-verdicts.jsonl"));

    var set = load(write("engine:\n  draftVerdicts: labelled/verdicts.jsonl\n" + VALID), k -> null);
    assertThat(set.engine().draftVerdicts()).contains(dir.resolve("labelled/verdicts.jsonl"));
  }

  @Test
  void aSecretWrittenIntoTheFileIsRefused() throws Exception {
    var config = load(write(VALID.replace("apiToken: {env: ZD_TOKEN}", "apiToken: abc123")), k -> null);
    assertThatThrownBy(() -> config.installations().get(0).settings().secret("apiToken")).hasMessage(
        "installations[acme].settings.apiToken must come from the environment or a file: write {env: NAME} or "
            + "{file: PATH}, never the secret itself");
  }

  @Test
  void secretsPrintRedacted() {
    var secret = Secret.of("very-secret-value");
    assertThat(secret.toString()).doesNotContain("very-secret-value").contains("****");
    var settings = Settings.of("s", Map.of("token", secret));
    assertThat(settings.toString()).doesNotContain("very-secret-value");
  }
}
