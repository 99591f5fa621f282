package io.deskbridge.zendesk.internal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * SunCo JSON to core's model. A {@code user} author is the customer; a {@code business} author with the subtype
 * {@code agent} is an agent of the agent workspace; any other {@code business} message (the bot's own replies, other
 * integrations through the API) is a bot message, which core recognises as its own by the message ids its writes
 * returned and otherwise ignores. Every message is public: SunCo has no internal notes. Pure and thread-safe.
 */
final class ZendeskMessagingMapping {
  private ZendeskMessagingMapping() {}

  /** A message as the API lists it or a {@code conversation:message} webhook carries it. */
  static Message message(JsonNode m, Instant fallbackTime) {
    JsonNode author = m.path("author");
    boolean user = "user".equals(author.path("type").asText());
    AuthorRole role = user ? AuthorRole.CUSTOMER : isAgent(author) ? AuthorRole.AGENT : AuthorRole.BOT;
    String authorId = user ? author.path("userId").asText(author.path("user").path("id").asText("")) : "";
    return new Message(m.path("id").asText(), role, Visibility.PUBLIC, authorId, text(m.path("content")),
        time(m.path("received").asText(null), fallbackTime));
  }

  /** Whether a message is written by the business (the bot, an agent, another integration). */
  static boolean isBusiness(JsonNode message) {
    return "business".equals(message.path("author").path("type").asText());
  }

  private static boolean isAgent(JsonNode author) {
    for (JsonNode s : author.path("subtypes")) {
      if ("agent".equals(s.asText())) {
        return true;
      }
    }
    return false;
  }

  /** The text of a {@code text} content; other content shows as its type in brackets, e.g. {@code [image]}. */
  static String text(JsonNode content) {
    String text = content.path("text").asText("");
    if (!text.isBlank()) {
      return text;
    }
    String alt = content.path("altText").asText("");
    return alt.isBlank() ? "[" + content.path("type").asText("message") + "]" : alt;
  }

  static Instant time(String iso, Instant fallback) {
    if (iso == null || iso.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  /**
   * A chat as core sees it: no subject, group or tags (SunCo has none), the customer from the first user message,
   * every message public, no version (no conditional writes).
   */
  static Conversation conversation(ConversationKey key, List<Message> messages, Owner owner) {
    Customer customer = messages.stream().filter(m -> m.role() == AuthorRole.CUSTOMER).findFirst()
        .map(m -> new Customer(m.authorId(), "", "")).orElse(Customer.UNKNOWN);
    return new Conversation(key, Channel.CHAT, "", customer, "", "", Set.of(), false, messages, "", owner);
  }
}
