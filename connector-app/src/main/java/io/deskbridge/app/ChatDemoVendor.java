package io.deskbridge.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A chat vendor as the demo and the chaos tests drive it: a {@link DemoVendor} whose conversations are chats. A chat
 * has no internal notes: what the agent gets at a handover is the vendor's own agent view (the transcript, the group,
 * the tags and the bot's summary), which {@link #entries} lists as one non-public bot entry holding the summary, so
 * that the ticket counts (one note per handover) hold for chats too. Thread-safe as the fakes are.
 */
public interface ChatDemoVendor extends DemoVendor {
  /**
   * What the agent sees when a chat is handed over.
   *
   * @param ticket     the vendor's record of the handover, for people (Zendesk: the messaging ticket and its id)
   * @param transcript the messages shown to the agent, oldest first
   * @param summary    the bot's handover summary, as the agent reads it
   * @param group      the group or queue's name, {@code ""} when none
   * @param tags       the tags the handover set
   */
  record AgentView(String conversation, String ticket, Instant at, List<Entry> transcript, String summary,
      String group, List<String> tags) {
    public AgentView {
      transcript = List.copyOf(transcript);
      tags = List.copyOf(tags);
    }
  }

  /** The agent's view of the conversation's latest handover, empty when it was never handed over. */
  Optional<AgentView> agentView(String conversation);

  /**
   * The agent is done and hands the chat back (Zendesk: the messaging ticket is closed and control released).
   *
   * @throws UnsupportedOperationException where the fake cannot ({@link #releases()} is false)
   */
  void agentReleases(String conversation);

  /** Whether the fake can give a chat back to the bot ({@link #agentReleases}). */
  boolean releases();

  /**
   * Whether the vendor still sends the bot the customer's messages while people have the chat (SunCo's standby
   * events), which the connector must then leave alone; false where the vendor stops sending them (Daktela).
   */
  boolean standby();
}
