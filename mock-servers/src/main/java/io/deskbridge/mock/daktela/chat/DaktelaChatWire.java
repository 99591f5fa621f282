package io.deskbridge.mock.daktela.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Every wire shape of Daktela's external-bot protocol, in this one class, because they are <b>old and unverified</b>:
 * the only source is a third-party bot connector of 2018–2020 (daktela.md §3.3, source S8: wingbot-daktela's
 * {@code Daktela.js} and {@code DaktelaSender.js}); no Daktela document or current instance confirms them. Check them
 * against a Daktela sandbox before relying on them, and change them here only.
 *
 * <ul>
 *   <li><b>Inbound</b> (Daktela → bot, POST JSON): {@code {"name": <message id>, "time": "yyyy-MM-dd HH:mm:ss",
 *       "direction": "IN", "conversation": {"name", "response_url"}}} plus one of {@code "text"}, {@code
 *       "quickreply": {"name"}} (with the chosen reply's {@code text} too), {@code "button": {"name"}} or {@code
 *       "terminate": true}. The fake's choices where S8 is silent: the time format (Daktela's REST format, local
 *       time), {@code terminate}'s value, and {@code text} beside a quick reply.</li>
 *   <li><b>Answer</b> (bot → {@code response_url}, POST JSON): {@code {"conversation": {"name"}, "text": "...",
 *       "quickreply": [{"text", "name"}], "button": [{"text", "name", "url"?}]}}, or the handover {@code
 *       {"conversation": {"name"}, "transfer": <queue number>}}. Daktela answers {@code {"result": "OK"}}; the fake
 *       refuses anything else with 400 {@code {"result": null, "error": "<reason>"}} (S8 only says "or an
 *       error").</li>
 * </ul>
 *
 * <p>Thread-safe: stateless.
 */
public final class DaktelaChatWire {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ANSWER_FIELDS = Set.of("conversation", "text", "quickreply", "button",
      "transfer");

  private DaktelaChatWire() {}

  /** What a customer did, as the inbound message says it. */
  public sealed interface Inbound {
    /** A typed text. */
    record Text(String text) implements Inbound {}

    /** A quick reply chosen: its {@code name} (the bot's payload) and {@code text} (its label). */
    record QuickReply(String name, String text) implements Inbound {}

    /** A button clicked: its {@code name}. */
    record Button(String name) implements Inbound {}

    /** The customer closed the chat. */
    record Terminate() implements Inbound {}
  }

  /** A bot's answer, once validated. */
  public sealed interface Answer {
    /**
     * A text for the customer, with quick replies and buttons (each may be empty).
     *
     * @param buttons each with {@code text}, {@code name} and an optional {@code url} (null when none)
     */
    record Reply(String text, List<Choice> quickReplies, List<Choice> buttons) implements Answer {
      public Reply {
        quickReplies = List.copyOf(quickReplies);
        buttons = List.copyOf(buttons);
      }
    }

    /** The handover: the conversation goes to the queue with this number. */
    record Transfer(int queue) implements Answer {}
  }

  /** A quick reply or a button: what the customer sees, and what comes back when chosen. */
  public record Choice(String text, String name, String url) {}

  /** The inbound message body. */
  static byte[] inbound(String messageName, String time, String conversation, String responseUrl, Inbound what) {
    ObjectNode n = JSON.createObjectNode().put("name", messageName).put("time", time).put("direction", "IN");
    n.putObject("conversation").put("name", conversation).put("response_url", responseUrl);
    if (what instanceof Inbound.Text t) {
      n.put("text", t.text());
    } else if (what instanceof Inbound.QuickReply q) {
      n.put("text", q.text());
      n.putObject("quickreply").put("name", q.name());
    } else if (what instanceof Inbound.Button b) {
      n.putObject("button").put("name", b.name());
    } else {
      n.put("terminate", true);
    }
    return bytes(n);
  }

  /**
   * Reads and validates a bot's answer for {@code conversation}.
   *
   * @throws IllegalArgumentException with the reason for the 400
   */
  static Answer answer(byte[] raw, String conversation) {
    JsonNode b;
    try {
      b = raw == null || raw.length == 0 ? null : JSON.readTree(raw);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not valid JSON");
    }
    if (b == null || !b.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object with \"conversation\" and \"text\" or "
          + "\"transfer\"");
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ANSWER_FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown field \"" + f + "\"; known: " + String.join(", ",
            List.of("conversation", "text", "quickreply", "button", "transfer")));
      }
    }
    String name = b.path("conversation").path("name").asText(null);
    if (name == null) {
      throw new IllegalArgumentException("\"conversation\": {\"name\": ...} is required");
    }
    if (!name.equals(conversation)) {
      throw new IllegalArgumentException("conversation.name " + name + " does not match the response_url's "
          + "conversation " + conversation);
    }
    if (b.has("transfer")) {
      if (b.has("text") || b.has("quickreply") || b.has("button")) {
        throw new IllegalArgumentException("\"transfer\" goes alone: send the text first, then the transfer");
      }
      JsonNode t = b.get("transfer");
      // S8 sends a number (parseInt); a numeric string is accepted too, as PHP would
      if (!(t.isIntegralNumber() && t.canConvertToInt() || t.isTextual() && t.asText().matches("\\d{1,9}"))) {
        throw new IllegalArgumentException("\"transfer\" must be a queue number, was " + t);
      }
      return new Answer.Transfer(t.isTextual() ? Integer.parseInt(t.asText()) : t.asInt());
    }
    JsonNode text = b.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw new IllegalArgumentException("\"text\" (a non-blank string) or \"transfer\" is required");
    }
    return new Answer.Reply(text.asText(), choices(b, "quickreply", false), choices(b, "button", true));
  }

  private static List<Choice> choices(JsonNode b, String field, boolean urls) {
    List<Choice> out = new ArrayList<>();
    if (!b.has(field)) {
      return out;
    }
    JsonNode list = b.get(field);
    if (!list.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an array of {text, name}");
    }
    for (JsonNode c : list) {
      String text = c.path("text").asText("");
      String name = c.path("name").asText("");
      if (!c.isObject() || text.isBlank() || name.isBlank()) {
        throw new IllegalArgumentException("each \"" + field + "\" needs a non-blank \"text\" and \"name\"");
      }
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!f.equals("text") && !f.equals("name") && !(urls && f.equals("url"))) {
          throw new IllegalArgumentException("unknown field \"" + f + "\" in \"" + field + "\"");
        }
      }
      out.add(new Choice(text, name, c.hasNonNull("url") ? c.get("url").asText() : null));
    }
    return out;
  }

  /** Daktela's acknowledgement {@code {"result":"OK"}}. */
  static byte[] ok() {
    return bytes(JSON.createObjectNode().put("result", "OK"));
  }

  /** The refusal body {@code {"result":null,"error":...}}. */
  static byte[] error(String reason) {
    ObjectNode n = JSON.createObjectNode().putNull("result");
    n.put("error", reason);
    return bytes(n);
  }

  static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
