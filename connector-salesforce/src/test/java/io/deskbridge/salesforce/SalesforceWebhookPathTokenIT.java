package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional secret path token (settings {@code webhook.pathToken}): Outbound Messages can carry no secret but in
 * their endpoint URL. The fake delivers to {@code /webhooks/test/{token}}; anything else is refused and not stored.
 */
class SalesforceWebhookPathTokenIT extends AbstractConnectorIT {
  private static final String TOKEN = "s3cret-path-token-for-tests";

  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture("Web", Map.of("webhook", Map.of("pathToken", Secret.of(TOKEN))));
  }

  private HttpResponse<String> post(String suffix, VendorFixture.WebhookBody body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(harness.webhookUrl() + suffix))
        .header("Content-Type", body.contentType()).header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void outboundMessagesToTheTokenUrlAreAnswered() throws Exception {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(post("/" + TOKEN, fixture.sampleWebhook(id)).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutTheTokenOrWithAnotherOneNothingIsStored() throws Exception {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    long stored = harness.inboxEvents();
    int calls = fixture.apiCalls(id);

    var none = post("", fixture.sampleWebhook(id));
    var wrong = post("/not-the-token", fixture.sampleWebhook(id));
    settle();

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).as("a SOAP fault, never the token").contains("Fault").doesNotContain(TOKEN);
    assertThat(harness.inboxEvents()).isEqualTo(stored);
    assertThat(fixture.apiCalls(id)).isEqualTo(calls);
    assertThat(harness.audit()).filteredOn(r -> r.decision().equals("rejected")).hasSize(2)
        .allSatisfy(r -> assertThat(r.input()).doesNotContain(TOKEN));
  }
}
