package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A client for a Zendesk fake's HTTP control endpoints ({@code /__control/...}, documented in the
 * mock-servers README): it acts as customers and agents and injects API faults in a fake that runs in this
 * process ({@link ZendeskFake#control()}) or in another one ({@link #at(String)}). The endpoints call the
 * same {@link ZendeskFake} methods as Java callers, so both behave alike.
 *
 * <p>Errors: an answer of 404 or 400 throws {@link IllegalArgumentException}, 422 (a closed ticket)
 * {@link IllegalStateException}, each with the fake's reason; an unreachable fake throws
 * {@link UncheckedIOException}. Thread-safe and immutable.
 */
public final class ZendeskFakeControl {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  private ZendeskFakeControl(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A client for the fake whose base URL (without {@code /api/v2}) is given, e.g. {@code http://localhost:8089}. */
  public static ZendeskFakeControl at(String baseUrl) {
    return new ZendeskFakeControl(Objects.requireNonNull(baseUrl, "baseUrl"));
  }

  // ---------------------------------------------------------------- people

  /**
   * A customer opens a ticket in the web form, as {@link ZendeskFake#customerCreatesTicket}: requester,
   * submitter and first comment's author are the customer (created when the e-mail is new).
   *
   * @param name the customer's display name, or null for the e-mail's local part
   * @param subject the subject, or null for the body's first line
   * @return the new ticket's id
   */
  public long createTicket(String email, String name, String subject, String body, List<String> tags) {
    ObjectNode in = Json.obj().put("requester_email", email).put("requester_name", name)
        .put("subject", subject).put("body", body);
    in.set("tags", Json.arr(tags));
    return send("POST", "/tickets", in).get("ticket_id").asLong();
  }

  /** As {@link #createTicket(String, String, String, String, List)} without tags. */
  public long createTicket(String email, String name, String subject, String body) {
    return createTicket(email, name, subject, body, List.of());
  }

  /** The ticket's requester adds a public comment; returns the comment id. */
  public long customerComments(long ticketId, String body) {
    return send("POST", "/tickets/" + ticketId + "/comments", Json.obj().put("body", body))
        .get("comment_id").asLong();
  }

  /** An agent comments in the agent workspace; returns the comment id. */
  public long agentComments(long ticketId, long agentId, String body, boolean isPublic) {
    return send("POST", "/tickets/" + ticketId + "/comments", Json.obj().put("body", body)
        .put("as", "agent").put("agent_id", agentId).put("public", isPublic)).get("comment_id").asLong();
  }

  /**
   * The ticket's requester answers the satisfaction survey ({@code good} or {@code bad}, comment optional) on a solved
   * ticket, as {@link SatisfactionRatings#rate}; returns the rating's id.
   */
  public long rate(long ticketId, boolean good, String comment) {
    var body = Json.obj().put("score", good ? "good" : "bad");
    if (comment != null && !comment.isBlank()) {
      body.put("comment", comment);
    }
    return send("POST", "/tickets/" + ticketId + "/satisfaction", body).get("satisfaction_rating_id").asLong();
  }

  // ---------------------------------------------------------------- faults

  /** The next {@code count} API requests get {@code status}, as {@link ZendeskFake#failNext}. */
  public void failNext(int count, int status, Integer retryAfterSeconds) {
    send("POST", "/faults/fail-next", Json.obj().put("count", count).put("status", status)
        .put("retry_after", retryAfterSeconds));
  }

  /** A share of API requests get {@code status}, as {@link ZendeskFake#failRandomly}. */
  public void failShare(double share, int status, Integer retryAfterSeconds) {
    send("POST", "/faults/fail-share", Json.obj().put("share", share).put("status", status)
        .put("retry_after", retryAfterSeconds));
  }

  /** Adds a fault rule for API requests, as {@link ZendeskFake#injectFault}. */
  public void injectFault(FaultRule rule) {
    ObjectNode in = Json.obj().put("method", rule.method())
        .put("path", rule.path() == null ? null : rule.path().pattern()).put("nth", rule.nth())
        .put("times", rule.times());
    if (rule.fault() instanceof Fault.Status s) {
      in.put("status", s.status()).put("retry_after", s.retryAfterSeconds());
    } else if (rule.fault() instanceof Fault.Delay d) {
      in.put("delay_millis", d.delay().toMillis());
    } else {
      Fault.SoapFault f = (Fault.SoapFault) rule.fault();
      if (f.detail() != null) {
        throw new IllegalArgumentException("a SOAP fault's detail cannot be sent to the control endpoint");
      }
      in.put("faultcode", f.faultcode()).put("faultstring", f.faultstring()).put("namespace", f.namespaceUri());
    }
    send("POST", "/faults/rule", in);
  }

  /** Delays every later API response, as {@link ZendeskFake#delayResponses}. */
  public void delayResponses(Duration delay) {
    send("POST", "/faults/delay", Json.obj().put("millis", delay.toMillis()));
  }

  /** Stops all API faults and delays. */
  public void clearFaults() {
    send("DELETE", "/faults", null);
  }

  /** Back to the seeded state, as {@link ZendeskFake#reset()}. */
  public void reset() {
    send("POST", "/reset", Json.obj());
  }

  // ---------------------------------------------------------------- state

  /** Every ticket, by id. */
  public List<TicketView> tickets() {
    List<TicketView> out = new ArrayList<>();
    send("GET", "/tickets", null).path("tickets").forEach(t -> out.add(ticket(t)));
    return out;
  }

  /** The ticket's comments in creation order. @throws IllegalArgumentException for an unknown ticket */
  public List<CommentView> comments(long ticketId) {
    List<CommentView> out = new ArrayList<>();
    send("GET", "/tickets/" + ticketId, null).path("comments").forEach(c -> out.add(new CommentView(
        c.get("id").asLong(), c.get("author_id").asLong(), c.get("body").asText(),
        c.get("public").asBoolean(), Instant.parse(c.get("created_at").asText()), c.get("via").asText(),
        Instant.parse(c.get("stored_at").asText()))));
    return out;
  }

  /** Authenticated API requests served since start or reset. */
  public int apiCalls() {
    return send("GET", "/state", null).get("api_calls").asInt();
  }

  /** Requests the fake does not serve, as {@code "METHOD url"}. */
  public List<String> unmatchedRequests() {
    return Json.strings(send("GET", "/state", null).path("unmatched_requests"));
  }

  /** Every webhook delivery attempt so far. */
  public List<DeliveryRecord> deliveries() {
    List<DeliveryRecord> out = new ArrayList<>();
    send("GET", "/deliveries", null).path("deliveries").forEach(d -> out.add(new DeliveryRecord(
        d.get("webhook_id").asText(), d.get("event_id").asText(), d.get("invocation_id").asLong(),
        d.get("attempt").asInt(), d.get("status").asInt(), d.get("body").asText(), d.get("ticket_id").asLong(),
        Instant.parse(d.get("sent_at").asText()), Duration.ofMillis(d.get("elapsed_ms").asLong()))));
    return out;
  }

  private static TicketView ticket(JsonNode t) {
    return new TicketView(t.get("id").asLong(), t.get("subject").asText(), t.get("status").asText(),
        Json.text(t, "priority"), Json.text(t, "type"), t.get("requester_id").asLong(),
        t.get("submitter_id").asLong(), t.hasNonNull("assignee_id") ? t.get("assignee_id").asLong() : null,
        t.hasNonNull("group_id") ? t.get("group_id").asLong() : null, Json.strings(t.path("tags")),
        t.get("via").asText(), Instant.parse(t.get("created_at").asText()),
        Instant.parse(t.get("updated_at").asText()));
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + ControlApi.PREFIX + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("the Zendesk fake at " + base + " cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the Zendesk fake", e);
    }
    JsonNode answer;
    try {
      answer = Json.parse(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": the fake answered " + response.statusCode()
          + " with a body that is not JSON");
    }
    int status = response.statusCode();
    if (status >= 400) {
      String reason = method + " " + ControlApi.PREFIX + path + " -> " + status + " " + answer;
      throw status == 422 ? new IllegalStateException(reason) : new IllegalArgumentException(reason);
    }
    return answer;
  }
}
