package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.error.ConfigException;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s start path: a YAML file, secrets from the environment and from a file, ServiceLoader, fail fast. */
class ServeIT {
  @TempDir
  Path dir;
  ZendeskFake fake;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Path config(String kb) throws Exception {
    Files.writeString(dir.resolve("token.txt"), fake.config().apiToken() + "\n");
    Files.writeString(dir.resolve("kb.jsonl"), kb);
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: {host: 127.0.0.1, port: 0}
        dataDirectory: data
        knowledge: kb.jsonl
        installations:
          - id: acme
            vendor: zendesk
            mode: auto
            routing: {defaultGroup: "%d"}
            settings:
              url: %s
              email: %s
              apiToken: {file: %s}
              webhookSecret: {env: ZD_SECRET}
        """.formatted(fake.groups().get("General"), fake.baseUrl(), fake.config().agentEmail(), dir.resolve("token.txt")));
  }

  @Test
  void servesARealTicketFromAConfigFile() throws Exception {
    var file = config("""
        {"id":"hours","locale":"en","title":"Opening hours","body":"We are open 8-18 on weekdays.","questions":["When are you open?","What are your opening hours?"]}
        """);
    try (var deskbridge = ServeCommand.start(file, Map.of("ZD_SECRET", "s3cret")::get)) {
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme"), "s3cret");
      long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Hours", "What are your opening hours?");

      await().atMost(Duration.ofSeconds(20)).until(() -> fake.comments(id).stream()
          .anyMatch(c -> c.authorId() == fake.botUserId() && c.body().contains("8-18")));
    }
  }

  @Test
  void failsFastOnAWrongTokenNamingTheInstallation() throws Exception {
    var file = config("{\"id\":\"a\",\"locale\":\"en\",\"title\":\"A\",\"body\":\"B\"}\n");
    Files.writeString(dir.resolve("token.txt"), "wrong-token");

    assertThatThrownBy(() -> ServeCommand.start(file, Map.of("ZD_SECRET", "s3cret")::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": installation 'acme' (zendesk) failed its start-up check: Zendesk refused the API token "
            + "for " + fake.config().agentEmail() + " (HTTP 401): set installations[acme].settings.apiToken to an "
            + "active API token (Admin Center > Apps and integrations > APIs > Zendesk API) and "
            + "installations[acme].settings.email to the agent it authenticates as");
  }

  @Test
  void theCommandLineEndsAWrongTokenWithOneLineAndExitCode2() throws Exception {
    var file = config("{\"id\":\"a\",\"locale\":\"en\",\"title\":\"A\",\"body\":\"B\"}\n");
    Files.writeString(dir.resolve("token.txt"), "wrong-token");
    Files.writeString(dir.resolve("secret.txt"), "s3cret");
    Files.writeString(file, Files.readString(file).replace("{env: ZD_SECRET}", "{file: secret.txt}"));

    var run = CommandLineRun.of("serve", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: " + file + ": installation 'acme' (zendesk) failed its start-up check: "
        + "Zendesk refused the API token").contains("installations[acme].settings.apiToken")
        .contains("installations[acme].settings.email").doesNotContain("wrong-token");
    assertThat(run.err().lines()).as("one line, no stack trace").hasSize(1);
  }

  @Test
  void anUnknownHostNamesTheUrlSetting() throws Exception {
    var file = config("{\"id\":\"a\",\"locale\":\"en\",\"title\":\"A\",\"body\":\"B\"}\n");
    Files.writeString(file, Files.readString(file).replace(fake.baseUrl(), "https://deskbridge-no-such-account.invalid"));

    assertThatThrownBy(() -> ServeCommand.start(file, Map.of("ZD_SECRET", "s3cret")::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": installation 'acme' (zendesk) failed its start-up check: the host of "
            + "https://deskbridge-no-such-account.invalid is unknown: set installations[acme].settings.url to "
            + "https://{subdomain}.zendesk.com (or check this machine's DNS)");
  }

  @Test
  void aPortInUseNamesTheSetting() throws Exception {
    var file = config("{\"id\":\"a\",\"locale\":\"en\",\"title\":\"A\",\"body\":\"B\"}\n");
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Files.writeString(file, Files.readString(file).replace("port: 0", "port: " + taken.getLocalPort()));

      assertThatThrownBy(() -> ServeCommand.start(file, Map.of("ZD_SECRET", "s3cret")::get))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(file + ": server.port " + taken.getLocalPort() + " on 127.0.0.1 cannot be used (")
          .hasMessageEndingWith("); stop the process that uses it or choose another port (server.port, or "
              + "DESKBRIDGE_SERVER_PORT)");
    }
  }

  @Test
  void aMissingKnowledgeBaseNamesTheSettingAndWhatItIsRelativeTo() throws Exception {
    var file = config("");
    Files.delete(dir.resolve("kb.jsonl"));

    assertThatThrownBy(() -> ServeCommand.start(file, Map.of("ZD_SECRET", "s3cret")::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": knowledge: " + dir.resolve("kb.jsonl") + " does not exist; point it at a folder of "
            + "Markdown articles or a .jsonl file (a relative path is relative to the configuration file's folder)");
  }

  @Test
  void failsFastOnLabelledMessagesNamingAnUnknownArticle() throws Exception {
    var file = config("{\"id\":\"a\",\"locale\":\"en\",\"title\":\"A\",\"body\":\"B\"}\n");
    Files.writeString(file, Files.readString(file).replace("knowledge: kb.jsonl",
        "knowledge: kb.jsonl\nbot: {calibrationCases: labelled.jsonl}"));
    Files.writeString(dir.resolve("labelled.jsonl"),
        "{\"id\":\"l1\",\"text\":\"hi\",\"expect\":\"answer\",\"article\":\"b\"}\n");

    assertThatThrownBy(() -> ServeCommand.start(file, Map.of("ZD_SECRET", "s3cret")::get))
        .hasMessageContaining("bot.calibrationCases").hasMessageContaining("labelled.jsonl")
        .hasMessageContaining("case 'l1' names article 'b'");
  }

  @Test
  void failsFastOnAMissingSecret() throws Exception {
    var file = config("{\"id\":\"a\",\"locale\":\"en\",\"title\":\"A\",\"body\":\"B\"}\n");

    assertThatThrownBy(() -> ServeCommand.start(file, Map.<String, String>of()::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": installations[acme].settings.webhookSecret reads the environment variable ZD_SECRET, "
            + "which is not set: export it");
  }
}
