package io.deskbridge.core.webhook;

/**
 * A webhook that is refused: the status says whether it was not authentic (401) or not understood (400).
 * The message is the reason given back to the sender; it must not contain secrets.
 */
public final class WebhookRejectedException extends RuntimeException {
  private final int status;

  private WebhookRejectedException(int status, String reason) {
    super(reason);
    this.status = status;
  }

  /** Not authentic: bad or missing signature, stale timestamp, wrong secret or organisation. */
  public static WebhookRejectedException unauthorized(String reason) {
    return new WebhookRejectedException(401, reason);
  }

  /** Authentic but not understood: malformed body, missing fields. */
  public static WebhookRejectedException badRequest(String reason) {
    return new WebhookRejectedException(400, reason);
  }

  public int status() {
    return status;
  }
}
