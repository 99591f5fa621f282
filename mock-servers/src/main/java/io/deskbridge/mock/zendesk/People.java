package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Model.EVENT_ASSIGNEE;
import static io.deskbridge.mock.zendesk.Model.EVENT_STATUS;
import static io.deskbridge.mock.zendesk.Model.EVENT_TAGS;
import static io.deskbridge.mock.zendesk.Model.STATUSES;
import static io.deskbridge.mock.zendesk.Text.distinct;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.zendesk.Model.Comment;
import io.deskbridge.mock.zendesk.Model.Ticket;
import io.deskbridge.mock.zendesk.Model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulated people do on the {@link Model} through the fake's Java API: a customer opens or comments on a
 * ticket, an agent comments, sets the status, assigns, adds or removes tags, and the agent workspace takes a
 * handed-over messaging conversation as a ticket. Each fires the events Zendesk sends for it.
 *
 * <p>Called only with the model's lock held; not thread-safe on its own. An unknown ticket is
 * {@link ApiError#notFound()}, a closed one {@code 422}, an unknown agent or status an
 * {@link IllegalArgumentException}.
 */
final class People {
  private final Model model;
  private final TicketEvents events;
  /** The messaging tickets by their SunCo conversation id. */
  private final Map<String, Long> messagingTickets = new HashMap<>();

  People(Model model, TicketEvents events) {
    this.model = model;
    this.events = events;
  }

  long customerCreatesTicket(String email, String name, String subject, String body,
      List<String> tags) {
    User customer = model.endUser(email, name);
    ObjectNode spec = obj().put("subject", subject);
    spec.putObject("comment").put("body", body).put("public", true);
    spec.set("tags", Json.arr(tags));
    return model.createTicket(customer, customer, customer, spec, "web");
  }

  /**
   * The agent workspace takes a handed-over messaging conversation (§3.4): a ticket via {@code native_messaging}
   * whose requester is the conversation's customer, with the group and tags from the handover's
   * {@code dataCapture.systemField.*}, its first comment the transcript (one line per message); then one
   * {@code messaging_ticket.message_added} event per transcript message (§1.7).
   *
   * @param transcript each message as {@code {id, author name, author type (user/business), text}}
   */
  long messagingTicket(String conversationId, String customerName, List<String[]> transcript,
      Map<String, Object> fields) {
    User customer = model.endUser("messaging-" + conversationId + "@messaging.invalid", customerName);
    ObjectNode spec = obj().put("subject", "Conversation with " + customerName);
    var lines = new StringBuilder();
    for (String[] m : transcript) {
      lines.append(m[1]).append(": ").append(m[3]).append('\n');
    }
    spec.putObject("comment").put("body", lines.length() == 0 ? "(no messages)" : lines.toString().strip())
        .put("public", true);
    Object group = fields.get("dataCapture.systemField.group_id");
    if (group != null) {
      spec.put("group_id", Long.parseLong(group.toString()));
    }
    Object tags = fields.get("dataCapture.systemField.tags");
    if (tags != null) {
      spec.set("tags", Json.arr(List.of(tags.toString().split(","))));
    }
    long id = model.createTicket(customer, customer, customer, spec, "native_messaging");
    messagingTickets.put(conversationId, id);
    Ticket t = model.find(id);
    for (String[] m : transcript) {
      boolean user = "user".equals(m[2]);
      events.emitMessaging(t, conversationId, m[0], m[3], user ? String.valueOf(customer.id()) : "zd:answerBot",
          m[1], user ? "end_user" : "system");
    }
    return id;
  }

  Optional<Long> messagingTicketOf(String conversationId) {
    return Optional.ofNullable(messagingTickets.get(conversationId));
  }

  long customerComments(long ticketId, String body) {
    Ticket t = model.find(ticketId);
    Model.requireOpen(t);
    User customer = model.user(t.requesterId);
    Instant now = model.now();
    Comment c = model.addComment(t, customer.id(), body, null, true, "web", now, model.nextAuditId());
    if (!"new".equals(t.status)) {
      t.status = "open";
    }
    t.updatedAt = now;
    model.emit(t, customer, c, false, false);
    return c.id();
  }

  long agentComments(long ticketId, long agentId, String body, boolean isPublic) {
    return agentComment(ticketId, agentId, body, null, isPublic);
  }

  long agentCommentsHtml(long ticketId, long agentId, String html, boolean isPublic) {
    return agentComment(ticketId, agentId, null, html, isPublic);
  }

  private long agentComment(long ticketId, long agentId, String body, String html, boolean isPublic) {
    User agent = staff(agentId);
    Ticket t = model.find(ticketId);
    Model.requireOpen(t);
    Instant now = model.now();
    Comment c = model.addComment(t, agentId, body, html, isPublic, "web", now, model.nextAuditId());
    if ("new".equals(t.status)) {
      t.status = "open";
    }
    t.updatedAt = now;
    model.emit(t, agent, c, false, false);
    return c.id();
  }

  /**
   * An agent changes the ticket's status in the agent UI; subscribers get {@code ticket.status_changed}. Solving an
   * unassigned ticket assigns it to the agent, as the agent UI does.
   */
  void agentSetsStatus(long ticketId, long agentId, String status) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    User agent = staff(agentId);
    Ticket t = model.find(ticketId);
    Model.requireOpen(t);
    ObjectNode event = obj().put("current", Text.upper(status)).put("previous", Text.upper(t.status));
    t.status = status;
    if (t.assigneeId == null && ("solved".equals(status) || "closed".equals(status))) {
      t.assigneeId = agentId; // the agent UI assigns an unassigned ticket to the agent who solves it
    }
    t.updatedAt = model.now();
    model.emitChange(t, agent, EVENT_STATUS, event);
  }

  /** An agent assigns the ticket (null: unassigns it); subscribers get {@code ticket.agent_assignment_changed}. */
  void agentAssigns(long ticketId, long agentId, Long assigneeId) {
    User agent = staff(agentId);
    Ticket t = model.find(ticketId);
    Model.requireOpen(t);
    ObjectNode event = obj().put("current", Text.idOrNull(assigneeId)).put("previous", Text.idOrNull(t.assigneeId));
    t.assigneeId = assigneeId;
    t.updatedAt = model.now();
    model.emitChange(t, agent, EVENT_ASSIGNEE, event);
  }

  /** An agent removes tags from the ticket; subscribers get {@code ticket.tags_changed}. */
  void agentRemovesTags(long ticketId, long agentId, List<String> tags) {
    User agent = staff(agentId);
    Ticket t = model.find(ticketId);
    Model.requireOpen(t);
    List<String> before = List.copyOf(t.tags);
    t.tags = distinct(t.tags.stream().filter(tag -> !tags.contains(tag)).toList());
    tagsChanged(t, agent, before);
  }

  /**
   * An agent adds tags to the ticket (as Zendesk's ticket form or {@code PUT /tickets/{id}/tags} does); subscribers get
   * {@code ticket.tags_changed} with the lists before and after, when the tags changed.
   */
  void agentAddsTags(long ticketId, long agentId, List<String> tags) {
    User agent = staff(agentId);
    Ticket t = model.find(ticketId);
    Model.requireOpen(t);
    List<String> before = List.copyOf(t.tags);
    var after = new ArrayList<>(t.tags);
    after.addAll(tags);
    t.tags = distinct(after);
    if (t.tags.equals(before)) {
      return;
    }
    tagsChanged(t, agent, before);
  }

  /** Stamps the ticket and sends {@code ticket.tags_changed} with the tags {@code before} and now. */
  private void tagsChanged(Ticket t, User agent, List<String> before) {
    t.updatedAt = model.now();
    ObjectNode event = obj();
    event.set("previous", Json.arr(before));
    event.set("current", Json.arr(t.tags));
    model.emitChange(t, agent, EVENT_TAGS, event);
  }

  private User staff(long agentId) {
    User agent = model.user(agentId);
    if (agent == null || !agent.staff()) {
      throw new IllegalArgumentException("not an agent: " + agentId);
    }
    return agent;
  }
}
