package io.deskbridge.core.bot;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Message;
import java.util.List;
import java.util.Objects;

/**
 * Everything the bot decides from: the conversation, the customer messages not yet handled, and what the
 * bot did so far in this episode.
 *
 * @param conversation        the conversation with its history (may include the new messages)
 * @param newMessages         public customer messages not yet handled, oldest first; never empty
 * @param botTurns            how many times the bot already wrote to the customer in this episode
 * @param clarificationsAsked how many clarifying questions it asked in a row, since its last answer
 * @param answeredArticleIds  the articles it already answered with in this episode, oldest first
 * @param pendingText         the customer's text from before a clarifying question, to be combined with
 *                            the answer to it; empty when none
 */
public record BotInput(
    Conversation conversation,
    List<Message> newMessages,
    int botTurns,
    int clarificationsAsked,
    List<String> answeredArticleIds,
    String pendingText) {
  public BotInput {
    Objects.requireNonNull(conversation, "conversation");
    newMessages = List.copyOf(newMessages);
    if (newMessages.isEmpty()) {
      throw new IllegalArgumentException("newMessages must not be empty");
    }
    answeredArticleIds = List.copyOf(answeredArticleIds);
    pendingText = pendingText == null ? "" : pendingText;
  }

  /** The text to decide on: the pending text (if any) followed by the new messages' text. */
  public String text() {
    var sb = new StringBuilder(pendingText);
    for (var m : newMessages) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(m.text());
    }
    return sb.toString();
  }
}
