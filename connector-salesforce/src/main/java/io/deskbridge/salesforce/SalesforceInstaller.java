package io.deskbridge.salesforce;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.GeneratedFile;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import io.deskbridge.salesforce.internal.install.SalesforceMetadataPackage;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Salesforce: {@code install} generates the installation's Metadata API package ({@link SalesforceMetadataPackage}:
 * the record-triggered Flows with their Outbound Message actions pointing at Deskbridge, the draft-approval field,
 * the integration user's permission set; {@code package.xml}) in {@code <output>/salesforce} and prints the exact
 * {@code sf} lines that deploy it and assign the permission set; {@code uninstall} generates the destructive package in
 * {@code <output>/salesforce-uninstall} and prints its line. Deploying is the admin's (the Salesforce CLI holds the
 * admin's login; the connector's own credentials are the integration user's, which may not deploy metadata).
 * {@code check} compares the generated package with what the configuration gives now; it cannot see the org's
 * metadata (that would need the Metadata or Tooling API) and Salesforce offers no test delivery.
 *
 * <p>The package holds the path token ({@code webhook.pathToken}) in the Outbound Messages' endpoint, as Salesforce
 * must: the files are readable by their owner only, and no step line shows the token.
 */
final class SalesforceInstaller implements Installer {
  static final String PACKAGE_DIR = "salesforce";
  static final String UNINSTALL_DIR = "salesforce-uninstall";

  @Override
  public List<InstallStep> install(InstallContext context) {
    var pkg = metadataPackage(context);
    var steps = new ArrayList<InstallStep>();
    steps.add(summarise(write(context, PACKAGE_DIR, pkg.files()), "Salesforce metadata package "
        + context.outputDirectory().resolve(PACKAGE_DIR) + " (Flows and Outbound Messages " + pkg.name("Case") + ", "
        + pkg.name("EmailMessage") + ", " + pkg.name("CaseComment") + " to " + shown(context) + "; field Case."
        + io.deskbridge.salesforce.internal.webhook.SalesforceWebhookEndpoint.DRAFT_APPROVED_AT + "; permission set "
        + pkg.permissionSet() + ")"));
    String org = orgAlias(context);
    steps.add(InstallStep.manual("deploy it with the Salesforce CLI, logged in as an admin:\n"
        + "sf org login web --instance-url " + instanceUrl(context.settings()) + " --alias " + org + "\n"
        + deployLine(context.outputDirectory().resolve(PACKAGE_DIR), org) + "\n"
        + "sf org assign permset --name " + pkg.permissionSet() + " --on-behalf-of " + pkg.integrationUser()
        + " --target-org " + org));
    return steps;
  }

  @Override
  public List<InstallStep> uninstall(InstallContext context) {
    var pkg = metadataPackage(context);
    var steps = new ArrayList<InstallStep>();
    for (var f : files(context, PACKAGE_DIR, pkg.files())) {
      f.remove(context.dryRun());
    }
    steps.add(summarise(write(context, UNINSTALL_DIR, pkg.destructiveFiles()), "Salesforce destructive package "
        + context.outputDirectory().resolve(UNINSTALL_DIR) + " (removes " + pkg.name("Case") + ", "
        + pkg.name("EmailMessage") + ", " + pkg.name("CaseComment") + " and " + pkg.permissionSet() + "; keeps the "
        + "field, whose removal deletes its data)"));
    steps.add(InstallStep.manual("deactivate the three Flows " + pkg.prefix() + "_* in Setup > Flows (Salesforce "
        + "deletes no active Flow), then:\n" + deployLine(context.outputDirectory().resolve(UNINSTALL_DIR),
        orgAlias(context))));
    return steps;
  }

  @Override
  public List<InstallProblem> check(InstallContext context) {
    var problems = new ArrayList<InstallProblem>();
    for (var f : files(context, PACKAGE_DIR, metadataPackage(context).files())) {
      f.problem(context.installationId()).ifPresent(problems::add);
    }
    return problems;
  }

  static String deployLine(Path dir, String org) {
    return "sf project deploy start --metadata-dir " + dir.toAbsolutePath() + " --target-org " + org + " --wait 10";
  }

  private static String orgAlias(InstallContext context) {
    return "deskbridge-" + context.installationId();
  }

  private static SalesforceMetadataPackage metadataPackage(InstallContext context) {
    var s = context.settings();
    var webhook = s.section("webhook");
    String token = webhook.raw("pathToken") == null ? "" : "/" + webhook.secret("pathToken").reveal();
    URI endpoint = URI.create(context.webhookUrl() + token);
    String user = s.optionalString("integrationUser").or(() -> s.section("auth").optionalString("username"))
        .orElseThrow(() -> s.invalid("integrationUser", "is required by install (auth.username is not set either): "
            + "the integration user's username, the Outbound Messages' user to send as"));
    return new SalesforceMetadataPackage(context.installationId(), endpoint, user,
        s.string("apiVersion", SalesforceConfig.DEFAULT_API_VERSION));
  }

  private static String instanceUrl(Settings s) {
    return s.uri("instanceUrl").toString();
  }

  /** The endpoint as shown: the path token as {@code ***}. */
  private static String shown(InstallContext context) {
    return context.webhookUrl() + (context.settings().section("webhook").raw("pathToken") == null ? "" : "/***");
  }

  private static List<GeneratedFile> files(InstallContext context, String dir, Map<String, String> files) {
    return files.entrySet().stream().map(e -> new GeneratedFile(context.outputDirectory().resolve(dir)
        .resolve(e.getKey()), e.getValue(), true, "Salesforce metadata")).toList();
  }

  private static List<InstallStep> write(InstallContext context, String dir, Map<String, String> files) {
    return files(context, dir, files).stream().map(f -> f.write(context.dryRun())).toList();
  }

  /** One step for a package: created when any file was, updated when any changed, else present. */
  private static InstallStep summarise(List<InstallStep> steps, String description) {
    var kinds = steps.stream().map(InstallStep::kind).toList();
    return kinds.contains(InstallStep.Kind.CREATED) && !kinds.contains(InstallStep.Kind.PRESENT)
        ? InstallStep.created(description)
        : kinds.stream().anyMatch(k -> k != InstallStep.Kind.PRESENT) ? InstallStep.updated(description)
        : InstallStep.present(description);
  }
}
