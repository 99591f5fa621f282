package io.deskbridge.mock.daktela;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint that records each request whole (query, headers, body) and answers scripted statuses. */
final class Hook implements AutoCloseable {
  record Request(String query, String contentType, String secretHeader, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

  Hook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/acme");
  }

  /** The next requests get these statuses, in order; then 200. */
  Hook answer(Integer... codes) {
    statuses.addAll(List.of(codes));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<String> bodies() {
    return requests.stream().map(Request::body).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    requests.add(new Request(x.getRequestURI().getRawQuery(), x.getRequestHeaders().getFirst("Content-Type"),
        x.getRequestHeaders().getFirst("X-Webhook-Secret"),
        new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Integer status = statuses.poll();
    x.sendResponseHeaders(status == null ? 200 : status, -1);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
