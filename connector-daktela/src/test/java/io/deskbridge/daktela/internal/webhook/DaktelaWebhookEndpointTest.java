package io.deskbridge.daktela.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The endpoint alone, on requests shaped like the Events module's HTTP action with the README's templates. */
class DaktelaWebhookEndpointTest {
  private static final Instant NOW = Instant.parse("2026-12-04T13:03:09Z");
  private static final String SECRET = "s3cr3t-from-the-admin";
  private static final String TICKET_UPDATE = """
      {"event":"ticket_update","ticket":"9672","user":"alice","stage":"OPEN","edited":"2026-12-04 14:03:07"}""";
  private final AtomicInteger loginReads = new AtomicInteger();
  private final DaktelaWebhookEndpoint endpoint = new DaktelaWebhookEndpoint(Optional.of(Secret.of(SECRET)),
      "X-Webhook-Secret", () -> {
        loginReads.incrementAndGet();
        return "deskbridge";
      }, Clock.fixed(NOW, ZoneOffset.UTC));

  private static WebhookRequest request(Map<String, List<String>> query, Map<String, List<String>> headers,
      String body) {
    return new WebhookRequest("POST", "/webhooks/acme-daktela", query, headers,
        body.getBytes(StandardCharsets.UTF_8), "", NOW);
  }

  private static WebhookRequest json(String secretHeaderName, String secret, String body) {
    return request(Map.of(), Map.of("Content-Type", List.of("application/json"), secretHeaderName, List.of(secret)),
        body);
  }

  private List<InboundEvent> accept(WebhookRequest request) {
    endpoint.verify(request);
    return endpoint.decode(request);
  }

  private static void assertUnauthorized(Runnable call, String reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage()).contains(reason).doesNotContain(SECRET).doesNotContain("wrong-secret");
    });
  }

  @Test
  void acceptsTheSecretInTheConfiguredHeaderInAnyCase() {
    for (String name : List.of("X-Webhook-Secret", "x-webhook-secret", "X-WEBHOOK-SECRET")) {
      assertThat(accept(json(name, SECRET, TICKET_UPDATE))).singleElement().satisfies(e -> {
        assertThat(e.id()).isEqualTo("ticket:9672@2026-12-04 14:03:07/updated");
        assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
        assertThat(e.conversationId()).isEqualTo("9672");
        assertThat(e.occurredAt()).isEqualTo(NOW);
      });
    }
  }

  @Test
  void acceptsTheSecretAsAQueryParameterWithAFormBody() {
    var request = request(Map.of("secret", List.of(SECRET)),
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        "event=activity_create&ticket=TK00009672&activity=activities_5f3a9c&user=deskbridge");
    assertThat(accept(request)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("activity:activities_5f3a9c");
      assertThat(e.message()).as("the bot's own echo").isPresent();
    });
  }

  @Test
  void anEmptyHeaderLeavesTheQueryToTell() {
    var request = request(Map.of("secret", List.of(SECRET)), Map.of("X-Webhook-Secret", List.of("")), TICKET_UPDATE);
    assertThat(accept(request)).hasSize(1);
  }

  @Test
  void aWrongOrMissingSecretIs401WithoutTheSecretInTheReason() {
    assertUnauthorized(() -> endpoint.verify(json("X-Webhook-Secret", "wrong-secret", TICKET_UPDATE)),
        "wrong webhook secret");
    assertUnauthorized(() -> endpoint.verify(json("X-Webhook-Secret", SECRET + "x", TICKET_UPDATE)),
        "wrong webhook secret");
    assertUnauthorized(() -> endpoint.verify(json("X-Webhook-Secret", "", TICKET_UPDATE)), "missing webhook secret");
    assertUnauthorized(() -> endpoint.verify(json("X-Other-Header", SECRET, TICKET_UPDATE)),
        "missing webhook secret (header X-Webhook-Secret or query parameter 'secret')");
    assertUnauthorized(() -> endpoint.verify(request(Map.of("Secret", List.of(SECRET)), Map.of(), TICKET_UPDATE)),
        "missing webhook secret");
    assertUnauthorized(() -> endpoint.verify(request(Map.of("secret", List.of("wrong-secret")), Map.of(),
        TICKET_UPDATE)), "wrong webhook secret");
  }

  @Test
  void aRefusedRequestIsNotDecoded() {
    var decoded = new AtomicInteger();
    var request = json("X-Webhook-Secret", "wrong-secret", "not even a trigger");
    assertThatThrownBy(() -> {
      endpoint.verify(request);
      decoded.incrementAndGet();
      endpoint.decode(request);
    }).isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(decoded).hasValue(0);
    assertThat(loginReads).as("verify reads nothing but the secret").hasValue(0);
  }

  @Test
  void anInstallationWithoutASecretRefusesEveryRequest() {
    var polling = new DaktelaWebhookEndpoint(Optional.empty(), "X-Webhook-Secret", () -> "deskbridge",
        Clock.fixed(NOW, ZoneOffset.UTC));
    assertUnauthorized(() -> polling.verify(json("X-Webhook-Secret", SECRET, TICKET_UPDATE)), "no webhookSecret");
  }

  @Test
  void aBodyWithoutEventOrTicketIs400NamingTheField() {
    for (var c : Map.of("{\"ticket\":\"9672\"}", "'event'", "{\"event\":\"ticket_update\",\"ticket\":\"\"}", "'ticket'",
        "{\"event\":\"ticket_update\",\"ticket\":\"TKabc\"}", "'ticket'").entrySet()) {
      var request = json("X-Webhook-Secret", SECRET, c.getKey());
      endpoint.verify(request);
      assertThatThrownBy(() -> endpoint.decode(request)).as(c.getKey())
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(c.getValue());
          });
    }
  }

  @Test
  void aReleaseSnapshotNamesTheInstallationFromThePath() {
    String body = TICKET_UPDATE.replace("alice", "deskbridge");
    assertThat(accept(json("X-Webhook-Secret", SECRET, body))).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT);
      assertThat(e.snapshot().orElseThrow().key().installation()).isEqualTo("acme-daktela");
    });
  }

  @Test
  void anOpenTicketNobodyHoldsIsAcknowledgedWithNoEvent() {
    var events = accept(json("X-Webhook-Secret", SECRET, TICKET_UPDATE.replace("\"alice\"", "\"\"")));
    assertThat(events).isEmpty();
    var ack = endpoint.acknowledge(json("X-Webhook-Secret", SECRET, TICKET_UPDATE), events);
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.contentType()).isEqualTo("application/json");
  }
}
