package io.deskbridge.zendesk.internal.mapping;

import io.deskbridge.core.conversation.Owner;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who owns a Zendesk ticket: people when it carries the installation's handover tag, or when it is assigned to an
 * agent other than the bot's user; otherwise the bot. Thread-safe.
 */
public final class ZendeskOwnership {
  private final String handoverTag;
  private final Supplier<String> botUserId;

  /**
   * @param handoverTag the tag the installation's handovers add ({@code routing.handoverTag})
   * @param botUserId   the bot's user id, known once the start-up call has answered (empty before)
   */
  public ZendeskOwnership(String handoverTag, Supplier<String> botUserId) {
    this.handoverTag = Objects.requireNonNull(handoverTag, "handoverTag");
    this.botUserId = Objects.requireNonNull(botUserId, "botUserId");
  }

  /** The handover tag. */
  public String handoverTag() {
    return handoverTag;
  }

  /** The owner of a ticket with these tags and this assignee id (empty when unassigned). */
  public Owner of(Set<String> tags, String assigneeId) {
    if (tags.contains(handoverTag)) {
      return Owner.human("tag " + handoverTag);
    }
    if (!assigneeId.isEmpty() && !assigneeId.equals(botUserId.get())) {
      return Owner.human("assignee " + assigneeId);
    }
    return Owner.BOT;
  }
}
