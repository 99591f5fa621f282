package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.HelpdeskClient.Applied;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.Lease;
import io.deskbridge.core.store.LeaseLostException;
import io.deskbridge.core.store.Operation;
import io.deskbridge.core.store.PendingEvent;
import io.deskbridge.core.store.ProcessingStore;
import io.deskbridge.core.store.StoreException;
import io.deskbridge.core.webhook.InboundEvent;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes webhook events durably. {@link #accept} records events in the store's inbox (duplicates are
 * dropped) and returns; only then is the webhook acknowledged. Worker threads, in this process and in any
 * other sharing the store, claim one conversation at a time under a lease and process its events in the
 * order received: read the conversation, work out ownership and what is new from the customer, ask the
 * bot, and commit the new state together with the vendor writes it decided on (the outbox); then send
 * those writes one by one, marking each before and after the call.
 *
 * <ul>
 *   <li>Nothing lost: an event is processed until it succeeds or, after a bounded number of failed
 *       attempts, goes to the dead letters with its reason; a crashed worker's conversation is taken over
 *       when its lease expires.</li>
 *   <li>Nothing twice: a decision is made once (it is committed before anything is sent); a write that may
 *       or may not have happened (a crash after the call, a lost answer) is checked against the vendor's
 *       state before it is sent again; writes carry the conversation's version, so a change since the read
 *       is a conflict.</li>
 *   <li>Never after a person: an agent's public message, a handover, or the handover tag makes the
 *       conversation the people's; before deciding on a customer's follow-up the conversation is read
 *       again, and a write that meets an agent's new message is cancelled.</li>
 * </ul>
 * Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final int MAX_AUDIT_INPUT = 2000;
  /** Attempts after which an event failing for a reason retrying will not fix goes to the dead letters. */
  private static final int MAX_ATTEMPTS_WHEN_PERMANENT = 2;

  private final Map<String, Running> installations;
  private final Decider bot;
  private final ProcessingStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final EngineSettings settings;
  private final CrashPoints crashPoints;
  private final EngineMetrics metrics;
  private final StoreFaults storeFaults;
  private final String owner;
  private final List<Thread> workers = new ArrayList<>();
  /** The lease each busy worker holds (its token does not change when it is renewed). */
  private final Map<Thread, Lease> inHand = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private int busy;
  private Instant lastPurge = Instant.EPOCH;

  private record Running(Installation installation, VendorCalls calls, HelpdeskClient.Identity identity) {
    HelpdeskClient client() {
      return installation.connector().client();
    }

    String botId() {
      return identity.userId();
    }
  }

  /** What a decision leads to: the new state, the writes to make, the audit records, and the decision if any. */
  private record Outcome(ConversationState state, List<List<Action>> operations, List<AuditRecord> audit,
      Optional<Decision> decision) {
    Outcome(ConversationState state, List<List<Action>> operations, List<AuditRecord> audit) {
      this(state, operations, audit, Optional.empty());
    }
  }

  /** A person wrote in the conversation while the bot was about to write. */
  private static final class TakenOver extends RuntimeException {
    final transient Conversation fresh;

    TakenOver(Conversation fresh) {
      super("a person wrote first", null, false, false);
      this.fresh = fresh;
    }
  }

  private Engine(Map<String, Running> installations, Decider bot, ProcessingStore store, AuditLog audit, Clock clock,
      EngineSettings settings, CrashPoints crashPoints, EngineMetrics metrics) {
    this.installations = installations;
    this.bot = bot;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.crashPoints = crashPoints;
    this.metrics = metrics;
    this.storeFaults = new StoreFaults(clock);
    this.owner = ManagementFactory.getRuntimeMXBean().getName();
  }

  /**
   * Starts the engine: calls each installation's who-am-i once (with retries) so bad credentials fail here,
   * before the first customer message, then starts the workers.
   *
   * @throws ConfigException when an installation cannot authenticate or reach its vendor; the message names it
   *                         and its settings
   */
  public static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit,
      Clock clock, EngineSettings settings, MeterRegistry meters) {
    return start(installations, bot, store, audit, clock, settings, CrashPoints.NONE, meters);
  }

  static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit, Clock clock,
      EngineSettings settings, CrashPoints crashPoints) {
    return start(installations, bot, store, audit, clock, settings, crashPoints, new SimpleMeterRegistry());
  }

  private static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit,
      Clock clock, EngineSettings settings, CrashPoints crashPoints, MeterRegistry meters) {
    var running = new LinkedHashMap<String, Running>();
    for (var inst : installations) {
      var calls = new VendorCalls(inst.id(), inst.connector().errorMapper(), inst.retry(), inst.budgetPerMinute(), meters);
      HelpdeskClient.Identity identity;
      try {
        identity = calls.read("who-am-i", () -> inst.connector().client().whoAmI());
      } catch (VendorException e) {
        String settingsPath = "installations[" + inst.id() + "].settings";
        throw new ConfigException("installation '" + inst.id() + "' (" + inst.connector().vendor()
            + ") failed its start-up check: " + e.getMessage()
            + (e.getMessage() != null && e.getMessage().contains(settingsPath) ? "" : "; check " + settingsPath), e);
      }
      log.info("installation {} ({}, {} mode) authenticated as {} (id {})", inst.id(), inst.connector().vendor(),
          inst.mode().name().toLowerCase(Locale.ROOT), identity.name(), identity.userId());
      if (running.put(inst.id(), new Running(inst, calls, identity)) != null) {
        throw new IllegalArgumentException("installation id '" + inst.id() + "' is used twice");
      }
    }
    var engine = new Engine(Map.copyOf(running), bot, store, audit, clock, settings, crashPoints,
        new EngineMetrics(meters));
    for (int i = 1; i <= settings.workers(); i++) {
      var t = new Thread(engine::work, "deskbridge-worker-" + i);
      t.setDaemon(true);
      engine.workers.add(t);
      t.start();
    }
    return engine;
  }

  /** The installation with this id, if configured. */
  public Optional<Installation> installation(String id) {
    return Optional.ofNullable(installations.get(id)).map(Running::installation);
  }

  /** The identity an installation authenticated as at start. */
  public Optional<HelpdeskClient.Identity> identity(String installationId) {
    return Optional.ofNullable(installations.get(installationId)).map(Running::identity);
  }

  /**
   * Records events durably and wakes the workers; returns once they are committed. Events already
   * received are dropped.
   *
   * @return how many of the events were new
   * @throws NullPointerException when the installation is not configured
   */
  public int accept(String installationId, List<InboundEvent> events) {
    var running = installations.get(installationId);
    Objects.requireNonNull(running, () -> "unknown installation " + installationId);
    int fresh = store.receive(installationId, running.installation().connector().vendor(), events, clock.instant());
    metrics.received(installationId, fresh, events.size() - fresh);
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    return fresh;
  }

  /**
   * Waits until the store has no open work (no pending event, no open write, due now or later, whoever
   * received it) and no worker of this process is busy; false on timeout. For tests, the demo and shutdown.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
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

  /**
   * Whether the workers are running. False after a fatal error stopped them (they stop together, as if the
   * process died, so that a supervisor restarts it; received events wait in the store).
   */
  public boolean healthy() {
    return running.get();
  }

  /** The audit log decisions are written to. */
  public AuditLog audit() {
    return audit;
  }

  // ---------------------------------------------------------------- workers

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
      storeWorks();
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

  private void storeWorks() {
    storeFaults.succeeded().ifPresent(log::info);
  }

  private void waitForWork(Duration wait) {
    lock.lock();
    try {
      if (running.get()) {
        wake.await(wait.toMillis(), TimeUnit.MILLISECONDS);
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

  private void purgeNowAndThen() {
    Instant now = clock.instant();
    if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) > 0) {
      lastPurge = now;
      int purged = store.purgeProcessed(now.minus(settings.retention()));
      if (purged > 0) {
        log.info("purged {} processed event ids older than {}", purged, settings.retention());
      }
    }
  }

  // ---------------------------------------------------------------- one conversation

  private void process(Lease claimed) {
    var running = installations.get(claimed.key().installation());
    if (running == null) {
      log.error("work for unknown installation {} left in the store", claimed.key().installation());
      return;
    }
    Lease lease = claimed;
    var key = lease.key();
    var state = store.state(key).orElseGet(() -> ConversationState.fresh(key));
    state = sendOpen(running, lease, state);
    if (state == null) {
      return; // a write is waiting for its next attempt; later events wait behind it
    }
    for (PendingEvent pending : store.pendingEvents(lease, clock.instant())) {
      crashPoints.reached(CrashPoints.Point.CLAIMED);
      lease = store.renew(lease, clock.instant(), settings.lease());
      Outcome outcome;
      try {
        outcome = decide(running, key, pending.event(), state);
      } catch (RuntimeException e) {
        failed(running, lease, pending, e);
        return; // later events of this conversation wait, to keep the order
      }
      store.commit(lease, pending.id(), outcome.state(), outcome.operations(), outcome.audit());
      outcome.decision().ifPresent(d -> metrics.decided(key.installation(), d));
      crashPoints.reached(CrashPoints.Point.COMMITTED);
      state = sendOpen(running, lease, outcome.state());
      if (state == null) {
        return;
      }
    }
  }

  /** Records a failed attempt at an event: tried again later with back-off, or given up on. */
  private void failed(Running running, Lease lease, PendingEvent pending, RuntimeException e) {
    if (VendorCalls.paused(e)) { // the vendor is paused for everyone: wait, it is not this event's fault
      var wait = ((VendorException) e).retryAfter().orElse(Duration.ofSeconds(1));
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
      audit.append(failure(inst, key, pending.event().id(), input, "gave_up", "failed " + attempts + " times: " + reason));
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
    audit.append(failure(inst, key, pending.event().id(), input, "will_retry",
        "failed (attempt " + attempts + "): " + e.getMessage() + "; trying again in " + wait.toMillis() + " ms"));
  }

  private AuditRecord failure(Installation inst, ConversationKey key, String eventId, String input, String reason,
      String outcome) {
    return new AuditRecord(clock.instant(), inst.id(), key.externalId(), eventId, mode(inst), "failed",
        List.of(reason), 0, "", Map.of(), shorten(input), List.of(), outcome);
  }

  // ---------------------------------------------------------------- deciding

  private Outcome decide(Running running, ConversationKey key, InboundEvent event, ConversationState state) {
    var inst = running.installation();
    String botId = running.botId();
    var message = event.kind() == InboundEvent.Kind.MESSAGE_ADDED ? event.message() : Optional.<Message>empty();
    if (message.isPresent()) {
      var m = message.get();
      var handled = state.withHandled(List.of(m.id()));
      boolean own = isOwn(m, event, state, botId);
      if (own || m.visibility() == Visibility.INTERNAL) { // our own message coming back, or a note
        var why = own ? "own_message" : "internal_note";
        return new Outcome(handled, List.of(), List.of(ignored(inst, key, event, why, "")));
      }
      if (m.role() == AuthorRole.AGENT) {
        var why = state.ownership() == Ownership.BOT ? "human_took_over" : "human_owns_conversation";
        return new Outcome(handled.withOwnership(Ownership.HUMAN), List.of(),
            List.of(ignored(inst, key, event, why, m.text()))); // a takeover
      }
    }
    if (state.ownership() == Ownership.HUMAN) {
      return new Outcome(message.map(m -> state.withHandled(List.of(m.id()))).orElse(state), List.of(),
          List.of(ignored(inst, key, event, "human_owns_conversation", message.map(Message::text).orElse(""))));
    }
    Conversation conversation = opening(event, state)
        .orElseGet(() -> running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.of(event)))));

    var handled = new LinkedHashSet<>(state.handledMessageIds());
    handled.addAll(standIns(state, conversation));
    var ownership = state.ownership();
    var customerNew = new ArrayList<Message>();
    for (var m : conversation.messages()) {
      if (!handled.add(m.id()) || state.ownMessageIds().contains(m.id()) || m.authorId().equals(botId)
          || m.visibility() == Visibility.INTERNAL) {
        continue;
      }
      if (m.role() == AuthorRole.AGENT) {
        ownership = Ownership.HUMAN; // an agent's public message is a takeover
        customerNew.clear();
      } else if (m.role() == AuthorRole.CUSTOMER) {
        customerNew.add(m);
      }
    }
    if (conversation.tags().contains(inst.routing().handoverTag())) {
      ownership = Ownership.HUMAN;
    }
    var seen = new ConversationState(key, ownership, state.botTurns(), state.clarificationsAsked(),
        state.answeredArticleIds(), state.pendingText(), handled, state.ownMessageIds(), Optional.of(conversation));
    if (customerNew.isEmpty()) {
      var why = ownership != state.ownership() ? "human_took_over"
          : event.actorId().equals(botId) ? "own_event" : "no_new_customer_message";
      return new Outcome(seen, List.of(), List.of(ignored(inst, key, event, why, "")));
    }
    String text = customerNew.stream().map(Message::text).reduce((a, b) -> a + "\n" + b).orElse("");
    if (ownership == Ownership.HUMAN || conversation.closed()) {
      var why = ownership == Ownership.HUMAN ? "human_owns_conversation" : "conversation_closed";
      return new Outcome(seen, List.of(), List.of(record(inst, key, event, Decision.Ignore.because(why), text, List.of(), "none")));
    }

    var input = new BotInput(conversation, customerNew, state.botTurns(), state.clarificationsAsked(),
        state.answeredArticleIds(), state.pendingText());
    Decision decision = bot.decide(input);
    if (inst.mode() == Mode.DRAFT && decision instanceof Decision.Reply reply) {
      decision = reply.asDraft();
    }
    List<Action> actions = ActionPlanner.plan(decision, inst.mode(), inst.routing());
    return new Outcome(next(seen, decision, input), ActionPlanner.operations(actions),
        List.of(record(inst, key, event, decision, input.text(), actions, actions.isEmpty() ? "none" : "queued")),
        Optional.of(decision));
  }

  /** A new conversation whose event carries its snapshot and opening message: no need to read it. */
  private static Optional<Conversation> opening(InboundEvent event, ConversationState state) {
    if (event.kind() != InboundEvent.Kind.CONVERSATION_CREATED || state.transcript().isPresent()
        || event.snapshot().isEmpty() || event.message().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(event.snapshot().get().withMessage(event.message().get()));
  }

  private static boolean isOwn(Message m, InboundEvent event, ConversationState state, String botId) {
    return m.authorId().equals(botId) || event.actorId().equals(botId) || state.ownMessageIds().contains(m.id());
  }

  /** Real message ids that provisional messages the engine already handled stood for. */
  private static Set<String> standIns(ConversationState state, Conversation conversation) {
    var found = new HashSet<String>();
    for (var p : state.transcript().map(Conversation::messages).orElse(List.of())) {
      if (p.isProvisional() && state.handledMessageIds().contains(p.id())) {
        conversation.messages().stream()
            .filter(m -> p.standsFor(m) && !state.handledMessageIds().contains(m.id()) && !found.contains(m.id()))
            .findFirst().ifPresent(m -> found.add(m.id()));
      }
    }
    return found;
  }

  /** The state after a decision, assuming its writes are made: ownership, turns, clarifications, answers. */
  private static ConversationState next(ConversationState s, Decision d, BotInput input) {
    var ownership = s.ownership();
    int turns = s.botTurns();
    int clarifications = s.clarificationsAsked();
    var answered = new ArrayList<>(s.answeredArticleIds());
    String pending = "";
    if (d instanceof Decision.Reply r) {
      turns++;
      clarifications = 0;
      answered.add(r.scores().articleId());
    } else if (d instanceof Decision.Clarify) {
      turns++;
      clarifications++;
      pending = input.text();
    } else if (d instanceof Decision.Handover) {
      ownership = Ownership.HUMAN;
    } else if (d instanceof Decision.Draft dr) {
      answered.add(dr.scores().articleId());
    }
    return new ConversationState(s.key(), ownership, turns, clarifications, answered, pending,
        s.handledMessageIds(), s.ownMessageIds(), s.transcript());
  }

  // ---------------------------------------------------------------- writing

  /**
   * Sends the conversation's open writes in order. Returns the state after them, or null when a write must
   * wait for its next attempt (the conversation is then left alone until it is due).
   */
  private ConversationState sendOpen(Running running, Lease lease, ConversationState state) {
    var inst = running.installation();
    var key = lease.key();
    var cancelling = new HashSet<String>(); // decisions whose remaining writes are cancelled
    for (Operation op : store.openOperations(lease)) {
      var conversation = state.transcript().orElseGet(() -> empty(key));
      if (cancelling.contains(op.eventId())) {
        store.finish(lease, op.id(), Operation.Status.CANCELLED, state, List.of());
        continue;
      }
      try {
        Applied applied;
        Optional<String> landed = Optional.empty();
        if (op.status() == Operation.Status.SENDING) {
          // it may have been sent before a crash or a lost answer: look before sending it again
          var fresh = running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.empty())));
          landed = landed(fresh, conversation, op.actions(), running.botId());
          if (landed.isPresent()) {
            log.info("{}: write {} for {} had landed before the restart", inst.id(), op.id(), key);
          }
        }
        if (landed.isPresent()) {
          applied = new Applied(List.of(landed.get()), "");
        } else {
          lease = store.renew(lease, clock.instant(), settings.lease());
          store.sending(lease, op.id());
          applied = applyOperation(running, key, conversation, op.actions());
          crashPoints.reached(CrashPoints.Point.SENT);
        }
        var own = new LinkedHashSet<>(state.ownMessageIds());
        own.addAll(applied.messageIds());
        var handled = new LinkedHashSet<>(state.handledMessageIds());
        handled.addAll(applied.messageIds());
        var transcript = applied.version().isEmpty() ? conversation : conversation.withVersion(applied.version());
        state = new ConversationState(key, state.ownership(), state.botTurns(), state.clarificationsAsked(),
            state.answeredArticleIds(), state.pendingText(), handled, own, Optional.of(transcript));
        store.finish(lease, op.id(), Operation.Status.DONE, state, List.of());
        metrics.written(inst.id(), "done");
        if (op.actions().stream().anyMatch(a -> a instanceof Action.PublicReply)) {
          conversation.messages().stream().filter(m -> m.role() == AuthorRole.CUSTOMER).reduce((a, b) -> b)
              .ifPresent(m -> metrics.replied(inst.id(), Duration.between(m.createdAt(), clock.instant())));
        }
      } catch (TakenOver t) {
        metrics.written(inst.id(), "cancelled");
        state = state.withOwnership(Ownership.HUMAN).withTranscript(t.fresh);
        cancelling.add(op.eventId());
        store.finish(lease, op.id(), Operation.Status.CANCELLED, state, List.of(failure(inst, key, op.eventId(), "",
            "human_took_over", "cancelled: a person wrote in the conversation before the bot's write")));
      } catch (VendorException e) {
        if (VendorCalls.paused(e)) { // the vendor is paused for everyone: wait without counting an attempt
          store.operationWaits(lease, op.id(), clock.instant().plus(e.retryAfter()
              .orElse(Duration.ofSeconds(1))));
          return null;
        }
        boolean permanent = !e.retriable() || op.attempts() + 1 >= settings.maxAttempts();
        metrics.written(inst.id(), "failed");
        if (permanent) {
          cancelling.add(op.eventId());
          log.error("{}: write {} for {} failed for good: {}", inst.id(), op.id(), key, e.getMessage());
          store.finish(lease, op.id(), Operation.Status.CANCELLED, state, List.of(failure(inst, key, op.eventId(), "",
              "gave_up", "write failed " + (op.attempts() + 1) + " times: " + e.getMessage())));
          continue;
        }
        Duration wait = e.retryAfter().isPresent() ? e.retryAfter().get()
            : inst.retry().maxDelay().multipliedBy(1L << Math.min(op.attempts(), 10));
        log.warn("{}: write {} for {} failed, trying again in {} ms: {}", inst.id(), op.id(), key, wait.toMillis(),
            e.getMessage());
        store.operationFailed(lease, op.id(), String.valueOf(e.getMessage()), clock.instant().plus(wait));
        return null;
      }
    }
    return state;
  }

  private static Conversation empty(ConversationKey key) {
    return new Conversation(key, Channel.WEB_FORM, "", Customer.UNKNOWN, "", "", Set.of(), false, List.of());
  }

  /**
   * Applies one operation. A failure after which nobody knows whether the write happened, or a conflict,
   * makes it read the conversation: if its own message is there, the write happened; if a person wrote
   * publicly, it throws {@link TakenOver}; otherwise it writes again with the fresh version.
   */
  private Applied applyOperation(Running running, ConversationKey key, Conversation conversation, List<Action> operation) {
    var target = conversation;
    for (int attempt = 1; ; attempt++) {
      var request = new ApplyRequest(target, operation);
      try {
        return running.calls().write("apply", () -> running.client().apply(request));
      } catch (VendorException e) {
        boolean conflict = e.kind() == VendorException.Kind.CONFLICT;
        if (!conflict && (!e.retriable() || VendorCalls.notProcessed(e))) {
          throw e; // refused, or not processed and retries used up: writing again now will not help
        }
        var fresh = running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.empty())));
        var landed = landed(fresh, conversation, operation, running.botId());
        if (landed.isPresent()) {
          log.info("{}: write to {} had landed despite '{}'", running.installation().id(), key, e.getMessage());
          return new Applied(List.of(landed.get()), fresh.version());
        }
        if (takenOver(fresh, conversation, running.botId())) {
          throw new TakenOver(fresh);
        }
        if (attempt >= running.installation().retry().maxAttempts()) {
          throw e;
        }
        target = new Conversation(key, target.channel(), target.subject(), target.customer(), fresh.groupId(),
            fresh.assigneeId(), fresh.tags(), fresh.closed(), target.messages(), fresh.version());
      }
    }
  }

  /** The id of the operation's message in the fresh conversation, if the bot's write landed. */
  private static Optional<String> landed(Conversation fresh, Conversation before, List<Action> operation, String botId) {
    var known = ids(before);
    for (var action : operation) {
      Message intended;
      if (action instanceof Action.PublicReply r) {
        intended = new Message("intended", AuthorRole.BOT, Visibility.PUBLIC, botId, r.text(), Instant.EPOCH);
      } else if (action instanceof Action.InternalNote n) {
        intended = new Message("intended", AuthorRole.BOT, Visibility.INTERNAL, botId, n.text(), Instant.EPOCH);
      } else {
        continue;
      }
      return fresh.messages().stream()
          .filter(m -> !known.contains(m.id()) && (m.authorId().equals(botId) || m.role() == AuthorRole.BOT)
              && m.visibility() == intended.visibility() && m.sameText(intended))
          .map(Message::id).findFirst();
    }
    return Optional.empty();
  }

  /** Whether a person (not the bot, not the customer) wrote publicly since {@code before}. */
  private static boolean takenOver(Conversation fresh, Conversation before, String botId) {
    var known = ids(before);
    return fresh.messages().stream().anyMatch(m -> !known.contains(m.id()) && !m.authorId().equals(botId)
        && m.role() == AuthorRole.AGENT && m.visibility() == Visibility.PUBLIC);
  }

  private static Set<String> ids(Conversation conversation) {
    var ids = new HashSet<String>();
    conversation.messages().forEach(m -> ids.add(m.id()));
    return ids;
  }

  // ---------------------------------------------------------------- audit

  private static String mode(Installation inst) {
    return inst.mode().name().toLowerCase(Locale.ROOT);
  }

  private static String shorten(String input) {
    return input.length() > MAX_AUDIT_INPUT ? input.substring(0, MAX_AUDIT_INPUT) + "…" : input;
  }

  /** The audit record of an event that leads to nothing, with the reason: every ignored event leaves one. */
  private AuditRecord ignored(Installation inst, ConversationKey key, InboundEvent event, String reason, String input) {
    return record(inst, key, event, Decision.Ignore.because(reason), input, List.of(), "none");
  }

  private AuditRecord record(Installation inst, ConversationKey key, InboundEvent event, Decision decision, String input,
      List<Action> actions, String outcome) {
    var scores = decision.scores();
    var record = new AuditRecord(clock.instant(), inst.id(), key.externalId(), event.id(), mode(inst),
        decision.kind(), decision.reasons(), scores.confidence(), scores.articleId(), scores.signals(), shorten(input),
        actions.stream().map(Action::describe).toList(), outcome);
    log.info("{} {} -> {} {} conf={} actions={}", inst.id(), key.externalId(), decision.kind(), decision.reasons(),
        String.format(Locale.ROOT, "%.2f", scores.confidence()), record.actions());
    return record;
  }

  /** {@link #close(Duration)} with ten seconds' grace. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /**
   * Stops the workers: no new work is claimed, and each worker finishes the conversation in hand. After
   * {@code grace} in all, the leases of conversations still in hand are given up, so that their work (still
   * in the store) is taken over at once by another process or after a restart, instead of when the lease
   * expires; a worker still busy then can no longer write to the store (its lease is fenced off). Returns
   * within about {@code grace}.
   */
  public void close(Duration grace) {
    running.set(false);
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (var t : workers) {
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
    for (var lease : inHand.values()) {
      try {
        store.release(lease);
        log.info("stopped while {} was in hand; its work stays in the store for the next start", lease.key());
      } catch (RuntimeException e) {
        log.info("stopped while {} was in hand; its lease expires at {}", lease.key(), lease.until());
      }
    }
  }
}
