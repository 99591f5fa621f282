package io.deskbridge.core.store;

import io.deskbridge.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The right to process one conversation, held by one worker until {@code until}. Every write made under a
 * lease is fenced by its token: once another worker has taken the conversation over (after the lease
 * expired), writes with the old token fail with {@link LeaseLostException}.
 *
 * @param key   the conversation
 * @param owner who holds it, e.g. {@code host-1234/worker-2}
 * @param token increases with every claim of the conversation
 * @param until when it expires unless renewed
 */
public record Lease(ConversationKey key, String owner, long token, Instant until) {
  public Lease {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(until, "until");
  }
}
