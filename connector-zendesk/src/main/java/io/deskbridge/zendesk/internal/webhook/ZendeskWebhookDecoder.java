package io.deskbridge.zendesk.internal.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.zendesk.internal.mapping.ZendeskMapping;
import io.deskbridge.zendesk.internal.mapping.ZendeskOwnership;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the two kinds of Zendesk webhook bodies.
 *
 * <ul>
 *   <li>Event-subscribed webhooks ({@code zen:event-type:ticket.created}, {@code ticket.comment_added},
 *       {@code ticket.tags_changed}, {@code ticket.status_changed}, {@code ticket.agent_assignment_changed}): string ids and upper-case enums as Zendesk
 *       sends them; the event id is the deduplication key. A created event carries the opening message (the
 *       ticket's {@code description}, without its comment id); a comment event carries the comment, so the engine
 *       need not load it. The handover tag removed is a release to the bot; the tag
 *       {@link ZendeskWebhookEndpoint#DRAFT_APPROVAL_TAG} added is {@code DRAFT_APPROVED}; a status becoming solved or closed is
 *       {@code SOLVED}, solved becoming open, pending or new is {@code REOPENED}; an assignment change is
 *       {@code UPDATED}, so that the engine reads who owns the ticket now. Other ticket event types and other
 *       changes are acknowledged and ignored. Every snapshot reports the owner ({@link ZendeskOwnership}).</li>
 *   <li>Trigger webhooks with a small JSON body of ids ({@code ticket_id}, optional {@code comment_id},
 *       {@code updater_id}): the connector reads the comments through the API. The key is ticket id plus
 *       comment id, or the invocation id when the trigger body has no comment id.</li>
 * </ul>
 */
final class ZendeskWebhookDecoder {
  private static final Logger log = LoggerFactory.getLogger(ZendeskWebhookDecoder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT_PREFIX = "zen:event-type:";
  private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,19}");
  private static final java.util.Set<String> SOLVED = java.util.Set.of("solved", "closed");
  private static final java.util.Set<String> OPEN = java.util.Set.of("new", "open", "pending", "hold");

  private final String installationId;
  private final Clock clock;
  private final ZendeskOwnership ownership;

  ZendeskWebhookDecoder(String installationId, Clock clock, ZendeskOwnership ownership) {
    this.installationId = installationId;
    this.clock = clock;
    this.ownership = ownership;
  }

  List<InboundEvent> decode(WebhookRequest request) {
    JsonNode root;
    try {
      root = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      throw WebhookRejectedException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw WebhookRejectedException.badRequest("body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw WebhookRejectedException.badRequest("body must be a JSON object");
    }
    if (root.hasNonNull("type")) {
      return decodeEvent(root);
    }
    if (root.hasNonNull("ticket_id")) {
      return List.of(decodeTrigger(root, request));
    }
    throw WebhookRejectedException.badRequest("body is neither a Zendesk event (no 'type') nor a trigger body (no 'ticket_id')");
  }

  private List<InboundEvent> decodeEvent(JsonNode root) {
    String type = root.path("type").asText();
    String id = required(root, "id");
    JsonNode detail = root.path("detail");
    if (!type.startsWith(EVENT_PREFIX + "ticket.")) {
      log.debug("{}: ignoring Zendesk event type {}", installationId, LogSafe.of(type));
      return List.of();
    }
    String ticketId = ticketId(required(detail, "id", "detail.id"), "detail.id");
    Instant at = time(root.path("time").asText(null));
    Optional<Conversation> snapshot = Optional.of(snapshot(ticketId, detail));
    switch (type.substring(EVENT_PREFIX.length())) {
      case "ticket.created":
        return List.of(new InboundEvent(id, ticketId, InboundEvent.Kind.CONVERSATION_CREATED,
            text(detail, "actor_id"), Optional.empty(), snapshot, at, opening(detail, at)));
      case "ticket.tags_changed":
        var before = strings(root.path("event").path("previous"));
        var after = root.path("event").has("current") ? strings(root.path("event").path("current")) : snapshot.get().tags();
        var changes = new java.util.ArrayList<InboundEvent>();
        if (before.contains(ownership.handoverTag()) && !after.contains(ownership.handoverTag())) {
          changes.add(change(id, ticketId, InboundEvent.Kind.RELEASED_TO_BOT, detail, snapshot, at));
        }
        String approve = ZendeskWebhookEndpoint.DRAFT_APPROVAL_TAG;
        if (after.contains(approve) && !before.contains(approve)) { // its own id: one delivery may also release
          changes.add(change(id + ":approved", ticketId, InboundEvent.Kind.DRAFT_APPROVED, detail, snapshot, at));
        }
        return List.copyOf(changes);
      case "ticket.status_changed":
        String from = root.path("event").path("previous").asText("").toLowerCase(java.util.Locale.ROOT);
        String to = root.path("event").path("current").asText(detail.path("status").asText(""))
            .toLowerCase(java.util.Locale.ROOT);
        if (SOLVED.contains(to) && !SOLVED.contains(from)) {
          return List.of(change(id, ticketId, InboundEvent.Kind.SOLVED, detail, snapshot, at));
        }
        if (from.equals("solved") && OPEN.contains(to)) {
          return List.of(change(id, ticketId, InboundEvent.Kind.REOPENED, detail, snapshot, at));
        }
        return List.of();
      case "ticket.agent_assignment_changed": // an agent may have taken the ticket: core re-reads its owner
        return List.of(change(id, ticketId, InboundEvent.Kind.UPDATED, detail, snapshot, at));
      case "ticket.comment_added":
        JsonNode comment = root.path("event").path("comment");
        String commentId = required(comment, "id", "event.comment.id");
        JsonNode author = comment.path("author");
        String authorId = text(author, "id");
        boolean staff = author.path("is_staff").asBoolean(false);
        var message = new Message(commentId, staff ? AuthorRole.AGENT : AuthorRole.CUSTOMER,
            comment.path("is_public").asBoolean(true) ? Visibility.PUBLIC : Visibility.INTERNAL,
            authorId, comment.path("body").asText(""), at);
        return List.of(new InboundEvent(id, ticketId, InboundEvent.Kind.MESSAGE_ADDED, authorId,
            Optional.of(message), snapshot, at));
      default:
        log.debug("{}: ignoring Zendesk ticket event {}", installationId, LogSafe.of(type));
        return List.of();
    }
  }

  private static InboundEvent change(String id, String ticketId, InboundEvent.Kind kind, JsonNode detail,
      Optional<Conversation> snapshot, Instant at) {
    return new InboundEvent(id, ticketId, kind, text(detail, "actor_id"), Optional.empty(), snapshot, at);
  }

  /** Tags as an array of strings or a space-separated string. */
  private static java.util.Set<String> strings(JsonNode node) {
    var tags = new LinkedHashSet<String>();
    if (node.isArray()) {
      node.forEach(t -> tags.add(t.asText()));
    } else if (node.isTextual()) {
      for (String t : node.asText().split("\\s+")) {
        if (!t.isEmpty()) {
          tags.add(t);
        }
      }
    }
    return tags;
  }

  /**
   * The ticket's first comment from its {@code description}: the created event does not carry the comment's id
   * (the message's id is a placeholder). The engine matches it to the ticket's first customer comment on a load.
   */
  private static Optional<Message> opening(JsonNode detail, Instant at) {
    String description = detail.path("description").asText("");
    if (description.isBlank()) {
      return Optional.empty();
    }
    String submitter = text(detail, "submitter_id");
    String requester = text(detail, "requester_id");
    var role = submitter.isEmpty() || submitter.equals(requester) ? AuthorRole.CUSTOMER : AuthorRole.AGENT;
    var visibility = detail.path("is_public").asBoolean(true) ? Visibility.PUBLIC : Visibility.INTERNAL;
    return Optional.of(new Message("description", role, visibility, submitter, description, at));
  }

  private InboundEvent decodeTrigger(JsonNode root, WebhookRequest request) {
    String ticketId = ticketId(text(root, "ticket_id"), "ticket_id");
    String commentId = text(root, "comment_id");
    String key = !commentId.isEmpty() ? commentId
        : request.header("x-zendesk-webhook-invocation-id").orElseThrow(() -> WebhookRejectedException.badRequest(
            "trigger body has no comment_id and the request has no x-zendesk-webhook-invocation-id"));
    return new InboundEvent("trigger:" + ticketId + ":" + key, ticketId, InboundEvent.Kind.UPDATED,
        text(root, "updater_id"), Optional.empty(), Optional.empty(), clock.instant());
  }

  private Conversation snapshot(String ticketId, JsonNode detail) {
    var tags = new LinkedHashSet<String>();
    detail.path("tags").forEach(t -> tags.add(t.asText()));
    String status = detail.path("status").asText("");
    return new Conversation(new ConversationKey("zendesk", installationId, ticketId),
        ZendeskMapping.channel(detail.path("via").path("channel").asText("")),
        detail.path("subject").asText(""), new Customer(text(detail, "requester_id"), "", ""),
        text(detail, "group_id"), text(detail, "assignee_id"), tags,
        status.equalsIgnoreCase("closed"), List.of(), text(detail, "updated_at"),
        ownership.of(tags, text(detail, "assignee_id")));
  }

  /** Zendesk ticket ids are positive numbers; anything else can never be loaded, so it is refused (400). */
  private static String ticketId(String value, String name) {
    if (!TICKET_ID.matcher(value).matches()) {
      throw WebhookRejectedException.badRequest(name + " must be a Zendesk ticket number (1 to 19 digits)");
    }
    return value;
  }

  private static String required(JsonNode node, String field) {
    return required(node, field, field);
  }

  private static String required(JsonNode node, String field, String name) {
    String value = text(node, field);
    if (value.isEmpty()) {
      throw WebhookRejectedException.badRequest("missing field '" + name + "'");
    }
    return value;
  }

  /** A field as text: Zendesk event payloads send ids as strings, REST payloads as numbers. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }

  private Instant time(String text) {
    if (text == null || text.isEmpty()) {
      return clock.instant();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw WebhookRejectedException.badRequest("time is not an ISO-8601 time");
    }
  }
}
