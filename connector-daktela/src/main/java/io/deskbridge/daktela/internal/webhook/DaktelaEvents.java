package io.deskbridge.daktela.internal.webhook;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link DaktelaTrigger} into core events, the same way for webhooks and for polling, so a change read both
 * ways (or read twice in a poll's overlap) has the same event id and core's inbox keeps it once.
 *
 * <ul>
 *   <li>{@code ticket_create}: {@code CONVERSATION_CREATED}, id {@code ticket:{n}:created}; the engine loads the
 *       ticket.</li>
 *   <li>{@code activity_create}: {@code MESSAGE_ADDED}, id {@code activity:{name}} (no activity name:
 *       {@code activity:{n}:{hash}}), actor the activity's user. The bot's own activity (its user is the bot's login)
 *       carries a message stub (the activity's name, role {@code BOT}, author the bot), so the engine drops its own
 *       echo without a load; the customer's (a {@code user} field sent empty) carries a stub with role
 *       {@code CUSTOMER} and no text, so one the engine has read already (with the ticket's creation, or in an
 *       earlier poll) costs no load, and a new one is loaded; an agent's, or one without a {@code user} field,
 *       carries no message and the engine loads.</li>
 *   <li>{@code ticket_update} and any other event name: stage {@code CLOSE}/{@code ARCHIVE} is {@code SOLVED}; the
 *       ticket's user being the bot is {@code RELEASED_TO_BOT} with a minimal snapshot whose owner is
 *       {@link Owner#BOT}; another user, or no {@code user} field at all, is {@code UPDATED} (the engine re-reads who
 *       owns it); a {@code user} field sent empty on an open ticket is no event (nothing about ownership changed
 *       that the engine must know; messages come with their own activity events). Id
 *       {@code ticket:{n}@{edited}/{kind}}, or {@code ticket:{n}:{hash}} without {@code edited}.</li>
 * </ul>
 *
 * <p>{@code {hash}} is the first 16 hex digits of the SHA-256 of the trigger's fields, so a redelivered trigger has
 * the same id. Stateless and thread-safe.
 */
public final class DaktelaEvents {
  /** The vendor id in conversation keys. */
  public static final String VENDOR = "daktela";
  /** The installation in a snapshot's key when the caller does not know it (core reads only the snapshot's owner). */
  static final String UNKNOWN_INSTALLATION = "unknown";

  private DaktelaEvents() {}

  /**
   * The events a trigger stands for: none or one.
   *
   * @param botLogin   the API user's login (the bot's own activities and tickets); empty while not yet known, when
   *                   nothing is recognised as the bot's
   * @param occurredAt when the change happened, as far as the caller knows (the poller: the record's time; a
   *                   webhook: when it arrived)
   */
  public static List<InboundEvent> toEvents(DaktelaTrigger trigger, String botLogin, Instant occurredAt) {
    return toEvents(trigger, botLogin, occurredAt, UNKNOWN_INSTALLATION);
  }

  /**
   * As {@link #toEvents(DaktelaTrigger, String, Instant)}, with the installation a snapshot's key names.
   *
   * @param installationId the installation the trigger is for
   */
  public static List<InboundEvent> toEvents(DaktelaTrigger trigger, String botLogin, Instant occurredAt,
      String installationId) {
    String bot = botLogin == null ? "" : botLogin.strip();
    String n = trigger.ticket();
    switch (trigger.event().toLowerCase(Locale.ROOT)) {
      case "ticket_create":
        return List.of(event("ticket:" + n + ":created", n, InboundEvent.Kind.CONVERSATION_CREATED, "",
            Optional.empty(), Optional.empty(), occurredAt));
      case "activity_create":
        return List.of(activityEvent(trigger, bot, occurredAt));
      default:
        return ticketChange(trigger, bot, occurredAt, installationId);
    }
  }

  private static InboundEvent activityEvent(DaktelaTrigger trigger, String bot, Instant at) {
    String n = trigger.ticket();
    String id = trigger.activity().isEmpty() ? "activity:" + n + ":" + hash(trigger) : "activity:" + trigger.activity();
    Optional<Message> stub = Optional.empty();
    if (isBot(trigger.user(), bot) && !trigger.activity().isEmpty()) {
      // the bot's own reply, draft or note coming back; its visibility is not known, and need not be: it is ours
      stub = Optional.of(new Message(trigger.activity(), AuthorRole.BOT, Visibility.INTERNAL, bot, "", at));
    } else if (trigger.userPresent() && trigger.user().isEmpty() && !trigger.activity().isEmpty()) {
      // the customer's: a message the engine has read already (say with the ticket's creation) needs no load
      stub = Optional.of(new Message(trigger.activity(), AuthorRole.CUSTOMER, Visibility.PUBLIC, "", "", at));
    }
    return event(id, n, InboundEvent.Kind.MESSAGE_ADDED, trigger.user(), stub, Optional.empty(), at);
  }

  private static List<InboundEvent> ticketChange(DaktelaTrigger trigger, String bot, Instant at,
      String installationId) {
    String n = trigger.ticket();
    InboundEvent.Kind kind;
    Optional<Conversation> snapshot = Optional.empty();
    if (trigger.closed()) {
      kind = InboundEvent.Kind.SOLVED;
    } else if (isBot(trigger.user(), bot)) {
      kind = InboundEvent.Kind.RELEASED_TO_BOT;
      snapshot = Optional.of(new Conversation(new ConversationKey(VENDOR, installationId, n), Channel.EMAIL, "",
          Customer.UNKNOWN, "", bot, Set.of(), false, List.of(), trigger.edited(), Owner.BOT));
    } else if (trigger.userPresent() && trigger.user().isEmpty()) {
      return List.of(); // nobody holds an open ticket: nothing about ownership to tell
    } else {
      kind = InboundEvent.Kind.UPDATED;
    }
    String id = trigger.edited().isEmpty() ? "ticket:" + n + ":" + hash(trigger)
        : "ticket:" + n + "@" + trigger.edited() + "/" + kind.name().toLowerCase(Locale.ROOT);
    return List.of(event(id, n, kind, "", Optional.empty(), snapshot, at));
  }

  private static InboundEvent event(String id, String ticket, InboundEvent.Kind kind, String actor,
      Optional<Message> message, Optional<Conversation> snapshot, Instant at) {
    return new InboundEvent(id, ticket, kind, actor, message, snapshot, at);
  }

  private static boolean isBot(String user, String bot) {
    return !bot.isEmpty() && user.equals(bot);
  }

  /** The first 16 hex digits of the SHA-256 of the trigger's fields, one per line. */
  static String hash(DaktelaTrigger t) {
    String canonical = String.join("\n", t.event(), t.ticket(), t.activity(), t.user(),
        Boolean.toString(t.userPresent()), t.stage(), t.edited());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
