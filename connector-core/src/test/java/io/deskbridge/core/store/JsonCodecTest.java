package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
  private static final ConversationKey KEY = new ConversationKey("zendesk", "acme", "4711");

  private final JsonCodec json = new JsonCodec();

  private static Conversation conversation() {
    var opening = new Message("c-1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "u1",
        "Příliš žluťoučký kůň úpěl ďábelské ódy 🐴\n<b>\"quoted\"</b>", AT);
    var note = new Message("c-2", AuthorRole.AGENT, Visibility.INTERNAL, "", "intern", AT.plusSeconds(60));
    return new Conversation(KEY, Channel.EMAIL, "Zugang gesperrt – bitte helfen", new Customer("u1", "Zoë", "z@x.io"),
        "g1", "", new LinkedHashSet<>(List.of("vip", "de")), false, List.of(opening, note), "2026-03-01T10:16:00Z",
        Owner.human("assignee 42"));
  }

  @Test
  void anEventRoundTripsWithAnOpeningMessageASnapshotWithItsOwnerAndUnicode() {
    var conversation = conversation();
    var event = new InboundEvent("ev-1", "4711", InboundEvent.Kind.CONVERSATION_CREATED, "u1",
        Optional.empty(), Optional.of(conversation), AT, Optional.of(conversation.messages().get(0)));

    String text = json.event(event);
    var back = json.event(text);

    assertThat(back).isEqualTo(event);
    assertThat(back.opening()).contains(conversation.messages().get(0));
    assertThat(back.snapshot().orElseThrow().owner()).isEqualTo(Owner.human("assignee 42"));
    assertThat(text).contains("\"occurredAt\":\"2026-03-01T10:15:30.123456789Z\"")
        .contains("\"owner\":{\"who\":\"HUMAN\",\"evidence\":\"assignee 42\"}")
        .doesNotContain("publicCustomerMessage").doesNotContain("\"human\":");
  }

  @Test
  void anEventWithoutMessageOrSnapshotRoundTrips() {
    var event = new InboundEvent("ev-2", "4711", InboundEvent.Kind.UPDATED, "", Optional.empty(), Optional.empty(), AT);
    assertThat(json.event(json.event(event))).isEqualTo(event);
  }

  @Test
  void stateRoundTripsWithItsTranscriptAndKeepsTheOrderOfItsSets() {
    var state = new ConversationState(KEY, Ownership.HUMAN, 2, 1, List.of("kb-1", "kb-2"), "earlier text ✓",
        new LinkedHashSet<>(List.of("m9", "m1", "m5")), Set.of("m1"), Optional.of(conversation()), 3, true, true,
        "assignee 42");

    var back = json.state(json.state(state));

    assertThat(back).isEqualTo(state);
    assertThat(back.episode()).isEqualTo(3);
    assertThat(back.handledMessageIds()).containsExactly("m9", "m1", "m5");
    assertThat(json.state(json.state(ConversationState.fresh(KEY)))).isEqualTo(ConversationState.fresh(KEY));
    var turned = state.withLastTurnAt(java.time.Instant.parse("2026-12-05T08:15:30.123456789Z"));
    assertThat(json.state(json.state(turned)).lastTurnAt()).contains(turned.lastTurnAt().orElseThrow());
    assertThat(json.state(json.state(state).replace(",\"lastTurnAt\":null", "")).lastTurnAt())
        .as("a state stored before the session timeout").isEmpty();
  }

  @Test
  void heldFollowUpsTheLinkedRecordAndALinkedEventRoundTrip() {
    var held = ConversationState.fresh(KEY).withFollowUps(List.of(new Action.InternalNote("the summary in full")));
    var back = json.state(json.state(held));
    assertThat(back.followUps()).containsExactly(new Action.InternalNote("the summary in full"));
    assertThat(back).isEqualTo(held);
    var linked = json.state(json.state(back.linked("ticket-7")));
    assertThat(linked.followUps()).isEmpty();
    assertThat(linked.linkedRecord()).isEqualTo("ticket-7");

    var event = InboundEvent.linked("support:e1", "conv-1", "4711", AT);
    assertThat(json.event(json.event(event))).isEqualTo(event);
  }

  @Test
  void aPendingDraftRoundTripsAndAStateStoredWithoutOneHasNone() {
    var draft = new PendingDraft("Open the „reset“ link 🙂", "kb-1", 0.87, "cs", "Jak změním heslo?", "e-1",
        java.time.Instant.parse("2026-12-05T08:15:30.123456789Z"));
    var pending = ConversationState.fresh(KEY).withDraft(Optional.of(draft));

    var back = json.state(json.state(pending));

    assertThat(back.draft()).contains(draft);
    assertThat(back).isEqualTo(pending);
    String text = json.state(pending);
    String before = text.substring(0, text.indexOf(",\"draft\":")) + "}"; // the draft is the last component
    assertThat(json.state(before).draft()).as("a state stored before drafts were remembered").isEmpty();
    assertThat(back.nextEpisode("").draft()).as("a new episode drops the draft").isEmpty();
  }

  @Test
  void actionsRoundTripWithTheirTypeNames() {
    var actions = List.<Action>of(new Action.PublicReply("Dobrý den, zkuste „Zapomenuté heslo“ 🙂"),
        new Action.InternalNote("needs a human"), new Action.AssignGroup("360001"),
        new Action.AddTags(Set.of("deskbridge_handover", "vip")), new Action.FollowUpTicket("Deskbridge handover"));

    String text = json.actions(actions);

    assertThat(json.actions(text)).isEqualTo(actions);
    assertThat(json.actions(List.of())).isEqualTo("[]");
    assertThat(json.actions(List.of(new Action.PublicReply("hi")))).isEqualTo("[{\"type\":\"public_reply\",\"text\":\"hi\"}]");
    assertThat(json.actions(List.of(new Action.FollowUpTicket("s"))))
        .isEqualTo("[{\"type\":\"follow_up_ticket\",\"summary\":\"s\"}]");
  }

  @Test
  void theStoredFormatStaysReadable() {
    // written by this version; a change that breaks reading it needs a migration
    String actions = "[{\"type\":\"public_reply\",\"text\":\"a\"},{\"type\":\"internal_note\",\"text\":\"b\"},"
        + "{\"type\":\"assign_group\",\"groupId\":\"g\"},{\"type\":\"add_tags\",\"tags\":[\"t\"]}]";
    assertThat(json.actions(actions)).containsExactly(new Action.PublicReply("a"), new Action.InternalNote("b"),
        new Action.AssignGroup("g"), new Action.AddTags(Set.of("t")));

    String event = "{\"id\":\"e\",\"conversationId\":\"c\",\"kind\":\"MESSAGE_ADDED\",\"actorId\":\"u\","
        + "\"message\":{\"id\":\"m\",\"role\":\"CUSTOMER\",\"visibility\":\"PUBLIC\",\"authorId\":\"u\","
        + "\"text\":\"hi\",\"createdAt\":\"2026-03-01T10:00:00Z\"},\"snapshot\":null,"
        + "\"occurredAt\":\"2026-03-01T10:00:00Z\",\"addedLater\":1}";
    var message = new Message("m", AuthorRole.CUSTOMER, Visibility.PUBLIC, "u", "hi", Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(json.event(event)).isEqualTo(new InboundEvent("e", "c", InboundEvent.Kind.MESSAGE_ADDED, "u",
        Optional.of(message), Optional.empty(), Instant.parse("2026-03-01T10:00:00Z")));

    // a state written before episodes, the opening flag and the owner existed: the first episode, bot-owned
    String state = "{\"key\":{\"vendor\":\"zendesk\",\"installation\":\"acme\",\"externalId\":\"4711\"},"
        + "\"ownership\":\"BOT\",\"botTurns\":1,\"clarificationsAsked\":0,\"answeredArticleIds\":[\"a\"],"
        + "\"pendingText\":\"\",\"handledMessageIds\":[\"m\"],\"ownMessageIds\":[],\"transcript\":null}";
    var read = json.state(state);
    assertThat(read.episode()).isEqualTo(1);
    assertThat(read.openingHandled()).isFalse();
    assertThat(read.acceptedOwner()).isEmpty();
    assertThat(read.botTurns()).isEqualTo(1);
    assertThat(read.followUps()).as("no follow-ups before they existed").isEmpty();
    assertThat(read.linkedRecord()).isEmpty();
    assertThat(json.event(event).linkedRecord()).isEmpty();

    // one that answered an opening under the old stand-in id: the opening counts as handled
    var older = json.state(state.replace("\"handledMessageIds\":[\"m\"]", "\"handledMessageIds\":[\"provisional:opening\"]"));
    assertThat(older.openingHandled()).isTrue();
  }

  @Test
  void auditListsAndScoresRoundTrip() {
    assertThat(json.strings(json.strings(List.of("a", "ü")))).containsExactly("a", "ü");
    assertThat(json.scores(json.scores(Map.of("anger", 0.25, "x", 1.0)))).isEqualTo(Map.of("anger", 0.25, "x", 1.0));
  }

  @Test
  void unreadableJsonFailsNamingWhat() {
    assertThatThrownBy(() -> json.state("{not json")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ConversationState");
    assertThatThrownBy(() -> json.actions("[{\"type\":\"launch_rocket\"}]")).isInstanceOf(IllegalStateException.class);
  }
}
