package io.deskbridge.core.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks with the same key one after another in submission order, and tasks with different keys in
 * parallel on a shared pool. A failing task is logged and does not stop the tasks after it. Thread-safe.
 */
final class KeyedSerialExecutor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);

  private final ExecutorService pool;
  private final java.util.concurrent.ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "deskbridge-requeue");
        t.setDaemon(true);
        return t;
      });
  private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int pending;

  KeyedSerialExecutor(ExecutorService pool) {
    this.pool = pool;
  }

  void submit(Object key, Runnable task) {
    lock.lock();
    try {
      pending++;
    } finally {
      lock.unlock();
    }
    CompletableFuture<Void> next = tails.compute(key, (k, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenRunAsync(() -> run(task), pool));
    // registered outside compute: a task that already finished would otherwise update the map from inside it
    next.whenComplete((r, e) -> {
      tails.remove(key, next);
      if (e != null) {
        done(); // the pool refused the task (shut down): it never ran, so count it as finished
        log.error("task for {} not run: {}", key, e.toString());
      }
    });
  }

  /** Submits the task under its key after a delay; until then it counts as pending for {@link #awaitIdle}. */
  void submitLater(Object key, Duration delay, Runnable task) {
    lock.lock();
    try {
      pending++;
    } finally {
      lock.unlock();
    }
    timer.schedule(() -> {
      submit(key, task);
      done();
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      log.error("task failed", e);
    } finally {
      done();
    }
  }

  private void done() {
    lock.lock();
    try {
      if (--pending == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no task is queued or running; returns false on timeout. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (pending > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  int pending() {
    lock.lock();
    try {
      return pending;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
