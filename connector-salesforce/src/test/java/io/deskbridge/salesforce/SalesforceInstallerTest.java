package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.InstallStep.Kind;
import io.deskbridge.core.spi.Installer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The metadata package {@code install} generates: every file well-formed Metadata API XML in its namespace;
 * {@code package.xml} lists exactly the components the files define; the Outbound Messages point at the installation's
 * webhook URL with the path token and carry the fields the webhook decoder reads; each Flow sends its object's Outbound
 * Message; the permission set covers the draft-approval field; a second install writes nothing; check reports a package
 * the configuration no longer gives; uninstall writes the destructive package. All with {@code install.deploy: false}
 * (the package only, the fallback); {@code SalesforceInstallIT} deploys it to the fake.
 */
class SalesforceInstallerTest {
  private static final String NS = "http://soap.sforce.com/2006/04/metadata";
  private static final URI PUBLIC = URI.create("https://deskbridge.acme.example");

  @TempDir
  Path dir;

  private final Installer installer = new SalesforceConnectorFactory().installer().orElseThrow();

  private Settings settings(String token, boolean withUser) {
    var values = new LinkedHashMap<String, Object>();
    values.put("instanceUrl", "https://acme.my.salesforce.com");
    values.put("organizationId", "00D5g000000ABCDEAA");
    values.put("auth", Map.of("flow", "client-credentials", "clientId", "3MVG9x"));
    values.put("botQueue", "Bot_Intake");
    values.put("webhook", Map.of("pathToken", Secret.of(token)));
    values.put("install", Map.of("deploy", false)); // the package only; SalesforceInstallIT deploys it
    if (withUser) {
      values.put("integrationUser", "deskbridge@acme.example");
    }
    return Settings.of("installations[acme-eu].settings", values);
  }

  private InstallContext context(Settings settings, boolean dryRun) {
    return new InstallContext("acme-eu", settings, Optional.of(PUBLIC), dir.resolve("install/acme-eu"), null, dryRun,
        false, Clock.systemUTC());
  }

  private static Document parse(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(file.toFile());
    assertThat(doc.getDocumentElement().getNamespaceURI()).as(file.toString()).isEqualTo(NS);
    return doc;
  }

  private static List<String> texts(Element parent, String tag) {
    var out = new ArrayList<String>();
    var nodes = parent.getElementsByTagNameNS(NS, tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().strip());
    }
    return out;
  }

  private static String text(Element parent, String tag) {
    return texts(parent, tag).get(0);
  }

  @Test
  void thePackageIsWellFormedAndNamesWhatTheConnectorExpects() throws Exception {
    var steps = installer.install(context(settings("s3cr3t-token", true), false));
    Path pkg = dir.resolve("install/acme-eu/salesforce");
    assertThat(steps).extracting(InstallStep::kind).containsExactly(Kind.CREATED, Kind.MANUAL);
    assertThat(steps.get(1).description()).startsWith("not deployed (installations[acme-eu].settings.install.deploy "
        + "is false)");
    assertThat(steps.get(1).description()).contains("sf project deploy start --metadata-dir " + pkg
        + " --target-org deskbridge-acme-eu --wait 10", "sf org assign permset --name Deskbridge_acme_eu_Integration "
        + "--on-behalf-of deskbridge@acme.example --target-org deskbridge-acme-eu");
    assertThat(steps.toString()).doesNotContain("s3cr3t-token").contains(PUBLIC + "/webhooks/acme-eu/***");

    var files = new TreeSet<String>();
    try (Stream<Path> walk = Files.walk(pkg)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.add(pkg.relativize(f).toString()));
    }
    assertThat(files).containsExactly("flows/Deskbridge_acme_eu_Case.flow", "flows/Deskbridge_acme_eu_CaseComment.flow",
        "flows/Deskbridge_acme_eu_EmailMessage.flow", "objects/Case.object", "package.xml",
        "permissionsets/Deskbridge_acme_eu_Integration.permissionset", "workflows/Case.workflow",
        "workflows/CaseComment.workflow", "workflows/EmailMessage.workflow");
    for (String f : files) {
      parse(pkg.resolve(f));
      assertThat(Files.getPosixFilePermissions(pkg.resolve(f))).as(f)
          .isEqualTo(PosixFilePermissions.fromString("rw-------")); // the endpoint holds the path token
    }

    // package.xml lists exactly what the files define
    Element manifest = parse(pkg.resolve("package.xml")).getDocumentElement();
    var listed = new LinkedHashMap<String, List<String>>();
    var types = manifest.getElementsByTagNameNS(NS, "types");
    for (int i = 0; i < types.getLength(); i++) {
      Element t = (Element) types.item(i);
      listed.put(text(t, "name"), texts(t, "members"));
    }
    assertThat(listed).containsOnlyKeys("CustomField", "Flow", "PermissionSet", "WorkflowOutboundMessage");
    assertThat(listed.get("CustomField")).containsExactly("Case.Deskbridge_Approved_At__c");
    assertThat(listed.get("Flow")).containsExactly("Deskbridge_acme_eu_Case", "Deskbridge_acme_eu_EmailMessage",
        "Deskbridge_acme_eu_CaseComment");
    assertThat(listed.get("PermissionSet")).containsExactly("Deskbridge_acme_eu_Integration");
    assertThat(text(manifest, "version")).isEqualTo("64.0");
    assertThat(text(parse(pkg.resolve("objects/Case.object")).getDocumentElement(), "fullName"))
        .isEqualTo("Deskbridge_Approved_At__c");

    // the Outbound Messages: the webhook URL with the token, the fields the decoder reads; each Flow sends its own
    var decoderReads = Map.of(
        "Case", List.of("Id", "OwnerId", "IsClosed", "CreatedDate", "LastModifiedDate", "LastModifiedById",
            "Deskbridge_Approved_At__c"),
        "EmailMessage", List.of("Id", "ParentId", "Incoming", "Status", "CreatedById", "MessageDate", "CreatedDate"),
        "CaseComment", List.of("Id", "ParentId", "IsPublished", "CreatedById", "CreatedDate"));
    var outbound = new ArrayList<String>();
    for (var e : decoderReads.entrySet()) {
      String object = e.getKey();
      Element om = (Element) parse(pkg.resolve("workflows/" + object + ".workflow")).getDocumentElement()
          .getElementsByTagNameNS(NS, "outboundMessages").item(0);
      String name = text(om, "fullName");
      outbound.add(object + "." + name);
      assertThat(text(om, "endpointUrl")).isEqualTo(PUBLIC + "/webhooks/acme-eu/s3cr3t-token");
      assertThat(texts(om, "fields")).containsAll(e.getValue());
      assertThat(text(om, "includeSessionId")).isEqualTo("false");
      assertThat(text(om, "integrationUser")).isEqualTo("deskbridge@acme.example");
      Element flow = parse(pkg.resolve("flows/Deskbridge_acme_eu_" + object + ".flow")).getDocumentElement();
      assertThat(text(flow, "actionName")).isEqualTo(object + "." + name);
      assertThat(text(flow, "actionType")).isEqualTo("outboundMessage");
      assertThat(text(flow, "object")).isEqualTo(object);
      assertThat(text(flow, "triggerType")).isEqualTo("RecordAfterSave");
      assertThat(text(flow, "recordTriggerType")).isEqualTo(object.equals("Case") ? "CreateAndUpdate" : "Create");
      assertThat(text(flow, "status")).isEqualTo("Active");
    }
    assertThat(listed.get("WorkflowOutboundMessage")).containsExactlyInAnyOrderElementsOf(outbound);

    Element permissions = parse(pkg.resolve("permissionsets/Deskbridge_acme_eu_Integration.permissionset"))
        .getDocumentElement();
    assertThat(texts(permissions, "field")).containsExactly("Case.Deskbridge_Approved_At__c");
    assertThat(texts(permissions, "object")).contains("Case", "EmailMessage");
    assertThat(texts(permissions, "name")).contains("ApiEnabled", "EmailSingle");
  }

  @Test
  void aSecondInstallWritesNothingAndCheckFollowsTheConfiguration() {
    assertThat(installer.install(context(settings("t1", true), true)).get(0).kind()).isEqualTo(Kind.CREATED);
    assertThat(dir.resolve("install")).doesNotExist(); // dry run
    assertThat(installer.check(context(settings("t1", true), true))).hasSize(9)
        .allSatisfy(p -> assertThat(p.problem()).isEqualTo("is missing: run install --installation acme-eu"));

    installer.install(context(settings("t1", true), false));
    assertThat(installer.install(context(settings("t1", true), false)).get(0).kind()).isEqualTo(Kind.PRESENT);
    assertThat(installer.check(context(settings("t1", true), true))).isEmpty();

    var drift = installer.check(context(settings("t2", true), true));
    assertThat(drift).extracting(p -> p.item()).containsExactly(
        "Salesforce metadata " + dir.resolve("install/acme-eu/salesforce/workflows/Case.workflow"),
        "Salesforce metadata " + dir.resolve("install/acme-eu/salesforce/workflows/EmailMessage.workflow"),
        "Salesforce metadata " + dir.resolve("install/acme-eu/salesforce/workflows/CaseComment.workflow"));
    assertThat(drift.toString()).doesNotContain("t1").doesNotContain("t2");
    assertThat(installer.install(context(settings("t2", true), false)).get(0).kind()).isEqualTo(Kind.UPDATED);
  }

  @Test
  void uninstallWritesTheDestructivePackageWithoutTheField() throws Exception {
    installer.install(context(settings("t1", true), false));
    var steps = installer.uninstall(context(settings("t1", true), false));
    assertThat(steps).extracting(InstallStep::kind).containsExactly(Kind.CREATED, Kind.MANUAL);
    Path out = dir.resolve("install/acme-eu/salesforce-uninstall");
    assertThat(steps.get(1).description()).contains("sf project deploy start --metadata-dir " + out);
    Element destructive = parse(out.resolve("destructiveChanges.xml")).getDocumentElement();
    assertThat(texts(destructive, "members")).containsExactlyInAnyOrder("Deskbridge_acme_eu_Case",
        "Deskbridge_acme_eu_EmailMessage", "Deskbridge_acme_eu_CaseComment", "Deskbridge_acme_eu_Integration",
        "Case.Deskbridge_acme_eu_Case", "EmailMessage.Deskbridge_acme_eu_EmailMessage",
        "CaseComment.Deskbridge_acme_eu_CaseComment");
    assertThat(texts(parse(out.resolve("package.xml")).getDocumentElement(), "types")).isEmpty();
    assertThat(dir.resolve("install/acme-eu/salesforce/package.xml")).doesNotExist();
  }

  @Test
  void theDeactivationPackageHoldsOnlyThePresentFlowsAndNoActionForAMissingOutboundMessage() throws Exception {
    var pkg = new io.deskbridge.salesforce.internal.install.SalesforceMetadataPackage("acme-eu",
        URI.create(PUBLIC + "/webhooks/acme-eu"), "deskbridge@acme.example", "62.0");
    var present = java.util.Set.of("Flow Deskbridge_acme_eu_Case", "Flow Deskbridge_acme_eu_CaseComment",
        "WorkflowOutboundMessage CaseComment.Deskbridge_acme_eu_CaseComment");

    var files = pkg.deactivationFiles((type, name) -> present.contains(type + " " + name));

    assertThat(files.keySet()).containsExactly("package.xml", "flows/Deskbridge_acme_eu_Case.flow",
        "flows/Deskbridge_acme_eu_CaseComment.flow");
    for (var f : files.entrySet()) {
      Files.createDirectories(dir.resolve(f.getKey()).getParent());
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    assertThat(texts(parse(dir.resolve("package.xml")).getDocumentElement(), "members")).containsExactly(
        "Deskbridge_acme_eu_Case", "Deskbridge_acme_eu_CaseComment");
    Element withAction = parse(dir.resolve("flows/Deskbridge_acme_eu_CaseComment.flow")).getDocumentElement();
    assertThat(text(withAction, "status")).isEqualTo("Obsolete");
    assertThat(texts(withAction, "actionName")).containsExactly("CaseComment.Deskbridge_acme_eu_CaseComment");
    Element withoutAction = parse(dir.resolve("flows/Deskbridge_acme_eu_Case.flow")).getDocumentElement();
    assertThat(text(withoutAction, "status")).isEqualTo("Obsolete");
    assertThat(texts(withoutAction, "actionCalls")).as("its Outbound Message is gone").isEmpty();
    assertThat(texts(withoutAction, "connector")).isEmpty();
    assertThat(text(withoutAction, "object")).isEqualTo("Case");

    assertThat(pkg.deactivationFiles((type, name) -> !type.equals("Flow"))).isEmpty();
  }

  @Test
  void withoutAnIntegrationUserInstallNamesTheSetting() {
    assertThatThrownBy(() -> installer.install(context(settings("t1", false), false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("installations[acme-eu].settings.integrationUser is required by install");
  }
}
