package io.deskbridge.core.csat;

import io.deskbridge.core.spi.SatisfactionSource.Rating;
import io.deskbridge.core.spi.SatisfactionSource.Score;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the helpdesks' satisfaction ratings and each installation's poll cursor are kept (the store's
 * {@code satisfaction_rating} and {@code satisfaction_cursor}). Thread-safe; every method is one transaction;
 * database failures throw {@link io.deskbridge.core.store.StoreException}.
 */
public interface SatisfactionStore {

  /** The newest rating time read for the installation so far; empty before its first poll completed. */
  Optional<Instant> cursor(String installation);

  /**
   * Stores ratings, one row per conversation: a rating replaces the stored one of its conversation unless that one is
   * newer (so a page read twice, or out of order, changes nothing). Returns how many rows were written.
   */
  int save(String installation, Collection<Rating> ratings, Instant now);

  /** Saves the installation's cursor (the newest rating time read). */
  void saveCursor(String installation, Instant ratedUntil, Instant now);

  /** The ratings given in {@code [from, to)}, each with what the store knows of its conversation, newest first. */
  List<RatedConversation> between(Instant from, Instant to);

  /**
   * A stored rating with its conversation's attributes.
   *
   * @param channel  the conversation's channel in upper case as last loaded, empty when the bot never saw it
   * @param language the first language the bot's decisions on it named, empty when none
   */
  record RatedConversation(String installation, String conversationId, Score score, String comment, Instant ratedAt,
      String channel, String language) {
    public RatedConversation {
      Objects.requireNonNull(installation, "installation");
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(score, "score");
      comment = comment == null ? "" : comment;
      Objects.requireNonNull(ratedAt, "ratedAt");
      channel = channel == null ? "" : channel;
      language = language == null ? "" : language;
    }
  }
}
