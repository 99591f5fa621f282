package io.deskbridge.core.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookServerIT {
  private final List<AuditRecord> records = new CopyOnWriteArrayList<>();
  private final AuditLog store = new AuditLog() {
    @Override
    public void append(AuditRecord record) {
      records.add(record);
    }

    @Override
    public List<AuditRecord> all() {
      return List.copyOf(records);
    }
  };
  private final List<InboundEvent> accepted = new ArrayList<>();
  private final List<WebhookRequest> decoded = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private WebhookServer server;

  /** Accepts bodies that say "ok"; refuses the rest as not authentic. */
  private final WebhookEndpoint endpoint = new WebhookEndpoint() {
    @Override
    public void verify(WebhookRequest request) {
      if (!request.header("X-Token").orElse("").equals("t")) {
        throw WebhookRejectedException.unauthorized("bad token");
      }
    }

    @Override
    public List<InboundEvent> decode(WebhookRequest request) {
      decoded.add(request);
      if (!request.bodyText().equals("ok")) {
        throw WebhookRejectedException.badRequest("body must be ok");
      }
      return List.of(new InboundEvent("e1", "c1", InboundEvent.Kind.UPDATED, "", Optional.empty(), Optional.empty(),
          request.receivedAt()));
    }

    @Override
    public WebhookResponse acknowledge(List<InboundEvent> events) {
      return new WebhookResponse(200, "text/xml", "<Ack>true</Ack>");
    }
  };

  @BeforeEach
  void start() {
    var handler = new WebhookHandler(id -> id.equals("acme") ? Optional.of(endpoint) : Optional.empty(),
        (id, events) -> {
          accepted.addAll(events);
          return events.size();
        }, store, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 64, handler, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("X-Token", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void storesEventsThenAnswersWithTheVendorsAcknowledgement() throws Exception {
    var response = post("/webhooks/acme", "ok", "t");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("<Ack>true</Ack>");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
    assertThat(accepted).extracting(InboundEvent::id).containsExactly("e1");
  }

  @Test
  void theQueryParametersAndTheClientsAddressReachTheEndpoint() throws Exception {
    var response = post("/webhooks/acme?secret=s%C3%A9cr%20t%26x&tag=a&tag=b&empty=", "ok", "t");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(decoded).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/webhooks/acme");
      assertThat(r.query("secret")).as("decoded").contains("s\u00e9cr t&x");
      assertThat(r.query()).containsEntry("tag", List.of("a", "b")).containsKey("empty").hasSize(3);
      assertThat(r.remoteAddress()).isEqualTo("127.0.0.1");
      assertThat(r.toString()).doesNotContain("secret").endsWith("from 127.0.0.1");
    });
  }

  @Test
  void aPathTokenSegmentReachesTheEndpointInThePath() throws Exception {
    var response = post("/webhooks/acme/tok-123?x=1", "ok", "t");
    var deeper = post("/webhooks/acme/tok-123/more", "ok", "t");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(decoded).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/webhooks/acme/tok-123");
      assertThat(r.query("x")).contains("1");
      assertThat(r.toString()).doesNotContain("tok-123");
    });
    assertThat(deeper.statusCode()).as("one token segment, no more").isEqualTo(404);
    assertThat(accepted).extracting(InboundEvent::id).containsExactly("e1");
  }

  @Test
  void aRequestWithoutAQueryHasNone() throws Exception {
    post("/webhooks/acme", "ok", "t");

    assertThat(decoded).singleElement().satisfies(r -> assertThat(r.query()).isEmpty());
  }

  @Test
  void refusesWithAReasonAndAnAuditRecord() throws Exception {
    var unauthorized = post("/webhooks/acme", "ok", "wrong");
    var malformed = post("/webhooks/acme", "nope", "t");
    var unknown = post("/webhooks/other", "ok", "t");

    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.body()).contains("bad token");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("body must be ok");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(accepted).isEmpty();
    assertThat(store.all()).extracting(r -> r.reasons().get(0)).containsExactly("http_401", "http_400", "http_404");
  }

  @Test
  void refusesABodyOverTheLimitWith413() throws Exception {
    var response = post("/webhooks/acme", "x".repeat(65), "t");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(accepted).isEmpty();
  }

  @Test
  void aFailureToStoreIsA503SoTheVendorDeliversAgain() throws Exception {
    server.close();
    var handler = new WebhookHandler(id -> Optional.of(endpoint), (id, events) -> {
      throw new IllegalStateException("database unreachable");
    }, store, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 64, handler, Clock.systemUTC());

    var response = post("/webhooks/acme", "ok", "t");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("10");
    assertThat(response.body()).doesNotContain("database");
  }

  @Test
  void aBadSignatureWhileTheStoreIsClosedIsStill401WithoutATrace() throws Exception {
    server.close();
    var closed = io.deskbridge.core.store.JdbcStore.open(io.deskbridge.core.store.StoreConfig.h2Memory("closed-" + System.nanoTime()));
    closed.close();
    var handler = new WebhookHandler(id -> Optional.of(endpoint), (id, events) -> closed.receive(id, "test", events, java.time.Instant.now()), closed, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 64, handler, Clock.systemUTC());

    var unauthorized = post("/webhooks/acme", "ok", "wrong");
    var authentic = post("/webhooks/acme", "ok", "t");

    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.body()).isEqualTo("{\"error\":\"bad token\"}");
    assertThat(authentic.statusCode()).as("the store is down: deliver again later").isEqualTo(503);
  }

  @Test
  void healthIsDownWhileTheEngineIsNot() throws Exception {
    server.close();
    var handler = new WebhookHandler(id -> Optional.of(endpoint), (id, events) -> 0, store, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 64, handler, Clock.systemUTC(), () -> "", () -> false);

    var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("down");
  }

  @Test
  void answersHealth() throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"up\"");
  }
}
