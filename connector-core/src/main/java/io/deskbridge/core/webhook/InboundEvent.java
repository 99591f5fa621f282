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
 * @param opening        the conversation's first message as a "conversation created" payload carries it, without
 *                       its vendor id (its {@code id} is meaningless): the engine answers it without a load, and
 *                       matches it to the conversation's first customer message when it loads the conversation
 * @param linkedRecord   for {@link Kind#LINKED}: the vendor's id of the record agents work the conversation in (the
 *                       Zendesk messaging ticket of a chat); empty otherwise
 * @throws WebhookRejectedException (400) when an id can never be stored: blank, longer than
 *         {@value #MAX_ID_CHARS} characters (the store's column width), or holding a control character
 */
public record InboundEvent(
    String id,
    String conversationId,
    Kind kind,
    String actorId,
    Optional<Message> message,
    Optional<Conversation> snapshot,
    Instant occurredAt,
    Optional<Message> opening,
    String linkedRecord) {

  /** What an event says happened. */
  public enum Kind {
    /** A new ticket or chat. */
    CONVERSATION_CREATED,
    /** A message (comment, e-mail, chat line) was added. */
    MESSAGE_ADDED,
    /** Something else changed; the engine re-reads the conversation. */
    UPDATED,
    /** People handed the conversation back to the bot (Zendesk: the handover tag was removed): a new bot episode. */
    RELEASED_TO_BOT,
    /** The conversation was solved or closed. */
    SOLVED,
    /** A solved conversation was opened again. */
    REOPENED,
    /**
     * The vendor reports the record agents work the conversation in ({@link InboundEvent#linkedRecord()}; Zendesk
     * messaging: the ticket of a handed-over chat): the engine remembers it and writes the follow-ups a handover's
     * write held back ({@link io.deskbridge.core.spi.HelpdeskClient.Applied#followUps()}) as one operation, once.
     */
    LINKED,
    /**
     * An agent approved the bot's draft in the conversation (a vendor with
     * {@link io.deskbridge.core.spi.Capability#DRAFT_APPROVAL}: Zendesk's approval tag added): the engine sends the
     * latest pending draft as the bot's public reply, once, unless a person has replied publicly or taken the
     * conversation since.
     */
    DRAFT_APPROVED
  }

  /** The longest event or conversation id accepted: the width of the store's id columns. */
  public static final int MAX_ID_CHARS = 512;

  public InboundEvent {
    requireStorableId(id, "event id");
    requireStorableId(conversationId, "conversation id");
    Objects.requireNonNull(kind, "kind");
    actorId = actorId == null ? "" : actorId;
    message = message == null ? Optional.empty() : message;
    snapshot = snapshot == null ? Optional.empty() : snapshot;
    Objects.requireNonNull(occurredAt, "occurredAt");
    opening = opening == null ? Optional.empty() : opening;
    linkedRecord = linkedRecord == null ? "" : linkedRecord;
    if (kind == Kind.LINKED) {
      requireStorableId(linkedRecord, "linked record id");
    }
  }

  /** An event that links no record. */
  public InboundEvent(String id, String conversationId, Kind kind, String actorId, Optional<Message> message,
      Optional<Conversation> snapshot, Instant occurredAt, Optional<Message> opening) {
    this(id, conversationId, kind, actorId, message, snapshot, occurredAt, opening, "");
  }

  /** A {@link Kind#LINKED} event: the conversation's agents work it in {@code linkedRecord}. */
  public static InboundEvent linked(String id, String conversationId, String linkedRecord, Instant occurredAt) {
    return new InboundEvent(id, conversationId, Kind.LINKED, "", Optional.empty(), Optional.empty(), occurredAt,
        Optional.empty(), linkedRecord);
  }

  /** An event without an opening message. */
  public InboundEvent(String id, String conversationId, Kind kind, String actorId, Optional<Message> message,
      Optional<Conversation> snapshot, Instant occurredAt) {
    this(id, conversationId, kind, actorId, message, snapshot, occurredAt, Optional.empty(), "");
  }

  /**
   * Refuses an id that the store could never take, so the sender gets a final 400 instead of a 503 that
   * makes it deliver the same doomed event again and again.
   */
  private static void requireStorableId(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw WebhookRejectedException.badRequest(name + " must not be blank");
    }
    if (value.length() > MAX_ID_CHARS) {
      throw WebhookRejectedException.badRequest(name + " is longer than " + MAX_ID_CHARS + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw WebhookRejectedException.badRequest(name + " contains a control character");
      }
    }
  }
}
