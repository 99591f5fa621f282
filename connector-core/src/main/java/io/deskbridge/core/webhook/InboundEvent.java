package io.deskbridge.core.webhook;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event decoded from a webhook: a signal that a conversation changed. The engine treats it as a signal
 * and re-reads the conversation from the helpdesk when the event does not carry enough.
 *
 * @param id             the deduplication key, unique within the installation (the vendor's event id, or a
 *                       key derived from ticket and comment ids); a redelivery carries the same id
 * @param conversationId the vendor's id of the ticket or chat
 * @param kind           what happened
 * @param actorId        the vendor's id of who caused it; empty when unknown
 * @param message        the message the event is about, when the payload carries it
 * @param snapshot       the conversation's fields at send time without history, when the payload carries them
 * @param occurredAt     when the vendor says it happened
 */
public record InboundEvent(
    String id,
    String conversationId,
    Kind kind,
    String actorId,
    Optional<Message> message,
    Optional<Conversation> snapshot,
    Instant occurredAt) {

  /** What an event says happened. */
  public enum Kind {
    /** A new ticket or chat. */
    CONVERSATION_CREATED,
    /** A message (comment, e-mail, chat line) was added. */
    MESSAGE_ADDED,
    /** Something else changed; the engine re-reads the conversation. */
    UPDATED
  }

  public InboundEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(kind, "kind");
    actorId = actorId == null ? "" : actorId;
    message = message == null ? Optional.empty() : message;
    snapshot = snapshot == null ? Optional.empty() : snapshot;
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
