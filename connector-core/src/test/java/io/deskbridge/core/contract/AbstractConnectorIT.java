package io.deskbridge.core.contract;

import static io.deskbridge.core.contract.VendorFixture.FakeMessage.AGENT;
import static io.deskbridge.core.contract.VendorFixture.FakeMessage.BOT;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.store.AuditRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The end-to-end part of the kit: before each test the vendor's fake and the running connector (engine, store,
 * webhook server) start; the fake sends webhooks over real HTTP and the connector answers through the vendor's
 * API. Every outcome is read from the fake's own state and the audit.
 */
public abstract class AbstractConnectorIT extends AbstractKitIT {
  protected static final Duration WAIT = Duration.ofSeconds(30);

  protected VendorFixture fixture;
  protected ConnectorHarness harness;

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

  /** Stops this test's connector and fake, and starts {@code other} in their place (another vendor setting). */
  protected void restartWith(VendorFixture other) throws Exception {
    stopConnector();
    fixture = other;
    harness = new ConnectorHarness(fixture, mode());
  }

  /** Waits until the fake delivered everything and the engine processed it. */
  protected void settle() {
    fixture.awaitDeliveries(WAIT);
    harness.awaitIdle();
  }

  /** Waits (at most {@link #WAIT}) until the condition holds, then settles. */
  protected void settleWhen(Supplier<Boolean> condition) {
    await().atMost(WAIT).until(condition::get);
    settle();
  }

  /**
   * Like {@link #settleWhen}, but while only waits lie ahead (a vendor's rate limit that asks for minutes), the
   * engine's clock moves over them ({@link ConnectorHarness#skipToDueWork}) instead of the test waiting.
   */
  protected void settleWhenSkippingWaits(Supplier<Boolean> condition) {
    await().atMost(WAIT).until(() -> condition.get() || harness.skipToDueWork() && condition.get());
    settle();
  }

  /**
   * The bot's messages to the customer ({@code isPublic}) or its notes for the agents, oldest first. Where the vendor
   * has no agent-only note ({@link VendorFixture#summaryIsPublic}), a public message of the bot whose text is the
   * summary the agent reads counts as a note, not as a message to the customer: so a summary posted twice shows as two
   * notes, and {@link #assertSummaryPostedOnce} checks that it was posted at all.
   */
  protected List<FakeMessage> bot(String id, boolean isPublic) {
    var messages = fixture.messages(id);
    String publicSummary = fixture.summaryIsPublic() ? fixture.agentView(id).summary() : "";
    return messages.stream().filter(m -> m.author().equals(BOT))
        .filter(m -> (m.isPublic() && !(publicSummary.length() > 0 && m.text().equals(publicSummary))) == isPublic)
        .toList();
  }

  /**
   * The summary the agent reads is one of the bot's notes, written once; where the vendor has no agent-only note it
   * is one of the bot's public messages in the conversation, as the customer sees it too.
   */
  protected void assertSummaryPostedOnce(String id) {
    String summary = fixture.agentView(id).summary();
    org.assertj.core.api.Assertions.assertThat(summary).as("the agent reads a summary").isNotBlank();
    org.assertj.core.api.Assertions.assertThat(bot(id, false)).as("the summary, written once")
        .filteredOn(m -> m.text().equals(summary)).hasSize(1);
    if (fixture.summaryIsPublic()) {
      org.assertj.core.api.Assertions.assertThat(fixture.messages(id)).as("the vendor has no agent-only note: "
          + "the summary is one of the bot's public messages").filteredOn(m -> m.author().equals(BOT)
          && m.isPublic() && m.text().equals(summary)).hasSize(1);
    }
  }

  /** The messages written after the first public message of an agent; all of them when none. */
  protected List<FakeMessage> afterTheAgent(String id) {
    var messages = fixture.messages(id);
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).author().equals(AGENT) && messages.get(i).isPublic()) {
        return messages.subList(i + 1, messages.size());
      }
    }
    return messages;
  }

  /** The audit's records of this kind of decision (reply, draft, clarify, handover, ignore) for a conversation. */
  protected List<AuditRecord> decisions(String id, String kind) {
    return harness.audit(id).stream().filter(r -> r.decision().equals(kind)).toList();
  }

  /** The conversation is routed to one of the installation's groups (or queues, or categories). */
  protected void assertRouted(String id) {
    var known = new java.util.HashSet<>(fixture.routing().groups().values());
    known.add(fixture.routing().defaultGroup());
    org.assertj.core.api.Assertions.assertThat(fixture.groupOf(id)).as("routed").isIn(known);
  }

  /** A customer opens a conversation and the bot answers it; returns its id once everything settled. */
  protected String answered(String subject, String question) {
    String id = fixture.customerOpens(subject, question);
    settleWhen(() -> !bot(id, true).isEmpty());
    return id;
  }

  /** A customer asks for a person and the bot hands over; returns its id once everything settled. */
  protected String handedOver() {
    String id = fixture.customerOpens("Order 48213",
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");
    settleWhen(() -> fixture.ownedByPeople(id) && !decisions(id, "handover").isEmpty());
    return id;
  }
}
