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

  /** The bot's public messages (or internal notes) in the conversation, oldest first. */
  protected List<FakeMessage> bot(String id, boolean isPublic) {
    return fixture.messages(id).stream().filter(m -> m.author().equals(BOT) && m.isPublic() == isPublic).toList();
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
