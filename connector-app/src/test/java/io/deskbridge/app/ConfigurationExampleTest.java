package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.BotSettings;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's configuration block and the shipped example file are valid configurations as they stand: every key
 * is a setting (so a misspelt key added to the README fails here), the knowledge base they name exists, and the
 * secrets they read come from the environment supplied here.
 */
class ConfigurationExampleTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Function<String, String> ENV = Map.of("ZENDESK_API_TOKEN", "token-from-the-test",
      "ZENDESK_WEBHOOK_SECRET", "secret-from-the-test", "SALESFORCE_CLIENT_SECRET", "sf-secret-from-the-test",
      "SALESFORCE_WEBHOOK_TOKEN", "sf-token-from-the-test", "DAKTELA_ACCESS_TOKEN", "dk-token-from-the-test",
      "DAKTELA_WEBHOOK_SECRET", "dk-secret-from-the-test")::get;

  @TempDir
  Path dir;

  /** The first {@code yaml} block of the README's "Configuration" section. */
  static String readmeBlock() throws Exception {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    String section = readme.substring(readme.indexOf("\n## Configuration\n"));
    var block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(block.find()).as("a yaml block under ## Configuration").isTrue();
    return block.group(1);
  }

  /** Loads YAML as if saved as {@code deskbridge.yaml} in the repository root (its knowledge path is relative). */
  private io.deskbridge.core.DeskbridgeConfig load(String yaml) throws Exception {
    var file = Files.writeString(dir.resolve("deskbridge.yaml"), yaml);
    var config = ConfigLoader.load(file, name -> name.equals("XDG_DATA_HOME") ? dir.resolve("data").toString()
        : ENV.apply(name));
    config.requireSecrets();
    BotSettings.from(config.bot());
    return config;
  }

  @Test
  void theReadmeBlockIsAValidConfigurationWhoseKnowledgeBaseExists() throws Exception {
    var config = load(readmeBlock());

    Path knowledge = REPOSITORY.resolve(dir.relativize(config.knowledge()));
    assertThat(knowledge).as("the knowledge path, relative to a deskbridge.yaml in the repository root").isDirectory();
    assertThat(KnowledgeLoader.load(knowledge).size()).isPositive();
    assertThat(config.installations()).singleElement().satisfies(i -> {
      assertThat(i.settings().secret("apiToken").reveal()).isEqualTo("token-from-the-test");
      assertThat(i.routing().groupFor("nothing")).isEqualTo("360000001");
    });
    assertThat(config.store().describe()).as("the data folder, not the source tree")
        .startsWith("H2 file " + dir.resolve("data/deskbridge/store"));
  }

  @Test
  void aMisspeltKeyInTheReadmeBlockWouldFailThisTest() throws Exception {
    String misspelt = readmeBlock().replace("  thresholdPercent: 55", "  thresholdPercnt: 55");
    assertThat(misspelt).isNotEqualTo(readmeBlock());

    assertThatThrownBy(() -> load(misspelt)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bot.thresholdPercnt is not a setting; did you mean 'thresholdPercent'?");
    assertThatThrownBy(() -> load(readmeBlock().replace("      apiToken:", "      apiTokn:")))
        .hasMessageContaining("installations[acme].settings.apiTokn is not a setting; did you mean 'apiToken'?");
  }

  /** The {@code yaml} block of the README's "Salesforce settings" section: an {@code installations} list. */
  static String readmeSalesforceBlock() throws Exception {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    String section = readme.substring(readme.indexOf("\n### Salesforce settings\n"));
    var block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(block.find()).as("a yaml block under ### Salesforce settings").isTrue();
    return block.group(1);
  }

  @Test
  void theReadmeSalesforceInstallationIsValidAndItsSettingsAreTheConnectors() throws Exception {
    var config = load("knowledge: connector-app/src/main/resources/demo-kb\n" + readmeSalesforceBlock());

    assertThat(config.installations()).singleElement().satisfies(i -> {
      assertThat(i.vendor()).isEqualTo("salesforce");
      assertThat(i.routing().groupFor("Billing")).isEqualTo("Billing");
      assertThat(i.routing().groupFor("nothing")).isEqualTo("Tier1");
      var salesforce = io.deskbridge.salesforce.SalesforceConfig.from(i.settings());
      assertThat(salesforce.toString()).doesNotContain("sf-secret-from-the-test").doesNotContain("sf-token-from-the-test");
      assertThat(i.settings().section("auth").secret("clientSecret").reveal()).isEqualTo("sf-secret-from-the-test");
    });
    assertThatThrownBy(() -> load("knowledge: connector-app/src/main/resources/demo-kb\n"
        + readmeSalesforceBlock().replace("      botQueue:", "      botQeue:")))
        .hasMessageContaining("installations[acme-sf].settings.botQeue is not a setting");
  }

  /** The {@code yaml} block of the README's "Daktela settings" section: an {@code installations} list. */
  static String readmeDaktelaBlock() throws Exception {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    String section = readme.substring(readme.indexOf("\n### Daktela settings\n"));
    var block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(block.find()).as("a yaml block under ### Daktela settings").isTrue();
    return block.group(1);
  }

  @Test
  void theReadmeDaktelaInstallationIsValid() throws Exception {
    var config = load("knowledge: connector-app/src/main/resources/demo-kb\n" + readmeDaktelaBlock());

    assertThat(config.installations()).singleElement().satisfies(i -> {
      assertThat(i.vendor()).isEqualTo("daktela");
      assertThat(i.routing().groupFor("Complaints")).isEqualTo("categories_support/alice");
      assertThat(i.routing().groupFor("nothing")).isEqualTo("categories_support");
      assertThat(i.settings().secret("accessToken").reveal()).isEqualTo("dk-token-from-the-test");
      assertThat(i.settings().secret("webhookSecret").reveal()).isEqualTo("dk-secret-from-the-test");
    });
    assertThatThrownBy(() -> load("knowledge: connector-app/src/main/resources/demo-kb\n"
        + readmeDaktelaBlock().replace("      accessToken:", "      accesToken:")))
        .hasMessageContaining("installations[acme-dk].settings.accesToken is not a setting");
  }

  @Test
  void theShippedExampleFileIsValidBesideItsKnowledgeBase() throws Exception {
    var example = REPOSITORY.resolve("connector-app/deskbridge.example.yaml");
    var config = ConfigLoader.load(example, name -> name.equals("XDG_DATA_HOME") ? dir.toString() : ENV.apply(name));
    config.requireSecrets();

    assertThat(config.knowledge()).isDirectory();
    assertThat(config.store().describe()).doesNotContain(REPOSITORY.toString());
  }
}
