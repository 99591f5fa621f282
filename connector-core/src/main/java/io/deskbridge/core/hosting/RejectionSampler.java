package io.deskbridge.core.hosting;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decides which refused requests are written down (audit record, WARN line): a token bucket per key (the
 * installation) that holds at most {@code perMinute} tokens and refills {@code perMinute} per minute from the
 * injected clock. A request that finds no token is only counted; the next one that is written down reports
 * how many were skipped since. So a flood of requests that anyone can send writes a bounded number of rows.
 * Keys must come from a bounded set (configured installations plus one for all unknown ones). Thread-safe.
 */
final class RejectionSampler {
  private final Clock clock;
  private final int perMinute;
  private final Map<String, Bucket> buckets = new HashMap<>();

  RejectionSampler(Clock clock, int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
    }
    this.clock = clock;
    this.perMinute = perMinute;
  }

  /**
   * Takes a token for {@code key}.
   *
   * @return empty when this refusal is only counted; otherwise how many refusals of this key were skipped
   *         since the last one written down
   */
  synchronized OptionalLong admit(String key) {
    long now = clock.millis();
    var bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
    long elapsed = Math.max(0, now - bucket.refilledAt);
    double refill = elapsed * perMinute / (double) Duration.ofMinutes(1).toMillis();
    bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) {
      bucket.skipped++;
      return OptionalLong.empty();
    }
    bucket.tokens -= 1;
    long skipped = bucket.skipped;
    bucket.skipped = 0;
    return OptionalLong.of(skipped);
  }

  private static final class Bucket {
    double tokens;
    long refilledAt;
    long skipped;

    Bucket(double tokens, long refilledAt) {
      this.tokens = tokens;
      this.refilledAt = refilledAt;
    }
  }
}
