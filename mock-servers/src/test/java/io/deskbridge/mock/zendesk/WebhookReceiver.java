package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An embedded webhook endpoint that records requests and answers from a script (default 200). */
final class WebhookReceiver implements AutoCloseable {
  record Received(String method, com.sun.net.httpserver.Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }

    JsonNode json() {
      try {
        return Api.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Verifies the signature exactly as documented: base64(HMAC-SHA256(secret, ts + body)). */
    boolean signedWith(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(header("x-zendesk-webhook-signature-timestamp").getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(body));
        return expected.equals(header("x-zendesk-webhook-signature"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private record Answer(int status, String retryAfter, Duration hang) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/zendesk/webhook");
  }

  /** The next request is answered with {@code status} (and Retry-After when not null). */
  WebhookReceiver thenAnswer(int status, String retryAfter) {
    script.add(new Answer(status, retryAfter, Duration.ZERO));
    return this;
  }

  /** The next request gets no answer for {@code hang}, then 200. */
  WebhookReceiver thenHang(Duration hang) {
    script.add(new Answer(200, null, hang));
    return this;
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
    Answer answer = script.poll();
    answer = answer == null ? new Answer(200, null, Duration.ZERO) : answer;
    try {
      if (!answer.hang().isZero()) {
        new CountDownLatch(1).await(answer.hang().toMillis(), TimeUnit.MILLISECONDS);
      }
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
      }
      exchange.sendResponseHeaders(answer.status(), -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGone) {
      // the fake timed out and closed the connection
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
