package io.deskbridge.daktela.internal.chat;

import io.deskbridge.core.conversation.Message;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the connector knows of each chat, in memory: the protocol has no read call, so this is the only record of a
 * chat's {@code response_url}, its messages (the bot's from the moment they are POSTed) and whether it was
 * transferred. Bounded ({@value #MAX_CHATS} chats, the least recently used dropped first; {@value #MAX_MESSAGES}
 * messages each, the oldest dropped first) and lost on a restart: a chat is known again from its next inbound
 * message, which carries its {@code response_url}. Thread-safe.
 */
final class DaktelaChatChats {
  static final int MAX_CHATS = 10_000;
  static final int MAX_MESSAGES = 500;

  /**
   * One chat as known.
   *
   * @param queue  the queue it was transferred to; empty while the bot has it
   * @param left   why Daktela refused an answer as the chat is no longer the bot's; empty when it did not
   * @param closed whether the customer ended it
   */
  record Chat(String name, URI responseUrl, List<Message> messages, Optional<String> queue, Optional<String> left,
      boolean closed) {
    Chat {
      messages = List.copyOf(messages);
    }
  }

  private static final class State {
    URI responseUrl;
    final List<Message> messages = new ArrayList<>();
    String queue;
    String left;
    boolean closed;
    /** The customer's messages that brought the chat back to the bot, so that a redelivery says so again. */
    final java.util.Set<String> backWith = new java.util.LinkedHashSet<>();

    boolean bots() {
      return queue == null && left == null && !closed;
    }
  }

  private final Map<String, State> chats = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
      return size() > MAX_CHATS;
    }
  };

  /**
   * A customer's message came in: Daktela sends it to the bot only while the bot has the chat. Called before core's
   * store has accepted the message's events, so it is idempotent with a redelivery of the same message: the store may
   * fail (the endpoint answers 503 and Daktela delivers again), and the redelivery gets the same answer as the first
   * delivery, so a release is not lost.
   *
   * @return whether the bot may have got the chat back with this message: it had left the bot (a transfer, a refusal,
   *     its end), or it is not known (new, or known before a restart, when it may have been transferred); for a
   *     message known already, what its first delivery was told
   */
  synchronized boolean customerWrote(String chat, URI responseUrl, Message message) {
    State s = chats.get(chat);
    boolean unknown = s == null;
    if (unknown) {
      s = new State();
      chats.put(chat, s);
    }
    s.responseUrl = responseUrl;
    if (s.messages.stream().anyMatch(m -> m.id().equals(message.id()))) {
      return s.backWith.contains(message.id());
    }
    boolean back = unknown || !s.bots();
    s.queue = null;
    s.left = null;
    s.closed = false;
    add(s, message);
    if (back) {
      s.backWith.add(message.id());
      if (s.backWith.size() > MAX_MESSAGES) {
        s.backWith.remove(s.backWith.iterator().next());
      }
    }
    return back;
  }

  /** The customer ended the chat. */
  synchronized void ended(String chat, URI responseUrl) {
    State s = chats.computeIfAbsent(chat, c -> new State());
    s.responseUrl = responseUrl;
    s.closed = true;
  }

  /** The chat answers at {@code responseUrl}; records it if it was not known (after a restart). */
  synchronized void remember(String chat, URI responseUrl) {
    chats.computeIfAbsent(chat, c -> new State()).responseUrl = responseUrl;
  }

  /**
   * The bot's message (or its summary for the agent) is about to be POSTed: from now on it counts as written, so a
   * POST whose outcome is unknown is not sent again (at most once; {@link DaktelaChatClient}).
   */
  synchronized void botWriting(String chat, Message message) {
    State s = chats.get(chat);
    if (s != null) {
      add(s, message);
    }
  }

  /** Daktela refused the bot's message: it did not reach the chat, so it no longer counts as written. */
  synchronized void botRefused(String chat, String messageId) {
    State s = chats.get(chat);
    if (s != null) {
      s.messages.removeIf(m -> m.id().equals(messageId));
    }
  }

  /** Daktela accepted the transfer to {@code queue}. */
  synchronized void transferred(String chat, String queue) {
    State s = chats.get(chat);
    if (s != null) {
      s.queue = queue;
    }
  }

  /** Daktela refused an answer because the chat is no longer the bot's. */
  synchronized void left(String chat, String reason) {
    State s = chats.get(chat);
    if (s != null) {
      s.left = reason;
    }
  }

  synchronized Optional<Chat> get(String chat) {
    State s = chats.get(chat);
    return s == null ? Optional.empty() : Optional.of(new Chat(chat, s.responseUrl, s.messages,
        Optional.ofNullable(s.queue), Optional.ofNullable(s.left), s.closed));
  }

  private static void add(State s, Message message) {
    if (s.messages.stream().noneMatch(m -> m.id().equals(message.id()))) {
      s.messages.add(message);
      if (s.messages.size() > MAX_MESSAGES) {
        s.messages.remove(0);
      }
    }
  }
}
