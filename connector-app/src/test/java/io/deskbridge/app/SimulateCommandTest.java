package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate}'s mistakes: one line naming the option or the setting, exit code 2, no helpdesk call. */
class SimulateCommandTest {
  @TempDir
  Path dir;

  private Path config() throws Exception {
    Files.createDirectories(dir.resolve("kb"));
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
            settings:
              url: https://acme.zendesk.com
              email: bot@acme.com
              apiToken: {env: DESKBRIDGE_TEST_UNSET_TOKEN}
              webhookSecret: {env: DESKBRIDGE_TEST_UNSET_SECRET}
        """);
  }

  @Test
  void anUnknownInstallationNamesTheConfiguredOnes() throws Exception {
    var file = config();
    var run = CommandLineRun.of("simulate", "--config", file.toString(), "--installation", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: " + file + ": no installation 'nope'; configured: acme (--installation)"
        + System.lineSeparator());
  }

  @Test
  void aBadOrFutureSinceNamesTheOptionAndItsForms() throws Exception {
    var file = config().toString();
    var bad = CommandLineRun.of("simulate", "--config", file, "--installation", "acme", "--since", "30x");
    var future = CommandLineRun.of("simulate", "--config", file, "--installation", "acme", "--since", "2999-01-01");

    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: --since must be like 30d, 12h, 2026-11-01 or 2026-11-01T08:00:00Z, "
        + "was '30x'");
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).startsWith("error: --since must be in the past, was 2999-01-01T00:00:00Z");
  }

  @Test
  void missingSecretsAreNamedBeforeAnythingIsRead() throws Exception {
    var run = CommandLineRun.of("simulate", "--config", config().toString(), "--installation", "acme");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("DESKBRIDGE_TEST_UNSET_TOKEN").contains("apiToken").doesNotContain("Exception");
  }
}
