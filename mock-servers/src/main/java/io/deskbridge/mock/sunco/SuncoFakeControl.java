package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A client for a SunCo fake's {@code /__control} endpoints (mock-servers README): it acts as customers and agents,
 * subscribes webhooks and injects API faults in a fake running in this process ({@link SuncoFake#control()}) or in
 * another one ({@link #at(String)}). The endpoints call the same {@link SuncoFake} methods as Java callers.
 *
 * <p>Errors: an answer of 4xx throws {@link IllegalArgumentException} with the fake's reason; an unreachable fake
 * throws {@link UncheckedIOException}. Thread-safe and immutable.
 */
public final class SuncoFakeControl {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  private SuncoFakeControl(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A client for the fake at this base URL (without {@code /sc}), e.g. {@code http://localhost:8092}. */
  public static SuncoFakeControl at(String baseUrl) {
    return new SuncoFakeControl(Objects.requireNonNull(baseUrl, "baseUrl"));
  }

  /** As {@link SuncoFake#customerStarts}; {@code email} and {@code text} may be null. */
  public SuncoFake.Started customerStarts(String name, String email, String text) {
    ObjectNode in = SuncoJson.obj().put("name", name);
    if (email != null) {
      in.put("email", email);
    }
    if (text != null) {
      in.put("text", text);
    }
    JsonNode out = send("POST", "/conversations", in);
    return new SuncoFake.Started(out.get("conversation_id").asText(), out.get("user_id").asText(),
        out.path("message_id").isNull() ? null : out.path("message_id").asText());
  }

  /** As {@link SuncoFake#customerSends}. */
  public String customerSends(String conversationId, String text) {
    return send("POST", "/conversations/" + conversationId + "/messages", SuncoJson.obj().put("text", text))
        .get("message_id").asText();
  }

  /** As {@link SuncoFake#agentReplies}. */
  public String agentReplies(String conversationId, String agentName, String text) {
    return send("POST", "/conversations/" + conversationId + "/messages", SuncoJson.obj().put("text", text)
        .put("as", "agent").put("agent", agentName)).get("message_id").asText();
  }

  /** As {@link SuncoFake#agentClosesTicket}. */
  public void agentClosesTicket(String conversationId) {
    send("POST", "/conversations/" + conversationId + "/close", null);
  }

  /** As {@link SuncoFake#agentReleases}. */
  public void agentReleases(String conversationId, String reasonOrNull) {
    ObjectNode in = SuncoJson.obj();
    if (reasonOrNull != null) {
      in.put("reason", reasonOrNull);
    }
    send("POST", "/conversations/" + conversationId + "/release", in);
  }

  /** The conversation as {@code GET /__control/conversations/{id}} shows it (messages, control history, counts). */
  public JsonNode conversation(String conversationId) {
    return send("GET", "/conversations/" + conversationId, null);
  }

  /** As {@link SuncoFake#subscribe(URI)}; returns the webhook's secret (its {@code X-API-Key}). */
  public String subscribe(URI target) {
    return send("POST", "/webhooks", SuncoJson.obj().put("target", target.toString())).get("secret").asText();
  }

  /** As {@link SuncoFake#failNext}. */
  public void failNext(int count, int status, Integer retryAfterSecondsOrNull) {
    ObjectNode in = SuncoJson.obj().put("count", count).put("status", status);
    if (retryAfterSecondsOrNull != null) {
      in.put("retry_after", retryAfterSecondsOrNull);
    }
    send("POST", "/faults/fail-next", in);
  }

  /** Authenticated API calls served so far. */
  public int apiCalls() {
    return send("GET", "/state", null).get("api_calls").asInt();
  }

  /** The account: API URL, app id, the connector's key id and secret, the switchboard. */
  public JsonNode account() {
    return send("GET", "", null);
  }

  /** As {@link SuncoFake#reset}. */
  public void reset() {
    send("POST", "/reset", null);
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + SuncoControl.PREFIX + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(SuncoJson.bytes(body)));
    HttpResponse<byte[]> r;
    try {
      r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("the SunCo fake at " + base + " is not reachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode out;
    try {
      out = r.body().length == 0 ? SuncoJson.obj() : SuncoJson.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("the SunCo fake answered " + r.statusCode() + " without JSON");
    }
    if (r.statusCode() >= 400) {
      throw new IllegalArgumentException(method + " " + path + ": " + r.statusCode() + " "
          + out.path("error").asText(out.toString()));
    }
    return out;
  }
}
