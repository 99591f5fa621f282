package io.deskbridge.core.webhook;

import java.time.Duration;
import java.util.Map;

/**
 * What the server answers a webhook with.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type
 * @param body        the body text, may be empty
 * @param headers     further response headers, e.g. {@code Retry-After}; may be empty
 */
public record WebhookResponse(int status, String contentType, String body, Map<String, String> headers) {
  public WebhookResponse {
    headers = Map.copyOf(headers);
  }

  /** An answer without further headers. */
  public WebhookResponse(int status, String contentType, String body) {
    this(status, contentType, body, Map.of());
  }

  /**
   * 503 with a {@code Retry-After} header: vendors (Zendesk among them) deliver a 503 again only when it says
   * when to.
   *
   * @param reason     why, as in {@link #error}
   * @param retryAfter when to deliver again, in whole seconds (at least 1)
   */
  public static WebhookResponse unavailable(String reason, Duration retryAfter) {
    var error = error(503, reason);
    return new WebhookResponse(503, error.contentType(), error.body(),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
  }
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
