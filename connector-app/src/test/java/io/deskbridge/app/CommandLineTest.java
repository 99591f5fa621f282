package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** picocli conventions on every command, and the one-line errors of ordinary mistakes. */
class CommandLineTest {
  @TempDir
  Path dir;

  /** Every command and sub-subcommand, as the words that name it (e.g. [dead-letters, list]). */
  static Stream<List<String>> commands() {
    var out = new ArrayList<List<String>>();
    collect(Main.commandLine(), List.of(), out);
    return out.stream();
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
    command.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        var words = new ArrayList<>(path);
        words.add(name);
        out.add(List.copyOf(words));
        collect(sub, words, out);
      }
    });
  }

  @Test
  void theCommandsAreAllThere() {
    assertThat(commands().map(c -> String.join(" ", c))).contains("serve", "install", "uninstall", "doctor", "demo", "bench", "dead-letters",
        "dead-letters list", "dead-letters show", "dead-letters replay", "eval", "datasets", "datasets bitext",
        "datasets emails", "datasets clinc150", "datasets isarcasm", "train-sarcasm", "simulate", "kb sync", "train-signals");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void dashDashHelpPrintsTheUsageWithoutDemandingRequiredOptions(List<String> command) {
    var args = new ArrayList<>(command);
    args.add("--help");
    var run = CommandLineRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
    assertThat(run.out()).startsWith("Usage: deskbridge " + String.join(" ", command));
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void theHelpCommandPrintsTheSameUsage(List<String> command) {
    var args = new ArrayList<>(command.subList(0, command.size() - 1));
    args.add("help");
    args.add(command.get(command.size() - 1));
    var run = CommandLineRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
    assertThat(run.out()).startsWith("Usage: deskbridge " + String.join(" ", command));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandShowsExamplesAndTheVersion(List<String> command) {
    var args = new ArrayList<>(command);
    args.add("--help");
    if (command.size() == 1) {
      assertThat(CommandLineRun.of(args.toArray(String[]::new)).out()).as(String.join(" ", command))
          .containsPattern("Examples?:");
    }
    args.set(args.size() - 1, "--version");
    assertThat(CommandLineRun.of(args.toArray(String[]::new)).out()).isEqualTo(Main.VERSION + System.lineSeparator());
  }

  @Test
  void aMissingConfigurationFileIsOneLineWithExitCode2() {
    var missing = dir.resolve("nope.yaml");
    for (var args : List.of(List.of("serve", "--config", missing.toString()),
        List.of("dead-letters", "list", "--config", missing.toString()))) {
      var run = CommandLineRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err()).isEqualTo("error: " + missing + ": no such file (looked for " + missing.toAbsolutePath()
          + "); give the path of your configuration with --config, e.g. the example "
          + "connector-app/deskbridge.example.yaml" + System.lineSeparator());
    }
  }

  private Path config(String settings) throws Exception {
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
        %s""".formatted(settings.indent(6)));
  }

  @Test
  void everyMissingEnvironmentVariableIsNamedAtOnce() throws Exception {
    var file = config("""
        apiToken: {env: DESKBRIDGE_TEST_UNSET_TOKEN}
        webhookSecret: {env: DESKBRIDGE_TEST_UNSET_SECRET}""");

    var run = CommandLineRun.of("serve", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: " + file + ": 2 secrets cannot be read: "
        + "installations[acme].settings.apiToken reads the environment variable DESKBRIDGE_TEST_UNSET_TOKEN, which is "
        + "not set: export it; installations[acme].settings.webhookSecret reads the environment variable "
        + "DESKBRIDGE_TEST_UNSET_SECRET, which is not set: export it" + System.lineSeparator());
  }

  @Test
  void anUnreadableSecretFileIsNamed() throws Exception {
    Files.writeString(dir.resolve("secret.txt"), "s3cret");
    var file = config("""
        apiToken: {file: secrets/token.txt}
        webhookSecret: {file: secret.txt}""");

    var run = CommandLineRun.of("serve", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: " + file + ": installations[acme].settings.apiToken reads the secret file "
        + dir.resolve("secrets/token.txt") + ", which does not exist: create it or correct the path (relative paths "
        + "are relative to the configuration file's folder)" + System.lineSeparator());
  }

  @Test
  void aMisspeltSettingIsOneLineWithTheClosestName() throws Exception {
    var file = config("""
        apiTokn: {env: T}
        webhookSecret: {env: S}""");

    var run = CommandLineRun.of("dead-letters", "list", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: " + file + ": installations[acme].settings.apiTokn is not a setting; "
        + "did you mean 'apiToken'? (known in installations[acme].settings: url, email, apiToken, webhookSecret");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    var file = config("""
        apiTokn: {env: T}
        webhookSecret: {env: S}""");

    var quiet = CommandLineRun.of("serve", "--config", file.toString());
    var verbose = CommandLineRun.of("serve", "--verbose", "--config", file.toString());
    var nested = CommandLineRun.of("dead-letters", "list", "--config", file.toString(), "--verbose");

    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(verbose.exitCode()).isEqualTo(2);
    assertThat(verbose.err()).startsWith(quiet.err()).contains("ConfigException").contains("\tat ");
    assertThat(nested.err()).contains("\tat io.deskbridge.core.ConfigLoader.load");
  }

  @Test
  void theConfigOptionMayComeBeforeOrAfterTheDeadLettersSubcommand() throws Exception {
    var file = config("""
        apiToken: {env: T}
        webhookSecret: {env: S}""");
    var out = System.out;
    var captured = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(CommandLineRun.of("dead-letters", "list", "--config", file.toString()).exitCode()).isZero();
      assertThat(CommandLineRun.of("dead-letters", "--config", file.toString(), "list").exitCode()).isZero();
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("0 dead letter(s)");
  }

  @Test
  void aMisspeltOptionSuggestsTheRightOne() {
    var run = CommandLineRun.of("serve", "--confg", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Unknown options: '--confg', 'x.yaml'").contains("--config")
        .contains("Run 'deskbridge serve --help' for the options and examples.");
  }

  @Test
  void deadLettersWithoutConfigSaysWhatIsMissing() {
    var run = CommandLineRun.of("dead-letters", "list");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Missing required option: '--config=FILE'");
  }
}
