package io.deskbridge.salesforce;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.GeneratedFile;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.salesforce.internal.auth.SalesforceLogin;
import io.deskbridge.salesforce.internal.install.SalesforceComponents;
import io.deskbridge.salesforce.internal.install.SalesforceMetadataPackage;
import io.deskbridge.salesforce.internal.install.SalesforceOrgMetadata;
import io.deskbridge.salesforce.internal.webhook.SalesforceWebhookEndpoint;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce: {@code install} generates the installation's Metadata API package ({@link SalesforceMetadataPackage}:
 * the record-triggered Flows with their Outbound Message actions pointing at Deskbridge, the draft-approval field,
 * the integration user's permission set; {@code package.xml}) in {@code <output>/salesforce}, reads which of its
 * components the org has ({@code readMetadata}, compared by {@link SalesforceComponents}), deploys the package when
 * any is missing or drifted ({@code deploy} + {@code checkDeployStatus}, all or nothing) and assigns the permission
 * set to the integration user (a {@code PermissionSetAssignment} through the partner API); a second run reads, finds
 * everything present and deploys nothing; a dry run reads but deploys nothing. {@code uninstall} removes the
 * assignment, deactivates the Flows the org has and deletes the Flows, Outbound Messages and permission set it has,
 * and nothing else (a partial install leaves nothing behind; the field stays: removing it deletes its data).
 * {@code check} names each component missing or drifted and a missing assignment.
 *
 * <p>Fallback: with {@code install.deploy: false}, or when Salesforce refuses the Metadata API to the connector's user
 * ({@code INSUFFICIENT_ACCESS}: no "Modify Metadata"), install only writes the package and prints the {@code sf}
 * lines an admin runs, saying it was not deployed; uninstall writes the destructive package and its line; check
 * compares the generated package with what the configuration gives now (it cannot see the org's metadata).
 *
 * <p>The package holds the path token ({@code webhook.pathToken}) in the Outbound Messages' endpoint, as Salesforce
 * must: the files are readable by their owner only, and no step line shows the token.
 */
final class SalesforceInstaller implements Installer {
  static final String PACKAGE_DIR = "salesforce";
  static final String UNINSTALL_DIR = "salesforce-uninstall";
  static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofMinutes(10);

  private final SalesforceOrgMetadata.Pause pause;

  SalesforceInstaller() {
    this(d -> Thread.sleep(d.toMillis()));
  }

  /** @param pause waits between deploy status checks */
  SalesforceInstaller(SalesforceOrgMetadata.Pause pause) {
    this.pause = pause;
  }

  @Override
  public List<InstallStep> install(InstallContext context) {
    var pkg = metadataPackage(context);
    var steps = new ArrayList<InstallStep>();
    steps.add(summarise(write(context, PACKAGE_DIR, pkg.files()), "Salesforce metadata package "
        + context.outputDirectory().resolve(PACKAGE_DIR) + " (Flows and Outbound Messages " + pkg.name("Case") + ", "
        + pkg.name("EmailMessage") + ", " + pkg.name("CaseComment") + " to " + shown(context) + "; field Case."
        + SalesforceWebhookEndpoint.DRAFT_APPROVED_AT + "; permission set " + pkg.permissionSet() + ")"));
    if (!deploys(context)) {
      steps.add(manualDeploy(context, pkg, "not deployed (" + context.settings().path() + ".install.deploy is "
          + "false)"));
      return steps;
    }
    try {
      var org = open(context);
      var states = read(org, pkg);
      if (!context.dryRun() && states.stream().anyMatch(s -> !s.ok())) {
        org.deploy(pkg.files());
      }
      String deployed = context.dryRun() ? "would be deployed" : "deployed";
      for (var s : states) {
        steps.add(!s.present() ? InstallStep.created(s.component() + " (" + deployed + ")")
            : s.drift().isPresent() ? InstallStep.updated(s.component() + " " + s.drift().get() + "; " + deployed
            + " again")
            : InstallStep.present(s.component().toString()));
      }
      steps.add(assign(context, org, pkg));
    } catch (SalesforceOrgMetadata.NoMetadataAccess e) {
      steps.add(manualDeploy(context, pkg, "not deployed: " + e.getMessage() + "; the user the connector "
          + "authenticates as lacks \"Modify Metadata\""));
    }
    return steps;
  }

  @Override
  public List<InstallStep> uninstall(InstallContext context) {
    var pkg = metadataPackage(context);
    var steps = new ArrayList<InstallStep>();
    for (var f : files(context, PACKAGE_DIR, pkg.files())) {
      f.remove(context.dryRun());
    }
    if (deploys(context)) {
      try {
        return removeFromOrg(context, open(context), pkg);
      } catch (SalesforceOrgMetadata.NoMetadataAccess e) {
        steps.add(InstallStep.manual("not removed from the org: " + e.getMessage() + "; an admin deploys the "
            + "destructive package below"));
      }
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
    var pkg = metadataPackage(context);
    var problems = new ArrayList<InstallProblem>();
    if (deploys(context)) {
      try {
        var org = open(context);
        String fix = "run install --installation " + context.installationId();
        for (var s : read(org, pkg)) {
          if (!s.present()) {
            problems.add(new InstallProblem(s.component().toString(), "is not in the org: " + fix));
          } else if (s.drift().isPresent()) {
            problems.add(new InstallProblem(s.component().toString(), s.drift().get() + ": " + fix));
          }
        }
        String what = "permission set " + pkg.permissionSet() + " of " + pkg.integrationUser();
        var user = org.userId(pkg.integrationUser());
        var set = org.permissionSetId(pkg.permissionSet());
        if (user.isEmpty()) {
          problems.add(new InstallProblem(what, "the org has no user " + pkg.integrationUser() + ": set "
              + context.settings().path() + ".integrationUser to the integration user's username"));
        } else if (set.isPresent() && org.assignmentId(user.get(), set.get()).isEmpty()) {
          problems.add(new InstallProblem(what, "is not assigned: " + fix));
        }
        return problems;
      } catch (SalesforceOrgMetadata.NoMetadataAccess e) {
        // the org's metadata cannot be read with the connector's user: compare the generated files, as without deploy
      }
    }
    for (var f : files(context, PACKAGE_DIR, pkg.files())) {
      f.problem(context.installationId()).ifPresent(problems::add);
    }
    return problems;
  }

  private List<InstallStep> removeFromOrg(InstallContext context, SalesforceOrgMetadata org,
      SalesforceMetadataPackage pkg) {
    var steps = new ArrayList<InstallStep>();
    String what = "permission set assignment " + pkg.permissionSet() + " to " + pkg.integrationUser();
    var user = org.userId(pkg.integrationUser());
    var set = org.permissionSetId(pkg.permissionSet());
    var assignment = user.isPresent() && set.isPresent() ? org.assignmentId(user.get(), set.get())
        : Optional.<String>empty();
    if (assignment.isPresent()) {
      if (!context.dryRun()) {
        org.unassign(assignment.get());
      }
      steps.add(InstallStep.removed(what));
    } else {
      steps.add(InstallStep.absent(what));
    }
    var all = read(org, pkg);
    boolean field = all.stream().anyMatch(s -> s.present() && s.component().type().equals("CustomField"));
    var states = all.stream().filter(s -> !s.component().type().equals("CustomField")).toList();
    var present = states.stream().filter(SalesforceComponents.State::present).map(s -> s.component().type() + " "
        + s.component().fullName()).collect(java.util.stream.Collectors.toSet());
    if (!context.dryRun() && !present.isEmpty()) {
      var deactivation = pkg.deactivationFiles((type, name) -> present.contains(type + " " + name));
      if (!deactivation.isEmpty()) {
        org.deploy(deactivation); // Salesforce deletes no active Flow
      }
      org.deploy(pkg.destructiveFiles((type, name) -> present.contains(type + " " + name)));
    }
    for (var s : states) {
      steps.add(s.present() ? InstallStep.removed(s.component().toString())
          : InstallStep.absent(s.component().toString()));
    }
    steps.add(field ? InstallStep.present("field Case." + SalesforceWebhookEndpoint.DRAFT_APPROVED_AT + " kept: "
        + "removing it deletes its data (delete it in Setup > Object Manager > Case if wanted)")
        : InstallStep.absent("field Case." + SalesforceWebhookEndpoint.DRAFT_APPROVED_AT));
    return steps;
  }

  private static List<SalesforceComponents.State> read(SalesforceOrgMetadata org, SalesforceMetadataPackage pkg) {
    var components = SalesforceComponents.of(pkg);
    var found = new java.util.HashMap<String, com.sforce.soap.metadata.Metadata>();
    SalesforceComponents.byType(components).forEach((type, names) ->
        org.read(type, names).forEach((name, m) -> found.put(type + " " + name, m)));
    return components.stream().map(c -> SalesforceComponents.state(c, found.get(c.type() + " " + c.fullName()),
        pkg)).toList();
  }

  private static InstallStep assign(InstallContext context, SalesforceOrgMetadata org,
      SalesforceMetadataPackage pkg) {
    String what = "permission set " + pkg.permissionSet() + " assigned to " + pkg.integrationUser();
    String userId = org.userId(pkg.integrationUser()).orElseThrow(() -> context.settings().invalid("integrationUser",
        "names no user of the org (" + pkg.integrationUser() + "): write the integration user's username"));
    var set = org.permissionSetId(pkg.permissionSet());
    if (set.isEmpty()) {
      if (context.dryRun()) {
        return InstallStep.created(what);
      }
      throw new VendorException(VendorException.Kind.INVALID, "the deploy succeeded but the org has no permission "
          + "set " + pkg.permissionSet() + ": see Setup > Deployment Status", null);
    }
    if (org.assignmentId(userId, set.get()).isPresent()) {
      return InstallStep.present(what);
    }
    if (!context.dryRun()) {
      try {
        org.assign(userId, set.get());
      } catch (VendorException e) {
        if (e.kind() != VendorException.Kind.FORBIDDEN) {
          throw e;
        }
        return InstallStep.manual("not assigned: " + e.getMessage() + "; an admin assigns it:\nsf org assign "
            + "permset --name " + pkg.permissionSet() + " --on-behalf-of " + pkg.integrationUser() + " --target-org "
            + orgAlias(context));
      }
    }
    return InstallStep.created(what);
  }

  private SalesforceOrgMetadata open(InstallContext context) {
    var s = context.settings();
    var config = SalesforceConfig.from(s);
    var login = new SalesforceLogin(config.auth(), config.instanceUrl(), config.apiVersion(), config.organizationId(),
        s.path(), config.connectTimeout(), config.readTimeout(), context.clock());
    return new SalesforceOrgMetadata(login, config.connectTimeout(), config.readTimeout(), context.clock(), pause,
        s.section("install").duration("deployTimeout", DEFAULT_DEPLOY_TIMEOUT));
  }

  private static boolean deploys(InstallContext context) {
    return context.settings().section("install").bool("deploy", true);
  }

  private static InstallStep manualDeploy(InstallContext context, SalesforceMetadataPackage pkg, String why) {
    String org = orgAlias(context);
    return InstallStep.manual(why + "; deploy it with the Salesforce CLI, logged in as an admin:\n"
        + "sf org login web --instance-url " + instanceUrl(context.settings()) + " --alias " + org + "\n"
        + deployLine(context.outputDirectory().resolve(PACKAGE_DIR), org) + "\n"
        + "sf org assign permset --name " + pkg.permissionSet() + " --on-behalf-of " + pkg.integrationUser()
        + " --target-org " + org);
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
