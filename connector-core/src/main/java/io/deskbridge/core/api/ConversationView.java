package io.deskbridge.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.ApiConversation;
import io.deskbridge.core.store.ConversationState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An API conversation as JSON, read from the store, the engine's state and the audit (nothing is computed here):
 * its fields and ownership for the ownership calls, and with its transcript and audit trail for
 * {@code GET /api/v1/conversations/{id}}. The caller has checked that the conversation is the API key's. Thread-safe
 * when its functions are.
 */
final class ConversationView {
  private final ObjectMapper json;
  private final ConversationApiStore store;
  private final Function<ConversationKey, Optional<ConversationState>> states;
  private final BiFunction<String, String, List<AuditRecord>> audit;

  /**
   * @param states the engine's state of a conversation (owner, episode)
   * @param audit  a conversation's audit records (installation, conversation id), oldest first
   */
  ConversationView(ObjectMapper json, ConversationApiStore store,
      Function<ConversationKey, Optional<ConversationState>> states,
      BiFunction<String, String, List<AuditRecord>> audit) {
    this.json = json;
    this.store = store;
    this.states = states;
    this.audit = audit;
  }

  /**
   * {@link #state} with the conversation's messages (every role and visibility, oldest first) and its audit records
   * (each event's decision, reasons, confidence, article, actions, outcome and episode).
   */
  ObjectNode full(String installation, ApiConversation c) {
    var out = state(installation, c);
    var messages = out.putArray("messages");
    for (var m : store.messages(c.conversationId())) {
      var node = messages.addObject();
      node.put("id", m.messageId());
      node.put("role", m.role().toLowerCase(Locale.ROOT));
      node.put("visibility", m.visibility().toLowerCase(Locale.ROOT));
      node.put("text", m.text());
      node.put("createdAt", m.createdAt().toString());
    }
    var trail = out.putArray("audit");
    for (var r : audit.apply(installation, c.conversationId())) {
      var node = trail.addObject();
      node.put("at", r.at() == null ? "" : r.at().toString());
      node.put("eventId", r.eventId());
      node.put("decision", r.decision());
      var reasons = node.putArray("reasons");
      r.reasons().forEach(reasons::add);
      node.put("confidence", r.confidence());
      node.put("articleId", r.articleId());
      var actions = node.putArray("actions");
      r.actions().forEach(actions::add);
      node.put("outcome", r.outcome());
      node.put("episode", r.episode());
    }
    return out;
  }

  /**
   * A conversation's fields (id, channel, language, customer) and its {@code state}: the engine's view of who owns
   * it and its episode ({@code bot} and 1 before the engine has seen it), and what the client reported
   * ({@code handoverCompleted}, evidence, group). Answered by {@code POST .../handover-completed} and
   * {@code .../release}.
   */
  ObjectNode state(String installation, ApiConversation c) {
    var out = json.createObjectNode();
    out.put("conversationId", c.conversationId());
    out.put("channel", c.channel());
    if (!c.language().isEmpty()) {
      out.put("language", c.language());
    }
    var customer = out.putObject("customer");
    AnswerView.putIfAny(customer, "id", c.customerId());
    AnswerView.putIfAny(customer, "email", c.customerEmail());
    AnswerView.putIfAny(customer, "phone", c.customerPhone());
    AnswerView.putIfAny(customer, "name", c.customerName());
    var engineState = states.apply(new ConversationKey(ApiConnectorFactory.VENDOR, installation, c.conversationId()));
    var state = out.putObject("state");
    state.put("owner", engineState.map(s -> s.ownership() == Ownership.HUMAN ? "human" : "bot").orElse("bot"));
    state.put("episode", engineState.map(ConversationState::episode).orElse(1));
    state.put("handoverCompleted", c.owner().equals("human"));
    AnswerView.putIfAny(state, "ownerEvidence", c.evidence());
    AnswerView.putIfAny(state, "groupId", c.groupId());
    return out;
  }
}
