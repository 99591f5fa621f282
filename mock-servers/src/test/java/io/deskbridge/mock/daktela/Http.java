package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Calls a Daktela fake over real HTTP as a client would: the token in {@code X-AUTH-TOKEN} unless told otherwise. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    JsonNode result() {
      return json().get("result");
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final String base;
  private final String token;

  Http(DaktelaFake fake) {
    this(fake.baseUrl(), fake.config().accessToken());
  }

  Http(String base, String token) {
    this.base = base;
    this.token = token;
  }

  Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }

  Response post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  Response put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  Response send(String method, String pathAndQuery, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("X-AUTH-TOKEN", token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
