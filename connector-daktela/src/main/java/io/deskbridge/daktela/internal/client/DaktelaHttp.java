package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.Retryer;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import io.deskbridge.core.config.Secret;
import io.deskbridge.daktela.DaktelaConfig;
import io.deskbridge.daktela.internal.mapping.DaktelaApiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * Builds the Feign client: the JDK's HTTP client (HTTP/1.1, no redirects) through feign-java11, Jackson bodies,
 * the access token in the {@code X-AUTH-TOKEN} header or the {@code accessToken} query, no retries (core retries),
 * and error statuses decoded into {@link DaktelaApiException}s whose message never holds the query.
 */
final class DaktelaHttp {
  static final String TOKEN_HEADER = "X-AUTH-TOKEN";
  static final String TOKEN_QUERY = "accessToken";

  private DaktelaHttp() {}

  static DaktelaApi api(DaktelaConfig config, ObjectMapper json, Clock clock) {
    return api(config.url(), config.authIn(), config.accessToken(), config.connectTimeout(), config.readTimeout(),
        json, clock);
  }

  /** The same client from its parts, for an installation whose settings are not a {@link DaktelaConfig}. */
  static DaktelaApi api(URI url, DaktelaConfig.AuthIn authIn, Secret token, Duration connectTimeout,
      Duration readTimeout, ObjectMapper json, Clock clock) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return Feign.builder()
        .client(new Http2Client(http))
        .options(new Request.Options(connectTimeout, readTimeout, false))
        .encoder(new JacksonEncoder(json))
        .decoder(decoder(json))
        .errorDecoder(errorDecoder(json, clock))
        .retryer(Retryer.NEVER_RETRY)
        .requestInterceptor(auth(authIn, token))
        .target(DaktelaApi.class, base(url));
  }

  /** The URL without a trailing slash; the API paths start with {@code /api/v6}. */
  static String base(URI url) {
    return url.toString().replaceAll("/+$", "");
  }

  static RequestInterceptor auth(DaktelaConfig.AuthIn in, Secret token) {
    return template -> {
      if (in == DaktelaConfig.AuthIn.QUERY) {
        template.query(TOKEN_QUERY, DaktelaQuery.encode(token.reveal()));
      } else {
        template.header(TOKEN_HEADER, token.reveal());
      }
    };
  }

  /** The whole envelope as a tree; an empty body (204) as JSON null. */
  static Decoder decoder(ObjectMapper json) {
    return (response, type) -> {
      if (response.body() == null) {
        return NullNode.getInstance();
      }
      byte[] body = Util.toByteArray(response.body().asInputStream());
      return body.length == 0 ? NullNode.getInstance() : json.readTree(body);
    };
  }

  static ErrorDecoder errorDecoder(ObjectMapper json, Clock clock) {
    return (methodKey, response) -> {
      var problem = DaktelaEnvelope.problem(body(json, response));
      return new DaktelaApiException(response.status(), call(response.request()), problem.message(), problem.field(),
          retryAfter(response, clock));
    };
  }

  /** {@code METHOD /path}, without the query (which may hold the access token). */
  static String call(Request request) {
    String url = request.url();
    int q = url.indexOf('?');
    String path = URI.create(q < 0 ? url : url.substring(0, q)).getRawPath();
    return request.httpMethod() + " " + path;
  }

  private static JsonNode body(ObjectMapper json, Response response) {
    try {
      if (response.body() == null) {
        return null;
      }
      byte[] bytes = Util.toByteArray(response.body().asInputStream());
      return bytes.length == 0 ? null : json.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return null; // not JSON (a proxy's HTML page): the status alone says enough
    }
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Response response, Clock clock) {
    Collection<String> values = response.headers().entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
        .findFirst().map(java.util.Map.Entry::getValue).orElse(java.util.List.of());
    for (String value : values) {
      String v = value.strip();
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
      } catch (NumberFormatException e) {
        try {
          Duration d = Duration.between(clock.instant(),
              ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
          return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException ignored) {
          // try the next value
        }
      }
    }
    return null;
  }
}
