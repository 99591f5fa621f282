package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client for a Daktela fake's {@code /__control} endpoints (mock-servers README): it acts as customers and agents,
 * subscribes webhooks and injects API faults in a fake running in this process ({@link DaktelaFake#control()}) or in
 * another one ({@link #at(String)}). The endpoints call the same {@link DaktelaFake} methods as Java callers.
 *
 * <p>Errors: an answer of 400 or 404 throws {@link IllegalArgumentException} with the fake's reason; an unreachable
 * fake throws {@link UncheckedIOException}. Thread-safe and immutable.
 */
public final class DaktelaFakeControl {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  private DaktelaFakeControl(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A client for the fake at this base URL (without {@code /api/v6}), e.g. {@code http://localhost:8091}. */
  public static DaktelaFakeControl at(String baseUrl) {
    return new DaktelaFakeControl(Objects.requireNonNull(baseUrl, "baseUrl"));
  }

  /** As {@link DaktelaFake#customerCreatesTicket}; {@code title} null takes the text's first line. */
  public String customerCreatesTicket(String email, String name, String title, String text) {
    ObjectNode in = Json.obj().put("email", email).put("text", text);
    if (name != null) {
      in.put("name", name);
    }
    if (title != null) {
      in.put("title", title);
    }
    return send("POST", "/tickets", in).path("ticket").path("name").asText();
  }

  /** As {@link DaktelaFake#customerEmails}. */
  public String customerEmails(String ticket, String text) {
    return send("POST", "/tickets/" + ticket + "/emails", Json.obj().put("text", text)).get("activity").asText();
  }

  /** As {@link DaktelaFake#agentEmails}. */
  public String agentEmails(String ticket, String login, String text) {
    return send("POST", "/tickets/" + ticket + "/emails", Json.obj().put("text", text).put("as", "agent")
        .put("login", login)).get("activity").asText();
  }

  /** As {@link DaktelaFake#agentComments}. */
  public String agentComments(String ticket, String login, String text) {
    return send("POST", "/tickets/" + ticket + "/comments", Json.obj().put("text", text).put("login", login))
        .get("activity").asText();
  }

  /** As {@link DaktelaFake#agentAssigns}. */
  public void agentAssigns(String ticket, String loginOrNull) {
    send("POST", "/tickets/" + ticket + "/assign", Json.obj().put("user", loginOrNull));
  }

  /** As {@link DaktelaFake#agentSetsCategory}. */
  public void agentSetsCategory(String ticket, String category) {
    send("POST", "/tickets/" + ticket + "/category", Json.obj().put("category", category));
  }

  /** As {@link DaktelaFake#agentCloses}. */
  public void agentCloses(String ticket) {
    send("POST", "/tickets/" + ticket + "/close", null);
  }

  /** Every ticket. */
  public List<DaktelaFake.TicketView> tickets() {
    List<DaktelaFake.TicketView> out = new ArrayList<>();
    send("GET", "/tickets", null).path("tickets").forEach(t -> out.add(ticket(t)));
    return out;
  }

  /** One ticket, or empty when the fake has none of that name. */
  public Optional<DaktelaFake.TicketView> ticket(String name) {
    try {
      return Optional.of(ticket(send("GET", "/tickets/" + name, null).get("ticket")));
    } catch (IllegalArgumentException notFound) {
      return Optional.empty();
    }
  }

  /** The ticket's activities in creation order. */
  public List<DaktelaFake.ActivityView> activities(String ticket) {
    List<DaktelaFake.ActivityView> out = new ArrayList<>();
    send("GET", "/tickets/" + ticket, null).path("activities").forEach(a -> out.add(new DaktelaFake.ActivityView(
        a.get("name").asText(), a.get("ticket").asText(), a.get("type").asText(), a.get("direction").asText(),
        a.get("user").asText(), a.get("title").asText(), a.get("text").asText(), a.get("time").asText(),
        Instant.parse(a.get("at").asText()))));
    return out;
  }

  /** Subscribes a webhook (as {@link DaktelaFake#subscribe}); returns the subscription id. */
  public String subscribe(DaktelaFake.Webhook webhook) {
    ObjectNode in = Json.obj().put("url", webhook.url().toString()).put("secret", webhook.secret())
        .put("secret_header", webhook.secretHeader()).put("form", webhook.form());
    ObjectNode templates = in.putObject("templates");
    webhook.templates().forEach(templates::put);
    return send("POST", "/webhooks", in).get("subscription").asText();
  }

  /** As {@link DaktelaFake#failNext}. */
  public void failNext(int count, int status, Duration retryAfterOrNull) {
    ObjectNode in = Json.obj().put("count", count).put("status", status);
    if (retryAfterOrNull != null) {
      in.put("retry_after", retryAfterOrNull.toSeconds());
    }
    send("POST", "/faults/fail-next", in);
  }

  /** As {@link DaktelaFake#failRandomly}. */
  public void failRandomly(double share, int status) {
    send("POST", "/faults/fail-share", Json.obj().put("share", share).put("status", status));
  }

  /** As {@link DaktelaFake#failNthWrite}. */
  public void failNthWrite(int nth, int status) {
    send("POST", "/faults/fail-nth-write", Json.obj().put("nth", nth).put("status", status));
  }

  /** As {@link DaktelaFake#delayResponses}. */
  public void delayResponses(Duration delay) {
    send("POST", "/faults/delay", Json.obj().put("millis", delay.toMillis()));
  }

  /** As {@link DaktelaFake#clearFaults}. */
  public void clearFaults() {
    send("DELETE", "/faults", null);
  }

  /** Authenticated API calls served so far. */
  public int apiCalls() {
    return send("GET", "/state", null).get("api_calls").asInt();
  }

  /** The fake's account: base URL, the connector's login and token, agents, categories. */
  public Map<String, Object> account() {
    return Json.MAPPER.convertValue(send("GET", "", null), Json.MAPPER.getTypeFactory()
        .constructMapType(Map.class, String.class, Object.class));
  }

  /** As {@link DaktelaFake#reset}. */
  public void reset() {
    send("POST", "/reset", null);
  }

  private static DaktelaFake.TicketView ticket(JsonNode t) {
    return new DaktelaFake.TicketView(t.get("name").asText(), t.get("title").asText(), t.get("category").asText(),
        t.get("user").asText(), t.get("stage").asText(), t.get("email").asText(), t.get("created").asText(),
        t.get("edited").asText());
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + DaktelaControl.PREFIX + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
    HttpResponse<byte[]> r;
    try {
      r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("the Daktela fake at " + base + " is not reachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode out;
    try {
      out = r.body().length == 0 ? Json.obj() : Json.parse(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("the Daktela fake answered " + r.statusCode() + " without JSON");
    }
    if (r.statusCode() >= 400) {
      throw new IllegalArgumentException(method + " " + path + ": " + r.statusCode() + " "
          + out.path("error").asText(out.toString()));
    }
    return out;
  }
}
