package io.deskbridge.core.api;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.ApiMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The api installation's helpdesk: {@link #load} reads the transcript from the store, {@link #apply} appends the
 * bot's messages and sets the group in one transaction. Thread-safe.
 */
final class ApiHelpdeskClient implements HelpdeskClient {
  private final String installationId;
  private final Supplier<ConversationApiStore> store;
  private final Clock clock;

  ApiHelpdeskClient(String installationId, Supplier<ConversationApiStore> store, Clock clock) {
    this.installationId = installationId;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Identity whoAmI() {
    store.get(); // fails when not bound
    return new Identity(ApiConnector.BOT_USER, "Deskbridge Conversation API (" + installationId + ")");
  }

  /**
   * {@inheritDoc}
   *
   * <p>With a trigger carrying a customer's message the transcript ends at that message, so that each POST is
   * decided on its own message (a later message, already stored, has its own event and answer).
   */
  @Override
  public Conversation load(LoadRequest request) {
    String id = request.key().externalId();
    var row = store.get().conversation(id).orElseThrow(() -> new VendorException(VendorException.Kind.NOT_FOUND,
        "no API conversation " + id, null));
    var rows = store.get().messages(id);
    var upTo = request.trigger().flatMap(t -> t.message()).map(Message::id)
        .filter(m -> rows.stream().anyMatch(r -> r.messageId().equals(m)));
    var messages = new ArrayList<Message>();
    for (var r : rows) {
      messages.add(new Message(r.messageId(), AuthorRole.valueOf(r.role()), Visibility.valueOf(r.visibility()),
          r.authorId(), r.text(), r.createdAt()));
      if (upTo.isPresent() && upTo.get().equals(r.messageId())) {
        break;
      }
    }
    var owner = "human".equals(row.owner()) ? Owner.human(row.evidence()) : Owner.BOT;
    return new Conversation(request.key(), channel(row.channel()), "",
        new Customer(row.customerId(), row.customerName(), row.customerEmail()), row.groupId(), "", Set.of(), false,
        messages, "", owner);
  }

  /** The conversation channel of an API channel name (chat, email, voice). */
  static Channel channel(String apiChannel) {
    return switch (apiChannel.toLowerCase(Locale.ROOT)) {
      case "email" -> Channel.EMAIL;
      case "voice" -> Channel.VOICE_TRANSCRIPT;
      default -> Channel.CHAT;
    };
  }

  @Override
  public Applied apply(ApplyRequest request) {
    String id = request.conversation().key().externalId();
    var now = clock.instant();
    var messages = new ArrayList<ApiMessage>();
    Optional<String> group = Optional.empty();
    for (var action : request.actions()) {
      if (action instanceof Action.PublicReply r) {
        messages.add(new ApiMessage(newId(), "BOT", "PUBLIC", ApiConnector.BOT_USER, r.text(), "", "", now));
      } else if (action instanceof Action.InternalNote n) {
        messages.add(new ApiMessage(newId(), "BOT", "INTERNAL", ApiConnector.BOT_USER, n.text(), "", "", now));
      } else if (action instanceof Action.AssignGroup g) {
        group = Optional.of(g.groupId());
      }
      // tags: the api installation declares no TAGS capability, so core sends none
    }
    store.get().append(id, messages, group, now);
    return new Applied(messages.stream().map(ApiMessage::messageId).toList(), "");
  }

  /** A new message id. */
  static String newId() {
    return "m-" + UUID.randomUUID();
  }

  List<ApiMessage> transcript(String conversationId) {
    return store.get().messages(conversationId);
  }
}
