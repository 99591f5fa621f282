package io.deskbridge.salesforce.internal.webhook;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.salesforce.internal.webhook.SalesforceOutboundMessage.Notification;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an Outbound Message's notifications into core events. A notification is a signal, not the truth: it is
 * the record at send time, possibly stale and out of order, so the engine loads the Case before it decides. The
 * event id is the notification id (duplicates within one message give one event); ids are read in their
 * 18-character form.
 *
 * <ul>
 *   <li>Case ({@code Id}): {@code IsClosed} true is {@code SOLVED}; owned by the bot (its integration user or
 *       queue) and {@code CreatedDate} ≠ {@code LastModifiedDate} is {@code RELEASED_TO_BOT}; {@code CreatedDate}
 *       = {@code LastModifiedDate} is {@code CONVERSATION_CREATED}; anything else, or dates not sent, is
 *       {@code UPDATED}. The snapshot carries subject, customer, owner, closed and {@code SystemModstamp}; the
 *       actor is {@code LastModifiedById}. The opening message is not taken from the snapshot: the load has it.</li>
 *   <li>EmailMessage on a Case ({@code ParentId} 500…): {@code Incoming} true is the customer's public message,
 *       false an agent's public one (a draft, {@code Status} 5, is internal), author {@code CreatedById}; without
 *       {@code Incoming} a signal without a message. An e-mail on no Case is not the bot's business.</li>
 *   <li>CaseComment: unpublished is an internal note; published is a signal without a message (the load tells
 *       the customer from an agent by {@code CreatedBy.UserType}), except the bot's own, which carries it so the
 *       engine drops the echo without a load.</li>
 *   <li>A Case with {@code Deskbridge_Approved_At__c} set also gives {@code DRAFT_APPROVED}, dated with it.</li>
 *   <li>Other objects are acknowledged and ignored.</li>
 * </ul>
 */
final class SalesforceWebhookDecoder {
  static final String VENDOR = "salesforce";
  private static final Logger log = LoggerFactory.getLogger(SalesforceWebhookDecoder.class);
  private static final String CASE = "500";

  private final Supplier<Set<String>> botOwnerIds;

  /** @param botOwnerIds the integration user's and the bot queue's ids, once known (empty before), compared on 15 characters */
  SalesforceWebhookDecoder(Supplier<Set<String>> botOwnerIds) {
    this.botOwnerIds = botOwnerIds;
  }

  /**
   * @param installationId the installation the message was posted to
   * @param receivedAt     when it arrived: the time of an event whose record carries no date
   */
  List<InboundEvent> decode(SalesforceOutboundMessage message, String installationId, Instant receivedAt) {
    var bot = botOwnerIds.get().stream().map(SalesforceIds::key).collect(java.util.stream.Collectors.toSet());
    var seen = new LinkedHashSet<String>();
    var events = new ArrayList<InboundEvent>();
    int index = 0;
    for (Notification n : message.notifications()) {
      index++;
      if (n.id().isBlank()) {
        throw WebhookRejectedException.badRequest("Notification " + index + " has no Id");
      }
      if (!seen.add(n.id())) {
        continue; // the same notification twice in one message: one event
      }
      var event = switch (n.sObjectType()) {
        case "Case" -> Optional.of(caseEvent(n, index, installationId, bot, receivedAt));
        case "EmailMessage" -> emailEvent(n, receivedAt);
        case "CaseComment" -> Optional.of(commentEvent(n, index, bot, receivedAt));
        default -> {
          log.debug("{}: ignoring an Outbound Message for {}", installationId, LogSafe.of(n.sObjectType()));
          yield Optional.<InboundEvent>empty();
        }
      };
      event.ifPresent(events::add);
      if (event.isPresent() && n.sObjectType().equals("Case")) {
        approval(n, event.get()).ifPresent(events::add);
      }
    }
    return events;
  }

  private static InboundEvent caseEvent(Notification n, int index, String installationId, Set<String> bot,
      Instant receivedAt) {
    String caseId = caseId(n.field("Id").orElse(""), "Notification " + index + ": Case Id");
    String ownerId = n.field("OwnerId").map(SalesforceIds::to18).orElse("");
    boolean botOwned = ownerId.isEmpty() || bot.contains(SalesforceIds.key(ownerId));
    boolean closed = n.field("IsClosed").map(Boolean::parseBoolean).orElse(false);
    Optional<String> created = n.field("CreatedDate");
    Optional<String> modified = n.field("LastModifiedDate");
    InboundEvent.Kind kind;
    if (closed) {
      kind = InboundEvent.Kind.SOLVED;
    } else if (created.isEmpty() || modified.isEmpty()) {
      kind = InboundEvent.Kind.UPDATED; // the dates were not selected: the load tells
    } else if (sameTime(created.get(), modified.get())) {
      kind = InboundEvent.Kind.CONVERSATION_CREATED;
    } else if (botOwned && !ownerId.isEmpty()) {
      kind = InboundEvent.Kind.RELEASED_TO_BOT;
    } else {
      kind = InboundEvent.Kind.UPDATED;
    }
    var owner = botOwned ? Owner.BOT : Owner.human("owner " + ownerId);
    boolean queue = ownerId.startsWith("00G");
    var snapshot = new Conversation(new ConversationKey(VENDOR, installationId, caseId),
        "Email".equalsIgnoreCase(n.field("Origin").orElse("")) ? Channel.EMAIL : Channel.WEB_FORM,
        n.field("Subject").orElse(""),
        new Customer(n.field("ContactId").map(SalesforceIds::to18).orElse(""), n.field("SuppliedName").orElse(""),
            n.field("ContactEmail").or(() -> n.field("SuppliedEmail")).orElse("")),
        queue ? ownerId : "", queue ? "" : ownerId, Set.of(), closed, List.of(),
        n.field("SystemModstamp").orElse(""), owner);
    return new InboundEvent(n.id(), caseId, kind, n.field("LastModifiedById").map(SalesforceIds::to18).orElse(""),
        Optional.empty(), Optional.of(snapshot), time(modified.or(() -> created), receivedAt));
  }

  private static Optional<InboundEvent> emailEvent(Notification n, Instant receivedAt) {
    var parent = n.field("ParentId").map(SalesforceIds::to18);
    if (parent.isEmpty() || !SalesforceIds.is(parent.get(), CASE)) {
      log.debug("ignoring an EmailMessage on no Case");
      return Optional.empty();
    }
    var id = n.field("Id").map(SalesforceIds::to18);
    String author = n.field("CreatedById").map(SalesforceIds::to18).orElse("");
    Instant at = time(n.field("MessageDate").or(() -> n.field("CreatedDate")), receivedAt);
    String text = n.field("TextBody").orElse("");
    Optional<Message> message = id.isEmpty() ? Optional.empty() : n.field("Incoming").map(Boolean::parseBoolean).map(incoming -> incoming
        ? new Message(id.get(), AuthorRole.CUSTOMER, Visibility.PUBLIC, n.field("FromAddress").orElse(""), text, at)
        : new Message(id.get(), AuthorRole.AGENT, "5".equals(n.field("Status").orElse("")) ? Visibility.INTERNAL
            : Visibility.PUBLIC, author, text, at));
    return Optional.of(new InboundEvent(n.id(), parent.get(), InboundEvent.Kind.MESSAGE_ADDED, author, message,
        Optional.empty(), at));
  }

  private static InboundEvent commentEvent(Notification n, int index, Set<String> bot, Instant receivedAt) {
    String caseId = caseId(n.field("ParentId").orElse(""), "Notification " + index + ": CaseComment ParentId");
    var id = n.field("Id").map(SalesforceIds::to18);
    String author = n.field("CreatedById").map(SalesforceIds::to18).orElse("");
    Instant at = time(n.field("CreatedDate"), receivedAt);
    String text = n.field("CommentBody").orElse("");
    Optional<Boolean> published = n.field("IsPublished").map(Boolean::parseBoolean);
    Optional<Message> message = Optional.empty();
    if (id.isPresent() && published.isPresent() && !published.get()) {
      message = Optional.of(new Message(id.get(), AuthorRole.AGENT, Visibility.INTERNAL, author, text, at));
    } else if (id.isPresent() && published.isPresent() && bot.contains(SalesforceIds.key(author))) {
      message = Optional.of(new Message(id.get(), AuthorRole.AGENT, Visibility.PUBLIC, author, text, at));
    }
    return new InboundEvent(n.id(), caseId, InboundEvent.Kind.MESSAGE_ADDED, author, message, Optional.empty(), at);
  }

  /**
   * The draft approval a Case notification carries: {@value SalesforceWebhookEndpoint#DRAFT_APPROVED_AT} set, as
   * {@code DRAFT_APPROVED} dated with the field (its own id, the notification's plus {@code :approved}). The field
   * stays set, so every later notification of the Case carries it again: core approves only a draft that answers an
   * event dated before it, and only once.
   */
  private static Optional<InboundEvent> approval(Notification n, InboundEvent caseEvent) {
    var approvedAt = n.field(SalesforceWebhookEndpoint.DRAFT_APPROVED_AT).filter(v -> !v.isBlank());
    if (approvedAt.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InboundEvent(n.id() + ":approved", caseEvent.conversationId(),
        InboundEvent.Kind.DRAFT_APPROVED, caseEvent.actorId(), Optional.empty(), caseEvent.snapshot(),
        time(approvedAt, caseEvent.occurredAt())));
  }

  /** A Case id in its 18-character form; anything else can never be loaded, so it is refused (400). */
  private static String caseId(String value, String name) {
    if (!SalesforceIds.is(value, CASE)) {
      throw WebhookRejectedException.badRequest(name + (value.isEmpty() ? " is missing"
          : " is not a Case id (500 followed by 12 or 15 letters and digits)"));
    }
    return SalesforceIds.to18(value);
  }

  private static boolean sameTime(String a, String b) {
    try {
      return Instant.parse(a).equals(Instant.parse(b));
    } catch (DateTimeParseException e) {
      return a.equals(b);
    }
  }

  private static Instant time(Optional<String> text, Instant fallback) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Instant.parse(text.get());
    } catch (DateTimeParseException e) {
      return fallback; // a date the record shows oddly is no reason to refuse the event
    }
  }
}
