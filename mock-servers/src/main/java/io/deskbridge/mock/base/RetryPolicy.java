package io.deskbridge.mock.base;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a vendor delivers and retries its webhooks: the timeout of one attempt, which outcomes are retried and how
 * often, the back-off schedule, when a message is too old to retry, what counts as acknowledged, and the chaos a
 * vendor adds (duplicates, reordering). Immutable; build it from {@link #of(Duration, Backoff, List)}.
 *
 * <p>The decision after an attempt ({@link #retryAfter}): an acknowledged outcome is done; otherwise the first rule in
 * {@code retries} that matches the outcome and still has attempts left retries it after the back-off of that attempt
 * (or a shorter {@code Retry-After} when the rule honours it); no such rule: the message is given up. The sender also
 * gives up when the retry would start later than {@code maxAge} after the message was produced.
 *
 * @param timeout one attempt's timeout (connect and response)
 * @param backoff the wait before each retry
 * @param retries the retry rules, tried in order
 * @param maxAge no retry starts later than this after the message was produced (Salesforce: 24 h); null: no limit
 * @param acknowledged what the receiver must answer for the message to count as delivered (default: a 2xx status)
 * @param ordered true: the messages of one key (a webhook and a conversation) go one at a time, a message's retries
 *     before the next message (Zendesk); false: each on its own, so a retried message arrives after later ones
 *     (Salesforce: "retries ignore queue order")
 * @param copies each message is sent this many times in all (1: no duplicates), each copy its own invocation
 * @param jitter each copy waits a random time up to this before its first attempt, so deliveries of one key arrive out
 *     of order (zero: none); with a jitter the copies are never ordered
 */
public record RetryPolicy(Duration timeout, Backoff backoff, List<Retry> retries, Duration maxAge,
    Predicate<Outcome.Response> acknowledged, boolean ordered, int copies, Duration jitter) {

  /** A 2xx status. */
  public static final Predicate<Outcome.Response> STATUS_2XX = r -> r.status() >= 200 && r.status() <= 299;

  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(acknowledged, "acknowledged");
    retries = List.copyOf(retries);
    if (timeout.isNegative() || timeout.isZero() || copies < 1 || jitter.isNegative()
        || maxAge != null && maxAge.isNegative()) {
      throw new IllegalArgumentException("invalid retry policy: timeout " + timeout + ", copies " + copies
          + ", jitter " + jitter + ", maxAge " + maxAge);
    }
  }

  /** Ordered, 2xx acknowledges, no age limit, no duplicates or jitter. */
  public static RetryPolicy of(Duration timeout, Backoff backoff, List<Retry> retries) {
    return new RetryPolicy(timeout, backoff, retries, null, STATUS_2XX, true, 1, Duration.ZERO);
  }

  public RetryPolicy withMaxAge(Duration v) {
    return new RetryPolicy(timeout, backoff, retries, v, acknowledged, ordered, copies, jitter);
  }

  public RetryPolicy withAcknowledged(Predicate<Outcome.Response> v) {
    return new RetryPolicy(timeout, backoff, retries, maxAge, v, ordered, copies, jitter);
  }

  public RetryPolicy withOrdered(boolean v) {
    return new RetryPolicy(timeout, backoff, retries, maxAge, acknowledged, v, copies, jitter);
  }

  /** Duplicates and reordering: {@code copies} in all, each after a random wait up to {@code jitter}. */
  public RetryPolicy withChaos(int copies, Duration jitter) {
    return new RetryPolicy(timeout, backoff, retries, maxAge, acknowledged, ordered, copies, jitter);
  }

  public RetryPolicy withRetries(List<Retry> v) {
    return new RetryPolicy(timeout, backoff, v, maxAge, acknowledged, ordered, copies, jitter);
  }

  /** True when the outcome means delivered: a response the {@code acknowledged} predicate accepts. */
  public boolean delivered(Outcome outcome) {
    return outcome instanceof Outcome.Response r && acknowledged.test(r);
  }

  /**
   * The wait before the next attempt after attempt number {@code attempt} (1 for the first) ended with
   * {@code outcome}; empty when it is delivered or given up. The age limit is the sender's to apply.
   */
  public Optional<Duration> retryAfter(int attempt, Outcome outcome) {
    if (delivered(outcome)) {
      return Optional.empty();
    }
    for (Retry rule : retries) {
      if (attempt >= rule.maxAttempts() || !rule.when().test(outcome)) {
        continue;
      }
      Duration wait = backoff.after(attempt);
      if (rule.retryAfterBelow() != null) {
        Optional<Duration> asked = outcome instanceof Outcome.Response r ? r.retryAfter() : Optional.empty();
        if (asked.isEmpty() || asked.get().compareTo(rule.retryAfterBelow()) >= 0) {
          continue;
        }
        wait = asked.get().compareTo(wait) < 0 ? asked.get() : wait;
      }
      return Optional.of(wait);
    }
    return Optional.empty();
  }

  /** What one attempt ended with. */
  public sealed interface Outcome {
    /** The receiver answered. */
    record Response(int status, HttpHeaders headers, byte[] body) implements Outcome {
      /** {@code Retry-After} in seconds; empty when absent or not a number of seconds. */
      public Optional<Duration> retryAfter() {
        try {
          return headers.firstValueAsLong("Retry-After").stream().mapToObj(Duration::ofSeconds).findFirst();
        } catch (NumberFormatException notSeconds) {
          return Optional.empty();
        }
      }
    }

    /** No answer: {@code timeout} when the attempt timed out, else refused, reset or otherwise unreachable. */
    record Failed(boolean timeout, String reason) implements Outcome {}
  }

  /**
   * One retry rule: outcomes it applies to and the attempts it allows in all (the first included).
   *
   * @param retryAfterBelow when not null, the rule applies only to responses with a {@code Retry-After} shorter than
   *     this, and waits that long when it is shorter than the back-off (Zendesk: under 60 s)
   */
  public record Retry(String name, Predicate<Outcome> when, int maxAttempts, Duration retryAfterBelow) {
    public Retry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(when, "when");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
      }
    }

    /** Responses with one of these statuses. */
    public static Retry statuses(int maxAttempts, Integer... statuses) {
      Set<Integer> set = Set.of(statuses);
      return new Retry("statuses " + set, o -> o instanceof Outcome.Response r && set.contains(r.status()),
          maxAttempts, null);
    }

    /** Attempts that timed out. */
    public static Retry timeouts(int maxAttempts) {
      return new Retry("timeouts", o -> o instanceof Outcome.Failed f && f.timeout(), maxAttempts, null);
    }

    /** Attempts without an answer of any kind: refused, reset, timed out. */
    public static Retry unanswered(int maxAttempts) {
      return new Retry("unanswered", o -> o instanceof Outcome.Failed, maxAttempts, null);
    }

    /** Every outcome that is not acknowledged (Salesforce: anything but 200 with {@code Ack=true}). */
    public static Retry anyFailure(int maxAttempts) {
      return new Retry("any failure", o -> true, maxAttempts, null);
    }

    /** This rule only for responses whose {@code Retry-After} is shorter than {@code limit}. */
    public Retry onlyWithRetryAfterBelow(Duration limit) {
      return new Retry(name, when, maxAttempts, limit);
    }
  }

  /**
   * The wait before retry number n (after attempt n): {@code initial × factor^(n-1)}, at most {@code max}.
   * Salesforce: {@code exponential(30 s, 2 h)} gives 30 s, 1 min, 2 min, 4 min, ... then every 2 h.
   */
  public record Backoff(Duration initial, double factor, Duration max) {
    public Backoff {
      if (initial.isNegative() || factor < 1 || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("invalid back-off " + initial + " x" + factor + " up to " + max);
      }
    }

    public static Backoff fixed(Duration wait) {
      return new Backoff(wait, 1, wait);
    }

    /** Doubling from {@code initial}, capped at {@code max}. */
    public static Backoff exponential(Duration initial, Duration max) {
      return new Backoff(initial, 2, max);
    }

    /** The wait after attempt {@code attempt} (1 for the first). */
    public Duration after(int attempt) {
      double millis = initial.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
      return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
  }
}
