package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.contract.VendorFixture.WebhookBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Events module's HTTP action as the admin may set it up (contract: "Events"): a JSON or form-encoded trigger
 * naming the ticket, the secret in the header or as the query value {@code secret}. Nothing is subscribed: each test
 * posts its own triggers, so the only way the connector learns of a ticket is the trigger under test. A missing or
 * wrong secret is refused with 401 before anything is stored or read.
 */
class DaktelaWebhookTriggersIT extends AbstractConnectorIT {
  private static final String QUESTION = "How do I reset my password? I can't log in.";
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture().withoutSubscription();
  }

  private DaktelaFixture dk() {
    return (DaktelaFixture) fixture;
  }

  private HttpResponse<String> post(String query, WebhookBody body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(URI.create(harness.webhookUrl() + query))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).header("Content-Type", body.contentType());
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void assertAnsweredOnce(String id) {
    settleWhen(() -> !bot(id, true).isEmpty());
    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "reply")).hasSize(1);
  }

  @Test
  void aJsonTicketCreateTriggerGetsTheTicketAnswered() {
    String id = fixture.customerOpens("Login", QUESTION);

    var response = post("", DaktelaFixture.json(Map.of("event", "ticket_create", "ticket", id)),
        fixture.signedHeaders(new byte[0]));

    assertThat(response.statusCode()).isEqualTo(200);
    assertAnsweredOnce(id);
  }

  @Test
  void aFormEncodedActivityTriggerWithTheTicketNumberAsDaktelaPrintsItGetsTheTicketAnswered() {
    String id = fixture.customerOpens("Login", QUESTION);
    String opening = dk().fake.activities(id).get(0).name();

    var response = post("", DaktelaFixture.form(Map.of("event", "activity_create",
        "ticket", "TK" + String.format("%08d", Long.parseLong(id)), "activity", opening, "user", "")),
        fixture.signedHeaders(new byte[0]));

    assertThat(response.statusCode()).isEqualTo(200);
    assertAnsweredOnce(id);
  }

  @Test
  void theSecretMayComeAsTheQueryValueSecret() {
    String id = fixture.customerOpens("Login", QUESTION);

    var response = post("?secret=" + DaktelaFixture.SECRET,
        DaktelaFixture.json(Map.of("event", "ticket_create", "ticket", id)), Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertAnsweredOnce(id);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"wrong header", "missing", "wrong query value", "empty header"})
  void aWrongOrMissingSecretIs401AndNothingIsStoredReadOrWritten(String how) {
    String id = fixture.customerOpens("Login", QUESTION);
    var trigger = DaktelaFixture.json(Map.of("event", "ticket_create", "ticket", id));

    var response = switch (how) {
      case "wrong header" -> post("", trigger, fixture.forgedHeaders(trigger.body()));
      case "wrong query value" -> post("?secret=not-the-webhook-secret", trigger, Map.of());
      case "empty header" -> post("", trigger, Map.of(DaktelaFixture.SECRET_HEADER, ""));
      default -> post("", trigger, Map.of());
    };
    settle();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).as("says why, never the secret").isNotBlank().doesNotContain(DaktelaFixture.SECRET);
    assertThat(harness.inboxEvents()).as("nothing stored").isZero();
    assertThat(fixture.apiCalls(id)).as("nothing read").isZero();
    assertThat(fixture.messages(id)).as("nothing written").hasSize(1);
    assertThat(harness.audit()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
  }

  @Test
  void aTriggerWithoutItsTicketIs400NamingTheField() {
    var response = post("", DaktelaFixture.json(Map.of("event", "ticket_create")), fixture.signedHeaders(new byte[0]));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("ticket");
    assertThat(harness.inboxEvents()).isZero();
  }
}
