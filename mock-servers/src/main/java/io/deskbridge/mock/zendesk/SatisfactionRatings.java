package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The fake's (legacy) CSAT satisfaction ratings, one per ticket as Zendesk keeps them: offering the survey creates the
 * ticket's rating with score {@code offered}; the requester's answer changes its score to {@code good}, {@code bad},
 * {@code good_with_comment} or {@code bad_with_comment} and stamps {@code updated_at}; answering again replaces it.
 * Served as {@code GET /api/v2/satisfaction_ratings} (contract: the Satisfaction Ratings reference):
 *
 * <ul>
 *   <li>Filters: {@code score} (offered, unoffered, received, received_with_comment, received_without_comment, good,
 *       good_with_comment, good_without_comment, bad, bad_with_comment, bad_without_comment; an unqualified score
 *       such as {@code good} includes both with and without comment), {@code start_time} and {@code end_time} (epoch
 *       seconds, inclusive). The reference says only "time of the oldest / most recent satisfaction rating"; this
 *       fake compares them with {@code updated_at} (the time the customer last rated), as the widely used
 *       incremental readers of this endpoint assume. A filter value that is not one of these is 400
 *       {@code InvalidRequest}; unknown parameters are ignored.
 *   <li>Order: by id, oldest rating first.
 *   <li>Cursor pagination ({@code page[size]} 1 to 100, default 100; {@code page[after]} the previous page's
 *       {@code meta.after_cursor}): {@code {"satisfaction_ratings", "meta": {"has_more", "after_cursor",
 *       "before_cursor"}, "links": {"prev", "next"}}}. Offset pagination ({@code page}, {@code per_page} 1 to 100,
 *       default 100): {@code next_page}, {@code previous_page}, {@code count}. Mixing the two, a size or page out of
 *       range, or a cursor this fake did not issue is 400.
 * </ul>
 *
 * Thread-safe: every method synchronises on this object.
 */
public final class SatisfactionRatings {
  private static final Set<String> SCORES = Set.of("offered", "unoffered", "received", "received_with_comment",
      "received_without_comment", "good", "good_with_comment", "good_without_comment", "bad", "bad_with_comment",
      "bad_without_comment");
  static final int MAX_PAGE = 100;

  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final LongFunction<Optional<TicketView>> tickets;
  private final Map<Long, Rating> byId = new TreeMap<>();
  private long nextId = 35_436L;

  private static final class Rating {
    final long id;
    final long ticketId;
    final long requesterId;
    final Long assigneeId;
    final Long groupId;
    final Instant createdAt;
    String score = "offered";
    String comment;
    Instant updatedAt;

    Rating(long id, TicketView t, Instant now) {
      this.id = id;
      this.ticketId = t.id();
      this.requesterId = t.requesterId();
      this.assigneeId = t.assigneeId();
      this.groupId = t.groupId();
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  SatisfactionRatings(Clock clock, Supplier<String> baseUrl, LongFunction<Optional<TicketView>> tickets) {
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.tickets = tickets;
  }

  // ---------------------------------------------------------------- what tests call (the customer and Zendesk)

  /**
   * Zendesk offers the survey on a solved (or closed) ticket: the ticket's rating is created with score
   * {@code offered}; returns its id. Offering again keeps the existing rating.
   *
   * @throws IllegalArgumentException for an unknown ticket or one that is not solved or closed
   */
  public synchronized long offer(long ticketId) {
    var existing = byTicket(ticketId);
    if (existing.isPresent()) {
      return existing.get().id;
    }
    var ticket = tickets.apply(ticketId).orElseThrow(() -> new IllegalArgumentException("no ticket " + ticketId,
        ApiError.notFound()));
    if (!"solved".equals(ticket.status()) && !"closed".equals(ticket.status())) {
      String why = "ticket " + ticketId + " is " + ticket.status()
          + ": Zendesk offers the satisfaction survey on solved tickets only";
      throw new IllegalArgumentException(why, ApiError.invalid("status", why));
    }
    long id = nextId++;
    byId.put(id, new Rating(id, ticket, clock.instant()));
    return id;
  }

  /**
   * The requester rates the ticket (offering the survey first if it was not): {@code good} or {@code bad}, with an
   * optional comment (blank: none); a later rating replaces the earlier one. Stamps {@code updated_at} with the
   * fake's clock; returns the rating's id.
   */
  public synchronized long rate(long ticketId, boolean good, String comment) {
    var r = byId.get(offer(ticketId));
    boolean commented = comment != null && !comment.isBlank();
    r.score = (good ? "good" : "bad") + (commented ? "_with_comment" : "");
    r.comment = commented ? comment : null;
    r.updatedAt = clock.instant();
    return r.id;
  }

  /** How many ratings (offered ones included) the fake holds. */
  public synchronized int count() {
    return byId.size();
  }

  synchronized void reset() {
    byId.clear();
  }

  // ---------------------------------------------------------------- API (called by ZendeskApi)

  synchronized ObjectNode list(Map<String, String> q) {
    String score = q.get("score");
    if (score != null && !SCORES.contains(score)) {
      throw ApiError.badRequest("score must be one of " + new java.util.TreeSet<>(SCORES));
    }
    long start = epoch(q, "start_time", Long.MIN_VALUE);
    long end = epoch(q, "end_time", Long.MAX_VALUE);
    boolean cursor = q.keySet().stream().anyMatch(k -> k.startsWith("page["));
    boolean offset = q.containsKey("page") || q.containsKey("per_page");
    if (cursor && offset) {
      throw ApiError.badRequest("use either cursor pagination (page[size], page[after]) or offset pagination "
          + "(page, per_page), not both");
    }
    List<Rating> matching = byId.values().stream().filter(r -> scoreMatches(score, r))
        .filter(r -> r.updatedAt.getEpochSecond() >= start && r.updatedAt.getEpochSecond() <= end).toList();
    var out = obj();
    ArrayNode list = out.putArray("satisfaction_ratings");
    String self = baseUrl.get() + "/api/v2/satisfaction_ratings.json";
    if (offset) {
      int page = QueryNumbers.number(q, "page", 1, Integer.MAX_VALUE, 1);
      int perPage = QueryNumbers.number(q, "per_page", 1, MAX_PAGE, MAX_PAGE);
      matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(r -> list.add(json(r)));
      String again = self + "?per_page=" + perPage + filters(q) + "&page=";
      if ((long) page * perPage < matching.size()) {
        out.put("next_page", again + (page + 1));
      } else {
        out.putNull("next_page");
      }
      if (page > 1) {
        out.put("previous_page", again + (page - 1));
      } else {
        out.putNull("previous_page");
      }
      out.put("count", matching.size());
      return out;
    }
    int size = QueryNumbers.number(q, "page[size]", 1, MAX_PAGE, MAX_PAGE);
    long after = q.containsKey("page[after]") ? decode(q.get("page[after]")) : Long.MIN_VALUE;
    var page = matching.stream().filter(r -> r.id > after).limit(size).toList();
    page.forEach(r -> list.add(json(r)));
    boolean more = !page.isEmpty() && matching.stream().anyMatch(r -> r.id > page.get(page.size() - 1).id);
    var meta = out.putObject("meta");
    meta.put("has_more", more);
    var links = out.putObject("links");
    if (page.isEmpty()) {
      meta.putNull("after_cursor");
      meta.putNull("before_cursor");
      links.putNull("prev");
      links.putNull("next");
      return out;
    }
    String afterCursor = encode(page.get(page.size() - 1).id);
    meta.put("after_cursor", afterCursor);
    meta.put("before_cursor", encode(page.get(0).id));
    links.putNull("prev");
    if (more) {
      links.put("next", self + "?page%5Bsize%5D=" + size + filters(q) + "&page%5Bafter%5D=" + afterCursor);
    } else {
      links.putNull("next");
    }
    return out;
  }

  private static boolean scoreMatches(String filter, Rating r) {
    if (filter == null) {
      return true;
    }
    boolean received = r.score.startsWith("good") || r.score.startsWith("bad");
    boolean commented = r.score.endsWith("_with_comment");
    return switch (filter) {
      case "received" -> received;
      case "received_with_comment" -> received && commented;
      case "received_without_comment" -> received && !commented;
      case "good", "bad" -> r.score.startsWith(filter);
      case "good_without_comment", "bad_without_comment" -> r.score.equals(filter.replace("_without_comment", ""));
      default -> r.score.equals(filter);
    };
  }

  private ObjectNode json(Rating r) {
    var o = obj();
    o.put("url", baseUrl.get() + "/api/v2/satisfaction_ratings/" + r.id + ".json");
    o.put("id", r.id);
    if (r.assigneeId == null) {
      o.putNull("assignee_id");
    } else {
      o.put("assignee_id", r.assigneeId);
    }
    if (r.groupId == null) {
      o.putNull("group_id");
    } else {
      o.put("group_id", r.groupId);
    }
    o.put("requester_id", r.requesterId);
    o.put("ticket_id", r.ticketId);
    o.put("score", r.score);
    o.put("created_at", Json.iso(r.createdAt));
    o.put("updated_at", Json.iso(r.updatedAt));
    if (r.comment == null) {
      o.putNull("comment");
    } else {
      o.put("comment", r.comment);
    }
    return o;
  }

  private Optional<Rating> byTicket(long ticketId) {
    return byId.values().stream().filter(r -> r.ticketId == ticketId).findFirst();
  }

  /** The filters of a request, for its next-page links. */
  private static String filters(Map<String, String> q) {
    var s = new StringBuilder();
    for (String k : List.of("score", "start_time", "end_time")) {
      if (q.containsKey(k)) {
        s.append('&').append(k).append('=').append(q.get(k));
      }
    }
    return s.toString();
  }

  private static long epoch(Map<String, String> q, String key, long otherwise) {
    String raw = q.get(key);
    if (raw == null) {
      return otherwise;
    }
    try {
      long v = Long.parseLong(raw);
      if (v < 0) {
        throw ApiError.badRequest(key + " must be a Unix epoch time in seconds");
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(key + " must be a Unix epoch time in seconds");
    }
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("r" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!s.startsWith("r")) {
        throw new IllegalArgumentException();
      }
      return Long.parseLong(s.substring(1));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("page[after] is not a cursor this endpoint issued");
    }
  }
}
