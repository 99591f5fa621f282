package io.deskbridge.core.engine;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.action.Action;
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
import io.deskbridge.core.store.Lease;
import io.deskbridge.core.store.LeaseLostException;
import io.deskbridge.core.store.PendingDraft;
import io.deskbridge.core.store.PendingEvent;
import io.deskbridge.core.store.ProcessingStore;
import io.deskbridge.core.store.StoreException;
import io.deskbridge.core.webhook.InboundEvent;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads: each claims one conversation at a time under a lease and processes its pending events in the
 * order received (interpret the turn, ask the decider, plan, commit state + outbox + audit in one transaction, then
 * send). A failed event is retried with back-off or, after bounded attempts, moved to the dead letters. A failing
 * store makes the workers back off; a fatal {@link Error} stops them all, as if the process died. Thread-safe.
 */
final class Workers {
  private static final Logger log = LoggerFactory.getLogger(Workers.class);
  /** Attempts after which an event failing for a reason retrying will not fix goes to the dead letters. */
  private static final int MAX_ATTEMPTS_WHEN_PERMANENT = 2;

  private final Map<String, Running> installations;
  private final Decider decider;
  private final ProcessingStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final EngineSettings settings;
  private final CrashPoints crashPoints;
  private final EngineMetrics metrics;
  private final OutboxSender sender;
  private final StoreFaults storeFaults;
  /** Where the agents' verdicts on drafts go as labelled messages; empty when none is configured. */
  private final Optional<DraftVerdictFile> verdictFile;
  private final String owner = ManagementFactory.getRuntimeMXBean().getName();
  private final List<Thread> threads = new ArrayList<>();
  /** The lease each busy worker holds (its token does not change when it is renewed). */
  private final Map<Thread, Lease> inHand = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private int busy;
  /**
   * When held-back work becomes due, on the engine's clock (as the store's due times are), earliest first, so that
   * an idle worker claims it then rather than at its next poll; guarded by {@link #lock}.
   */
  private final java.util.PriorityQueue<Instant> dueAt = new java.util.PriorityQueue<>();
  private Instant lastPurge = Instant.EPOCH;

  Workers(Map<String, Running> installations, Decider decider, ProcessingStore store, AuditTrail audit, Clock clock,
      EngineSettings settings, CrashPoints crashPoints, EngineMetrics metrics) {
    this.installations = installations;
    this.decider = decider;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.crashPoints = crashPoints;
    this.metrics = metrics;
    this.sender = new OutboxSender(store, audit, clock, settings, crashPoints, metrics);
    this.storeFaults = new StoreFaults(clock);
    this.verdictFile = settings.draftVerdicts().map(DraftVerdictFile::open);
  }

  /** Called after a worker handled a conversation's work (whatever came of it) and gave up its lease. */
  private final List<java.util.function.Consumer<ConversationKey>> handledListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a listener told after this process's workers handled a conversation's work; it must not block. */
  void onHandled(java.util.function.Consumer<ConversationKey> listener) {
    handledListeners.add(listener);
  }

  private void handled(ConversationKey key) {
    for (var listener : handledListeners) {
      try {
        listener.accept(key);
      } catch (RuntimeException e) {
        log.warn("a listener of handled conversations failed: {}", e.toString());
      }
    }
  }

  /** Starts the configured number of worker threads. */
  void start() {
    for (int i = 1; i <= settings.workers(); i++) {
      var t = new Thread(this::work, "deskbridge-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /**
   * Wakes an idle worker once the engine's clock reaches {@code due}: work was held back until then (a chat's
   * debounce window; pass the due time the store was given). Without it the work would wait for the next poll, up
   * to {@link EngineSettings#poll()} more.
   */
  void wakeAt(Instant due) {
    lock.lock();
    try {
      dueAt.add(due);
      wake.signalAll(); // a worker waiting for a later time or its poll shortens its wait
    } finally {
      lock.unlock();
    }
  }

  /** Wakes idle workers: new work is in the store. */
  void wake() {
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the workers run: false after a fatal error or {@link #stop}. */
  boolean running() {
    return running.get();
  }

  /** Waits until no worker is busy and the store has no open work; false on timeout. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      lock.lock();
      try {
        while (busy > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          idle.awaitNanos(left);
        }
      } finally {
        lock.unlock();
      }
      if (!store.hasOpenWork()) {
        lock.lock();
        try {
          if (busy == 0) {
            return true;
          }
        } finally {
          lock.unlock();
        }
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      lock.lock();
      try {
        idle.await(10, TimeUnit.MILLISECONDS);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Stops claiming work, waits up to {@code grace} for the workers, then gives up the leases still in hand. */
  void stop(Duration grace) {
    running.set(false);
    wake();
    long deadline = System.nanoTime() + grace.toNanos();
    for (var t : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    verdictFile.ifPresent(DraftVerdictFile::close);
    for (var lease : inHand.values()) {
      try {
        store.release(lease);
        log.info("stopped while {} was in hand; its work stays in the store for the next start", lease.key());
      } catch (RuntimeException e) {
        log.info("stopped while {} was in hand; its lease expires at {}", lease.key(), lease.until());
      }
    }
  }

  private void work() {
    String me = owner + "/" + Thread.currentThread().getName();
    while (running.get()) {
      Optional<Lease> claimed;
      try {
        purgeNowAndThen();
        claimed = store.claim(me, clock.instant(), settings.lease());
      } catch (RuntimeException e) {
        storeFailed("claim", e);
        continue;
      }
      storeFaults.succeeded().ifPresent(log::info);
      if (claimed.isEmpty()) {
        waitForWork(settings.poll());
        continue;
      }
      setBusy(+1);
      inHand.put(Thread.currentThread(), claimed.get());
      boolean crashed = false;
      StoreException storeFault = null;
      try {
        process(claimed.get());
      } catch (LeaseLostException e) {
        log.warn("{}", e.getMessage());
      } catch (StoreException e) {
        storeFault = e; // as after a crash: the lease is released below or expires, the work is done again
      } catch (RuntimeException e) {
        log.error("processing {} failed", claimed.get().key(), e);
      } catch (Error e) {
        crashed = true; // as if the process died here: stop every worker, keep the lease, report unhealthy
        running.set(false);
        log.error("fatal error, all workers stopped; /health reports down", e);
      } finally {
        if (!crashed) {
          try {
            store.release(claimed.get());
          } catch (StoreException e) {
            storeFault = storeFault == null ? e : storeFault; // the lease expires by itself
          } catch (RuntimeException e) {
            log.warn("cannot release {}: {}", claimed.get().key(), e.toString());
          }
        }
        inHand.remove(Thread.currentThread());
        setBusy(-1);
        if (!crashed) {
          handled(claimed.get().key());
        }
      }
      if (storeFault != null) {
        storeFailed("processing " + claimed.get().key(), storeFault);
      }
    }
  }

  /** A store call failed: waits with back-off; logs at most one line per period (none once closing). */
  private void storeFailed(String what, RuntimeException e) {
    var failure = storeFaults.failed(what, e);
    if (running.get()) {
      failure.logLine().ifPresent(log::error);
      waitForWork(failure.backOff());
    }
  }

  /**
   * Waits for a {@link #wake}, {@code wait}, or the earliest {@link #wakeAt} time, whichever comes first; returns
   * at once when such a time has passed on the engine's clock (taking it: one worker claims per due time). The wait
   * itself is measured in real time: with a clock that does not follow real time (a test's), a due time is seen
   * at the first check after the clock reached it, at most {@code wait} later.
   */
  private void waitForWork(Duration wait) {
    lock.lock();
    try {
      if (running.get()) {
        var nap = wait;
        Instant next = dueAt.peek();
        if (next != null) {
          var left = Duration.between(clock.instant(), next);
          if (left.isNegative() || left.isZero()) {
            dueAt.poll();
            return;
          }
          nap = left.compareTo(nap) < 0 ? left : nap;
        }
        wake.awaitNanos(nap.toNanos());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    } finally {
      lock.unlock();
    }
  }

  private void setBusy(int delta) {
    lock.lock();
    try {
      busy += delta;
      idle.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The lease, renewed first when less than half of {@code leaseFor} is left: the step that follows (a decision,
   * a vendor call) starts with at least half a lease ahead, without a store transaction when the lease is fresh.
   * Every write under the lease is fenced by its token either way.
   */
  static Lease keptUp(ProcessingStore store, Lease lease, Instant now, Duration leaseFor) {
    return renewDue(lease, now, leaseFor) ? store.renew(lease, now, leaseFor) : lease;
  }

  /** Whether less than half of {@code leaseFor} is left of the lease at {@code now}. */
  static boolean renewDue(Lease lease, Instant now, Duration leaseFor) {
    return Duration.between(now, lease.until()).compareTo(leaseFor.dividedBy(2)) < 0;
  }

  private void purgeNowAndThen() {
    Instant now = clock.instant();
    if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) > 0) {
      lastPurge = now;
      int purged = store.purgeProcessed(now.minus(settings.retention()));
      if (purged > 0) {
        log.info("purged {} processed event ids older than {}", purged, settings.retention());
      }
      if (!settings.historyRetention().isZero()) {
        int history = store.purgeHistory(now.minus(settings.historyRetention()));
        if (history > 0) {
          log.info("purged {} audit and message rows older than {} (privacy.retention)", history,
              settings.historyRetention());
        }
      }
    }
  }

  // ---------------------------------------------------------------- one conversation

  /**
   * What an event leads to: the new state, the writes to make, the audit records, the decision if any, and when the
   * conversation was loaded for it, if it was.
   */
  private record Outcome(ConversationState state, List<List<io.deskbridge.core.action.Action>> operations,
      List<AuditRecord> audit, Optional<Decision> decision, Optional<OutboxSender.FreshLoad> loaded,
      List<Verdict> verdicts) {
    Outcome(ConversationState state, List<List<io.deskbridge.core.action.Action>> operations, List<AuditRecord> audit,
        Optional<Decision> decision, Optional<OutboxSender.FreshLoad> loaded) {
      this(state, operations, audit, decision, loaded, List.of());
    }
  }

  /** An agent's verdict on a pending draft, found while an event was processed. */
  private record Verdict(PendingDraft draft, DraftVerdict verdict) {}

  private void process(Lease claimed) {
    var running = installations.get(claimed.key().installation());
    if (running == null) {
      log.error("work for unknown installation {} left in the store", claimed.key().installation());
      return;
    }
    Lease lease = claimed;
    var key = lease.key();
    var state = store.state(key).orElseGet(() -> ConversationState.fresh(key));
    state = sender.sendOpen(running, lease, state, Optional.empty());
    if (state == null) {
      return; // a write is waiting for its next attempt; later events wait behind it
    }
    Optional<OutboxSender.FreshLoad> loaded = Optional.empty(); // this claim's last load of the conversation
    for (PendingEvent pending : store.pendingEvents(lease, clock.instant())) {
      crashPoints.reached(CrashPoints.Point.CLAIMED);
      lease = keptUp(store, lease, clock.instant(), settings.lease());
      Outcome outcome;
      try {
        outcome = decide(running, key, pending, state);
        writeVerdicts(key, outcome.verdicts()); // before the commit: written again after a crash, the file drops it
      } catch (RuntimeException e) {
        failed(running, lease, pending, state.episode(), e);
        return; // later events of this conversation wait, to keep the order
      }
      store.commit(lease, pending.id(), outcome.state(), outcome.operations(), outcome.audit());
      outcome.decision().ifPresent(d -> metrics.decided(key.installation(), d));
      outcome.verdicts().forEach(v -> metrics.draftVerdict(key.installation(), v.verdict().code()));
      crashPoints.reached(CrashPoints.Point.COMMITTED);
      if (outcome.loaded().isPresent()) {
        loaded = outcome.loaded();
      }
      state = sender.sendOpen(running, lease, outcome.state(), loaded);
      if (state == null) {
        return;
      }
    }
  }

  /** Interprets the event (loading the conversation if needed), asks the decider and plans the writes. */
  private Outcome decide(Running running, ConversationKey key, PendingEvent pending, ConversationState state) {
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
      var verdicts = new ArrayList<Verdict>();
      var reply = TurnInterpreter.agentReplyToDraft(event, state, loaded, running.botId());
      if (reply.isPresent()) { // an agent answered the customer after the bot's draft: how did it use it?
        var draft = state.draft().orElseThrow();
        var comparison = DraftVerdict.compare(draft.text(), reply.get().text());
        records.add(audit.draftFeedback(inst, key, event.id(), s.episode(), draft, comparison, "agent_reply",
            reply.get().text()));
        verdicts.add(new Verdict(draft, comparison.verdict()));
        s = s.withDraft(Optional.empty());
      }
      return new Outcome(s, List.of(), records, Optional.empty(), loadedAt, verdicts);
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
      var verdicts = new ArrayList<Verdict>();
      if (reply.isPresent()) {
        var comparison = DraftVerdict.compare(draft.text(), reply.get().text());
        records.add(audit.draftFeedback(inst, key, event.id(), s.episode(), draft, comparison, "agent_reply",
            reply.get().text()));
        verdicts.add(new Verdict(draft, comparison.verdict()));
        s = s.withDraft(Optional.empty());
      }
      return new Outcome(s, List.of(), records, Optional.empty(), loadedAt, verdicts);
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

  /** Appends the verdicts to the configured file, one labelled message per draft (the file drops a repeat). */
  private void writeVerdicts(ConversationKey key, List<Verdict> verdicts) {
    if (verdictFile.isEmpty()) {
      return;
    }
    for (var v : verdicts) {
      var d = v.draft();
      verdictFile.get().append("draft-" + key.installation() + "-" + key.externalId() + "-" + d.eventId(),
          d.customerText(), d.language(), v.verdict(), d.articleId());
    }
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

  /** Records a failed attempt at an event: tried again later with back-off, or given up on. */
  private void failed(Running running, Lease lease, PendingEvent pending, int episode, RuntimeException e) {
    if (VendorCalls.waitsWithoutCounting(e)) { // paused or rate limited for everyone: wait, not this event's fault
      var wait = ((VendorException) e).retryAfter().orElse(running.installation().retry().maxDelay());
      log.debug("{}: {}; event {} waits {} ms", lease.key(), e.getMessage(), pending.event().id(), wait.toMillis());
      store.eventWaits(lease, pending.id(), clock.instant().plus(wait));
      return;
    }
    int attempts = pending.attempts() + 1;
    boolean permanent = e instanceof VendorException v && !v.retriable() && v.kind() != VendorException.Kind.CONFLICT;
    var inst = running.installation();
    var key = lease.key();
    Instant now = clock.instant();
    String input = pending.event().message().map(Message::text).orElse("");
    boolean notFound = e instanceof VendorException v && v.kind() == VendorException.Kind.NOT_FOUND;
    if (attempts >= settings.maxAttempts() || (permanent && attempts >= MAX_ATTEMPTS_WHEN_PERMANENT) || notFound) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      log.error("{}: event {} for {} failed {} times, moved to the dead letters: {}", inst.id(),
          pending.event().id(), key, attempts, reason);
      store.deadLetter(lease, pending.id(), reason, now);
      metrics.failed(inst.id(), "dead_letter");
      audit.append(audit.failure(inst, key, pending.event().id(), episode, input, "gave_up",
          "failed " + attempts + " times: " + reason));
      return;
    }
    Duration wait = inst.retry().maxDelay().multipliedBy(1L << Math.min(attempts - 1, 10));
    if (e instanceof VendorException v && v.retryAfter().isPresent()) {
      wait = v.retryAfter().get();
    }
    log.warn("{}: event {} for {} failed (attempt {}), trying again in {} ms: {}", inst.id(), pending.event().id(),
        key, attempts, wait.toMillis(), e.toString());
    store.eventFailed(lease, pending.id(), String.valueOf(e.getMessage()), now.plus(wait));
    metrics.failed(inst.id(), "retry");
    audit.append(audit.failure(inst, key, pending.event().id(), episode, input, "will_retry",
        "failed (attempt " + attempts + "): " + e.getMessage() + "; trying again in " + wait.toMillis() + " ms"));
  }
}
