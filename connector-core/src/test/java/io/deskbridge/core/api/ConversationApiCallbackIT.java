package io.deskbridge.core.api;

import static io.deskbridge.core.api.ApiTestServer.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.store.ConversationApiStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The signed callback over real HTTP: a receiver that refuses the first attempt gets the same delivery again, signed
 * with HMAC-SHA256 over {@code timestamp.body}, carrying the answer the synchronous POST got.
 */
class ConversationApiCallbackIT {
  private static final String SECRET = "callback-secret-for-tests";

  /** One request the receiver got. */
  record Received(Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuse = new AtomicInteger();
  private HttpServer receiver;
  private ApiTestServer server;

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(refuse.getAndDecrement() > 0 ? 500 : 204, -1);
      exchange.close();
    });
    receiver.start();
    server = new ApiTestServer(Map.of("callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
        "callbackSecret", Secret.of(SECRET), "callbackRetryDelay", "100ms", "callbackMaxAttempts", 3));
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.stop(0);
  }

  private static boolean signedRight(Received r) {
    long timestamp = Long.parseLong(r.header("Deskbridge-Timestamp"));
    return r.header("Deskbridge-Signature").equals(ApiCallbacks.signature(SECRET, timestamp, r.body()));
  }

  @Test
  void theAnswerIsPostedSignedAndARefusedDeliveryIsRetried() {
    refuse.set(1);
    String key = server.key("web");

    var answer = server.post(key, "/api/v1/conversations/cb-1/messages", message("How long does delivery take?"),
        Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
    assertThat(received).allSatisfy(r -> {
      assertThat(signedRight(r)).as("signature of %s", r.body()).isTrue();
      assertThat(Long.parseLong(r.header("Deskbridge-Timestamp")))
          .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
      assertThat(ApiTestServer.JSON.readTree(r.body())).isEqualTo(answer.body());
    });
    assertThat(received.get(1).header("Deskbridge-Delivery")).isEqualTo(received.get(0).header("Deskbridge-Delivery"));
    assertThat(server.contract.problems("/api/v1/conversations/{conversationId}/messages", "post", 200,
        "application/json", received.get(1).body())).isEmpty();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        server.deskbridge.store().conversationApi().callbacks("cb-1")).singleElement().satisfies(c -> {
          assertThat(c.status()).isEqualTo("DONE");
          assertThat(c.attempts()).isEqualTo(2);
        }));
  }

  @Test
  void aForgedSignatureDoesNotMatchAndAnAsyncRequestIsAnsweredByTheCallbackOnly() throws Exception {
    String key = server.key("web");

    var answer = server.post(key, "/api/v1/conversations/cb-2/messages", message("How long does delivery take?"),
        Map.of("Prefer", "respond-async"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.header("Location")).isEqualTo("/api/v1/conversations/cb-2/messages/"
        + answer.body().path("messageId").asText());
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    var r = received.get(0);
    assertThat(ApiTestServer.JSON.readTree(r.body()).path("decision").asText()).isEqualTo("reply");
    assertThat(r.header("Deskbridge-Signature"))
        .isNotEqualTo(ApiCallbacks.signature("another secret", Long.parseLong(r.header("Deskbridge-Timestamp")), r.body()))
        .isNotEqualTo(ApiCallbacks.signature(SECRET, Long.parseLong(r.header("Deskbridge-Timestamp")),
            r.body() + " "));
    var polled = server.get(key, answer.header("Location"));
    assertThat(polled.status()).isEqualTo(200);
    assertThat(polled.body()).isEqualTo(ApiTestServer.JSON.readTree(r.body()));
  }

  @Test
  void aReceiverThatAlwaysFailsIsGivenUpOnAfterTheConfiguredAttempts() {
    refuse.set(100);
    server.post(server.key("web"), "/api/v1/conversations/cb-3/messages", message("How long does delivery take?"),
        Map.of());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        server.deskbridge.store().conversationApi().callbacks("cb-3")).singleElement()
        .satisfies(c -> {
          assertThat(c.status()).isEqualTo("FAILED");
          assertThat(c.lastError()).isEqualTo("HTTP 500");
        }));
    assertThat(received).hasSize(3);
  }
}
