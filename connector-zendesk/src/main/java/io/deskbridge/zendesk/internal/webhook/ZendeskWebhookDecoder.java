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
 *   <li>Event-subscribed webhooks ({@code zen:event-type:ticket.created}, {@code ticket.comment_added}):
 *       string ids and upper-case enums as Zendesk sends them; the event id is the deduplication key. A
 *       comment event carries the comment, so the engine need not load it. Other ticket event types are
 *       acknowledged and ignored.</li>
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

  private final String installationId;
  private final Clock clock;

  ZendeskWebhookDecoder(String installationId, Clock clock) {
    this.installationId = installationId;
    this.clock = clock;
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
            text(detail, "actor_id"), opening(detail, at), snapshot, at));
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

  /**
   * The ticket's first comment from its {@code description}, as a provisional message: the created event does
   * not carry the comment's id. The engine matches it to the real comment when it sees that one.
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
    return Optional.of(Message.provisional("opening", role, visibility, submitter, description, at));
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
        status.equalsIgnoreCase("closed"), List.of(), text(detail, "updated_at"));
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
