package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.store.ConversationApiStore.ApiMessage;
import io.deskbridge.core.store.ConversationApiStore.Idempotency;
import io.deskbridge.core.store.ConversationApiStore.NewMessage;
import io.deskbridge.core.store.ConversationApiStore.Posted;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Conversation API's store ({@link JdbcConversationApi}): Idempotency-Key records, installations, the event's
 * progress, callbacks; on H2 ({@link H2ConversationApiStoreTest}) and PostgreSQL ({@link PostgresConversationApiStoreIT}).
 */
abstract class AbstractConversationApiStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private final TestDatabases.Source databases;
  private StoreConfig database;
  private JdbcStore store;
  private ConversationApiStore api;

  AbstractConversationApiStoreTest(TestDatabases.Source databases) {
    this.databases = databases;
  }

  @BeforeEach
  void open() {
    database = databases.create();
    store = JdbcStore.open(database);
    api = store.conversationApi();
  }

  @AfterEach
  void close() {
    store.close();
    databases.drop(database);
  }

  private static NewMessage message(String installation, String messageId, String text) {
    return new NewMessage("c1", installation, "chat", "en", "cust-1", "", "", "",
        new ApiMessage(messageId, "CUSTOMER", "PUBLIC", "customer:cust-1", text, "ev-" + messageId, "", T0));
  }

  private static Optional<Idempotency> key(String hash) {
    return Optional.of(new Idempotency("key1", "idem-1", hash, Duration.ofSeconds(15)));
  }

  @Test
  void aSecondRequestUnderTheSameKeyIsInProgressUntilTheLockEndsThenTakesOverTheFirstMessage() {
    assertThat(api.post(message("web", "m1", "hi"), key("h1"), T0)).isEqualTo(new Posted.Stored("m1", "ev-m1", true));

    assertThat(api.post(message("web", "m2", "hi"), key("h1"), T0.plusSeconds(1))).isInstanceOf(Posted.InProgress.class);
    assertThat(api.post(message("web", "m3", "hi"), key("h1"), T0.plusSeconds(16)))
        .isEqualTo(new Posted.Stored("m1", "ev-m1", false));
    assertThat(api.messages("c1")).extracting(ApiMessage::messageId).containsExactly("m1");
  }

  @Test
  void anAnsweredKeyReplaysItsAnswerAndAnotherRequestUnderItIsAMismatch() {
    api.post(message("web", "m1", "hi"), key("h1"), T0);
    api.answered("key1", "idem-1", "{\"decision\":\"reply\"}");

    assertThat(api.post(message("web", "m2", "hi"), key("h1"), T0)).isEqualTo(new Posted.Replay("{\"decision\":\"reply\"}"));
    assertThat(api.post(message("web", "m3", "other"), key("h2"), T0)).isInstanceOf(Posted.Mismatch.class);
    assertThat(api.messages("c1")).hasSize(1);
  }

  @Test
  void anUnlockedKeyIsTakenOverAtOnce() {
    api.post(message("web", "m1", "hi"), key("h1"), T0);
    api.unlock("key1", "idem-1");

    assertThat(api.post(message("web", "m2", "hi"), key("h1"), T0.plusSeconds(1)))
        .isEqualTo(new Posted.Stored("m1", "ev-m1", false));
  }

  @Test
  void aConversationBelongsToTheInstallationThatOpenedIt() {
    api.post(message("web", "m1", "hi"), Optional.empty(), T0);

    assertThat(api.post(message("other", "m2", "hi"), Optional.empty(), T0)).isInstanceOf(Posted.OtherInstallation.class);
    assertThat(api.conversation("c1")).hasValueSatisfying(c -> {
      assertThat(c.installation()).isEqualTo("web");
      assertThat(c.customerId()).isEqualTo("cust-1");
      assertThat(c.owner()).isEqualTo("bot");
    });
    assertThat(api.messages("c1")).hasSize(1);
  }

  @Test
  void anEventIsDoneOnlyOnceProcessedWithNoOpenWrite() {
    assertThat(api.eventProgress("web", "c1", "ev-1")).as("not received yet").isEqualTo(ConversationApiStore.Progress.UNKNOWN);
    var event = new io.deskbridge.core.webhook.InboundEvent("ev-1", "c1",
        io.deskbridge.core.webhook.InboundEvent.Kind.MESSAGE_ADDED, "", Optional.empty(), Optional.empty(), T0);
    store.receive("web", "api", java.util.List.of(event), T0);

    assertThat(api.eventProgress("web", "c1", "ev-1")).isEqualTo(ConversationApiStore.Progress.PENDING);
    var lease = store.claim("me", T0, Duration.ofSeconds(30)).orElseThrow();
    var pending = store.pendingEvents(lease, T0).get(0);
    store.commit(lease, pending.id(), ConversationState.fresh(lease.key()),
        java.util.List.of(java.util.List.of(new io.deskbridge.core.action.Action.PublicReply("Hello"))),
        java.util.List.of(new AuditRecord(T0, "web", "c1", "ev-1", "auto", "reply", java.util.List.of(), 0.9, "",
            java.util.Map.of(), "hi", java.util.List.of(), "queued", 1)));
    assertThat(api.eventProgress("web", "c1", "ev-1")).as("its reply is not written yet")
        .isEqualTo(ConversationApiStore.Progress.PENDING);
    var op = store.openOperations(lease).get(0);
    store.finish(lease, op.id(), Operation.Status.DONE, ConversationState.fresh(lease.key()), java.util.List.of());
    assertThat(api.eventProgress("web", "c1", "ev-1")).isEqualTo(ConversationApiStore.Progress.DONE);
    store.purgeProcessed(T0.plusSeconds(1));
    assertThat(api.eventProgress("web", "c1", "ev-1")).as("purged from the inbox, known to the audit")
        .isEqualTo(ConversationApiStore.Progress.DONE);
  }

  @Test
  void aCallbackIsClaimedByOneTakerRetriedAndFinished() {
    var withCallback = new NewMessage("c1", "web", "chat", "", "", "", "", "",
        new ApiMessage("m1", "CUSTOMER", "PUBLIC", "customer:", "hi", "ev-m1", "", T0), true);
    api.post(withCallback, Optional.empty(), T0);

    var claimed = api.claimCallbacks(T0, T0.plusSeconds(30), 10);
    assertThat(claimed).singleElement().satisfies(c -> assertThat(c.eventId()).isEqualTo("ev-m1"));
    assertThat(api.claimCallbacks(T0.plusSeconds(1), T0.plusSeconds(31), 10)).as("locked").isEmpty();

    api.callbackRetry(claimed.get(0).id(), true, "HTTP 500", T0.plusSeconds(2), false);
    assertThat(api.claimCallbacks(T0.plusSeconds(1), T0.plusSeconds(31), 10)).as("not due yet").isEmpty();
    assertThat(api.claimCallbacks(T0.plusSeconds(2), T0.plusSeconds(32), 10)).singleElement()
        .satisfies(c -> assertThat(c.attempts()).isEqualTo(1));
    api.callbackDone(claimed.get(0).id());
    assertThat(api.callbacks("c1")).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("DONE"));
    assertThat(api.claimCallbacks(T0.plusSeconds(100), T0.plusSeconds(130), 10)).isEmpty();
  }

  @Test
  void keysAreStoredListedAndRevokedOnce() {
    api.createKey(new ConversationApiStore.ApiKey("k1", "web", "widget", "ab".repeat(32), T0, Optional.empty()));

    assertThat(api.key("k1")).hasValueSatisfying(k -> assertThat(k.revokedAt()).isEmpty());
    assertThat(api.revokeKey("k1", T0.plusSeconds(5))).isTrue();
    assertThat(api.revokeKey("k1", T0.plusSeconds(6))).isFalse();
    assertThat(api.keys()).singleElement().satisfies(k -> assertThat(k.revokedAt()).hasValue(T0.plusSeconds(5)));
  }
}
