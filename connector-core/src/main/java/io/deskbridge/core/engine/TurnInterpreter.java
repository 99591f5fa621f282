package io.deskbridge.core.engine;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.email.LoopGuard;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.webhook.InboundEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads one event of a conversation against what the engine remembers and, when needed, the conversation as
 * loaded from the vendor: who owns the conversation, which bot episode it is in, and what the customer said
 * that is new, or why the event leads to nothing. Pure: no I/O, no clock; immutable and thread-safe.
 *
 * <p>Ownership: an agent's public message (and, when the connector declares
 * {@link io.deskbridge.core.spi.Capability#AGENT_NOTES_TAKE_OVER}, an agent's internal note), a handover (see
 * {@link #after}) or a person the vendor reports as the owner ({@link Conversation#owner()}) makes the conversation
 * the people's. A release to the bot starts a new bot
 * episode, once the load confirms it (a load showing a person other than the event's snapshot did makes it stale:
 * {@code release_not_confirmed}); a release of a conversation never read is read like an update, so its opening is
 * answered. A customer's reply to a solved conversation starts a new episode when the installation says so.
 */
final class TurnInterpreter {
  private final String botId;
  private final boolean reopenStartsEpisode;
  private final boolean agentNotesTakeOver;

  /** An interpreter for a vendor where only an agent's public message is a takeover. */
  TurnInterpreter(String botId, boolean reopenStartsEpisode) {
    this(botId, reopenStartsEpisode, false);
  }

  /**
   * @param botId               the vendor's id of the bot's user
   * @param reopenStartsEpisode whether a customer's reply to a solved conversation starts a new bot episode
   * @param agentNotesTakeOver  whether an agent's internal note is a takeover like an agent's public message
   *                            ({@link io.deskbridge.core.spi.Capability#AGENT_NOTES_TAKE_OVER})
   */
  TurnInterpreter(String botId, boolean reopenStartsEpisode, boolean agentNotesTakeOver) {
    this.botId = botId;
    this.reopenStartsEpisode = reopenStartsEpisode;
    this.agentNotesTakeOver = agentNotesTakeOver;
  }

  /**
   * Whether a message not written by the bot is an agent's takeover: an agent's public message, or with
   * {@code agentNotesTakeOver} also an agent's internal note.
   */
  static boolean agentTakesOver(Message m, boolean agentNotesTakeOver) {
    return m.role() == AuthorRole.AGENT && (m.visibility() == Visibility.PUBLIC || agentNotesTakeOver);
  }

  /** What an event comes to. */
  sealed interface Turn {
    /** The state after the event. */
    ConversationState state();

    /** Nothing for the bot to decide: the reason (an audit reason code) and the customer text, if any. */
    record Ignore(ConversationState state, String reason, String input) implements Turn {}

    /** The conversation must be loaded from the vendor; then call {@link #interpret} again with it. */
    record Load(ConversationState state) implements Turn {}

    /** New customer messages for the bot, oldest first (never empty). */
    record Decide(ConversationState state, Conversation conversation, List<Message> customerNew) implements Turn {
      BotInput input() {
        return new BotInput(conversation, customerNew, state.botTurns(), state.clarificationsAsked(),
            state.answeredArticleIds(), state.pendingText());
      }

      /**
       * The bot's input at {@code now}: on an e-mail conversation the reply cap is reached when the bot wrote
       * {@code maxRepliesPerDay} times in the 24 hours before ({@link ConversationState#botRepliesWithinDay}).
       */
      BotInput input(java.time.Instant now, int maxRepliesPerDay) {
        boolean capped = conversation.channel() == io.deskbridge.core.conversation.Channel.EMAIL
            && state.botRepliesWithinDay(now) >= maxRepliesPerDay;
        return new BotInput(conversation, customerNew, state.botTurns(), state.clarificationsAsked(),
            state.answeredArticleIds(), state.pendingText(), capped);
      }
    }
  }

  /**
   * Interprets {@code event}.
   *
   * @param state  what the engine remembers before the event
   * @param loaded the conversation as just loaded, or empty when it has not been loaded for this event
   * @return {@link Turn.Load} only when {@code loaded} is empty
   */
  Turn interpret(InboundEvent event, ConversationState state, Optional<Conversation> loaded) {
    switch (event.kind()) {
      case CONVERSATION_CREATED:
        if (loaded.isEmpty() && state.transcript().isPresent()) {
          // read already (its other signal came first, e.g. Salesforce's incoming e-mail): anything new has its own event
          return new Turn.Ignore(state, "created_already_read", "");
        }
        break;
      case SOLVED:
        return new Turn.Ignore(state.withSolved(true), "conversation_solved", "");
      case REOPENED:
        return reopened(state, event, loaded);
      case RELEASED_TO_BOT:
        if (neverRead(state)) {
          break; // read like UPDATED: a conversation first seen through a release still has its opening answered
        }
        if (state.ownership() == Ownership.BOT) {
          return new Turn.Ignore(state, "bot_owns_conversation", "");
        }
        if (loaded.isEmpty()) {
          return new Turn.Load(state); // to count what was said while people had it as handled
        }
        var fresh = loaded.get();
        if (stale(event, fresh)) {
          return new Turn.Ignore(state, "release_not_confirmed", "");
        }
        var released = state.nextEpisode(fresh.owner().isHuman() ? fresh.owner().evidence() : "")
            .withHandled(fresh.messages().stream().map(Message::id).toList()).withTranscript(fresh);
        return new Turn.Ignore(released, "released_to_bot", "");
      default:
        break;
    }
    var message = event.kind() == InboundEvent.Kind.MESSAGE_ADDED ? event.message() : Optional.<Message>empty();
    if (message.isPresent()) {
      var m = message.get();
      var handled = state.withHandled(List.of(m.id()));
      boolean own = m.authorId().equals(botId) || event.actorId().equals(botId) || state.ownMessageIds().contains(m.id());
      boolean takeover = !own && agentTakesOver(m, agentNotesTakeOver);
      if (own || (m.visibility() == Visibility.INTERNAL && !takeover)) { // our own message coming back, or a note
        return new Turn.Ignore(handled, own ? "own_message" : "internal_note", "");
      }
      if (state.handledMessageIds().contains(m.id())) {
        // seen in an earlier load (a vendor may signal one message twice: Salesforce's Case and its e-mail): no call
        return new Turn.Ignore(state, "message_handled", "");
      }
      if (takeover) {
        var why = state.ownership() == Ownership.BOT ? "human_took_over" : "human_owns_conversation";
        return new Turn.Ignore(handled.withOwnership(Ownership.HUMAN), why, m.text());
      }
      if (m.role() == AuthorRole.CUSTOMER && state.solved()) {
        var reopened = reopened(state, event, loaded);
        return reopened instanceof Turn.Load ? reopened : interpret(event, reopened.state(), loaded);
      }
    }
    if (state.ownership() == Ownership.HUMAN) {
      return new Turn.Ignore(message.map(m -> state.withHandled(List.of(m.id()))).orElse(state),
          "human_owns_conversation", message.map(Message::text).orElse(""));
    }
    var opening = opening(event, state);
    if (loaded.isEmpty() && opening.isEmpty()) {
      return new Turn.Load(state);
    }
    return read(event, state, loaded.or(() -> opening));
  }

  /**
   * Whether the engine has never read this conversation: still the bot's as it is by default, no transcript, no
   * message handled, no opening answered.
   */
  private static boolean neverRead(ConversationState state) {
    return state.ownership() == Ownership.BOT && state.transcript().isEmpty() && state.handledMessageIds().isEmpty()
        && !state.openingHandled();
  }

  /**
   * Whether a release is stale: the load shows a person as the owner who is not the owner the event's snapshot
   * showed (an agent took the conversation again after the release was sent; a snapshot is the record at send time
   * and may arrive late). A load showing the bot confirms a release; an event without a snapshot is not checked.
   */
  private static boolean stale(InboundEvent event, Conversation fresh) {
    return event.snapshot().isPresent() && fresh.owner().isHuman()
        && !fresh.owner().equals(event.snapshot().get().owner());
  }

  /**
   * A solved conversation opened again: a new bot episode if the installation says so (the vendor's owner then, such
   * as the agent who solved it, is not read as a takeover later; it is loaded when the event has no snapshot), else
   * the same owner.
   */
  private Turn reopened(ConversationState state, InboundEvent event, Optional<Conversation> loaded) {
    if (!state.solved()) {
      return new Turn.Ignore(state, "not_solved", "");
    }
    if (reopenStartsEpisode) {
      var seen = loaded.or(event::snapshot);
      if (seen.isEmpty()) {
        return new Turn.Load(state);
      }
      var owner = seen.get().owner();
      return new Turn.Ignore(state.nextEpisode(owner.isHuman() ? owner.evidence() : ""), "reopened_new_episode", "");
    }
    return new Turn.Ignore(state.withSolved(false), "reopened", "");
  }

  /**
   * A new conversation whose event carries its snapshot and opening message: no need to load it. The opening
   * stands at the place of the conversation's first message; its vendor id is not known.
   */
  private static Optional<Conversation> opening(InboundEvent event, ConversationState state) {
    if (event.kind() != InboundEvent.Kind.CONVERSATION_CREATED || state.transcript().isPresent()
        || state.openingHandled() || event.snapshot().isEmpty() || event.opening().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(event.snapshot().get().withMessage(event.opening().get()));
  }

  /** Reads the conversation's messages and owner against the state. */
  private Turn read(InboundEvent event, ConversationState state, Optional<Conversation> seenConversation) {
    var conversation = seenConversation.orElseThrow();
    Message opening = event.kind() == InboundEvent.Kind.CONVERSATION_CREATED && !state.openingHandled()
        && state.transcript().isEmpty() ? event.opening().orElse(null) : null;
    var handled = new LinkedHashSet<>(state.handledMessageIds());
    boolean openingHandled = state.openingHandled();
    if (openingHandled) { // the opening was answered from the event: it is the first customer message
      conversation.messages().stream().filter(m -> m.role() == AuthorRole.CUSTOMER).findFirst()
          .ifPresent(m -> handled.add(m.id()));
    }
    var ownership = state.ownership();
    List<Message> customerNew = new ArrayList<Message>();
    for (var m : conversation.messages()) {
      if (m == opening) {
        openingHandled = true; // its id is not the vendor's: not remembered among the handled ids
      } else if (!handled.add(m.id())) {
        continue;
      }
      if (state.ownMessageIds().contains(m.id()) || m.authorId().equals(botId)) {
        continue;
      }
      if (agentTakesOver(m, agentNotesTakeOver)) {
        ownership = Ownership.HUMAN; // an agent's public message (or note, with the capability) is a takeover
        customerNew.clear();
      } else if (m.role() == AuthorRole.CUSTOMER && m.visibility() == Visibility.PUBLIC) {
        customerNew.add(m);
      }
    }
    if (takenOverByOwner(conversation.owner(), state)) {
      ownership = Ownership.HUMAN;
    }
    var seen = new ConversationState(state.key(), ownership, state.botTurns(), state.clarificationsAsked(),
        state.answeredArticleIds(), state.pendingText(), handled, state.ownMessageIds(), Optional.of(conversation),
        state.episode(), openingHandled, state.solved(), state.acceptedOwner(), state.lastTurnAt(), state.followUps(),
        state.linkedRecord(), state.botRepliesAt(), state.draft());
    String automated = "";
    if (conversation.channel() == Channel.EMAIL && ownership == state.ownership()) {
      // the loop guard: auto-replies, bounces and mailing lists are read (handled) but never answered
      var kept = new ArrayList<Message>();
      var first = conversation.messages().stream().filter(Message::isPublicCustomerMessage).findFirst();
      for (var m : customerNew) {
        // the conversation's subject is the first e-mail's; a later one's own subject is not known
        var why = LoopGuard.reason(m, first.filter(f -> f == m).isPresent() ? conversation.subject() : "");
        if (why.isPresent()) {
          automated = automated.isEmpty() ? why.get() : automated;
        } else {
          kept.add(m);
        }
      }
      if (kept.isEmpty() && !automated.isEmpty()) {
        return new Turn.Ignore(seen, automated, String.join("\n", customerNew.stream().map(Message::text).toList()));
      }
      customerNew = kept;
    }
    if (customerNew.isEmpty()) {
      var why = ownership != state.ownership() ? "human_took_over"
          : event.actorId().equals(botId) ? "own_event" : "no_new_customer_message";
      return new Turn.Ignore(seen, why, "");
    }
    String text = String.join("\n", customerNew.stream().map(Message::text).toList());
    if (ownership == Ownership.HUMAN || conversation.closed()) {
      return new Turn.Ignore(seen, ownership == Ownership.HUMAN ? "human_owns_conversation" : "conversation_closed", text);
    }
    return new Turn.Decide(seen, conversation, customerNew);
  }

  /**
   * The agent's public reply that answers the pending draft ({@link ConversationState#draft()}), if the event or the
   * load shows one: the event's own message, else the first message of the load the engine had not looked at yet
   * (its id is not among {@code before}'s handled ones). Messages of the bot's user and the bot's own messages are
   * never one. Empty when no draft is pending.
   *
   * @param before the state before the event
   * @param loaded the conversation as loaded for the event, if it was
   */
  static Optional<Message> agentReplyToDraft(InboundEvent event, ConversationState before,
      Optional<Conversation> loaded, String botId) {
    if (before.draft().isEmpty()) {
      return Optional.empty();
    }
    java.util.function.Predicate<Message> reply = m -> m.role() == AuthorRole.AGENT
        && m.visibility() == Visibility.PUBLIC && !m.authorId().equals(botId)
        && !before.ownMessageIds().contains(m.id()) && !before.handledMessageIds().contains(m.id());
    var own = event.kind() == InboundEvent.Kind.MESSAGE_ADDED ? event.message().filter(reply) : Optional.<Message>empty();
    return own.isPresent() ? own : loaded.flatMap(c -> c.messages().stream().filter(reply).findFirst());
  }

  /**
   * Whether the vendor reports a person as the owner, other than the one already there when this bot episode
   * began (an agent left assigned by a release).
   */
  static boolean takenOverByOwner(Owner owner, ConversationState state) {
    return owner.isHuman() && !owner.evidence().equals(state.acceptedOwner());
  }

  /**
   * The state after a decision, assuming its writes are made: a handover gives the conversation to people; a
   * reply or clarifying question counts a bot turn; answered articles and the pending text are kept.
   *
   * @param decision the decision as acted on (a reply in draft mode is a draft)
   */
  static ConversationState after(ConversationState s, Decision decision, BotInput input) {
    var ownership = s.ownership();
    int turns = s.botTurns();
    int clarifications = s.clarificationsAsked();
    var answered = new ArrayList<>(s.answeredArticleIds());
    String pending = "";
    if (decision instanceof Decision.Reply r) {
      turns++;
      clarifications = 0;
      answered.add(r.scores().articleId());
    } else if (decision instanceof Decision.Clarify) {
      turns++;
      clarifications++;
      pending = input.readableText(); // the customer's own words, to be read with the answer to the question
    } else if (decision instanceof Decision.Handover) {
      ownership = Ownership.HUMAN;
    } else if (decision instanceof Decision.Draft d) {
      answered.add(d.scores().articleId());
    }
    return s.withTurn(ownership, turns, clarifications, answered, pending);
  }
}
