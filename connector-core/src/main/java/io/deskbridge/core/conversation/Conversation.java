package io.deskbridge.core.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket or a chat with its history, as loaded from the helpdesk.
 *
 * @param key        identity
 * @param channel    how it arrived
 * @param subject    the ticket subject; empty for chats
 * @param customer   the requester
 * @param groupId    the vendor's id of the assigned group; empty when none
 * @param assigneeId the vendor's id of the assigned agent; empty when none
 * @param tags       the vendor's tags or labels
 * @param closed     true when the vendor will not accept updates any more
 * @param messages   the history, oldest first
 * @param version    the vendor's change marker when it has one (Zendesk: {@code updated_at}); empty when unknown
 * @param owner      who owns it according to the vendor's mapper; {@link Owner#BOT} when nothing marks a person
 */
public record Conversation(
    ConversationKey key,
    Channel channel,
    String subject,
    Customer customer,
    String groupId,
    String assigneeId,
    Set<String> tags,
    boolean closed,
    List<Message> messages,
    String version,
    Owner owner) {
  public Conversation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(channel, "channel");
    subject = subject == null ? "" : subject;
    customer = customer == null ? Customer.UNKNOWN : customer;
    groupId = groupId == null ? "" : groupId;
    assigneeId = assigneeId == null ? "" : assigneeId;
    tags = Set.copyOf(tags == null ? Set.of() : tags);
    messages = List.copyOf(messages == null ? List.of() : messages);
    version = version == null ? "" : version;
    owner = owner == null ? Owner.BOT : owner;
  }

  /** A conversation no mark of a person owns. */
  public Conversation(ConversationKey key, Channel channel, String subject, Customer customer, String groupId,
      String assigneeId, Set<String> tags, boolean closed, List<Message> messages, String version) {
    this(key, channel, subject, customer, groupId, assigneeId, tags, closed, messages, version, Owner.BOT);
  }

  /** A conversation whose version is not known. */
  public Conversation(ConversationKey key, Channel channel, String subject, Customer customer, String groupId,
      String assigneeId, Set<String> tags, boolean closed, List<Message> messages) {
    this(key, channel, subject, customer, groupId, assigneeId, tags, closed, messages, "", Owner.BOT);
  }

  /** The message with this vendor id, if the history holds it. */
  public Optional<Message> message(String messageId) {
    return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
  }

  /** The same conversation at another version. */
  public Conversation withVersion(String newVersion) {
    return new Conversation(key, channel, subject, customer, groupId, assigneeId, tags, closed, messages, newVersion,
        owner);
  }

  /** The same conversation with the owner the vendor's mapper reports. */
  public Conversation withOwner(Owner newOwner) {
    return new Conversation(key, channel, subject, customer, groupId, assigneeId, tags, closed, messages, version,
        newOwner);
  }

  /** A copy with one more message appended, unless a message with that id is already there. */
  public Conversation withMessage(Message message) {
    if (message(message.id()).isPresent()) {
      return this;
    }
    var more = new java.util.ArrayList<>(messages);
    more.add(message);
    return new Conversation(key, channel, subject, customer, groupId, assigneeId, tags, closed, more, version, owner);
  }
}
