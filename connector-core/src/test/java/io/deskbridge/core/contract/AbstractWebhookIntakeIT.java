package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.contract.VendorFixture.WebhookBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Webhook intake: what the vendor delivers (repeated, late, out of order) and what it must not get past the
 * door (forged, malformed). Bodies, content types and forged headers come from the fixture, in the vendor's own
 * shape.
 */
public abstract class AbstractWebhookIntakeIT extends AbstractConnectorIT {

  @Test
  void theSameWebhookDeliveredThreeTimesGivesOneReply() {
    fixture.duplicateNextDelivery(3);
    String id = answered("Returns", "How can I return an item?");

    assertThat(bot(id, true)).hasSize(1);
    assertThat(decisions(id, "reply")).hasSize(1);
  }

  @Test
  void everyWebhookDeliveredAgainLateChangesNothing() {
    String id = answered("Returns", "How can I return an item?");
    fixture.customerWrites(id, "And how long does delivery take?");
    settleWhen(() -> bot(id, true).size() == 2);
    var messages = fixture.messages(id);
    int decided = harness.audit(id).size();

    fixture.redeliverAll(id);
    settle();

    assertThat(fixture.messages(id)).as("nothing written again").isEqualTo(messages);
    assertThat(harness.audit(id).subList(decided, harness.audit(id).size()))
        .noneSatisfy(r -> assertThat(r.decision()).isIn("reply", "clarify", "handover", "draft"));
  }

  @Test
  void webhooksDeliveredOutOfOrderNeverPutTheBotAfterTheAgent() {
    String id = answered("Delivery", "How long does delivery take?");
    fixture.shuffleDeliveries(true);
    fixture.customerWrites(id, "And how much does shipping cost?");
    fixture.passTime(Duration.ofSeconds(2));
    fixture.agentWrites(id, "Hi, Alice here, I will look into your delivery personally.");
    fixture.customerWrites(id, "Thanks! How can I return an item?");
    settle();
    fixture.shuffleDeliveries(false);

    assertThat(afterTheAgent(id)).as("the bot wrote nothing after the agent, whatever the delivery order")
        .noneSatisfy(m -> assertThat(m.author()).isEqualTo(FakeMessage.BOT));
    assertThat(bot(id, true)).as("each customer message answered at most once").hasSizeBetween(1, 2);
  }

  @Test
  void aForgedWebhookIsRefusedAndNothingIsWritten() {
    String id = answered("Login", "How do I reset my password?");
    int calls = fixture.apiCalls(id);
    int audits = harness.audit().size();

    WebhookBody forged = fixture.forgedWebhook(id);
    var response = harness.post(forged, fixture.forgedHeaders(forged.body()));
    settle();

    assertThat(response.statusCode()).isIn(401, 403);
    assertThat(response.body()).as("the refusal says why").isNotBlank();
    assertThat(fixture.apiCalls(id)).isEqualTo(calls);
    assertThat(bot(id, true)).hasSize(1);
    assertThat(harness.audit()).hasSize(audits + 1).last()
        .satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
  }

  @Test
  @EnabledIf("supportsSignedWebhooks")
  void aTamperedBodyUnderAValidSignatureIsRefusedWith401() {
    String id = answered("Login", "How do I reset my password?");
    int calls = fixture.apiCalls(id);
    int audits = harness.audit().size();

    WebhookBody sample = fixture.sampleWebhook(id);
    var headers = new HashMap<>(fixture.signedHeaders(sample.body()));
    byte[] tampered = new String(sample.body(), StandardCharsets.UTF_8).replace("a", "b")
        .getBytes(StandardCharsets.UTF_8);
    var response = harness.post(new WebhookBody(tampered, sample.contentType()), headers);
    settle();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("signature");
    assertThat(fixture.apiCalls(id)).isEqualTo(calls);
    assertThat(bot(id, true)).hasSize(1);
    assertThat(harness.audit()).hasSize(audits + 1).last()
        .satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
  }

  @Test
  void anAuthenticSampleIsAccepted() {
    String id = answered("Login", "How do I reset my password?");
    WebhookBody sample = fixture.sampleWebhook(id);

    var response = harness.post(sample, fixture.signedHeaders(sample.body()));

    assertThat(response.statusCode()).as("the sample the other tests forge is itself valid").isEqualTo(200);
  }

  @Test
  void aMalformedBodyIsRefusedWith400AndAReason() {
    WebhookBody malformed = fixture.malformedWebhook();

    var response = harness.post(malformed, fixture.signedHeaders(malformed.body()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).as("the refusal says why").isNotBlank();
    assertThat(harness.audit()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
    assertThat(harness.inboxEvents()).isZero();
  }

  @Test
  void healthAnswersAndAnUnauthenticatedEmptyRequestIsRefused() {
    assertThat(harness.health()).hasValueSatisfying(body -> assertThat(body).contains("up"));
    int status = harness.post(new byte[0], Map.of()).statusCode();
    if (supportsSignedWebhooks()) {
      assertThat(status).as("no signature").isEqualTo(401);
    } else {
      assertThat(status).as("not authenticated or not a webhook").isBetween(400, 403);
    }
  }
}
