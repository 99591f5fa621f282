package io.deskbridge.core.error;

/** A failure that repeating will not fix: bad credentials, no permission, unknown record, invalid request. */
public final class NonRetriableVendorException extends VendorException {
  /** What went wrong. */
  public enum Kind {
    AUTHENTICATION,
    FORBIDDEN,
    NOT_FOUND,
    INVALID,
    CONFLICT,
    UNKNOWN
  }

  private final Kind kind;

  public NonRetriableVendorException(Kind kind, String message, int status, Throwable cause) {
    super(message, status, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public boolean retriable() {
    return false;
  }
}
