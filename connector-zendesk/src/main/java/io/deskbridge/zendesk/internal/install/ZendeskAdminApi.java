package io.deskbridge.zendesk.internal.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.error.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Trigger;

/**
 * The Zendesk admin calls {@code install} needs. Triggers go through zendesk-java-client ({@code getTriggers},
 * {@code createTrigger}, {@code updateTrigger}, {@code deleteTrigger}); the client has no webhooks API (zendesk.md
 * §7.4), so {@code /api/v2/webhooks} is a small JSON client over {@code java.net.http} with the same API-token Basic
 * auth. A refused token (401), a user who may not manage webhooks and triggers (403, Zendesk allows admins only) or an
 * account URL without the API (404, unknown host) is a {@link ConfigException} naming the setting; any other refusal
 * an {@link IllegalStateException} with Zendesk's status and reason. Thread-safe.
 */
public final class ZendeskAdminApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The only subscription of a webhook connected to triggers (§1.1). */
  public static final String CONDITIONAL = "conditional_ticket_events";

  /**
   * A webhook as Zendesk lists it.
   *
   * @param subscriptions its event types, or {@value #CONDITIONAL} for one connected to triggers
   */
  public record Webhook(String id, String name, String status, String endpoint, String httpMethod,
      String requestFormat, List<String> subscriptions) {}

  /** What the endpoint answered a test delivery: its status (0 when Zendesk could not reach it) and body. */
  public record TestResult(int status, String payload) {}

  private final URI url;
  private final String email;
  private final Secret token;
  private final Duration timeout;
  private final String settingsPath;
  private final HttpClient http;
  private final AsyncHttpClient ahc;
  private final Zendesk zendesk;

  /**
   * @param settingsPath where the settings are, e.g. {@code installations[acme].settings}, for the errors
   */
  public ZendeskAdminApi(URI url, String email, Secret token, Duration timeout, String settingsPath) {
    this.url = URI.create(url.toString().replaceAll("/+$", ""));
    this.email = email;
    this.token = token;
    this.timeout = timeout;
    this.settingsPath = settingsPath;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.ahc = new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder().setConnectTimeout(timeout)
        .setRequestTimeout(timeout).setReadTimeout(timeout).setFollowRedirect(false).build());
    this.zendesk = new Zendesk.Builder(this.url.toString()).setClient(ahc).setUsername(email)
        .setToken(token.reveal()).build();
  }

  /** The webhooks whose name contains {@code name} ({@code filter[name_contains]}), every page. */
  public List<Webhook> webhooks(String name) {
    var out = new ArrayList<Webhook>();
    String next = url + "/api/v2/webhooks?page%5Bsize%5D=100&filter%5Bname_contains%5D="
        + URLEncoder.encode(name, StandardCharsets.UTF_8);
    while (next != null) {
      JsonNode page = call("GET", URI.create(next), null);
      page.path("webhooks").forEach(w -> out.add(webhook(w)));
      next = page.path("meta").path("has_more").asBoolean(false) && page.path("links").hasNonNull("next")
          ? page.path("links").path("next").asText() : null;
    }
    return out;
  }

  /** {@code POST /api/v2/webhooks}: an active POST/json webhook connected to triggers. */
  public Webhook createWebhook(String name, URI endpoint) {
    return webhook(call("POST", api("webhooks"), body(name, endpoint)).path("webhook"));
  }

  /** {@code PUT /api/v2/webhooks/{id}}: as {@link #createWebhook} would make it. */
  public void updateWebhook(String id, String name, URI endpoint) {
    call("PUT", api("webhooks/" + id), body(name, endpoint));
  }

  public void deleteWebhook(String id) {
    call("DELETE", api("webhooks/" + id), null);
  }

  /** {@code GET /api/v2/webhooks/{id}/signing_secret}: the secret its deliveries are signed with. */
  public Secret signingSecret(String id) {
    String secret = call("GET", api("webhooks/" + id + "/signing_secret"), null).path("signing_secret")
        .path("secret").asText("");
    if (secret.isBlank()) {
      throw new IllegalStateException("Zendesk gave no signing secret for webhook " + id);
    }
    return Secret.of(secret);
  }

  /**
   * {@code POST /api/v2/webhooks/test?webhook_id={id}}: Zendesk sends {@code payload} once to the webhook's endpoint,
   * signed with its secret, and says what the endpoint answered.
   */
  public TestResult test(String id, String payload) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("request").put("http_method", "POST").put("request_format", "json").put("payload", payload);
    JsonNode r = call("POST", api("webhooks/test?webhook_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)), body)
        .path("response");
    return new TestResult(r.path("status").asInt(0), r.path("payload").asText(""));
  }

  /** Every trigger of the account, through zendesk-java-client. */
  public List<Trigger> triggers() {
    return sdk(() -> StreamSupport.stream(zendesk.getTriggers().spliterator(), false).toList(), "GET triggers");
  }

  public Trigger createTrigger(Trigger trigger) {
    return sdk(() -> zendesk.createTrigger(trigger), "POST triggers");
  }

  public Trigger updateTrigger(Trigger trigger) {
    return sdk(() -> zendesk.updateTrigger(trigger.getId(), trigger), "PUT triggers/" + trigger.getId());
  }

  public void deleteTrigger(long id) {
    sdk(() -> {
      zendesk.deleteTrigger(id);
      return null;
    }, "DELETE triggers/" + id);
  }

  @Override
  public void close() {
    zendesk.close();
    try {
      ahc.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  private static ObjectNode body(String name, URI endpoint) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode w = body.putObject("webhook").put("name", name).put("status", "active")
        .put("endpoint", endpoint.toString()).put("http_method", "POST").put("request_format", "json")
        .put("description", "Made by deskbridge install; deskbridge uninstall removes it");
    w.putArray("subscriptions").add(CONDITIONAL);
    return body;
  }

  private static Webhook webhook(JsonNode w) {
    var subs = new ArrayList<String>();
    w.path("subscriptions").forEach(s -> subs.add(s.asText()));
    return new Webhook(w.path("id").asText(), w.path("name").asText(), w.path("status").asText(),
        w.path("endpoint").asText(), w.path("http_method").asText(), w.path("request_format").asText(),
        List.copyOf(subs));
  }

  private URI api(String path) {
    return URI.create(url + "/api/v2/" + path);
  }

  private JsonNode call(String method, URI uri, JsonNode body) {
    var request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + token.reveal())
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling Zendesk", e);
    }
    int status = response.statusCode();
    if (status >= 300) {
      throw refused(status, method + " " + uri.getPath(), response.body());
    }
    try {
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Zendesk answered " + method + " " + uri.getPath() + " with no JSON", e);
    }
  }

  private <T> T sdk(java.util.function.Supplier<T> call, String what) {
    try {
      return call.get();
    } catch (ZendeskResponseException e) {
      throw refused(e.getStatusCode(), what, e.getBody());
    } catch (ZendeskException e) {
      throw unreachable(e);
    }
  }

  private RuntimeException refused(int status, String what, String body) {
    return switch (status) {
      case 401 -> new ConfigException("Zendesk refused the API token for " + email + " (HTTP 401): set " + settingsPath
          + ".apiToken to an active API token and " + settingsPath + ".email to the user it authenticates as");
      case 403 -> new ConfigException("Zendesk does not let " + email + " manage webhooks and triggers (HTTP 403 on "
          + what + "): install needs an admin; make " + settingsPath + ".email an admin, or run install with an "
          + "admin's e-mail and token in a copy of the configuration");
      case 404 -> what.startsWith("GET") && what.contains("/webhooks") || what.startsWith("GET triggers")
          ? new ConfigException(url + " has no Zendesk API (HTTP 404 on " + what + "): set " + settingsPath
              + ".url to https://{subdomain}.zendesk.com")
          : new IllegalStateException("Zendesk answered 404 to " + what + " (deleted meanwhile?): " + reason(body));
      default -> new IllegalStateException("Zendesk answered " + status + " to " + what + ": " + reason(body));
    };
  }

  private RuntimeException unreachable(Exception e) {
    Throwable t = e;
    while (t != null && !(t instanceof UnknownHostException)) {
      t = t.getCause();
    }
    if (t != null) {
      return new ConfigException("the host of " + url + " is unknown: set " + settingsPath
          + ".url to https://{subdomain}.zendesk.com (or check this machine's DNS)", e);
    }
    return new IllegalStateException("cannot reach Zendesk at " + url + ": " + e.getMessage(), e);
  }

  /** Zendesk's reason, shortened: its {@code description} or {@code details}, else the body's start. */
  private static String reason(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
