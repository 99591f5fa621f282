package io.deskbridge.zendesk.internal.mapping;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/** Zendesk tickets and comments to core conversations and messages. Stateless. */
public final class ZendeskMapping {
  private ZendeskMapping() {}

  /** The channel for a {@code via.channel} value. */
  public static Channel channel(String via) {
    return switch (via.toLowerCase(Locale.ROOT)) {
      case "email", "mail" -> Channel.EMAIL;
      case "chat", "native_messaging", "messaging", "sunshine_conversations_api" -> Channel.CHAT;
      case "voice", "phone" -> Channel.VOICE_TRANSCRIPT;
      default -> Channel.WEB_FORM;
    };
  }

  /**
   * A conversation from a ticket (or a snapshot of it) and its comments. A comment's role: the bot user's
   * is {@code BOT}, the requester's is {@code CUSTOMER}, anyone else's is {@code AGENT} (Zendesk comments
   * do not say whether the author is staff; an end user in CC counts as an agent here).
   */
  public static Conversation conversation(ConversationKey key, Conversation header, Iterable<Comment> comments,
      String botUserId) {
    var messages = new java.util.ArrayList<Message>();
    String requester = header.customer().id();
    for (Comment c : comments) {
      String author = c.getAuthorId() == null ? "" : c.getAuthorId().toString();
      AuthorRole role = author.equals(botUserId) ? AuthorRole.BOT
          : author.equals(requester) ? AuthorRole.CUSTOMER : AuthorRole.AGENT;
      Instant at = c.getCreatedAt() == null ? Instant.EPOCH : c.getCreatedAt().toInstant();
      messages.add(new Message(String.valueOf(c.getId()), role,
          Boolean.FALSE.equals(c.isPublic()) ? Visibility.INTERNAL : Visibility.PUBLIC, author,
          c.getBody() == null ? "" : c.getBody(), at));
    }
    return new Conversation(key, header.channel(), header.subject(), header.customer(), header.groupId(),
        header.assigneeId(), header.tags(), header.closed(), List.copyOf(messages), header.version());
  }

  /** The header fields of a ticket as a conversation without messages. */
  public static Conversation header(ConversationKey key, Ticket ticket) {
    return new Conversation(key,
        channel(ticket.getVia() == null || ticket.getVia().getChannel() == null ? "" : ticket.getVia().getChannel()),
        ticket.getSubject(), new Customer(str(ticket.getRequesterId()), "", ""), str(ticket.getGroupId()),
        str(ticket.getAssigneeId()), new LinkedHashSet<>(ticket.getTags() == null ? List.of() : ticket.getTags()),
        ticket.getStatus() == Status.CLOSED || ticket.getStatus() == Status.DELETED, List.of(),
        ticket.getUpdatedAt() == null ? "" : ticket.getUpdatedAt().toInstant().toString());
  }

  private static String str(Long value) {
    return value == null ? "" : value.toString();
  }
}
