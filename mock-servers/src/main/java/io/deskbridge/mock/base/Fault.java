package io.deskbridge.mock.base;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What an injected fault does to one call: answer an HTTP status without touching state, delay the real answer, or
 * answer a SOAP 1.1 fault without touching state. Immutable.
 */
public sealed interface Fault {
  /** The call is not served: the fake answers {@code status} in the vendor's error shape, and Retry-After if given. */
  record Status(int status, Integer retryAfterSeconds) implements Fault {
    public Status {
      if (status < 400 || status > 599 || retryAfterSeconds != null && retryAfterSeconds < 0) {
        throw new IllegalArgumentException("an injected status must be 4xx or 5xx and Retry-After >= 0, was "
            + status + ", " + retryAfterSeconds);
      }
    }
  }

  /** The call is served normally, and its answer is sent {@code delay} late (a slow vendor; the caller may time out). */
  record Delay(Duration delay) implements Fault {
    public Delay {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("a delay cannot be negative: " + delay);
      }
    }
  }

  /**
   * The call is not served: HTTP 500, {@code text/xml; charset=utf-8}, a SOAP 1.1 envelope whose {@code Fault} holds
   * {@code faultcode}, {@code faultstring} and, when not null, {@code detail} (raw XML inside {@code <detail>}).
   *
   * @param faultcode a qualified name such as {@code soapenv:Server} or {@code sf:REQUEST_LIMIT_EXCEEDED}
   * @param namespaceUri the namespace of the faultcode's prefix when it is not {@code soapenv} (declared on the
   *     envelope), else null
   */
  record SoapFault(String faultcode, String faultstring, String namespaceUri, String detail) implements Fault {
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    public SoapFault {
      Objects.requireNonNull(faultstring, "faultstring");
      int colon = faultcode.indexOf(':');
      if (colon < 1 || colon == faultcode.length() - 1) {
        throw new IllegalArgumentException("faultcode must be a qualified name like soapenv:Server, was " + faultcode);
      }
      String prefix = faultcode.substring(0, colon);
      if (!"soapenv".equals(prefix) && namespaceUri == null) {
        throw new IllegalArgumentException("faultcode prefix " + prefix + " needs its namespace URI");
      }
    }

    /** A fault in the SOAP envelope's own namespace ({@code soapenv:Server}, {@code soapenv:Client}). */
    public static SoapFault of(String faultcode, String faultstring) {
      return new SoapFault(faultcode, faultstring, null, null);
    }

    /** The HTTP status of a SOAP 1.1 fault. */
    public int status() {
      return 500;
    }

    /** The envelope. */
    public byte[] body() {
      int colon = faultcode.indexOf(':');
      String prefix = faultcode.substring(0, colon);
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
          .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_ENV).append('"');
      if (!"soapenv".equals(prefix)) {
        xml.append(" xmlns:").append(prefix).append("=\"").append(escape(namespaceUri)).append('"');
      }
      xml.append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
          .append("<soapenv:Body><soapenv:Fault><faultcode>").append(escape(faultcode)).append("</faultcode>")
          .append("<faultstring>").append(escape(faultstring)).append("</faultstring>");
      if (detail != null) {
        xml.append("<detail>").append(detail).append("</detail>");
      }
      return xml.append("</soapenv:Fault></soapenv:Body></soapenv:Envelope>").toString()
          .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }

  /** {@code status} without Retry-After. */
  static Status status(int status) {
    return new Status(status, null);
  }

  /** {@code status} with {@code Retry-After} in seconds. */
  static Status status(int status, int retryAfterSeconds) {
    return new Status(status, retryAfterSeconds);
  }

  static Delay delay(Duration delay) {
    return new Delay(delay);
  }
}
