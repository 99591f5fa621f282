package io.deskbridge.mock.sunco;

import static io.deskbridge.mock.sunco.SuncoChecks.activityType;
import static io.deskbridge.mock.sunco.SuncoChecks.authorType;
import static io.deskbridge.mock.sunco.SuncoChecks.checkContent;
import static io.deskbridge.mock.sunco.SuncoChecks.checkText;
import static io.deskbridge.mock.sunco.SuncoChecks.metadata;
import static io.deskbridge.mock.sunco.SuncoChecks.metadataOf;
import static io.deskbridge.mock.sunco.SuncoChecks.subtypes;
import static io.deskbridge.mock.sunco.SuncoChecks.target;
import static io.deskbridge.mock.sunco.SuncoWire.conversationCreatePayload;
import static io.deskbridge.mock.sunco.SuncoWire.fullJson;
import static io.deskbridge.mock.sunco.SuncoWire.messageJson;
import static io.deskbridge.mock.sunco.SuncoWire.switchboardPayload;
import static io.deskbridge.mock.sunco.SuncoWire.truncatedJson;
import static io.deskbridge.mock.sunco.SuncoWire.userJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.sunco.SuncoSwitchboard.SwitchboardIntegration;
import io.deskbridge.mock.sunco.SuncoViews.Activity;
import io.deskbridge.mock.sunco.SuncoViews.ControlChange;
import io.deskbridge.mock.sunco.SuncoViews.Handover;
import io.deskbridge.mock.sunco.SuncoViews.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The app's state: users, conversations with their messages and activities, the switchboard with its integrations
 * ({@link SuncoSwitchboard}, under this object's lock) and each conversation's switchboard state, and what the agent
 * workspace received at a handover. Every change that SunCo reports by webhook is handed to {@link Events} while the
 * lock is held, so events leave in the order of the changes.
 *
 * <p>Switchboard rules (zendesk.md §3.4; the spec's Switchboard Actions): a new conversation starts with the
 * switchboard's default integration active. {@code passControl} makes the target active and clears a pending one;
 * {@code offerControl} makes the target pending (never the active one); {@code acceptControl} makes the pending one
 * active; {@code releaseControl} clears both. A target is named by id, then name, then integration type, or
 * {@code next} (the active integration's next one). An unknown or ambiguous target is a 400; a state conflict (offering
 * to the active integration, accepting without a pending one) answers 200 and sends the action's {@code :failure}
 * webhook with the spec example's error. <b>Fake's choices</b> (the docs are silent): a {@code passControl} to the
 * integration already active changes nothing and sends no webhook; a customer message in a released conversation gives
 * the default integration control without a webhook (history action {@code default}).
 *
 * <p>Request bodies are checked by {@link SuncoChecks}, the wire shapes built by {@link SuncoWire}, and handovers to
 * the agent workspace made by {@link SuncoHandovers}, each under this object's lock.
 *
 * <p>Thread-safe: every method is synchronized.
 */
final class SuncoModel {

  /** Where the model reports what SunCo sends webhooks for. */
  interface Events {
    /**
     * One event.
     *
     * @param payload the event's {@code payload}
     * @param messageEvent true for {@code conversation:message}: integrations on standby get it only with
     *     {@code deliverStandbyEvents}
     */
    void produce(String type, String conversationId, ObjectNode payload, boolean messageEvent);
  }

  static final class User {
    final String id;
    final String externalId;
    final String displayName;
    final String email;

    User(String id, String externalId, String displayName, String email) {
      this.id = id;
      this.externalId = externalId;
      this.displayName = displayName;
      this.email = email;
    }
  }

  static final class Conv {
    final String id;
    final User user;
    final Instant createdAt;
    Instant lastUpdatedAt;
    ObjectNode metadata;
    SwitchboardIntegration active;
    SwitchboardIntegration pending;
    final List<Message> messages = new ArrayList<>();
    final List<Activity> activities = new ArrayList<>();
    final List<ControlChange> history = new ArrayList<>();

    Conv(String id, User user, Instant createdAt) {
      this.id = id;
      this.user = user;
      this.createdAt = createdAt;
      this.lastUpdatedAt = createdAt;
    }
  }

  private final SuncoFake.Config config;
  private final SuncoIds ids;
  private final Events events;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Conv> conversations = new LinkedHashMap<>();
  private final SuncoSwitchboard switchboard;
  private final SuncoHandovers handovers;

  SuncoModel(SuncoFake.Config config, SuncoIds ids, Events events) {
    this.config = config;
    this.ids = ids;
    this.events = events;
    this.switchboard = new SuncoSwitchboard(ids, config.botStandbyEvents());
    this.handovers = new SuncoHandovers(config.clock());
  }

  synchronized void reset() {
    users.clear();
    conversations.clear();
    handovers.reset();
    switchboard.reset();
  }

  private Instant now() {
    return config.clock().instant();
  }

  // ---------------------------------------------------------------- switchboard (SuncoSwitchboard, under this lock)

  synchronized String switchboardId() {
    return switchboard.id();
  }

  synchronized ObjectNode switchboardsJson() {
    return switchboard.switchboardsJson();
  }

  synchronized ObjectNode switchboardIntegrationsJson(String sbId) {
    return switchboard.integrationsJson(sbId);
  }

  synchronized ObjectNode createSwitchboardIntegration(String sbId, JsonNode body) {
    return switchboard.create(sbId, body);
  }

  synchronized ObjectNode updateSwitchboard(String sbId, JsonNode body) {
    return switchboard.update(sbId, body);
  }

  synchronized ObjectNode updateSwitchboardIntegration(String sbId, String id, JsonNode body) {
    return switchboard.updateIntegration(sbId, id, body);
  }

  /** As {@link SuncoSwitchboard#delete}; conversations it controlled or was offered keep none. */
  synchronized void deleteSwitchboardIntegration(String sbId, String id) {
    SwitchboardIntegration s = switchboard.delete(sbId, id);
    for (Conv c : conversations.values()) {
      if (c.active == s) {
        c.active = null;
      }
      if (c.pending == s) {
        c.pending = null;
      }
    }
  }

  /** Whether webhooks of {@code integrationId} get a conversation's message events now. */
  synchronized boolean deliversMessages(String conversationId, String integrationId) {
    Conv c = conversations.get(conversationId);
    return switchboard.deliversMessages(c == null ? null : c.active, integrationId);
  }

  // ---------------------------------------------------------------- people (control)

  /** A new customer opens the web widget: user, conversation (default integration active), optional first text. */
  synchronized String[] customerStarts(String displayName, String externalId, String email, String text) {
    User u = new User(ids.next(), externalId, displayName, email);
    users.put(u.id, u);
    Conv c = newConversation(u);
    events.produce("conversation:create", c.id,
        conversationCreatePayload(c, ids.fixed(SuncoIds.WEB_INTEGRATION)), false);
    String messageId = text == null ? null : customerSends(c.id, text);
    return new String[] {c.id, u.id, messageId};
  }

  /** The customer writes; returns the message id. */
  synchronized String customerSends(String conversationId, String text) {
    Conv c = require(conversationId);
    checkText(text);
    if (c.active == null) {
      SwitchboardIntegration d = switchboard.defaultIntegration();
      c.history.add(new ControlChange(now(), "default", null, d.name, Map.of(), null, "system"));
      c.active = d;
    }
    ObjectNode content = SuncoJson.obj().put("type", "text").put("text", text);
    Message m = add(c, "user", List.of(), c.user.id, c.user.displayName, content, null, "web",
        ids.fixed(SuncoIds.WEB_INTEGRATION));
    return m.id();
  }

  /** An agent in the agent workspace replies (a business message with subtype {@code agent}). */
  synchronized String agentReplies(String conversationId, String agentName, String text) {
    Conv c = require(conversationId);
    checkText(text);
    ObjectNode content = SuncoJson.obj().put("type", "text").put("text", text);
    return add(c, "business", List.of("agent"), null, agentName, content, null, SuncoFake.AGENT_WORKSPACE_TYPE,
        null).id();
  }

  /** The agent workspace releases control (e.g. {@code ticketClosed} when the agent solves the ticket). */
  synchronized void agentReleases(String conversationId, String reason) {
    Conv c = require(conversationId);
    requireAgentActive(c);
    release(c, SuncoJson.obj(), reason, SuncoFake.AGENT_WORKSPACE_TYPE);
  }

  /** The agent workspace passes control to {@code target} ({@code next}: the bot). */
  synchronized void agentPasses(String conversationId, String target, String reason) {
    Conv c = require(conversationId);
    requireAgentActive(c);
    pass(c, switchboard.resolve(c.active, target), SuncoJson.obj(), reason, SuncoFake.AGENT_WORKSPACE_TYPE);
  }

  private static void requireAgentActive(Conv c) {
    if (c.active == null || !SuncoFake.AGENT_WORKSPACE_TYPE.equals(c.active.integrationType)) {
      throw new IllegalStateException("the agent workspace is not in control of conversation " + c.id
          + " (active: " + (c.active == null ? "none" : c.active.name) + ")");
    }
  }

  void onHandover(Consumer<Handover> listener) {
    handovers.onHandover(listener);
  }

  synchronized List<Handover> handovers() {
    return handovers.all();
  }

  // ---------------------------------------------------------------- API

  synchronized ObjectNode conversationJson(String id) {
    ObjectNode out = SuncoJson.obj();
    out.set("conversation", fullJson(require(id)));
    return out;
  }

  /** {@code POST .../conversations}: {@code type personal} with one participant by {@code userId}. */
  synchronized ObjectNode createConversation(JsonNode body) {
    String type = body.path("type").asText("");
    if (!type.equals("personal")) {
      throw SuncoError.badRequest("type must be personal (sdkGroup is not faked)");
    }
    JsonNode participants = body.path("participants");
    if (!participants.isArray() || participants.size() != 1 || !participants.get(0).hasNonNull("userId")) {
      throw SuncoError.badRequest("participants must hold exactly one participant with a userId");
    }
    User u = users.get(participants.get(0).get("userId").asText());
    if (u == null) {
      throw new SuncoError(404, "user_not_found", "User not found");
    }
    Conv c = newConversation(u);
    if (body.has("metadata")) {
      c.metadata = metadata(body.get("metadata"));
    }
    events.produce("conversation:create", c.id,
        conversationCreatePayload(c, ids.fixed(SuncoIds.WEB_INTEGRATION)), false);
    ObjectNode out = SuncoJson.obj();
    out.set("conversation", fullJson(c));
    return out;
  }

  /** {@code POST .../messages}; the 201 body {@code {"messages":[...]}}. */
  synchronized ObjectNode postMessage(String conversationId, JsonNode body) {
    Conv c = require(conversationId);
    JsonNode author = body.get("author");
    JsonNode content = body.get("content");
    if (author == null || !author.isObject()) {
      throw SuncoError.badRequest("author is required");
    }
    if (content == null || !content.isObject()) {
      throw SuncoError.badRequest("content is required");
    }
    String type = authorType(author);
    List<String> subtypes = subtypes(author);
    String userId = null;
    if (type.equals("user")) {
      String byId = SuncoJson.textOrNull(author, "userId");
      String byExternal = SuncoJson.textOrNull(author, "userExternalId");
      if (byId != null ? !byId.equals(c.user.id) : !(byExternal != null && byExternal.equals(c.user.externalId))) {
        throw new SuncoError(404, "not_found", "User is not a member of the conversation");
      }
      userId = c.user.id;
    }
    ObjectNode stored = checkContent(content);
    ObjectNode metadata = body.has("metadata") ? metadata(body.get("metadata")) : null;
    if (c.messages.size() >= config.maxMessages()) {
      throw new SuncoError(423, "locked", "Message limit of " + config.maxMessages() + " per conversation reached.");
    }
    String displayName = SuncoJson.textOrNull(author, "displayName");
    if (displayName == null && userId != null) {
      displayName = c.user.displayName;
    }
    Message m = add(c, type, subtypes, userId, displayName, stored, metadata, "api:conversations", null);
    ObjectNode out = SuncoJson.obj();
    out.putArray("messages").add(messageJson(m, users, false, false));
    return out;
  }

  /**
   * {@code GET .../messages}: up to 100 messages in order, the last page by default, {@code page[before]} or
   * {@code page[after]} a message id; {@code meta.hasMore} and the cursors as the spec's cursor paging.
   */
  synchronized ObjectNode listMessages(String conversationId, String before, String after) {
    Conv c = require(conversationId);
    if (before != null && after != null) {
      throw SuncoError.badRequest("Only one of page[before] or page[after] may be provided");
    }
    int from;
    int to;
    if (after != null) {
      from = indexOf(c, after) + 1;
      to = Math.min(c.messages.size(), from + 100);
    } else {
      to = before == null ? c.messages.size() : indexOf(c, before);
      from = Math.max(0, to - 100);
    }
    ObjectNode out = SuncoJson.obj();
    ArrayNode list = out.putArray("messages");
    for (Message m : c.messages.subList(from, to)) {
      list.add(messageJson(m, users, false, false));
    }
    ObjectNode meta = out.putObject("meta");
    boolean more = after != null ? to < c.messages.size() : from > 0;
    meta.put("hasMore", more);
    if (from > 0 && from < c.messages.size()) {
      meta.put("beforeCursor", c.messages.get(from).id());
    }
    if (to < c.messages.size() && to > 0) {
      meta.put("afterCursor", c.messages.get(to - 1).id());
    }
    return out;
  }

  private static int indexOf(Conv c, String messageId) {
    for (int i = 0; i < c.messages.size(); i++) {
      if (c.messages.get(i).id().equals(messageId)) {
        return i;
      }
    }
    throw SuncoError.badRequest("Invalid page query parameters");
  }

  /** {@code POST .../activity}. */
  synchronized void activity(String conversationId, JsonNode body) {
    Conv c = require(conversationId);
    String authorType = authorType(body.path("author"));
    String type = activityType(authorType, body);
    c.activities.add(new Activity(now(), authorType, type));
  }

  synchronized void passControl(String conversationId, JsonNode body) {
    Conv c = require(conversationId);
    SwitchboardIntegration target = switchboard.resolve(c.active, target(body));
    pass(c, target, metadataOf(body), null, "api");
  }

  synchronized void offerControl(String conversationId, JsonNode body) {
    Conv c = require(conversationId);
    SwitchboardIntegration target = switchboard.resolve(c.active, target(body));
    ObjectNode metadata = metadataOf(body);
    if (target == c.active) {
      failure(c, "switchboard:offerControl:failure", "switchboard_invalid_target",
          "Cannot offer control to the active switchboard integration.", metadata);
      return;
    }
    c.pending = target;
    c.history.add(new ControlChange(now(), "offerControl", name(c.active), target.name, map(metadata), null, "api"));
    events.produce("switchboard:offerControl", c.id, switchboardPayload(c, metadata, null), false);
  }

  synchronized void acceptControl(String conversationId, JsonNode body) {
    Conv c = require(conversationId);
    ObjectNode metadata = metadataOf(body);
    if (c.pending == null) {
      failure(c, "switchboard:acceptControl:failure", "switchboard_invalid_action",
          "There is no pendingSwitchboardIntegration", metadata);
      return;
    }
    String from = name(c.active);
    c.active = c.pending;
    c.pending = null;
    c.history.add(new ControlChange(now(), "acceptControl", from, c.active.name, map(metadata), null, "api"));
    events.produce("switchboard:acceptControl", c.id, switchboardPayload(c, metadata, null), false);
    handovers.ifAgents(c, metadata);
  }

  synchronized void releaseControl(String conversationId, JsonNode body) {
    Conv c = require(conversationId);
    release(c, metadataOf(body), null, "api");
  }

  // ---------------------------------------------------------------- state changes

  private void pass(Conv c, SwitchboardIntegration target, ObjectNode metadata, String reason, String by) {
    if (target == c.active) {
      return; // the fake's choice: already in control, nothing changes and no webhook is sent
    }
    String from = name(c.active);
    c.active = target;
    c.pending = null;
    c.history.add(new ControlChange(now(), "passControl", from, target.name, map(metadata), reason, by));
    events.produce("switchboard:passControl", c.id, switchboardPayload(c, metadata, reason), false);
    handovers.ifAgents(c, metadata);
  }

  private void release(Conv c, ObjectNode metadata, String reason, String by) {
    String from = name(c.active);
    c.active = null;
    c.pending = null;
    c.history.add(new ControlChange(now(), "releaseControl", from, null, map(metadata), reason, by));
    events.produce("switchboard:releaseControl", c.id, switchboardPayload(c, metadata, reason), false);
  }

  private void failure(Conv c, String type, String code, String message, ObjectNode metadata) {
    ObjectNode payload = switchboardPayload(c, metadata, null);
    payload.putObject("error").put("code", code).put("message", message);
    events.produce(type, c.id, payload, false);
  }

  private Conv newConversation(User u) {
    Instant now = now();
    Conv c = new Conv(ids.next(), u, now);
    c.active = switchboard.defaultIntegration();
    conversations.put(c.id, c);
    return c;
  }

  private Message add(Conv c, String authorType, List<String> subtypes, String userId, String displayName,
      ObjectNode content, ObjectNode metadata, String sourceType, String sourceIntegration) {
    Instant now = now();
    Message m = new Message(ids.next(), now, authorType, subtypes, userId, displayName,
        content.path("type").asText(), content.hasNonNull("text") ? content.get("text").asText() : null,
        map(metadata), sourceType, name(c.active));
    c.messages.add(m);
    c.lastUpdatedAt = now;
    ObjectNode payload = SuncoJson.obj();
    payload.set("conversation", truncatedJson(c));
    ObjectNode message = messageJson(m, users, true, false);
    if (sourceIntegration != null) {
      ((ObjectNode) message.get("source")).put("integrationId", sourceIntegration);
    }
    message.set("content", content.deepCopy());
    payload.set("message", message);
    events.produce("conversation:message", c.id, payload, true);
    return m;
  }

  /**
   * The webhook copy of an event's payload for a webhook with {@code includeFullUser}: the message author's user gets
   * the profile. Called by the webhooks with the model's lock free; reads only immutable users.
   */
  synchronized ObjectNode withFullUser(ObjectNode payload) {
    ObjectNode copy = payload.deepCopy();
    JsonNode user = copy.path("message").path("author").path("user");
    if (user.isObject() && users.containsKey(user.path("id").asText())) {
      ((ObjectNode) copy.get("message").get("author")).set("user", userJson(users.get(user.get("id").asText()), true));
    }
    return copy;
  }

  private Conv require(String id) {
    Conv c = conversations.get(id);
    if (c == null) {
      throw SuncoError.conversationNotFound();
    }
    return c;
  }

  private static String name(SwitchboardIntegration s) {
    return s == null ? null : s.name;
  }

  /** The metadata's values as Java strings, booleans and numbers; empty for none. */
  static Map<String, Object> map(ObjectNode metadata) {
    if (metadata == null) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    metadata.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
        : e.getValue().isBoolean() ? (Object) e.getValue().asBoolean() : e.getValue().numberValue()));
    return out;
  }

  // ---------------------------------------------------------------- views

  synchronized Optional<SuncoViews.Conversation> view(String id) {
    Conv c = conversations.get(id);
    return Optional.ofNullable(c).map(SuncoModel::view);
  }

  synchronized List<SuncoViews.Conversation> views() {
    return conversations.values().stream().map(SuncoModel::view).toList();
  }

  private static SuncoViews.Conversation view(Conv c) {
    return new SuncoViews.Conversation(c.id, c.user.id, name(c.active), name(c.pending), map(c.metadata),
        c.messages, c.activities, c.history);
  }
}
