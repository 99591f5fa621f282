package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.Fault;
import java.util.Map;

/**
 * A whole-call SOAP fault of the partner API (salesforce.md §1.4): HTTP 500, {@code faultcode sf:CODE},
 * {@code faultstring "CODE: message"} and a {@code detail} of the fault type wsc binds by its {@code xsi:type}
 * ({@code UnexpectedErrorFault}, {@code InvalidFieldFault}, {@code MalformedQueryFault}, {@code InvalidSObjectFault},
 * {@code InvalidIdFault}, {@code InvalidQueryLocatorFault}, {@code LoginFault}). Thrown by the model and the API
 * handlers; never touches state. Immutable.
 */
final class ApiFault extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String FAULT_NS = "urn:fault.partner.soap.sforce.com";
  static final String INVALID_SESSION_MESSAGE = "Invalid Session ID found in SessionHeader: Illegal Session";
  static final String LIMIT_MESSAGE = "TotalRequests Limit exceeded.";

  /** The detail type per exception code; codes not listed get {@code UnexpectedErrorFault}. */
  private static final Map<String, String> DETAIL = Map.of(
      "INVALID_FIELD", "InvalidFieldFault",
      "MALFORMED_QUERY", "MalformedQueryFault",
      "INVALID_TYPE", "InvalidSObjectFault",
      "INVALID_ID_FIELD", "InvalidIdFault",
      "MALFORMED_ID", "InvalidIdFault",
      "INVALID_QUERY_LOCATOR", "InvalidQueryLocatorFault",
      "INVALID_LOGIN", "LoginFault",
      "LOGIN_MUST_USE_SECURITY_TOKEN", "LoginFault",
      "API_DISABLED_FOR_ORG", "LoginFault");

  /** The usual message of a code when a test injects it without one. */
  private static final Map<String, String> MESSAGES = Map.ofEntries(
      Map.entry("INVALID_SESSION_ID", INVALID_SESSION_MESSAGE),
      Map.entry("REQUEST_LIMIT_EXCEEDED", LIMIT_MESSAGE),
      Map.entry("SERVER_UNAVAILABLE", "Server unavailable, please try again later."),
      Map.entry("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"),
      Map.entry("INSUFFICIENT_ACCESS", "insufficient access rights on object id"),
      Map.entry("INVALID_FIELD", "No such column on entity"),
      Map.entry("ENTITY_IS_DELETED", "entity is deleted"),
      Map.entry("INVALID_TYPE", "sObject type is not supported."),
      Map.entry("MALFORMED_QUERY", "unexpected token"),
      Map.entry("INVALID_LOGIN", "Invalid username, password, security token; or user locked out."),
      Map.entry("UNKNOWN_EXCEPTION", "An unexpected error occurred."));

  /**
   * Codes the partner API has only as a per-record SaveResult status, never as a fault (they are not in its
   * ExceptionCode enum, so wsc could not even read such a fault).
   */
  static final java.util.Set<String> RECORD_ONLY = java.util.Set.of("ENTITY_IS_DELETED", "STRING_TOO_LONG",
      "REQUIRED_FIELD_MISSING", "FIELD_INTEGRITY_EXCEPTION", "INVALID_FIELD_FOR_INSERT_UPDATE",
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "INVALID_TYPE_ON_FIELD_IN_RECORD",
      "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY");

  final String code;
  final String detailType;

  ApiFault(String code, String message) {
    super(message, null, false, false);
    this.code = code;
    this.detailType = DETAIL.getOrDefault(code, "UnexpectedErrorFault");
  }

  /**
   * A fault with Salesforce's usual message for the code.
   *
   * @throws IllegalArgumentException for a code that is only ever a per-record status ({@link #RECORD_ONLY})
   */
  static ApiFault of(String code) {
    if (RECORD_ONLY.contains(code)) {
      throw new IllegalArgumentException(code + " is a per-record SaveResult status in the partner API, never a "
          + "fault: use failRecordsNext(k, \"" + code + "\")" + ("ENTITY_IS_DELETED".equals(code)
          ? " or agentDeletesCase(caseId)" : ""));
    }
    return new ApiFault(code, MESSAGES.getOrDefault(code, code.toLowerCase().replace('_', ' ')));
  }

  static ApiFault invalidSession() {
    return new ApiFault("INVALID_SESSION_ID", INVALID_SESSION_MESSAGE);
  }

  static ApiFault invalidField(String field, String object) {
    return new ApiFault("INVALID_FIELD", "No such column '" + field + "' on entity '" + object + "'. If you are "
        + "attempting to use a custom field, be sure to append the '__c' after the custom field name. Please "
        + "reference your WSDL or the describe call for the appropriate names.");
  }

  static ApiFault invalidType(String object) {
    return new ApiFault("INVALID_TYPE", "sObject type '" + object + "' is not supported. If you are attempting to use "
        + "a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the "
        + "describe call for the appropriate names.");
  }

  /** The SOAP fault on the wire. */
  Fault.SoapFault toSoap() {
    boolean query = detailType.equals("InvalidFieldFault") || detailType.equals("MalformedQueryFault")
        || detailType.equals("InvalidSObjectFault");
    String detail = "<sf:" + detailType + " xsi:type=\"sf:" + detailType + "\">"
        + "<sf:exceptionCode>" + Xml.escape(code) + "</sf:exceptionCode>"
        + "<sf:exceptionMessage>" + Xml.escape(getMessage()) + "</sf:exceptionMessage>"
        + (query ? "<sf:row>-1</sf:row><sf:column>-1</sf:column>" : "")
        + "</sf:" + detailType + ">";
    return new Fault.SoapFault("sf:" + code, code + ": " + getMessage(), FAULT_NS, detail);
  }
}
