package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.HelpdeskClient.Availability;
import io.deskbridge.core.spi.HelpdeskClient.AvailabilityRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.core.spi.HelpdeskClient.TypingRequest;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.PendingDraft;
import io.deskbridge.core.store.PendingEvent;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pending event of a claimed conversation leads to, as an {@link Outcome} for {@link Workers} to commit:
 * the turn is interpreted (the conversation loaded from the vendor when the event needs it), the decider asked and
 * the writes planned; a linked record releases the held-back follow-ups; an approved draft becomes the bot's reply
 * unless a person took over. It writes nothing to the store and sends nothing from the outbox: its only vendor calls
 * go through the installation's {@link VendorCalls} (the load, whose failure propagates, like the decider's, for
 * the workers to retry or dead-letter the event; the best-effort typing indicator and agent availability, which
 * never fail it). Stateless apart from its collaborators, so thread-safe when the decider is.
 */
final class EventOutcomes {
  private final Decider decider;
  private final AuditTrail audit;
  private final Clock clock;

  EventOutcomes(Decider decider, AuditTrail audit, Clock clock) {
    this.decider = decider;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What an event leads to: the new state, the writes to make, the audit records, the decision if any, and when the
   * conversation was loaded for it, if it was.
   */
  record Outcome(ConversationState state, List<List<Action>> operations,
      List<AuditRecord> audit, Optional<Decision> decision, Optional<OutboxSender.FreshLoad> loaded,
      List<Verdict> verdicts) {
    Outcome(ConversationState state, List<List<Action>> operations, List<AuditRecord> audit,
        Optional<Decision> decision, Optional<OutboxSender.FreshLoad> loaded) {
      this(state, operations, audit, decision, loaded, List.of());
    }
  }

  /** An agent's verdict on a pending draft, found while an event was processed. */
  record Verdict(PendingDraft draft, DraftVerdict verdict) {}

  /** Interprets the event (loading the conversation if needed), asks the decider and plans the writes. */
  Outcome decide(Running running, ConversationKey key, PendingEvent pending, ConversationState state) {
    var inst = running.installation();
    var event = pending.event();
    Instant received = pending.receivedAt();
    var records = new ArrayList<AuditRecord>();
    if (event.kind() == InboundEvent.Kind.LINKED) {
      return linked(inst, key, event, state);
    }
    if (event.kind() == InboundEvent.Kind.DRAFT_APPROVED) {
      return approved(running, key, event, state);
    }
    if (sessionTimedOut(inst, event, state, received)) {
      state = state.nextEpisode(state.acceptedOwner());
      records.add(audit.ignored(inst, key, event.id(), state.episode(), "session_timeout", ""));
    }
    var interpreter = new TurnInterpreter(running.botId(), inst.reopenStartsEpisode(), running.agentNotesTakeOver());
    var turn = interpreter.interpret(event, state, Optional.empty());
    Optional<OutboxSender.FreshLoad> loadedAt = Optional.empty();
    Optional<Conversation> loaded = Optional.empty();
    if (turn instanceof TurnInterpreter.Turn.Load) {
      loaded = Optional.of(running.calls().read("load",
          () -> running.client().load(new LoadRequest(key, Optional.of(event)))));
      loadedAt = Optional.of(OutboxSender.FreshLoad.now(clock));
      turn = interpreter.interpret(event, state, loaded);
    }
    if (turn instanceof TurnInterpreter.Turn.Ignore ignore) {
      var s = customerMessage(event) ? lastTurn(ignore.state(), received) : ignore.state();
      records.add(audit.ignored(inst, key, event.id(), s.episode(), ignore.reason(), ignore.input()));
      var reply = TurnInterpreter.agentReplyToDraft(event, state, loaded, running.botId());
      return unanswered(inst, key, event, s, state.draft(), reply, records, loadedAt);
    }
    var decide = (TurnInterpreter.Turn.Decide) turn;
    var input = decide.input(clock.instant(), inst.emailMaxRepliesPerDay());
    showTyping(running, key);
    var decision = decider.decide(input);
    var plan = ActionPlanner.plan(decision, inst.mode(), inst.routing(), running.capabilities(), clock.instant(),
        decision instanceof Decision.Handover handover ? agentsOnline(running, key, handover) : Availability.UNKNOWN);
    var next = lastTurn(TurnInterpreter.after(decide.state(), plan.decision(), input), received);
    if (input.email() && inst.mode() == Mode.AUTO
        && (plan.decision() instanceof Decision.Reply || plan.decision() instanceof Decision.Clarify)) {
      next = next.withBotReplyAt(clock.instant()); // counted against email.maxRepliesPerDay
    }
    next = withDraftOf(next, plan, event, input.text());
    var record = audit.decided(inst, key, event.id(), next.episode(), plan.decision(), input.text(), plan.actions(),
        plan.actions().isEmpty() ? "none" : "queued");
    records.add(record);
    return new Outcome(next, plan.operations(), records, Optional.of(plan.decision()), loadedAt);
  }

  /**
   * The outcome of an event the bot does not answer: {@code next} and the audit {@code records} so far, no writes.
   * When an agent answered the customer after the bot's draft ({@code reply}; {@code draft} is then present), how
   * the reply used the draft is audited ({@code agent_reply}) and becomes the draft's verdict, and the draft is
   * dropped from the state.
   */
  private Outcome unanswered(Installation inst, ConversationKey key, InboundEvent event, ConversationState next,
      Optional<PendingDraft> draft, Optional<Message> reply, List<AuditRecord> records,
      Optional<OutboxSender.FreshLoad> loadedAt) {
    if (reply.isEmpty()) {
      return new Outcome(next, List.of(), records, Optional.empty(), loadedAt, List.of());
    }
    var d = draft.orElseThrow();
    var comparison = DraftVerdict.compare(d.text(), reply.get().text());
    records.add(audit.draftFeedback(inst, key, event.id(), next.episode(), d, comparison, "agent_reply",
        reply.get().text()));
    return new Outcome(next.withDraft(Optional.empty()), List.of(), records, Optional.empty(), loadedAt,
        List.of(new Verdict(d, comparison.verdict())));
  }

  /**
   * The chat's typing indicator while the bot decides on a customer's message, in auto mode (the only mode that
   * answers the customer); best effort, see {@link VendorCalls#bestEffort}.
   */
  private static void showTyping(Running running, ConversationKey key) {
    if (running.installation().mode() == Mode.AUTO && running.capabilities().has(Capability.CHAT)) {
      running.calls().bestEffort("typing", () -> {
        running.client().typing(new TypingRequest(key));
        return Boolean.TRUE;
      });
    }
  }

  /**
   * The vendor reported the record agents work the conversation in: the state remembers it, and the follow-ups a
   * handover's write held back become one operation, committed with the state that no longer holds them, so they are
   * written once however often the vendor reports the record.
   */
  private Outcome linked(Installation inst, ConversationKey key, InboundEvent event, ConversationState state) {
    var next = state.linked(event.linkedRecord());
    if (state.followUps().isEmpty()) {
      return new Outcome(next, List.of(), List.of(audit.ignored(inst, key, event.id(), state.episode(), "linked", "")),
          Optional.empty(), Optional.empty());
    }
    var record = audit.followUps(inst, key, event.id(), state.episode(), state.followUps());
    return new Outcome(next, List.of(state.followUps()), List.of(record), Optional.empty(), Optional.empty());
  }

  /**
   * The state with the draft a decision leaves pending: a draft written as a note replaces the one before, a
   * handover drops it (the agent answers the conversation, not the draft); other decisions keep it.
   */
  private static ConversationState withDraftOf(ConversationState state, ActionPlanner.Plan plan, InboundEvent event,
      String customerText) {
    var decision = plan.decision();
    if (decision instanceof Decision.Draft d && !plan.actions().isEmpty() && !d.scores().articleId().isEmpty()) {
      return state.withDraft(Optional.of(new PendingDraft(d.text(), d.scores().articleId(),
          d.scores().confidence(), d.language(), customerText, event.id(), event.occurredAt())));
    }
    return decision instanceof Decision.Handover ? state.withDraft(Optional.empty()) : state;
  }

  /**
   * An agent approved the pending draft ({@link InboundEvent.Kind#DRAFT_APPROVED}): unless a person has replied
   * publicly or taken the conversation since (read from a fresh load), the draft becomes the bot's public reply, one
   * outbox operation committed with the state that no longer holds the draft, so a retried or repeated approval
   * finds none and sends nothing ({@code no_draft_to_approve}); an approval the vendor dates before the event the
   * draft answered ({@code approval_before_draft}: a mark left set, reported again with a later change) approves
   * nothing. The write is then guarded like any public write
   * (a conditional write, or a re-read). The agent's verdict is {@code sent_as_drafted}, source {@code approved}.
   */
  private Outcome approved(Running running, ConversationKey key, InboundEvent event, ConversationState state) {
    var inst = running.installation();
    boolean early = state.draft().filter(d -> event.occurredAt().isBefore(d.at())).isPresent();
    if (state.draft().isEmpty() || early || state.ownership() == Ownership.HUMAN || inst.mode() == Mode.SHADOW) {
      String why = state.ownership() == Ownership.HUMAN ? "human_owns_conversation"
          : state.draft().isEmpty() ? "no_draft_to_approve" : early ? "approval_before_draft" : "shadow_mode";
      return new Outcome(state, List.of(), List.of(audit.ignored(inst, key, event.id(), state.episode(), why, "")),
          Optional.empty(), Optional.empty());
    }
    var draft = state.draft().get();
    var fresh = running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.of(event))));
    var loadedAt = Optional.of(OutboxSender.FreshLoad.now(clock));
    var records = new ArrayList<AuditRecord>();
    var reply = TurnInterpreter.agentReplyToDraft(event, state, Optional.of(fresh), running.botId());
    boolean noteTakeover = fresh.messages().stream().anyMatch(m -> m.visibility()
        == Visibility.INTERNAL && !m.authorId().equals(running.botId())
        && !state.ownMessageIds().contains(m.id()) && !state.handledMessageIds().contains(m.id())
        && TurnInterpreter.agentTakesOver(m, running.agentNotesTakeOver()));
    if (reply.isPresent() || noteTakeover || TurnInterpreter.takenOverByOwner(fresh.owner(), state)) {
      var s = state.withOwnership(Ownership.HUMAN).withTranscript(fresh);
      records.add(audit.ignored(inst, key, event.id(), s.episode(), "human_took_over", ""));
      return unanswered(inst, key, event, s, state.draft(), reply, records, loadedAt);
    }
    if (fresh.closed()) {
      return new Outcome(state.withTranscript(fresh), List.of(),
          List.of(audit.ignored(inst, key, event.id(), state.episode(), "conversation_closed", "")), Optional.empty(),
          loadedAt);
    }
    var decision = new Decision.Reply(draft.text(), draft.language(), List.of("draft_approved"),
        new Scores(draft.confidence(), draft.articleId(), Map.of()));
    List<Action> actions = List.of(new Action.PublicReply(draft.text()));
    var next = state.withTranscript(fresh).withDraft(Optional.empty())
        .withTurn(state.ownership(), state.botTurns() + 1, 0, state.answeredArticleIds(), state.pendingText());
    if (fresh.channel() == Channel.EMAIL) {
      next = next.withBotReplyAt(clock.instant()); // counted against email.maxRepliesPerDay
    }
    records.add(audit.decided(inst, key, event.id(), next.episode(), decision, draft.customerText(), actions,
        "queued"));
    var comparison = new DraftVerdict.Comparison(DraftVerdict.SENT_AS_DRAFTED, 1, 1);
    records.add(audit.draftFeedback(inst, key, event.id(), next.episode(), draft, comparison, "approved",
        draft.text()));
    return new Outcome(next, ActionPlanner.operations(actions, running.capabilities()), records,
        Optional.of(decision), loadedAt, List.of(new Verdict(draft, DraftVerdict.SENT_AS_DRAFTED)));
  }

  /**
   * Whether a customer's message comes after the chat's session timeout ({@link Installation#chatSessionTimeout}):
   * the bot owns the chat and the message was received more than the timeout after the previous customer message
   * the engine handled ({@link ConversationState#lastTurnAt()}). Both are receipt times, so a backlog of work
   * (processing late) does not make a prompt follow-up look like a new session. Such a message starts a new bot
   * episode.
   *
   * @param received when the store received the message's event
   */
  static boolean sessionTimedOut(Installation inst, InboundEvent event, ConversationState state, Instant received) {
    var timeout = inst.sessionTimeout();
    return !timeout.isZero() && state.ownership() == Ownership.BOT && customerMessage(event)
        && state.lastTurnAt().map(last -> Duration.between(last, received).compareTo(timeout) > 0).orElse(false);
  }

  private static boolean customerMessage(InboundEvent event) {
    return event.kind() == InboundEvent.Kind.MESSAGE_ADDED
        && event.message().map(m -> m.role() == AuthorRole.CUSTOMER).orElse(false);
  }

  /** The state with {@code received} as its last turn, unless it holds a later one (events keep their order). */
  private static ConversationState lastTurn(ConversationState state, Instant received) {
    return state.lastTurnAt().filter(last -> last.isAfter(received)).isPresent() ? state
        : state.withLastTurnAt(received);
  }

  /**
   * What the vendor says about the people a handover would reach, when it can tell
   * ({@link Capability#AGENT_AVAILABILITY}) and the handover writes anything; a failure is
   * {@code UNKNOWN}, so business hours decide and the handover goes ahead.
   */
  private static Availability agentsOnline(Running running, ConversationKey key, Decision.Handover handover) {
    var inst = running.installation();
    if (inst.mode() == Mode.SHADOW || !running.capabilities().has(Capability.AGENT_AVAILABILITY)) {
      return Availability.UNKNOWN;
    }
    var request = new AvailabilityRequest(key, inst.routing().groupFor(handover.routingGroup()));
    return running.calls().bestEffort("agentsOnline", () -> running.client().agentsOnline(request))
        .orElse(Availability.UNKNOWN);
  }
}
