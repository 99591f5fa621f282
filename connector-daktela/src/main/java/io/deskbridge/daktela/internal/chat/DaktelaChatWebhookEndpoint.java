package io.deskbridge.daktela.internal.chat;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.daktela.DaktelaChatConfig;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external bot's inbound endpoint (daktela.md §3.3). Daktela signs nothing, so the admin puts a secret token in
 * the bot's URL: after the path ({@code POST /webhooks/{installation}/{token}}) or in a header; either is compared with
 * {@code botToken} in constant time, 401 otherwise. A message ({@link DaktelaChatWire#inbound}) must carry a
 * {@code response_url} on the configured Daktela origin (400 otherwise: the connector posts nowhere else). It becomes:
 *
 * <ul>
 *   <li>a text, quick reply or button: {@code MESSAGE_ADDED} with the message's {@code name} as the event id (the
 *       inbox drops an id seen before, so a redelivered message counts once); when the chat had left the bot (a
 *       transfer, its end) or is not known (new, or last seen before a restart), a {@code RELEASED_TO_BOT} first:
 *       Daktela sends the bot messages only while the bot has the chat, so control came back and a new bot episode
 *       starts (core ignores it when the bot has the chat already, and reads a new chat's release before its first
 *       message). A redelivered message gets the same events as its first delivery, whose storing may have failed
 *       (a 503, and Daktela delivers again): the inbox drops the ids it has, and a release is never lost;
 *   <li>{@code terminate}: {@code SOLVED};
 *   <li>a message whose {@code direction} is not {@code IN}: nothing.
 * </ul>
 *
 * The chat's {@code response_url} and messages are remembered for the client; the events' snapshot carries the
 * {@code response_url} as its subject, so that it is stored with the event. Makes no network call; thread-safe.
 */
public final class DaktelaChatWebhookEndpoint implements WebhookEndpoint {
  private static final Logger log = LoggerFactory.getLogger(DaktelaChatWebhookEndpoint.class);
  /** The author id of customers' messages (the protocol names no customer). */
  static final String CUSTOMER = "customer";
  /** The suffix of a release's event id after the id of the message that came with it. */
  static final String TO_BOT = ":to-bot";

  private final String installationId;
  private final byte[] token;
  private final String header;
  private final DaktelaChatHost host;
  private final DaktelaChatChats chats;

  DaktelaChatWebhookEndpoint(String installationId, Secret token, String header, DaktelaChatHost host,
      DaktelaChatChats chats) {
    this.installationId = installationId;
    if (token.reveal().strip().length() < DaktelaChatConfig.MIN_TOKEN_CHARS) { // DaktelaChatConfig refuses it first
      throw new IllegalArgumentException("botToken must be at least " + DaktelaChatConfig.MIN_TOKEN_CHARS
          + " characters");
    }
    this.token = token.reveal().getBytes(StandardCharsets.UTF_8);
    this.header = header;
    this.host = host;
    this.chats = chats;
  }

  /**
   * The token from the header when sent, else the path's segment after {@code /webhooks/{installation}}. A blank one
   * never matches, whatever the configuration: a header sent blank is refused as such.
   */
  @Override
  public void verify(WebhookRequest request) {
    Optional<String> inHeader = request.header(header);
    String given = inHeader.orElseGet(() -> pathToken(request.path()));
    if (given.isBlank()) {
      throw WebhookRejectedException.unauthorized(inHeader.isPresent() ? "blank token in " + header
          : "missing token: Daktela's bot URL must end with /{token} or send it in " + header);
    }
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) { // constant time for equal lengths
      throw WebhookRejectedException.unauthorized("wrong token" + (inHeader.isPresent() ? " in " + header
          : " in the path"));
    }
  }

  /** The third segment of {@code /webhooks/{installation}/{token}}; empty when there is none. */
  static String pathToken(String path) {
    String[] segments = path.split("/", -1);
    return segments.length == 4 && segments[1].equals("webhooks") ? segments[3] : "";
  }

  @Override
  public List<InboundEvent> decode(WebhookRequest request) {
    DaktelaChatWire.Inbound in;
    try {
      in = DaktelaChatWire.inbound(request.body());
    } catch (IllegalArgumentException e) {
      throw WebhookRejectedException.badRequest(e.getMessage());
    }
    if (!in.incoming()) {
      return List.of();
    }
    Optional<String> off = host.problem(in.responseUrl());
    if (off.isPresent()) {
      log.warn("{}: refused a message of chat {}: its response_url {} (configured Daktela instance {})",
          installationId, LogSafe.of(in.chat()), off.get(), host);
      throw WebhookRejectedException.badRequest("conversation.response_url is not on the configured Daktela "
          + "instance " + host + " (settings.url): it " + off.get() + "; the connector posts nowhere else");
    }
    var key = new ConversationKey(DaktelaChatClient.VENDOR, installationId, in.chat());
    var at = request.receivedAt();
    var snapshot = Optional.of(new Conversation(key, Channel.CHAT, in.responseUrl().toString(), Customer.UNKNOWN, "",
        "", Set.of(), false, List.of(), "", Owner.BOT)); // the subject holds the response_url (DaktelaChatClient)
    if (in.what() instanceof DaktelaChatWire.What.Terminate) {
      chats.ended(in.chat(), in.responseUrl());
      return List.of(new InboundEvent(in.name(), in.chat(), InboundEvent.Kind.SOLVED, CUSTOMER, Optional.empty(),
          Optional.empty(), at));
    }
    var message = new Message(in.name(), AuthorRole.CUSTOMER, Visibility.PUBLIC, CUSTOMER, in.text(), at);
    var events = new ArrayList<InboundEvent>(2);
    if (chats.customerWrote(in.chat(), in.responseUrl(), message)) {
      events.add(new InboundEvent(in.name() + TO_BOT, in.chat(), InboundEvent.Kind.RELEASED_TO_BOT, "",
          Optional.empty(), snapshot, at));
    }
    events.add(new InboundEvent(in.name(), in.chat(), InboundEvent.Kind.MESSAGE_ADDED, CUSTOMER,
        Optional.of(message), snapshot, at));
    return events;
  }
}
