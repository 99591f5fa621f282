package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.iso;
import static io.deskbridge.mock.zendesk.Json.obj;
import static io.deskbridge.mock.zendesk.Json.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.zendesk.Model.Comment;
import io.deskbridge.mock.zendesk.Model.Ticket;
import io.deskbridge.mock.zendesk.Model.User;
import io.deskbridge.mock.zendesk.Model.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The REST shapes of the model's records (§2, §9): users, tickets, comments and their paging, webhooks. Stateless;
 * the caller holds the model's lock while the records are read.
 */
final class ModelJson {
  private ModelJson() {}

  static ObjectNode userJson(User u, String baseUrl) {
    ObjectNode n = obj().put("id", u.id()).put("url", baseUrl + "/api/v2/users/" + u.id() + ".json")
        .put("name", u.name()).put("email", u.email()).put("created_at", iso(u.createdAt()))
        .put("updated_at", iso(u.createdAt())).put("time_zone", "UTC")
        .put("iana_time_zone", "Etc/UTC").put("locale", "en-US").put("locale_id", 1)
        .put("role", u.role()).put("verified", true).put("active", true).put("shared", false)
        .put("suspended", false).put("restricted_agent", false).put("moderator", u.staff())
        .put("only_private_comments", false);
    n.putNull("organization_id");
    n.putArray("tags");
    n.putObject("user_fields");
    return n;
  }

  /** Offset ({@code page}, {@code per_page}, {@code sort_order}) or cursor ({@code page[...]}) paging (§2.2); {@code base} is the
   * comments URL the links start with. */
  static ObjectNode commentsPage(List<Comment> comments, String base, Map<String, String> q) {
    boolean desc = "desc".equals(q.get("sort_order")) || "-created_at".equals(q.get("sort"));
    List<Comment> ordered = new ArrayList<>(comments);
    if (desc) {
      Collections.reverse(ordered);
    }
    ObjectNode out = obj();
    ArrayNode items = out.putArray("comments");
    if (q.keySet().stream().anyMatch(k -> k.startsWith("page["))) {
      int size = intParam(q, "page[size]", 100);
      if (size < 1 || size > 100) {
        throw new ApiError(400, Json.error("InvalidPaginationParameter",
            "page[size] must be between 1 and 100"));
      }
      int from = 0;
      int to;
      if (q.containsKey("page[before]")) {
        to = indexOf(ordered, decodeCursor(q.get("page[before]")));
        from = Math.max(0, to - size);
      } else {
        if (q.containsKey("page[after]")) {
          from = indexOf(ordered, decodeCursor(q.get("page[after]"))) + 1;
        }
        to = Math.min(ordered.size(), from + size);
      }
      List<Comment> page = ordered.subList(from, to);
      page.forEach(c -> items.add(commentJson(c)));
      boolean hasMore = q.containsKey("page[before]") ? from > 0 : to < ordered.size();
      String after = page.isEmpty() ? null : cursor(page.get(page.size() - 1).id());
      String before = page.isEmpty() ? null : cursor(page.get(0).id());
      String sort = desc ? "&sort=-created_at" : "";
      String link = base + "?page%5Bsize%5D=" + size + sort;
      out.putObject("meta").put("has_more", hasMore).put("after_cursor", after)
          .put("before_cursor", before);
      out.putObject("links")
          .put("next", hasMore && after != null ? link + "&page%5Bafter%5D=" + after : null)
          .put("prev", before != null && from > 0 ? link + "&page%5Bbefore%5D=" + before : null);
    } else {
      int perPage = Math.max(1, Math.min(100, intParam(q, "per_page", 100)));
      int page = Math.max(1, intParam(q, "page", 1));
      int from = Math.min(ordered.size(), (page - 1) * perPage);
      int to = Math.min(ordered.size(), from + perPage);
      ordered.subList(from, to).forEach(c -> items.add(commentJson(c)));
      String link = base + "?per_page=" + perPage + "&sort_order=" + (desc ? "desc" : "asc")
          + "&page=";
      out.put("next_page", to < ordered.size() ? link + (page + 1) : null);
      out.put("previous_page", page > 1 ? link + (page - 1) : null);
      out.put("count", ordered.size());
    }
    return out;
  }

  static ObjectNode ticketJson(Ticket t, String baseUrl) {
    Comment first = t.comments.get(0);
    ObjectNode n = obj().put("id", t.id).put("url", baseUrl + "/api/v2/tickets/" + t.id + ".json");
    n.putNull("external_id");
    n.set("via", via(t.channel));
    n.put("created_at", iso(t.createdAt)).put("updated_at", iso(t.updatedAt)).put("type", t.type)
        .put("subject", t.subject).put("raw_subject", t.subject).put("description", first.body())
        .put("priority", t.priority).put("status", t.status).putNull("recipient")
        .put("requester_id", t.requesterId).put("submitter_id", t.submitterId)
        .put("assignee_id", t.assigneeId).putNull("organization_id").put("group_id", t.groupId);
    n.putArray("collaborator_ids");
    n.putArray("follower_ids");
    n.putArray("email_cc_ids");
    n.putNull("problem_id");
    n.put("has_incidents", false).put("is_public", first.isPublic()).putNull("due_at");
    n.set("tags", Json.arr(t.tags));
    ArrayNode cf = n.putArray("custom_fields");
    t.customFields.forEach((id, value) -> cf.addObject().put("id", id).set("value", value));
    n.putArray("sharing_agreement_ids");
    n.putArray("followup_ids");
    n.putNull("ticket_form_id");
    n.putNull("brand_id");
    return n.put("allow_channelback", false).put("allow_attachments", true)
        .put("from_messaging_channel", false);
  }

  static ObjectNode commentJson(Comment c) {
    ObjectNode n = obj().put("id", c.id()).put("type", "Comment").put("author_id", c.authorId())
        .put("body", c.body()).put("html_body", c.htmlBody()).put("plain_body", c.body())
        .put("public", c.isPublic());
    n.putArray("attachments");
    n.put("audit_id", c.auditId());
    n.set("via", via(c.channel()));
    n.putObject("metadata");
    return n.put("created_at", iso(c.createdAt()));
  }

  private static ObjectNode via(String channel) {
    ObjectNode via = obj().put("channel", channel);
    ObjectNode source = via.putObject("source");
    source.putObject("from");
    source.putObject("to");
    source.putNull("rel");
    return via;
  }

  private static int intParam(Map<String, String> q, String key, int dflt) {
    try {
      return q.containsKey(key) ? Integer.parseInt(q.get(key)) : dflt;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(key + " must be a number");
    }
  }

  private static String cursor(long commentId) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("c" + commentId).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodeCursor(String cursor) {
    try {
      return Long.parseLong(Json.utf8(Base64.getUrlDecoder().decode(cursor)).substring(1));
    } catch (RuntimeException e) {
      throw new ApiError(400, Json.error("InvalidPaginationParameter", "invalid cursor"));
    }
  }

  private static int indexOf(List<Comment> comments, long id) {
    for (int i = 0; i < comments.size(); i++) {
      if (comments.get(i).id() == id) {
        return i;
      }
    }
    throw new ApiError(400, Json.error("InvalidPaginationParameter", "invalid cursor"));
  }

  static ObjectNode webhookJson(Webhook w) {
    ObjectNode n = obj().put("id", w.id()).put("name", w.name()).put("status", w.status())
        .put("endpoint", w.endpoint().toString()).put("http_method", w.httpMethod())
        .put("request_format", w.requestFormat());
    n.set("subscriptions", Json.arr(w.subscriptions()));
    if (w.authentication() != null) {
      n.putObject("authentication").put("type", text(w.authentication(), "type"))
          .put("add_position", "header");
    }
    n.putObject("signing_secret").put("algorithm", "sha256").putNull("secret");
    return n.put("created_at", iso(w.createdAt())).put("created_by", String.valueOf(w.createdBy()))
        .put("updated_at", iso(w.createdAt())).put("updated_by", String.valueOf(w.createdBy()));
  }

  static ObjectNode groupsJson(Map<String, Long> groups, String baseUrl, Instant seededAt) {
    ObjectNode out = obj();
    ArrayNode list = out.putArray("groups");
    groups.values().forEach(id -> list.add(groupJson(groups, id, baseUrl, seededAt)));
    out.putNull("next_page");
    out.putNull("previous_page");
    out.put("count", groups.size());
    return out;
  }

  static ObjectNode groupJson(Map<String, Long> groups, long id, String baseUrl, Instant seededAt) {
    String name = groups.entrySet().stream().filter(e -> e.getValue() == id)
        .map(Map.Entry::getKey).findFirst().orElseThrow(ApiError::notFound);
    return obj().put("id", id).put("url", baseUrl + "/api/v2/groups/" + id + ".json")
        .put("name", name).put("description", "").put("default", id == groups.values().iterator().next())
        .put("deleted", false).put("is_public", true)
        .put("created_at", iso(seededAt)).put("updated_at", iso(seededAt));
  }

  static ObjectNode webhooksJson(Collection<Webhook> webhooks) {
    ObjectNode out = obj();
    ArrayNode list = out.putArray("webhooks");
    webhooks.forEach(w -> list.add(webhookJson(w)));
    out.putObject("meta").put("has_more", false).putNull("after_cursor").putNull("before_cursor");
    out.putObject("links").putNull("next").putNull("prev");
    return out;
  }
}
