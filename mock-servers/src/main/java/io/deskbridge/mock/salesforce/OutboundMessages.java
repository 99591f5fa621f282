package io.deskbridge.mock.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Outbound Message wire shapes (salesforce.md §2.1, sf-contract §5) for the fake and for tests that craft their own:
 * the SOAP {@code notifications} envelope with the enterprise sObject namespace, its JSON twin, the acknowledgement
 * check (HTTP 200 and a parsable {@code notificationsResponse/Ack=true}), and Salesforce's delivery policy.
 * Stateless and thread-safe.
 */
public final class OutboundMessages {
  /** The most notifications one message carries. */
  public static final int MAX_NOTIFICATIONS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One notification: its id ({@code 04l…}, the dedupe key) and the sObject's fields in order ({@code Id} first
   * by convention); null values are omitted, as Salesforce omits empty fields.
   */
  public record Notification(String id, String sObjectType, Map<String, String> fields) {
    public Notification {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(sObjectType, "sObjectType");
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  private OutboundMessages() {}

  public static Notification notification(String id, String sObjectType, Map<String, String> fields) {
    return new Notification(id, sObjectType, fields);
  }

  /** The SOAP envelope Salesforce posts, with {@code SessionId} nil and the URLs on {@code instanceUrl}. */
  public static byte[] envelope(String orgId, String actionId, List<Notification> notifications) {
    return envelope(orgId, actionId, "https://acme.my.salesforce.com", null, notifications);
  }

  /** {@code sessionId} null: {@code <SessionId xsi:nil="true"/>} ("Send Session ID" unticked). */
  static byte[] envelope(String orgId, String actionId, String instanceUrl, String sessionId,
      List<Notification> notifications) {
    String org15 = orgId.length() >= 15 ? orgId.substring(0, 15) : orgId;
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<soapenv:Envelope xmlns:soapenv=\"").append(Xml.SOAP_ENV).append("\" xmlns:xsd=\"")
        .append("http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"").append(Xml.XSI).append("\"><soapenv:Body>")
        .append("<notifications xmlns=\"").append(Xml.OUTBOUND).append("\">")
        .append("<OrganizationId>").append(Xml.escape(orgId)).append("</OrganizationId>")
        .append("<ActionId>").append(Xml.escape(actionId)).append("</ActionId>")
        .append(sessionId == null ? "<SessionId xsi:nil=\"true\"/>"
            : "<SessionId>" + Xml.escape(sessionId) + "</SessionId>")
        .append("<EnterpriseUrl>").append(Xml.escape(instanceUrl)).append("/services/Soap/c/64.0/").append(org15)
        .append("</EnterpriseUrl><PartnerUrl>").append(Xml.escape(instanceUrl)).append("/services/Soap/u/64.0/")
        .append(org15).append("</PartnerUrl>");
    for (Notification n : notifications) {
      x.append("<Notification><Id>").append(Xml.escape(n.id())).append("</Id>")
          .append("<sObject xsi:type=\"sf:").append(Xml.escape(n.sObjectType())).append("\" xmlns:sf=\"")
          .append(Xml.ENTERPRISE_SOBJECT).append("\">");
      n.fields().forEach((k, v) -> {
        if (v != null) {
          x.append("<sf:").append(k).append('>').append(Xml.escape(v)).append("</sf:").append(k).append('>');
        }
      });
      x.append("</sObject></Notification>");
    }
    return x.append("</notifications></soapenv:Body></soapenv:Envelope>").toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON form (a Flow HTTP Callout): {@code {"organizationId":…,"notifications":[{"id":…,"sObject":{…}}]}}. */
  public static byte[] json(String orgId, List<Notification> notifications) {
    ObjectNode root = JSON.createObjectNode().put("organizationId", orgId);
    ArrayNode list = root.putArray("notifications");
    for (Notification n : notifications) {
      ObjectNode s = list.addObject().put("id", n.id()).putObject("sObject").put("type", n.sObjectType());
      n.fields().forEach((k, v) -> {
        if (v != null) {
          s.put(k, v);
        }
      });
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True for HTTP 200 whose body is a SOAP envelope with {@code notificationsResponse/Ack} = true (the WSDL's). */
  public static boolean acknowledged(RetryPolicy.Outcome.Response r) {
    if (r.status() != 200 || r.body() == null || r.body().length == 0) {
      return false;
    }
    try {
      Document doc = Xml.parse(r.body());
      Element env = doc.getDocumentElement();
      Element body = Xml.child(env, Xml.SOAP_ENV, "Body");
      Element response = body == null ? null : Xml.child(body, Xml.OUTBOUND, "notificationsResponse");
      Element ack = response == null ? null : Xml.child(response, Xml.OUTBOUND, "Ack");
      return Xml.SOAP_ENV.equals(env.getNamespaceURI()) && ack != null && "true".equals(ack.getTextContent().trim());
    } catch (IllegalArgumentException notXml) {
      return false;
    }
  }

  /**
   * Salesforce's schedule (salesforce.md §2.1): every failure retried, the wait doubling from 30 s up to 2 h, nothing
   * retried later than 24 h after the message was queued, retries out of order, acknowledged only by
   * {@link #acknowledged}; 10 s per attempt.
   */
  public static RetryPolicy salesforcePolicy() {
    return RetryPolicy.of(Duration.ofSeconds(10), Backoff.exponential(Duration.ofSeconds(30), Duration.ofHours(2)),
            List.of(Retry.anyFailure(Integer.MAX_VALUE)))
        .withMaxAge(Duration.ofHours(24)).withOrdered(false).withAcknowledged(OutboundMessages::acknowledged);
  }
}
