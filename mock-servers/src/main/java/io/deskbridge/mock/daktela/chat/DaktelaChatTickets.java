package io.deskbridge.mock.daktela.chat;

import io.deskbridge.mock.daktela.DaktelaFake;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rest of the instance's REST API v6 behind the web-chat fake, as one Daktela instance serves both on one base
 * URL: every {@code /api/v6/} request other than {@link DaktelaChatRealtime#PATH} is passed, as it came (method, path,
 * query, {@code X-AUTH-TOKEN}, {@code Content-Type}, body), to a ticket fake ({@link DaktelaFake}) and its answer
 * (status, body, {@code Retry-After}) is returned. The ticket fake is started at the first such request or
 * {@link #fake()} call, with the chat fake's clock and zone and the API user {@code deskbridge} authenticated by
 * {@link DaktelaChatRealtime#ACCESS_TOKEN} (the token the realtime sessions take); it fails loudly on what it does not
 * serve, as it does on its own. Thread-safe.
 */
public final class DaktelaChatTickets {
  private final DaktelaChatFake.Config config;
  private final HttpClient http = HttpClient.newHttpClient();
  private DaktelaFake fake;

  DaktelaChatTickets(DaktelaChatFake.Config config) {
    this.config = config;
  }

  static boolean serves(String path) {
    return path.startsWith("/api/v6/") && !DaktelaChatRealtime.serves(path);
  }

  /** The ticket fake behind the instance's REST API (started now if it was not). */
  public synchronized DaktelaFake fake() {
    if (fake == null) {
      fake = DaktelaFake.start(DaktelaFake.Config.defaults().withClock(config.clock()).withZone(config.zone())
          .withApiUser("deskbridge", DaktelaChatRealtime.ACCESS_TOKEN));
    }
    return fake;
  }

  /** Requests the ticket fake refused as not served; empty while it was never started. */
  synchronized List<String> unmatched() {
    return fake == null ? List.of() : fake.unmatchedRequests();
  }

  synchronized void reset() {
    if (fake != null) {
      fake.reset();
    }
  }

  synchronized void close() {
    if (fake != null) {
      fake.close();
      fake = null;
    }
  }

  /** Passes one request on and returns the ticket fake's answer. */
  DaktelaChatServer.Reply forward(String method, String pathAndQuery, Function<String, String> header, byte[] body) {
    var request = HttpRequest.newBuilder(URI.create(fake().baseUrl() + pathAndQuery))
        .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : List.of("X-AUTH-TOKEN", "Content-Type", "Accept")) {
      String value = header.apply(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    try {
      var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      var headers = answer.headers().firstValue("Retry-After").map(v -> Map.of("Retry-After", v))
          .orElse(Map.of());
      return new DaktelaChatServer.Reply(answer.statusCode(), answer.body(), headers);
    } catch (IOException e) {
      throw new IllegalStateException("the ticket fake behind the web-chat fake did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
