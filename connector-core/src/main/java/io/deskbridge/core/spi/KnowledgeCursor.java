package io.deskbridge.core.spi;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a {@link KnowledgeSource}'s next incremental read starts, for vendors whose change times have whole seconds:
 * the epoch second of the last change read and the ids read in that second.
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>The next read asks the vendor for the changes at or after {@link #second()} (inclusive, so a change made
 *       later in that second is not missed) and skips an article only when it is listed in {@link #ids()} with a
 *       change in that same second ({@link Reading#read}): it was read before and is unchanged since.
 *   <li>The ids are kept only once that second is over by this process's clock, allowing a second of skew between
 *       it and the vendor's ({@link Reading#next}: the second {@code s} is over when {@code now} is at or after
 *       {@code s + 2}); until then a change later in that second could come with the same id, so the next read
 *       reads that second's articles again (the sync finds them unchanged).
 *   <li>Ids that would make the text longer than {@value #MAX_LENGTH} characters are all dropped, and an id with a
 *       comma is never kept: those articles are read again, never missed.
 *   <li>Text: {@code 1733480000} or {@code 1733480000:12,13} (ids sorted). {@link #parse} reads anything else
 *       (empty, garbage, another vendor's or an older format) as {@link #START}: the sync starts over with a full
 *       export, which is safe because the sync is idempotent (an unchanged article changes nothing). A source with an
 *       older cursor format of its own converts it before parsing.
 * </ul>
 *
 * Immutable; a {@link Reading} is not thread-safe (one per read).
 *
 * @param second the epoch second of the last change read; 0 for a full export
 * @param ids    the ids read in that second (empty when that second was not over)
 */
public record KnowledgeCursor(long second, Set<String> ids) {
  /** The longest text {@link #text()} returns (a {@link KnowledgeSource.Page} cursor has at most 512). */
  public static final int MAX_LENGTH = 500;
  /** No change read yet: a full export. */
  public static final KnowledgeCursor START = new KnowledgeCursor(0, Set.of());

  public KnowledgeCursor {
    ids = Set.copyOf(ids);
  }

  /** The cursor a {@link #text()} wrote; {@link #START} for anything else (see the class contract). */
  public static KnowledgeCursor parse(String text) {
    if (text == null) {
      return START;
    }
    int colon = text.indexOf(':');
    long second;
    try {
      second = Long.parseLong(colon < 0 ? text : text.substring(0, colon));
    } catch (NumberFormatException e) {
      return START;
    }
    if (second < 0) {
      return START;
    }
    Set<String> ids = new HashSet<>();
    if (colon >= 0) {
      for (String id : text.substring(colon + 1).split(",")) {
        if (!id.isEmpty()) {
          ids.add(id);
        }
      }
    }
    return new KnowledgeCursor(second, ids);
  }

  /** Whether this is a full export's start (no change read yet). */
  public boolean isStart() {
    return second == 0 && ids.isEmpty();
  }

  /** The text to store, at most {@value #MAX_LENGTH} characters; {@link #parse} reads it back. */
  public String text() {
    String withIds = second + ":" + String.join(",", new TreeSet<>(ids));
    return ids.isEmpty() || withIds.length() > MAX_LENGTH ? Long.toString(second) : withIds;
  }

  /** A read starting at this cursor. */
  public Reading reading() {
    return new Reading(this);
  }

  /** One read from a cursor: each change read, in the vendor's order, then the next cursor. */
  public static final class Reading {
    private final KnowledgeCursor from;
    private long last;
    private final Set<String> atLast;

    private Reading(KnowledgeCursor from) {
      this.from = from;
      this.last = from.second;
      this.atLast = new HashSet<>(from.ids);
    }

    /**
     * Records a change read.
     *
     * @param second the epoch second of the article's change
     * @param id     the article's (or version's) id
     * @return whether it is new: {@code false} when the cursor read it before in that same second (skip it)
     */
    public boolean read(long second, String id) {
      boolean seen = second == from.second && from.ids.contains(id);
      if (second > last) {
        last = second;
        atLast.clear();
      }
      if (second == last && id.indexOf(',') < 0) {
        atLast.add(id);
      }
      return !seen;
    }

    /** The cursor after the changes read: their last second, and its ids if it was over at {@code now}. */
    public KnowledgeCursor next(Instant now) {
      return new KnowledgeCursor(last, last < now.getEpochSecond() - 1 ? atLast : Set.of());
    }
  }
}
