package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.Fault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Metadata SOAP API ({@code POST /services/Soap/m/{version}[/{orgId}]}) for the components Deskbridge's installer
 * deploys (salesforce.md §6): {@code deploy} of a zipped package ({@code package.xml}, optional
 * {@code destructiveChanges.xml}; rollback on any error), {@code checkDeployStatus} (Queued, then InProgress, then
 * the outcome with component successes and failures), {@code readMetadata} (an empty record for a name not there, as
 * Salesforce answers). It knows four types, stored as their XML: {@code CustomField} ({@code objects/X.object}),
 * {@code WorkflowOutboundMessage} ({@code workflows/X.workflow}), {@code Flow} ({@code flows/N.flow}),
 * {@code PermissionSet} ({@code permissionsets/N.permissionset}); a deployed permission set is also a
 * {@code PermissionSet} record of the partner API. Rules it enforces: a Flow's {@code outboundMessage} action must name
 * an Outbound Message that exists; an active Flow cannot be deleted; a permission set with assignments cannot be
 * deleted. Faults are the Metadata API's ({@code sf:CODE} in the metadata namespace, no detail wsc can bind): a user
 * without "Modify Metadata" gets {@code INSUFFICIENT_ACCESS}. Not thread-safe: {@link PartnerApi} calls it under its
 * lock.
 */
final class MetadataApi {
  static final String NS = "http://soap.sforce.com/2006/04/metadata";
  static final Set<String> OPERATIONS = Set.of("deploy", "checkDeployStatus", "readMetadata");
  static final String NO_MODIFY_METADATA = "use of the Metadata API requires a user with the ModifyAllData or "
      + "ModifyMetadata permissions";

  /** One deploy: its components and where it is. */
  private static final class Deploy {
    final String id;
    final String createdDate;
    final byte[] zip;
    final boolean rollbackOnError;
    int checks;
    String status = "Queued";
    final List<String> successes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    Deploy(String id, String createdDate, byte[] zip, boolean rollbackOnError) {
      this.id = id;
      this.createdDate = createdDate;
      this.zip = zip;
      this.rollbackOnError = rollbackOnError;
    }
  }

  private final Model model;
  private final Ids ids = new Ids();
  /** type → fullName → the component's element (children in the WSDL's order, fullName first). */
  private final Map<String, Map<String, Element>> components = new TreeMap<>();
  private final Map<String, Deploy> deploys = new LinkedHashMap<>();
  private final Document store = Xml.parse("<store/>".getBytes(StandardCharsets.UTF_8));
  private boolean denied;
  private int deployCount;

  MetadataApi(Model model) {
    this.model = model;
  }

  /** Whether the integration user lacks "Modify Metadata" (every call faults INSUFFICIENT_ACCESS). */
  void deny(boolean denied) {
    this.denied = denied;
  }

  int deploys() {
    return deployCount;
  }

  void reset() {
    components.clear();
    deploys.clear();
    denied = false;
    deployCount = 0;
    ids.reset();
  }

  /** The body of the answer to {@code op} (its response element), or throws an {@link ApiFault}-like fault. */
  String serve(Element op, String user) {
    if (denied) {
      throw new MetadataFault("INSUFFICIENT_ACCESS", NO_MODIFY_METADATA);
    }
    return switch (op.getLocalName()) {
      case "deploy" -> deploy(op, user);
      case "checkDeployStatus" -> checkDeployStatus(op);
      case "readMetadata" -> readMetadata(op);
      default -> throw new IllegalStateException(op.getLocalName());
    };
  }

  private String deploy(Element op, String user) {
    String base64 = Xml.text(op, "ZipFile");
    if (base64 == null || base64.isBlank()) {
      throw new MetadataFault("INVALID_CROSS_REFERENCE_KEY", "no zip file was given");
    }
    Element options = Xml.child(op, null, "DeployOptions");
    boolean rollback = options == null || !"false".equals(Xml.text(options, "rollbackOnError"));
    if (options != null && "true".equals(Xml.text(options, "checkOnly"))) {
      throw new MetadataFault("INVALID_OPERATION", "checkOnly deploys are not faked");
    }
    byte[] zip;
    try {
      zip = Base64.getMimeDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new MetadataFault("INVALID_CROSS_REFERENCE_KEY", "the zip file is not base64");
    }
    Deploy d = new Deploy(Ids.to18(ids.next("0Af").substring(0, 15)), model.now().toString(), zip, rollback);
    deploys.put(d.id, d);
    deployCount++;
    return "<deployResponse><result><done>false</done><id>" + d.id + "</id><state>Queued</state></result>"
        + "</deployResponse>";
  }

  private String checkDeployStatus(Element op) {
    String id = Xml.text(op, "asyncProcessId");
    Deploy d = id == null ? null : deploys.get(id.trim());
    if (d == null) {
      throw new MetadataFault("INVALID_ID_FIELD", "Invalid id: " + id);
    }
    d.checks++;
    if ("Queued".equals(d.status)) {
      d.status = "InProgress";
    } else if ("InProgress".equals(d.status)) {
      run(d);
    }
    boolean done = !d.status.equals("InProgress");
    boolean details = "true".equals(Xml.text(op, "includeDetails"));
    StringBuilder x = new StringBuilder("<checkDeployStatusResponse><result><checkOnly>false</checkOnly>");
    if (done) {
      x.append("<completedDate>").append(model.now()).append("</completedDate>");
    }
    x.append("<createdBy>").append(model.integrationUserId()).append("</createdBy>")
        .append("<createdByName>Deskbridge Integration</createdByName><createdDate>").append(d.createdDate)
        .append("</createdDate><details>");
    if (details) {
      d.failures.forEach(x::append);
      d.successes.forEach(x::append);
    }
    x.append("</details><done>").append(done).append("</done>");
    x.append("<id>").append(d.id).append("</id><ignoreWarnings>false</ignoreWarnings>")
        .append("<numberComponentErrors>").append(d.failures.size()).append("</numberComponentErrors>")
        .append("<numberComponentsDeployed>").append(d.status.equals("Succeeded") ? d.successes.size() : 0)
        .append("</numberComponentsDeployed><numberComponentsTotal>").append(d.successes.size() + d.failures.size())
        .append("</numberComponentsTotal><numberTestErrors>0</numberTestErrors>")
        .append("<numberTestsCompleted>0</numberTestsCompleted><numberTestsTotal>0</numberTestsTotal>")
        .append("<rollbackOnError>").append(d.rollbackOnError).append("</rollbackOnError>")
        .append("<runTestsEnabled>false</runTestsEnabled><status>").append(d.status).append("</status>")
        .append("<success>").append(d.status.equals("Succeeded")).append("</success></result>")
        .append("</checkDeployStatusResponse>");
    return x.toString();
  }

  private String readMetadata(Element op) {
    String type = Xml.text(op, "type");
    if (type == null || !DeployPackage.TYPES.contains(type)) {
      throw new MetadataFault("INVALID_TYPE", "Unknown type: " + type + " (the fake knows " + DeployPackage.TYPES
          + ")");
    }
    List<String> names = Xml.all(op, "fullNames").stream().map(e -> e.getTextContent().trim()).toList();
    if (names.size() > 10) {
      throw new MetadataFault("INVALID_OPERATION", "readMetadata takes at most 10 fullNames, was " + names.size());
    }
    StringBuilder x = new StringBuilder("<readMetadataResponse><result>");
    for (String name : names) {
      Element e = components.getOrDefault(type, Map.of()).get(name);
      x.append("<records xmlns:mdt=\"").append(NS).append("\" xsi:type=\"mdt:").append(type).append("\">");
      if (e != null) {
        x.append("<fullName>").append(Xml.escape(name)).append("</fullName>");
        for (Element c : Xml.children(e)) {
          if (!"fullName".equals(c.getLocalName())) {
            x.append(DeployPackage.serialize(c));
          }
        }
      }
      x.append("</records>");
    }
    return x.append("</result></readMetadataResponse>").toString();
  }

  /** Applies a deploy: every component checked first, then all written or (rollback) none. */
  private void run(Deploy d) {
    DeployPackage pkg;
    try {
      pkg = DeployPackage.read(new ZipInputStream(new ByteArrayInputStream(d.zip)));
    } catch (IOException | IllegalArgumentException e) {
      d.failures.add(message("package.xml", "", "", false, false, "the zip file cannot be read: " + e.getMessage()));
      d.status = "Failed";
      return;
    }
    Map<String, Map<String, Element>> after = new TreeMap<>();
    components.forEach((t, m) -> after.put(t, new LinkedHashMap<>(m)));
    for (DeployPackage.Component c : pkg.components()) {
      if (c.problem() != null) {
        d.failures.add(message(c.fileName(), c.type(), c.fullName(), false, false, c.problem()));
        continue;
      }
      boolean existed = after.getOrDefault(c.type(), Map.of()).containsKey(c.fullName());
      after.computeIfAbsent(c.type(), k -> new LinkedHashMap<>()).put(c.fullName(),
          (Element) store.importNode(c.element(), true));
      d.successes.add(message(c.fileName(), c.type(), c.fullName(), !existed, false, null));
    }
    for (DeployPackage.Component c : pkg.deletions()) {
      Element e = after.getOrDefault(c.type(), Map.of()).get(c.fullName());
      String problem = e == null ? "No " + c.type() + " named: " + c.fullName() + " found"
          : "Flow".equals(c.type()) && "Active".equals(Xml.text(e, "status"))
          ? "Cannot delete an active flow version: deactivate the flow " + c.fullName() + " first"
          : "PermissionSet".equals(c.type()) && assigned(c.fullName())
          ? "This permission set is assigned to users; remove the assignments first" : null;
      if (problem != null) {
        d.failures.add(message("destructiveChanges.xml", c.type(), c.fullName(), false, false, problem));
      } else {
        after.get(c.type()).remove(c.fullName());
        d.successes.add(message("destructiveChanges.xml", c.type(), c.fullName(), false, true, null));
      }
    }
    for (DeployPackage.Component c : pkg.components()) {
      if (c.problem() == null && "Flow".equals(c.type())) {
        String missing = missingAction(c.element(), after);
        if (missing != null) {
          d.failures.add(message(c.fileName(), c.type(), c.fullName(), false, false, missing));
        }
      }
    }
    if (!d.failures.isEmpty() && d.rollbackOnError) {
      d.successes.clear();
      d.status = "Failed";
      return;
    }
    Set<String> before = Set.copyOf(components.getOrDefault("PermissionSet", Map.of()).keySet());
    components.clear();
    components.putAll(after);
    Set<String> now = components.getOrDefault("PermissionSet", Map.of()).keySet();
    model.read(m -> {
      now.stream().filter(n -> !before.contains(n)).forEach(n -> {
        Model.Rec r = m.insert(Schema.PERMISSION_SET);
        r.values.put("Name", n);
        r.values.put("Label", Xml.text(components.get("PermissionSet").get(n), "label"));
      });
      m.all(Schema.PERMISSION_SET).stream().filter(r -> !now.contains(r.str("Name"))).forEach(r -> r.deleted = true);
      return null;
    });
    d.status = d.failures.isEmpty() ? "Succeeded" : "SucceededPartial";
  }

  private boolean assigned(String permissionSet) {
    return model.read(m -> m.all(Schema.PERMISSION_SET).stream().filter(r -> permissionSet.equals(r.str("Name")))
        .anyMatch(p -> m.all(Schema.PERMISSION_SET_ASSIGNMENT).stream()
            .anyMatch(a -> p.id.equals(a.str("PermissionSetId")))));
  }

  private static String missingAction(Element flow, Map<String, Map<String, Element>> after) {
    for (Element call : Xml.all(flow, "actionCalls")) {
      if ("outboundMessage".equals(Xml.text(call, "actionType"))) {
        String name = Xml.text(call, "actionName");
        if (name == null || !after.getOrDefault("WorkflowOutboundMessage", Map.of()).containsKey(name.trim())) {
          return "The action " + name + " of " + Xml.text(call, "name") + " is not an outbound message in this org";
        }
      }
    }
    return null;
  }

  private String message(String file, String type, String fullName, boolean created, boolean deleted,
      String problem) {
    boolean ok = problem == null;
    return (ok ? "<componentSuccesses>" : "<componentFailures>") + "<changed>" + (ok && !created && !deleted)
        + "</changed><componentType>" + Xml.escape(type) + "</componentType><created>" + (ok && created)
        + "</created><createdDate>" + model.now() + "</createdDate><deleted>" + deleted + "</deleted><fileName>"
        + Xml.escape(file) + "</fileName><fullName>" + Xml.escape(fullName) + "</fullName>"
        + (ok ? "" : "<problem>" + Xml.escape(problem) + "</problem><problemType>Error</problemType>")
        + "<success>" + ok + "</success>" + (ok ? "</componentSuccesses>" : "</componentFailures>");
  }

  /** A component's element as stored, for the fake's view; null when not there. */
  String component(String type, String fullName) {
    Element e = components.getOrDefault(type, Map.of()).get(fullName);
    return e == null ? null : DeployPackage.serialize(e);
  }

  /** An admin edits one field of a component in Setup (drift): the first child named {@code field} gets the text. */
  void edit(String type, String fullName, String field, String value) {
    Element e = components.getOrDefault(type, Map.of()).get(fullName);
    if (e == null) {
      throw new IllegalArgumentException("no " + type + " " + fullName + " in the fake's org");
    }
    Element f = Xml.child(e, null, field);
    if (f == null) {
      throw new IllegalArgumentException(type + " " + fullName + " has no " + field);
    }
    f.setTextContent(value);
  }

  /** An admin deletes a component in Setup. */
  void delete(String type, String fullName) {
    if (components.getOrDefault(type, Map.of()).remove(fullName) == null) {
      throw new IllegalArgumentException("no " + type + " " + fullName + " in the fake's org");
    }
  }

  /** A Metadata API fault: {@code sf:CODE} in the metadata namespace, HTTP 500, no detail. */
  static final class MetadataFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    MetadataFault(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    Fault.SoapFault toSoap() {
      return new Fault.SoapFault("sf:" + code, code + ": " + getMessage(), NS, null);
    }
  }
}
