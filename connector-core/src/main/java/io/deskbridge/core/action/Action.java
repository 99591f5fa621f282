package io.deskbridge.core.action;

import java.util.Objects;
import java.util.Set;

/**
 * One vendor-neutral write to a conversation. A vendor client may apply several actions as one vendor
 * operation where its API allows it (one Zendesk ticket update carries one comment, the group and tags).
 */
public sealed interface Action {

  /** A short description for audit records and logs, without the message text. */
  default String describe() {
    if (this instanceof PublicReply r) {
      return "public_reply(" + r.text().length() + " chars)";
    } else if (this instanceof InternalNote n) {
      return "internal_note(" + n.text().length() + " chars)";
    } else if (this instanceof AssignGroup g) {
      return "assign_group(" + g.groupId() + ")";
    } else if (this instanceof FollowUpTicket t) {
      return "follow_up_ticket(" + t.summary().length() + " chars)";
    }
    return "add_tags(" + String.join(",", new java.util.TreeSet<>(((AddTags) this).tags())) + ")";
  }

  /** A reply the customer sees. */
  record PublicReply(String text) implements Action {
    public PublicReply {
      requireText(text);
    }
  }

  /** A note only agents see. */
  record InternalNote(String text) implements Action {
    public InternalNote {
      requireText(text);
    }
  }

  /** Assign the conversation to a group (a Zendesk group, a Salesforce queue, a Daktela queue). */
  record AssignGroup(String groupId) implements Action {
    public AssignGroup {
      requireText(groupId);
    }
  }

  /**
   * Keep the conversation as a ticket that people follow up on when nobody can answer it now (a vendor with
   * {@link io.deskbridge.core.spi.Capability#FOLLOW_UP_TICKET}); the ticket holds {@code summary} (the handover note)
   * and the conversation's transcript. At most one per conversation and handover: the vendor client finds a ticket it
   * created before rather than creating another.
   */
  record FollowUpTicket(String summary) implements Action {
    public FollowUpTicket {
      requireText(summary);
    }
  }

  /** Add tags (labels) to the conversation, keeping the ones it has. */
  record AddTags(Set<String> tags) implements Action {
    public AddTags {
      tags = Set.copyOf(tags);
      if (tags.isEmpty()) {
        throw new IllegalArgumentException("tags must not be empty");
      }
    }
  }

  private static void requireText(String text) {
    Objects.requireNonNull(text);
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
  }
}
