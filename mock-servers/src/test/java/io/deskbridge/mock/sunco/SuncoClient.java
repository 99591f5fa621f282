package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls a SunCo fake over real HTTP as the connector would: Basic with the app key unless another
 * {@code Authorization} is given; paths relative to {@code /sc/v2/apps/{appId}}.
 */
final class SuncoClient {
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

    /** The first error's code, as SunCo's {@code {"errors":[{"code","title"}]}}. */
    String errorCode() {
      return json().path("errors").path(0).path("code").asText(null);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final String appBase;
  private final String authorization;

  private SuncoClient(String appBase, String authorization) {
    this.appBase = appBase;
    this.authorization = authorization;
  }

  /** Basic with the fake's app key. */
  static SuncoClient basic(SuncoFake fake) {
    SuncoFake.Config c = fake.config();
    return with(fake, "Basic " + Base64.getEncoder().encodeToString((c.keyId() + ":" + c.keySecret())
        .getBytes(StandardCharsets.UTF_8)));
  }

  /** This {@code Authorization} header (null: none). */
  static SuncoClient with(SuncoFake fake, String authorization) {
    return new SuncoClient(fake.apiUrl() + "/v2/apps/" + fake.config().appId(), authorization);
  }

  /** An HS256 JWT from this header and payload JSON, signed with {@code secret}. */
  static String jwt(String headerJson, String payloadJson, String secret) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The app key's JWT as the docs show it: {@code kid} in the header, {@code scope: app}. */
  static String appJwt(SuncoFake.Config c) {
    return jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + c.keyId() + "\"}", "{\"scope\":\"app\"}",
        c.keySecret());
  }

  Response get(String path) {
    return send("GET", appBase + path, null);
  }

  Response post(String path, String json) {
    return send("POST", appBase + path, json);
  }

  /** An absolute URL. */
  Response sendTo(String method, String url, String json) {
    return send(method, url, json);
  }

  private Response send(String method, String url, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
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
