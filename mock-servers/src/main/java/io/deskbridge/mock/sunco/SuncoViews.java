package io.deskbridge.mock.sunco;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a test reads back from the {@link SuncoFake}: immutable snapshots of its state. Names of switchboard
 * integrations are their {@code name} ({@link SuncoFake#BOT}, {@link SuncoFake#AGENT_WORKSPACE}); null means none.
 */
public final class SuncoViews {
  private SuncoViews() {}

  /**
   * One message of a conversation.
   *
   * @param authorType {@code user} (the customer) or {@code business} (the bot through the API, or an agent)
   * @param subtypes the author's subtypes: {@code AI} when the API call asked for it, {@code agent} for the agent
   *     workspace's agents; empty when none
   * @param contentType {@code text} for the texts; other types are kept as posted
   * @param text the text content, null for content without one
   * @param metadata the message's metadata, empty when none
   * @param sourceType {@code api:conversations} for API posts, {@code web} for the customer's widget,
   *     {@code zd:agentWorkspace} for agents
   * @param activeWhenReceived the switchboard integration in control when the message arrived, null when none
   */
  public record Message(String id, Instant received, String authorType, List<String> subtypes, String userId,
      String displayName, String contentType, String text, Map<String, Object> metadata, String sourceType,
      String activeWhenReceived) {
    public Message {
      subtypes = List.copyOf(subtypes);
      metadata = Map.copyOf(metadata);
    }

    public boolean isBusiness() {
      return "business".equals(authorType);
    }

    /** A business message from the agent workspace (subtype {@code agent}). */
    public boolean isAgent() {
      return isBusiness() && subtypes.contains("agent");
    }
  }

  /** A conversation activity posted through the API: {@code typing:start}, {@code typing:stop}, ... */
  public record Activity(Instant at, String authorType, String type) {}

  /**
   * One change of the conversation's switchboard state, in order.
   *
   * @param action {@code passControl}, {@code offerControl}, {@code acceptControl}, {@code releaseControl}, or
   *     {@code default} (the default integration took a conversation without an active one at a customer message)
   * @param from the active integration before, null when none
   * @param to the active integration after (for {@code offerControl}: the pending one), null when none
   * @param metadata the action's metadata, empty when none
   * @param reason {@code ticketClosed} or {@code transferToEmail} when the agent workspace gave it, else null
   * @param by {@code api} (the connector's key), {@code zd:agentWorkspace} (an agent), or {@code system}
   */
  public record ControlChange(Instant at, String action, String from, String to, Map<String, Object> metadata,
      String reason, String by) {
    public ControlChange {
      Objects.requireNonNull(action, "action");
      metadata = Map.copyOf(metadata);
    }
  }

  /**
   * A conversation and everything in it.
   *
   * @param active the active switchboard integration's name, null after a release
   * @param pending the integration offered control, null when none
   */
  public record Conversation(String id, String userId, String active, String pending, Map<String, Object> metadata,
      List<Message> messages, List<Activity> activities, List<ControlChange> controlHistory) {
    public Conversation {
      metadata = Map.copyOf(metadata);
      messages = List.copyOf(messages);
      activities = List.copyOf(activities);
      controlHistory = List.copyOf(controlHistory);
    }

    /** The messages by {@code user} or {@code business} authors, in order. */
    public List<Message> messagesBy(String authorType) {
      return messages.stream().filter(m -> m.authorType().equals(authorType)).toList();
    }

    /** Business messages the API posted (not agents), in order: the bot's replies. */
    public List<Message> apiReplies() {
      return messages.stream().filter(m -> m.isBusiness() && "api:conversations".equals(m.sourceType())).toList();
    }

    /**
     * The bot's replies posted while another integration (or none) had control: what a connector must never send
     * after a handover. Empty when the bot spoke only in turn.
     */
    public List<Message> apiRepliesOutOfTurn(String botName) {
      return apiReplies().stream().filter(m -> !botName.equals(m.activeWhenReceived())).toList();
    }
  }

  /**
   * What the agent workspace got at a {@code passControl} to it: the messaging ticket Zendesk creates.
   *
   * @param ticketId a number from 1, as a Support ticket id would be
   * @param firstMessageId the metadata's {@code first_message_id}, null when not given
   * @param firstMessageFound whether that id named a message of the conversation; when not, the transcript is the last
   *     10 messages, as without the key
   * @param transcript the messages the ticket shows: from {@code first_message_id} on, else the last 10
   * @param fields the metadata's {@code dataCapture.*} keys (e.g. {@code dataCapture.systemField.group_id})
   */
  public record Handover(long ticketId, String conversationId, Instant at, String firstMessageId,
      boolean firstMessageFound, List<Message> transcript, Map<String, Object> fields, Map<String, Object> metadata) {
    public Handover {
      transcript = List.copyOf(transcript);
      fields = Map.copyOf(fields);
      metadata = Map.copyOf(metadata);
    }
  }

  /**
   * A webhook of the bot's custom integration (zendesk.md §3.2).
   *
   * @param secret sent as the {@code X-API-Key} header of every delivery
   * @param triggers e.g. {@code conversation:message}, {@code switchboard:passControl}
   * @param includeFullUser whether message authors carry the user's {@code profile}
   * @param includeFullSource whether message sources carry {@code client} and {@code device} (kept and listed; the
   *     fake's messages carry no client or device either way)
   */
  public record Webhook(String id, String integrationId, URI target, List<String> triggers, String secret,
      boolean includeFullUser, boolean includeFullSource) {
    public Webhook {
      Objects.requireNonNull(target, "target");
      triggers = List.copyOf(triggers);
    }

    @Override
    public String toString() {
      return "Webhook[id=" + id + ", target=" + target + ", triggers=" + triggers + ", secret=***]";
    }
  }
}
