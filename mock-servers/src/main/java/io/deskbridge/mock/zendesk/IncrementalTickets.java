package io.deskbridge.mock.zendesk;

import static io.deskbridge.mock.zendesk.Json.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * The cursor-based incremental ticket export, {@code GET /api/v2/incremental/tickets/cursor.json}, as Zendesk
 * documents it: the first call names {@code start_time} (Unix seconds), every later one the {@code cursor} of the
 * page before; tickets come once each, in their current state, ordered by {@code updated_at}, at most
 * {@code per_page} (default and maximum 1,000) a page; the envelope holds {@code tickets}, {@code after_cursor},
 * {@code after_url}, {@code before_cursor}, {@code before_url} and {@code end_of_stream}. Tickets changed within the
 * minute before the request are left for a later call (the export's documented delay). A bad or missing parameter
 * is a 400; a {@code start_time} in the future a 422.
 *
 * <p>Stateless; called under the model's lock.
 */
final class IncrementalTickets {
  static final int MAX_PER_PAGE = 1000;

  private IncrementalTickets() {}

  static ObjectNode page(Collection<Model.Ticket> tickets, Function<Model.Ticket, ObjectNode> json, Instant now,
      String baseUrl, Map<String, String> q) {
    long afterSecond;
    long afterId;
    if (q.containsKey("cursor")) {
      long[] position = decode(q.get("cursor"));
      afterSecond = position[0];
      afterId = position[1];
    } else if (q.containsKey("start_time")) {
      long start;
      try {
        start = Long.parseLong(q.get("start_time"));
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("start_time must be a Unix time in seconds");
      }
      if (start > now.getEpochSecond()) {
        throw ApiError.invalid("start_time", "start_time is in the future");
      }
      afterSecond = start;
      afterId = -1; // at or after start_time
    } else {
      throw ApiError.badRequest("start_time or cursor is required");
    }
    int perPage = MAX_PER_PAGE;
    if (q.containsKey("per_page")) {
      try {
        perPage = Integer.parseInt(q.get("per_page"));
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("per_page must be a number");
      }
      if (perPage < 1 || perPage > MAX_PER_PAGE) {
        throw ApiError.badRequest("per_page must be between 1 and " + MAX_PER_PAGE);
      }
    }
    long settled = now.getEpochSecond() - 60;
    var ordered = tickets.stream()
        .filter(t -> t.updatedAt != null && t.updatedAt.getEpochSecond() <= settled)
        .filter(t -> !"deleted".equals(t.status) || !"true".equals(q.get("exclude_deleted")))
        .filter(t -> t.updatedAt.getEpochSecond() > afterSecond
            || t.updatedAt.getEpochSecond() == afterSecond && t.id > afterId)
        .sorted(Comparator.comparing((Model.Ticket t) -> t.updatedAt.getEpochSecond()).thenComparing(t -> t.id))
        .toList();
    var page = ordered.subList(0, Math.min(perPage, ordered.size()));
    ObjectNode out = obj();
    ArrayNode list = out.putArray("tickets");
    page.forEach(t -> list.add(json.apply(t)));
    long lastSecond = page.isEmpty() ? afterSecond : page.get(page.size() - 1).updatedAt.getEpochSecond();
    long lastId = page.isEmpty() ? afterId : page.get(page.size() - 1).id;
    String after = encode(lastSecond, lastId);
    String url = baseUrl + "/api/v2/incremental/tickets/cursor.json?cursor=";
    out.put("after_cursor", after).put("after_url", url + after);
    if (page.isEmpty()) {
      out.putNull("before_cursor").putNull("before_url");
    } else {
      String before = encode(page.get(0).updatedAt.getEpochSecond(), page.get(0).id);
      out.put("before_cursor", before).put("before_url", url + before);
    }
    return out.put("end_of_stream", ordered.size() <= perPage);
  }

  private static String encode(long second, long id) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((second + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long[] decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw ApiError.badRequest("cursor is not a cursor this export returned");
    }
  }
}
