package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.InstallStep.Kind;
import io.deskbridge.mock.salesforce.SalesforceFake;
import io.deskbridge.mock.salesforce.SalesforceFakeExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install}, {@code check} and {@code uninstall} against the Salesforce fake's Metadata and partner APIs: install
 * deploys the package (polling the deploy's status through the injected pause, never sleeping) and assigns the
 * permission set; a second install deploys and creates nothing; a drifted Outbound Message or a deactivated Flow is
 * named by check and put right by install; without "Modify Metadata" (INSUFFICIENT_ACCESS) or with
 * {@code install.deploy: false} install writes the package and prints the sf lines, saying it did not deploy;
 * uninstall removes what install deployed and keeps the field, and after a partial install (a Flow or an Outbound
 * Message deleted in Setup, or nothing installed) removes what is there and creates nothing; a dry run deploys nothing
 * and says so; an expired session is renewed on both connections.
 */
class SalesforceInstallIT {
  @RegisterExtension
  static final SalesforceFakeExtension EXT = new SalesforceFakeExtension();
  private static final String PREFIX = "Deskbridge_acme_eu";

  @TempDir
  Path dir;
  private final List<Duration> pauses = new ArrayList<>();
  private final SalesforceInstaller installer = new SalesforceInstaller(pauses::add);

  private InstallContext context(boolean deploy) {
    return context(deploy, false);
  }

  private InstallContext context(boolean deploy, boolean dryRun) {
    SalesforceFake fake = EXT.fake();
    var values = new LinkedHashMap<String, Object>();
    values.put("instanceUrl", fake.instanceUrl());
    values.put("organizationId", fake.orgId());
    values.put("auth", Map.of("flow", "client-credentials", "clientId", fake.config().clientId(), "clientSecret",
        Secret.of(fake.config().clientSecret())));
    values.put("botQueue", "Bot_Intake");
    values.put("integrationUser", fake.config().integrationUsername());
    values.put("webhook", Map.of("pathToken", Secret.of("tok3n")));
    if (!deploy) {
      values.put("install", Map.of("deploy", false));
    }
    return new InstallContext("acme-eu", Settings.of("installations[acme-eu].settings", values),
        Optional.of(URI.create("https://deskbridge.acme.example")), dir.resolve("install/acme-eu"), null, dryRun,
        false, Clock.systemUTC());
  }

  private static List<String> lines(List<InstallStep> steps) {
    return steps.stream().map(s -> s.kind() + " " + s.description()).toList();
  }

  @Test
  void installDeploysAndAssignsAndASecondInstallCreatesNothing() {
    SalesforceFake fake = EXT.fake();
    var steps = installer.install(context(true));

    assertThat(steps).extracting(InstallStep::kind).as(lines(steps).toString()).containsExactly(Kind.CREATED,
        Kind.CREATED, Kind.CREATED, Kind.CREATED, Kind.CREATED, Kind.CREATED, Kind.CREATED, Kind.CREATED,
        Kind.CREATED, Kind.CREATED);
    assertThat(lines(steps)).contains("CREATED record-triggered Flow " + PREFIX + "_Case on Case (deployed)",
        "CREATED Outbound Message " + PREFIX + "_EmailMessage on EmailMessage (deployed)",
        "CREATED permission set " + PREFIX + "_Integration assigned to deskbridge@acme.example");
    assertThat(String.join("\n", lines(steps))).doesNotContain("tok3n");
    assertThat(fake.metadataDeploys()).isEqualTo(1);
    assertThat(pauses).as("the deploy was polled through the injected pause").isNotEmpty();
    assertThat(fake.metadata("WorkflowOutboundMessage", "Case." + PREFIX + "_Case")).get().asString()
        .contains("<endpointUrl>https://deskbridge.acme.example/webhooks/acme-eu/tok3n</endpointUrl>");
    assertThat(fake.metadata("Flow", PREFIX + "_CaseComment")).get().asString()
        .contains("<status>Active</status>", "<actionName>CaseComment." + PREFIX + "_CaseComment</actionName>");
    assertThat(fake.permissionSetsOf(fake.integrationUserId())).containsExactly(PREFIX + "_Integration");
    assertThat(installer.check(context(true))).isEmpty();

    var again = installer.install(context(true));

    assertThat(again).extracting(InstallStep::kind).as(lines(again).toString()).containsOnly(Kind.PRESENT);
    assertThat(again).hasSize(10);
    assertThat(fake.metadataDeploys()).as("nothing deployed the second time").isEqualTo(1);
    assertThat(fake.permissionSetsOf(fake.integrationUserId())).hasSize(1);
  }

  @Test
  void anExpiredSessionIsRenewedOnTheMetadataAndThePartnerConnection() {
    SalesforceFake fake = EXT.fake();
    installer.install(context(true));
    int logins = fake.logins();
    fake.expireSessionsAfterCalls(2); // the third readMetadata, then the first partner query, meet INVALID_SESSION_ID

    var again = installer.install(context(true));

    assertThat(again).extracting(InstallStep::kind).containsOnly(Kind.PRESENT);
    assertThat(fake.logins()).as("one authentication for the run, one renewal per connection").isEqualTo(logins + 3);
  }

  @Test
  void checkNamesDriftedComponentsAndInstallPutsThemRight() {
    SalesforceFake fake = EXT.fake();
    installer.install(context(true));
    fake.adminEditsMetadata("WorkflowOutboundMessage", "Case." + PREFIX + "_Case", "endpointUrl",
        "https://old.example/webhooks/acme-eu");
    fake.adminEditsMetadata("Flow", PREFIX + "_EmailMessage", "status", "Draft");
    fake.adminDeletesMetadata("PermissionSet", PREFIX + "_Integration");

    List<InstallProblem> problems = installer.check(context(true));

    assertThat(problems).extracting(InstallProblem::toString).containsExactlyInAnyOrder(
        "Outbound Message " + PREFIX + "_Case on Case: sends to another endpoint URL than "
            + "https://deskbridge.acme.example/webhooks/acme-eu/***: run install --installation acme-eu",
        "record-triggered Flow " + PREFIX + "_EmailMessage on EmailMessage: is not active (status Draft): run install "
            + "--installation acme-eu",
        "permission set " + PREFIX + "_Integration: is not in the org: run install --installation acme-eu");

    var steps = installer.install(context(true));

    assertThat(lines(steps)).contains("UPDATED Outbound Message " + PREFIX + "_Case on Case sends to another "
        + "endpoint URL than https://deskbridge.acme.example/webhooks/acme-eu/***; deployed again",
        "CREATED permission set " + PREFIX + "_Integration (deployed)");
    assertThat(fake.metadataDeploys()).isEqualTo(2);
    assertThat(installer.check(context(true))).isEmpty();
  }

  @Test
  void withoutModifyMetadataOrWithDeployOffInstallWritesThePackageAndSaysItDidNotDeploy() {
    SalesforceFake fake = EXT.fake();
    fake.denyMetadataApi(true);

    var steps = installer.install(context(true));

    assertThat(steps).extracting(InstallStep::kind).containsExactly(Kind.CREATED, Kind.MANUAL);
    assertThat(steps.get(1).description()).startsWith("not deployed: Salesforce refused readMetadata "
        + "CustomField (INSUFFICIENT_ACCESS: ").contains("lacks \"Modify Metadata\"",
        "sf project deploy start --metadata-dir " + dir.resolve("install/acme-eu/salesforce").toAbsolutePath(),
        "sf org assign permset --name " + PREFIX + "_Integration --on-behalf-of deskbridge@acme.example");
    assertThat(Files.exists(dir.resolve("install/acme-eu/salesforce/package.xml"))).isTrue();
    assertThat(fake.metadataDeploys()).isZero();
    assertThat(installer.check(context(true))).as("falls back to comparing the generated package").isEmpty();

    fake.denyMetadataApi(false);
    int calls = fake.apiCalls();
    int logins = fake.logins();
    var off = installer.install(context(false));

    assertThat(off).extracting(InstallStep::kind).containsExactly(Kind.PRESENT, Kind.MANUAL);
    assertThat(off.get(1).description()).startsWith("not deployed (installations[acme-eu].settings.install.deploy "
        + "is false); deploy it with the Salesforce CLI");
    assertThat(fake.logins()).as("install.deploy false calls nothing").isEqualTo(logins);
    assertThat(fake.apiCalls()).isEqualTo(calls);
  }

  @Test
  void uninstallRemovesWhatInstallDeployedAndKeepsTheField() {
    SalesforceFake fake = EXT.fake();
    installer.install(context(true));

    var steps = installer.uninstall(context(true));

    assertThat(lines(steps)).as(lines(steps).toString()).contains(
        "REMOVED permission set assignment " + PREFIX + "_Integration to deskbridge@acme.example",
        "REMOVED record-triggered Flow " + PREFIX + "_Case on Case",
        "REMOVED Outbound Message " + PREFIX + "_CaseComment on CaseComment",
        "REMOVED permission set " + PREFIX + "_Integration");
    assertThat(steps).extracting(InstallStep::kind).containsOnly(Kind.REMOVED, Kind.PRESENT);
    assertThat(fake.metadata("Flow", PREFIX + "_Case")).isEmpty();
    assertThat(fake.metadata("WorkflowOutboundMessage", "EmailMessage." + PREFIX + "_EmailMessage")).isEmpty();
    assertThat(fake.metadata("PermissionSet", PREFIX + "_Integration")).isEmpty();
    assertThat(fake.metadata("CustomField", "Case.Deskbridge_Approved_At__c")).isPresent();
    assertThat(fake.permissionSetsOf(fake.integrationUserId())).isEmpty();
    assertThat(Files.exists(dir.resolve("install/acme-eu/salesforce/package.xml"))).isFalse();

    var again = installer.uninstall(context(true));

    assertThat(again).extracting(InstallStep::kind).containsOnly(Kind.ABSENT, Kind.PRESENT);
    assertThat(again).filteredOn(s -> s.kind() == Kind.ABSENT).hasSize(8);
  }

  @Test
  void aDryRunDeploysNothingAndDoesNotSayItDeployed() {
    SalesforceFake fake = EXT.fake();

    var steps = installer.install(context(true, true));

    assertThat(lines(steps)).as(lines(steps).toString()).contains(
        "CREATED record-triggered Flow " + PREFIX + "_Case on Case (would be deployed)",
        "CREATED permission set " + PREFIX + "_Integration (would be deployed)");
    assertThat(lines(steps)).noneMatch(l -> l.contains("(deployed)") || l.contains("; deployed again"));
    assertThat(fake.metadataDeploys()).isZero();
    assertThat(fake.metadata("Flow", PREFIX + "_Case")).isEmpty();

    installer.install(context(true));
    fake.adminEditsMetadata("Flow", PREFIX + "_EmailMessage", "status", "Draft");
    var drifted = installer.install(context(true, true));

    assertThat(lines(drifted)).contains("UPDATED record-triggered Flow " + PREFIX + "_EmailMessage on EmailMessage is "
        + "not active (status Draft); would be deployed again");
    assertThat(fake.metadataDeploys()).isEqualTo(1);
    assertThat(fake.metadata("Flow", PREFIX + "_EmailMessage")).get().asString().contains("<status>Draft</status>");
  }

  @Test
  void uninstallAfterAFlowWasDeletedRemovesTheRestAndCreatesNoFlow() {
    SalesforceFake fake = EXT.fake();
    installer.install(context(true));
    fake.adminDeletesMetadata("Flow", PREFIX + "_EmailMessage");

    var steps = installer.uninstall(context(true));

    assertThat(lines(steps)).as(lines(steps).toString()).contains(
        "ABSENT record-triggered Flow " + PREFIX + "_EmailMessage on EmailMessage",
        "REMOVED record-triggered Flow " + PREFIX + "_Case on Case",
        "REMOVED Outbound Message " + PREFIX + "_EmailMessage on EmailMessage",
        "REMOVED permission set " + PREFIX + "_Integration");
    assertOrgHoldsOnlyTheField(fake);
  }

  @Test
  void uninstallAfterAnOutboundMessageWasDeletedRemovesTheRest() {
    SalesforceFake fake = EXT.fake();
    installer.install(context(true));
    fake.adminDeletesMetadata("WorkflowOutboundMessage", "Case." + PREFIX + "_Case");

    var steps = installer.uninstall(context(true));

    assertThat(lines(steps)).as(lines(steps).toString()).contains(
        "ABSENT Outbound Message " + PREFIX + "_Case on Case",
        "REMOVED record-triggered Flow " + PREFIX + "_Case on Case",
        "REMOVED Outbound Message " + PREFIX + "_CaseComment on CaseComment");
    assertOrgHoldsOnlyTheField(fake);
  }

  @Test
  void uninstallWithNothingInstalledRemovesAndDeploysNothing() {
    SalesforceFake fake = EXT.fake();

    var steps = installer.uninstall(context(true));

    assertThat(steps).extracting(InstallStep::kind).as(lines(steps).toString()).containsOnly(Kind.ABSENT);
    assertThat(steps).hasSize(9);
    assertThat(fake.metadataDeploys()).isZero();
    assertThat(fake.metadata("Flow", PREFIX + "_Case")).isEmpty();
    assertThat(fake.metadata("CustomField", "Case.Deskbridge_Approved_At__c")).isEmpty();
  }

  private static void assertOrgHoldsOnlyTheField(SalesforceFake fake) {
    for (String object : List.of("Case", "EmailMessage", "CaseComment")) {
      assertThat(fake.metadata("Flow", PREFIX + "_" + object)).as("Flow on " + object).isEmpty();
      assertThat(fake.metadata("WorkflowOutboundMessage", object + "." + PREFIX + "_" + object))
          .as("Outbound Message on " + object).isEmpty();
    }
    assertThat(fake.metadata("PermissionSet", PREFIX + "_Integration")).isEmpty();
    assertThat(fake.permissionSetsOf(fake.integrationUserId())).isEmpty();
    assertThat(fake.metadata("CustomField", "Case.Deskbridge_Approved_At__c")).isPresent();
  }
}
