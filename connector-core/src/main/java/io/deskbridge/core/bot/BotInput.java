package io.deskbridge.core.bot;

import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.email.EmailText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * @param replyCapReached     whether the bot has written to this e-mail conversation as often as the installation's
 *                            {@code email.maxRepliesPerDay} allows in the last 24 hours: it must not answer or ask,
 *                            only hand over
 * @param requests            an e-mail's distinct requests found by someone else than the bot ({@code answer.llm.intents},
 *                            each checked against the cleaned text), used instead of {@code EmailText.requests};
 *                            empty: the bot splits the text itself
 */
public record BotInput(
    Conversation conversation,
    List<Message> newMessages,
    int botTurns,
    int clarificationsAsked,
    List<String> answeredArticleIds,
    String pendingText,
    boolean replyCapReached,
    List<String> requests) {
  public BotInput {
    requests = requests == null ? List.of() : List.copyOf(requests);
    Objects.requireNonNull(conversation, "conversation");
    newMessages = List.copyOf(newMessages);
    if (newMessages.isEmpty()) {
      throw new IllegalArgumentException("newMessages must not be empty");
    }
    answeredArticleIds = List.copyOf(answeredArticleIds);
    pendingText = pendingText == null ? "" : pendingText;
  }

  /** The bot splits an e-mail into requests itself. */
  public BotInput(Conversation conversation, List<Message> newMessages, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText, boolean replyCapReached) {
    this(conversation, newMessages, botTurns, clarificationsAsked, answeredArticleIds, pendingText, replyCapReached,
        List.of());
  }

  /** The same input with an e-mail's requests found outside the bot (each in its readable text). */
  public BotInput withRequests(List<String> found) {
    return new BotInput(conversation, newMessages, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        replyCapReached, found);
  }

  /** An input below any reply cap. */
  public BotInput(Conversation conversation, List<Message> newMessages, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText) {
    this(conversation, newMessages, botTurns, clarificationsAsked, answeredArticleIds, pendingText, false);
  }

  /** Whether the conversation is an e-mail one, whose messages the bot reads {@linkplain #readable cleaned}. */
  public boolean email() {
    return conversation.channel() == Channel.EMAIL;
  }

  /**
   * What the bot reads of a message: on an e-mail conversation the customer's own words ({@link EmailText#clean}:
   * no quoted history, signature or disclaimer), elsewhere the text as it is. The transcript, the audit and the
   * handover note keep the original ({@link #text()}).
   */
  public String readable(Message message) {
    return email() ? EmailText.clean(message.text()) : message.text();
  }

  /** The text the bot decides on: the pending text (if any) followed by the new messages' {@linkplain #readable readable} text. */
  public String readableText() {
    if (!email()) {
      return text();
    }
    var sb = new StringBuilder(pendingText);
    for (var m : newMessages) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(readable(m));
    }
    return sb.toString();
  }

  /** The original text: the pending text (if any) followed by the new messages' text as the vendor gave it. */
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

  /**
   * Every public customer text of the conversation and of this input, oldest first, each message once, after the
   * pending text (if any); as the vendor gave them.
   */
  public List<String> customerTexts() {
    var messages = new LinkedHashMap<String, String>();
    for (var m : conversation.messages()) {
      if (m.isPublicCustomerMessage()) {
        messages.put(m.id(), m.text());
      }
    }
    for (Message m : newMessages) {
      messages.put(m.id(), m.text());
    }
    var texts = new ArrayList<String>();
    if (!pendingText.isBlank()) {
      texts.add(pendingText);
    }
    texts.addAll(messages.values());
    return texts;
  }
}
