package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.INSERT_EVENT;
import static io.deskbridge.core.store.ConversationRows.dueIfIdle;
import static io.deskbridge.core.store.ConversationRows.lockConversation;
import static io.deskbridge.core.store.ConversationRows.refreshDue;

import io.deskbridge.core.webhook.InboundEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes received events to the inbox with a group commit: the receives that arrive while a commit is in
 * flight are written together in the next one, as one durable transaction. One of the waiting callers runs
 * it; there is no thread of its own.
 *
 * <p>Guarantees, for each call of {@link #receive}: it returns only after its events are durable (the batch's
 * transaction committed and, on an H2 file, was written); it returns how many of its own events were new (an
 * event the installation already has, from before or from an earlier request in the same batch, is skipped);
 * when the batch fails for a database fault, every caller in it gets the {@link StoreException} (none of
 * them is acknowledged; their redeliveries store each event once); when it fails for one request's data (a value too long for its column, say)
 * or on a lock timeout, each request of it is written again on its own, so only that request fails. Requests are taken in arrival
 * order, at most {@value #MAX_BATCH} at a time. Thread-safe.
 */
final class InboxCommits {
  /** The most requests one transaction writes; the rest go in the next. */
  static final int MAX_BATCH = 64;

  /** One call's events, checked and serialised. */
  record Receive(String installation, String vendor, List<InboundEvent> events, List<String> payloads,
      OffsetDateTime at, Duration debounce) {}

  /** The first time a conversation's not yet attempted events were received, for the debounce's cap. */
  private static final String FIRST_UNTRIED = "SELECT MIN(received_at) FROM inbox_event WHERE installation = ? "
      + "AND conversation_id = ? AND status = 'PENDING' AND attempts = 0";
  private static final String DEFER_UNTRIED = "UPDATE inbox_event SET next_attempt_at = ? WHERE installation = ? "
      + "AND conversation_id = ? AND status = 'PENDING' AND attempts = 0";

  /** A request and, once {@code done}, its outcome; guarded by the lock. */
  private static final class Waiting {
    final Receive request;
    boolean done;
    int fresh;
    RuntimeException failure;

    Waiting(Receive request) {
      this.request = request;
    }
  }

  private final Database db;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition finished = lock.newCondition();
  private final List<Waiting> queue = new ArrayList<>();
  private boolean committing;
  private final AtomicLong commits = new AtomicLong();

  InboxCommits(Database db) {
    this.db = db;
  }

  /**
   * Writes the request's events in the next batch and waits for it.
   *
   * @return how many of them were new
   * @throws StoreException when the batch (or, after a data error in a batch, the request alone) failed
   */
  int receive(Receive request) {
    var mine = new Waiting(request);
    lock.lock();
    try {
      queue.add(mine);
      while (true) {
        while (committing && !mine.done) {
          finished.awaitUninterruptibly();
        }
        if (mine.done) {
          return outcome(mine);
        }
        committing = true;
        var batch = new ArrayList<>(queue.subList(0, Math.min(MAX_BATCH, queue.size())));
        queue.subList(0, batch.size()).clear();
        lock.unlock();
        try {
          write(batch);
        } finally {
          lock.lock();
          for (Waiting w : batch) {
            w.done = true;
          }
          committing = false;
          finished.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Requests waiting for the next batch (not the one in flight). */
  int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a batch is being written now. */
  boolean committing() {
    lock.lock();
    try {
      return committing;
    } finally {
      lock.unlock();
    }
  }

  /** Batches committed so far. */
  long commits() {
    return commits.get();
  }

  private static int outcome(Waiting w) {
    if (w.failure != null) {
      throw new StoreException(w.failure.getMessage(), w.failure);
    }
    return w.fresh;
  }

  /** Sets each request's outcome; never throws a {@link RuntimeException}. */
  private void write(List<Waiting> batch) {
    try {
      int[] fresh = db.tx("receive", true, c -> insert(c, batch));
      commits.incrementAndGet();
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).fresh = fresh[i];
      }
    } catch (RuntimeException e) {
      if (batch.size() > 1 && (oneRequestsData(e) || lockTimedOut(e))) {
        for (Waiting w : batch) {
          write(List.of(w));
        }
        return;
      }
      for (Waiting w : batch) {
        w.failure = e;
      }
    } catch (Error e) {
      var failure = new StoreException("receive failed: " + e, e);
      for (Waiting w : batch) {
        w.failure = failure;
      }
      throw e;
    }
  }

  /**
   * Whether the failure may be one request's own (bad data: SQL state classes 22 and 23, or a check in the
   * transaction's code), so that the other requests of its batch must not fail with it. A database fault, a
   * pool without a free connection or a transaction rolled back too often fails them all.
   */
  private static boolean oneRequestsData(RuntimeException e) {
    if (e instanceof StoreException && e.getCause() instanceof SQLException sql) {
      String state = sql.getSQLState();
      return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
    return !(e instanceof StoreException);
  }

  /**
   * Whether the batch waited for a lock longer than the database allows (H2: SQL state HYT00; PostgreSQL, when a
   * {@code lock_timeout} is set: 55P03). One request's event may be held by a transaction that never ends (on H2, a
   * row an unclean stop left behind: {@code docs/hardening.md}), so the others are written again on their own
   * rather than failing with it.
   */
  private static boolean lockTimedOut(RuntimeException e) {
    return e instanceof StoreException && e.getCause() instanceof SQLException sql && Database.lockTimedOut(sql);
  }

  /**
   * Locks every conversation row of the batch (creating the new ones) in one order, so that concurrent
   * transactions cannot deadlock, inserts the events in request order ({@code ON CONFLICT DO NOTHING}), and
   * makes the conversations that got new events due if they had no open work (one with open work still waits
   * for it: new events queue behind it).
   */
  private static int[] insert(Connection c, List<Waiting> batch) throws SQLException {
    var rows = new TreeMap<String, TreeMap<String, String>>(); // installation -> conversation -> vendor
    for (Waiting w : batch) {
      for (InboundEvent event : w.request.events()) {
        rows.computeIfAbsent(w.request.installation(), k -> new TreeMap<>())
            .putIfAbsent(event.conversationId(), w.request.vendor());
      }
    }
    for (var installation : rows.entrySet()) {
      for (Map.Entry<String, String> conversation : installation.getValue().entrySet()) {
        lockConversation(c, installation.getKey(), conversation.getKey(), conversation.getValue());
      }
    }
    int[] fresh = new int[batch.size()];
    var touched = new TreeMap<String, TreeMap<String, OffsetDateTime>>(); // -> the first new event's time
    var debounced = new TreeMap<String, TreeMap<String, Receive>>(); // -> the last request with a new event
    try (var insert = c.prepareStatement(INSERT_EVENT)) {
      for (int r = 0; r < batch.size(); r++) {
        Receive request = batch.get(r).request;
        for (int i = 0; i < request.events().size(); i++) {
          InboundEvent event = request.events().get(i);
          insert.setString(1, request.installation());
          insert.setString(2, request.vendor());
          insert.setString(3, event.id());
          insert.setString(4, event.conversationId());
          insert.setString(5, request.payloads().get(i));
          insert.setObject(6, request.at());
          insert.setObject(7, request.at().plus(request.debounce()));
          if (insert.executeUpdate() > 0) {
            fresh[r]++;
            if (request.debounce().isZero()) {
              touched.computeIfAbsent(request.installation(), k -> new TreeMap<>())
                  .putIfAbsent(event.conversationId(), request.at());
            } else {
              debounced.computeIfAbsent(request.installation(), k -> new TreeMap<>())
                  .put(event.conversationId(), request);
            }
          }
        }
      }
    }
    for (var installation : touched.entrySet()) {
      for (Map.Entry<String, OffsetDateTime> conversation : installation.getValue().entrySet()) {
        dueIfIdle(c, installation.getKey(), conversation.getKey(), conversation.getValue());
      }
    }
    for (var installation : debounced.entrySet()) {
      for (Map.Entry<String, Receive> conversation : installation.getValue().entrySet()) {
        debounce(c, installation.getKey(), conversation.getKey(), conversation.getValue());
      }
    }
    return fresh;
  }

  /**
   * Defers a conversation's untried events to one time: a debounce window after the latest one arrived, but no more
   * than two windows after the first (a message arriving during the window extends it, once in effect: a customer
   * who keeps typing is answered after at most twice the window). The conversation is then due at that time, unless
   * older open work makes it due earlier.
   */
  private static void debounce(Connection c, String installation, String conversation, Receive latest)
      throws SQLException {
    OffsetDateTime first;
    try (var select = c.prepareStatement(FIRST_UNTRIED)) {
      select.setString(1, installation);
      select.setString(2, conversation);
      try (var rs = select.executeQuery()) {
        rs.next();
        first = rs.getObject(1, OffsetDateTime.class);
      }
    }
    var due = latest.at().plus(latest.debounce());
    if (first != null && first.plus(latest.debounce().multipliedBy(2)).isBefore(due)) {
      due = first.plus(latest.debounce().multipliedBy(2));
    }
    try (var defer = c.prepareStatement(DEFER_UNTRIED)) {
      defer.setObject(1, due);
      defer.setString(2, installation);
      defer.setString(3, conversation);
      defer.executeUpdate();
    }
    refreshDue(c, installation, conversation);
  }
}
