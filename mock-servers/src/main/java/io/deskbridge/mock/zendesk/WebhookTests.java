package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@code POST /api/v2/webhooks/test[?webhook_id=…]} (§1.1, "Zendesk sends a test request to an endpoint"): sends the
 * body's {@code request} ({@code endpoint}, {@code http_method}, {@code request_format}, {@code payload},
 * {@code headers} as {@code [{key, value}]}) once, at once, with Zendesk's webhook headers, and answers
 * {@code {"response": {"status", "headers": [{key, value}], "payload"}}} with what the endpoint answered. With
 * {@code webhook_id} the request is signed with that webhook's secret and carries its authentication, and the
 * endpoint defaults to the webhook's; without it, with the static test secret (§1.4). <b>Assumed [I]:</b> the
 * request and response field names, and an endpoint that cannot be reached as {@code status} 0 with the reason as
 * {@code payload}. Stateless apart from its HTTP client; thread-safe.
 */
final class WebhookTests {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final ZendeskFakeConfig config;

  WebhookTests(ZendeskFakeConfig config) {
    this.config = config;
  }

  ObjectNode send(Model.Webhook webhook, JsonNode body) {
    JsonNode r = body.path("request");
    if (!r.isObject()) {
      throw ApiError.badRequest("body must be a JSON object with a \"request\" object");
    }
    String endpoint = text(r, "endpoint") != null ? text(r, "endpoint")
        : webhook != null ? webhook.endpoint().toString() : null;
    if (endpoint == null) {
      throw Webhooks.webhookError("MissingField", "request.endpoint is required without webhook_id", "endpoint");
    }
    String method = text(r, "http_method") != null ? text(r, "http_method")
        : webhook != null ? webhook.httpMethod() : "POST";
    String format = text(r, "request_format") != null ? text(r, "request_format")
        : webhook != null ? webhook.requestFormat() : "json";
    String payload = r.path("payload").asText("");
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Clock clock = config.clock();
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String secret = webhook != null ? webhook.secret() : WebhookDispatcher.STATIC_TEST_SECRET;
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(endpoint)).timeout(config.deliveryTimeout());
    } catch (IllegalArgumentException e) {
      throw Webhooks.webhookError("InvalidValue", "endpoint is not a URL", "endpoint");
    }
    boolean hasBody = !"GET".equals(method) && !"DELETE".equals(method);
    b.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(bytes) : HttpRequest.BodyPublishers.noBody())
        .header("Content-Type", switch (format) {
          case "xml" -> "application/xml";
          case "form_encoded" -> "application/x-www-form-urlencoded";
          default -> "application/json";
        })
        .header("User-Agent", "Zendesk Webhook")
        .header("x-zendesk-account-id", String.valueOf(config.accountId()))
        .header("x-zendesk-webhook-id", webhook != null ? webhook.id() : "test")
        .header("x-zendesk-webhook-invocation-id", String.valueOf(System.nanoTime() & 0xffffffffL))
        .header("x-zendesk-webhook-signature-timestamp", timestamp)
        .header("x-zendesk-webhook-signature", WebhookDispatcher.sign(secret, timestamp, hasBody ? bytes : new byte[0]));
    if (webhook != null) {
      webhook.authHeaders().forEach(b::header);
    }
    for (JsonNode h : r.path("headers")) {
      b.header(h.path("key").asText(), h.path("value").asText());
    }
    ObjectNode out = obj();
    ObjectNode response = out.putObject("response");
    try {
      HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      response.put("status", answer.statusCode());
      ArrayNode headers = response.putArray("headers");
      answer.headers().map().forEach((k, v) -> headers.addObject().put("key", k).put("value", String.join(",", v)));
      response.put("payload", answer.body());
    } catch (IOException e) {
      response.put("status", 0).putArray("headers");
      response.put("payload", "cannot reach " + endpoint + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return out;
  }
}
