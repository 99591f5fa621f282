package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.mock.sunco.SuncoFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} then {@code doctor} through the command line against the fakes over real HTTP, for the installers
 * {@link DoctorIT} does not cover (Zendesk tickets there; Salesforce has its own): Zendesk messaging (the SunCo fake),
 * Daktela polled and Daktela with the Events module. After install doctor exits 0, once a person has done what install
 * left to them; what doctor cannot read it names as {@code check by hand}; a second install creates nothing.
 */
class InstallDoctorIT {
  /** A step that made or changed something. */
  private static final String MADE = "(?m)^  (created|updated) ";
  private static final String OK_REGISTRATION =
      "OK   registration: installation 'acme' is registered at its helpdesk as install left it";

  @TempDir
  Path dir;

  private Path config(String installationYaml) throws Exception {
    Files.writeString(dir.resolve("kb.jsonl"), """
        {"id":"hours","locale":"en","title":"Opening hours","body":"We are open 8-18 on weekdays.","questions":["When are you open?","What are your opening hours?","Are you open on Saturday?"]}
        """);
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: {host: 127.0.0.1, port: 0, publicUrl: "https://deskbridge.example.com"}
        dataDirectory: data
        knowledge: kb.jsonl
        installations:
          - id: acme
            mode: draft
        """ + installationYaml);
  }

  private static CommandLineRun install(Path config) {
    var run = CommandLineRun.of("install", "--config", config.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  private static CommandLineRun doctor(Path config) {
    return CommandLineRun.of("doctor", "--config", config.toString(), "--min-free-mb", "1");
  }

  private static String registration(CommandLineRun doctor) {
    return String.join("\n", doctor.out().lines().filter(l -> l.contains(" registration: ")).toList());
  }

  @Test
  void zendeskMessagingPassesOnceBotIntegrationIdNamesWhatInstallMade() throws Exception {
    try (var fake = SuncoFake.start()) {
      Path key = Files.writeString(dir.resolve("sunco-key-secret"), fake.config().keySecret());
      String yaml = """
              vendor: zendesk-messaging
              routing: {defaultGroup: "36000001"}
              settings:
                url: %s
                appId: %s
                keyId: %s
                keySecret: {file: %s}
                webhookSecret: {file: secrets/acme-sunco-webhook-secret}
                botIntegrationId: %s
          """.formatted(fake.apiUrl(), fake.config().appId(), fake.config().keyId(), key, SuncoFake.BOT);
      Path file = config(yaml); // botIntegrationId still names the bot the app had before Deskbridge

      var first = install(file);
      assertThat(first.out()).contains("created SunCo custom integration 'Deskbridge acme'",
          "to do   set installations[acme].settings.botIntegrationId to deskbridge-acme");

      var before = doctor(file);
      assertThat(before.exitCode()).as(before.out()).isEqualTo(1);
      assertThat(before.out().lines().filter(l -> l.startsWith("FAIL"))).singleElement().asString()
          .startsWith("FAIL registration: installations[acme].settings.botIntegrationId")
          .endsWith("set it to deskbridge-acme");

      Files.writeString(file, Files.readString(file).replace("botIntegrationId: " + SuncoFake.BOT,
          "botIntegrationId: deskbridge-acme")); // what the person does
      var after = doctor(file);
      assertThat(after.exitCode()).as(after.out()).isZero();
      assertThat(registration(after)).isEqualTo(OK_REGISTRATION);
      assertThat(after.out()).contains("OK   credentials: installation 'acme' (zendesk-messaging) authenticated as ")
          .doesNotContain("FAIL").doesNotContain(fake.config().keySecret());

      var second = install(file);
      assertThat(second.out()).doesNotContainPattern(MADE).doesNotContain("to do").endsWith(" present\n");
      assertThat(fake.unmatchedRequests()).isEmpty();
    }
  }

  @Test
  void daktelaPolledHasNothingToRegisterAndPasses() throws Exception {
    try (var vendor = DaktelaDemoVendor.start(Duration.ofSeconds(5), DaktelaDemoVendor.Events.polling)) {
      Path file = config(vendor.installationYaml("    ", dir));

      var first = install(file);
      assertThat(first.out()).contains("present events: polling").endsWith("1 present\n");

      var doctor = doctor(file);
      assertThat(doctor.exitCode()).as(doctor.out()).isZero();
      assertThat(registration(doctor)).isEqualTo(OK_REGISTRATION);
      assertThat(doctor.out()).contains("OK   credentials: installation 'acme' (daktela) authenticated as ")
          .doesNotContain("FAIL");

      assertThat(install(file).out()).isEqualTo(first.out());
      assertThat(vendor.fake().unmatchedRequests()).isEmpty();
    }
  }

  @Test
  void daktelaWithTheEventsModuleNamesTheActionsToCheckByHand() throws Exception {
    try (var vendor = DaktelaDemoVendor.start(Duration.ofSeconds(5), DaktelaDemoVendor.Events.webhooks)) {
      Path file = config(vendor.installationYaml("    ", dir));

      var first = install(file);
      assertThat(first.out()).contains("to do   Daktela Events module: add an HTTP action named 'Deskbridge acme "
          + "ticket created'").endsWith("4 manual step(s) to do\n");

      var doctor = doctor(file);
      assertThat(doctor.exitCode()).as(doctor.out()).isZero();
      assertThat(registration(doctor)).as("nothing is claimed as read at Daktela").isEqualTo("WARN registration: "
          + "installation 'acme': check by hand: Daktela Events module (Daktela has no API to read it): the HTTP "
          + "actions named 'Deskbridge acme ticket created', '… ticket updated' and '… activity created' are there, "
          + "as install printed them");
      assertThat(doctor.out()).contains("OK   credentials: installation 'acme' (daktela) authenticated as ")
          .doesNotContain("FAIL").doesNotContain(DemoVendor.SECRET);

      assertThat(install(file).out()).doesNotContainPattern(MADE).isEqualTo(first.out());
      assertThat(vendor.fake().unmatchedRequests()).isEmpty();
    }
  }
}
