package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.mock.zendesk.ZendeskFake;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} and {@code uninstall} through the command line against the Zendesk fake, from a configuration file
 * as an admin writes it: what each prints, that a second install creates nothing, that the signing secret lands in the
 * file the configuration reads (0 manual steps), and the one-line errors with exit code 2.
 */
class InstallCommandIT {
  @TempDir
  Path dir;

  private ZendeskFake fake;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private String config(String server) throws Exception {
    Files.writeString(dir.resolve("zendesk-token"), fake.config().apiToken() + "\n");
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: %s
        store: {directory: %s}
        knowledge: kb
        installations:
          - id: web
            vendor: api
            routing: {defaultGroup: general}
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "36000001"}
            settings:
              url: %s
              email: %s
              apiToken: {file: zendesk-token}
              webhookSecret: {file: secrets/acme-zendesk-webhook-secret}
        """.formatted(server, dir.resolve("data"), fake.baseUrl(), fake.config().agentEmail())).toString();
  }

  @Test
  void installTwiceThenUninstall() throws Exception {
    String config = config("{publicUrl: 'https://deskbridge.acme.example/'}");
    var first = CommandLineRun.of("install", "--config", config);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("web (api):\n  nothing to register with api",
        "acme (zendesk):\n  created webhook 'Deskbridge acme' (id ",
        ") to https://deskbridge.acme.example/webhooks/acme",
        "  created signing secret file " + dir.resolve("secrets/acme-zendesk-webhook-secret"),
        "  created trigger 'Deskbridge acme: ticket created'", "  created trigger 'Deskbridge acme: customer comment'")
        .endsWith("4 created\n").doesNotContain("to do");
    assertThat(dir.resolve("secrets/acme-zendesk-webhook-secret")).isNotEmptyFile();

    var second = CommandLineRun.of("install", "--config", config, "--installation", "acme");
    assertThat(second.out()).doesNotContain("web (api)").endsWith("4 present\n");

    var dry = CommandLineRun.of("uninstall", "--config", config, "--installation", "acme", "--dry-run");
    assertThat(dry.out()).contains("acme (zendesk), dry run:", "would remove webhook 'Deskbridge acme'")
        .endsWith("1 present, 3 would remove\n");
    var removed = CommandLineRun.of("uninstall", "--config", config, "--installation", "acme");
    assertThat(removed.out()).endsWith("1 present, 3 removed\n");
    assertThat(CommandLineRun.of("uninstall", "--config", config, "--installation", "acme").out())
        .endsWith("1 present, 3 absent\n");
    assertThat(fake.unmatchedRequests()).isEmpty();
  }

  @Test
  void mistakesAreOneLineWithExitCode2() throws Exception {
    var noUrl = CommandLineRun.of("install", "--config", config("{port: 8080}"), "--installation", "acme");
    assertThat(noUrl.exitCode()).isEqualTo(2);
    assertThat(noUrl.err()).startsWith("error: server.publicUrl is not set: write the address your helpdesk reaches "
        + "Deskbridge at").hasLineCount(1);

    var unknown = CommandLineRun.of("install", "--config", config("{publicUrl: 'https://d.example'}"),
        "--installation", "acmee");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--installation acmee: ").contains("has no installation with that id; it has "
        + "web, acme").hasLineCount(1);

    var badUrl = CommandLineRun.of("install", "--config", config("{publicUrl: 'ftp://d.example'}"));
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("server.publicUrl must be the http(s) address").hasLineCount(1);
  }
}
