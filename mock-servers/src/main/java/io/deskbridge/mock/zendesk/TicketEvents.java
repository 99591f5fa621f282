package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.iso;
import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Model.CONDITIONAL;
import static io.deskbridge.mock.zendesk.Model.EVENT_COMMENT;
import static io.deskbridge.mock.zendesk.Model.EVENT_CREATED;
import static io.deskbridge.mock.zendesk.Model.TRIGGER_BODY;
import static io.deskbridge.mock.zendesk.Text.idOrNull;
import static io.deskbridge.mock.zendesk.Text.upper;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.zendesk.Model.Comment;
import io.deskbridge.mock.zendesk.Model.Ticket;
import io.deskbridge.mock.zendesk.Model.User;
import io.deskbridge.mock.zendesk.Model.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook events Zendesk sends about the model's changes (§1.6, §1.7), handed to the {@link WebhookDispatcher}.
 *
 * <p>Not thread-safe on its own: it reads the model's users and webhooks, so the model calls it under its lock.
 */
final class TicketEvents {
  private final ZendeskFakeConfig config;
  private final WebhookDispatcher dispatcher;
  private final Map<Long, User> users;
  private final Map<String, Webhook> webhooks;

  TicketEvents(ZendeskFakeConfig config, WebhookDispatcher dispatcher, Map<Long, User> users,
      Map<String, Webhook> webhooks) {
    this.config = config;
    this.dispatcher = dispatcher;
    this.users = users;
    this.webhooks = webhooks;
  }

  /**
   * Produces outbound webhook events for a ticket creation or a later comment. Event webhooks get
   * one {@code ticket.created} (creation) or one {@code ticket.comment_added} (later comment); the
   * first comment of a new ticket deliberately does <em>not</em> produce comment_added (assumption,
   * unverified against Zendesk). Trigger webhooks get the rendered {@link Model#TRIGGER_BODY} when the
   * comment is public and the change was not made through the API ({@code current_via_id} ≠ 5).
   */
  void emit(Ticket t, User actor, Comment c, boolean viaApi, boolean created) {
    for (Webhook w : webhooks.values()) {
      if (!"active".equals(w.status())) {
        continue;
      }
      if (w.conditional()) {
        if (c.isPublic() && !viaApi) {
          String body = TRIGGER_BODY.replace("{{ticket.id}}", String.valueOf(t.id))
              .replace("{{current_user.id}}", String.valueOf(actor.id()))
              .replace("{{ticket.latest_comment.id}}", String.valueOf(c.id()))
              .replace("{{ticket.via}}", "web".equals(t.channel) ? "Web Form" : "Web Service")
              .replace("{{ticket.tags}}", String.join(" ", t.tags));
          dispatcher.enqueue(w, t.id, UUID.randomUUID().toString(),
              body.getBytes(StandardCharsets.UTF_8));
        }
        continue;
      }
      String type = created ? EVENT_CREATED : EVENT_COMMENT;
      if (!w.subscriptions().contains(type)) {
        continue;
      }
      String eventId = UUID.randomUUID().toString();
      ObjectNode env = envelope(type, eventId, t, actor, viaApi);
      ObjectNode event = env.putObject("event");
      if (!created) {
        User author = users.get(c.authorId());
        ObjectNode ce = event.putObject("comment").put("id", String.valueOf(c.id()))
            .put("body", c.body()).put("html_body", c.htmlBody()).put("is_public", c.isPublic());
        ce.putObject("author").put("id", String.valueOf(author.id())).put("name", author.name())
            .put("is_staff", author.staff());
      }
      dispatcher.enqueue(w, t.id, eventId, Json.bytes(env));
    }
  }

  /** The event {@code detail}: string ids, UPPERCASE enums, {@code web_service} for API changes. */
  private ObjectNode detail(Ticket t, User actor, boolean viaApi) {
    ObjectNode d = obj().put("actor_id", String.valueOf(actor.id()))
        .put("assignee_id", idOrNull(t.assigneeId)).putNull("brand_id")
        .put("created_at", iso(t.createdAt)).putNull("custom_status")
        .put("description", t.comments.get(0).body()).putNull("external_id").putNull("form_id")
        .put("group_id", idOrNull(t.groupId)).put("id", String.valueOf(t.id))
        .put("is_public", t.comments.get(0).isPublic()).putNull("organization_id")
        .put("priority", upper(t.priority)).put("requester_id", String.valueOf(t.requesterId))
        .put("status", upper(t.status)).put("subject", t.subject)
        .put("submitter_id", String.valueOf(t.submitterId));
    d.set("tags", Json.arr(t.tags));
    d.put("type", upper(t.type)).put("updated_at", iso(t.updatedAt));
    d.putObject("via").put("channel", viaApi ? "web_service" : "web");
    return d;
  }

  /**
   * Sends a ticket change event (status, assignment, tags) to the event webhooks subscribed to its type. The
   * {@code event} object's shape is {@code {"current","previous"}} as documented for Zendesk's change events (for
   * tags, the whole tag lists before and after).
   */
  void emitChange(Ticket t, User actor, String type, ObjectNode event, boolean viaApi) {
    for (Webhook w : webhooks.values()) {
      if (!"active".equals(w.status()) || w.conditional() || !w.subscriptions().contains(type)) {
        continue;
      }
      String eventId = UUID.randomUUID().toString();
      ObjectNode env = envelope(type, eventId, t, actor, viaApi);
      env.set("event", event);
      dispatcher.enqueue(w, t.id, eventId, Json.bytes(env));
    }
  }

  /**
   * Sends {@code zen:event-type:messaging_ticket.message_added} (§1.7) to the event webhooks subscribed to it:
   * {@code detail} carries only the ticket id; {@code event} the actor, the SunCo conversation id and the message.
   */
  void emitMessaging(Ticket t, String conversationId, String messageId, String body, String actorId, String actorName,
      String actorType) {
    for (Webhook w : webhooks.values()) {
      if (!"active".equals(w.status()) || w.conditional() || !w.subscriptions().contains(Model.EVENT_MESSAGING)) {
        continue;
      }
      String eventId = UUID.randomUUID().toString();
      ObjectNode env = obj().put("type", Model.EVENT_MESSAGING).put("account_id", config.accountId())
          .put("id", eventId).put("time", Json.isoNanos(config.clock().instant()))
          .put("zendesk_event_version", "2022-11-06").put("subject", "zen:ticket:" + t.id);
      env.putObject("detail").put("id", String.valueOf(t.id));
      ObjectNode event = env.putObject("event");
      event.putObject("actor").put("id", actorId).put("name", actorName).put("type", actorType);
      event.put("conversation_id", conversationId);
      event.putObject("message").put("id", messageId).put("body", body);
      dispatcher.enqueue(w, t.id, eventId, Json.bytes(env));
    }
  }

  /** An event's envelope: type, account, id, time, version, subject and the ticket's {@code detail}. */
  private ObjectNode envelope(String type, String eventId, Ticket t, User actor, boolean viaApi) {
    ObjectNode env = obj().put("type", type).put("account_id", config.accountId())
        .put("id", eventId).put("time", Json.isoNanos(config.clock().instant()))
        .put("zendesk_event_version", "2022-11-06").put("subject", "zen:ticket:" + t.id);
    env.set("detail", detail(t, actor, viaApi));
    return env;
  }
}
