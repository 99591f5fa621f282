package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.salesforce.Model.SObjectIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A partner API request as force-wsc writes it (salesforce.md §1.3), read with a namespace-aware DOM: the headers
 * the fake honours ({@code SessionHeader}, {@code QueryOptions}, {@code AssignmentRuleHeader}) and the operation
 * element. Element order and prefixes do not matter. Immutable after parsing.
 *
 * @param operation the local name of the body's first element ({@code login}, {@code query}, ...)
 * @param op that element
 * @param sessionId the SessionHeader's id, or null
 * @param batchSize QueryOptions' batchSize, or null
 * @param useDefaultRule AssignmentRuleHeader's useDefaultRule
 * @param text the request as UTF-8 text (decompressed), for the journal
 */
record SoapRequest(String operation, Element op, String sessionId, Integer batchSize, boolean useDefaultRule,
    String text) {

  /**
   * Parses a request body (gzipped or not).
   *
   * @throws IllegalArgumentException when it is not a SOAP 1.1 envelope with a partner-namespace operation
   */
  static SoapRequest parse(byte[] body) {
    Document doc = Xml.parse(body);
    Element envelope = doc.getDocumentElement();
    if (!Xml.SOAP_ENV.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
      throw new IllegalArgumentException("the request is not a SOAP 1.1 Envelope");
    }
    Element header = Xml.child(envelope, Xml.SOAP_ENV, "Header");
    Element bodyEl = Xml.child(envelope, Xml.SOAP_ENV, "Body");
    if (bodyEl == null || Xml.children(bodyEl).isEmpty()) {
      throw new IllegalArgumentException("the SOAP Body is missing or empty");
    }
    Element op = Xml.children(bodyEl).get(0);
    if (!Xml.PARTNER.equals(op.getNamespaceURI())) {
      throw new IllegalArgumentException("unexpected element {" + op.getNamespaceURI() + "}" + op.getLocalName()
          + " in the SOAP Body; the partner API's namespace is " + Xml.PARTNER);
    }
    String sessionId = null;
    Integer batchSize = null;
    boolean useDefaultRule = false;
    if (header != null) {
      Element session = Xml.child(header, Xml.PARTNER, "SessionHeader");
      sessionId = session == null ? null : Xml.text(session, "sessionId");
      Element options = Xml.child(header, Xml.PARTNER, "QueryOptions");
      String size = options == null ? null : Xml.text(options, "batchSize");
      if (size != null) {
        try {
          batchSize = Integer.valueOf(size.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("QueryOptions batchSize is not a number: " + size);
        }
      }
      Element rule = Xml.child(header, Xml.PARTNER, "AssignmentRuleHeader");
      useDefaultRule = rule != null && "true".equals(Xml.text(rule, "useDefaultRule"));
    }
    String text = new String(Xml.gzipped(body) ? Xml.gunzip(body) : body, java.nio.charset.StandardCharsets.UTF_8);
    return new SoapRequest(op.getLocalName(), op, sessionId, batchSize, useDefaultRule, text);
  }

  /** The text of a direct child of the operation element, or null. */
  String arg(String name) {
    return Xml.text(op, name);
  }

  /** The texts of every direct child named {@code name}. */
  List<String> args(String name) {
    return Xml.all(op, name).stream().filter(e -> !Xml.nil(e)).map(Element::getTextContent).toList();
  }

  /** The {@code sObjects} of a create or update: type, Id, fieldsToNull and the other fields by local name. */
  List<SObjectIn> sObjects() {
    List<SObjectIn> out = new ArrayList<>();
    for (Element s : Xml.all(op, "sObjects")) {
      String type = null;
      String id = null;
      Map<String, String> fields = new LinkedHashMap<>();
      List<String> toNull = new ArrayList<>();
      for (Element f : Xml.children(s)) {
        switch (f.getLocalName()) {
          case "type" -> type = f.getTextContent().trim();
          case "Id" -> id = Xml.nil(f) ? null : f.getTextContent().trim();
          case "fieldsToNull" -> toNull.add(f.getTextContent().trim());
          default -> {
            if (!Xml.nil(f)) {
              fields.put(f.getLocalName(), f.getTextContent());
            }
          }
        }
      }
      out.add(new SObjectIn(type, id, fields, toNull));
    }
    return out;
  }

  /** The {@code messages} of a sendEmail (SingleEmailMessage elements, by local name). */
  List<Writes.EmailIn> emails() {
    List<Writes.EmailIn> out = new ArrayList<>();
    for (Element m : Xml.all(op, "messages")) {
      out.add(new Writes.EmailIn(texts(m, "toAddresses"), texts(m, "ccAddresses"), texts(m, "bccAddresses"),
          Xml.text(m, "subject"), Xml.text(m, "plainTextBody"), Xml.text(m, "htmlBody"), Xml.text(m, "whatId"),
          Xml.text(m, "targetObjectId"), "true".equals(Xml.text(m, "saveAsActivity")),
          Xml.text(m, "orgWideEmailAddressId"), Xml.text(m, "inReplyTo"), Xml.text(m, "references"),
          Xml.text(m, "senderDisplayName")));
    }
    return out;
  }

  private static List<String> texts(Element parent, String name) {
    return Xml.all(parent, name).stream().filter(e -> !Xml.nil(e)).map(Element::getTextContent).toList();
  }
}
