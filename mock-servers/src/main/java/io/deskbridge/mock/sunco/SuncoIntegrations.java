package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.sunco.SuncoViews.Webhook;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's custom integrations and their webhooks through the API (the spec's "Integrations" and "Webhooks" tags):
 * {@code GET|POST integrations}, {@code GET|DELETE integrations/{id}}, {@code GET|POST integrations/{id}/webhooks},
 * {@code GET|PATCH|DELETE integrations/{id}/webhooks/{webhookId}}. A webhook's {@code secret} is in the answer to
 * its creation only (with the integration's creation too), as SunCo's; reads and updates leave it out. Deleting an
 * integration deletes its webhooks (its switchboard integration stays: delete that first). Webhooks deliver through
 * {@link SuncoWebhooks}. <b>Seeded</b>: the bot's custom integration ({@code displayName} {@code deskbridge}), whose
 * webhooks {@link SuncoFake#subscribe} makes. <b>Fake's choices</b>: only {@code type: custom} can be made; the list
 * is one page ({@code meta.hasMore: false}); triggers are any non-empty list of strings.
 *
 * <p>Thread-safe: guarded by this object's monitor; lock order API → integrations → webhooks.
 */
final class SuncoIntegrations {
  private record Integration(String id, String displayName) {}

  private final SuncoIds ids;
  private final SuncoWebhooks webhooks;
  private final Map<String, Integration> integrations = new LinkedHashMap<>();

  SuncoIntegrations(SuncoIds ids, SuncoWebhooks webhooks) {
    this.ids = ids;
    this.webhooks = webhooks;
    seed();
  }

  private void seed() {
    String bot = ids.fixed(SuncoIds.BOT_INTEGRATION);
    integrations.put(bot, new Integration(bot, SuncoFake.BOT));
  }

  synchronized void reset() {
    integrations.clear();
    seed();
  }

  synchronized ObjectNode list() {
    ObjectNode out = SuncoJson.obj();
    ArrayNode list = out.putArray("integrations");
    integrations.values().forEach(i -> list.add(json(i, false, List.of())));
    out.putObject("meta").put("hasMore", false);
    out.putObject("links");
    return out;
  }

  /** {@code POST integrations}: {@code type: custom}, {@code displayName}, optional {@code webhooks}; 201 body. */
  synchronized ObjectNode create(JsonNode body) {
    if (!"custom".equals(body.path("type").asText())) {
      throw SuncoError.badRequest("The fake makes only integrations of type custom");
    }
    String name = body.path("displayName").asText("");
    if (name.isBlank() || name.length() > 100) {
      throw SuncoError.badRequest("displayName is required (up to 100 characters)");
    }
    JsonNode hooks = body.path("webhooks");
    if (!hooks.isMissingNode() && !hooks.isArray()) {
      throw SuncoError.badRequest("webhooks must be an array");
    }
    List<Parsed> parsed = new ArrayList<>();
    hooks.forEach(h -> parsed.add(parse(h, null)));
    if (webhooks.webhooks().size() + parsed.size() > 10) {
      throw SuncoError.badRequest("An app can have at most 10 webhooks");
    }
    Integration i = new Integration(ids.next(), name);
    integrations.put(i.id(), i);
    List<Webhook> made = parsed.stream().map(p -> webhooks.add(i.id(), p.target(), p.triggers(), p.fullUser(),
        p.fullSource())).toList();
    ObjectNode out = SuncoJson.obj();
    out.set("integration", json(i, true, made));
    return out;
  }

  synchronized ObjectNode get(String id) {
    ObjectNode out = SuncoJson.obj();
    out.set("integration", json(require(id), false, webhooks.of(id)));
    return out;
  }

  synchronized void delete(String id) {
    require(id);
    webhooks.of(id).forEach(w -> webhooks.remove(w.id()));
    integrations.remove(id);
  }

  synchronized ObjectNode listWebhooks(String integrationId) {
    require(integrationId);
    ObjectNode out = SuncoJson.obj();
    ArrayNode list = out.putArray("webhooks");
    webhooks.of(integrationId).forEach(w -> list.add(webhookJson(w, false)));
    return out;
  }

  synchronized ObjectNode createWebhook(String integrationId, JsonNode body) {
    require(integrationId);
    Parsed p = parse(body, null);
    ObjectNode out = SuncoJson.obj();
    out.set("webhook", webhookJson(webhooks.add(integrationId, p.target(), p.triggers(), p.fullUser(),
        p.fullSource()), true));
    return out;
  }

  synchronized ObjectNode getWebhook(String integrationId, String webhookId) {
    ObjectNode out = SuncoJson.obj();
    out.set("webhook", webhookJson(requireWebhook(integrationId, webhookId), false));
    return out;
  }

  /** {@code PATCH}: the fields given replace the webhook's; the secret stays. */
  synchronized ObjectNode updateWebhook(String integrationId, String webhookId, JsonNode body) {
    Webhook old = requireWebhook(integrationId, webhookId);
    Parsed p = parse(body, old);
    Webhook w = new Webhook(old.id(), old.integrationId(), p.target(), p.triggers(), old.secret(), p.fullUser(),
        p.fullSource());
    webhooks.replace(w);
    ObjectNode out = SuncoJson.obj();
    out.set("webhook", webhookJson(w, false));
    return out;
  }

  synchronized void deleteWebhook(String integrationId, String webhookId) {
    webhooks.remove(requireWebhook(integrationId, webhookId).id());
  }

  private record Parsed(URI target, List<String> triggers, boolean fullUser, boolean fullSource) {}

  /** A webhook body; with {@code old} (a PATCH) the absent fields keep its values. */
  private static Parsed parse(JsonNode h, Webhook old) {
    if (!h.isObject()) {
      throw SuncoError.badRequest("A webhook must be an object");
    }
    URI target = old == null ? null : old.target();
    if (h.has("target") || old == null) {
      String t = h.path("target").asText("");
      try {
        target = URI.create(t);
      } catch (IllegalArgumentException e) {
        target = null;
      }
      if (target == null || !target.isAbsolute() || !List.of("http", "https").contains(target.getScheme())) {
        throw SuncoError.badRequest("target must be an http or https URL, was '" + t + "'");
      }
    }
    List<String> triggers = old == null ? null : old.triggers();
    if (h.has("triggers") || old == null) {
      JsonNode ts = h.path("triggers");
      if (!ts.isArray() || ts.isEmpty()) {
        throw SuncoError.badRequest("triggers must be a non-empty array");
      }
      List<String> list = new ArrayList<>();
      ts.forEach(t -> list.add(t.asText()));
      triggers = list;
    }
    boolean fullUser = h.has("includeFullUser") ? h.get("includeFullUser").asBoolean()
        : old != null && old.includeFullUser();
    boolean fullSource = h.has("includeFullSource") ? h.get("includeFullSource").asBoolean()
        : old != null && old.includeFullSource();
    return new Parsed(target, triggers, fullUser, fullSource);
  }

  private Integration require(String id) {
    Integration i = integrations.get(id);
    if (i == null) {
      throw new SuncoError(404, "not_found", "Integration not found");
    }
    return i;
  }

  private Webhook requireWebhook(String integrationId, String webhookId) {
    require(integrationId);
    return webhooks.of(integrationId).stream().filter(w -> w.id().equals(webhookId)).findFirst()
        .orElseThrow(() -> new SuncoError(404, "not_found", "Webhook not found"));
  }

  private static ObjectNode json(Integration i, boolean withSecrets, List<Webhook> hooks) {
    ObjectNode n = SuncoJson.obj().put("id", i.id()).put("type", "custom").put("status", "active")
        .put("displayName", i.displayName());
    if (!hooks.isEmpty()) {
      ArrayNode list = n.putArray("webhooks");
      hooks.forEach(w -> list.add(webhookJson(w, withSecrets)));
    }
    return n;
  }

  private static ObjectNode webhookJson(Webhook w, boolean withSecret) {
    ObjectNode n = SuncoJson.obj().put("id", w.id()).put("version", "v2").put("target", w.target().toString());
    ArrayNode ts = n.putArray("triggers");
    w.triggers().forEach(ts::add);
    if (withSecret) {
      n.put("secret", w.secret());
    }
    n.put("includeFullUser", w.includeFullUser()).put("includeFullSource", w.includeFullSource());
    return n;
  }
}
