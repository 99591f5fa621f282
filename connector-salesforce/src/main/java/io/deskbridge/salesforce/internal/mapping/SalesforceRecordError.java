package io.deskbridge.salesforce.internal.mapping;

import java.util.Objects;

/**
 * A call answered (HTTP 200) but refused a record: a {@code SaveResult} or {@code SendEmailResult} error. Its
 * status code (for example {@code UNABLE_TO_LOCK_ROW}, {@code STRING_TOO_LONG}) decides the kind.
 */
public final class SalesforceRecordError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String statusCode;

  /**
   * @param call       the call, e.g. {@code create CaseComment}
   * @param statusCode the record error's status code
   * @param message    Salesforce's message
   */
  public SalesforceRecordError(String call, String statusCode, String message) {
    super(call + " refused the record: " + statusCode + (message == null || message.isBlank() ? "" : ": " + message));
    this.statusCode = Objects.requireNonNull(statusCode, "statusCode");
  }

  public String statusCode() {
    return statusCode;
  }
}
