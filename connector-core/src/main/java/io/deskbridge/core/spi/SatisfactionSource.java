package io.deskbridge.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The helpdesk's customer satisfaction (CSAT) ratings, read incrementally for the admin dashboard (issue #16 item 4).
 * Core owns the schedule and the cursor: it asks for the ratings given or changed since a time, page by page, stores
 * each conversation's latest rating (a later rating of the same conversation replaces the earlier) and keeps the
 * newest rating time it saw as the next start. Implementations report only real answers (good or bad, with or
 * without comment; a survey offered but not answered is no rating), keep no state between calls except through the
 * page token, throw the SDK's exceptions (the connector's {@link ErrorMapper} maps them) and are thread-safe.
 */
public interface SatisfactionSource {

  /**
   * One page of the ratings given or changed at or after {@code since}.
   *
   * @param since the earliest rating time wanted (inclusive, to the second); a source may return older ones (core
   *              keeps a conversation's newest rating, so a rating read twice changes nothing)
   * @param page  where the previous page ended, as returned in {@link Page#next()}; empty for the first page
   */
  Page ratings(Instant since, Optional<String> page);

  /** A rating's verdict. */
  enum Score { GOOD, BAD }

  /**
   * One customer's rating of one conversation.
   *
   * @param conversationId the vendor's conversation (ticket) id, as the connector's conversation keys carry it
   * @param score          good or bad
   * @param comment        the customer's comment, empty when none
   * @param ratedAt        when the customer gave (or last changed) the rating
   */
  record Rating(String conversationId, Score score, String comment, Instant ratedAt) {
    public Rating {
      if (conversationId == null || conversationId.isBlank()) {
        throw new IllegalArgumentException("conversationId is required");
      }
      Objects.requireNonNull(score, "score");
      comment = comment == null ? "" : comment;
      Objects.requireNonNull(ratedAt, "ratedAt");
    }
  }

  /**
   * One page.
   *
   * @param ratings the page's ratings, in the vendor's order
   * @param next    the token of the next page; empty when this was the last one for now
   */
  record Page(List<Rating> ratings, Optional<String> next) {
    public Page {
      ratings = List.copyOf(ratings);
      Objects.requireNonNull(next, "next");
    }
  }
}
