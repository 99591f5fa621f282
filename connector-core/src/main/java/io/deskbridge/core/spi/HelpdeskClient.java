package io.deskbridge.core.spi;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.webhook.InboundEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes conversations through the vendor's API. Core wraps every call with retries, so
 * implementations never retry themselves; they throw the SDK's exceptions, which {@link ErrorMapper} maps.
 * Implementations are thread-safe.
 */
public interface HelpdeskClient {

  /** Who the connector acts as; called once at start to fail fast on bad credentials. */
  Identity whoAmI();

  /**
   * Checks at start, once after {@link #whoAmI()}, that the installation's routing targets (the vendor ids or names
   * its {@code routing.defaultGroup} and {@code routing.groups} map to, which handovers assign) exist and can take
   * the vendor's conversations; a client may also resolve and remember them here. The default checks nothing.
   *
   * @param targets the routing targets, each as configured
   * @throws io.deskbridge.core.error.VendorException with a one-line message naming the target and the fix when one
   *         does not exist or cannot take conversations (kind {@code NOT_FOUND} or {@code INVALID}; start fails), or
   *         as any call's failure when the check itself fails
   */
  default void checkRoutes(Set<String> targets) {}

  /** Loads a conversation with its full history. */
  Conversation load(LoadRequest request);

  /**
   * Applies one operation to a conversation: with {@code Capability.ATOMIC_UPDATE} at most one message (public
   * reply or internal note) plus assignment and tags, all or nothing; without it exactly one action. Core splits a
   * decision's actions into such operations and confirms and retries each on its own, so a retry never repeats an
   * earlier message. With {@code Capability.CONDITIONAL_WRITES}, when the conversation has a version the write must
   * fail with a conflict (409) if the conversation changed since that version; core then re-reads it, cancels the
   * write if a person acted, and otherwise sends what is missing again. Without it core re-reads the conversation
   * just before a public write instead, and the version may be ignored.
   *
   * @return the vendor ids of the messages it created, so the engine can recognise its own messages
   */
  Applied apply(ApplyRequest request);

  /**
   * Whether anyone is online now to take a conversation handed over to {@code request.routingTarget()}. Core asks at
   * a handover, before planning it, only when the connector declares {@code Capability.AGENT_AVAILABILITY}; a
   * failure or {@link Availability#UNKNOWN} leaves the decision to business hours, so the handover never waits for or
   * fails on this call. The default says {@code UNKNOWN}.
   */
  default Availability agentsOnline(AvailabilityRequest request) {
    return Availability.UNKNOWN;
  }

  /**
   * Best-effort: shows the customer that the bot is writing (a chat's typing indicator) while core decides on their
   * message. Core calls it once per decided chat message, before the decision, and ignores its failures: it is not
   * retried and never delays or fails the reply. The default does nothing.
   */
  default void typing(TypingRequest request) {}

  /** What the vendor says about the people behind a routing target. */
  enum Availability {
    /** At least one agent who can take the conversation is online. */
    SOMEONE_ONLINE,
    /** Nobody who can take it is online: the customer is told, and the agent's summary says so. */
    NOBODY_ONLINE,
    /** The vendor cannot tell now. */
    UNKNOWN
  }

  /**
   * Whom a handover would reach.
   *
   * @param key           the conversation
   * @param routingTarget the vendor id or name the handover assigns to (the routing's group, queue or category)
   */
  record AvailabilityRequest(ConversationKey key, String routingTarget) {
    public AvailabilityRequest {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(routingTarget, "routingTarget");
    }
  }

  /**
   * Where to show the typing indicator.
   *
   * @param key the conversation
   */
  record TypingRequest(ConversationKey key) {
    public TypingRequest {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * The account the connector authenticates as.
   *
   * @param userId the vendor's id of that user; its messages are the bot's own
   * @param name   its display name
   */
  record Identity(String userId, String name) {
    public Identity {
      Objects.requireNonNull(userId, "userId");
      name = name == null ? "" : name;
    }
  }

  /**
   * What to load.
   *
   * @param key     the conversation
   * @param trigger the event that caused the load, whose snapshot the client may use to save calls
   */
  record LoadRequest(ConversationKey key, Optional<InboundEvent> trigger) {
    public LoadRequest {
      Objects.requireNonNull(key, "key");
      trigger = trigger == null ? Optional.empty() : trigger;
    }
  }

  /**
   * What to write.
   *
   * @param conversation the conversation as the engine knows it (for example its current tags)
   * @param actions      the actions; never empty
   * @param linkedRecord the record agents work the conversation in, as the connector last reported it
   *                     ({@link InboundEvent.Kind#LINKED}); empty when none was reported
   */
  record ApplyRequest(Conversation conversation, List<Action> actions, String linkedRecord) {
    public ApplyRequest {
      Objects.requireNonNull(conversation, "conversation");
      actions = List.copyOf(actions);
      if (actions.isEmpty()) {
        throw new IllegalArgumentException("actions must not be empty");
      }
      linkedRecord = linkedRecord == null ? "" : linkedRecord;
    }

    /** A request without a linked record. */
    public ApplyRequest(Conversation conversation, List<Action> actions) {
      this(conversation, actions, "");
    }
  }

  /**
   * What a write created.
   *
   * @param messageIds the vendor ids of created messages (comments, notes), when the API returns them
   * @param version    the conversation's version after the write, or empty when the vendor has none
   * @param followUps  actions this write could not carry in full and that belong in the record agents will work the
   *                   conversation in, which the vendor creates later (Zendesk messaging: a handover summary over
   *                   the metadata limit, for the messaging ticket). Core keeps them with the conversation's state,
   *                   in the same transaction that records the write done, and applies them as one operation, once,
   *                   when the connector reports that record ({@link InboundEvent.Kind#LINKED}), passing its id in
   *                   {@link ApplyRequest#linkedRecord()}. A write found landed after a crash returns nothing, so
   *                   its follow-ups are lost: a connector that holds some back must not let its write look landed.
   */
  record Applied(List<String> messageIds, String version, List<Action> followUps) {
    public Applied {
      messageIds = List.copyOf(messageIds);
      version = version == null ? "" : version;
      followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** What a write created, with nothing held back. */
    public Applied(List<String> messageIds, String version) {
      this(messageIds, version, List.of());
    }
  }
}
