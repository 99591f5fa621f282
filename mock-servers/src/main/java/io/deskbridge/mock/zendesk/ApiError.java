package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/** A Zendesk error answer raised inside the model and turned into an HTTP response by {@link ZendeskApi}. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final transient JsonNode body;

  ApiError(int status, JsonNode body) {
    super(status + " " + body);
    this.status = status;
    this.body = body;
  }

  static ApiError notFound() {
    return new ApiError(404, Json.error("RecordNotFound", "Not found"));
  }

  static ApiError badRequest(String description) {
    return new ApiError(400, Json.error("InvalidRequest", description));
  }

  /** 422 in the §2.6 shape: {@code details} maps the field to a list of problems. */
  static ApiError invalid(String field, String description) {
    ObjectNode body = Json.error("RecordInvalid", "Record validation errors");
    body.putObject("details").putArray(field).addObject()
        .put("description", description).put("error", "InvalidValue");
    return new ApiError(422, body);
  }

  /**
   * Runs a model operation for a Java caller of {@link ZendeskFake}, who gets standard exceptions instead of Zendesk
   * error answers: {@link IllegalStateException} for a 422, {@link IllegalArgumentException} for any other status,
   * with the answer's body as the message.
   */
  static <T> T call(Supplier<T> op) {
    try {
      return op.get();
    } catch (ApiError e) {
      String message = e.body.toString();
      throw e.status == 422 ? new IllegalStateException(message, e)
          : new IllegalArgumentException(message, e);
    }
  }

  /** As {@link #call(Supplier)}, for an operation without a result. */
  static void run(Runnable op) {
    call(() -> {
      op.run();
      return null;
    });
  }
}
