package io.deskbridge.core.engine;

import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.HelpdeskClient;

/** An installation as the engine runs it: its vendor calls and the identity it authenticated as at start. */
record Running(Installation installation, VendorCalls calls, HelpdeskClient.Identity identity) {
  HelpdeskClient client() {
    return installation.connector().client();
  }

  Capabilities capabilities() {
    return installation.connector().capabilities();
  }

  /** Whether an agent's note is a takeover ({@link io.deskbridge.core.spi.Capability#AGENT_NOTES_TAKE_OVER}). */
  boolean agentNotesTakeOver() {
    return capabilities().has(io.deskbridge.core.spi.Capability.AGENT_NOTES_TAKE_OVER);
  }

  /** The vendor's id of the bot's user: its messages are the bot's own. */
  String botId() {
    return identity.userId();
  }
}
