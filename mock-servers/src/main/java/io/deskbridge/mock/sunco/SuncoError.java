package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A SunCo API error: the HTTP status and the one error of SunCo's {@code {"errors":[{"code","title"}]}} body
 * (zendesk.md §3.1; codes as in the spec's examples: {@code bad_request}, {@code unauthorized}, {@code forbidden},
 * {@code not_found}, {@code conversation_not_found}, {@code locked}). Thrown inside the fake and answered by
 * {@link SuncoApi}.
 */
final class SuncoError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  SuncoError(int status, String code, String title) {
    super(title, null, false, false);
    this.status = status;
    this.code = code;
  }

  static SuncoError badRequest(String title) {
    return new SuncoError(400, "bad_request", title);
  }

  static SuncoError conversationNotFound() {
    return new SuncoError(404, "conversation_not_found", "Conversation not found");
  }

  /** The body {@code {"errors":[{"code","title"}]}}. */
  ObjectNode body() {
    return body(code, getMessage());
  }

  static ObjectNode body(String code, String title) {
    ObjectNode out = SuncoJson.obj();
    out.putArray("errors").addObject().put("code", code).put("title", title);
    return out;
  }

  /**
   * The code an injected status is answered with. The spec names {@code bad_request}, {@code unauthorized},
   * {@code forbidden}, {@code not_found} and {@code locked}; the others are the fake's choice (snake case of the
   * reason phrase, as SunCo's codes are).
   */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 423 -> "locked";
      case 429 -> "too_many_requests";
      case 502 -> "bad_gateway";
      case 503 -> "service_unavailable";
      case 504 -> "gateway_timeout";
      default -> status >= 500 ? "internal_server_error" : "bad_request";
    };
  }
}
