package io.deskbridge.mock.sunco;

import java.util.concurrent.atomic.AtomicLong;

/**
 * SunCo-style ids: 24 lowercase hex digits (the spec's examples are MongoDB object ids). The seeded objects have fixed
 * ids, everything else counts up from a fixed start, so a run repeats. Thread-safe.
 */
final class SuncoIds {
  static final int APP = 1;
  static final int SWITCHBOARD = 2;
  static final int BOT_SI = 3;
  static final int BOT_INTEGRATION = 4;
  static final int AGENT_SI = 5;
  static final int AGENT_INTEGRATION = 6;
  static final int WEB_INTEGRATION = 7;
  private static final long SEEDED = 0x6560a1b2L;
  private static final long MADE = 0x6560a1b3L;

  private final AtomicLong next = new AtomicLong(1);

  /** The id of seeded object number {@code n}. */
  String fixed(int n) {
    return String.format("%08x%016x", SEEDED, n);
  }

  String next() {
    return String.format("%08x%016x", MADE, next.getAndIncrement());
  }

  void reset() {
    next.set(1);
  }
}
