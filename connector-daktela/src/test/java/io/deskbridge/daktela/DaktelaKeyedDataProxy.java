package io.deskbridge.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through in front of the Daktela fake that answers every list the way some Daktela instances do (vendor
 * contract, "object-keyed data" [I]): {@code result.data} as an object keyed by each record's {@code name} instead of
 * an array, and {@code result.total} as a string. The fake itself emits arrays, as the vendor contract asks of a
 * mock; everything else (status, body, {@code Retry-After}) passes unchanged.
 */
final class DaktelaKeyedDataProxy implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FORWARDED = List.of("X-AUTH-TOKEN", "Content-Type", "Accept");

  private final String target;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger keyed = new AtomicInteger();

  DaktelaKeyedDataProxy(String target) {
    this.target = target.replaceAll("/+$", "");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the proxy", e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::forward);
    server.start();
  }

  /** The URL to configure instead of the fake's. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many lists with at least one record it has answered keyed. */
  int keyedAnswers() {
    return keyed.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      var request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      byte[] answer = keyed(response.body());
      var headers = exchange.getResponseHeaders();
      response.headers().firstValue("Content-Type").ifPresent(v -> headers.set("Content-Type", v));
      response.headers().firstValue("Retry-After").ifPresent(v -> headers.set("Retry-After", v));
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
    }
  }

  /** The body with a list's {@code data} keyed by name and its {@code total} as a string; any other body as it is. */
  private byte[] keyed(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return body;
    }
    if (root == null || !(root.path("result") instanceof ObjectNode result) || !result.path("data").isArray()
        || result.path("data").isEmpty()) {
      return body;
    }
    var byName = JSON.createObjectNode();
    for (JsonNode record : result.get("data")) {
      byName.set(record.path("name").asText(), record);
    }
    result.set("data", byName);
    if (result.has("total")) {
      result.put("total", result.get("total").asText());
    }
    keyed.incrementAndGet();
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
