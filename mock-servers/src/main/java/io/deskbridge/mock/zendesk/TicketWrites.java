package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.iso;
import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;
import static io.deskbridge.mock.zendesk.Model.EVENT_STATUS;
import static io.deskbridge.mock.zendesk.Model.EVENT_TAGS;
import static io.deskbridge.mock.zendesk.Model.STATUSES;
import static io.deskbridge.mock.zendesk.ModelJson.commentJson;
import static io.deskbridge.mock.zendesk.Text.distinct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.deskbridge.mock.zendesk.Model.Comment;
import io.deskbridge.mock.zendesk.Model.Ticket;
import io.deskbridge.mock.zendesk.Model.User;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's ticket writes on the {@link Model}: {@code POST /tickets}, {@code PUT /tickets/{id}} (merge, the
 * comment, the audit with one {@code Change} event per changed field, Safe Update's 409) and the tags endpoints, with
 * the field checks every ticket write makes. Bad input is a {@link ApiError} in Zendesk's shape (422
 * {@code RecordInvalid} on the field, 404 for an unknown ticket); nothing is written before the checks pass.
 *
 * <p>Called only with the model's lock held; not thread-safe on its own.
 */
final class TicketWrites {
  private static final Logger LOG = LoggerFactory.getLogger(Model.class); // the logger these writes had in Model
  private static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");
  private static final Set<String> TYPES = Set.of("problem", "incident", "question", "task");
  private final Model model;

  TicketWrites(Model model) {
    this.model = model;
  }

  /** POST /tickets: requester, submitter and comment author resolved, then created through the model. */
  ObjectNode create(User updater, JsonNode spec) {
    User requester = updater;
    if (spec.hasNonNull("requester_id")) {
      requester = model.user(spec.get("requester_id").asLong());
      if (requester == null) {
        throw ApiError.invalid("requester", "Requester: cannot be blank");
      }
    } else if (spec.path("requester").hasNonNull("email")) {
      JsonNode r = spec.get("requester");
      requester = model.endUser(r.get("email").asText(), text(r, "name"));
    }
    User submitter = updater;
    if (spec.hasNonNull("submitter_id")) {
      submitter = model.user(spec.get("submitter_id").asLong());
      if (submitter == null) {
        throw ApiError.invalid("submitter", "Submitter: is invalid");
      }
    }
    if (spec.path("comment").hasNonNull("author_id")
        && model.user(spec.path("comment").get("author_id").asLong()) == null) {
      throw ApiError.invalid("comment", "Comment: author_id is invalid");
    }
    return model.ticketJson(model.find(model.createTicket(requester, submitter, updater, spec, "api")));
  }

  /** PUT /tickets/{id} (§2.3, §9.2): merge, append the comment, answer ticket and audit. */
  ObjectNode update(long id, User updater, JsonNode in) {
    Ticket t = model.find(id);
    Model.requireOpen(t);
    if (in.path("safe_update").asBoolean(false) && in.hasNonNull("updated_stamp")
        && !parseInstant(in.get("updated_stamp").asText()).equals(t.updatedAt)) {
      throw new ApiError(409, Json.error("UpdateConflict", "Safe Update prevented the update due "
          + "to outdated ticket data. Please fetch the latest ticket data and try again."));
    }
    validate(in);
    JsonNode c = in.hasNonNull("comment") ? in.get("comment") : null;
    String body = c == null ? null : text(c, "body");
    String html = c == null ? null : text(c, "html_body");
    if (c != null && (body == null || body.isBlank()) && (html == null || html.isBlank())) {
      throw ApiError.invalid("comment", "Comment: value cannot be blank");
    }
    long author = c != null && c.hasNonNull("author_id") ? c.get("author_id").asLong() : updater.id();
    if (model.user(author) == null) {
      throw ApiError.invalid("comment", "Comment: author_id is invalid");
    }
    Instant now = model.now();
    long auditId = model.nextAuditId();
    ObjectNode audit = obj().put("id", auditId).put("ticket_id", t.id)
        .put("created_at", iso(now)).put("author_id", updater.id());
    audit.putObject("via").put("channel", "api");
    ArrayNode events = audit.putArray("events");
    Comment comment = null;
    if (c != null) {
      comment = model.addComment(t, author, body, html, c.path("public").asBoolean(true), "api", now,
          auditId);
      events.add(commentJson(comment).put("id", comment.id()));
    }
    String statusBefore = t.status;
    List<String> tagsBefore = List.copyOf(t.tags);
    // an agent update moves a New ticket to Open unless a status is given
    String status = Optional.ofNullable(text(in, "status"))
        .orElse("new".equals(t.status) ? "open" : t.status);
    change(events, "status", t.status, status);
    t.status = status;
    if (in.has("priority")) {
      change(events, "priority", t.priority, t.priority = text(in, "priority"));
    }
    if (in.has("type")) {
      change(events, "type", t.type, t.type = text(in, "type"));
    }
    if (in.has("subject")) {
      change(events, "subject", t.subject, t.subject = text(in, "subject"));
    }
    if (in.has("assignee_id")) {
      Long v = in.get("assignee_id").isNull() ? null : in.get("assignee_id").asLong();
      change(events, "assignee_id", t.assigneeId, v);
      t.assigneeId = v;
    }
    if (in.has("group_id")) {
      Long v = in.get("group_id").isNull() ? null : in.get("group_id").asLong();
      change(events, "group_id", t.groupId, v);
      t.groupId = v;
    }
    List<String> tags = new ArrayList<>(t.tags);
    if (in.has("tags")) {
      tags = distinct(Json.strings(in.get("tags")));
    }
    if (in.has("additional_tags") || in.has("remove_tags")) {
      LOG.warn("additional_tags/remove_tags on PUT /tickets/{id} are unverified for single-ticket "
          + "updates (documented only for update_many); prefer the /tags endpoints");
      tags.addAll(Json.strings(in.path("additional_tags")));
      tags.removeAll(Json.strings(in.path("remove_tags")));
      tags = distinct(tags);
    }
    if (!tags.equals(t.tags)) {
      events.addObject().put("id", model.nextAuditId()).put("type", "Change").put("field_name", "tags")
          .<ObjectNode>set("value", Json.arr(tags)).set("previous_value", Json.arr(t.tags));
      t.tags = tags;
    }
    in.path("custom_fields").forEach(f -> t.customFields.put(f.path("id").asLong(), f.get("value")));
    if (in.has("custom_status_id")) {
      LOG.debug("custom_status_id accepted and ignored");
    }
    t.updatedAt = now;
    if (comment != null) {
      model.emit(t, updater, comment, true, false);
    }
    if (!status.equals(statusBefore)) {
      model.emitChange(t, updater, EVENT_STATUS, TextNode.valueOf(Text.upper(statusBefore)), TextNode.valueOf(Text.upper(status)));
    }
    if (!t.tags.equals(tagsBefore)) {
      model.emitChange(t, updater, EVENT_TAGS, Json.arr(tagsBefore), Json.arr(t.tags));
    }
    ObjectNode out = obj();
    out.set("ticket", model.ticketJson(t));
    out.set("audit", audit);
    return out;
  }

  /** Tags endpoints: PUT adds, POST sets, DELETE removes (§2.3). */
  List<String> tags(long id, String method, List<String> given) {
    Ticket t = model.find(id);
    Model.requireOpen(t);
    List<String> tags = new ArrayList<>(t.tags);
    switch (method) {
      case "PUT" -> tags.addAll(given);
      case "POST" -> tags = new ArrayList<>(given);
      default -> tags.removeAll(given);
    }
    t.tags = distinct(tags);
    t.updatedAt = model.now();
    return List.copyOf(t.tags);
  }

  /** The status, priority, type, group and assignee a ticket write names; 422 on the first bad one. */
  void validate(JsonNode in) {
    String status = text(in, "status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiError.invalid("status", "Status: " + status + " is not valid");
    }
    String priority = text(in, "priority");
    if (priority != null && !PRIORITIES.contains(priority)) {
      throw ApiError.invalid("priority", "Priority: " + priority + " is not valid");
    }
    String type = text(in, "type");
    if (type != null && !TYPES.contains(type)) {
      throw ApiError.invalid("type", "Type: " + type + " is not valid");
    }
    if (in.hasNonNull("group_id") && !model.hasGroup(in.get("group_id").asLong())) {
      throw ApiError.invalid("group_id", "Group: " + in.get("group_id").asText() + " is invalid");
    }
    if (in.hasNonNull("assignee_id")) {
      User a = model.user(in.get("assignee_id").asLong());
      if (a == null || !a.staff()) {
        throw ApiError.invalid("assignee_id", "Assignee: " + in.get("assignee_id") + " is invalid");
      }
    }
  }

  private void change(ArrayNode events, String field, Object before, Object after) {
    if (after != null && !after.equals(before) || after == null && before != null) {
      ObjectNode e = events.addObject().put("id", model.nextAuditId()).put("type", "Change")
          .put("field_name", field);
      e.set("value", after == null ? null : Json.MAPPER.valueToTree(after));
      e.set("previous_value", before == null ? null : Json.MAPPER.valueToTree(before));
    }
  }

  private static Instant parseInstant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("updated_stamp", "updated_stamp is not a timestamp: " + s);
    }
  }
}
