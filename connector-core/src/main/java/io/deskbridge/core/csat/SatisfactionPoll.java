package io.deskbridge.core.csat;

import io.deskbridge.core.spi.SatisfactionSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One poll of an installation's satisfaction ratings into the store. It asks the source for the ratings since the
 * stored cursor less {@link #OVERLAP} (a rating the vendor made visible a little late is still read; one read twice
 * changes nothing, since the store keeps each conversation's newest rating), or since {@link #FIRST_BACKFILL} ago on
 * the first poll, walks every page, stores each page as it comes and saves the newest rating time seen as the cursor
 * only after the last page (a vendor's pages need not be in time order, so a cursor saved halfway could skip
 * ratings); a failure leaves the cursor where it was and the next poll reads the same ratings again. The cursor never
 * moves past the clock's now. Several processes may poll the same installation. Thread-safe.
 */
public final class SatisfactionPoll {
  /** How far before the cursor each poll starts. */
  public static final Duration OVERLAP = Duration.ofMinutes(10);
  /** How far back the first poll of an installation reads: the dashboard's default period. */
  public static final Duration FIRST_BACKFILL = Duration.ofDays(30);

  private final SatisfactionStore store;
  private final Clock clock;

  public SatisfactionPoll(SatisfactionStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a poll did: ratings read, rows written (new or changed ratings), the cursor saved. */
  public record Result(int read, int written, Instant cursor) {
  }

  /** Polls one installation; the source's exceptions propagate with the cursor unchanged. */
  public Result run(String installation, SatisfactionSource source) {
    Instant now = clock.instant();
    var cursor = store.cursor(installation);
    Instant since = cursor.map(c -> c.minus(OVERLAP)).orElse(now.minus(FIRST_BACKFILL));
    Instant newest = cursor.orElse(since);
    Optional<String> page = Optional.empty();
    int read = 0;
    int written = 0;
    do {
      var p = source.ratings(since, page);
      written += store.save(installation, p.ratings(), clock.instant());
      for (var r : p.ratings()) {
        read++;
        if (r.ratedAt().isAfter(newest)) {
          newest = r.ratedAt();
        }
      }
      if (p.next().isPresent() && p.next().equals(page)) {
        throw new IllegalStateException("the satisfaction source returned the page token it was given ("
            + page.get() + "): stopping instead of reading the same page forever");
      }
      page = p.next();
    } while (page.isPresent());
    if (newest.isAfter(now)) {
      newest = now;
    }
    store.saveCursor(installation, newest, clock.instant());
    return new Result(read, written, newest);
  }
}
