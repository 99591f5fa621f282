package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.HelpdeskClient.Applied;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.Lease;
import io.deskbridge.core.store.Operation;
import io.deskbridge.core.store.ProcessingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a conversation's open operations (the outbox) in order, each marked before and after its vendor call.
 *
 * <ul>
 *   <li>An operation whose outcome is unknown (found in {@code SENDING} after a crash, or a call whose answer was
 *       lost) is checked against the freshly loaded conversation action by action: the message is there and new,
 *       the group is the target, the tags are present. Only the actions that did not land are sent.</li>
 *   <li>Never over a person: with {@link Capability#CONDITIONAL_WRITES} the write carries the version the decision
 *       was made on and a conflict makes it re-read; without it, a public write is preceded by a re-read, unless
 *       the claim loaded the conversation less than {@link EngineSettings#prewriteFreshness()} ago (that load is
 *       the check). Either way, an agent's new public message (with {@link Capability#AGENT_NOTES_TAKE_OVER} also
 *       an agent's new internal note), or a person the vendor now reports as owner, cancels the write and the rest
 *       of its decision's operations.</li>
 *   <li>An operation that fails for good (the vendor refuses it, or its attempts are used up) is given up alone and
 *       audited ({@code gave_up}); the rest of its decision's operations still go, so a refused handover note or line
 *       never stops the handover's assignment. An assignment that fails for good is loud: logged at ERROR, audited
 *       ({@code handover_not_assigned}) and counted ({@code deskbridge.handover.unassigned}); the conversation stays
 *       the people's and the bot silent in it (see {@code giveUp}).</li>
 * </ul>
 * A write's follow-ups ({@link Applied#followUps()}) are kept in the state saved with its {@code DONE}, in one
 * transaction; every write carries the state's linked record ({@link ApplyRequest#linkedRecord()}).
 * Thread-safe; one conversation is in one worker's hands at a time.
 */
final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final ProcessingStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final EngineSettings settings;
  private final CrashPoints crashPoints;
  private final EngineMetrics metrics;
  /**
   * Operations this process marked {@code SENDING} and has not finished: one in {@code SENDING} that is not here was
   * interrupted by a restart (for {@link Capability#UNVERIFIABLE_WRITES}).
   */
  private final Set<Long> sendingHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

  OutboxSender(ProcessingStore store, AuditTrail audit, Clock clock, EngineSettings settings, CrashPoints crashPoints,
      EngineMetrics metrics) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.crashPoints = crashPoints;
    this.metrics = metrics;
  }

  /**
   * When this claim last loaded the conversation from the vendor.
   *
   * @param at       the end of the load on the engine's clock (compared with the freshness)
   * @param nanoTime the end of the load on {@link System#nanoTime()} (the pre-write window is measured from it)
   */
  record FreshLoad(Instant at, long nanoTime) {
    /** A load that ended now. */
    static FreshLoad now(Clock clock) {
      return new FreshLoad(clock.instant(), System.nanoTime());
    }
  }

  /** A person acted in the conversation while the bot was about to write. */
  private static final class TakenOver extends RuntimeException {
    final transient Conversation fresh;

    TakenOver(Conversation fresh) {
      super("a person wrote first", null, false, false);
      this.fresh = fresh;
    }
  }

  /**
   * Sends the conversation's open operations in order. Returns the state after them, or null when an operation must
   * wait for its next attempt (the conversation is then left alone until it is due).
   *
   * @param loaded when this claim loaded the conversation the decisions were made on, if it did
   */
  ConversationState sendOpen(Running running, Lease lease, ConversationState state, Optional<FreshLoad> loaded) {
    var inst = running.installation();
    var key = lease.key();
    var cancelling = new HashSet<String>(); // decisions whose remaining writes are cancelled (a person took over)
    for (Operation op : store.openOperations(lease)) {
      var conversation = state.transcript().orElseGet(() -> empty(key));
      if (cancelling.contains(op.eventId())) {
        store.finish(lease, op.id(), Operation.Status.CANCELLED, state, List.of());
        continue;
      }
      List<Action> toSend = op.actions();
      try {
        var created = new ArrayList<String>();
        var followUps = new ArrayList<Action>();
        String version = "";
        var audits = new ArrayList<io.deskbridge.core.store.AuditRecord>();
        if (op.status() == Operation.Status.SENDING && !sendingHere.contains(op.id())
            && running.capabilities().has(Capability.UNVERIFIABLE_WRITES)) {
          // a crash interrupted it and the vendor cannot show whether it landed: its messages count as sent (a
          // follow-up ticket goes again: its vendor client finds the ticket it created before)
          toSend = op.actions().stream().filter(a -> a instanceof Action.AssignGroup || a instanceof Action.AddTags
              || a instanceof Action.FollowUpTicket).toList();
          if (toSend.size() < op.actions().size()) {
            log.warn("{}: write {} for {} was being sent when the process stopped and the vendor cannot show whether "
                + "it landed; its messages count as sent (at most once)", inst.id(), op.id(), key);
            audits.add(audit.failure(inst, key, op.eventId(), state.episode(), "", "outcome_unknown",
                "write " + op.id() + " was interrupted by a restart; the vendor cannot show whether its messages "
                    + "landed, so they are not sent again"));
          }
        } else if (op.status() == Operation.Status.SENDING) {
          // it may have been sent before a crash or a lost answer: look at every action before sending again
          var fresh = load(running, key);
          var check = Landing.check(fresh, conversation, op.actions(), running.botId());
          created.addAll(check.messageIds());
          toSend = check.missing();
          version = fresh.version();
          if (toSend.size() < op.actions().size()) {
            log.info("{}: {} of write {} for {} had landed before the restart", inst.id(),
                op.actions().size() - toSend.size() == op.actions().size() ? "all" : "part", op.id(), key);
          }
          conversation = conversation.withVersion(fresh.version());
        }
        if (!toSend.isEmpty()) {
          lease = Workers.keptUp(store, lease, clock.instant(), settings.lease());
          store.sending(lease, op.id());
          sendingHere.add(op.id());
          var held = new HeldLease(lease);
          var applied = apply(running, held, conversation, state, toSend, loaded);
          lease = held.lease;
          crashPoints.reached(CrashPoints.Point.SENT);
          created.addAll(applied.messageIds());
          followUps.addAll(applied.followUps());
          version = applied.version();
        }
        var transcript = version.isEmpty() ? conversation : conversation.withVersion(version);
        state = state.withOwn(created).withTranscript(transcript).withFollowUps(followUps);
        store.finish(lease, op.id(), Operation.Status.DONE, state, audits);
        sendingHere.remove(op.id());
        metrics.written(inst.id(), "done");
        if (op.actions().stream().anyMatch(a -> a instanceof Action.PublicReply)) {
          conversation.messages().stream().filter(m -> m.role() == AuthorRole.CUSTOMER).reduce((a, b) -> b)
              .ifPresent(m -> metrics.replied(inst.id(), Duration.between(m.createdAt(), clock.instant())));
        }
      } catch (TakenOver t) {
        state = takenOver(inst, lease, op, state, t, cancelling);
        sendingHere.remove(op.id());
      } catch (VendorException e) {
        if (VendorCalls.waitsWithoutCounting(e)) { // paused or rate limited: wait without counting an attempt
          store.operationWaits(lease, op.id(), clock.instant().plus(((VendorException) e).retryAfter()
              .orElse(inst.retry().maxDelay())));
          return null;
        }
        boolean permanent = !e.retriable() || op.attempts() + 1 >= settings.maxAttempts();
        metrics.written(inst.id(), "failed");
        if (permanent) {
          var given = giveUp(running, lease, op, conversation, state, toSend, e, cancelling);
          lease = given.lease();
          state = given.state();
          if (state == null) {
            return null; // the assignment, sent on its own, waits for its next attempt
          }
          continue;
        }
        Duration wait = backOff(inst, op, e);
        log.warn("{}: write {} for {} failed, trying again in {} ms: {}", inst.id(), op.id(), key, wait.toMillis(),
            e.getMessage());
        store.operationFailed(lease, op.id(), String.valueOf(e.getMessage()), clock.instant().plus(wait));
        return null;
      }
    }
    return state;
  }

  /** How long a failed operation waits for its next attempt: the vendor's Retry-After, else a growing delay. */
  private static Duration backOff(Installation inst, Operation op, VendorException e) {
    return e.retryAfter().orElseGet(() -> inst.retry().maxDelay().multipliedBy(1L << Math.min(op.attempts(), 10)));
  }

  /** A person acted before the bot's write: the write and the rest of its decision's operations are cancelled. */
  private ConversationState takenOver(Installation inst, Lease lease, Operation op, ConversationState state,
      TakenOver t, Set<String> cancelling) {
    metrics.written(inst.id(), "cancelled");
    var next = state.withOwnership(Ownership.HUMAN).withTranscript(t.fresh);
    cancelling.add(op.eventId());
    store.finish(lease, op.id(), Operation.Status.CANCELLED, next, List.of(audit.failure(inst, lease.key(),
        op.eventId(), next.episode(), "", "human_took_over",
        "cancelled: a person acted in the conversation before the bot's write")));
    return next;
  }

  /**
   * After an operation failed for good: the state, or null when its assignment, sent on its own, failed in a way
   * worth another attempt (the operation then waits for it); and the lease.
   */
  private record GivenUp(ConversationState state, Lease lease) {}

  /**
   * Gives up on an operation that failed for good ({@code failure}). It is audited ({@code gave_up}) and its
   * decision's other operations still go: a message or note the vendor refuses does not stop a handover's
   * assignment. Where the assignment rode in one call with the refused message ({@link Capability#ATOMIC_UPDATE}),
   * the assignment and tags are sent once more on their own. An assignment that still fails for good is logged at
   * ERROR, audited ({@code handover_not_assigned}) and counted ({@link EngineMetrics#handoverNotAssigned}); its
   * internal note then goes once more without it (with the tags), so that whoever routes it by hand finds the summary;
   * the conversation stays the people's (the handover's decision made it so), so the bot stays silent in it while
   * nobody has been assigned: someone must route it by hand.
   */
  private GivenUp giveUp(Running running, Lease lease, Operation op, Conversation conversation,
      ConversationState state, List<Action> toSend, VendorException failure, Set<String> cancelling) {
    var inst = running.installation();
    var key = lease.key();
    String attempts = "write failed " + (op.attempts() + 1) + " times: " + failure.getMessage();
    var routing = toSend.stream().filter(a -> a instanceof Action.AssignGroup || a instanceof Action.AddTags).toList();
    boolean assigns = routing.stream().anyMatch(a -> a instanceof Action.AssignGroup);
    if (!assigns) {
      log.error("{}: write {} for {} failed for good: {}", inst.id(), op.id(), key, failure.getMessage());
      store.finish(lease, op.id(), Operation.Status.CANCELLED, state, List.of(audit.failure(inst, key, op.eventId(),
          state.episode(), "", "gave_up", attempts)));
      return new GivenUp(state, lease);
    }
    var lastFailure = failure;
    String noteOutcome = "";
    if (routing.size() < toSend.size()) { // the assignment rode with a message: maybe only the message was refused
      log.warn("{}: write {} for {} failed for good ({}); sending its assignment on its own", inst.id(), op.id(), key,
          failure.getMessage());
      var held = new HeldLease(lease);
      try {
        var applied = apply(running, held, conversation, state, routing, Optional.empty());
        var next = state.withTranscript(conversation.withVersion(applied.version()));
        store.finish(held.lease, op.id(), Operation.Status.DONE, next, List.of(audit.failure(inst, key,
            op.eventId(), next.episode(), "", "gave_up", attempts + "; the assignment was sent without the message")));
        metrics.written(inst.id(), "done");
        return new GivenUp(next, held.lease);
      } catch (TakenOver t) {
        return new GivenUp(takenOver(inst, held.lease, op, state, t, cancelling), held.lease);
      } catch (VendorException again) {
        lease = held.lease;
        if (VendorCalls.waitsWithoutCounting(again)) {
          store.operationWaits(lease, op.id(), clock.instant().plus(again.retryAfter().orElse(inst.retry().maxDelay())));
          return new GivenUp(null, lease);
        }
        if (again.retriable() && op.attempts() + 1 < settings.maxAttempts()) { // the next attempt tries again
          store.operationFailed(lease, op.id(), String.valueOf(again.getMessage()),
              clock.instant().plus(backOff(inst, op, again)));
          return new GivenUp(null, lease);
        }
        lastFailure = again;
      }
      var noteAlone = noteWithoutAssignment(toSend);
      if (!noteAlone.isEmpty()) { // the assignment was the refused part: the summary still reaches the conversation
        try {
          var applied = apply(running, held, conversation, state, noteAlone, Optional.empty());
          state = state.withTranscript(conversation.withVersion(applied.version()));
          noteOutcome = "; the note was sent without the assignment";
        } catch (TakenOver t) {
          return new GivenUp(takenOver(inst, held.lease, op, state, t, cancelling), held.lease);
        } catch (VendorException noteRefused) {
          log.warn("{}: the note of write {} for {}, sent on its own, failed too: {}", inst.id(), op.id(), key,
              noteRefused.getMessage());
        }
        lease = held.lease;
      }
    }
    String group = routing.stream().filter(a -> a instanceof Action.AssignGroup).map(a -> ((Action.AssignGroup) a)
        .groupId()).findFirst().orElse("");
    log.error("{}: HANDOVER NOT ASSIGNED: the assignment of {} to '{}' (write {}) failed for good; the bot stays "
        + "silent in it, route it by hand: {}", inst.id(), key, group, op.id(), lastFailure.getMessage());
    metrics.handoverNotAssigned(inst.id());
    store.finish(lease, op.id(), Operation.Status.CANCELLED, state, List.of(audit.failure(inst, key, op.eventId(),
        state.episode(), "", "handover_not_assigned", "the assignment to '" + group + "' " + attempts
            + (lastFailure == failure ? "" : "; sent on its own: " + lastFailure.getMessage()) + noteOutcome
            + "; nobody was assigned and the bot stays silent")));
    return new GivenUp(state, lease);
  }

  /** The internal notes of an operation, with its tags, when it has a note: what goes on without its assignment. */
  private static List<Action> noteWithoutAssignment(List<Action> toSend) {
    if (toSend.stream().noneMatch(a -> a instanceof Action.InternalNote)) {
      return List.of();
    }
    return toSend.stream().filter(a -> a instanceof Action.InternalNote || a instanceof Action.AddTags).toList();
  }

  private static Conversation empty(ConversationKey key) {
    return new Conversation(key, Channel.WEB_FORM, "", Customer.UNKNOWN, "", "", Set.of(), false, List.of());
  }

  private static Conversation load(Running running, ConversationKey key) {
    return running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.empty())));
  }

  /**
   * Makes the actions' vendor call. Without conditional writes a public write is preceded by a re-read that cancels
   * it if a person acted, unless {@code loaded} is fresher than {@link EngineSettings#prewriteFreshness()}: then
   * that load was the check, and the pre-write window is measured from it. A failure after which nobody knows whether the write happened, or a conflict, makes it
   * re-read: the actions that landed are not sent again; if a person acted it throws {@link TakenOver}; otherwise
   * it sends what is missing with the fresh version. Every attempt, retries included, first renews the lease for a
   * whole {@link EngineSettings#lease()} (fenced): a worker whose lease ran out and was taken over (a long pause, a
   * slow vendor) throws {@link io.deskbridge.core.store.LeaseLostException} instead of writing, so its successor's
   * write is the only one.
   */
  private Applied apply(Running running, HeldLease held, Conversation conversation, ConversationState state,
      List<Action> actions, Optional<FreshLoad> loaded) {
    var key = held.lease.key();
    boolean conditional = running.capabilities().has(Capability.CONDITIONAL_WRITES);
    boolean isPublic = actions.stream().anyMatch(a -> a instanceof Action.PublicReply);
    var target = conversation;
    var remaining = actions;
    var created = new ArrayList<String>();
    for (int attempt = 1; ; attempt++) {
      long readDone = 0;
      if (!conditional && isPublic) {
        var recent = attempt == 1 ? loaded.filter(this::fresh) : Optional.<FreshLoad>empty();
        if (recent.isPresent()) {
          readDone = recent.get().nanoTime();
        } else {
          var fresh = load(running, key);
          if (personActed(fresh, conversation, state, running)) {
            throw new TakenOver(fresh);
          }
          readDone = System.nanoTime();
        }
      }
      var request = new ApplyRequest(target, remaining, state.linkedRecord());
      try {
        var applied = running.calls().write("apply", held::renew, () -> running.client().apply(request));
        if (readDone != 0) {
          metrics.prewriteWindow(running.installation().id(), Duration.ofNanos(System.nanoTime() - readDone));
        }
        created.addAll(applied.messageIds());
        return new Applied(created, applied.version(), applied.followUps());
      } catch (VendorException e) {
        boolean conflict = e.kind() == VendorException.Kind.CONFLICT;
        if (!conflict && (!e.retriable() || VendorCalls.notProcessed(e))) {
          throw e; // refused, or not processed and retries used up: writing again now will not help
        }
        var fresh = load(running, key);
        var check = Landing.check(fresh, conversation, remaining, running.botId());
        created.addAll(check.messageIds());
        if (check.missing().isEmpty()) {
          log.info("{}: write to {} had landed despite '{}'", running.installation().id(), key, e.getMessage());
          return new Applied(created, fresh.version());
        }
        if (personActed(fresh, conversation, state, running)) {
          throw new TakenOver(fresh);
        }
        if (attempt >= running.installation().retry().maxAttempts()) {
          throw e;
        }
        remaining = check.missing();
        target = new Conversation(key, target.channel(), target.subject(), target.customer(), fresh.groupId(),
            fresh.assigneeId(), fresh.tags(), fresh.closed(), target.messages(), fresh.version(), fresh.owner());
      }
    }
  }

  /** Whether the load ended less than the freshness ago on the engine's clock. */
  private boolean fresh(FreshLoad load) {
    return Duration.between(load.at(), clock.instant()).compareTo(settings.prewriteFreshness()) < 0;
  }

  /**
   * Whether a person acted since {@code before}: an agent wrote publicly (or, with
   * {@link Capability#AGENT_NOTES_TAKE_OVER}, wrote an internal note), or, while the bot owns the conversation, the
   * vendor reports a person as its owner.
   */
  private static boolean personActed(Conversation fresh, Conversation before, ConversationState state,
      Running running) {
    var known = Landing.ids(before);
    String botId = running.botId();
    boolean notes = running.agentNotesTakeOver();
    boolean agentWrote = fresh.messages().stream().anyMatch(m -> !known.contains(m.id()) && !m.authorId().equals(botId)
        && TurnInterpreter.agentTakesOver(m, notes));
    return agentWrote
        || (state.ownership() == Ownership.BOT && TurnInterpreter.takenOverByOwner(fresh.owner(), state));
  }

  /** Which of an operation's actions are visible in a freshly loaded conversation. */
  /** The lease of the conversation being written, renewed before every write attempt. */
  private final class HeldLease {
    private Lease lease;

    HeldLease(Lease lease) {
      this.lease = lease;
    }

    /** Renews the lease for a whole lease from now, or throws LeaseLostException if another worker took it. */
    void renew() {
      lease = store.renew(lease, clock.instant(), settings.lease());
    }
  }

  static final class Landing {
    private Landing() {}

    /**
     * @param missing    the actions not found, in their order
     * @param messageIds the vendor ids of the bot's messages found for the actions that landed
     */
    record Check(List<Action> missing, List<String> messageIds) {}

    /**
     * Checks every action: a public reply or note landed when a new bot message (not in {@code before}) has its text
     * and visibility; an assignment when the group is the target; tags when all are present; a follow-up ticket never
     * shows (sent again, the vendor client finds the one it created: {@link Capability#FOLLOW_UP_TICKET}).
     */
    static Check check(Conversation fresh, Conversation before, List<Action> actions, String botId) {
      var known = ids(before);
      var missing = new ArrayList<Action>();
      var found = new ArrayList<String>();
      for (var action : actions) {
        boolean landed;
        if (action instanceof Action.PublicReply r) {
          landed = message(fresh, known, found, Visibility.PUBLIC, r.text(), botId);
        } else if (action instanceof Action.InternalNote n) {
          landed = message(fresh, known, found, Visibility.INTERNAL, n.text(), botId);
        } else if (action instanceof Action.AssignGroup g) {
          landed = fresh.groupId().equals(g.groupId());
        } else if (action instanceof Action.FollowUpTicket) {
          landed = false; // a conversation does not show its follow-up ticket; the vendor client finds it instead
        } else {
          landed = fresh.tags().containsAll(((Action.AddTags) action).tags());
        }
        if (!landed) {
          missing.add(action);
        }
      }
      return new Check(List.copyOf(missing), List.copyOf(found));
    }

    private static boolean message(Conversation fresh, Set<String> known, List<String> found, Visibility visibility,
        String text, String botId) {
      var intended = new Message("intended", AuthorRole.BOT, visibility, botId, text, Instant.EPOCH);
      var match = fresh.messages().stream()
          .filter(m -> !known.contains(m.id()) && !found.contains(m.id())
              && (m.authorId().equals(botId) || m.role() == AuthorRole.BOT)
              && m.visibility() == visibility && m.sameText(intended))
          .map(Message::id).findFirst();
      match.ifPresent(found::add);
      return match.isPresent();
    }

    static Set<String> ids(Conversation conversation) {
      var ids = new HashSet<String>();
      conversation.messages().forEach(m -> ids.add(m.id()));
      return ids;
    }
  }
}
