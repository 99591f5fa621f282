package io.deskbridge.core.bot;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds bot inputs for tests: one new customer message plus the episode's state; an e-mail unless told. */
final class Inputs {

  private final List<Message> history = new ArrayList<>();
  private String text = "";
  private int botTurns;
  private int clarifications;
  private List<String> answered = List.of();
  private String pending = "";
  private Channel channel = Channel.EMAIL;
  private boolean capped;

  static Inputs message(String text) {
    var inputs = new Inputs();
    inputs.text = text;
    return inputs;
  }

  Inputs botTurns(int turns) {
    this.botTurns = turns;
    return this;
  }

  Inputs clarificationsAsked(int asked) {
    this.clarifications = asked;
    return this;
  }

  Inputs answered(String... articleIds) {
    this.answered = List.of(articleIds);
    return this;
  }

  Inputs pending(String text) {
    this.pending = text;
    return this;
  }

  /** The bot has written as often as the installation's e-mail reply cap allows. */
  Inputs replyCapReached() {
    this.capped = true;
    return this;
  }

  /** The conversation's channel. */
  Inputs on(Channel on) {
    this.channel = on;
    return this;
  }

  /** An earlier public customer message in the conversation's history. */
  Inputs earlier(String text) {
    history.add(customer("m" + history.size(), text));
    return this;
  }

  BotInput build() {
    var newMessage = customer("new", text);
    var messages = new ArrayList<>(history);
    messages.add(newMessage);
    var conversation = new Conversation(new ConversationKey("test", "demo", "1"), channel, "",
        new Customer("c1", "Jan", "jan@example.com"), "", "", Set.of(), false, messages);
    return new BotInput(conversation, List.of(newMessage), botTurns, clarifications, answered, pending, capped);
  }

  private static Message customer(String id, String text) {
    return new Message(id, AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text, Instant.parse("2024-05-01T10:00:00Z"));
  }
}
