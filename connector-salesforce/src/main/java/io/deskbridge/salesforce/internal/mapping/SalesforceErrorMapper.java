package io.deskbridge.salesforce.internal.mapping;

import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.error.VendorException.Kind;
import io.deskbridge.core.spi.ErrorMapper;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

/**
 * Maps force-wsc failures to kinds by the fault's exception code (an {@link ApiFault}'s, or the local part of a
 * {@link SoapFaultException}'s fault code) or a record error's status code ({@link SalesforceRecordError}):
 * <ul>
 *   <li>{@code REQUEST_LIMIT_EXCEEDED}: rate limited, retry after {@link #LIMIT_PAUSE} when the org's daily
 *       allocation is used up, after {@link #CONCURRENCY_PAUSE} when its concurrent long-running requests are
 *       ({@code ConcurrentPerOrgLongTxn} in the message); {@code SINGLE_EMAIL_LIMIT_EXCEEDED}: rate limited for an
 *       hour;</li>
 *   <li>{@code UNABLE_TO_LOCK_ROW}/{@code UNABLE_TO_LOCK_RECORD}: not processed (Salesforce rolled the call back);</li>
 *   <li>{@code SERVER_UNAVAILABLE}, {@code QUERY_TIMEOUT}, a timeout or any other {@link ConnectionException}
 *       (I/O, an answer that is not SOAP): unavailable;</li>
 *   <li>{@code INVALID_SESSION_ID} (force-wsc renews the session once before, so it is still refused after the
 *       renewal), {@code INVALID_LOGIN} and the other login faults: auth;</li>
 *   <li>{@code INSUFFICIENT_ACCESS…}, {@code API_DISABLED_FOR_ORG}, {@code NO_MASS_MAIL_PERMISSION}: forbidden;</li>
 *   <li>{@code ENTITY_IS_DELETED}: not found;</li>
 *   <li>any other code ({@code INVALID_FIELD}, {@code MALFORMED_QUERY}, {@code STRING_TOO_LONG}, …) and any other
 *       failure (a bug): invalid, not retried.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class SalesforceErrorMapper implements ErrorMapper {
  /** How long to pause after REQUEST_LIMIT_EXCEEDED: the daily allocation is a rolling 24 hours. */
  public static final Duration LIMIT_PAUSE = Duration.ofMinutes(5);
  /** How long to pause when the org's concurrent long-running requests (20 s and more) are used up. */
  public static final Duration CONCURRENCY_PAUSE = Duration.ofSeconds(30);
  private static final Duration EMAIL_LIMIT_PAUSE = Duration.ofHours(1);
  private static final Set<String> AUTH = Set.of("INVALID_SESSION_ID", "INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN",
      "INVALID_OPERATION_WITH_EXPIRED_PASSWORD", "PASSWORD_LOCKOUT", "INACTIVE_OWNER_OR_USER", "ORG_LOCKED");
  private static final Set<String> FORBIDDEN = Set.of("INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS_OR_READONLY",
      "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", "API_DISABLED_FOR_ORG", "NO_MASS_MAIL_PERMISSION",
      "API_CURRENTLY_DISABLED", "FUNCTIONALITY_NOT_ENABLED");
  private static final Set<String> UNAVAILABLE = Set.of("SERVER_UNAVAILABLE", "QUERY_TIMEOUT");

  @Override
  public VendorException map(Throwable failure) {
    if (failure instanceof VendorException v) {
      return v;
    }
    for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof VendorException v) {
        return v; // a session renewal that failed inside force-wsc: its own, already named, failure
      }
    }
    if (failure instanceof ApiFault f) {
      String code = f.getExceptionCode() == null ? "UNKNOWN_EXCEPTION" : f.getExceptionCode().name();
      return forCode(code, "Salesforce fault " + code + ": " + f.getExceptionMessage(), f);
    }
    if (failure instanceof SoapFaultException f) {
      String code = f.getFaultCode() == null ? "UNKNOWN_EXCEPTION" : f.getFaultCode().getLocalPart();
      return forCode(code, "Salesforce fault " + code + ": " + f.getMessage(), f);
    }
    if (failure instanceof SalesforceRecordError r) {
      return forCode(r.statusCode(), "Salesforce " + r.getMessage(), r);
    }
    if (timedOut(failure)) {
      return VendorErrors.forIo("Salesforce call timed out: " + failure.getMessage(), failure);
    }
    if (failure instanceof ConnectionException) {
      return VendorErrors.forIo("Salesforce call failed: " + failure, failure);
    }
    return new VendorException(Kind.INVALID, "Salesforce call failed unexpectedly: " + failure, failure);
  }

  /** The exception for a fault's exception code or a record error's status code. */
  static VendorException forCode(String code, String message, Throwable cause) {
    if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
      boolean concurrent = message != null && message.contains("Concurrent"); // ConcurrentPerOrgLongTxn Limit exceeded
      return new VendorException(Kind.RATE_LIMITED, message, concurrent ? CONCURRENCY_PAUSE : LIMIT_PAUSE, cause);
    }
    if (code.equals("SINGLE_EMAIL_LIMIT_EXCEEDED")) {
      return new VendorException(Kind.RATE_LIMITED, message, EMAIL_LIMIT_PAUSE, cause);
    }
    if (code.equals("UNABLE_TO_LOCK_ROW") || code.equals("UNABLE_TO_LOCK_RECORD")) {
      return new VendorException(Kind.NOT_PROCESSED, message, cause);
    }
    if (UNAVAILABLE.contains(code)) {
      return new VendorException(Kind.UNAVAILABLE, message, cause);
    }
    if (AUTH.contains(code)) {
      return new VendorException(Kind.AUTH, message, cause);
    }
    if (FORBIDDEN.contains(code)) {
      return new VendorException(Kind.FORBIDDEN, message, cause);
    }
    if (code.equals("ENTITY_IS_DELETED")) {
      return new VendorException(Kind.NOT_FOUND, message, cause);
    }
    return new VendorException(Kind.INVALID, message, cause);
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
