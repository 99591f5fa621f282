package io.deskbridge.mock.base;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An embedded webhook endpoint for the fakes' tests: records each request and answers from a script, else with its
 * default answer.
 */
public final class Receiver implements AutoCloseable {
  /** Salesforce's Outbound Message acknowledgement, the default answer of {@link #outboundMessages()}. */
  public static final String OUTBOUND_ACK = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      + "<soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
      + "</notificationsResponse></soapenv:Body></soapenv:Envelope>";

  /** A request as received. */
  public record Received(String contentType, String soapAction, String body) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final String path;
  private final String contentType;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer otherwise;

  /** An endpoint at {@code /hook} answering 200 with an empty body. */
  public Receiver() throws IOException {
    this("/hook", null, 200, "");
  }

  private Receiver(String path, String contentType, int status, String body) throws IOException {
    this.path = path;
    this.contentType = contentType;
    this.otherwise = new Answer(status, body);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A Salesforce Outbound Message endpoint at {@code /webhooks/acme}, acknowledging in {@code text/xml}. */
  public static Receiver outboundMessages() throws IOException {
    return new Receiver("/webhooks/acme", "text/xml; charset=utf-8", 200, OUTBOUND_ACK);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Scripts the answer to one request; scripted answers are used in order. */
  public Receiver then(int status, String body) {
    script.add(new Answer(status, body));
    return this;
  }

  /** Every request without a scripted answer gets this one. */
  public Receiver otherwise(int status, String body) {
    otherwise = new Answer(status, body);
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<String> bodies() {
    return received.stream().map(Received::body).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst("SOAPAction"),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Answer answer = script.poll();
    answer = answer == null ? otherwise : answer;
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
