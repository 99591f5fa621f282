package io.deskbridge.core.hosting;

import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;

/**
 * The Conversation API behind {@code /api/v1/*}, independent of the HTTP server: {@link WebhookServer} hands it
 * every {@code GET} and {@code POST} there as a request value (method, the raw path, query, headers, body) and writes
 * back its answer. Implementations are thread-safe and may block the calling thread (an answer waits for the
 * decision).
 */
@FunctionalInterface
public interface ApiRoutes {
  /** No Conversation API: every request is answered 404 with a problem body. */
  ApiRoutes NONE = request -> new WebhookResponse(404, "application/problem+json",
      "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
          + "\"detail\":\"no Conversation API installation (vendor: api) is configured\"}");

  /** Answers one request. */
  WebhookResponse handle(WebhookRequest request);
}
