package io.deskbridge.daktela.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.InboundEvent.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trigger-to-event mapping both the webhook endpoint and the poller use. */
class DaktelaEventsTest {
  private static final String BOT = "deskbridge";
  private static final Instant AT = Instant.parse("2026-12-04T13:03:07Z");
  private static final String EDITED = "2026-12-04 14:03:07";

  private static List<InboundEvent> events(DaktelaTrigger trigger) {
    return DaktelaEvents.toEvents(trigger, BOT, AT);
  }

  private static InboundEvent one(DaktelaTrigger trigger) {
    var events = events(trigger);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static DaktelaTrigger update(String user, boolean userPresent, String stage, String edited) {
    return new DaktelaTrigger("ticket_update", "TK00009672", "", user, userPresent, stage, edited);
  }

  @Test
  void aCreatedTicketIsConversationCreated() {
    var e = one(DaktelaTrigger.of("ticket_create", "9672"));
    assertThat(e.id()).isEqualTo("ticket:9672:created");
    assertThat(e.conversationId()).isEqualTo("9672");
    assertThat(e.kind()).isEqualTo(Kind.CONVERSATION_CREATED);
    assertThat(e.occurredAt()).isEqualTo(AT);
    assertThat(e.message()).isEmpty();
    assertThat(e.snapshot()).isEmpty();
  }

  @Test
  void anAgentsActivityOrOneWithoutAUserFieldIsAMessageTheEngineLoads() {
    for (var trigger : List.of(new DaktelaTrigger("activity_create", "9672", "activities_5f3a9c", "alice", true, "", ""),
        new DaktelaTrigger("activity_create", "9672", "activities_5f3a9c", "", false, "", ""))) {
      var e = one(trigger);
      assertThat(e.id()).isEqualTo("activity:activities_5f3a9c");
      assertThat(e.kind()).isEqualTo(Kind.MESSAGE_ADDED);
      assertThat(e.actorId()).isEqualTo(trigger.user());
      assertThat(e.message()).as("the load tells agent, e-mail and comment apart").isEmpty();
    }
  }

  @Test
  void theCustomersActivityCarriesAStubWithoutTextSoOneReadAlreadyNeedsNoLoad() {
    var e = one(new DaktelaTrigger("activity_create", "9672", "activities_5f3a9c", "", true, "", ""));
    assertThat(e.id()).isEqualTo("activity:activities_5f3a9c");
    assertThat(e.kind()).isEqualTo(Kind.MESSAGE_ADDED);
    assertThat(e.message()).hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("activities_5f3a9c");
      assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
      assertThat(m.visibility()).isEqualTo(io.deskbridge.core.conversation.Visibility.PUBLIC);
      assertThat(m.text()).as("the text comes with the load").isEmpty();
    });
  }

  @Test
  void theBotsOwnActivityCarriesAStubSoTheEchoNeedsNoLoad() {
    var e = one(new DaktelaTrigger("activity_create", "9672", "activities_77", BOT, true, "", ""));
    assertThat(e.id()).isEqualTo("activity:activities_77");
    assertThat(e.actorId()).isEqualTo(BOT);
    assertThat(e.message()).hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("activities_77");
      assertThat(m.role()).isEqualTo(AuthorRole.BOT);
      assertThat(m.authorId()).isEqualTo(BOT);
    });
  }

  @Test
  void beforeTheBotsLoginIsKnownNothingIsTheBots() {
    var trigger = new DaktelaTrigger("activity_create", "9672", "activities_77", BOT, true, "", "");
    assertThat(DaktelaEvents.toEvents(trigger, "", AT)).singleElement()
        .satisfies(e -> assertThat(e.message()).isEmpty());
    assertThat(DaktelaEvents.toEvents(update("", true, "OPEN", EDITED), "", AT)).as("empty is not the bot").isEmpty();
  }

  @Test
  void anActivityWithoutANameIsKeyedByTheTriggersHash() {
    var trigger = new DaktelaTrigger("activity_create", "9672", "", "alice", true, "", "");
    var e = one(trigger);
    assertThat(e.id()).matches("activity:9672:[0-9a-f]{16}").isEqualTo(one(trigger).id());
    assertThat(one(new DaktelaTrigger("activity_create", "9672", "", "bob", true, "", "")).id())
        .isNotEqualTo(e.id());
    assertThat(e.message()).as("no activity name, no stub").isEmpty();
  }

  @Test
  void aClosedOrArchivedTicketIsSolved() {
    for (String stage : List.of("CLOSE", "ARCHIVE", "close")) {
      var e = one(update("alice", true, stage, EDITED));
      assertThat(e.kind()).isEqualTo(Kind.SOLVED);
      assertThat(e.id()).isEqualTo("ticket:9672@2026-12-04 14:03:07/solved");
    }
    assertThat(one(update(BOT, true, "CLOSE", EDITED)).kind()).as("closed wins").isEqualTo(Kind.SOLVED);
  }

  @Test
  void aTicketGivenToTheBotIsReleasedWithABotOwnedSnapshot() {
    var e = one(update(BOT, true, "OPEN", EDITED));
    assertThat(e.kind()).isEqualTo(Kind.RELEASED_TO_BOT);
    assertThat(e.id()).isEqualTo("ticket:9672@2026-12-04 14:03:07/released_to_bot");
    assertThat(e.snapshot()).hasValueSatisfying(s -> {
      assertThat(s.owner()).isEqualTo(Owner.BOT);
      assertThat(s.key().vendor()).isEqualTo("daktela");
      assertThat(s.key().externalId()).isEqualTo("9672");
      assertThat(s.assigneeId()).isEqualTo(BOT);
      assertThat(s.closed()).isFalse();
      assertThat(s.version()).isEqualTo(EDITED);
    });
  }

  @Test
  void aTicketGivenToAPersonOrWithoutAUserFieldIsAnUpdate() {
    var assigned = one(update("alice", true, "WAIT", EDITED));
    assertThat(assigned.kind()).isEqualTo(Kind.UPDATED);
    assertThat(assigned.id()).isEqualTo("ticket:9672@2026-12-04 14:03:07/updated");
    assertThat(assigned.snapshot()).isEmpty();
    assertThat(one(update("", false, "OPEN", EDITED)).kind()).isEqualTo(Kind.UPDATED);
    assertThat(one(new DaktelaTrigger("ticket_assign", "9672", "", "", false, "", EDITED)).kind())
        .as("any other event name reads like an update").isEqualTo(Kind.UPDATED);
  }

  @Test
  void anOpenTicketNobodyHoldsIsNoEvent() {
    assertThat(events(update("", true, "OPEN", EDITED))).isEmpty();
    assertThat(events(update("", true, "", ""))).isEmpty();
  }

  @Test
  void withoutAnEditTimeATicketChangeIsKeyedByTheTriggersHash() {
    var e = one(update("alice", true, "OPEN", ""));
    assertThat(e.id()).matches("ticket:9672:[0-9a-f]{16}").isEqualTo(one(update("alice", true, "OPEN", "")).id());
    assertThat(one(update("bob", true, "OPEN", "")).id()).isNotEqualTo(e.id());
  }

  @Test
  void theSameChangeReadTwiceHasTheSameIdAndAnotherEditAnother() {
    assertThat(one(update("alice", true, "OPEN", EDITED)).id())
        .isEqualTo(one(update("alice", true, "OPEN", EDITED)).id())
        .isNotEqualTo(one(update("alice", true, "OPEN", "2026-12-04 14:03:08")).id());
  }
}
