package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.mock.salesforce.SalesforceFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Salesforce from a written configuration to a clean {@code doctor}, through the command line against the
 * Salesforce fake: before {@code install} doctor names the components the org lacks; {@code install} deploys the
 * metadata package and assigns the permission set with no manual step; doctor then passes with exit code 0; a second
 * install finds everything present; an admin's change in Setup (a deactivated Flow) is named by doctor again. A dry
 * run deploys nothing and does not say it did; uninstall with nothing installed removes nothing and exits 0.
 */
class SalesforceInstallDoctorIT {
  private static final Path DEMO_KB = Path.of("src/main/resources/demo-kb").toAbsolutePath();

  @TempDir
  Path dir;
  SalesforceFake fake;

  @BeforeEach
  void start() {
    fake = SalesforceFake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Path config() throws Exception {
    Files.writeString(dir.resolve("client-secret.txt"), fake.config().clientSecret() + "\n");
    Files.writeString(dir.resolve("path-token.txt"), "t0ken\n");
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: {host: 127.0.0.1, port: 0, publicUrl: "https://deskbridge.example.com"}
        dataDirectory: data
        knowledge: %s
        installations:
          - id: acme
            vendor: salesforce
            mode: draft
            routing: {defaultGroup: Tier1}
            settings:
              instanceUrl: "%s"
              organizationId: %s
              auth: {flow: client-credentials, clientId: "%s", clientSecret: {file: client-secret.txt}}
              botQueue: Bot_Intake
              integrationUser: %s
              webhook: {pathToken: {file: path-token.txt}}
        """.formatted(DEMO_KB, fake.instanceUrl(), fake.orgId(), fake.config().clientId(),
        fake.config().integrationUsername()));
  }

  @Test
  void installThenDoctorPassesWithNoManualStep() throws Exception {
    var file = config();
    JdbcStore.open(ConfigLoader.load(file, Map.<String, String>of()::get).store()).close(); // migrated
    var before = CommandLineRun.of("doctor", "--config", file.toString(), "--installation", "acme");
    assertThat(before.exitCode()).as(before.out()).isEqualTo(1);
    assertThat(before.out()).contains("FAIL registration: record-triggered Flow Deskbridge_acme_Case on Case: is not "
        + "in the org: run install --installation acme");

    var install = CommandLineRun.of("install", "--config", file.toString());

    assertThat(install.exitCode()).as(install.out() + install.err()).isZero();
    System.out.println(install.out()); // the install's lines, for the record
    assertThat(install.out()).contains("created record-triggered Flow Deskbridge_acme_Case on Case (deployed)",
        "created permission set Deskbridge_acme_Integration assigned to " + fake.config().integrationUsername(),
        "10 created").doesNotContain("to do").doesNotContain("manual").doesNotContain("t0ken");
    assertThat(fake.metadataDeploys()).isEqualTo(1);

    var doctor = CommandLineRun.of("doctor", "--config", file.toString(), "--installation", "acme");

    assertThat(doctor.exitCode()).as(doctor.out()).isZero();
    assertThat(doctor.out()).contains("OK   credentials: installation 'acme' (salesforce) authenticated as ")
        .contains("OK   registration: installation 'acme' is registered at its helpdesk as install left it")
        .doesNotContain("FAIL");

    var again = CommandLineRun.of("install", "--config", file.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("10 present").doesNotContain("created");
    assertThat(fake.metadataDeploys()).isEqualTo(1);

    fake.adminEditsMetadata("Flow", "Deskbridge_acme_Case", "status", "Draft");
    var drifted = CommandLineRun.of("doctor", "--config", file.toString(), "--installation", "acme");
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.out()).contains("FAIL registration: record-triggered Flow Deskbridge_acme_Case on Case: is not "
        + "active (status Draft): run install --installation acme");
  }

  @Test
  void aDryRunDeploysNothingAndUninstallWithNothingInstalledExitsZero() throws Exception {
    var file = config();
    JdbcStore.open(ConfigLoader.load(file, Map.<String, String>of()::get).store()).close(); // migrated

    var dry = CommandLineRun.of("install", "--config", file.toString(), "--dry-run");

    assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
    assertThat(dry.out()).contains("would create record-triggered Flow Deskbridge_acme_Case on Case (would be "
        + "deployed)").doesNotContain("(deployed)");
    assertThat(fake.metadataDeploys()).isZero();

    var uninstall = CommandLineRun.of("uninstall", "--config", file.toString());

    assertThat(uninstall.exitCode()).as(uninstall.out() + uninstall.err()).isZero();
    assertThat(uninstall.out()).contains("absent  record-triggered Flow Deskbridge_acme_Case on Case",
        "absent  permission set Deskbridge_acme_Integration", "9 absent").doesNotContain("removed");
    assertThat(fake.metadataDeploys()).isZero();
    assertThat(fake.metadata("Flow", "Deskbridge_acme_Case")).isEmpty();
  }
}
