package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook endpoint for the SunCo fake's tests: records each POST (its {@code X-API-Key} and JSON body) and answers
 * scripted statuses, then 200; a scripted {@link #HANG} holds the answer until {@link #close} (an attempt that times
 * out).
 */
final class SuncoHook implements AutoCloseable {
  static final int HANG = -1;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Request(String apiKey, String contentType, JsonNode body) {
    /** The events of this POST. */
    List<JsonNode> events() {
      List<JsonNode> out = new ArrayList<>();
      body.path("events").forEach(out::add);
      return out;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  SuncoHook() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/chat");
  }

  /** The next requests get these statuses (or {@link #HANG}), in order; then 200. */
  SuncoHook answer(Integer... codes) {
    statuses.addAll(List.of(codes));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every event received, in arrival order, duplicates included. */
  List<JsonNode> events() {
    List<JsonNode> out = new ArrayList<>();
    requests.forEach(r -> out.addAll(r.events()));
    return out;
  }

  /** The events of {@code type}, in arrival order. */
  List<JsonNode> events(String type) {
    return events().stream().filter(e -> e.path("type").asText().equals(type)).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    requests.add(new Request(x.getRequestHeaders().getFirst("X-API-Key"),
        x.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(new String(raw, StandardCharsets.UTF_8))));
    Integer status = statuses.poll();
    if (status != null && status == HANG) {
      try {
        closed.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
      return;
    }
    x.sendResponseHeaders(status == null ? 200 : status, -1);
    x.close();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
