package io.deskbridge.core.store;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Ownership;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine remembers about one conversation between events.
 *
 * @param key                 the conversation
 * @param ownership           who may write
 * @param botTurns            public bot messages in this episode
 * @param clarificationsAsked clarifying questions asked since the bot's last answer
 * @param answeredArticleIds  articles answered with in this episode
 * @param pendingText         customer text from before a clarifying question
 * @param handledMessageIds   vendor ids of messages already looked at
 * @param ownMessageIds       vendor ids of messages the bot wrote
 * @param transcript          the conversation as last seen, to save a load when an event carries the message
 */
public record ConversationState(
    ConversationKey key,
    Ownership ownership,
    int botTurns,
    int clarificationsAsked,
    List<String> answeredArticleIds,
    String pendingText,
    Set<String> handledMessageIds,
    Set<String> ownMessageIds,
    Optional<Conversation> transcript) {
  public ConversationState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ownership, "ownership");
    answeredArticleIds = List.copyOf(answeredArticleIds);
    pendingText = pendingText == null ? "" : pendingText;
    handledMessageIds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(handledMessageIds));
    ownMessageIds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ownMessageIds));
    transcript = transcript == null ? Optional.empty() : transcript;
  }

  /** The same state owned by someone else. */
  public ConversationState withOwnership(Ownership newOwnership) {
    return new ConversationState(key, newOwnership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript);
  }

  /** The same state with more messages counted as handled. */
  public ConversationState withHandled(java.util.Collection<String> messageIds) {
    var more = new LinkedHashSet<>(handledMessageIds);
    more.addAll(messageIds);
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        more, ownMessageIds, transcript);
  }

  /** The same state remembering the conversation as last seen. */
  public ConversationState withTranscript(Conversation conversation) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, Optional.of(conversation));
  }

  /** The state of a conversation the engine has not seen: the bot owns it. */
  public static ConversationState fresh(ConversationKey key) {
    return new ConversationState(key, Ownership.BOT, 0, 0, List.of(), "", Set.of(), Set.of(), Optional.empty());
  }
}
