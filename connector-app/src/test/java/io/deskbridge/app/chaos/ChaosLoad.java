package io.deskbridge.app.chaos;

import io.deskbridge.app.DemoVendor;
import io.deskbridge.app.DemoVendor.Author;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * A load of scripted conversations whose right outcome is known, driven through a vendor's fake, and the
 * tally of what went wrong, counted from the fake's own state.
 *
 * <p>Each ticket asks an answerable question; once the bot answered, the customer writes again: on an
 * "answer" ticket another answerable question (the bot must answer it too), on a "handover" ticket a
 * request for a person (the bot must hand over: one internal note and one public message) and, once the
 * note is there, one more message that the bot must leave alone.
 */
final class ChaosLoad {
  private static final List<String[]> QUESTIONS = List.of(
      new String[] {"How can I reset my password? I can't log in.", "How long does delivery take to Brno?"},
      new String[] {"Where is my order? It was supposed to arrive yesterday.", "Which payment methods do you accept?"},
      new String[] {"I need a copy of the invoice for my last purchase.", "How can I return an item I bought last week?"},
      new String[] {"Which payment methods do you accept?", "How can I reset my password? I can't log in."});
  private static final String HUMAN = "I want to talk to a real person, please.";
  private static final String AFTER_HANDOVER = "Hello? Is anyone there?";

  /** What went wrong: every count must be zero. */
  record Tally(int tickets, int lost, int duplicates, int afterHandover, List<String> problems) {
    @Override
    public String toString() {
      return tickets + " tickets: lost " + lost + ", duplicates " + duplicates + ", after handover " + afterHandover
          + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
    }
  }

  private final class Ticket {
    final String id;
    final boolean handover;
    final String[] questions;
    volatile int stage;

    Ticket(String id, boolean handover, String[] questions) {
      this.id = id;
      this.handover = handover;
      this.questions = questions;
    }

    List<DemoVendor.Entry> bot(boolean isPublic) {
      return vendor.entries(id).stream().filter(e -> e.author() == Author.BOT && e.isPublic() == isPublic).toList();
    }

    /** Sends the next customer message when the bot has reacted to the last one; true when the script is done. */
    boolean advance() {
      if (stage == 0 && bot(true).size() >= 1) {
        vendor.customerWrites(id, handover ? HUMAN : questions[1]);
        stage = 1;
      } else if (stage == 1 && handover && !bot(false).isEmpty() && bot(true).size() >= 2) { // note and message
        vendor.customerWrites(id, AFTER_HANDOVER);
        stage = 2;
      } else if (stage == 1 && !handover && bot(true).size() >= 2) {
        stage = 2;
      }
      return stage == 2;
    }
  }

  private final DemoVendor vendor;
  private final List<Ticket> tickets = new ArrayList<>();

  ChaosLoad(DemoVendor vendor) {
    this.vendor = vendor;
  }

  /**
   * Opens {@code count} tickets at {@code perSecond}, calls {@code midway} once half are open (for example
   * to kill a process), drives every script to its end, and waits until nothing changes any more.
   *
   * @throws AssertionError when {@code midway} failed (for example a restarted process did not come up), carrying
   *     its failure, so that a test does not report the tickets it left unfinished instead of the cause
   */
  void run(int count, int perSecond, Runnable midway, Duration timeout) {
    var opened = new java.util.concurrent.CountDownLatch(count);
    var step = new Midway(midway);
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      scheduler.scheduleAtFixedRate(() -> {
        int n;
        synchronized (tickets) {
          n = tickets.size();
          if (n >= count) {
            return;
          }
          boolean handover = n % 4 == 3;
          String[] questions = QUESTIONS.get(n % QUESTIONS.size());
          String id = vendor.customerOpens("c" + n + "@example.com", "Customer " + n, "Question " + n, questions[0]);
          tickets.add(new Ticket(id, handover, questions));
        }
        opened.countDown();
        if (n + 1 >= count / 2) {
          step.startOnce();
        }
      }, 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
      Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
        step.check();
        if (opened.getCount() > 0) {
          synchronized (tickets) {
            tickets.forEach(Ticket::advance);
          }
          return false;
        }
        synchronized (tickets) {
          return tickets.stream().allMatch(Ticket::advance);
        }
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // the tally shows what did not finish
    } finally {
      scheduler.shutdownNow();
    }
    step.check();
    // settle: no comment may still be on its way (duplicates, replies after handover)
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .during(Duration.ofSeconds(2)).until(this::commentsSoFar, c -> c == commentsSoFar());
  }

  /**
   * A step taken once in the middle of a load (killing and restarting a process), on its own thread; {@link #check}
   * rethrows its failure on the test's thread.
   */
  static final class Midway {
    private final Runnable step;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Midway(Runnable step) {
      this.step = step;
    }

    /** Starts the step unless it was started before. */
    void startOnce() {
      if (started.compareAndSet(false, true)) {
        new Thread(() -> {
          try {
            step.run();
          } catch (Throwable e) {
            failure.set(e);
          }
        }, "chaos-midway").start();
      }
    }

    /** @throws AssertionError when the step failed */
    void check() {
      if (failure.get() != null) {
        throw new AssertionError("the step midway through the load failed", failure.get());
      }
    }
  }

  private int commentsSoFar() {
    synchronized (tickets) {
      return tickets.stream().mapToInt(t -> vendor.entries(t.id).size()).sum();
    }
  }

  Tally tally() {
    int lost = 0;
    int duplicates = 0;
    int after = 0;
    var problems = new ArrayList<String>();
    synchronized (tickets) {
      for (var t : tickets) {
        var entries = vendor.entries(t.id);
        int replies = t.bot(true).size();
        int notes = t.bot(false).size();
        int expectedReplies = 2;
        int expectedNotes = t.handover ? 1 : 0;
        if (replies < expectedReplies || notes < expectedNotes) {
          lost++; // or not finished before the timeout: the problem line says which stage it reached
          problems.add("#" + t.id + " lost or unfinished: " + replies + " replies, " + notes + " notes, stage "
              + t.stage + ", " + entries.size() + " messages and notes");
        }
        if (replies > expectedReplies || notes > expectedNotes) {
          duplicates++;
          problems.add("#" + t.id + " duplicate: " + replies + " replies, " + notes + " notes");
        }
        if (t.handover) {
          int lastCustomer = -1;
          for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).author() == Author.CUSTOMER && entries.get(i).body().equals(AFTER_HANDOVER)) {
              lastCustomer = i;
            }
          }
          if (lastCustomer >= 0 && entries.subList(lastCustomer, entries.size()).stream()
              .anyMatch(e -> e.author() == Author.BOT)) {
            after++;
            problems.add("#" + t.id + " bot wrote after the handover");
          }
        }
      }
      return new Tally(tickets.size(), lost, duplicates, after, problems);
    }
  }
}
