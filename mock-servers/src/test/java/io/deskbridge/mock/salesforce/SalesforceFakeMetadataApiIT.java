package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.metadata.DeployOptions;
import com.sforce.soap.metadata.DeployResult;
import com.sforce.soap.metadata.Flow;
import com.sforce.soap.metadata.FlowVersionStatus;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.PermissionSet;
import com.sforce.soap.metadata.WorkflowOutboundMessage;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake's Metadata API driven by the real client (force-metadata-api 62.0.0 on force-wsc 65.0.0): a deploy goes
 * Queued, InProgress, then Succeeded with its components, which {@code readMetadata} then answers typed; a Flow whose
 * Outbound Message is missing fails the whole deploy (nothing stored); an active Flow and an assigned permission set
 * cannot be deleted; a user without "Modify Metadata" gets INSUFFICIENT_ACCESS; an operation not faked fails loudly.
 */
class SalesforceFakeMetadataApiIT {
  @RegisterExtension
  static final SalesforceFakeExtension EXT = new SalesforceFakeExtension();
  private static final String NS = "http://soap.sforce.com/2006/04/metadata";

  static MetadataConnection metadata(SalesforceFake fake) throws ConnectionException {
    var cfg = new ConnectorConfig();
    cfg.setSessionId(fake.issueAccessToken());
    cfg.setServiceEndpoint(fake.instanceUrl() + "/services/Soap/m/62.0/" + fake.orgId().substring(0, 15));
    cfg.setAuthEndpoint(fake.instanceUrl() + "/services/Soap/u/65.0");
    cfg.setManualLogin(true);
    return new MetadataConnection(cfg);
  }

  private static String xml(String root, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NS + "\">" + body + "</" + root
        + ">";
  }

  private static String manifest(String types) {
    return xml("Package", types + "<version>64.0</version>");
  }

  private static String types(String name, String... members) {
    var b = new StringBuilder("<types>");
    for (String m : members) {
      b.append("<members>").append(m).append("</members>");
    }
    return b.append("<name>").append(name).append("</name></types>").toString();
  }

  private static String flow(String status, String action) {
    return xml("Flow", "<actionCalls><name>Notify</name><label>Notify</label><locationX>1</locationX>"
        + "<locationY>2</locationY><actionName>" + action + "</actionName><actionType>outboundMessage</actionType>"
        + "<inputParameters><name>contextId</name><value><elementReference>$Record.Id</elementReference></value>"
        + "</inputParameters></actionCalls><apiVersion>64.0</apiVersion><label>Notify Case</label>"
        + "<processType>AutoLaunchedFlow</processType><start><locationX>0</locationX><locationY>0</locationY>"
        + "<connector><targetReference>Notify</targetReference></connector><object>Case</object>"
        + "<recordTriggerType>CreateAndUpdate</recordTriggerType><triggerType>RecordAfterSave</triggerType></start>"
        + "<status>" + status + "</status>");
  }

  private static Map<String, String> fullPackage(String flowStatus) {
    var files = new LinkedHashMap<String, String>();
    files.put("package.xml", manifest(types("CustomField", "Case.Approved__c") + types("Flow", "Notify_Case")
        + types("PermissionSet", "Bot_Access") + types("WorkflowOutboundMessage", "Case.Notify_OM")));
    files.put("objects/Case.object", xml("CustomObject", "<fields><fullName>Approved__c</fullName>"
        + "<label>Approved</label><type>DateTime</type></fields>"));
    files.put("workflows/Case.workflow", xml("Workflow", "<outboundMessages><fullName>Notify_OM</fullName>"
        + "<apiVersion>64.0</apiVersion><endpointUrl>https://deskbridge.example/webhooks/acme</endpointUrl>"
        + "<fields>Id</fields><fields>Subject</fields><includeSessionId>false</includeSessionId>"
        + "<integrationUser>deskbridge@acme.example</integrationUser><name>Notify OM</name>"
        + "<protected>false</protected></outboundMessages>"));
    files.put("flows/Notify_Case.flow", flow(flowStatus, "Case.Notify_OM"));
    files.put("permissionsets/Bot_Access.permissionset", xml("PermissionSet", "<hasActivationRequired>false"
        + "</hasActivationRequired><label>Bot Access</label><userPermissions><enabled>true</enabled>"
        + "<name>ApiEnabled</name></userPermissions>"));
    return files;
  }

  private static byte[] zip(Map<String, String> files) throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Deploys and checks the status until done, asserting it is not done on the first check. */
  private static DeployResult deploy(MetadataConnection mc, Map<String, String> files) throws Exception {
    var options = new DeployOptions();
    options.setRollbackOnError(true);
    options.setSinglePackage(true);
    var async = mc.deploy(zip(files), options);
    assertThat(async.isDone()).isFalse();
    assertThat(async.getState().name()).isEqualTo("Queued");
    DeployResult first = mc.checkDeployStatus(async.getId(), true);
    assertThat(first.isDone()).isFalse();
    assertThat(first.getStatus().name()).isEqualTo("InProgress");
    DeployResult r = mc.checkDeployStatus(async.getId(), true);
    assertThat(r.isDone()).isTrue();
    return r;
  }

  @Test
  void aDeployIsPolledToSuccessAndReadMetadataAnswersTheComponentsTyped() throws Exception {
    SalesforceFake fake = EXT.fake();
    var mc = metadata(fake);
    DeployResult r = deploy(mc, fullPackage("Active"));

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.getStatus().name()).isEqualTo("Succeeded");
    assertThat(r.getNumberComponentsDeployed()).isEqualTo(4);
    assertThat(r.getDetails().getComponentSuccesses()).extracting(m -> m.getComponentType() + " " + m.getFullName())
        .containsExactlyInAnyOrder("CustomField Case.Approved__c", "Flow Notify_Case", "PermissionSet Bot_Access",
            "WorkflowOutboundMessage Case.Notify_OM");
    assertThat(r.getDetails().getComponentSuccesses()).allMatch(m -> m.isCreated());

    var om = (WorkflowOutboundMessage) mc.readMetadata("WorkflowOutboundMessage",
        new String[] {"Case.Notify_OM"}).getRecords()[0];
    assertThat(om.getFullName()).isEqualTo("Case.Notify_OM");
    assertThat(om.getEndpointUrl()).isEqualTo("https://deskbridge.example/webhooks/acme");
    assertThat(om.getFields()).containsExactly("Id", "Subject");
    assertThat(om.getIntegrationUser()).isEqualTo("deskbridge@acme.example");
    var flow = (Flow) mc.readMetadata("Flow", new String[] {"Notify_Case", "Nope"}).getRecords()[0];
    assertThat(flow.getStatus()).isEqualTo(FlowVersionStatus.Active);
    assertThat(flow.getActionCalls()[0].getActionName()).isEqualTo("Case.Notify_OM");
    assertThat(flow.getStart().getObject()).isEqualTo("Case");
    var records = mc.readMetadata("Flow", new String[] {"Notify_Case", "Nope"}).getRecords();
    assertThat(records).hasSize(2);
    assertThat(records[1].getFullName()).as("a name not there is an empty record").isNull();
    var ps = (PermissionSet) mc.readMetadata("PermissionSet", new String[] {"Bot_Access"}).getRecords()[0];
    assertThat(ps.getLabel()).isEqualTo("Bot Access");
    assertThat(ps.getUserPermissions()[0].getName()).isEqualTo("ApiEnabled");

    fake.adminEditsMetadata("Flow", "Notify_Case", "status", "Draft");
    assertThat(((Flow) mc.readMetadata("Flow", new String[] {"Notify_Case"}).getRecords()[0]).getStatus())
        .isEqualTo(FlowVersionStatus.Draft);
    DeployResult again = deploy(mc, fullPackage("Active"));
    assertThat(again.getDetails().getComponentSuccesses()).allMatch(m -> m.isChanged() && !m.isCreated());
    assertThat(fake.metadataDeploys()).isEqualTo(2);
  }

  @Test
  void aFlowWhoseOutboundMessageIsMissingFailsTheWholeDeploy() throws Exception {
    SalesforceFake fake = EXT.fake();
    var mc = metadata(fake);
    var files = new LinkedHashMap<String, String>();
    files.put("package.xml", manifest(types("CustomField", "Case.Approved__c") + types("Flow", "Notify_Case")));
    files.put("objects/Case.object", fullPackage("Active").get("objects/Case.object"));
    files.put("flows/Notify_Case.flow", flow("Active", "Case.Missing_OM"));

    DeployResult r = deploy(mc, files);

    assertThat(r.isSuccess()).isFalse();
    assertThat(r.getStatus().name()).isEqualTo("Failed");
    assertThat(r.getDetails().getComponentFailures()).singleElement()
        .satisfies(f -> assertThat(f.getProblem()).contains("Case.Missing_OM"));
    assertThat(fake.metadata("CustomField", "Case.Approved__c")).as("rolled back").isEmpty();
  }

  @Test
  void anActiveFlowAndAnAssignedPermissionSetCannotBeDeletedUntilDeactivatedAndUnassigned() throws Exception {
    SalesforceFake fake = EXT.fake();
    var mc = metadata(fake);
    assertThat(deploy(mc, fullPackage("Active")).isSuccess()).isTrue();
    PartnerConnection pc = SalesforceFakePartnerApiIT.connect(fake, false);
    String psId = pc.query("SELECT Id FROM PermissionSet WHERE Name = 'Bot_Access'").getRecords()[0].getId();
    var psa = new SObject("PermissionSetAssignment");
    psa.setField("AssigneeId", fake.integrationUserId());
    psa.setField("PermissionSetId", psId);
    String psaId = pc.create(new SObject[] {psa})[0].getId();
    assertThat(pc.create(new SObject[] {psa})[0].getErrors()[0].getStatusCode().name()).isEqualTo("DUPLICATE_VALUE");
    assertThat(fake.permissionSetsOf(fake.integrationUserId())).containsExactly("Bot_Access");

    var destructive = new LinkedHashMap<String, String>();
    destructive.put("package.xml", manifest(""));
    destructive.put("destructiveChanges.xml", manifest(types("Flow", "Notify_Case")
        + types("PermissionSet", "Bot_Access") + types("WorkflowOutboundMessage", "Case.Notify_OM")));
    DeployResult refused = deploy(mc, destructive);
    assertThat(refused.isSuccess()).isFalse();
    assertThat(refused.getDetails().getComponentFailures()).extracting(f -> f.getFullName())
        .containsExactlyInAnyOrder("Notify_Case", "Bot_Access");

    var deactivate = new LinkedHashMap<String, String>();
    deactivate.put("package.xml", manifest(types("Flow", "Notify_Case")));
    deactivate.put("flows/Notify_Case.flow", flow("Obsolete", "Case.Notify_OM"));
    assertThat(deploy(mc, deactivate).isSuccess()).isTrue();
    assertThat(pc.delete(new String[] {psaId})[0].isSuccess()).isTrue();
    DeployResult removed = deploy(mc, destructive);

    assertThat(removed.isSuccess()).isTrue();
    assertThat(removed.getDetails().getComponentSuccesses()).allMatch(m -> m.isDeleted());
    assertThat(fake.metadata("Flow", "Notify_Case")).isEmpty();
    assertThat(fake.metadata("WorkflowOutboundMessage", "Case.Notify_OM")).isEmpty();
    assertThat(fake.metadata("CustomField", "Case.Approved__c")).isPresent();
    assertThat(pc.query("SELECT Id FROM PermissionSet WHERE Name = 'Bot_Access'").getSize()).isZero();
  }

  @Test
  void aUserWithoutModifyMetadataGetsInsufficientAccessAndUnfakedOperationsFailLoudly() throws Exception {
    SalesforceFake fake = EXT.fake();
    var mc = metadata(fake);
    fake.denyMetadataApi(true);
    assertThatThrownBy(() -> mc.readMetadata("Flow", new String[] {"X"}))
        .isInstanceOfSatisfying(SoapFaultException.class, f -> {
          assertThat(f.getFaultCode().getLocalPart()).isEqualTo("INSUFFICIENT_ACCESS");
          assertThat(f.getMessage()).contains("ModifyMetadata");
        });
    assertThat(fake.metadataDeploys()).isZero();
    fake.denyMetadataApi(false);

    try (var own = SalesforceFake.start()) { // its own fake: the extension fails a test that leaves unmatched requests
      var other = metadata(own);
      assertThatThrownBy(() -> other.listMetadata(new com.sforce.soap.metadata.ListMetadataQuery[0], 62.0))
          .isInstanceOf(ConnectionException.class);
      assertThat(own.unmatchedRequests()).singleElement().asString().contains("listMetadata");
    }

    fake.expireSessions();
    assertThatThrownBy(() -> mc.readMetadata("Flow", new String[] {"X"}))
        .isInstanceOfSatisfying(SoapFaultException.class,
            f -> assertThat(f.getFaultCode().getLocalPart()).isEqualTo("INVALID_SESSION_ID"));
  }
}
