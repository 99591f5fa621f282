package io.deskbridge.mock.base;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults a fake injects into the calls it serves: the "next calls" fault ({@link #failNext}), rules with a
 * matcher ({@link #add}), a random share ({@link #failRandomly}) and a delay of every answer ({@link #delayAll}).
 *
 * <p>Which fault a call gets ({@link #next}): the "next calls" fault while it lasts; else the rules in the order they
 * were added, each counting the calls it matches until one strikes (a call struck by an earlier rule is not counted
 * by later ones); else the random share. A rule is dropped once it has struck {@code times} times. The fake decides
 * which calls are subject to faults (its own control endpoints are not) and renders a {@link Fault.Status} in the
 * vendor's error shape.
 *
 * <p>Thread-safe: every method is synchronized. The random share is seeded, so a run repeats.
 */
public final class Faults {
  private static final class Armed {
    final FaultRule rule;
    int seen;
    int struck;

    Armed(FaultRule rule) {
      this.rule = rule;
    }
  }

  private final List<Armed> rules = new ArrayList<>();
  private final Random random = new Random(42);
  private int nextCount;
  private Fault nextFault;
  private double share;
  private Fault shareFault;
  private Duration delay = Duration.ZERO;

  /** The next {@code count} calls get {@code fault}, replacing an earlier {@code failNext}; 0 stops it. */
  public synchronized void failNext(int count, Fault fault) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    nextCount = count;
    nextFault = fault;
  }

  /** Adds a rule after the existing ones. */
  public synchronized void add(FaultRule rule) {
    rules.add(new Armed(rule));
  }

  /** Each call gets {@code fault} with probability {@code share} (0 stops it). */
  public synchronized void failRandomly(double share, Fault fault) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("share must be in [0, 1], was " + share);
    }
    this.share = share;
    this.shareFault = fault;
  }

  /** Every answer is sent {@code delay} late (null or zero: not). */
  public synchronized void delayAll(Duration delay) {
    this.delay = delay == null ? Duration.ZERO : delay;
  }

  /** The delay of every answer. */
  public synchronized Duration delay() {
    return delay;
  }

  /** Rules that have not struck all their times yet, in order. */
  public synchronized List<FaultRule> rules() {
    return rules.stream().map(a -> a.rule).toList();
  }

  /** No fault, rule, share or delay any more. */
  public synchronized void clear() {
    rules.clear();
    nextCount = 0;
    nextFault = null;
    share = 0;
    shareFault = null;
    delay = Duration.ZERO;
  }

  /** The fault for this call, counting it; empty when it is served normally. */
  public synchronized Optional<Fault> next(String method, String path) {
    if (nextCount > 0) {
      nextCount--;
      return Optional.of(nextFault);
    }
    for (Iterator<Armed> it = rules.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (!a.rule.matches(method, path) || ++a.seen < a.rule.nth()) {
        continue;
      }
      if (++a.struck >= a.rule.times()) {
        it.remove();
      }
      return Optional.of(a.rule.fault());
    }
    if (share > 0 && random.nextDouble() < share) {
      return Optional.of(shareFault);
    }
    return Optional.empty();
  }
}
