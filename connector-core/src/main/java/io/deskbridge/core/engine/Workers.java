package io.deskbridge.core.engine;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.Lease;
import io.deskbridge.core.store.LeaseLostException;
import io.deskbridge.core.store.PendingEvent;
import io.deskbridge.core.store.ProcessingStore;
import io.deskbridge.core.store.StoreException;
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
 * order received (interpret the turn, ask the decider and plan: {@link EventOutcomes}; commit state + outbox + audit
 * in one transaction, then send). A failed event is retried with back-off or, after bounded attempts, moved to the
 * dead letters. A failing store makes the workers back off; a fatal {@link Error} stops them all, as if the process
 * died. Thread-safe.
 */
final class Workers {
  private static final Logger log = LoggerFactory.getLogger(Workers.class);
  /** Attempts after which an event failing for a reason retrying will not fix goes to the dead letters. */
  private static final int MAX_ATTEMPTS_WHEN_PERMANENT = 2;

  private final Map<String, Running> installations;
  private final EventOutcomes outcomes;
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
    this.outcomes = new EventOutcomes(decider, audit, clock);
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
   * Sends the claimed conversation's open writes, then takes its pending events in the order received: each one's
   * {@link EventOutcomes.Outcome} is committed (state, outbox, audit in one transaction) and its writes sent. A
   * failed event stops the claim, so later events of the conversation wait behind it.
   */
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
      EventOutcomes.Outcome outcome;
      try {
        outcome = outcomes.decide(running, key, pending, state);
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

  /** Appends the verdicts to the configured file, one labelled message per draft (the file drops a repeat). */
  private void writeVerdicts(ConversationKey key, List<EventOutcomes.Verdict> verdicts) {
    if (verdictFile.isEmpty()) {
      return;
    }
    for (var v : verdicts) {
      var d = v.draft();
      verdictFile.get().append("draft-" + key.installation() + "-" + key.externalId() + "-" + d.eventId(),
          d.customerText(), d.language(), v.verdict(), d.articleId());
    }
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
