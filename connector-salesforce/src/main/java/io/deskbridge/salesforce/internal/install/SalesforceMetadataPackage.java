package io.deskbridge.salesforce.internal.install;

import io.deskbridge.salesforce.internal.webhook.SalesforceWebhookEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Metadata API package (the {@code --metadata-dir} format of {@code sf project deploy start}) that registers one
 * installation in a Salesforce org: per object (Case, EmailMessage, CaseComment) an Outbound Message to Deskbridge
 * carrying the fields the webhook decoder reads, and a record-triggered Flow (after save) whose one action sends it;
 * the Case field {@value SalesforceWebhookEndpoint#DRAFT_APPROVED_AT} that approves drafts; and a permission set for
 * the integration user (API, e-mail, the objects the connector reads and writes). Names carry the installation id
 * ({@code Deskbridge_<id>_Case}), so several installations live side by side and uninstall finds its own. Also the
 * destructive package that removes them again (the field stays: removing it deletes its data).
 *
 * <p>The XML follows the Metadata API's documented types (Workflow {@code outboundMessages}, Flow {@code actionCalls}
 * of type {@code outboundMessage}, CustomObject {@code fields}, PermissionSet); it has not been deployed to a real org
 * from this build.
 *
 * @param installationId  the installation's id
 * @param endpoint        the Outbound Messages' endpoint URL, the path token included when configured
 * @param integrationUser the integration user's username: the Outbound Messages' "user to send as"
 * @param apiVersion      the Metadata API version, e.g. {@code 64.0}
 */
public record SalesforceMetadataPackage(String installationId, URI endpoint, String integrationUser,
    String apiVersion) {
  static final String NS = "http://soap.sforce.com/2006/04/metadata";
  /** The fields each object's Outbound Message carries: what {@code SalesforceWebhookDecoder} reads, and the audit's. */
  public static final Map<String, List<String>> FIELDS = Map.of(
      "Case", List.of("Id", "OwnerId", "IsClosed", "CreatedDate", "LastModifiedDate", "LastModifiedById",
          "CaseNumber", "Subject", "Status", "Origin", "ContactId", "ContactEmail", "SuppliedEmail", "SuppliedName",
          "SystemModstamp", SalesforceWebhookEndpoint.DRAFT_APPROVED_AT),
      "EmailMessage", List.of("Id", "ParentId", "Incoming", "Status", "CreatedById", "CreatedDate", "MessageDate",
          "FromAddress"),
      "CaseComment", List.of("Id", "ParentId", "IsPublished", "CreatedById", "CreatedDate"));
  /** The user permissions the permission set grants. */
  public static final List<String> USER_PERMISSIONS = List.of("ApiEnabled", "EmailSingle", "TransferAnyCase");
  /** The objects, in the order their parts are written. */
  public static final List<String> OBJECTS = List.of("Case", "EmailMessage", "CaseComment");

  public SalesforceMetadataPackage {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(integrationUser, "integrationUser");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }

  /** {@code Deskbridge_<id>}: the installation id as a Salesforce API name part (letters, digits, single {@code _}). */
  public String prefix() {
    String id = installationId.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    return "Deskbridge_" + (id.isEmpty() ? "x" : id);
  }

  /** The Outbound Message's (and the Flow's) name for an object, e.g. {@code Deskbridge_acme_Case}. */
  public String name(String object) {
    return prefix() + "_" + object;
  }

  /** The permission set's name. */
  public String permissionSet() {
    return prefix() + "_Integration";
  }

  /** The deployable package: relative path to file content, {@code package.xml} first. */
  public Map<String, String> files() {
    var files = new LinkedHashMap<String, String>();
    files.put("package.xml", packageXml());
    files.put("objects/Case.object", caseObject());
    for (String object : OBJECTS) {
      files.put("workflows/" + object + ".workflow", workflow(object));
      files.put("flows/" + name(object) + ".flow", flow(object, "Active"));
    }
    files.put("permissionsets/" + permissionSet() + ".permissionset", permissionSetXml());
    return files;
  }

  /**
   * The package that deactivates those of the three Flows {@code present} accepts ({@code present("Flow", name)}),
   * each deployed again with status {@code Obsolete}, which Salesforce requires before it deletes a Flow; empty when
   * it accepts none. A Flow whose Outbound Message {@code present} does not accept
   * ({@code present("WorkflowOutboundMessage", "Case.<name>")}) is deployed without its action, which would name a
   * missing Outbound Message and fail the deploy. The predicate is the org's state as uninstall read it: a Flow it
   * does not accept is not deployed, so none is created only to be left behind.
   */
  public Map<String, String> deactivationFiles(java.util.function.BiPredicate<String, String> present) {
    var objects = OBJECTS.stream().filter(o -> present.test("Flow", name(o))).toList();
    if (objects.isEmpty()) {
      return Map.of();
    }
    var files = new LinkedHashMap<String, String>();
    files.put("package.xml", xml("Package", types("Flow", objects.stream().map(this::name).toList())
        + "    <version>" + apiVersion + "</version>\n"));
    for (String object : objects) {
      String flow = flow(object, "Obsolete");
      if (!present.test("WorkflowOutboundMessage", object + "." + name(object))) {
        flow = withoutAction(flow);
      }
      files.put("flows/" + name(object) + ".flow", flow);
    }
    return files;
  }

  /** The Flow with no action and its start connected to nothing. */
  private static String withoutAction(String flow) {
    return flow.replaceFirst("(?s)    <actionCalls>.*?</actionCalls>\n", "")
        .replaceFirst("(?s)        <connector>.*?</connector>\n", "");
  }

  /** The package that removes the Flows, the Outbound Messages and the permission set. */
  public Map<String, String> destructiveFiles() {
    return destructiveFiles((type, member) -> true);
  }

  /** The package that removes those of the Flows, Outbound Messages and permission set {@code include} accepts. */
  public Map<String, String> destructiveFiles(java.util.function.BiPredicate<String, String> include) {
    var files = new LinkedHashMap<String, String>();
    files.put("package.xml", xml("Package", "    <version>" + apiVersion + "</version>\n"));
    var b = new StringBuilder();
    b.append(types("Flow", OBJECTS.stream().map(this::name).filter(n -> include.test("Flow", n)).toList()));
    b.append(types("PermissionSet", List.of(permissionSet()).stream().filter(n -> include.test("PermissionSet", n))
        .toList()));
    b.append(types("WorkflowOutboundMessage", OBJECTS.stream().map(o -> o + "." + name(o))
        .filter(n -> include.test("WorkflowOutboundMessage", n)).toList()));
    files.put("destructiveChanges.xml", xml("Package", b.toString()));
    return files;
  }

  private String packageXml() {
    var b = new StringBuilder();
    b.append(types("CustomField", List.of("Case." + SalesforceWebhookEndpoint.DRAFT_APPROVED_AT)));
    b.append(types("Flow", OBJECTS.stream().map(this::name).toList()));
    b.append(types("PermissionSet", List.of(permissionSet())));
    b.append(types("WorkflowOutboundMessage", OBJECTS.stream().map(o -> o + "." + name(o)).toList()));
    return xml("Package", b + "    <version>" + apiVersion + "</version>\n");
  }

  private static String types(String type, List<String> members) {
    if (members.isEmpty()) {
      return "";
    }
    var b = new StringBuilder("    <types>\n");
    members.forEach(m -> b.append("        <members>").append(esc(m)).append("</members>\n"));
    return b.append("        <name>").append(type).append("</name>\n    </types>\n").toString();
  }

  private String caseObject() {
    return xml("CustomObject", """
            <fields>
                <fullName>%s</fullName>
                <description>Set by an agent's "Approve draft" action: Deskbridge then sends its pending draft as the reply.</description>
                <externalId>false</externalId>
                <label>Deskbridge approved at</label>
                <required>false</required>
                <trackTrending>false</trackTrending>
                <type>DateTime</type>
            </fields>
        """.formatted(SalesforceWebhookEndpoint.DRAFT_APPROVED_AT));
  }

  private String workflow(String object) {
    var b = new StringBuilder();
    b.append("    <outboundMessages>\n");
    b.append("        <fullName>").append(name(object)).append("</fullName>\n");
    b.append("        <apiVersion>").append(esc(apiVersion)).append("</apiVersion>\n");
    b.append("        <description>").append(esc("Deskbridge installation " + installationId + ": " + object
        + " changes")).append("</description>\n");
    b.append("        <endpointUrl>").append(esc(endpoint.toString())).append("</endpointUrl>\n");
    FIELDS.get(object).forEach(f -> b.append("        <fields>").append(f).append("</fields>\n"));
    b.append("        <includeSessionId>false</includeSessionId>\n");
    b.append("        <integrationUser>").append(esc(integrationUser)).append("</integrationUser>\n");
    b.append("        <name>").append(esc(name(object).replace('_', ' '))).append("</name>\n");
    b.append("        <protected>false</protected>\n");
    b.append("        <useDeadLetterQueue>false</useDeadLetterQueue>\n");
    b.append("    </outboundMessages>\n");
    return xml("Workflow", b.toString());
  }

  private String flow(String object, String status) {
    String trigger = object.equals("Case") ? "CreateAndUpdate" : "Create";
    return xml("Flow", """
            <actionCalls>
                <name>Notify_Deskbridge</name>
                <label>Notify Deskbridge</label>
                <locationX>176</locationX>
                <locationY>323</locationY>
                <actionName>%1$s.%2$s</actionName>
                <actionType>outboundMessage</actionType>
                <flowTransactionModel>CurrentTransaction</flowTransactionModel>
                <inputParameters>
                    <name>contextId</name>
                    <value>
                        <elementReference>$Record.Id</elementReference>
                    </value>
                </inputParameters>
            </actionCalls>
            <apiVersion>%3$s</apiVersion>
            <description>Deskbridge installation %4$s: sends the Outbound Message %2$s after each %5$s %1$s.</description>
            <label>%6$s</label>
            <processType>AutoLaunchedFlow</processType>
            <start>
                <locationX>50</locationX>
                <locationY>0</locationY>
                <connector>
                    <targetReference>Notify_Deskbridge</targetReference>
                </connector>
                <object>%1$s</object>
                <recordTriggerType>%7$s</recordTriggerType>
                <triggerType>RecordAfterSave</triggerType>
            </start>
            <status>%8$s</status>
        """.formatted(object, name(object), esc(apiVersion), esc(installationId),
        trigger.equals("Create") ? "new" : "new or changed", esc(name(object).replace('_', ' ')), trigger, status));
  }

  private String permissionSetXml() {
    var b = new StringBuilder();
    b.append("    <description>").append(esc("Deskbridge installation " + installationId
        + ": what the integration user needs")).append("</description>\n");
    b.append("""
            <fieldPermissions>
                <editable>true</editable>
                <field>Case.%s</field>
                <readable>true</readable>
            </fieldPermissions>
            <hasActivationRequired>false</hasActivationRequired>
        """.formatted(SalesforceWebhookEndpoint.DRAFT_APPROVED_AT));
    b.append("    <label>").append(esc(permissionSet().replace('_', ' '))).append("</label>\n");
    b.append(objectPermission("Case", true, true, true));
    b.append(objectPermission("Contact", false, false, false));
    b.append(objectPermission("EmailMessage", true, false, false));
    for (String permission : USER_PERMISSIONS) {
      b.append("    <userPermissions>\n        <enabled>true</enabled>\n        <name>").append(permission)
          .append("</name>\n    </userPermissions>\n");
    }
    return xml("PermissionSet", b.toString());
  }

  private static String objectPermission(String object, boolean create, boolean edit, boolean all) {
    return """
            <objectPermissions>
                <allowCreate>%s</allowCreate>
                <allowDelete>false</allowDelete>
                <allowEdit>%s</allowEdit>
                <allowRead>true</allowRead>
                <modifyAllRecords>%s</modifyAllRecords>
                <object>%s</object>
                <viewAllRecords>%s</viewAllRecords>
            </objectPermissions>
        """.formatted(create, edit, all, object, all);
  }

  private static String xml(String root, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NS + "\">\n" + body + "</" + root
        + ">\n";
  }

  static String esc(String text) {
    var b = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "SalesforceMetadataPackage[" + installationId + ", " + integrationUser + ", " + apiVersion + "]";
  }
}
