package io.deskbridge.salesforce.internal.webhook;

import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Salesforce's webhook endpoint: Outbound Messages (SOAP, {@code text/xml}) and the same events as JSON from a
 * Flow HTTP Callout ({@code application/json}), each answered in its own format. {@link #verify} checks the source
 * address, the path token and the organization; {@link #decode} maps the notifications
 * ({@link SalesforceWebhookDecoder}). The acknowledgement is exactly the WSDL's {@code notificationsResponse} with
 * {@code Ack} true (JSON: {@code {"ack":true}}); a refusal is a SOAP 1.1 fault (JSON: {@code {"error":…}}) with
 * the refusal's 4xx status and its reason. Thread-safe; no I/O.
 */
public final class SalesforceWebhookEndpoint implements WebhookEndpoint {
  /**
   * The custom Case field (Date/Time) an agent's "Approve draft" quick action sets to {@code NOW()}; selected in the
   * Case's Outbound Message, it approves the bot's pending draft ({@code DRAFT_APPROVED}).
   */
  public static final String DRAFT_APPROVED_AT = "Deskbridge_Approved_At__c";

  static final String ACK = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      + "<soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
      + "</notificationsResponse></soapenv:Body></soapenv:Envelope>";
  static final String JSON_ACK = "{\"ack\":true}";
  private static final String XML = "text/xml; charset=utf-8";

  /** The message {@link #verify} parsed, handed to {@link #decode} of the same request on the same thread. */
  private static final ThreadLocal<Parsed> PARSED = new ThreadLocal<>();

  private record Parsed(WebhookRequest request, SalesforceOutboundMessage message) {}

  private final SalesforceWebhookVerifier verifier;
  private final SalesforceWebhookDecoder decoder;
  private final SalesforceSoapParser soap = new SalesforceSoapParser();
  private final SalesforceJsonParser json = new SalesforceJsonParser();

  /**
   * @param organizationId the org whose messages are accepted (15 or 18 characters)
   * @param pathToken      when present, the secret path segment every request must end with
   *                       ({@code /webhooks/{installation}/{token}})
   * @param allowFrom      when not empty, the IP addresses or CIDR blocks requests must come from
   * @param botOwnerIds    the integration user's id and the bot queue's id, once known: a Case they own is the bot's
   * @throws IllegalArgumentException naming the setting when the organization id, token or a block is not valid
   */
  public SalesforceWebhookEndpoint(String organizationId, Optional<String> pathToken, List<String> allowFrom,
      Supplier<Set<String>> botOwnerIds) {
    this.verifier = new SalesforceWebhookVerifier(organizationId, pathToken, allowFrom);
    this.decoder = new SalesforceWebhookDecoder(botOwnerIds);
  }

  @Override
  public void verify(WebhookRequest request) {
    PARSED.remove();
    verifier.verifyTransport(request);
    var message = parse(request);
    verifier.verifyOrganization(message);
    PARSED.set(new Parsed(request, message));
  }

  @Override
  public List<InboundEvent> decode(WebhookRequest request) {
    Parsed parsed = PARSED.get();
    PARSED.remove();
    var message = parsed != null && parsed.request() == request ? parsed.message() : parse(request);
    return decoder.decode(message, installation(request.path()), request.receivedAt());
  }

  @Override
  public WebhookResponse acknowledge(WebhookRequest request, List<InboundEvent> events) {
    return Format.of(request) == Format.JSON ? new WebhookResponse(200, "application/json", JSON_ACK)
        : new WebhookResponse(200, XML, ACK);
  }

  @Override
  public WebhookResponse acknowledge(List<InboundEvent> events) {
    return new WebhookResponse(200, XML, ACK);
  }

  @Override
  public WebhookResponse refuse(WebhookRequest request, WebhookRejectedException refusal) {
    PARSED.remove();
    return Format.of(request) == Format.JSON ? WebhookResponse.error(refusal.status(), refusal.getMessage())
        : refuse(refusal);
  }

  @Override
  public WebhookResponse refuse(WebhookRejectedException refusal) {
    return new WebhookResponse(refusal.status(), XML, fault(refusal.getMessage()));
  }

  private SalesforceOutboundMessage parse(WebhookRequest request) {
    return switch (Format.of(request)) {
      case SOAP -> soap.parse(request.body());
      case JSON -> json.parse(request.body());
      case OTHER -> throw WebhookRejectedException.withStatus(415, "Content-Type must be text/xml (an Outbound "
          + "Message) or application/json (a Flow HTTP Callout)");
    };
  }

  /** The installation segment of {@code /webhooks/{installation}[/{token}]}. */
  private static String installation(String path) {
    String[] segments = path.split("/", -1);
    return segments.length >= 3 && !segments[2].isBlank() ? segments[2] : "unknown";
  }

  /** A SOAP 1.1 fault from the client's side, the reason as its faultstring. */
  static String fault(String reason) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>" + escape(reason)
        + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  }

  /** XML text: markup escaped, characters XML 1.0 cannot hold dropped. */
  private static String escape(String text) {
    var out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /** The body's format, by Content-Type: JSON, else SOAP (also when none is given, as Salesforce always sets it). */
  private enum Format {
    SOAP, JSON, OTHER;

    static Format of(WebhookRequest request) {
      String type = request.header("Content-Type").orElse("");
      int semicolon = type.indexOf(';');
      type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.endsWith("+json")) {
        return JSON;
      }
      if (type.isEmpty() || type.equals("text/xml") || type.equals("application/xml")
          || type.equals("application/soap+xml")) {
        return SOAP;
      }
      return OTHER;
    }
  }
}
