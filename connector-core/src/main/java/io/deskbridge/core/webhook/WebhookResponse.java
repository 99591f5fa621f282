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

  /** A JSON error with a reason the sender can read; the reason is escaped as a JSON string. */
  public static WebhookResponse error(int status, String reason) {
    var escaped = new StringBuilder();
    for (char c : reason.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return new WebhookResponse(status, "application/json", "{\"error\":\"" + escaped + "\"}");
  }
}
