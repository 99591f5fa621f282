package io.deskbridge.core.webhook;

/**
 * A webhook that is refused: the 4xx status says whether it was not authentic (401), not understood (400) or
 * refused for another reason (e.g. 413, too large). The message is the reason given back to the sender; it must
 * not contain secrets. The vendor's endpoint turns it into the answer's body (JSON by default).
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

  /**
   * A refusal with any 4xx status.
   *
   * @throws IllegalArgumentException when the status is not 4xx
   */
  public static WebhookRejectedException withStatus(int status, String reason) {
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("a refusal is a 4xx status, got " + status);
    }
    return new WebhookRejectedException(status, reason);
  }

  public int status() {
    return status;
  }
}
