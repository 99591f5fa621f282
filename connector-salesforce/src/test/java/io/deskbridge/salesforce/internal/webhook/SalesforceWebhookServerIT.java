package io.deskbridge.salesforce.internal.webhook;

import static io.deskbridge.salesforce.internal.webhook.Envelopes.BOT_QUEUE;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.INTEGRATION_USER;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.hosting.WebhookHandler;
import io.deskbridge.core.hosting.WebhookServer;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.spi.WebhookEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Salesforce endpoint behind core's real webhook server, handler and store: what Salesforce (or a Flow) sees,
 * and what is written.
 */
class SalesforceWebhookServerIT {
  static final String TOKEN = "f3a9c1d27b6e4f08a5d2c9e1b7f40a63";
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger sinkCalls = new AtomicInteger();
  private JdbcStore store;
  private WebhookServer server;

  static WebhookEndpoint endpoint() {
    return new SalesforceWebhookEndpoint(ORG, Optional.of(TOKEN), List.of("127.0.0.0/8", "::1/128"),
        () -> Set.of(INTEGRATION_USER, BOT_QUEUE));
  }

  @BeforeEach
  void start() {
    store = JdbcStore.open(StoreConfig.h2Memory("sfhook-" + System.nanoTime()));
    var endpoint = endpoint();
    var handler = new WebhookHandler(id -> id.equals("acme") ? Optional.of(endpoint) : Optional.empty(),
        (id, events) -> {
          sinkCalls.incrementAndGet();
          return store.receive(id, "salesforce", events, java.time.Instant.now());
        }, store, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 1 << 20, handler, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", contentType).header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anOutboundMessageToTheTokenUrlIsStoredThenAcknowledgedAndItsRedeliveryIsNotStoredAgain() throws Exception {
    byte[] body = Envelopes.soap(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"),
        Envelopes.email("04l5g00000EmAilAAV", "02s5g00000EMIN1AAA", true, INTEGRATION_USER, "0")));

    var first = post("/webhooks/acme/" + TOKEN, "text/xml; charset=utf-8", body);
    var again = post("/webhooks/acme/" + TOKEN, "text/xml; charset=utf-8", body);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
    assertThat(first.body()).isEqualTo(SalesforceWebhookEndpoint.ACK);
    assertThat(again.body()).isEqualTo(SalesforceWebhookEndpoint.ACK);
    assertThat(sinkCalls).hasValue(2);
    assertThat(store.hasOpenWork()).isTrue();
  }

  @Test
  void aFlowCalloutIsAcknowledgedInJson() throws Exception {
    var response = post("/webhooks/acme/" + TOKEN, "application/json",
        Envelopes.json(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ack\":true}");
  }

  @Test
  void refusalsAreSoapFaultsWithTheirStatusNothingIsWrittenAndEachIsAudited() throws Exception {
    byte[] good = Envelopes.soap(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV")));
    var malformed = post("/webhooks/acme/" + TOKEN, "text/xml", "<soapenv:Envelope".getBytes());
    var otherOrg = post("/webhooks/acme/" + TOKEN, "text/xml",
        Envelopes.soap("00D5g000000ZZZZEAA", List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))));
    var noToken = post("/webhooks/acme", "text/xml", good);
    var jsonBad = post("/webhooks/acme/" + TOKEN, "application/json", "[]".getBytes());

    assertThat(List.of(malformed.statusCode(), otherOrg.statusCode(), noToken.statusCode(), jsonBad.statusCode()))
        .containsExactly(400, 401, 401, 400);
    for (var fault : List.of(malformed, otherOrg, noToken)) {
      assertThat(fault.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
      assertThat(fault.body()).contains("<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>");
    }
    assertThat(malformed.body()).contains("well-formed");
    assertThat(otherOrg.body()).contains("OrganizationId");
    assertThat(jsonBad.body()).startsWith("{\"error\":");
    assertThat(sinkCalls).as("nothing of a refused request is written").hasValue(0);
    assertThat(store.hasOpenWork()).isFalse();
    assertThat(store.all()).extracting(AuditRecord::decision).containsOnly("rejected");
    assertThat(store.all()).extracting(r -> r.reasons().get(0))
        .containsExactly("http_400", "http_401", "http_401", "http_400");
    assertThat(store.all()).noneSatisfy(r -> assertThat(r.toString()).contains(TOKEN));
  }
}
