package io.deskbridge.salesforce.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outbound Message bodies shaped like Salesforce's (vendor contract §2.1: the outbound WSDL's sequence, enterprise
 * sObject namespace, {@code xsi:type}, nil SessionId, unselected fields absent), and the JSON form of the same.
 */
final class Envelopes {
  static final String ORG = "00D5g000000ABCDEAA";
  static final String INTEGRATION_USER = SalesforceIds.to18("0055g00000BOTUS");
  static final String BOT_QUEUE = SalesforceIds.to18("00G5g00000BOTQ1");
  static final String TIER1_QUEUE = SalesforceIds.to18("00G5g00000TIER1");
  static final String AGENT = SalesforceIds.to18("0055g00000AGENT");
  static final String PORTAL_USER = SalesforceIds.to18("0055g00000CUSTO");
  static final String CASE = SalesforceIds.to18("5005g00000XyZ12");

  private Envelopes() {}

  /** One notification: its id, the sObject type and the fields in the order given. */
  record N(String id, String type, Map<String, String> fields) {}

  static N n(String id, String type, String... keyValues) {
    var fields = new LinkedHashMap<String, String>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put(keyValues[i], keyValues[i + 1]);
    }
    return new N(id, type, fields);
  }

  static byte[] soap(String orgId, List<N> notifications) {
    var xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
        xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <soapenv:Body>
          <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
           <OrganizationId>%s</OrganizationId>
           <ActionId>04k5g000000XyZ1AAK</ActionId>
           <SessionId xsi:nil="true"/>
           <EnterpriseUrl>https://acme.my.salesforce.com/services/Soap/c/64.0/00D5g000000ABCD</EnterpriseUrl>
           <PartnerUrl>https://acme.my.salesforce.com/services/Soap/u/64.0/00D5g000000ABCD</PartnerUrl>
        """.formatted(orgId));
    for (N n : notifications) {
      xml.append("   <Notification>\n    <Id>").append(n.id()).append("</Id>\n")
          .append("    <sObject xsi:type=\"sf:").append(n.type())
          .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n");
      n.fields().forEach((k, v) -> xml.append("     <sf:").append(k).append('>').append(escape(v))
          .append("</sf:").append(k).append(">\n"));
      xml.append("    </sObject>\n   </Notification>\n");
    }
    xml.append("  </notifications>\n </soapenv:Body>\n</soapenv:Envelope>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(String orgId, List<N> notifications) {
    var out = new StringBuilder("{\"organizationId\":\"").append(orgId).append("\",\"notifications\":[");
    for (int i = 0; i < notifications.size(); i++) {
      N n = notifications.get(i);
      out.append(i == 0 ? "" : ",").append("{\"id\":\"").append(n.id()).append("\",\"sObject\":{\"type\":\"")
          .append(n.type()).append('"');
      n.fields().forEach((k, v) -> {
        out.append(",\"").append(k).append("\":");
        if (v.equals("true") || v.equals("false")) {
          out.append(v); // Flow sends booleans as JSON booleans
        } else {
          out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
      });
      out.append("}}");
    }
    return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ------------------------------------------------------------------ realistic notifications

  static N caseCreated(String notificationId) {
    return n(notificationId, "Case", "Id", CASE, "CaseNumber", "00001001", "Subject", "Printer on fire",
        "Description", "It smokes & beeps", "Status", "New", "IsClosed", "false", "Origin", "Web",
        "OwnerId", BOT_QUEUE, "SuppliedEmail", "c@x.com", "SuppliedName", "Carla Customer",
        "CreatedById", PORTAL_USER, "CreatedDate", "2026-12-03T18:00:00.000Z", "LastModifiedById", PORTAL_USER,
        "LastModifiedDate", "2026-12-03T18:00:00.000Z", "SystemModstamp", "2026-12-03T18:00:00.000Z");
  }

  static N caseWith(String notificationId, String ownerId, String modifiedBy, String status, boolean closed) {
    return n(notificationId, "Case", "Id", CASE, "CaseNumber", "00001001", "Subject", "Printer on fire",
        "Status", status, "IsClosed", Boolean.toString(closed), "Origin", "Email", "OwnerId", ownerId,
        "ContactId", "0035g00000CONTAAAA", "ContactEmail", "c@x.com", "CreatedById", PORTAL_USER,
        "CreatedDate", "2026-12-03T18:00:00.000Z", "LastModifiedById", modifiedBy,
        "LastModifiedDate", "2026-12-03T18:05:00.000Z", "SystemModstamp", "2026-12-03T18:05:01.000Z");
  }

  static N email(String notificationId, String emailId, boolean incoming, String createdBy, String status) {
    return n(notificationId, "EmailMessage", "Id", emailId, "ParentId", CASE, "Incoming", Boolean.toString(incoming),
        "FromAddress", incoming ? "c@x.com" : "support@acme.example", "FromName", incoming ? "Carla" : "Acme Support",
        "ToAddress", incoming ? "support@acme.example" : "c@x.com", "Subject", "Re: Printer on fire",
        "TextBody", incoming ? "Still smoking." : "Please unplug it.", "Status", status, "CreatedById", createdBy,
        "CreatedDate", "2026-12-03T18:06:00.000Z", "MessageDate", "2026-12-03T18:06:00.000Z");
  }

  static N comment(String notificationId, String commentId, boolean published, String createdBy, String body) {
    return n(notificationId, "CaseComment", "Id", commentId, "ParentId", CASE, "CommentBody", body,
        "IsPublished", Boolean.toString(published), "CreatedById", createdBy,
        "CreatedDate", "2026-12-03T18:07:00.000Z");
  }
}
