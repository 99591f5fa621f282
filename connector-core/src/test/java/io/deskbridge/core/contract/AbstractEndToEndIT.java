package io.deskbridge.core.contract;

import static io.deskbridge.core.contract.VendorFixture.FakeMessage.AGENT;
import static io.deskbridge.core.contract.VendorFixture.FakeMessage.BOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.engine.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over real HTTP: the vendor's fake sends webhooks to the running connector, which answers
 * through the vendor's API. Every outcome is read from the fake's own state. A vendor module extends this
 * with {@link #fixture()} returning its fixture.
 */
public abstract class AbstractEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  protected VendorFixture fixture;
  protected ConnectorHarness harness;

  /** A fresh fixture with a started fake; it is closed after each test. */
  protected abstract VendorFixture fixture();

  /** The installation's mode for these tests. */
  protected Mode mode() {
    return Mode.AUTO;
  }

  @BeforeEach
  void startConnector() {
    fixture = fixture();
    harness = new ConnectorHarness(fixture, mode());
  }

  @AfterEach
  void stopConnector() throws Exception {
    harness.close();
    fixture.close();
  }

  /** Waits until the fake delivered everything and the engine processed it. */
  protected void settle() {
    fixture.awaitDeliveries(WAIT);
    harness.awaitIdle();
  }

  private List<FakeMessage> bot(String id, boolean isPublic) {
    return fixture.messages(id).stream().filter(m -> m.author().equals(BOT) && m.isPublic() == isPublic).toList();
  }

  @Test
  void answersAQuestionFromTheKnowledgeBase() {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");

    await().atMost(WAIT).until(() -> !bot(id, true).isEmpty());
    settle();

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(bot(id, false)).isEmpty();
    assertThat(harness.audit(id)).anySatisfy(r -> {
      assertThat(r.decision()).isEqualTo("reply");
      assertThat(r.articleId()).isEqualTo("password-reset");
    });
    assertThat(fixture.apiCalls(id)).as("API calls for an answered conversation").isLessThanOrEqualTo(2);
  }

  @Test
  void handsOverOnRequestForAPersonWithSummaryNoteGroupAndCustomerMessage() {
    String id = fixture.customerOpens("Order 48213",
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");

    await().atMost(WAIT).until(() -> !bot(id, false).isEmpty() && !bot(id, true).isEmpty());
    settle();

    assertThat(bot(id, false)).singleElement().satisfies(note -> assertThat(note.text())
        .containsIgnoringCase("human request").contains("48213").contains("jan@example.com"));
    assertThat(bot(id, true)).hasSize(1);
    assertThat(fixture.groupOf(id)).isNotEmpty();
    assertThat(fixture.tagsOf(id)).contains("deskbridge_handover");
    assertThat(fixture.apiCalls(id)).as("API calls for a handover").isLessThanOrEqualTo(2);

    int before = fixture.messages(id).size();
    fixture.customerWrites(id, "Hello? How do I reset my password?");
    await().atMost(WAIT).until(() -> fixture.messages(id).size() == before + 1);
    settle();

    assertThat(fixture.messages(id)).hasSize(before + 1);
    assertThat(harness.audit(id)).last().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("ignore");
      assertThat(r.reasons()).containsExactly("human_owns_conversation");
    });
  }

  @Test
  void staysSilentAfterAnAgentTookOver() {
    String id = fixture.customerOpens("Delivery", "How long does delivery take?");
    await().atMost(WAIT).until(() -> !bot(id, true).isEmpty());
    settle();

    fixture.agentWrites(id, "Hi, Alice here, I will look into your delivery personally.");
    fixture.customerWrites(id, "Thanks! And how much does shipping cost?");
    settle();

    assertThat(bot(id, true)).hasSize(1);
    assertThat(fixture.messages(id)).last().satisfies(m -> assertThat(m.author()).isNotEqualTo(BOT));
    assertThat(fixture.messages(id)).anySatisfy(m -> assertThat(m.author()).isEqualTo(AGENT));
  }

  @Test
  void theSameWebhookDeliveredThreeTimesGivesOneReply() {
    fixture.duplicateNextDelivery(3);
    String id = fixture.customerOpens("Returns", "How can I return an item?");

    await().atMost(WAIT).until(() -> !bot(id, true).isEmpty());
    settle();

    assertThat(bot(id, true)).hasSize(1);
    assertThat(harness.audit(id).stream().filter(r -> r.decision().equals("reply"))).hasSize(1);
  }

  @Test
  void aBadSignatureIsRefusedWith401AndNothingIsWritten() {
    String id = fixture.customerOpens("Login", "How do I reset my password?");
    await().atMost(WAIT).until(() -> !bot(id, true).isEmpty());
    settle();
    int calls = fixture.apiCalls(id);
    int audits = harness.audit().size();

    byte[] body = fixture.sampleWebhookBody(id);
    var headers = new java.util.HashMap<>(fixture.signedHeaders(body));
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("a", "b").getBytes(StandardCharsets.UTF_8);
    var response = harness.post(tampered, headers);
    settle();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("signature");
    assertThat(fixture.apiCalls(id)).isEqualTo(calls);
    assertThat(bot(id, true)).hasSize(1);
    assertThat(harness.audit()).hasSize(audits + 1).last()
        .satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
  }

  @Test
  void malformedJsonIsRefusedWith400() {
    byte[] body = "{\"type\": \"zen:event-type:ticket.comment_added\", ".getBytes(StandardCharsets.UTF_8);
    var response = harness.post(body, fixture.signedHeaders(body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("JSON");
    assertThat(harness.audit()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("rejected"));
  }

  @Test
  void aBurstOfRateLimitsStillLandsTheReplyExactlyOnce() {
    fixture.failNextCalls(4, 429, 1);
    String id = fixture.customerOpens("Delivery", "When will my parcel arrive? How long does delivery take?");

    await().atMost(WAIT).until(() -> !bot(id, true).isEmpty());
    settle();

    assertThat(bot(id, true)).hasSize(1);
    assertThat(fixture.apiCalls(id)).as("four refused calls, then the one write").isEqualTo(5);
  }

  @Test
  void healthAnswers() {
    assertThat(harness.health()).hasValueSatisfying(body -> assertThat(body).contains("up"));
    assertThat(harness.post(new byte[0], Map.of()).statusCode()).isEqualTo(401);
  }
}
