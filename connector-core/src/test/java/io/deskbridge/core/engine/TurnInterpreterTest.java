package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.engine.TurnInterpreter.Turn;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The turn interpreter alone: no store, no vendor, no bot. */
class TurnInterpreterTest {
  private static final ConversationKey KEY = new ConversationKey("memory", "inst", "t1");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private final TurnInterpreter interpreter = new TurnInterpreter("bot", false);
  private final ConversationState fresh = ConversationState.fresh(KEY);

  private static Message customer(String id, String text) {
    return new Message(id, AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text, AT);
  }

  private static Conversation conversation(Owner owner, Message... messages) {
    return new Conversation(KEY, Channel.WEB_FORM, "", Customer.UNKNOWN, "", "", Set.of(), false, List.of(messages),
        "v1", owner);
  }

  private static InboundEvent event(InboundEvent.Kind kind, Optional<Message> message) {
    return new InboundEvent("e", "t1", kind, "", message, Optional.empty(), AT);
  }

  @Test
  void aCustomerMessageNeedsTheConversationThenIsNewText() {
    var m = customer("m1", "hello");
    var event = event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m));

    assertThat(interpreter.interpret(event, fresh, Optional.empty())).isInstanceOf(Turn.Load.class);
    var turn = interpreter.interpret(event, fresh, Optional.of(conversation(Owner.BOT, m)));
    assertThat(turn).isInstanceOfSatisfying(Turn.Decide.class, d -> {
      assertThat(d.customerNew()).containsExactly(m);
      assertThat(d.state().handledMessageIds()).containsExactly("m1");
    });
  }

  @Test
  void aMessageAnEarlierLoadShowedIsIgnoredWithoutALoad() {
    var m = customer("m1", "hello");
    var read = fresh.withHandled(List.of("m1")).withTranscript(conversation(Owner.BOT, m));

    var turn = interpreter.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m)), read, Optional.empty());

    assertThat(turn).isInstanceOfSatisfying(Turn.Ignore.class, i -> {
      assertThat(i.reason()).isEqualTo("message_handled");
      assertThat(i.state()).isEqualTo(read);
    });
  }

  @Test
  void aCreationSignalForAConversationAlreadyReadIsIgnoredWithoutALoad() {
    var m = customer("m1", "hello");
    var read = fresh.withHandled(List.of("m1")).withTranscript(conversation(Owner.BOT, m));

    var turn = interpreter.interpret(event(InboundEvent.Kind.CONVERSATION_CREATED, Optional.empty()), read,
        Optional.empty());

    assertThat(turn).isInstanceOfSatisfying(Turn.Ignore.class, i -> assertThat(i.reason())
        .isEqualTo("created_already_read"));
    assertThat(interpreter.interpret(event(InboundEvent.Kind.CONVERSATION_CREATED, Optional.empty()), fresh,
        Optional.empty())).as("never read: loaded").isInstanceOf(Turn.Load.class);
  }

  @Test
  void aPersonTheVendorReportsAsOwnerMakesItThePeoples() {
    var m = customer("m1", "hello");
    var turn = interpreter.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m)), fresh,
        Optional.of(conversation(Owner.human("queue 00G1"), m)));

    assertThat(turn).isInstanceOfSatisfying(Turn.Ignore.class, i -> {
      assertThat(i.reason()).isEqualTo("human_owns_conversation");
      assertThat(i.state().ownership()).isEqualTo(Ownership.HUMAN);
    });
  }

  @Test
  void theOwnerAcceptedWhenTheEpisodeBeganIsNoTakeover() {
    var state = fresh.withOwnership(Ownership.HUMAN).nextEpisode("assignee 7");
    var m = customer("m1", "hello");

    assertThat(interpreter.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m)), state,
        Optional.of(conversation(Owner.human("assignee 7"), m)))).isInstanceOf(Turn.Decide.class);
    assertThat(interpreter.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m)), state,
        Optional.of(conversation(Owner.human("assignee 8"), m)))).isInstanceOf(Turn.Ignore.class);
  }

  @Test
  void anOpeningFromTheEventIsAnsweredWithoutALoadAndMatchedToTheFirstCustomerMessageLater() {
    var snapshot = conversation(Owner.BOT);
    var created = new InboundEvent("e1", "t1", InboundEvent.Kind.CONVERSATION_CREATED, "c1", Optional.empty(),
        Optional.of(snapshot), AT, Optional.of(customer("whatever", "reset my password")));

    var first = interpreter.interpret(created, fresh, Optional.empty());
    assertThat(first).isInstanceOf(Turn.Decide.class);
    var state = first.state();
    assertThat(state.openingHandled()).isTrue();
    assertThat(state.handledMessageIds()).as("the event's id for it is not the vendor's").isEmpty();

    var real = customer("c-901", "reset my password");
    var next = customer("c-902", "and my e-mail");
    var turn = interpreter.interpret(event(InboundEvent.Kind.UPDATED, Optional.empty()), state,
        Optional.of(conversation(Owner.BOT, real, next)));
    assertThat(turn).isInstanceOfSatisfying(Turn.Decide.class, d -> assertThat(d.customerNew()).containsExactly(next));
  }

  @Test
  void aReleaseStartsTheNextEpisodeAndCountsWhatWasSaidMeanwhileAsHandled() {
    var state = new ConversationState(KEY, Ownership.HUMAN, 3, 1, List.of("kb-1"), "earlier", Set.of(), Set.of(),
        Optional.empty());
    var release = event(InboundEvent.Kind.RELEASED_TO_BOT, Optional.empty());

    assertThat(interpreter.interpret(release, state, Optional.empty())).isInstanceOf(Turn.Load.class);
    var turn = interpreter.interpret(release, state,
        Optional.of(conversation(Owner.human("assignee 7"), customer("m1", "still there?"))));
    assertThat(turn).isInstanceOfSatisfying(Turn.Ignore.class, i -> {
      assertThat(i.reason()).isEqualTo("released_to_bot");
      var s = i.state();
      assertThat(s.episode()).isEqualTo(2);
      assertThat(s.ownership()).isEqualTo(Ownership.BOT);
      assertThat(s.botTurns()).isZero();
      assertThat(s.clarificationsAsked()).isZero();
      assertThat(s.answeredArticleIds()).isEmpty();
      assertThat(s.pendingText()).isEmpty();
      assertThat(s.handledMessageIds()).containsExactly("m1");
      assertThat(s.acceptedOwner()).isEqualTo("assignee 7");
    });
  }

  @Test
  void aReleaseWhileTheBotOwnsItChangesNothing() {
    var read = fresh.withHandled(List.of("m1")).withTranscript(conversation(Owner.BOT, customer("m1", "hi")));
    var turn = interpreter.interpret(event(InboundEvent.Kind.RELEASED_TO_BOT, Optional.empty()), read, Optional.empty());
    assertThat(turn).isInstanceOfSatisfying(Turn.Ignore.class, i -> {
      assertThat(i.reason()).isEqualTo("bot_owns_conversation");
      assertThat(i.state()).isEqualTo(read);
    });
  }

  private static InboundEvent release(Owner snapshotOwner) {
    return new InboundEvent("e-rel", "t1", InboundEvent.Kind.RELEASED_TO_BOT, "a1", Optional.empty(),
        Optional.of(conversation(snapshotOwner)), AT);
  }

  @Test
  void aReleaseOfAConversationNeverReadIsReadLikeAnUpdateSoItsOpeningIsAnswered() {
    var opening = customer("500-desc", "My printer is on fire");
    var event = release(Owner.BOT);

    assertThat(interpreter.interpret(event, fresh, Optional.empty())).isInstanceOf(Turn.Load.class);
    assertThat(interpreter.interpret(event, fresh, Optional.of(conversation(Owner.BOT, opening))))
        .isInstanceOfSatisfying(Turn.Decide.class, d -> {
          assertThat(d.customerNew()).containsExactly(opening);
          assertThat(d.state().episode()).as("no episode to end: still the first").isEqualTo(1);
        });
    assertThat(interpreter.interpret(event, fresh, Optional.of(conversation(Owner.human("owner 0051"), opening))))
        .as("a person who owns it by the time it is read has taken it").isInstanceOfSatisfying(Turn.Ignore.class,
            i -> assertThat(i.state().ownership()).isEqualTo(Ownership.HUMAN));
  }

  @Test
  void aReleaseTheLoadDoesNotConfirmIsStaleAndIgnored() {
    var handedOver = fresh.withHandled(List.of("m1")).withOwnership(Ownership.HUMAN);
    var event = release(Owner.BOT); // sent when the Case went to the bot's queue; an agent took it since

    assertThat(interpreter.interpret(event, handedOver, Optional.empty())).isInstanceOf(Turn.Load.class);
    var turn = interpreter.interpret(event, handedOver,
        Optional.of(conversation(Owner.human("owner 0052"), customer("m1", "hello"), customer("m2", "anyone?"))));
    assertThat(turn).isInstanceOfSatisfying(Turn.Ignore.class, i -> {
      assertThat(i.reason()).isEqualTo("release_not_confirmed");
      assertThat(i.state()).as("nothing changes: no new episode, still the people's").isEqualTo(handedOver);
    });
  }

  @Test
  void aReleaseIsConfirmedByALoadShowingTheSnapshotsOwnerOrTheBot() {
    var handedOver = fresh.withHandled(List.of("m1")).withOwnership(Ownership.HUMAN);

    assertThat(interpreter.interpret(release(Owner.BOT), handedOver, Optional.of(conversation(Owner.BOT))))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("released_to_bot");
          assertThat(i.state().episode()).isEqualTo(2);
        });
    assertThat(interpreter.interpret(release(Owner.human("assignee 7")), handedOver,
        Optional.of(conversation(Owner.human("assignee 7"))))).as("the agent left assigned, as the snapshot showed")
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> assertThat(i.reason()).isEqualTo("released_to_bot"));
    assertThat(interpreter.interpret(release(Owner.human("assignee 7")), handedOver, Optional.of(conversation(Owner.BOT))))
        .as("unassigned since: the bot's all the more")
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> assertThat(i.reason()).isEqualTo("released_to_bot"));
  }

  @Test
  void aReplyToASolvedConversationKeepsTheOwnerUnlessTheInstallationStartsAnEpisode() {
    var solved = interpreter.interpret(event(InboundEvent.Kind.SOLVED, Optional.empty()),
        fresh.withOwnership(Ownership.HUMAN), Optional.empty()).state();
    assertThat(solved.solved()).isTrue();
    var m = customer("m1", "it broke again");
    var reply = event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m));

    assertThat(interpreter.interpret(reply, solved, Optional.empty()))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("human_owns_conversation");
          assertThat(i.state().solved()).isFalse();
        });
    var reopening = new TurnInterpreter("bot", true);
    assertThat(reopening.interpret(reply, solved, Optional.empty())).isInstanceOf(Turn.Load.class);
    assertThat(reopening.interpret(reply, solved, Optional.of(conversation(Owner.human("assignee 7"), m))))
        .isInstanceOfSatisfying(Turn.Decide.class, d -> assertThat(d.state().episode()).isEqualTo(2));
  }

  @Test
  void anAgentsPublicMessageIsATakeoverAndItsNoteIsNot() {
    var note = new Message("n1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "vip", AT);
    var agent = new Message("a1", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Alice here", AT);

    assertThat(interpreter.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(note)), fresh, Optional.empty()))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("internal_note");
          assertThat(i.state().ownership()).isEqualTo(Ownership.BOT);
        });
    assertThat(interpreter.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(agent)), fresh, Optional.empty()))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("human_took_over");
          assertThat(i.state().ownership()).isEqualTo(Ownership.HUMAN);
        });
  }

  @Test
  void withAgentNotesTakingOverAnAgentsNoteInAnEventIsATakeover() {
    var notes = new TurnInterpreter("bot", false, true);
    var note = new Message("n1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "I'll take this", AT);
    var ownNote = new Message("n2", AuthorRole.BOT, Visibility.INTERNAL, "bot", "summary", AT);
    var systemNote = new Message("n3", AuthorRole.SYSTEM, Visibility.INTERNAL, "", "SLA breached", AT);

    assertThat(notes.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(note)), fresh, Optional.empty()))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("human_took_over");
          assertThat(i.state().ownership()).isEqualTo(Ownership.HUMAN);
          assertThat(i.state().handledMessageIds()).containsExactly("n1");
        });
    assertThat(notes.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(ownNote)), fresh, Optional.empty()))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("own_message");
          assertThat(i.state().ownership()).isEqualTo(Ownership.BOT);
        });
    assertThat(notes.interpret(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(systemNote)), fresh, Optional.empty()))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("internal_note");
          assertThat(i.state().ownership()).isEqualTo(Ownership.BOT);
        });
  }

  @Test
  void withAgentNotesTakingOverAnAgentsNoteInTheLoadIsATakeoverAndWithoutItIsNot() {
    var c = customer("m1", "where is my order?");
    var note = new Message("n1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "calling them", AT);
    var loaded = conversation(Owner.BOT, c, note);
    var update = event(InboundEvent.Kind.UPDATED, Optional.empty());

    assertThat(new TurnInterpreter("bot", false, true).interpret(update, fresh, Optional.of(loaded)))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("human_took_over");
          assertThat(i.state().ownership()).isEqualTo(Ownership.HUMAN);
          assertThat(i.state().handledMessageIds()).containsExactly("m1", "n1");
        });
    assertThat(interpreter.interpret(update, fresh, Optional.of(loaded)))
        .as("without the capability a note is no takeover")
        .isInstanceOfSatisfying(Turn.Decide.class, d -> {
          assertThat(d.customerNew()).containsExactly(c);
          assertThat(d.state().ownership()).isEqualTo(Ownership.BOT);
        });
  }

  @Test
  void withAgentNotesTakingOverTheBotsOwnNotesInTheLoadAreNoTakeover() {
    var c = customer("m1", "where is my order?");
    var ownNote = new Message("n1", AuthorRole.BOT, Visibility.INTERNAL, "bot", "Recommended reply", AT);
    var byBotId = new Message("n2", AuthorRole.AGENT, Visibility.INTERNAL, "bot", "mapped as an agent", AT);

    assertThat(new TurnInterpreter("bot", false, true).interpret(event(InboundEvent.Kind.UPDATED, Optional.empty()),
        fresh, Optional.of(conversation(Owner.BOT, c, ownNote, byBotId))))
        .isInstanceOfSatisfying(Turn.Decide.class, d -> assertThat(d.customerNew()).containsExactly(c));
  }

  @Test
  void aReadKeepsTheFollowUpsTheLinkedRecordAndTheReplyTimes() {
    var held = fresh.withFollowUps(List.of(new io.deskbridge.core.action.Action.InternalNote("the whole summary")))
        .linked("ticket-7").withFollowUps(List.of(new io.deskbridge.core.action.Action.InternalNote("summary")))
        .withBotReplyAt(AT);
    var m = customer("m1", "and one more thing?");
    var event = event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(m));

    var turn = interpreter.interpret(event, held, Optional.of(conversation(Owner.BOT, m)));

    assertThat(turn).isInstanceOf(Turn.Decide.class);
    assertThat(turn.state().followUps()).isEqualTo(held.followUps());
    assertThat(turn.state().linkedRecord()).isEqualTo("ticket-7");
    assertThat(turn.state().botRepliesAt()).containsExactly(AT);
    var none = interpreter.interpret(event(InboundEvent.Kind.UPDATED, Optional.empty()), held.withHandled(List.of("m1")),
        Optional.of(conversation(Owner.BOT, m)));
    assertThat(none).isInstanceOf(Turn.Ignore.class);
    assertThat(none.state().followUps()).as("nothing new: still held").isEqualTo(held.followUps());
    assertThat(none.state().linkedRecord()).isEqualTo("ticket-7");
  }

  private static Conversation email(Message... messages) {
    return new Conversation(KEY, Channel.EMAIL, "Re: order 12345", Customer.UNKNOWN, "", "", Set.of(), false,
        List.of(messages), "v1", Owner.BOT);
  }

  @Test
  void anOutOfOfficeEmailIsReadButNeverDecidedOn() {
    var ooo = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "jane@example.com",
        "I am out of the office until Monday with no access to e-mail.", AT, java.util.Map.of());
    var event = event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(ooo));

    assertThat(interpreter.interpret(event, fresh, Optional.of(email(ooo))))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> {
          assertThat(i.reason()).isEqualTo("auto_reply");
          assertThat(i.state().handledMessageIds()).containsExactly("m1");
          assertThat(i.state().ownership()).as("no handover either").isEqualTo(Ownership.BOT);
        });
  }

  @Test
  void headersMakeABounceAndAListMessageIgnoredAndAPersonsMessageBesideThemIsDecided() {
    var bounce = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "x@example.com", "Where is it?", AT,
        java.util.Map.of("return-path", "<>"));
    var list = new Message("m2", AuthorRole.CUSTOMER, Visibility.PUBLIC, "news@example.com", "Our news?", AT,
        java.util.Map.of("List-Id", "<news.example.com>"));
    var person = customer("m3", "Where is my order 12345?");
    var event = event(InboundEvent.Kind.UPDATED, Optional.empty());

    assertThat(interpreter.interpret(event, fresh, Optional.of(email(bounce))))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> assertThat(i.reason()).isEqualTo("bounce"));
    assertThat(interpreter.interpret(event, fresh, Optional.of(email(list))))
        .isInstanceOfSatisfying(Turn.Ignore.class, i -> assertThat(i.reason()).isEqualTo("mailing_list"));
    assertThat(interpreter.interpret(event, fresh, Optional.of(email(bounce, person))))
        .isInstanceOfSatisfying(Turn.Decide.class, d -> assertThat(d.customerNew()).containsExactly(person));
  }

  @Test
  void theSameWordsOnAWebFormAreAnswered() {
    var m = customer("m1", "I am out of the office until Monday with no access to e-mail.");

    assertThat(interpreter.interpret(event(InboundEvent.Kind.UPDATED, Optional.empty()), fresh,
        Optional.of(conversation(Owner.BOT, m)))).isInstanceOf(Turn.Decide.class);
  }

  @Test
  void theReplyCapCountsTheBotsEmailRepliesOfTheLast24Hours() {
    var m = customer("m9", "and another question?");
    var state = fresh.withBotReplyAt(AT.minusSeconds(90_000)).withBotReplyAt(AT.minusSeconds(3_600))
        .withBotReplyAt(AT.minusSeconds(60));
    var turn = (Turn.Decide) interpreter.interpret(event(InboundEvent.Kind.UPDATED, Optional.empty()), state,
        Optional.of(email(m)));

    assertThat(state.botRepliesAt()).as("older than a day: forgotten").hasSize(2);
    assertThat(turn.input(AT, 2).replyCapReached()).isTrue();
    assertThat(turn.input(AT, 3).replyCapReached()).isFalse();
    assertThat(turn.input(AT.plusSeconds(82_801), 2).replyCapReached()).as("one fell out of the window").isFalse();
    var web = (Turn.Decide) interpreter.interpret(event(InboundEvent.Kind.UPDATED, Optional.empty()), state,
        Optional.of(conversation(Owner.BOT, m)));
    assertThat(web.input(AT, 1).replyCapReached()).as("only e-mail conversations are capped").isFalse();
  }

  @Test
  void theAgentsReplyToAPendingDraftIsTheFirstNewPublicAgentMessageNeverTheBotsNorANote() {
    var draft = new io.deskbridge.core.store.PendingDraft("Use the reset link.", "kb-1", 0.9, "en", "hello", "e0", AT);
    var note = new Message("n1", AuthorRole.AGENT, Visibility.INTERNAL, "a1", "checking", AT);
    var botsOwn = new Message("b1", AuthorRole.AGENT, Visibility.PUBLIC, "bot", "Use the reset link.", AT);
    var old = new Message("a0", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "an earlier answer", AT);
    var reply = new Message("a2", AuthorRole.AGENT, Visibility.PUBLIC, "a1", "Use the reset link, Jan.", AT);
    var pending = fresh.withHandled(List.of("a0")).withDraft(Optional.of(draft));
    var loaded = Optional.of(conversation(Owner.BOT, customer("m1", "hello"), old, note, botsOwn, reply));
    var updated = event(InboundEvent.Kind.UPDATED, Optional.empty());

    assertThat(TurnInterpreter.agentReplyToDraft(updated, pending, loaded, "bot")).contains(reply);
    assertThat(TurnInterpreter.agentReplyToDraft(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(reply)), pending,
        Optional.empty(), "bot")).contains(reply);
    assertThat(TurnInterpreter.agentReplyToDraft(event(InboundEvent.Kind.MESSAGE_ADDED, Optional.of(note)), pending,
        Optional.empty(), "bot")).as("a note is no reply").isEmpty();
    assertThat(TurnInterpreter.agentReplyToDraft(updated, fresh.withHandled(List.of("a0")), loaded, "bot"))
        .as("no draft pending").isEmpty();
  }
}
