package io.deskbridge.zendesk.internal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.config.Secret;
import io.deskbridge.zendesk.ZendeskMessagingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Conversations API over {@link HttpClient} with Jackson: {@code GET}, {@code POST}, {@code PATCH} and
 * {@code DELETE} of JSON below
 * {@code {url}/v2/apps/{appId}/}, authenticated with the app key (Basic, or an HS256 app JWT with {@code kid}). No
 * retries (core retries); an error answer throws {@link ZendeskMessagingApiException}, no answer (I/O, timeout) an
 * {@link UncheckedIOException}. Thread-safe.
 */
final class ZendeskMessagingHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final Duration timeout;

  ZendeskMessagingHttp(ZendeskMessagingConfig config) {
    this.base = config.url().toString().replaceAll("/+$", "") + "/v2/apps/" + encode(config.appId()) + "/";
    this.timeout = config.requestTimeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.authorization = config.auth() == ZendeskMessagingConfig.Auth.JWT
        ? "Bearer " + appJwt(config.keyId(), config.keySecret())
        : "Basic " + Base64.getEncoder().encodeToString(
            (config.keyId() + ":" + config.keySecret().reveal()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An app-scoped JWT (zendesk.md §3.1): header {@code {"alg":"HS256","typ":"JWT","kid":keyId}}, claims
   * {@code {"scope":"app"}}, signed with the key's secret. Without {@code exp}, as SunCo's own examples: it is valid
   * as long as the key is.
   */
  static String appJwt(String keyId, Secret secret) {
    var b64 = Base64.getUrlEncoder().withoutPadding();
    ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", keyId);
    ObjectNode claims = JSON.createObjectNode().put("scope", "app");
    String signingInput = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code GET {base}{path}}; {@code call} names the call in errors. */
  JsonNode get(String call, String path) {
    return send(call, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** {@code POST {base}{path}} with a JSON body. */
  JsonNode post(String call, String path, JsonNode body) {
    return send(call, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** {@code PATCH {base}{path}} with a JSON body. */
  JsonNode patch(String call, String path, JsonNode body) {
    return send(call, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** {@code DELETE {base}{path}}. */
  JsonNode delete(String call, String path) {
    return send(call, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private JsonNode send(String call, HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(timeout).header("Authorization", authorization)
        .header("Accept", "application/json").build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("SunCo " + call + " got no answer: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException("SunCo " + call + " was interrupted", new java.io.InterruptedIOException());
    }
    String body = response.body() == null ? "" : response.body();
    if (response.statusCode() / 100 != 2) {
      throw error(call, response.statusCode(), body, response.headers().firstValue("Retry-After").orElse(null));
    }
    if (body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ZendeskMessagingApiException(call, response.statusCode(), "not_json",
          "the answer is not JSON", null);
    }
  }

  private static ZendeskMessagingApiException error(String call, int status, String body, String retryAfter) {
    String code = "";
    String title = "";
    try {
      JsonNode first = JSON.readTree(body).path("errors").path(0);
      code = first.path("code").asText("");
      title = first.path("title").asText("");
    } catch (IOException | RuntimeException e) {
      // not SunCo's error shape: the status says enough
    }
    return new ZendeskMessagingApiException(call, status, code, title.length() > 300 ? title.substring(0, 300) : title,
        retryAfter(retryAfter));
  }

  /** {@code Retry-After} in seconds; an HTTP date or garbage counts as absent. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads end with the client's last reference
  }
}
