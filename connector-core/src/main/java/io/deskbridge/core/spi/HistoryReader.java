package io.deskbridge.core.spi;

import io.deskbridge.core.conversation.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a helpdesk's solved conversations for history replay (the {@code simulate} command): what customers wrote
 * and what agents answered, so the bot can be run over it in shadow before it goes live. Read-only: it never writes to
 * the helpdesk. Implementations throw the SDK's exceptions (the connector's {@link ErrorMapper} maps them) and are
 * thread-safe.
 */
public interface HistoryReader {

  /**
   * One page of conversations that the helpdesk counts as solved or closed and that changed at or after
   * {@code since}, in the vendor's order.
   *
   * @param since  the earliest change to read
   * @param cursor the {@link HistoryPage#next()} of the page before; empty for the first page
   * @return the page; its {@code next} is empty on the last page
   */
  HistoryPage page(Instant since, Optional<String> cursor);

  /**
   * A page of solved conversations.
   *
   * @param conversations the conversations of this page
   * @param next          where the next page starts (opaque); empty when this was the last page
   */
  record HistoryPage(List<PastConversation> conversations, Optional<String> next) {
    public HistoryPage {
      conversations = List.copyOf(conversations);
      next = next == null ? Optional.empty() : next;
    }
  }

  /**
   * A solved conversation as the customer and the agents saw it.
   *
   * @param conversation the conversation with the customer's messages and the agents' public replies, oldest first
   *                     (internal notes left out), {@link Conversation#closed()} as the vendor says
   * @param solvedAt     when the vendor last changed it (solved or closed it, or later)
   * @param links        per message id, the links (absolute http(s) URLs) the message carries, in its HTML where the
   *                     vendor keeps one, else in its text; messages without links are absent
   */
  record PastConversation(Conversation conversation, Instant solvedAt, Map<String, List<String>> links) {
    public PastConversation {
      Objects.requireNonNull(conversation, "conversation");
      Objects.requireNonNull(solvedAt, "solvedAt");
      links = Map.copyOf(links == null ? Map.of() : links);
    }

    /** The links of one message; empty when it has none. */
    public List<String> linksOf(String messageId) {
      return links.getOrDefault(messageId, List.of());
    }
  }
}
