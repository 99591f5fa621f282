package io.deskbridge.core.engine;

import io.deskbridge.core.spi.EventPoller;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A vendor's change feed in memory, for the polling tests: the test appends events; a poll returns those from the
 * cursor (how many had been read) on, with the last one read before again (an overlap, as a watermark poller has),
 * and the new count as the cursor. Each engine polls through its own {@link #as view}, so tests see who polled.
 */
final class FakePoller {
  /** One poll: by which view, from which cursor. */
  record Call(String by, Optional<String> cursor) {}

  private final List<InboundEvent> changes = new CopyOnWriteArrayList<>();
  private final Duration interval;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** The next polls fail with an I/O error (the connector's mapper makes it retriable). */
  final AtomicInteger failNext = new AtomicInteger();
  /** Thrown by the next poll while set, then cleared. */
  final AtomicReference<RuntimeException> throwNext = new AtomicReference<>();

  FakePoller(Duration interval) {
    this.interval = interval;
  }

  void add(InboundEvent event) {
    changes.add(event);
  }

  /** The poller one engine's connector hands out, recording its polls under {@code name}. */
  EventPoller as(String name) {
    return new EventPoller() {
      @Override
      public Duration interval() {
        return interval;
      }

      @Override
      public Poll poll(Optional<String> cursor) {
        calls.add(new Call(name, cursor));
        var thrown = throwNext.getAndSet(null);
        if (thrown != null) {
          throw thrown;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new IllegalStateException("connection reset (scripted)");
        }
        var all = new ArrayList<>(changes);
        int from = Math.max(0, cursor.map(Integer::parseInt).orElse(0) - 1);
        return new Poll(all.subList(from, all.size()), String.valueOf(all.size()));
      }
    };
  }

  long pollsBy(String name) {
    return calls.stream().filter(c -> c.by().equals(name)).count();
  }

  /** The polls made by {@code name}, in order. */
  List<Call> callsBy(String name) {
    return calls.stream().filter(c -> c.by().equals(name)).toList();
  }
}
