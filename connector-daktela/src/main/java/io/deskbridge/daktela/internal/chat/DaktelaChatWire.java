package io.deskbridge.daktela.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Every wire shape of Daktela web chat's external-bot protocol, in this one class, because they are <b>old and
 * unverified</b>: the only source is a third-party bot connector of 2018–2020 (daktela.md §3.3, source S8); no Daktela
 * document or current instance confirms them. Check them against a Daktela sandbox before relying on them, and change
 * them here only.
 *
 * <ul>
 *   <li><b>Inbound</b> (Daktela → bot, POST JSON): {@code {"name": <message id>, "time", "direction": "IN",
 *       "conversation": {"name", "response_url"}}} plus one of {@code "text"}, {@code "quickreply": {"name"}} (the
 *       chosen reply; its label in {@code text} when present), {@code "button": {"name"}} or {@code "terminate"}.
 *       {@code time} is read by nobody: it is local time in a zone the message does not name, so the connector uses
 *       the time it received the message. A {@code direction} other than {@code IN} is not for the bot.</li>
 *   <li><b>Answer</b> (bot → {@code conversation.response_url}, POST JSON): {@code {"conversation": {"name"},
 *       "text": "..."}} (S8 also allows {@code quickreply} and {@code button} lists; core's replies are plain text,
 *       so none are sent), or the handover {@code {"conversation": {"name"}, "transfer": <queue number>}}, alone.
 *       Daktela answers {@code {"result": "OK"}}, or an {@code error}.</li>
 * </ul>
 *
 * <p>The protocol has no read call, no message ids for the bot's answers, no field for an agent-only note and no
 * signature (daktela.md §3.3). Thread-safe: stateless.
 */
public final class DaktelaChatWire {
  static final ObjectMapper JSON = new ObjectMapper();

  private DaktelaChatWire() {}

  /** What the customer did. */
  sealed interface What {
    /** A typed text. */
    record Text(String text) implements What {}

    /** A quick reply chosen: its {@code name} (the bot's payload) and its label (empty when not sent). */
    record QuickReply(String name, String label) implements What {}

    /** A button clicked: its {@code name}. */
    record Button(String name) implements What {}

    /** The customer closed the chat. */
    record Terminate() implements What {}
  }

  /**
   * One inbound message.
   *
   * @param name        the message's id, unique per message (the deduplication key)
   * @param incoming    whether {@code direction} is {@code IN} (or absent): a message for the bot
   * @param chat        the conversation's name (the {@code activitiesWeb} record)
   * @param responseUrl where the bot answers in this chat
   */
  record Inbound(String name, boolean incoming, String chat, URI responseUrl, What what) {
    Inbound {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(responseUrl, "responseUrl");
      Objects.requireNonNull(what, "what");
    }

    /** The text the customer sent, as the bot reads it: the text, a quick reply's label (or name), a button's name. */
    String text() {
      if (what instanceof What.Text t) {
        return t.text();
      } else if (what instanceof What.QuickReply q) {
        return q.label().isBlank() ? q.name() : q.label();
      } else if (what instanceof What.Button b) {
        return b.name();
      }
      return "";
    }
  }

  /**
   * Reads an inbound message.
   *
   * @throws IllegalArgumentException with the reason for the 400 when the body is not one
   */
  static Inbound inbound(byte[] body) {
    JsonNode b;
    try {
      b = body == null || body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (b == null || !b.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object with name, conversation and text");
    }
    String name = text(b.get("name"), "name");
    JsonNode conversation = b.path("conversation");
    String chat = text(conversation.get("name"), "conversation.name");
    String url = text(conversation.get("response_url"), "conversation.response_url");
    URI responseUrl;
    try {
      responseUrl = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("conversation.response_url is not a URL");
    }
    boolean incoming = b.path("direction").asText("IN").equalsIgnoreCase("IN");
    What what;
    if (b.hasNonNull("terminate") && !b.get("terminate").asText("").equalsIgnoreCase("false")) {
      what = new What.Terminate();
    } else if (b.path("quickreply").isObject()) {
      what = new What.QuickReply(text(b.path("quickreply").get("name"), "quickreply.name"),
          b.path("text").asText(""));
    } else if (b.path("button").isObject()) {
      what = new What.Button(text(b.path("button").get("name"), "button.name"));
    } else if (b.hasNonNull("text")) {
      what = new What.Text(text(b.get("text"), "text"));
    } else {
      throw new IllegalArgumentException("the message has none of text, quickreply, button or terminate");
    }
    return new Inbound(name, incoming, chat, responseUrl, what);
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.isValueNode() || node.asText("").isBlank()) {
      throw new IllegalArgumentException(field + " is missing or blank");
    }
    return node.asText();
  }

  /** The answer carrying a text for the customer. */
  static ObjectNode text(String chat, String text) {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("conversation").put("name", chat);
    n.put("text", text);
    return n;
  }

  /** The handover: the chat goes to the queue with this number; nothing else goes with it. */
  static ObjectNode transfer(String chat, long queue) {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("conversation").put("name", chat);
    n.put("transfer", queue);
    return n;
  }

  /**
   * Daktela's problem with an answer: empty for {@code {"result": "OK"}}, else its {@code error} (or a description
   * of the unexpected body).
   */
  static Optional<String> problem(JsonNode answer) {
    if (answer != null && answer.path("result").asText("").equalsIgnoreCase("OK")) {
      return Optional.empty();
    }
    String error = error(answer);
    return Optional.of(error.isEmpty() ? "the answer is not {\"result\":\"OK\"}" : error);
  }

  /** The {@code error} of an answer's body, as text; empty when there is none. */
  static String error(JsonNode answer) {
    JsonNode e = answer == null ? null : answer.get("error");
    if (e == null || e.isNull()) {
      return "";
    }
    return e.isValueNode() ? e.asText() : e.toString();
  }
}
