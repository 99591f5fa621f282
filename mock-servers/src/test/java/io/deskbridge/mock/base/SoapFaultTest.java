package io.deskbridge.mock.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The SOAP 1.1 fault shape a fake answers (salesforce.md §1.4), read back with a namespace-aware parser. */
class SoapFaultTest {
  private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SF = "urn:fault.partner.soap.sforce.com";

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  @Test
  void aVendorFaultIsASoap11FaultWithAResolvableFaultcodeAndItsDetail() throws Exception {
    Fault.SoapFault fault = new Fault.SoapFault("sf:INVALID_SESSION_ID",
        "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session", SF,
        "<sf:UnexpectedErrorFault xsi:type=\"sf:UnexpectedErrorFault\"><sf:exceptionCode>INVALID_SESSION_ID"
            + "</sf:exceptionCode></sf:UnexpectedErrorFault>");
    assertThat(fault.status()).isEqualTo(500);
    assertThat(Fault.SoapFault.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");

    Document doc = parse(fault.body());
    Element envelope = doc.getDocumentElement();
    assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP_ENV);
    assertThat(envelope.getLocalName()).isEqualTo("Envelope");
    Element soapFault = (Element) doc.getElementsByTagNameNS(SOAP_ENV, "Fault").item(0);
    assertThat(soapFault.getParentNode().getLocalName()).isEqualTo("Body");
    Element code = (Element) soapFault.getElementsByTagName("faultcode").item(0);
    assertThat(code.getTextContent()).isEqualTo("sf:INVALID_SESSION_ID");
    assertThat(code.lookupNamespaceURI("sf")).isEqualTo(SF);
    assertThat(soapFault.getElementsByTagName("faultstring").item(0).getTextContent())
        .isEqualTo("INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session");
    assertThat(doc.getElementsByTagNameNS(SF, "exceptionCode").item(0).getTextContent())
        .isEqualTo("INVALID_SESSION_ID");
  }

  @Test
  void aFaultstringIsEscaped() throws Exception {
    Document doc = parse(Fault.SoapFault.of("soapenv:Server", "a < b & \"c\"").body());
    assertThat(doc.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo("a < b & \"c\"");
    assertThat(doc.getElementsByTagName("detail").getLength()).isZero();
  }
}
