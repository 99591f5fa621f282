package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor} against the Zendesk fake over real HTTP, through the command line: a good configuration (the demo
 * knowledge base) passes with exit code 0, a wrong token fails with exit code 1 naming the setting, a usage mistake
 * is exit code 2.
 */
class DoctorIT {
  private static final Path DEMO_KB = Path.of("src/main/resources/demo-kb").toAbsolutePath();

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

  private Path config(String token) throws Exception {
    Files.writeString(dir.resolve("token.txt"), token + "\n");
    Files.writeString(dir.resolve("secret.txt"), "s3cret\n");
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: {host: 127.0.0.1, port: 0, publicUrl: "https://deskbridge.example.com"}
        dataDirectory: data
        knowledge: %s
        installations:
          - id: acme
            vendor: zendesk
            mode: draft
            routing: {defaultGroup: "%d"}
            settings:
              url: %s
              email: %s
              apiToken: {file: token.txt}
              webhookSecret: {file: secret.txt}
        """.formatted(DEMO_KB, fake.groups().get("General"), fake.baseUrl(), fake.config().agentEmail()));
  }

  @Test
  void aGoodConfigurationPassesWithOkLinesAndExitCode0() throws Exception {
    var file = config(fake.config().apiToken());
    var cfg = ConfigLoader.load(file, Map.<String, String>of()::get);
    JdbcStore.open(cfg.store()).close(); // migrated, as after a first serve
    var install = CommandLineRun.of("install", "--config", file.toString());
    assertThat(install.exitCode()).as(install.out() + install.err()).isZero();

    var run = CommandLineRun.of("doctor", "--config", file.toString());
    System.out.println(run.out()); // the demo knowledge base's report, for the record

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out().lines()).contains(
        "OK   secrets: installations[acme].settings.apiToken: read from the file " + dir.resolve("token.txt"),
        "OK   secrets: installations[acme].settings.webhookSecret: read from the file " + dir.resolve("secret.txt"),
        "OK   knowledge: every article has sample questions in every locale",
        "OK   knowledge: every article exists in every language (cs, en, pl, sk, sl)",
        "OK   knowledge: no near-duplicate sample questions point at different articles");
    assertThat(run.out()).contains("OK   credentials: installation 'acme' (zendesk) authenticated as ")
        .containsPattern("OK   store: H2 file .* reachable; schema at version \\S+, \\d+ migration\\(s\\) applied, none "
            + "pending")
        .containsPattern("OK   disk: \\d+ [MG]B free for the store")
        .contains("OK   embedding: the bundled all-MiniLM-L6-v2 (English only) loads and embeds in ")
        .contains("; dimension 384")
        .containsPattern("OK   embedding: .*embeddings-.*\\.bin held 0 of the knowledge base's \\d+ texts; the "
            + "rest are embedded now and kept there")
        .contains("OK   registration: installation 'acme' is registered at its helpdesk as install left it")
        .containsPattern("OK   knowledge: leave-one-out over \\d+ sample questions: \\d+ % ranked their own article")
        .doesNotContain("FAIL")
        .doesNotContain(fake.config().apiToken());
    assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("doctor: no problem found");
  }

  @Test
  void withoutInstallTheMissingRegistrationFailsNamingTheFix() throws Exception {
    var file = config(fake.config().apiToken());

    var run = CommandLineRun.of("doctor", "--config", file.toString(), "--min-free-mb", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().filter(l -> l.startsWith("FAIL")))
        .isNotEmpty()
        .allMatch(l -> l.startsWith("FAIL registration: "))
        .anyMatch(l -> l.contains("install"));
  }

  @Test
  void aWrongTokenFailsNamingTheSettingWithExitCode1() throws Exception {
    var file = config("wrong-token");

    var run = CommandLineRun.of("doctor", "--config", file.toString(), "--min-free-mb", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    var failures = run.out().lines().filter(l -> l.startsWith("FAIL")).toList();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).startsWith("FAIL credentials: installation 'acme' (zendesk) failed its start-up "
            + "check: Zendesk refused the API token")
        .contains("set installations[acme].settings.apiToken to an active API token");
    assertThat(run.out()).doesNotContain("wrong-token")
        .contains("OK   store: " ) // the other checks still ran
        .contains("OK   knowledge: every article has sample questions in every locale")
        .contains("doctor: 1 problem(s)");
  }

  @Test
  void jsonListsTheFindingsWithTheirSubjects() throws Exception {
    var file = config("wrong-token");
    Files.delete(dir.resolve("secret.txt"));

    var run = CommandLineRun.of("doctor", "--config", file.toString(), "--installation", "acme", "--json",
        "--min-free-mb", "100000000000");

    assertThat(run.exitCode()).isEqualTo(1);
    var json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("problems").asInt()).isEqualTo(2);
    assertThat(json.get("warnings").asInt()).isGreaterThanOrEqualTo(1);
    var findings = json.get("findings");
    assertThat(findings.findValuesAsText("subject")).contains("installations[acme].settings.webhookSecret",
        "installations[acme].settings");
    assertThat(run.out()).contains("reads the secret file " + dir.resolve("secret.txt") + ", which does not exist")
        .contains("not checked: its secrets cannot be read")
        .containsPattern("\"status\" : \"WARN\",\\s*\"check\" : \"disk\"");
  }

  @Test
  void anUnknownInstallationFailsAndAMissingConfigIsAUsageMistake() throws Exception {
    var file = config(fake.config().apiToken());

    var unknown = CommandLineRun.of("doctor", "--config", file.toString(), "--installation", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out()).startsWith("FAIL configuration: installation 'nope' is not in " + file
        + " (configured: acme): pass one of those ids or leave --installation out");

    var usage = CommandLineRun.of("doctor");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).startsWith("error: Missing required option: '--config=FILE'");

    Files.writeString(file, Files.readString(file).replace("mode: draft", "mode: draft\n    moode: auto"));
    var broken = CommandLineRun.of("doctor", "--config", file.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).startsWith("FAIL configuration: " + file + ": ").contains("moode");
  }
}
