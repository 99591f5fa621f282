package io.deskbridge.mock.salesforce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** XML helpers: a namespace-aware, DTD-free parser for request bodies (gzipped or not) and escaping. Thread-safe. */
final class Xml {
  static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String PARTNER = "urn:partner.soap.sforce.com";
  static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
  static final String ENTERPRISE_SOBJECT = "urn:sobject.enterprise.soap.sforce.com";
  static final String OUTBOUND = "http://soap.sforce.com/2005/09/outbound";

  private static final DocumentBuilderFactory FACTORY = factory();

  private Xml() {}

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return f;
  }

  /**
   * Parses a request body; a gzip body (force-wsc compresses unless told not to) is recognised by its magic
   * bytes whatever the headers say, since WireMock may or may not have decompressed it already.
   *
   * @throws IllegalArgumentException with the parser's reason when it is not well-formed XML
   */
  static Document parse(byte[] body) {
    try (InputStream in = gzipped(body) ? new GZIPInputStream(new ByteArrayInputStream(body))
        : new ByteArrayInputStream(body)) {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(null);
      return builder.parse(in);
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("the request body is not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bytes of a gzip body. @throws IllegalArgumentException when it is not valid gzip */
  static byte[] gunzip(byte[] body) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalArgumentException("the gzip request body cannot be read: " + e.getMessage(), e);
    }
  }

  static boolean gzipped(byte[] body) {
    return body != null && body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /** The element children of {@code parent}, in order. */
  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first child element named {@code local} in {@code ns} (any namespace when null), or null. */
  static Element child(Element parent, String ns, String local) {
    for (Element e : children(parent)) {
      if (local.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
        return e;
      }
    }
    return null;
  }

  /** Every child element named {@code local} (any namespace). */
  static List<Element> all(Element parent, String local) {
    return children(parent).stream().filter(e -> local.equals(e.getLocalName())).toList();
  }

  static boolean nil(Element e) {
    return "true".equals(e.getAttributeNS(XSI, "nil"));
  }

  /** The text of the first child named {@code local}, or null when absent or nil. */
  static String text(Element parent, String local) {
    Element e = child(parent, null, local);
    return e == null || nil(e) ? null : e.getTextContent();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
