package io.deskbridge.core.webhook;

/**
 * What the server answers a webhook with.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type
 * @param body        the body text, may be empty
 */
public record WebhookResponse(int status, String contentType, String body) {
  /** The answer most vendors expect: 200 with a small JSON body. */
  public static WebhookResponse ok() {
    return new WebhookResponse(200, "application/json", "{\"status\":\"accepted\"}");
  }

  /** A JSON error with a reason the sender can read. */
  public static WebhookResponse error(int status, String reason) {
    String escaped = reason.replace("\\", "\\\\").replace("\"", "\\\"");
    return new WebhookResponse(status, "application/json", "{\"error\":\"" + escaped + "\"}");
  }
}
