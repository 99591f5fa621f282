package io.deskbridge.daktela.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import io.deskbridge.daktela.DaktelaChatConfig;
import io.deskbridge.daktela.internal.mapping.DaktelaApiException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds the Feign client for the {@code response_url}s: the JDK's HTTP client (HTTP/1.1, <b>no redirects</b>: a
 * redirect could lead off the configured instance) through feign-java11, Jackson bodies, no retries (core retries),
 * and error statuses decoded into {@link DaktelaApiException}s that do not show the URL.
 */
final class DaktelaChatHttp {
  private DaktelaChatHttp() {}

  static DaktelaChatApi api(DaktelaChatConfig config) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return Feign.builder()
        .client(new Http2Client(http))
        .options(new Request.Options(config.requestTimeout(), config.requestTimeout(), false))
        .encoder(new JacksonEncoder(DaktelaChatWire.JSON))
        .decoder(decoder())
        .errorDecoder(errorDecoder())
        .retryer(Retryer.NEVER_RETRY)
        .target(Target.EmptyTarget.create(DaktelaChatApi.class));
  }

  /** The body as a tree; an empty body as JSON null. */
  static Decoder decoder() {
    return (response, type) -> {
      if (response.body() == null) {
        return NullNode.getInstance();
      }
      byte[] body = Util.toByteArray(response.body().asInputStream());
      return body.length == 0 ? NullNode.getInstance() : DaktelaChatWire.JSON.readTree(body);
    };
  }

  static ErrorDecoder errorDecoder() {
    return (methodKey, response) -> new DaktelaApiException(response.status(), call(response.request()),
        DaktelaChatWire.error(body(response)), "", retryAfter(response));
  }

  /** {@code POST response_url}: the URL itself is not shown, as Daktela may put a secret in it. */
  static String call(Request request) {
    return request.httpMethod() + " response_url";
  }

  private static JsonNode body(Response response) {
    try {
      if (response.body() == null) {
        return null;
      }
      byte[] bytes = Util.toByteArray(response.body().asInputStream());
      return bytes.length == 0 ? null : DaktelaChatWire.JSON.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return null; // not JSON (a proxy's HTML page): the status alone says enough
    }
  }

  /** Retry-After in seconds; null when absent or not a number. */
  private static Duration retryAfter(Response response) {
    return response.headers().entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
        .flatMap(e -> e.getValue().stream()).map(String::strip).filter(v -> v.matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v))).findFirst().orElse(null);
  }
}
