package io.deskbridge.salesforce.internal.mapping;

import io.deskbridge.core.conversation.Owner;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who owns a Case: the bot when its {@code OwnerId} is the integration user or the bot's intake queue, people when
 * it is anyone else (an agent, another queue). Ids compare on their first 15 characters (Salesforce's 15- and
 * 18-character forms of one id). Thread-safe.
 */
public final class SalesforceOwnership {
  private final Supplier<String> integrationUserId;
  private final Supplier<String> botQueueId;

  /**
   * @param integrationUserId the integration user's id, known once the start-up call has answered (empty before)
   * @param botQueueId        the bot queue's {@code 00G} id, known once resolved at start (empty before)
   */
  public SalesforceOwnership(Supplier<String> integrationUserId, Supplier<String> botQueueId) {
    this.integrationUserId = Objects.requireNonNull(integrationUserId, "integrationUserId");
    this.botQueueId = Objects.requireNonNull(botQueueId, "botQueueId");
  }

  /** The owner of a Case with this {@code OwnerId}. */
  public Owner of(String ownerId) {
    if (ownerId == null || ownerId.isEmpty() || isBot(ownerId)) {
      return Owner.BOT;
    }
    return Owner.human("owner " + ownerId);
  }

  /** Whether this id is the integration user's or the bot queue's. */
  public boolean isBot(String id) {
    return sameId(id, integrationUserId.get()) || sameId(id, botQueueId.get());
  }

  /** The ids whose ownership is the bot's (the integration user, the bot queue), as far as known. */
  public Set<String> botOwnerIds() {
    var ids = new java.util.HashSet<String>();
    if (!integrationUserId.get().isEmpty()) {
      ids.add(integrationUserId.get());
    }
    if (!botQueueId.get().isEmpty()) {
      ids.add(botQueueId.get());
    }
    return Set.copyOf(ids);
  }

  /** Whether two Salesforce ids name the same record (15- and 18-character forms compared on the first 15). */
  public static boolean sameId(String a, String b) {
    if (a == null || b == null || a.length() < 15 || b.length() < 15) {
      return false;
    }
    return a.regionMatches(0, b, 0, 15);
  }
}
