package io.deskbridge.mock.salesforce;

import static io.deskbridge.mock.salesforce.Xml.escape;

import io.deskbridge.mock.salesforce.Model.SaveError;
import io.deskbridge.mock.salesforce.Model.SaveOutcome;
import io.deskbridge.mock.salesforce.QueryEngine.Cell;
import io.deskbridge.mock.salesforce.QueryEngine.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The partner API's response envelopes (salesforce.md §1.4), in the element order of the partner WSDL, which wsc's
 * generated readers expect: {@code soapenv} envelope, default namespace {@code urn:partner.soap.sforce.com}, {@code sf}
 * for sObject fields, {@code LimitInfoHeader} on every call but login, records as {@code xsi:type="sf:sObject"} with
 * the duplicated {@code sf:Id}, nested parent sObjects and child {@code QueryResult}s. Stateless and thread-safe.
 */
final class PartnerXml {
  static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What a user's session tells about them (LoginResult.userInfo and getUserInfo). */
  record UserInfo(String orgId, String orgName, String userId, String userName, String fullName, String email,
      String userType, int sessionSecondsValid) {}

  private PartnerXml() {}

  /** A whole envelope; {@code limit} null for login (no LimitInfoHeader). */
  static String envelope(int[] limit, String body) {
    StringBuilder x = new StringBuilder(256 + body.length())
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"").append(Xml.SOAP_ENV)
        .append("\" xmlns=\"").append(Xml.PARTNER).append("\" xmlns:sf=\"").append(Xml.SOBJECT)
        .append("\" xmlns:xsi=\"").append(Xml.XSI).append("\">");
    if (limit != null) {
      x.append("<soapenv:Header><LimitInfoHeader><limitInfo><current>").append(limit[0]).append("</current><limit>")
          .append(limit[1]).append("</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>");
    }
    return x.append("<soapenv:Body>").append(body).append("</soapenv:Body></soapenv:Envelope>").toString();
  }

  static String login(String serverUrl, String metadataUrl, String sessionId, UserInfo user) {
    return "<loginResponse><result><metadataServerUrl>" + escape(metadataUrl) + "</metadataServerUrl>"
        + "<passwordExpired>false</passwordExpired><sandbox>false</sandbox>"
        + "<serverUrl>" + escape(serverUrl) + "</serverUrl><sessionId>" + escape(sessionId) + "</sessionId>"
        + "<userId>" + user.userId() + "</userId><userInfo>" + userInfoFields(user) + "</userInfo>"
        + "</result></loginResponse>";
  }

  static String userInfo(UserInfo user) {
    return "<getUserInfoResponse><result>" + userInfoFields(user) + "</result></getUserInfoResponse>";
  }

  private static String userInfoFields(UserInfo u) {
    return "<accessibilityMode>false</accessibilityMode><chatterExternal>false</chatterExternal>"
        + "<currencySymbol>$</currencySymbol><orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit>"
        + "<orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>"
        + "<orgDefaultCurrencyLocale>en_US</orgDefaultCurrencyLocale>"
        + "<orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>"
        + "<orgHasPersonAccounts>false</orgHasPersonAccounts><organizationId>" + u.orgId() + "</organizationId>"
        + "<organizationMultiCurrency>false</organizationMultiCurrency><organizationName>" + escape(u.orgName())
        + "</organizationName><profileId>00e5g000000AbCdAAK</profileId><roleId xsi:nil=\"true\"/>"
        + "<sessionSecondsValid>" + u.sessionSecondsValid() + "</sessionSecondsValid>"
        + "<userDefaultCurrencyIsoCode xsi:nil=\"true\"/><userEmail>" + escape(u.email()) + "</userEmail>"
        + "<userFullName>" + escape(u.fullName()) + "</userFullName><userId>" + u.userId() + "</userId>"
        + "<userLanguage>en_US</userLanguage><userLocale>en_US</userLocale><userName>" + escape(u.userName())
        + "</userName><userTimeZone>Europe/London</userTimeZone><userType>" + u.userType() + "</userType>"
        + "<userUiSkin>Theme3</userUiSkin>";
  }

  static String query(String element, QueryEngine.Page page) {
    return "<" + element + "><result xsi:type=\"QueryResult\">" + queryResult(page.rows(), page.locator(),
        page.total()) + "</result></" + element + ">";
  }

  private static String queryResult(List<Row> rows, String locator, int total) {
    StringBuilder x = new StringBuilder("<done>").append(locator == null).append("</done>");
    x.append(locator == null ? "<queryLocator xsi:nil=\"true\"/>" : "<queryLocator>" + locator + "</queryLocator>");
    for (Row r : rows) {
      x.append("<records xsi:type=\"sf:sObject\">");
      sobject(x, r);
      x.append("</records>");
    }
    return x.append("<size>").append(total).append("</size>").toString();
  }

  static String retrieve(List<Row> rows) {
    StringBuilder x = new StringBuilder("<retrieveResponse>");
    for (Row r : rows) {
      if (r == null) {
        x.append("<result xsi:nil=\"true\"/>");
      } else {
        x.append("<result xsi:type=\"sf:sObject\">");
        sobject(x, r);
        x.append("</result>");
      }
    }
    return x.append("</retrieveResponse>").toString();
  }

  /** The inside of an sObject: type, the fixed (nil unless selected) Id, then the cells. */
  private static void sobject(StringBuilder x, Row r) {
    x.append("<sf:type>").append(r.type()).append("</sf:type>");
    x.append(r.idSelected() ? "<sf:Id>" + r.id() + "</sf:Id>" : "<sf:Id xsi:nil=\"true\"/>");
    for (Cell c : r.cells()) {
      if (c instanceof QueryEngine.Value v) {
        x.append(v.value() == null ? "<sf:" + v.name() + " xsi:nil=\"true\"/>"
            : "<sf:" + v.name() + ">" + escape(text(v.value())) + "</sf:" + v.name() + ">");
      } else if (c instanceof QueryEngine.Parent p) {
        if (p.row() == null) {
          x.append("<sf:").append(p.name()).append(" xsi:nil=\"true\"/>");
        } else {
          x.append("<sf:").append(p.name()).append(" xsi:type=\"sf:sObject\">");
          sobject(x, p.row());
          x.append("</sf:").append(p.name()).append('>');
        }
      } else if (c instanceof QueryEngine.Children ch) {
        if (ch.rows().isEmpty()) {
          x.append("<sf:").append(ch.name()).append(" xsi:nil=\"true\"/>");
        } else {
          x.append("<sf:").append(ch.name()).append(" xsi:type=\"QueryResult\">")
              .append(queryResult(ch.rows(), null, ch.rows().size())).append("</sf:").append(ch.name()).append('>');
        }
      }
    }
  }

  static String text(Object v) {
    return v instanceof Instant i ? DATETIME.format(i) : String.valueOf(v);
  }

  static String save(String element, List<SaveOutcome> results) {
    StringBuilder x = new StringBuilder("<").append(element).append('>');
    for (SaveOutcome r : results) {
      x.append("<result>");
      errors(x, r.errors(), false);
      x.append(r.success() ? "<id>" + r.id() + "</id><success>true</success>"
          : "<id xsi:nil=\"true\"/><success>false</success>");
      x.append("</result>");
    }
    return x.append("</").append(element).append('>').toString();
  }

  static String sendEmail(List<Writes.SendOutcome> results) {
    StringBuilder x = new StringBuilder("<sendEmailResponse>");
    for (Writes.SendOutcome r : results) {
      x.append("<result>");
      if (r.errors().isEmpty()) {
        x.append("<errors xsi:nil=\"true\"/>");
      } else {
        errors(x, r.errors(), true);
      }
      x.append("<success>").append(r.errors().isEmpty()).append("</success></result>");
    }
    return x.append("</sendEmailResponse>").toString();
  }

  private static void errors(StringBuilder x, List<SaveError> errors, boolean email) {
    for (SaveError e : errors) {
      x.append("<errors>");
      e.fields().forEach(f -> x.append("<fields>").append(escape(f)).append("</fields>"));
      x.append("<message>").append(escape(e.message())).append("</message><statusCode>").append(e.statusCode())
          .append("</statusCode>");
      if (email) {
        x.append("<targetObjectId xsi:nil=\"true\"/>");
      }
      x.append("</errors>");
    }
  }
}
