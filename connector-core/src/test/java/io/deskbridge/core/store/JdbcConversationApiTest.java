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
import org.junit.jupiter.api.Test;

/** The Conversation API's store on H2: Idempotency-Key records, installations, the event's progress. */
class JdbcConversationApiTest {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("apistore");
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private final StoreConfig database = DATABASES.create();
  private final JdbcStore store = JdbcStore.open(database);
  private final ConversationApiStore api = store.conversationApi();

  @AfterEach
  void close() {
    store.close();
    DATABASES.drop(database);
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
    var event = new io.deskbridge.core.webhook.InboundEvent("ev-1", "c1",
        io.deskbridge.core.webhook.InboundEvent.Kind.MESSAGE_ADDED, "", Optional.empty(), Optional.empty(), T0);
    store.receive("web", "api", java.util.List.of(event), T0);

    assertThat(api.eventDone("web", "ev-1")).isFalse();
    var lease = store.claim("me", T0, Duration.ofSeconds(30)).orElseThrow();
    var pending = store.pendingEvents(lease, T0).get(0);
    store.commit(lease, pending.id(), ConversationState.fresh(lease.key()),
        java.util.List.of(java.util.List.of(new io.deskbridge.core.action.Action.PublicReply("Hello"))),
        java.util.List.of());
    assertThat(api.eventDone("web", "ev-1")).as("its reply is not written yet").isFalse();
    var op = store.openOperations(lease).get(0);
    store.finish(lease, op.id(), Operation.Status.DONE, ConversationState.fresh(lease.key()), java.util.List.of());
    assertThat(api.eventDone("web", "ev-1")).isTrue();
  }
}
