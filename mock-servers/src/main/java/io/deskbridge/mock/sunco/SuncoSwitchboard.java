package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The app's one switchboard and its integrations (the spec's Switchboards and Switchboard Integrations resources):
 * seeded with the bot's integration (the default) and the agent workspace's, each the other's {@code next}; listed,
 * created (at most 10, unique names), updated and deleted with the spec's 400 and 404 answers; and the lookup of a
 * control action's target. Conversations' control state stays in {@link SuncoModel}, which holds its lock around
 * every call: this class is not thread-safe by itself.
 */
final class SuncoSwitchboard {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /** A switchboard integration; its mutable fields change only through this switchboard. */
  static final class SwitchboardIntegration {
    final String id;
    String name;
    final String integrationId;
    final String integrationType;
    boolean deliverStandbyEvents;
    String nextId;
    Integer messageHistoryCount;

    SwitchboardIntegration(String id, String name, String integrationId, String integrationType,
        boolean deliverStandbyEvents, String nextId, Integer messageHistoryCount) {
      this.id = id;
      this.name = name;
      this.integrationId = integrationId;
      this.integrationType = integrationType;
      this.deliverStandbyEvents = deliverStandbyEvents;
      this.nextId = nextId;
      this.messageHistoryCount = messageHistoryCount;
    }

    ObjectNode json() {
      ObjectNode n = webhookJson().put("deliverStandbyEvents", deliverStandbyEvents);
      if (nextId == null) {
        n.putNull("nextSwitchboardIntegrationId");
      } else {
        n.put("nextSwitchboardIntegrationId", nextId);
      }
      if (messageHistoryCount != null) {
        n.put("messageHistoryCount", messageHistoryCount);
      }
      return n;
    }

    /** The shape inside a conversation ({@code switchboardIntegrationWebhook}). */
    ObjectNode webhookJson() {
      return SuncoJson.obj().put("id", id).put("name", name).put("integrationId", integrationId)
          .put("integrationType", integrationType);
    }
  }

  private final SuncoIds ids;
  private final boolean botStandbyEvents;
  private final Map<String, SwitchboardIntegration> integrations = new LinkedHashMap<>();
  private String switchboardId;
  private String defaultId;

  /** @param botStandbyEvents whether the seeded bot integration gets message events while on standby */
  SuncoSwitchboard(SuncoIds ids, boolean botStandbyEvents) {
    this.ids = ids;
    this.botStandbyEvents = botStandbyEvents;
    reset();
  }

  /** Back to the seeded state: the bot's and the agent workspace's integrations, each the other's next. */
  void reset() {
    integrations.clear();
    switchboardId = ids.fixed(SuncoIds.SWITCHBOARD);
    SwitchboardIntegration bot = new SwitchboardIntegration(ids.fixed(SuncoIds.BOT_SI), SuncoFake.BOT,
        ids.fixed(SuncoIds.BOT_INTEGRATION), "custom", botStandbyEvents, null, null);
    SwitchboardIntegration agents = new SwitchboardIntegration(ids.fixed(SuncoIds.AGENT_SI),
        SuncoFake.AGENT_WORKSPACE, ids.fixed(SuncoIds.AGENT_INTEGRATION), SuncoFake.AGENT_WORKSPACE_TYPE, false,
        null, null);
    bot.nextId = agents.id;
    agents.nextId = bot.id;
    integrations.put(bot.id, bot);
    integrations.put(agents.id, agents);
    defaultId = bot.id;
  }

  String id() {
    return switchboardId;
  }

  /** The integration a new conversation (or a message in a released one) starts with. */
  SwitchboardIntegration defaultIntegration() {
    return integrations.get(defaultId);
  }

  /** {@code GET switchboards}: the one switchboard. */
  ObjectNode switchboardsJson() {
    ObjectNode out = SuncoJson.obj();
    out.putArray("switchboards").addObject().put("id", switchboardId).put("enabled", true)
        .put("defaultSwitchboardIntegrationId", defaultId);
    return out;
  }

  /** {@code GET .../switchboardIntegrations}; 404 for another switchboard id. */
  ObjectNode integrationsJson(String sbId) {
    requireSwitchboard(sbId);
    ObjectNode out = SuncoJson.obj();
    ArrayNode list = out.putArray("switchboardIntegrations");
    integrations.values().forEach(s -> list.add(s.json()));
    return out;
  }

  /** {@code POST .../switchboardIntegrations}: the spec's create body; 201 body. */
  ObjectNode create(String sbId, JsonNode body) {
    requireSwitchboard(sbId);
    String name = body.path("name").asText(null);
    if (name == null || !NAME.matcher(name).matches()) {
      throw SuncoError.badRequest("name is required: up to 128 letters, digits, - and _");
    }
    String integrationId = SuncoJson.textOrNull(body, "integrationId");
    String integrationType = SuncoJson.textOrNull(body, "integrationType");
    if ((integrationId == null) == (integrationType == null)) {
      throw SuncoError.badRequest("One of integrationId or integrationType must be provided");
    }
    if (integrations.size() >= 10) {
      throw new SuncoError(400, "too_many_switchboard_integrations",
          "Switchboard has reached the max number of switchboard integrations (10)");
    }
    if (integrations.values().stream().anyMatch(s -> s.name.equals(name))) {
      throw SuncoError.badRequest("A switchboard integration named " + name + " already exists");
    }
    String next = SuncoJson.textOrNull(body, "nextSwitchboardIntegrationId");
    if (next != null && !integrations.containsKey(next)) {
      throw SuncoError.badRequest("nextSwitchboardIntegrationId " + next + " is not a switchboard integration");
    }
    Integer history = null;
    if (body.hasNonNull("messageHistoryCount")) {
      JsonNode h = body.get("messageHistoryCount");
      if (!h.isInt() || h.asInt() < 1 || h.asInt() > 10) {
        throw SuncoError.badRequest("messageHistoryCount must be from 1 to 10");
      }
      history = h.asInt();
    }
    SwitchboardIntegration s = new SwitchboardIntegration(ids.next(), name,
        integrationId != null ? integrationId : ids.next(), integrationId != null ? "custom" : integrationType,
        !body.has("deliverStandbyEvents") || body.get("deliverStandbyEvents").asBoolean(), next, history);
    integrations.put(s.id, s);
    ObjectNode out = SuncoJson.obj();
    out.set("switchboardIntegration", s.json());
    return out;
  }

  /**
   * {@code PATCH switchboards/{id}}: {@code defaultSwitchboardIntegrationId} (one of its switchboard integrations) when
   * given; {@code enabled} is accepted and stays true (the fake's switchboard is always on). The 200 body.
   */
  ObjectNode update(String sbId, JsonNode body) {
    requireSwitchboard(sbId);
    if (body.has("defaultSwitchboardIntegrationId")) {
      String id = SuncoJson.textOrNull(body, "defaultSwitchboardIntegrationId");
      if (id == null || !integrations.containsKey(id)) {
        throw SuncoError.badRequest("defaultSwitchboardIntegrationId " + id + " is not a switchboard integration");
      }
      defaultId = id;
    }
    ObjectNode out = SuncoJson.obj();
    out.putObject("switchboard").put("id", switchboardId).put("enabled", true)
        .put("defaultSwitchboardIntegrationId", defaultId);
    return out;
  }

  /**
   * {@code PATCH .../switchboardIntegrations/{id}}: {@code name}, {@code deliverStandbyEvents},
   * {@code nextSwitchboardIntegrationId} and {@code messageHistoryCount}, each when given; the 200 body.
   */
  ObjectNode updateIntegration(String sbId, String id, JsonNode body) {
    requireSwitchboard(sbId);
    SwitchboardIntegration s = requireSwitchboardIntegration(id);
    String name = s.name;
    if (body.has("name")) {
      name = body.path("name").asText(null);
      String n = name;
      if (n == null || !NAME.matcher(n).matches()) {
        throw SuncoError.badRequest("name: up to 128 letters, digits, - and _");
      }
      if (integrations.values().stream().anyMatch(o -> o != s && o.name.equals(n))) {
        throw SuncoError.badRequest("A switchboard integration named " + n + " already exists");
      }
    }
    String next = s.nextId;
    if (body.has("nextSwitchboardIntegrationId")) {
      next = SuncoJson.textOrNull(body, "nextSwitchboardIntegrationId");
      if (next != null && !integrations.containsKey(next)) {
        throw SuncoError.badRequest("nextSwitchboardIntegrationId " + next + " is not a switchboard integration");
      }
    }
    Integer history = s.messageHistoryCount;
    if (body.hasNonNull("messageHistoryCount")) {
      JsonNode h = body.get("messageHistoryCount");
      if (!h.isInt() || h.asInt() < 1 || h.asInt() > 10) {
        throw SuncoError.badRequest("messageHistoryCount must be from 1 to 10");
      }
      history = h.asInt();
    }
    s.name = name;
    s.nextId = next;
    s.messageHistoryCount = history;
    if (body.has("deliverStandbyEvents")) {
      s.deliverStandbyEvents = body.get("deliverStandbyEvents").asBoolean();
    }
    ObjectNode out = SuncoJson.obj();
    out.set("switchboardIntegration", s.json());
    return out;
  }

  /**
   * {@code DELETE .../switchboardIntegrations/{id}}. <b>Fake's choices</b> (the docs are silent): the switchboard's
   * default one cannot be deleted (400; make another the default first), others' {@code next} pointing at it is
   * cleared, and conversations it controlled or was offered keep no active or pending integration (the caller
   * clears them: the deleted integration is returned).
   */
  SwitchboardIntegration delete(String sbId, String id) {
    requireSwitchboard(sbId);
    SwitchboardIntegration s = requireSwitchboardIntegration(id);
    if (id.equals(defaultId)) {
      throw SuncoError.badRequest("The switchboard's default switchboard integration cannot be deleted");
    }
    integrations.remove(id);
    integrations.values().stream().filter(o -> id.equals(o.nextId)).forEach(o -> o.nextId = null);
    return s;
  }

  private SwitchboardIntegration requireSwitchboardIntegration(String id) {
    SwitchboardIntegration s = integrations.get(id);
    if (s == null) {
      throw new SuncoError(404, "not_found", "Switchboard integration not found");
    }
    return s;
  }

  private void requireSwitchboard(String sbId) {
    if (!switchboardId.equals(sbId)) {
      throw new SuncoError(404, "not_found", "Switchboard not found");
    }
  }

  /**
   * Whether webhooks of {@code integrationId} get message events of a conversation whose active integration is
   * {@code active} (null: none): an integration of the switchboard only when active or delivering standby events;
   * one outside the switchboard always.
   */
  boolean deliversMessages(SwitchboardIntegration active, String integrationId) {
    for (SwitchboardIntegration s : integrations.values()) {
      if (s.integrationId.equals(integrationId)) {
        return s.deliverStandbyEvents || active == s;
      }
    }
    return true; // an integration outside the switchboard gets every event
  }

  /**
   * A control action's target: {@code next} (the next one of {@code active}, or of the default one when none is
   * active), else by id, then name, then integration type; unknown, ambiguous or no next is a 400.
   */
  SwitchboardIntegration resolve(SwitchboardIntegration active, String target) {
    if (target.equals("next")) {
      SwitchboardIntegration from = active != null ? active : integrations.get(defaultId);
      SwitchboardIntegration next = from.nextId == null ? null : integrations.get(from.nextId);
      if (next == null) {
        throw SuncoError.badRequest("The active switchboard integration has no next switchboard integration");
      }
      return next;
    }
    if (integrations.containsKey(target)) {
      return integrations.get(target);
    }
    for (SwitchboardIntegration s : integrations.values()) {
      if (s.name.equals(target)) {
        return s;
      }
    }
    List<SwitchboardIntegration> byType = integrations.values().stream()
        .filter(s -> s.integrationType.equals(target)).toList();
    if (byType.size() > 1) {
      throw SuncoError.badRequest("Switchboard integration " + target + " is ambiguous: " + byType.size()
          + " switchboard integrations have that integrationType");
    }
    if (byType.isEmpty()) {
      throw SuncoError.badRequest("Switchboard integration " + target + " not found");
    }
    return byType.get(0);
  }
}
