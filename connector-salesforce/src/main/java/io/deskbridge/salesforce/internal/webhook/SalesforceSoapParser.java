package io.deskbridge.salesforce.internal.webhook;

import io.deskbridge.core.webhook.WebhookRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an Outbound Message: a SOAP 1.1 envelope whose body holds {@code notifications} in the
 * {@value #OUTBOUND} namespace ({@code OrganizationId}, {@code ActionId}, {@code SessionId}, the two URLs, then up
 * to 100 {@code Notification}s, each an {@code Id} and an {@code sObject} typed by {@code xsi:type} whose fields
 * are child elements). Uses the JDK's namespace-aware DOM parser with DTDs, external entities and XInclude off, so
 * a body can neither read files nor expand entities. Anything else is refused with 400 and a reason. Thread-safe.
 */
final class SalesforceSoapParser {
  static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String OUTBOUND = "http://soap.sforce.com/2005/09/outbound";
  private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  /** The deepest element nesting read (an Outbound Message needs 6, with a relationship field 7). */
  private static final String MAX_DEPTH = "32";

  private static final DocumentBuilderFactory FACTORY = factory();
  /** A DocumentBuilder is not thread-safe; one per thread, reset after each parse. */
  private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SalesforceSoapParser::builder);
  private static final ErrorHandler STRICT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // warnings do not make a document unreadable
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  SalesforceOutboundMessage parse(byte[] body) {
    Document document;
    DocumentBuilder builder = BUILDER.get();
    builder.setErrorHandler(STRICT); // reset() puts back the default, which prints to stderr
    try {
      document = builder.parse(new ByteArrayInputStream(body));
    } catch (SAXParseException e) {
      throw WebhookRejectedException.badRequest("body is not well-formed XML (line " + e.getLineNumber() + "): "
          + firstLine(e.getMessage()));
    } catch (SAXException | IOException e) {
      throw WebhookRejectedException.badRequest("body is not readable XML: " + firstLine(e.getMessage()));
    } finally {
      builder.reset();
    }
    Element envelope = document.getDocumentElement();
    if (!is(envelope, SOAP_ENV, "Envelope")) {
      throw WebhookRejectedException.badRequest("body is not a SOAP 1.1 Envelope");
    }
    Element body1 = onlyChild(envelope, SOAP_ENV, "Body", "Envelope");
    Element notifications = onlyChild(body1, OUTBOUND, "notifications", "Body");
    String organizationId = "";
    var list = new ArrayList<SalesforceOutboundMessage.Notification>();
    for (Node n = notifications.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      if (is(e, OUTBOUND, "OrganizationId")) {
        organizationId = e.getTextContent().strip();
      } else if (is(e, OUTBOUND, "Notification")) {
        if (list.size() == SalesforceOutboundMessage.MAX_NOTIFICATIONS) {
          throw WebhookRejectedException.badRequest("more than " + SalesforceOutboundMessage.MAX_NOTIFICATIONS
              + " Notification elements in one message");
        }
        list.add(notification(e, list.size()));
      }
    }
    if (organizationId.isEmpty()) {
      throw WebhookRejectedException.badRequest("notifications has no OrganizationId");
    }
    return new SalesforceOutboundMessage(organizationId, list);
  }

  private static SalesforceOutboundMessage.Notification notification(Element notification, int index) {
    String where = "Notification " + (index + 1);
    Element id = onlyChild(notification, OUTBOUND, "Id", where);
    Element sObject = onlyChild(notification, OUTBOUND, "sObject", where);
    String type = sObject.getAttributeNS(XSI, "type");
    type = type.substring(type.indexOf(':') + 1).strip();
    if (type.isEmpty()) {
      throw WebhookRejectedException.badRequest(where + ": sObject has no xsi:type");
    }
    var fields = new LinkedHashMap<String, String>();
    fields(sObject, "", fields);
    return new SalesforceOutboundMessage.Notification(id.getTextContent().strip(), type, fields);
  }

  /** Leaf elements by local name; a relationship's leaves as {@code Relationship.Field}; nil elements left out. */
  private static void fields(Element parent, String prefix, Map<String, String> into) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || "true".equals(e.getAttributeNS(XSI, "nil"))) {
        continue;
      }
      String name = prefix + e.getLocalName();
      if (hasElementChild(e)) {
        if (prefix.isEmpty()) { // one level: OM sends the record's own fields, a Flow may add a parent's
          fields(e, name + ".", into);
        }
      } else {
        into.putIfAbsent(name, e.getTextContent());
      }
    }
  }

  private static boolean hasElementChild(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return true;
      }
    }
    return false;
  }

  private static Element onlyChild(Element parent, String namespace, String name, String where) {
    Element found = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && is(e, namespace, name)) {
        if (found != null) {
          throw WebhookRejectedException.badRequest(where + " has more than one " + name);
        }
        found = e;
      }
    }
    if (found == null) {
      throw WebhookRejectedException.badRequest(where + " has no " + name
          + (namespace.equals(OUTBOUND) ? " in namespace " + OUTBOUND : ""));
    }
    return found;
  }

  private static boolean is(Element e, String namespace, String name) {
    return namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.lines().findFirst().orElse("").strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static DocumentBuilderFactory factory() {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe: " + e.getMessage(), e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // an Outbound Message is 5 levels deep; a deeper body is refused before DOM walks recurse through it
    factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
    return factory;
  }

  private static DocumentBuilder builder() {
    try {
      synchronized (FACTORY) { // a factory is not thread-safe either
        return FACTORY.newDocumentBuilder();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser: " + e.getMessage(), e);
    }
  }
}
