package io.deskbridge.zendesk.internal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.zendesk.internal.webhook.ZendeskWebhookVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SunCo's webhooks (zendesk.md §3.2): the {@code X-API-Key} header must equal the webhook's secret (compared in
 * constant time; 401 otherwise), and the body {@code {"app","webhook","events":[...]}} holds one or more events, of
 * one or several conversations, each decoded on its own with SunCo's event id as its id (the inbox drops an id seen
 * before, so a redelivered or duplicated event counts once):
 *
 * <ul>
 *   <li>{@code conversation:message} by a {@code user}: {@code MESSAGE_ADDED} with the message; by the
 *       {@code business} (the bot's own replies, agents, other integrations): nothing, since the bot acts on the
 *       customers' messages only and reads the agents' from the switchboard;
 *   <li>{@code switchboard:passControl} or {@code :acceptControl} making the bot's integration active (an agent
 *       passing back, {@code reason: ticketClosed} when the messaging ticket was solved), and
 *       {@code switchboard:releaseControl} when the bot's integration is the default one: {@code RELEASED_TO_BOT}, a
 *       new bot episode;
 *   <li>any other {@code switchboard:passControl}, {@code :acceptControl} or {@code :releaseControl}: {@code UPDATED}
 *       whose snapshot's owner is the people's;
 *   <li>other events ({@code conversation:create}, offers, {@code :failure}, postbacks): nothing.
 * </ul>
 *
 * <p>With the Support API configured, the installation also takes the Support event webhook (zendesk.md §1.7): a
 * request carrying {@code x-zendesk-webhook-signature} is verified as a ticket installation's webhooks are (HMAC over
 * timestamp and body, with the Support webhook's signing secret; 401 otherwise, also when no Support API is
 * configured), and a {@code zen:event-type:messaging_ticket.message_added} event becomes {@code LINKED}: the
 * conversation {@code event.conversation_id} is worked in ticket {@code detail.id}; its id is the envelope's
 * {@code id} prefixed with {@value #SUPPORT_EVENT_PREFIX}. Other Support events are nothing.
 *
 * Makes no network call; thread-safe.
 */
public final class ZendeskMessagingWebhookEndpoint implements WebhookEndpoint {
  static final String HEADER = "X-API-Key";
  static final String MESSAGING_TICKET_EVENT = "zen:event-type:messaging_ticket.message_added";
  /** Keeps Support event ids apart from SunCo's in the inbox. */
  static final String SUPPORT_EVENT_PREFIX = "support:";

  private final String installationId;
  private final byte[] secret;
  private final Supplier<ZendeskMessagingOwnership> ownership;
  private final Optional<ZendeskWebhookVerifier> support;

  /**
   * @param ownership the bot's switchboard integration, as resolved at start (provisional before)
   * @param support   the Support webhook's signature check, when the Support API is configured
   */
  ZendeskMessagingWebhookEndpoint(String installationId, Secret secret, Supplier<ZendeskMessagingOwnership> ownership,
      Optional<ZendeskWebhookVerifier> support) {
    this.installationId = installationId;
    this.secret = secret.reveal().getBytes(StandardCharsets.UTF_8);
    this.ownership = ownership;
    this.support = support;
  }

  ZendeskMessagingWebhookEndpoint(String installationId, Secret secret, Supplier<ZendeskMessagingOwnership> ownership) {
    this(installationId, secret, ownership, Optional.empty());
  }

  private static boolean fromSupport(WebhookRequest request) {
    return request.header(ZendeskWebhookVerifier.SIGNATURE).isPresent();
  }

  @Override
  public void verify(WebhookRequest request) {
    if (fromSupport(request)) {
      support.orElseThrow(() -> WebhookRejectedException.unauthorized("a signed Support webhook, but this messaging "
          + "installation has no support.webhookSecret")).verify(request);
      return;
    }
    byte[] given = request.header(HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, secret)) { // constant time for equal lengths
      throw WebhookRejectedException.unauthorized(given.length == 0 ? "missing X-API-Key" : "wrong X-API-Key");
    }
  }

  @Override
  public List<InboundEvent> decode(WebhookRequest request) {
    JsonNode body;
    try {
      body = ZendeskMessagingHttp.JSON.readTree(request.body());
    } catch (IOException e) {
      throw WebhookRejectedException.badRequest("the body is not JSON");
    }
    if (fromSupport(request)) {
      return supportEvent(body, request.receivedAt());
    }
    if (body == null || !body.path("events").isArray()) {
      throw WebhookRejectedException.badRequest("the body has no events array");
    }
    var events = new ArrayList<InboundEvent>();
    for (JsonNode event : body.path("events")) {
      decode(event, request.receivedAt()).ifPresent(events::add);
    }
    return events;
  }

  /** A Support event envelope: {@code LINKED} for a messaging ticket's message, nothing for any other type. */
  private static List<InboundEvent> supportEvent(JsonNode body, Instant received) {
    if (body == null || !body.isObject()) {
      throw WebhookRejectedException.badRequest("the body is not a Support event");
    }
    if (!MESSAGING_TICKET_EVENT.equals(body.path("type").asText(""))) {
      return List.of();
    }
    String id = body.path("id").asText("");
    String conversation = body.path("event").path("conversation_id").asText("");
    String ticket = body.path("detail").path("id").asText("");
    if (id.isBlank() || conversation.isBlank() || ticket.isBlank()) {
      throw WebhookRejectedException.badRequest("a " + MESSAGING_TICKET_EVENT + " event without "
          + (id.isBlank() ? "id" : conversation.isBlank() ? "event.conversation_id" : "detail.id"));
    }
    Instant at = ZendeskMessagingMapping.time(body.path("time").asText(null), received);
    return List.of(InboundEvent.linked(SUPPORT_EVENT_PREFIX + id, conversation, ticket, at));
  }

  private Optional<InboundEvent> decode(JsonNode event, Instant received) {
    String id = event.path("id").asText("");
    String type = event.path("type").asText("");
    JsonNode payload = event.path("payload");
    JsonNode conversation = payload.path("conversation");
    String conversationId = conversation.path("id").asText("");
    if (id.isBlank() || conversationId.isBlank()) {
      if (type.startsWith("conversation:message") || type.startsWith("switchboard:")) {
        throw WebhookRejectedException.badRequest("a " + type + " event without " + (id.isBlank() ? "id"
            : "payload.conversation.id"));
      }
      return Optional.empty();
    }
    Instant at = ZendeskMessagingMapping.time(event.path("createdAt").asText(null), received);
    var key = new ConversationKey(ZendeskMessagingClient.VENDOR, installationId, conversationId);
    var own = ownership.get();
    switch (type) {
      case "conversation:message": {
        JsonNode message = payload.path("message");
        if (!message.isObject() || message.path("id").asText("").isBlank()) {
          throw WebhookRejectedException.badRequest("a conversation:message event without message.id");
        }
        if (ZendeskMessagingMapping.isBusiness(message)) {
          return Optional.empty();
        }
        var m = ZendeskMessagingMapping.message(message, at);
        Owner owner = own.of(conversation.get("activeSwitchboardIntegration"));
        return Optional.of(new InboundEvent(id, conversationId, InboundEvent.Kind.MESSAGE_ADDED, m.authorId(),
            Optional.of(m), Optional.of(ZendeskMessagingMapping.conversation(key, List.of(), owner)), at));
      }
      case "switchboard:passControl":
      case "switchboard:acceptControl":
      case "switchboard:releaseControl": {
        JsonNode active = type.equals("switchboard:releaseControl") ? null
            : conversation.get("activeSwitchboardIntegration");
        Owner owner = own.of(active);
        var kind = owner.isHuman() ? InboundEvent.Kind.UPDATED : InboundEvent.Kind.RELEASED_TO_BOT;
        return Optional.of(new InboundEvent(id, conversationId, kind, "", Optional.empty(),
            Optional.of(ZendeskMessagingMapping.conversation(key, List.of(), owner)), at));
      }
      default:
        return Optional.empty();
    }
  }
}
