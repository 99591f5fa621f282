package io.deskbridge.core.engine;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.EventPoller;
import io.deskbridge.core.store.LeaseLostException;
import io.deskbridge.core.store.PollLease;
import io.deskbridge.core.store.ProcessingStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the vendors of the installations whose connector has an {@link EventPoller}: one daemon thread per such
 * installation, in every process sharing the store, of which only the holder of the installation's poll lease
 * ({@link io.deskbridge.core.store.PollCursors}) polls; the others try to take the lease every interval, so one of
 * them goes on when the holder stops (at once when it released the lease on close, else when the lease expires on
 * the engine's clock).
 *
 * <p>One round: take or renew the lease (renewed once less than half is left), {@link EventPoller#poll} the saved
 * cursor through the installation's {@link VendorCalls} (its rate limiter, circuit breaker, retries and error
 * mapper), store the events in the inbox ({@link ProcessingStore#receive}: durable, duplicates by event id
 * dropped), wake the workers, and only then save the new cursor under the lease. A crash between the inbox and the
 * cursor repeats the poll, whose events the inbox drops; a lost lease saves nothing. A failed poll is one log line
 * and is tried again after the interval; a paused or rate-limited vendor is waited for (its Retry-After, else the
 * installation's {@code retry.maxDelay}) without a warning, the lease kept meanwhile. Rounds start at a fixed
 * rate: after a successful round the thread waits what is left of the poller's {@link EventPoller#interval()}
 * counted from the round's start (real time), after a failed one the whole interval. The lease lasts {@link EngineSettings#lease()}, at
 * least three intervals, so it outlives the wait.
 *
 * <p>Meters: {@code deskbridge.polls} (by {@code result}: ok, failed, paused) and {@code deskbridge.poll.events}
 * (by {@code result}: new, duplicate), both tagged with the installation. Thread-safe.
 */
final class PollLoops {
  private static final Logger log = LoggerFactory.getLogger(PollLoops.class);

  private final ProcessingStore store;
  private final Clock clock;
  private final EngineSettings settings;
  private final CrashPoints crashPoints;
  private final EngineMetrics metrics;
  private final Runnable wakeWorkers;
  private final List<Loop> loops = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopping = lock.newCondition();
  private final Condition polled = lock.newCondition();

  PollLoops(Map<String, Running> installations, ProcessingStore store, Clock clock, EngineSettings settings,
      CrashPoints crashPoints, EngineMetrics metrics, Runnable wakeWorkers) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.crashPoints = crashPoints;
    this.metrics = metrics;
    this.wakeWorkers = wakeWorkers;
    String me = ManagementFactory.getRuntimeMXBean().getName() + "/"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()); // two engines in one JVM differ
    for (var running : installations.values()) {
      running.installation().connector().poller()
          .ifPresent(p -> loops.add(new Loop(running, p, me + "/poll-" + running.installation().id())));
    }
  }

  /** Starts one thread per polled installation. */
  void start() {
    for (var loop : loops) {
      loop.thread.start();
    }
  }

  /**
   * Waits until every polled installation has had a successful poll by this engine that started after the call
   * (so what the vendor recorded before the call is in the inbox); true at once when none is polled; false on
   * timeout, also when another process holds an installation's poll lease.
   */
  boolean awaitPolled(Duration timeout) throws InterruptedException {
    var targets = new long[loops.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = loops.get(i).started + 1; // the next round to start
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      for (int i = 0; i < targets.length; i++) {
        while (loops.get(i).succeeded < targets[i]) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || loops.get(i).dead) {
            return false;
          }
          polled.awaitNanos(left);
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** False once a poller thread died of a fatal error (as if the process died; its lease is kept until it expires). */
  boolean healthy() {
    return loops.stream().noneMatch(l -> l.dead);
  }

  /**
   * Stops polling: wakes the threads, waits up to {@code grace} for the round in hand, and gives up the leases so
   * that another process polls at once.
   */
  void stop(Duration grace) {
    running.set(false);
    lock.lock();
    try {
      stopping.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (var loop : loops) {
      long left = deadline - System.nanoTime();
      try {
        loop.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (var loop : loops) {
      loop.release(); // a thread still in its round can no longer save its cursor: the lease is fenced off
    }
  }

  /** Waits {@code wait} (real time), or less when the engine stops. */
  private void pause(Duration wait) {
    lock.lock();
    try {
      if (running.get()) {
        stopping.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    } finally {
      lock.unlock();
    }
  }

  /** One installation's loop. */
  private final class Loop {
    private final Running running;
    private final EventPoller poller;
    private final String owner;
    private final String id;
    private final Thread thread;
    private volatile PollLease lease;
    private volatile boolean dead;
    /** Rounds started; the last round that succeeded (polled and received), by the same count. */
    private volatile long started;
    private volatile long succeeded;
    /** Until when (on {@link System#nanoTime()}) the vendor asked not to be polled; the lease is renewed meanwhile. */
    private long pausedUntil = System.nanoTime();

    Loop(Running running, EventPoller poller, String owner) {
      this.running = running;
      this.poller = poller;
      this.owner = owner;
      this.id = running.installation().id();
      this.thread = new Thread(this::run, "deskbridge-poller-" + id);
      thread.setDaemon(true);
    }

    private Duration leaseFor() {
      var threeIntervals = poller.interval().multipliedBy(3);
      return threeIntervals.compareTo(settings.lease()) > 0 ? threeIntervals : settings.lease();
    }

    private void run() {
      while (running()) {
        Duration wait = poller.interval();
        try {
          if (hold() && running()) {
            long paused = pausedUntil - System.nanoTime();
            wait = paused > 0 ? shorter(Duration.ofNanos(paused), leaseFor().dividedBy(2)) : round();
          }
        } catch (LeaseLostException e) {
          log.warn("{}: {}; another process polls now", id, e.getMessage());
          lease = null;
        } catch (RuntimeException e) {
          metrics.polled(id, "failed");
          log.warn("{}: polling failed, trying again in {} ms: {}", id, wait.toMillis(), oneLine(e));
        } catch (Error e) {
          dead = true; // as if the process died here: no release, the lease expires
          lock.lock();
          try {
            polled.signalAll();
          } finally {
            lock.unlock();
          }
          log.error("{}: fatal error, polling stopped; /health reports down", id, e);
          return;
        }
        pause(wait);
      }
      release();
    }

    private boolean running() {
      return PollLoops.this.running.get() && !Thread.currentThread().isInterrupted();
    }

    /** Takes the lease, or renews it when less than half is left; whether this loop holds it. */
    private boolean hold() {
      Instant now = clock.instant();
      var held = lease;
      if (held == null) {
        held = store.claimPoll(id, owner, now, leaseFor()).orElse(null);
        if (held != null) {
          log.info("{}: polling {} (poll lease token {}, cursor {})", id, running.installation().connector().vendor(),
              held.token(), held.cursor().orElse("none yet"));
        }
      } else if (Duration.between(now, held.until()).compareTo(leaseFor().dividedBy(2)) < 0) {
        held = store.renewPoll(held, now, leaseFor());
      }
      lease = held;
      return held != null;
    }

    /** One poll under the lease; the wait before the next. */
    private Duration round() {
      var held = lease;
      long round = ++started;
      long startedAt = System.nanoTime();
      EventPoller.Poll poll;
      try {
        poll = running.calls().read("poll", () -> poller.poll(held.cursor()));
      } catch (VendorException e) {
        if (VendorCalls.waitsWithoutCounting(e)) {
          metrics.polled(id, "paused");
          var wait = e.retryAfter().orElse(running.installation().retry().maxDelay());
          log.debug("{}: {}; polling waits {} ms", id, e.getMessage(), wait.toMillis());
          if (wait.compareTo(poller.interval()) < 0) {
            wait = poller.interval();
          }
          pausedUntil = System.nanoTime() + wait.toNanos();
          return shorter(wait, leaseFor().dividedBy(2)); // wakes up to keep the lease during a long pause
        }
        metrics.polled(id, "failed");
        log.warn("{}: poll failed ({}), trying again in {} ms: {}", id, e.kind(), poller.interval().toMillis(),
            oneLine(e));
        return poller.interval();
      }
      var events = poll.events();
      int fresh = events.isEmpty() ? 0
          : store.receive(id, running.installation().connector().vendor(), events, clock.instant(),
              running.installation().debounce());
      metrics.polled(id, "ok");
      metrics.polledEvents(id, fresh, events.size() - fresh);
      if (fresh > 0) {
        wakeWorkers.run();
      }
      crashPoints.reached(CrashPoints.Point.POLLED);
      if (!held.cursor().equals(java.util.Optional.of(poll.cursor()))) {
        lease = store.savePollCursor(held, poll.cursor(), clock.instant());
      }
      lock.lock();
      try {
        succeeded = round;
        polled.signalAll();
      } finally {
        lock.unlock();
      }
      // at a fixed rate: the interval runs from this poll's start, so a change waits at most one interval for a poll
      var left = poller.interval().minusNanos(System.nanoTime() - startedAt);
      return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Gives the lease up, unless the thread died (then it expires, as after a crash); a second call does nothing
     * (the lease is no longer the owner's).
     */
    void release() {
      var held = lease;
      if (held == null || dead) {
        return;
      }
      try {
        store.releasePoll(held);
        lease = null;
      } catch (RuntimeException e) {
        log.info("{}: stopped polling; its poll lease expires at {}", id, held.until());
      }
    }
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String oneLine(RuntimeException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
