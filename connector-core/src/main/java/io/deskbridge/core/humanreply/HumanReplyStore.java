package io.deskbridge.core.humanreply;

import io.deskbridge.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the first human reply after each handover is kept (the store's {@code human_reply}, one row per installation
 * and conversation). Thread-safe; every method is one transaction; database failures throw
 * {@link io.deskbridge.core.store.StoreException}.
 */
public interface HumanReplyStore {

  /**
   * The installation's conversations whose last handover (the dashboard aggregates' {@code handover_at}) is at or after
   * {@code handedOverSince} and whose first human reply at or after that handover is not stored, nor the conversation stored as
   * {@linkplain #gone gone} for that handover: never polled ones
   * first, then the least recently polled, at most {@code limit}.
   */
  List<Pending> pending(String installation, Instant handedOverSince, int limit);

  /**
   * Stores a poll's result for the handover at {@code handoverAt}: the first public agent message at or after it, or
   * empty when none was seen yet (then only the poll time changes, and a reply another process stored for the same
   * handover stays).
   */
  void save(String installation, String conversationId, Instant handoverAt, Optional<Instant> repliedAt, Instant now);

  /**
   * Stores that the helpdesk no longer has the conversation handed over at {@code handoverAt}: it is not
   * {@linkplain #pending pending} any more (a later handover of it would be).
   */
  void gone(String installation, String conversationId, Instant handoverAt, Instant now);

  /** A conversation to poll: its key and the handover whose first human reply is wanted. */
  record Pending(ConversationKey key, Instant handoverAt) {
    public Pending {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(handoverAt, "handoverAt");
    }
  }
}
