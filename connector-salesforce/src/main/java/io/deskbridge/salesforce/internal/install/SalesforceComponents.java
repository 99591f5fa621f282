package io.deskbridge.salesforce.internal.install;

import com.sforce.soap.metadata.CustomField;
import com.sforce.soap.metadata.Flow;
import com.sforce.soap.metadata.FlowActionCall;
import com.sforce.soap.metadata.FlowVersionStatus;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.PermissionSet;
import com.sforce.soap.metadata.PermissionSetUserPermission;
import com.sforce.soap.metadata.WorkflowOutboundMessage;
import io.deskbridge.salesforce.internal.webhook.SalesforceWebhookEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The components of a {@link SalesforceMetadataPackage} as the org holds them, and how install compares them: what
 * the org's {@code readMetadata} answer must have for each to count as install left it (the Outbound Message's
 * endpoint, user and fields; the Flow active and sending its Outbound Message; the field a DateTime; the permission
 * set granting the API and e-mail permissions). Other differences (an admin's description, layout positions) are
 * not drift. Pure.
 */
public final class SalesforceComponents {
  /**
   * One component.
   *
   * @param type     the Metadata API type
   * @param fullName its name as {@code readMetadata} takes it
   * @param what     how a step line names it
   */
  public record Component(String type, String fullName, String what) {
    @Override
    public String toString() {
      return what;
    }
  }

  /** A component's state in the org: missing, drifted (with the reason), or as install left it. */
  public record State(Component component, boolean present, Optional<String> drift) {
    public boolean ok() {
      return present && drift.isEmpty();
    }
  }

  private SalesforceComponents() {}

  /** Every component install deploys, in the order steps report them. */
  public static List<Component> of(SalesforceMetadataPackage pkg) {
    var out = new ArrayList<Component>();
    String field = SalesforceWebhookEndpoint.DRAFT_APPROVED_AT;
    out.add(new Component("CustomField", "Case." + field, "field Case." + field));
    for (String object : SalesforceMetadataPackage.OBJECTS) {
      out.add(new Component("WorkflowOutboundMessage", object + "." + pkg.name(object), "Outbound Message "
          + pkg.name(object) + " on " + object));
    }
    for (String object : SalesforceMetadataPackage.OBJECTS) {
      out.add(new Component("Flow", pkg.name(object), "record-triggered Flow " + pkg.name(object) + " on " + object));
    }
    out.add(new Component("PermissionSet", pkg.permissionSet(), "permission set " + pkg.permissionSet()));
    return out;
  }

  /** The components grouped by type, for one {@code readMetadata} per type. */
  public static Map<String, List<String>> byType(List<Component> components) {
    var out = new LinkedHashMap<String, List<String>>();
    components.forEach(c -> out.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c.fullName()));
    return out;
  }

  /** The state of {@code c} given what the org answered for it ({@code null}: not there). */
  public static State state(Component c, Metadata m, SalesforceMetadataPackage pkg) {
    if (m == null) {
      return new State(c, false, Optional.empty());
    }
    return new State(c, true, Optional.ofNullable(drift(c, m, pkg)));
  }

  private static String drift(Component c, Metadata m, SalesforceMetadataPackage pkg) {
    if (m instanceof WorkflowOutboundMessage om) {
      if (!pkg.endpoint().toString().equals(om.getEndpointUrl())) {
        return "sends to another endpoint URL than " + shown(pkg);
      }
      if (om.getIntegrationUser() == null || !om.getIntegrationUser().equalsIgnoreCase(pkg.integrationUser())) {
        return "sends as " + om.getIntegrationUser() + ", not " + pkg.integrationUser();
      }
      var want = new TreeSet<>(SalesforceMetadataPackage.FIELDS.get(c.fullName().substring(0,
          c.fullName().indexOf('.'))));
      want.removeAll(Arrays.asList(om.getFields() == null ? new String[0] : om.getFields()));
      return want.isEmpty() ? null : "lacks the fields " + String.join(", ", want);
    }
    if (m instanceof Flow flow) {
      if (flow.getStatus() != FlowVersionStatus.Active) {
        return "is not active (status " + flow.getStatus() + ")";
      }
      String object = c.fullName().substring(c.fullName().lastIndexOf('_') + 1);
      boolean sends = Arrays.stream(flow.getActionCalls() == null ? new FlowActionCall[0] : flow.getActionCalls())
          .anyMatch(a -> "outboundMessage".equalsIgnoreCase(String.valueOf(a.getActionType()))
              && (object + "." + pkg.name(object)).equals(a.getActionName()));
      return sends ? null : "does not send the Outbound Message " + object + "." + pkg.name(object);
    }
    if (m instanceof CustomField f) {
      return f.getType() != null && "DateTime".equals(f.getType().name()) ? null : "is not a DateTime field (type "
          + f.getType() + ")";
    }
    if (m instanceof PermissionSet ps) {
      Set<String> granted = new TreeSet<>();
      for (PermissionSetUserPermission p : ps.getUserPermissions() == null ? new PermissionSetUserPermission[0]
          : ps.getUserPermissions()) {
        if (p.isEnabled()) {
          granted.add(p.getName().toLowerCase(Locale.ROOT));
        }
      }
      var missing = SalesforceMetadataPackage.USER_PERMISSIONS.stream()
          .filter(p -> !granted.contains(p.toLowerCase(Locale.ROOT))).toList();
      return missing.isEmpty() ? null : "does not grant " + String.join(", ", missing);
    }
    return "came back as " + m.getClass().getSimpleName() + ", not " + c.type();
  }

  private static String shown(SalesforceMetadataPackage pkg) {
    String url = pkg.endpoint().toString();
    int webhooks = url.indexOf("/webhooks/");
    int token = webhooks < 0 ? -1 : url.indexOf('/', webhooks + "/webhooks/".length());
    return token < 0 ? url : url.substring(0, token) + "/***";
  }
}
