package io.deskbridge.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.ApiConversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The answer to one API message as JSON, read from its event's audit records (the decision as it was made, never
 * made again): the decision, reasons, confidence, the reply with its article link, on handover the group, the
 * customer's message and the agent's summary; on a voice conversation the speakable texts and the caller's line.
 */
final class AnswerView {
  private final ObjectMapper json;
  private final ConversationApiStore store;
  private final BiFunction<String, String, List<AuditRecord>> audit;
  private final BiFunction<String, String, Optional<String>> articleUrl;

  AnswerView(ObjectMapper json, ConversationApiStore store, BiFunction<String, String, List<AuditRecord>> audit,
      BiFunction<String, String, Optional<String>> articleUrl) {
    this.json = json;
    this.store = store;
    this.audit = audit;
    this.articleUrl = articleUrl;
  }

  /** The answer to a message, from its event's audit records (the decision as it was made). */
  ObjectNode of(String installation, String conversationId, String messageId, String eventId) {
    var records = audit.apply(installation, conversationId).stream().filter(r -> r.eventId().equals(eventId)).toList();
    var decided = records.stream().filter(r -> !r.decision().equals("failed")).findFirst();
    var failures = records.stream().filter(r -> r.decision().equals("failed")).toList();
    if (decided.isEmpty()) {
      String why = failures.isEmpty() ? "no decision recorded" : String.join("; ", failures.get(failures.size() - 1)
          .reasons()) + ": " + failures.get(failures.size() - 1).outcome();
      throw Problem.of(502, "not-processed", "Message not processed", "the engine gave up on the message (" + why
          + "); it is in the dead letters");
    }
    var r = decided.get();
    var out = json.createObjectNode();
    out.put("conversationId", conversationId);
    out.put("messageId", messageId);
    out.put("status", "answered");
    out.put("decision", r.decision());
    out.put("mode", r.mode());
    var reasons = out.putArray("reasons");
    r.reasons().forEach(reasons::add);
    out.put("confidence", r.confidence());
    out.put("episode", r.episode());
    out.put("delivered", failures.stream().noneMatch(f -> f.reasons().contains("human_took_over")));
    var d = r.detail();
    var conversation = store.conversation(conversationId);
    boolean voice = conversation.map(c -> c.channel().equals("voice")).orElse(false);
    String language = String.valueOf(d.getOrDefault("language", conversation.map(ApiConversation::language)
        .filter(l -> !l.isEmpty()).orElse("en")));
    if (d.containsKey("text") || d.containsKey("question")) {
      var reply = out.putObject("reply");
      String text = String.valueOf(d.getOrDefault("text", d.get("question")));
      reply.put("text", text);
      reply.put("language", String.valueOf(d.getOrDefault("language", "")));
      if (!r.articleId().isEmpty() && d.containsKey("text")) {
        reply.put("articleId", r.articleId());
        articleUrl.apply(r.articleId(), String.valueOf(d.getOrDefault("language", ""))).filter(u -> !u.isBlank())
            .ifPresent(u -> reply.put("articleUrl", u));
      }
      if (voice) {
        reply.put("speech", Speech.speakable(text, language));
      }
    }
    if (d.containsKey("customerMessage")) {
      var handover = out.putObject("handover");
      String customerMessage = String.valueOf(d.get("customerMessage"));
      handover.put("routingGroup", String.valueOf(d.get("routingGroup")));
      handover.put("groupId", String.valueOf(d.get("groupId")));
      handover.put("customerMessage", customerMessage);
      if (voice) {
        handover.put("customerSpeech", Speech.speakable(customerMessage, language));
      }
      String caller = conversation.map(c -> caller(c, voice)).orElse("");
      handover.put("summaryText", (caller.isEmpty() ? "" : caller + "\n") + d.get("summaryText"));
      handover.set("summary", json.valueToTree(d.get("summary")));
      conversation.filter(c -> !caller.isEmpty()).ifPresent(c -> {
        var who = handover.putObject("caller");
        putIfAny(who, "phone", c.customerPhone());
        putIfAny(who, "id", c.customerId());
        putIfAny(who, "name", c.customerName());
        putIfAny(who, "email", c.customerEmail());
      });
    }
    return out;
  }

  /**
   * The line that names who the agent will talk to ("Caller: phone +420 777 123 456, customer id c-981" on voice,
   * "Customer: …" elsewhere), from what the client sent; empty when it sent nothing that identifies them.
   */
  private static String caller(ApiConversation c, boolean voice) {
    var parts = new ArrayList<String>();
    if (!c.customerPhone().isEmpty()) {
      parts.add("phone " + c.customerPhone());
    }
    if (!c.customerId().isEmpty()) {
      parts.add("customer id " + c.customerId());
    }
    if (!c.customerName().isEmpty()) {
      parts.add("name " + c.customerName());
    }
    if (!c.customerEmail().isEmpty()) {
      parts.add("e-mail " + c.customerEmail());
    }
    return parts.isEmpty() ? "" : (voice ? "Caller: " : "Customer: ") + String.join(", ", parts);
  }

  static void putIfAny(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
