package io.deskbridge.core.spi;

/**
 * Something a vendor's API can do that core would otherwise have to work around. A connector declares the ones
 * its vendor has in {@link Connector#capabilities()}; core adapts to the ones it lacks.
 */
public enum Capability {
  /** A write can carry the version it was decided on, and the vendor refuses it if the conversation changed since. */
  CONDITIONAL_WRITES,
  /** One vendor call can carry a message, an assignment and tags together, all or nothing. */
  ATOMIC_UPDATE,
  /** Conversations carry tags (labels) that can be added. */
  TAGS,
  /** Webhooks carry a cryptographic signature over the body (not just a shared secret). */
  SIGNED_WEBHOOKS,
  /** The vendor serves live chat conversations. */
  CHAT,
  /** A "conversation created" event carries the opening message, so a new conversation needs no load. */
  OPENING_IN_EVENT,
  /**
   * An agent's internal note on a conversation the bot owns means a person has taken it over, as an agent's public
   * message does (Daktela: agents work a ticket through comments).
   */
  AGENT_NOTES_TAKE_OVER,
  /**
   * The vendor can tell whether anyone is online to take a handed-over conversation
   * ({@link HelpdeskClient#agentsOnline}); core asks at each handover. Without it, business hours alone decide.
   */
  AGENT_AVAILABILITY,
  /**
   * Once the conversation is assigned to people the bot can no longer write in it (Daktela web chat: after the
   * external bot's {@code transfer} Daktela refuses its answers), so a handover's message to the customer goes
   * before the assignment.
   */
  HANDOVER_ENDS_BOT_WRITES,
  /**
   * After a restart a load cannot show what the bot wrote before it (Daktela web chat: the protocol has no read call
   * and the connector's record is in memory), so a write a crash interrupted cannot be checked. Core then counts
   * that write's messages as sent and sends only its assignment and tags again: at most once (a crash between
   * marking the write and the vendor call loses the message, audited {@code outcome_unknown}; none is doubled).
   */
  UNVERIFIABLE_WRITES,
  /**
   * The vendor can keep a handed-over conversation as a ticket for a follow-up
   * ({@link io.deskbridge.core.action.Action.FollowUpTicket}): core adds one to a handover while nobody can answer
   * (outside business hours, or with nobody online as the vendor reports it), before the summary, and tells the
   * customer the request is saved. The vendor client makes it idempotent: a retry or a write a crash interrupted finds
   * the ticket it created before instead of creating a second one.
   */
  FOLLOW_UP_TICKET,
  /**
   * Customers' e-mails come with their headers ({@link io.deskbridge.core.conversation.Message#headers()}: Salesforce's
   * {@code EmailMessage.Headers}, Daktela's {@code options.headers}), so the loop guard knows an auto-reply, a bounce
   * or a mailing list by its headers too, not only by its wording.
   */
  EMAIL_HEADERS,
  /**
   * Agents can mark the bot's draft as approved in the helpdesk, and the connector reports it as
   * {@link io.deskbridge.core.webhook.InboundEvent.Kind#DRAFT_APPROVED} (Zendesk: the tag {@code deskbridge_approve}
   * added to the ticket). Core then sends the pending draft as the bot's public reply, exactly once, and never after
   * a person replied publicly or took the conversation over.
   */
  DRAFT_APPROVAL
}
