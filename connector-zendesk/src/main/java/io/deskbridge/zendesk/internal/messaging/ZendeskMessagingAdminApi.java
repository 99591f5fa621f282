package io.deskbridge.zendesk.internal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.zendesk.ZendeskMessagingConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Conversations API calls {@code install} needs (zendesk.md §3.2, §3.4): custom integrations and their webhooks,
 * the switchboard and its switchboard integrations. A refused key (401) or app (403) and an URL without the API (404
 * on the switchboards, no answer) are a {@link ConfigException} naming the setting; any other refusal a
 * {@link ZendeskMessagingApiException} with SunCo's status, code and title. Thread-safe.
 */
public final class ZendeskMessagingAdminApi implements AutoCloseable {
  /** A custom integration. */
  public record Integration(String id, String displayName) {}

  /** A webhook as SunCo lists it (without its secret, which only its creation answers). */
  public record Webhook(String id, String target, List<String> triggers, boolean includeFullUser,
      boolean includeFullSource) {}

  /** A webhook just made, with its secret. {@link #toString()} hides the secret. */
  public record Made(String integrationId, String webhookId, Secret secret) {}

  /** A switchboard integration. */
  public record SwitchboardIntegration(String id, String name, String integrationId, String integrationType,
      boolean deliverStandbyEvents, String nextSwitchboardIntegrationId) {}

  /** The app's switchboard. */
  public record Switchboard(String id, String defaultSwitchboardIntegrationId) {}

  private final ZendeskMessagingConfig config;
  private final String settingsPath;
  private final ZendeskMessagingHttp http;

  /**
   * @param config       the installation's settings; its {@code webhookSecret} is not used (install may be what
   *                     writes it)
   * @param settingsPath where the settings are, e.g. {@code installations[acme].settings}, for the errors
   */
  public ZendeskMessagingAdminApi(ZendeskMessagingConfig config, String settingsPath) {
    this.config = config;
    this.settingsPath = settingsPath;
    this.http = new ZendeskMessagingHttp(config);
  }

  /** Every custom integration of the app ({@code filter[types]=custom}, every page). */
  public List<Integration> integrations() {
    var out = new ArrayList<Integration>();
    String after = null;
    do {
      String path = "integrations?filter%5Btypes%5D=custom"
          + (after == null ? "" : "&page%5Bafter%5D=" + ZendeskMessagingHttp.encode(after));
      JsonNode page = call(() -> http.get("listIntegrations", path));
      JsonNode list = page.path("integrations");
      list.forEach(i -> {
        if ("custom".equals(i.path("type").asText())) {
          out.add(new Integration(i.path("id").asText(), i.path("displayName").asText("")));
        }
      });
      after = page.path("meta").path("hasMore").asBoolean(false) && !list.isEmpty()
          ? list.get(list.size() - 1).path("id").asText() : null;
    } while (after != null);
    return out;
  }

  /** Makes a custom integration named {@code displayName} with one webhook. */
  public Made createIntegration(String displayName, Webhook webhook) {
    ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode().put("type", "custom")
        .put("displayName", displayName);
    body.putArray("webhooks").add(webhookBody(webhook));
    JsonNode i = call(() -> http.post("createIntegration", "integrations", body)).path("integration");
    JsonNode w = i.path("webhooks").path(0);
    return new Made(i.path("id").asText(), w.path("id").asText(), Secret.of(w.path("secret").asText()));
  }

  public void deleteIntegration(String integrationId) {
    call(() -> http.delete("deleteIntegration", "integrations/" + ZendeskMessagingHttp.encode(integrationId)));
  }

  public List<Webhook> webhooks(String integrationId) {
    var out = new ArrayList<Webhook>();
    call(() -> http.get("listWebhooks", "integrations/" + ZendeskMessagingHttp.encode(integrationId) + "/webhooks"))
        .path("webhooks").forEach(w -> out.add(webhook(w)));
    return out;
  }

  public Made createWebhook(String integrationId, Webhook webhook) {
    JsonNode w = call(() -> http.post("createWebhook", "integrations/" + ZendeskMessagingHttp.encode(integrationId)
        + "/webhooks", webhookBody(webhook))).path("webhook");
    return new Made(integrationId, w.path("id").asText(), Secret.of(w.path("secret").asText()));
  }

  /** Puts target, triggers and the two flags of {@code webhook} on the webhook {@code webhookId}. */
  public void updateWebhook(String integrationId, String webhookId, Webhook webhook) {
    call(() -> http.patch("updateWebhook", "integrations/" + ZendeskMessagingHttp.encode(integrationId)
        + "/webhooks/" + ZendeskMessagingHttp.encode(webhookId), webhookBody(webhook)));
  }

  public void deleteWebhook(String integrationId, String webhookId) {
    call(() -> http.delete("deleteWebhook", "integrations/" + ZendeskMessagingHttp.encode(integrationId)
        + "/webhooks/" + ZendeskMessagingHttp.encode(webhookId)));
  }

  /** The app's switchboard; a {@link ConfigException} naming {@code appId} when messaging has none. */
  public Switchboard switchboard() {
    JsonNode list;
    try {
      list = call(() -> http.get("switchboards", "switchboards")).path("switchboards");
    } catch (ZendeskMessagingApiException e) {
      if (e.status() == 404) {
        throw new ConfigException(config.url() + " has no Conversations API for app " + config.appId()
            + " (HTTP 404): set " + settingsPath + ".url to https://{subdomain}.zendesk.com/sc and " + settingsPath
            + ".appId to the app's id", e);
      }
      throw e;
    }
    if (!list.isArray() || list.isEmpty()) {
      throw new ConfigException("the SunCo app " + config.appId() + " has no switchboard: turn on Zendesk messaging "
          + "for it (Admin Center > Channels > Messaging) or set " + settingsPath + ".appId to the messaging app");
    }
    return new Switchboard(list.path(0).path("id").asText(),
        list.path(0).path("defaultSwitchboardIntegrationId").asText(""));
  }

  /** Makes {@code switchboardIntegrationId} the switchboard's default: new conversations start with it. */
  public void setDefault(String switchboardId, String switchboardIntegrationId) {
    ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode()
        .put("defaultSwitchboardIntegrationId", switchboardIntegrationId);
    call(() -> http.patch("updateSwitchboard", "switchboards/" + ZendeskMessagingHttp.encode(switchboardId), body));
  }

  public List<SwitchboardIntegration> switchboardIntegrations(String switchboardId) {
    var out = new ArrayList<SwitchboardIntegration>();
    call(() -> http.get("switchboardIntegrations", sbPath(switchboardId, null))).path("switchboardIntegrations")
        .forEach(s -> out.add(new SwitchboardIntegration(s.path("id").asText(), s.path("name").asText(""),
            s.path("integrationId").asText(""), s.path("integrationType").asText(""),
            s.path("deliverStandbyEvents").asBoolean(true),
            s.hasNonNull("nextSwitchboardIntegrationId") ? s.path("nextSwitchboardIntegrationId").asText() : null)));
    return out;
  }

  /** Makes a switchboard integration; the answer's id. */
  public String createSwitchboardIntegration(String switchboardId, SwitchboardIntegration wanted) {
    ObjectNode body = sbBody(wanted).put("integrationId", wanted.integrationId());
    return call(() -> http.post("createSwitchboardIntegration", sbPath(switchboardId, null), body))
        .path("switchboardIntegration").path("id").asText();
  }

  /** Puts name, {@code deliverStandbyEvents} and {@code nextSwitchboardIntegrationId} of {@code wanted} on it. */
  public void updateSwitchboardIntegration(String switchboardId, String id, SwitchboardIntegration wanted) {
    call(() -> http.patch("updateSwitchboardIntegration", sbPath(switchboardId, id), sbBody(wanted)));
  }

  public void deleteSwitchboardIntegration(String switchboardId, String id) {
    call(() -> http.delete("deleteSwitchboardIntegration", sbPath(switchboardId, id)));
  }

  private static String sbPath(String switchboardId, String id) {
    return "switchboards/" + ZendeskMessagingHttp.encode(switchboardId) + "/switchboardIntegrations"
        + (id == null ? "" : "/" + ZendeskMessagingHttp.encode(id));
  }

  private static ObjectNode sbBody(SwitchboardIntegration s) {
    ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode().put("name", s.name())
        .put("deliverStandbyEvents", s.deliverStandbyEvents());
    Optional.ofNullable(s.nextSwitchboardIntegrationId()).ifPresentOrElse(
        n -> body.put("nextSwitchboardIntegrationId", n), () -> body.putNull("nextSwitchboardIntegrationId"));
    return body;
  }

  private static ObjectNode webhookBody(Webhook w) {
    ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode().put("target", w.target());
    w.triggers().forEach(body.putArray("triggers")::add);
    return body.put("includeFullUser", w.includeFullUser()).put("includeFullSource", w.includeFullSource());
  }

  private static Webhook webhook(JsonNode w) {
    var triggers = new ArrayList<String>();
    w.path("triggers").forEach(t -> triggers.add(t.asText()));
    return new Webhook(w.path("id").asText(), w.path("target").asText(""), List.copyOf(triggers),
        w.path("includeFullUser").asBoolean(false), w.path("includeFullSource").asBoolean(false));
  }

  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ZendeskMessagingApiException e) {
      throw switch (e.status()) {
        case 401 -> new ConfigException("SunCo refused the app key (HTTP 401): set " + settingsPath + ".keyId and "
            + settingsPath + ".keySecret to a Conversations API key of app " + config.appId()
            + " (Admin Center > Apps and integrations > APIs > Conversations API)", e);
        case 403 -> new ConfigException("SunCo refused the key for app " + config.appId() + " (HTTP 403): set "
            + settingsPath + ".appId to the app the key belongs to", e);
        default -> e;
      };
    } catch (UncheckedIOException e) {
      throw new ConfigException("SunCo at " + config.url() + " did not answer (" + e.getMessage() + "): check "
          + settingsPath + ".url", e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
