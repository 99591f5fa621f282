package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny REST client for the fake, speaking plain java.net.http like any Zendesk client would. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  record Res(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final String base;
  private final String authorization;

  Api(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  static Api bot(ZendeskFake fake) {
    return new Api(fake.baseUrl(), basic(fake.config().agentEmail() + "/token:"
        + fake.config().apiToken()));
  }

  static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(
        userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  Api as(String otherAuthorization) {
    return new Api(base, otherAuthorization);
  }

  Res get(String pathOrUrl) {
    return send("GET", pathOrUrl, null);
  }

  Res put(String path, String json) {
    return send("PUT", path, json);
  }

  Res post(String path, String json) {
    return send("POST", path, json);
  }

  Res delete(String path, String json) {
    return send("DELETE", path, json);
  }

  Res send(String method, String pathOrUrl, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
            pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl))
        .header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json; charset=UTF-8");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
