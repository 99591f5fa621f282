package io.deskbridge.core.api;

import io.deskbridge.core.conversation.ConversationKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the requests waiting on one conversation when this process's engine has handled that conversation's work, and
 * no other request: a decision costs one look at the store per request waiting on its own conversation, however many
 * requests wait on others. A signal given between a waiter's {@link #register} and its {@link Waiter#await} is not
 * lost: the wait then returns at once. Thread-safe.
 */
final class HandledSignals {
  private final ConcurrentHashMap<ConversationKey, Set<Waiter>> waiters = new ConcurrentHashMap<>();

  /** One request's wait on a conversation; close it when the request stops waiting. */
  final class Waiter implements AutoCloseable {
    private final ConversationKey key;
    private final Semaphore signals = new Semaphore(0);

    private Waiter(ConversationKey key) {
      this.key = key;
    }

    /**
     * Waits until the conversation is signalled or the time runs out; a signal given since the last wait counts.
     *
     * @return whether a signal came
     */
    boolean await(long nanos) throws InterruptedException {
      boolean signalled = signals.tryAcquire(nanos, TimeUnit.NANOSECONDS);
      signals.drainPermits();
      return signalled;
    }

    @Override
    public void close() {
      waiters.computeIfPresent(key, (k, set) -> {
        set.remove(this);
        return set.isEmpty() ? null : set;
      });
    }
  }

  /** Starts a wait on the conversation: signals from now on reach it. */
  Waiter register(ConversationKey key) {
    var waiter = new Waiter(key);
    waiters.compute(key, (k, set) -> {
      var out = set == null ? ConcurrentHashMap.<Waiter>newKeySet() : set;
      out.add(waiter);
      return out;
    });
    return waiter;
  }

  /** The engine handled the conversation's work: every request waiting on it looks at the store again. */
  void signal(ConversationKey key) {
    var set = waiters.get(key);
    if (set != null) {
      set.forEach(w -> w.signals.release());
    }
  }

  /** How many conversations have a request waiting (for tests). */
  int waitedOn() {
    return waiters.size();
  }
}
